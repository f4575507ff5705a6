"""The yearly renewal of an endorsement held: each renewal year's training, RS/C and
membership against the rules' ``[renewal]`` minimums, the year's status, and what the year now
running still needs by its due day. Codes and values only; ``render`` words them.

For one ``[[endorsement]]`` (code C, endorsed on E) on the as-of date T, the renewal years are
E's year up to T's. A year Y is, the first that applies: ``endorsed`` (Y is E's year, which
asks membership only), ``renewed`` (the association confirmed it), ``met``, ``due`` (T is on or
before its due day), ``late`` (T is in its late period), else ``lapsed``: the endorsement lapsed
the day after the late period, and later years are not judged.
"""

from __future__ import annotations

import calendar
import datetime as dt

from msgspec import Struct
from msgspec.structs import replace

from ..model.portfolio import Endorsement, Portfolio
from ..model.results import Details, RequirementResult, Said
from ..model.rules import MembershipReq, Renewal, Requirement, Rules, SupervisionReq, TrainingReq
from .dates import shift
from .facts import UNITS, count_facts, units
from .kinds import Judging, hours, more
from .kinds.supervision import provider_entries
from .kinds.training import judge_courses
from .work import endorsements

YearStatus = str  # endorsed | renewed | met | due | late | lapsed


class RenewalYear(Struct, frozen=True, kw_only=True):
    year: int
    status: YearStatus
    due: dt.date
    late_until: dt.date
    requirements: tuple[RequirementResult, ...] = ()
    #: The status in words (filled in by ``render``).
    summary: str = ""


class EndorsementRenewal(Struct, frozen=True, kw_only=True):
    #: The endorsement as the portfolio writes it, and its code in the rules (None: unknown).
    written: str
    credential: str | None
    #: Its number among the portfolio's endorsements, from 1.
    number: int
    endorsed: dt.date
    association: str | None = None
    #: current | due | late | lapsed | unknown
    status: str
    #: The day the next renewal is due (the late period's end when a year is late).
    due: dt.date | None = None
    days_left: int | None = None
    #: The day the endorsement lapsed, when it did.
    lapsed_on: dt.date | None = None
    years: tuple[RenewalYear, ...] = ()
    #: What the year now running (or a late year) still needs: its unmet requirements.
    missing_now: tuple[RequirementResult, ...] = ()
    #: The endorsement and its status in words (filled in by ``render``).
    name: str = ""
    summary: str = ""


class RenewalReport(Struct, frozen=True, kw_only=True):
    applicant: str
    as_of: dt.date
    rules_name: str
    endorsements: tuple[EndorsementRenewal, ...]


class RenewalHoursDetails(Details, frozen=True, kw_only=True):
    #: RS/C hours logged in the year, counted or not.
    logged: int | float = 0
    #: Sessions whose provider does not hold an endorsement that counts.
    not_counted_provider: tuple[str, ...] = ()
    not_counted_hours: int | float = 0
    #: The same sessions for the words: number from 1, provider, date, endorsement written.
    not_counted: tuple[dict[str, object], ...] = ()


def _day(year: int, month_day: str) -> dt.date:
    """``month_day`` (``MM-DD``, checked by the rules loader) in ``year``; 29 February in a
    common year is the 28th, and a year past the calendar's last is held at its last day."""
    if year > dt.MAXYEAR:
        return dt.date.max
    month, day = map(int, month_day.split("-"))
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def due_day(renewal: Renewal, year: int) -> dt.date:
    return _day(year, renewal.due)


def late_day(renewal: Renewal, year: int) -> dt.date:
    """The late period's last day: in the next year when its day is not after ``due``."""
    same = _day(year, renewal.late_until)
    return same if same > due_day(renewal, year) else _day(year + 1, renewal.late_until)


def _anniversary(day: dt.date, years: int) -> dt.date:
    if day.year + years > dt.MAXYEAR:
        return dt.date.max
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February: 1 March
        return dt.date(day.year + years, 3, 1)


def provides_rsc(code: str, portfolio: Portfolio, rules: Rules, year: int) -> bool:
    info = rules.endorsements.get(code)
    if info is not None and info.provides_rsc:
        return True
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return any("rsc-provider" in job.roles and job.start <= last
               and (job.end is None or job.end >= first) for job in portfolio.work)


def applicable(renewal: Renewal, code: str, portfolio: Portfolio, rules: Rules,
               year: int) -> list[Requirement]:
    out = []
    for req in renewal.requirement:
        if req.credentials is not None and code not in req.credentials:
            continue
        if req.only_if_provides_rsc and not provides_rsc(code, portfolio, rules, year):
            continue
        out.append(req)
    return out


def _step(code: str, result: RequirementResult, **values: object) -> RequirementResult:
    if result.met or result.step is None:
        return result
    return replace(result, step=Said(code=code, values={**result.step.values, **values}))


def judge_training(req: TrainingReq, j: Judging, year: int, due: dt.date) -> RequirementResult:
    courses = [c for c in j.portfolio.training  # type: ignore[union-attr]
               if c.date.year == year and c.date <= j.as_of]
    result = judge_courses(req, j, courses)
    if result.met or result.step is None:
        return result
    topics = result.step.values.get("topics") or {}
    total = result.step.values["more"]["count"]
    count = max([total, *topics.values()])
    code = "renewal.training.topic" if topics else "renewal.training"
    return _step(code, result, year=year, due=due, more=more(count, "hours"), missing=count)


def judge_supervision(req: SupervisionReq, j: Judging, year: int, due: dt.date,
                      endorsed: dt.date) -> RequirementResult:
    p = j.portfolio
    assert p is not None
    need = req.hours
    if req.reduced is not None and _anniversary(endorsed, req.reduced.after_years) <= due:
        need = req.reduced.hours
    known = endorsements(j)
    counted = logged = 0
    dropped: list[int] = []
    for i, s in enumerate(p.supervision):
        if s.date.year != year or s.date > j.as_of:
            continue
        logged += units(s.hours)
        if req.provider_endorsements is None or known.matches(s.provider_credential,
                                                              req.provider_endorsements):
            counted += units(s.hours)
        else:
            dropped.append(i)
    entries = provider_entries(p, dropped)
    details = RenewalHoursDetails(
        logged=hours(logged), not_counted_provider=tuple(f"supervision[{i}]" for i in dropped),
        not_counted_hours=hours(logged - counted), not_counted=tuple(entries))
    result = j.counted(req, have=counted, need=need, unit="hours", scale=UNITS,
                       details=details, entries=entries,
                       providers=list(req.provider_endorsements or ()))
    return _step("renewal.supervision", result, year=year, due=due)


def judge_membership(req: MembershipReq, j: Judging, held: Endorsement, due: dt.date,
                     open_year: bool) -> RequirementResult:
    if not open_year:
        return j.result(req, met=True, have=None, need=None, unit=None, applies=False,
                        noted=Said(code="renewal-not-checked"))
    end = held.membership_end
    met = end is not None and end >= due
    return j.result(req, met=met, have=end.isoformat() if end else None, need=due.isoformat(),
                    unit="date", step=Said(code="membership", values={"due": due}))


def judge_year(renewal: Renewal, j: Judging, held: Endorsement, code: str, year: int,
               only_membership: bool) -> tuple[RequirementResult, ...]:
    p = j.portfolio
    assert p is not None
    due, late = due_day(renewal, year), late_day(renewal, year)
    open_year = j.as_of <= late
    results = []
    for req in applicable(renewal, code, p, j.rules, year):
        if isinstance(req, MembershipReq):
            results.append(judge_membership(req, j, held, due, open_year))
        elif only_membership:
            continue
        elif isinstance(req, TrainingReq):
            results.append(judge_training(req, j, year, due))
        elif isinstance(req, SupervisionReq):
            results.append(judge_supervision(req, j, year, due, held.endorsed))
    return tuple(results)


def renew_one(renewal: Renewal, j: Judging, held: Endorsement, number: int) -> EndorsementRenewal:
    code = endorsements(j).code(held.credential)
    as_of = j.as_of
    base = {"written": held.credential, "credential": code, "number": number,
            "endorsed": held.endorsed, "association": held.association}
    if code is None or code == "vetted" or held.endorsed > as_of:
        return EndorsementRenewal(**base, status="unknown")
    years: list[RenewalYear] = []
    lapsed_on: dt.date | None = None
    for year in range(held.endorsed.year, as_of.year + 1):
        due, late = due_day(renewal, year), late_day(renewal, year)
        if lapsed_on is not None:
            years.append(RenewalYear(year=year, status="lapsed", due=due, late_until=late))
            continue
        first = year == held.endorsed.year and renewal.first_year == "membership-only"
        reqs = judge_year(renewal, j, held, code, year, only_membership=first)
        if first:
            status = "endorsed"
        elif held.renewed_through is not None and year <= held.renewed_through:
            status = "renewed"
        elif all(r.met for r in reqs):
            status = "met"
        elif as_of <= due:
            status = "due"
        elif as_of <= late:
            status = "late"
        else:
            status = "lapsed"
            lapsed_on = shift(late, 1)
        years.append(RenewalYear(year=year, status=status, due=due, late_until=late,
                                 requirements=reqs))
    late_years = [y for y in years if y.status == "late"]
    running = years[-1]
    if lapsed_on is not None:
        status, next_due = "lapsed", None
    elif late_years:
        status, next_due = "late", late_years[0].late_until
    elif running.status == "due":
        status, next_due = "due", running.due
    else:
        status, next_due = "current", running.due
        if running.status in ("met", "renewed", "endorsed") and as_of > running.due:
            next_due = due_day(renewal, as_of.year + 1)
    missing = tuple(r for y in years if y.status in ("late", "due")
                    for r in y.requirements if r.applies and not r.met)
    return EndorsementRenewal(
        **base, status=status, due=next_due,
        days_left=(next_due - as_of).days if next_due else None, lapsed_on=lapsed_on,
        years=tuple(years), missing_now=missing)


def renew(portfolio: Portfolio, rules: Rules, as_of: dt.date) -> RenewalReport:
    """Every endorsement ``portfolio`` holds, against the yearly minimums of ``rules``."""
    assert rules.renewal is not None
    j = Judging(count_facts(portfolio, as_of), rules, portfolio=portfolio)
    return RenewalReport(
        applicant=portfolio.applicant.name, as_of=as_of, rules_name=rules.name,
        endorsements=tuple(renew_one(rules.renewal, j, held, n)
                           for n, held in enumerate(portfolio.endorsement, 1)))

