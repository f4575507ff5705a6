"""``supervision``: hours of reflective supervision/consultation (RS/C) received within one
window of months, over a period of at least some months, while working in the field
(portfolio-format.md, "RS/C within a 1-2 year period")."""

from __future__ import annotations

import datetime as dt
from typing import Any

from msgspec.structs import replace

from ...model.message import N_, Nn_
from ...model.portfolio import Portfolio
from ...model.results import Details, RequirementResult, Said
from ...model.rules import SupervisionReq
from ..dates import add_months, months_before
from ..facts import UNITS, Facts
from ..forecast import Pace, day_window_reached, pace_over, window_drops, window_end
from ..windows import Scan, Window, candidates, scan
from . import Forecast, Judging, Kind, amount, hours, register
from .pace import at_pace, hours_missing, pace_said, recent


class SupervisionDetails(Details, frozen=True, kw_only=True):
    window_months: int
    span_months: int = 0
    #: The window named: the one that meets the rule, else the one with most hours.
    window_start: dt.date | None = None
    window_end: dt.date | None = None
    first_session: dt.date | None = None
    last_session: dt.date | None = None
    sessions: int = 0
    #: The hours the window named holds: fewer than ``have`` (the most in any window) when
    #: the window with most hours does not stretch over ``span_months``.
    window_hours: int | float = 0
    #: Its sessions stretch over ``span_months``.
    spans: bool = False
    #: The hours are there, but over a period shorter than ``span_months``.
    period_short: bool = False
    hours_outside_field_work: int | float = 0


class FilteredSupervisionDetails(SupervisionDetails, frozen=True, kw_only=True):
    """RS/C counted from some sessions only: endorsed providers, during work with some ages."""

    about_providing_hours: int | float = 0
    about_providing_need: int | float = 0
    #: Sessions whose provider is not endorsed as the rules ask.
    not_counted_provider: tuple[str, ...] = ()


def uses_filter(req: SupervisionReq) -> bool:
    return (req.provider_endorsements is not None or req.while_ages is not None
            or bool(req.about_providing_hours))


def counted_sessions(req: SupervisionReq, j: Judging
                     ) -> tuple[list[tuple[dt.date, int, int]], list[int]]:
    """(date, hours, hours about providing RS/C) of the sessions ``req`` counts, sorted, and
    the indices of those dropped for their provider."""
    from ..dates import contains
    from ..facts import field_periods, units
    from ..work import endorsements, job_ages

    p = j.portfolio
    assert p is not None
    known = endorsements(j)
    if req.while_ages is None:
        field = j.facts.field_periods
    else:
        key = ("field-with-ages", tuple(sorted(req.while_ages)))
        if key not in j.shared:  # credentials that ask the same ages share it
            j.shared[key] = field_periods(
                (job for job in p.work if set(job_ages(job, j.rules)) & set(req.while_ages)),
                j.as_of)
        field = j.shared[key]
    starts = [start for start, _ in field]
    kept: list[tuple[dt.date, int, int]] = []
    dropped: list[int] = []
    for i, session in enumerate(p.supervision):
        if session.date > j.as_of or not contains(field, session.date, starts):
            continue
        if req.provider_endorsements is not None and not known.matches(
                session.provider_credential, req.provider_endorsements):
            dropped.append(i)
            continue
        amount = units(session.hours)
        kept.append((session.date, amount, amount if session.about_providing else 0))
    kept.sort()
    return kept, dropped


def provider_entries(p: Portfolio, dropped: list[int]) -> list[dict[str, object]]:
    """The sessions at ``dropped`` (left out for their provider's endorsement), for a next
    step: number from 1, provider, date and the endorsement as written."""
    return [{"number": i + 1, "title": p.supervision[i].provider, "date": p.supervision[i].date,
             "credential": p.supervision[i].provider_credential} for i in dropped]


def _filtered_scan(req: SupervisionReq, j: Judging) -> tuple[Scan, list[int]]:
    """The scan of the sessions ``req`` counts, and the indices of those dropped for their
    provider."""
    sessions, dropped = counted_sessions(req, j)
    return scan([(day, h) for day, h, _ in sessions], req.window_months or 12,
                req.min_span_months, round(req.hours * UNITS),
                round(req.about_providing_hours * UNITS),
                about=[a for _, _, a in sessions]), dropped


def named_window(req: SupervisionReq, j: Judging) -> Window:
    """The window the requirement names (its details' ``window_start`` to ``window_end``),
    with the hours it holds, which may be fewer than the requirement's ``have``, the most in
    any window."""
    if uses_filter(req):
        return _filtered_scan(req, j)[0].best
    return _scan(req, j, round(req.hours * UNITS)).best


def _judge_filtered(req: SupervisionReq, j: Judging, noted: Said | None) -> RequirementResult:
    months = req.window_months or 12
    need, about_need = round(req.hours * UNITS), round(req.about_providing_hours * UNITS)
    found, dropped = _filtered_scan(req, j)
    shown, about, met = found.best, found.best.about, found.met
    p = j.portfolio
    assert p is not None
    details = FilteredSupervisionDetails(
        window_months=months, span_months=req.min_span_months, window_start=shown.start,
        window_end=shown.end, first_session=shown.first_session,
        last_session=shown.last_session, sessions=shown.sessions,
        window_hours=hours(shown.hours), spans=shown.spans,
        period_short=shown.hours >= need and about >= about_need and not shown.spans,
        hours_outside_field_work=hours(j.facts.sessions_outside_field),
        about_providing_hours=hours(about), about_providing_need=hours(about_need),
        not_counted_provider=tuple(f"supervision[{i}]" for i in dropped))
    entries = provider_entries(p, dropped)
    providers = list(req.provider_endorsements or ())
    situation = "provider" if dropped and found.have < need else None
    result = j.counted(req, have=found.have, need=req.hours, unit="hours", scale=UNITS,
                       details=details, window_months=months, span_months=req.min_span_months,
                       situation=situation, entries=entries, providers=providers)
    if result.met and not met:
        if about < about_need:
            missing = amount(about_need - about, UNITS, up=True)
            step = j.step(req, "about-providing", have=hours(about),
                          need=hours(about_need), missing=missing,
                          more={"count": missing, "unit": "hours"}, unit="hours",
                          window_months=months)
        elif shown.start is not None:  # else no session to date the period from
            step = j.step(req, "period-short", window_months=months,
                          span_months=req.min_span_months, have=result.have,
                          need=result.need, unit="hours", missing=0,
                          more={"count": 0, "unit": "hours"})
            noted = Said(code="rsc-period-short", values={
                "span_months": req.min_span_months, "first": shown.first_session,
                "last": shown.last_session,
                "reaches": add_months(shown.start, req.min_span_months)})
        else:
            step = result.step
        result = replace(result, met=False, step=step)
    if noted is not None:
        result = replace(result, noted=noted)
    return result


def judge(req: SupervisionReq, j: Judging) -> RequirementResult:
    track = j.facts.mentor_track or j.rules.default_mentor_track
    noted = None
    if req.mentor_tracks is not None and j.facts.mentor_track is None:
        noted = Said(code="mentor-track-assumed", values={"track": track})
    if req.mentor_tracks is not None and track not in req.mentor_tracks:
        return j.result(req, met=True, have=None, need=None, unit="hours", applies=False,
                        noted=Said(code="not-on-track", values={"track": track}),
                        details=SupervisionDetails(window_months=req.window_months,
                                                   span_months=req.min_span_months))
    if uses_filter(req):
        return _judge_filtered(req, j, noted)
    need = round(req.hours * UNITS)
    found = _scan(req, j, need)
    shown = found.best
    short = not found.met and shown.hours >= need  # the hours, but not over the period
    details = SupervisionDetails(
        window_months=req.window_months, span_months=req.min_span_months,
        window_start=shown.start, window_end=shown.end, first_session=shown.first_session,
        last_session=shown.last_session, sessions=shown.sessions,
        window_hours=hours(shown.hours), spans=shown.spans,
        period_short=short, hours_outside_field_work=hours(j.facts.sessions_outside_field))
    if short:
        noted = Said(code="rsc-period-short", values={
            "span_months": req.min_span_months, "first": shown.first_session,
            "last": shown.last_session, "reaches": add_months(shown.start, req.min_span_months)})
    result = j.counted(req, have=found.have, need=req.hours, unit="hours", scale=UNITS,
                       details=details, window_months=req.window_months,
                       span_months=req.min_span_months,
                       situation="period-short" if short else None)
    if not found.met and result.met:  # the hours, but not over the period
        result = replace(result, met=False, step=j.step(
            req, "period-short", window_months=req.window_months,
            span_months=req.min_span_months, have=result.have, need=result.need, unit="hours",
            missing=0, more={"count": 0, "unit": "hours"}))
    if noted is not None:
        result = replace(result, noted=noted)
    return result


def _scan(req: SupervisionReq, j: Judging, need: int) -> Scan:
    """Credentials that ask the same share one answer, and one pass over the sessions."""
    months, span = req.window_months, req.min_span_months
    if ("rsc", months, span) not in j.shared:
        j.shared["rsc", months, span] = candidates(j.facts.sessions, months, span)
    if ("rsc", months, span, need) not in j.shared:
        j.shared["rsc", months, span, need] = scan(j.facts.sessions, months, span, need,
                                                   found=j.shared["rsc", months, span])
    return j.shared["rsc", months, span, need]


def forecast(req: SupervisionReq, result: RequirementResult, j: Judging) -> Forecast:
    if uses_filter(req):
        details = result.details
        if isinstance(details, FilteredSupervisionDetails) and \
                details.about_providing_hours < details.about_providing_need:
            return Forecast(timed=False)  # sessions about the RS/C one gives, not a pace
        key = ("rsc-forecast", req.window_months, req.min_span_months, req.hours,
               tuple(req.provider_endorsements or ()), tuple(req.while_ages or ()))
        if key not in j.shared:
            kept, dropped = counted_sessions(req, j)
            sessions = [(day, h) for day, h, _ in kept]
            j.shared[key] = _forecast(req, j, replace(j.facts, sessions=sessions),
                                      dropped=dropped)
        return j.shared[key]
    key = ("rsc-forecast", req.window_months, req.min_span_months, req.hours)
    if key not in j.shared:
        j.shared[key] = _forecast(req, j)
    return j.shared[key]


def _forecast(req: SupervisionReq, j: Judging, facts: Facts | None = None,
              dropped: list[int] | None = None) -> Forecast:
    """``facts`` holds the sessions ``req`` counts (all, by default); ``dropped`` the indices
    of those left out for their provider."""
    counted_only = facts is not None
    facts, plan = facts or j.facts, j.rules.forecast
    last_day = facts.last_field_day_ahead
    if last_day is not None and last_day <= j.as_of:
        return Forecast(why=Said(code="no-field-work-ahead", values={"as_of": j.as_of}))
    months, span = req.window_months, req.min_span_months
    need = round(req.hours * UNITS)
    drops = window_drops(facts.sessions, months, j.as_of)
    end = window_end(j.as_of, months, last_day)

    def reached(pace: Pace) -> dt.date | None:
        return day_window_reached(drops, need, pace, j.as_of, end, span)

    if j.rsc_per_month is not None:
        pace: Pace = (round(j.rsc_per_month * 12 * UNITS), 365)
        rate = Said(code="rsc-pace-assumed", values={"per_month": j.rsc_per_month})
    else:
        pace = pace_over(facts.sessions, j.pace_until, plan.rsc_pace_months)
        rate = pace_said(j, "rsc-pace" if pace[0] else "no-rsc-pace", plan.rsc_pace_months, pace,
                         **_none_counts(j, pace, plan.rsc_pace_months, dropped)
                         if counted_only else {})
    day = reached(pace)
    if day is not None:
        return Forecast(day=day, why=rate)
    if last_day is not None:
        return Forecast(why=Said(code="rsc-field-work-ends", values={"end": last_day}))
    # Never at this pace: find the least pace, in half hours a month, that gets there.
    # A faster pace never arrives later, so halve the range of half hours each time.
    exact = pace[0] / UNITS / pace[1] * 365 / 12 if pace[1] else 0.0
    low, high = int(exact * 2) + 1, max(int(req.hours * 2), 1)

    def half_hours(n: int) -> dt.date | None:
        return reached((n * 6 * UNITS, 365))  # n half hours a month

    values = {**rate.values, "pace": rate.code, "hours": req.hours, "window_months": months,
              "span_months": span}
    if half_hours(high) is None:
        return Forecast(why=Said(code="rsc-pace-never", values=values))
    while low < high:
        middle = (low + high) // 2
        if half_hours(middle) is None:
            low = middle + 1
        else:
            high = middle
    return Forecast(why=Said(code="rsc-pace-too-slow", values={
        **values, "least_per_month": high / 2, "least_day": half_hours(high)}))


def _none_counts(j: Judging, pace: Pace, months: int, dropped: list[int] | None
                 ) -> dict[str, str]:
    """When no session of the recent months counts but some were held, why not: their
    provider's endorsement ("provider"), or the ages of the work they were held in ("ages").
    Saying "no RS/C in the last 6 months" then would be false."""
    if pace[0] or not pace_over(j.facts.sessions, j.pace_until, months)[0]:
        return {}  # some count, or none was held during work in the field: said as it is
    since = months_before(j.pace_until, months)
    p = j.portfolio
    assert p is not None
    provider = any(since < p.supervision[i].date <= j.pace_until for i in dropped or ())
    return {"not_counted": "provider" if provider else "ages"}


# -- its words -------------------------------------------------------------------------------


def standing(w: Any, req: RequirementResult) -> str:
    """"20 hours, sessions 2025-01-02 to 2025-06-01 (needs 24); 2 hours not counted:
    outside work in the field"."""
    d: Any = req.details
    middle = tail = ""
    if getattr(d, "first_session", None) and d.window_hours != req.have:
        # The most hours are in a window that does not stretch over the period; the window
        # named is another: say what it holds, so that no sentence gives it hours it lacks.
        middle = "; " + w._("{hours} in sessions {first} to {last}").format(
            hours=w.quantity(d.window_hours, "hours"), first=w.day(d.first_session),
            last=w.day(d.last_session))
    elif getattr(d, "first_session", None):
        middle = ", " + w._("sessions {first} to {last}").format(
            first=w.day(d.first_session), last=w.day(d.last_session))
    if getattr(d, "hours_outside_field_work", 0):
        tail = "; " + w._("{hours} not counted: outside work in the field").format(
            hours=w.quantity(d.hours_outside_field_work, "hours"))
    return w.against(req, middle, tail)


def _rate(w: Any, v: dict[str, Any], code: str | None = None) -> str:
    """The pace a forecast of RS/C went by: measured, assumed, or none (and why none)."""
    code = code or v.get("pace", "")
    if code == "rsc-pace-assumed":
        return w._("at the {hours} a month you assumed").format(
            hours=w.quantity(v["per_month"], "hours"))
    if code == "no-rsc-pace" and v.get("not_counted") == "provider":
        return w._("none of your RS/C in {recent} counts, because its provider's "
                   "endorsement is not one these rules ask for").format(recent=recent(w, v))
    if code == "no-rsc-pace" and v.get("not_counted"):
        return w._("none of your RS/C in {recent} counts, because it was not held during "
                   "work with the ages these rules ask for").format(recent=recent(w, v))
    if code == "no-rsc-pace":
        return w._("you have had no RS/C in {recent}").format(recent=recent(w, v))
    return at_pace(w, v)


def _field_work_ends(w: Any, v: dict[str, Any]) -> str:
    return w._("RS/C counts only while you work in the field, and your work in the field ends "
               "on {date}").format(date=w.day(v["end"]))


def _never(w: Any, v: dict[str, Any], too_slow: bool = False) -> str:
    if v.get("span_months"):
        goal = w._("{hours} within one {window}-month period over at least {span} "
                   "months").format(hours=w.quantity(v["hours"], "hours"),
                                    window=v["window_months"], span=v["span_months"])
    else:
        goal = w._("{hours} within one {window}-month period").format(
            hours=w.quantity(v["hours"], "hours"), window=v["window_months"])
    text = w._("{rate}: that will not reach {goal}").format(rate=_rate(w, v), goal=goal)
    if too_slow:
        text += w._("; {hours} a month reaches it on {date}").format(
            hours=w.quantity(v["least_per_month"], "hours"), date=w.day(v["least_day"]))
    return text


def _track_assumed(w: Any, v: dict[str, Any]) -> str:
    return w._("your Mentor track is not set, so you are counted on the {track} track; if "
               "yours is another, set it with {command}").format(
                   track=w.choice("mentor_track", v["track"]), command=w.command())


def _period_short(w: Any, v: dict[str, Any]) -> str:
    return w._("the hours are there, but your sessions from {first} to {last} stretch over "
               "less than {months} months; a session on or after {reaches} completes the "
               "period").format(first=w.day(v["first"]), last=w.day(v["last"]),
                                months=v["span_months"], reaches=w.day(v["reaches"]))


def renewal_standing(w: Any, req: RequirementResult) -> str:
    """A year's hours, and the sessions whose provider's endorsement does not count."""
    d: Any = req.details
    tail = ""
    if getattr(d, "not_counted_hours", 0):
        sessions = w.listing(w.session(e) for e in d.not_counted)
        tail = "; " + w._("{hours} not counted ({sessions}): the provider's endorsement is "
                          "not one that counts").format(
                              hours=w.quantity(d.not_counted_hours, "hours"),
                              sessions=sessions)
    return w.against(req, tail=tail)


def short_missing(w: Any, req: RequirementResult) -> str:
    return hours_missing(w, req, Nn_("{count} more hour of RS/C", "{count} more hours of RS/C"))


register(Kind(params=SupervisionReq, judge=judge, forecast=forecast, section="supervision",
              own_tracks=True, standing=standing,
              says={"rsc-pace": _rate,
                    "rsc-pace-assumed": lambda w, v: _rate(w, v, "rsc-pace-assumed"),
                    "no-rsc-pace": lambda w, v: _rate(w, v, "no-rsc-pace"),
                    "rsc-field-work-ends": _field_work_ends, "rsc-pace-never": _never,
                    "rsc-pace-too-slow": lambda w, v: _never(w, v, too_slow=True),
                    "mentor-track-assumed": _track_assumed, "rsc-period-short": _period_short},
              renewal_standing=renewal_standing, short_missing=short_missing,
              short=N_("RS/C {have} of {need}")))
