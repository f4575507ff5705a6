"""The numbers of a cohort, added up one `endorse check` row at a time.

A :class:`Tally` takes each row as it streams in (with its assessment document, as `check
--format jsonl` writes it) and keeps only counts, a few counters, and one small
:class:`Person` per portfolio: memory grows by a short record a file, never by a document.
:meth:`Tally.cohort` then gives the :class:`Cohort` that the page, the CSV and the JSON show.

Every word shown comes from the rules (credential names, requirement labels) or from the
files (names, paths); units are the engine's (hours, years, references, areas).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any, NamedTuple

import msgspec
from msgspec import Struct

from ..model.results import CheckRow
from ..model.rules import Rules

REPORT_FORMAT = 1


# -- what is read of each assessment document (render/json_out.py writes it) ---------------


class _Requirement(Struct):
    id: str
    label: str
    met: bool
    applies: bool = True
    have: Any = None
    need: Any = None
    #: Time can meet it (experience, RS/C, training).
    timed: bool = False
    unit: str | None = None


class _Credential(Struct):
    id: str
    qualified: bool
    met: bool
    expected: dt.date | None = None
    #: Read only for the credential a person is judged for (most of a document's bytes).
    requirements: msgspec.Raw = msgspec.Raw(b"[]")


class _Named(Struct):
    id: str


class _Document(Struct):
    recommended: _Named
    credentials: list[_Credential]
    #: Present when the credential was named (--credential).
    checklist: _Named | None = None


_decode = msgspec.json.Decoder(_Document).decode
_decode_requirements = msgspec.json.Decoder(list[_Requirement]).decode


# -- what the report shows ----------------------------------------------------------------


class CredentialCount(Struct, kw_only=True):
    id: str
    name: str
    #: Portfolios judged for this credential (recommended to them, or named).
    judged_for: int = 0
    #: Every qualification requirement met.
    qualified: int = 0
    #: Every requirement met, as of the day judged.
    met: int = 0
    #: Met by the review date, as forecast (None without --review-date).
    met_by_review: int | None = None
    #: Not met, and no day can be forecast (a pace that never gets there, a missing degree).
    without_date: int = 0


class Series(Struct, kw_only=True):
    id: str
    name: str
    #: How many will have met the credential by the end of each month of :attr:`Readiness.months`.
    counts: list[int]


class Readiness(Struct, kw_only=True):
    #: ``YYYY-MM``, from the month of the day judged on.
    months: list[str]
    series: list[Series]


class Holdback(Struct, kw_only=True):
    """One requirement of a credential, and the people judged for it who miss it."""

    credential: str
    requirement: str
    label: str
    people: int
    #: The median of what is missing (need less have), for requirements counted in a unit.
    median_short: float | None
    unit: str | None


class Person(Struct, kw_only=True, gc=False):
    name: str
    file: str
    credential: str
    met: bool
    requirements_met: int
    requirements_total: int
    #: When the credential will be met, as forecast; None when met already or no day is known.
    expected: dt.date | None
    red_flags: int
    #: Nothing that takes time is missing: met as soon as the person takes the steps left,
    #: so the nearest after those who have met it.
    steps_only: bool = False


class Unreadable(Struct, kw_only=True):
    file: str
    reason: str
    line: int | None = None
    fix: str | None = None


class Said(NamedTuple):
    """Why a file could not be read, and what to do, in the reader's language: for the page
    and the terminal only (:class:`Unreadable` keeps the English of the JSON and the CSV)."""

    reason: str
    fix: str | None


class RenewalDue(Struct, kw_only=True):
    name: str
    file: str
    credential: str
    due: dt.date


class Renewals(Struct, kw_only=True):
    """Who is due to renew in the next 90 days, and who has lapsed."""

    due: list[RenewalDue] = []
    lapsed: list[RenewalDue] = []


class Cohort(Struct, kw_only=True):
    format: int = REPORT_FORMAT
    as_of: dt.date
    review_date: dt.date | None
    rules: str
    #: The credential every portfolio was judged for (--credential), else None: each
    #: portfolio's target, else its recommended credential, as `check` judges it.
    credential: str | None
    judged: int
    invalid: int
    credentials: list[CredentialCount]
    readiness: Readiness
    holding_back: list[Holdback]
    people: list[Person]
    unreadable: list[Unreadable]
    #: Only when the rules have renewal; None otherwise (the page then has no such section).
    renewals: Renewals | None = None


# -- adding up ------------------------------------------------------------------------------


def month_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _months(first: dt.date, last: str) -> list[str]:
    year, month = first.year, first.month
    out = [month_of(first)]
    while out[-1] < last:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        out.append(f"{year:04d}-{month:02d}")
    return out


def _add_months(day: dt.date, months: int) -> str:
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _short(value: float | None) -> int | float | None:
    """A median amount missing to 2 decimals, rounded up as the engine rounds what is missing
    (8.375 hours is 8.38)."""
    if value is None:
        return None
    from ..engine.facts import UNITS
    from ..engine.kinds import amount

    return amount(round(value * UNITS), UNITS, up=True)


def median(counts: Counter[float]) -> float | None:
    """The median of values given with how often each occurs."""
    total = sum(counts.values())
    if not total:
        return None
    values = sorted(counts)
    low_rank, high_rank = (total - 1) // 2, total // 2
    seen, low = 0, None
    for value in values:
        seen += counts[value]
        if low is None and seen > low_rank:
            low = value
        if seen > high_rank:
            return (low + value) / 2
    raise AssertionError("unreachable")


#: A renewal due within this many days of the day judged is listed as due.
DUE_WITHIN_DAYS = 90


def renewal_in(rules: Rules) -> bool:
    """Whether the rules have a yearly renewal (a ``[renewal]`` table, as the rules packs
    have): the renewals section shows only then."""
    return getattr(rules, "renewal", None) is not None


class _Missing:
    __slots__ = ("label", "people", "short", "unit")

    def __init__(self, label: str) -> None:
        self.label = label
        self.people = 0
        self.short: Counter[float] = Counter()
        self.unit: str | None = None


class _Progress:
    """One credential's readiness: met now, and the forecast days counted by month."""

    __slots__ = ("met", "qualified", "by_month", "by_review", "undated")

    def __init__(self) -> None:
        self.met = self.qualified = self.by_review = self.undated = 0
        self.by_month: Counter[str] = Counter()


class Tally:
    """The cohort's numbers so far. :meth:`add` each row; :meth:`cohort` at the end."""

    def __init__(self, rules: Rules, *, rules_name: str, as_of: dt.date,
                 review_date: dt.date | None = None, credential: str | None = None) -> None:
        self.rules = rules
        self.rules_name = rules_name
        self.as_of = as_of
        self.review_date = review_date
        self.credential = credential
        shown = [c for c in rules.credential if credential in (None, c.id)]
        self.progress = {c.id: _Progress() for c in shown}
        self.order = {(c.id, r.id): (i, j) for i, c in enumerate(rules.credential)
                      for j, r in enumerate(c.requirement)}
        self.missing: dict[tuple[str, str], _Missing] = {}
        self.people: list[Person] = []
        self.judged_for: Counter[str] = Counter()
        self.unreadable: list[Unreadable] = []
        #: The reader's words for each of :attr:`unreadable`, in the same order.
        self.said: list[Said] = []
        self.renewals = Renewals() if renewal_in(rules) else None

    def add(self, row: CheckRow) -> None:
        if row.invalid:
            from ..render.rows import error_reason

            self.unreadable.append(Unreadable(file=row.file, reason=error_reason(row),
                                              line=row.error_line, fix=row.error_fix))
            self.said.append(Said(reason=error_reason(row, said=True),
                                  fix=row.error_fix_said or row.error_fix))
            return
        assert row.document is not None, "rows must be judged with documents=True"
        doc = _decode(row.document)
        for result in doc.credentials:
            progress = self.progress.get(result.id)
            if progress is None:
                continue
            progress.qualified += result.qualified
            if result.met:
                progress.met += 1
            elif result.expected is None:
                progress.undated += 1
            else:
                progress.by_month[month_of(result.expected)] += 1
            if self.review_date is not None and (result.met or (
                    result.expected is not None and result.expected <= self.review_date)):
                progress.by_review += 1
        # The credential `check` judged the row by (named, else the target, else recommended),
        # so that the row's counts and the credential always agree.
        judged_id = row.credential or (doc.checklist.id if doc.checklist else doc.recommended.id)
        judged = next(c for c in doc.credentials if c.id == judged_id)
        self.judged_for[judged.id] += 1
        timed_left = False
        for req in _decode_requirements(judged.requirements):
            if req.met or not req.applies:
                continue
            timed_left = timed_left or req.timed
            missing = self.missing.get((judged.id, req.id))
            if missing is None:
                missing = self.missing[(judged.id, req.id)] = _Missing(req.label)
            missing.people += 1
            if _is_number(req.have) and _is_number(req.need):
                missing.short[round(req.need - req.have, 2)] += 1
                missing.unit = req.unit
        self.people.append(Person(
            name=row.applicant or "", file=row.file, credential=judged.id, met=judged.met,
            requirements_met=row.requirements_met or 0,
            requirements_total=row.requirements_total or 0,
            expected=None if judged.met else judged.expected, red_flags=row.warnings,
            steps_only=not judged.met and judged.expected is None and not timed_left))
        if self.renewals is not None:
            self._add_renewal(row, doc)

    def _add_renewal(self, row: CheckRow, doc: _Document) -> None:
        """Each endorsement the person holds: lapsed, or due within :data:`DUE_WITHIN_DAYS`
        days of the day judged (a late one too: its due day is the late period's end)."""
        assert self.renewals is not None
        for credential, status, due, lapsed_on in row.renewals:
            if status == "lapsed":
                self.renewals.lapsed.append(RenewalDue(
                    name=row.applicant or "", file=row.file, credential=credential,
                    due=lapsed_on or due or self.as_of))
            elif due is not None and (due - self.as_of).days <= DUE_WITHIN_DAYS:
                self.renewals.due.append(RenewalDue(name=row.applicant or "", file=row.file,
                                                    credential=credential, due=due))

    def cohort(self) -> Cohort:
        names = {c.id: c.name for c in self.rules.credential}
        counts = [
            CredentialCount(id=cid, name=names[cid], judged_for=self.judged_for[cid],
                            qualified=p.qualified, met=p.met,
                            met_by_review=p.by_review if self.review_date else None,
                            without_date=p.undated)
            for cid, p in self.progress.items()]
        horizon = _add_months(self.as_of, self.rules.forecast.horizon_months)
        last = max([_add_months(self.as_of, 11), *(m for p in self.progress.values()
                                                      for m in p.by_month)])
        if self.review_date is not None:
            last = max(last, month_of(self.review_date))
        months = _months(self.as_of, min(last, horizon))
        series = []
        for cid, p in self.progress.items():
            running, counts_by_month = p.met, []
            for month in months:
                running += p.by_month.get(month, 0)
                counts_by_month.append(running)
            series.append(Series(id=cid, name=names[cid], counts=counts_by_month))
        holding = sorted(
            (Holdback(credential=cid, requirement=rid, label=m.label, people=m.people,
                      median_short=_short(median(m.short)), unit=m.unit)
             for (cid, rid), m in self.missing.items()),
            key=lambda h: (-h.people, self.order.get((h.credential, h.requirement), (999, 999))))
        return Cohort(
            as_of=self.as_of, review_date=self.review_date, rules=self.rules_name,
            credential=self.credential, judged=len(self.people), invalid=len(self.unreadable),
            credentials=counts, readiness=Readiness(months=months, series=series),
            holding_back=holding, people=self.people, unreadable=self.unreadable,
            renewals=self.renewals and Renewals(
                due=sorted(self.renewals.due, key=lambda r: (r.due, r.file)),
                lapsed=sorted(self.renewals.lapsed, key=lambda r: (r.due, r.file))))


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
