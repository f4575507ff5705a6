"""The counted facts of a portfolio on an as-of date (portfolio-format.md, "How the facts are counted").

Everything a requirement looks at is worked out here once per portfolio. Hours are counted
as whole micro-hours (millionths of an hour), so that sums are exact and never depend on
the order of entries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from msgspec import Struct, field

from ..model.message import N_, Nn_
from ..model.portfolio import DEGREE_LEVEL, Portfolio, Reference, Work
from ..model.results import PortfolioWarning
from .dates import Period, contains, days_in, merge, shift
from .entries import Flag, fix_with, flag, warning


#: Micro-hours in an hour: every decimal an applicant writes (1.5, 0.25, 1.333333) is exact.
UNITS = 1_000_000


def units(hours: float) -> int:
    """``hours`` as whole micro-hours: ``1.1`` is 1,100,000, not the nearest binary float."""
    return round(hours * UNITS)


def reachable(email: str | None, phone: str | None) -> bool:
    """Whether a reference can be reached: an email or a phone that is more than spaces."""
    return bool((email or "").strip() or (phone or "").strip())


def not_counted(ref: Reference) -> str | None:
    """Why a reference does not count: ``declined``, or ``no email or phone`` (not
    :func:`reachable`); None when it counts (portfolio-format.md, "References")."""
    if ref.status == "declined":
        return "declined"
    if not reachable(ref.email, ref.phone):
        return "no email or phone"
    return None


class Facts(Struct, kw_only=True):
    as_of: dt.date
    #: (level, completed date, degree) of each degree conferred on or before the as-of date.
    degrees: list[tuple[int, dt.date, str]] = field(default_factory=list)
    #: Degrees listed without a completed date (in progress), by level.
    degrees_in_progress: list[int] = field(default_factory=list)
    #: Merged infant/family work periods, up to the as-of date.
    field_periods: list[Period] = field(default_factory=list)
    #: Field work that goes on after the as-of date: (first day, last day or None if current).
    field_ahead: list[tuple[dt.date, dt.date | None]] = field(default_factory=list)
    training_hours: int = 0
    #: (date, hours) of the specialized training counted, for its pace.
    training_log: list[tuple[dt.date, int]] = field(default_factory=list)
    #: (date, hours) of RS/C sessions held during field work, sorted.
    sessions: list[tuple[dt.date, int]] = field(default_factory=list)
    sessions_outside_field: int = 0
    #: The indices of the RS/C sessions held outside field work.
    outside_field: list[int] = field(default_factory=list)
    references: int = 0
    references_received: int = 0
    #: (name, why) of each reference that does not count.
    references_uncounted: list[tuple[str, str]] = field(default_factory=list)
    areas: set[str] = field(default_factory=set)
    exam_status: str = "not-taken"
    mentor_track: str | None = None
    warnings: list[PortfolioWarning] = field(default_factory=list)
    exam_date: dt.date | None = None

    @property
    def highest_degree(self) -> tuple[int, str | None]:
        """The level and name of the highest degree held (``md`` over ``doctorate`` on a tie)."""
        return max(((level, degree) for level, _, degree in self.degrees), default=(0, None))

    def first_degree_at(self, level: int) -> dt.date | None:
        """The completed date of the earliest degree at ``level`` or above."""
        return min((day for lvl, day, _ in self.degrees if lvl >= level), default=None)

    def field_days(self, *, after: dt.date | None = None) -> int:
        return days_in(self.field_periods, after=after)

    @property
    def last_field_day_ahead(self) -> dt.date | None:
        """The last day of field work ahead; the as-of date when none goes on, None if open."""
        if not self.field_ahead:
            return self.as_of
        return None if self.field_ahead[-1][1] is None else self.field_ahead[-1][1]


def in_field(job: Work, as_of: dt.date) -> bool:
    """Whether ``job`` is work in the field (``infant_family``) begun by the as-of date."""
    return job.infant_family and job.start <= as_of


def field_periods(jobs: Iterable[Work], as_of: dt.date,
                  after: dt.date | None = None) -> list[Period]:
    """The days of work in the field among ``jobs``, merged, each day once: from each job's
    start to its end (the as-of date when it goes on or ends later), only the days strictly
    after ``after`` (a degree's day) when it is given (portfolio-format.md, "Work experience",
    "Post-degree experience"). Experience counts these days, and RS/C counts only on them."""
    out: list[Period] = []
    for job in jobs:
        if not in_field(job, as_of):
            continue
        start, end = job.start, min(job.end or as_of, as_of)
        if after is not None:
            start = max(start, shift(after, 1))
        if start <= end:
            out.append((start, end))
    return merge(out)


def field_ahead(jobs: Iterable[Work], as_of: dt.date) -> list[tuple[dt.date, dt.date | None]]:
    """The work in the field among ``jobs`` that goes on after the as-of date: (the next day,
    its last day or None when current), the latest end last and a current job after all."""
    tomorrow = shift(as_of, 1)
    return sorted(((tomorrow, job.end) for job in jobs
                   if in_field(job, as_of) and (job.end is None or job.end > as_of)),
                  key=lambda p: (p[1] is None, p[1]))


def _later(section: str, index: int | None, item: object, key: str, day: dt.date,
           as_of: dt.date) -> PortfolioWarning:
    return warning("later-date", section, index, item, key, date=day, as_of=as_of)


def count_facts(portfolio: Portfolio, as_of: dt.date) -> Facts:
    facts = Facts(as_of=as_of, mentor_track=portfolio.applicant.mentor_track)
    warn = facts.warnings.append

    for i, degree in enumerate(portfolio.education):
        level = DEGREE_LEVEL[degree.degree]
        if degree.completed is None:
            facts.degrees_in_progress.append(level)
        elif degree.completed > as_of:
            warn(_later("education", i, degree, "completed", degree.completed, as_of))
            facts.degrees_in_progress.append(level)
        else:
            facts.degrees.append((level, degree.completed, degree.degree))

    for i, job in enumerate(portfolio.work):
        if job.start > as_of:
            warn(_later("work", i, job, "start", job.start, as_of))
            continue
        facts.areas.update(job.competencies)
    facts.field_periods = field_periods(portfolio.work, as_of)
    facts.field_ahead = field_ahead(portfolio.work, as_of)

    for i, course in enumerate(portfolio.training):
        if course.date > as_of:
            warn(_later("training", i, course, "date", course.date, as_of))
            continue
        facts.areas.update(course.competencies)
        if course.imh:
            facts.training_hours += units(course.hours)
            facts.training_log.append((course.date, units(course.hours)))

    sessions = []
    starts = [start for start, _ in facts.field_periods]
    for i, session in enumerate(portfolio.supervision):
        if session.date > as_of:
            warn(_later("supervision", i, session, "date", session.date, as_of))
            continue
        hours = units(session.hours)
        if contains(facts.field_periods, session.date, starts):
            sessions.append((session.date, hours))
        else:
            facts.sessions_outside_field += hours
            facts.outside_field.append(i)
    facts.sessions = sorted(sessions)

    for ref in portfolio.reference:
        why = not_counted(ref)
        if why is not None:
            facts.references_uncounted.append((ref.name, why))
        else:
            facts.references += 1
            facts.references_received += ref.status == "received"
    facts.references_uncounted.sort()

    exam = portfolio.exam
    if exam is not None:
        facts.exam_status = exam.status
        facts.exam_date = exam.date
        if exam.status == "passed" and exam.date is not None and exam.date > as_of:
            warn(_later("exam", None, exam, "date", exam.date, as_of))
            facts.exam_status = "scheduled"
    return facts


# -- the words of its warning -----------------------------------------------------------------

#: Entries dated after the as-of date, many of one section said once.
LATER = {
    "supervision": Nn_("{count} RS/C session, {span}, is dated after the as-of date {date}, so "
                       "it is not counted yet",
                       "{count} RS/C sessions, {span}, are dated after the as-of date {date}, "
                       "so they are not counted yet"),
    "training": Nn_("{count} training, {span}, is dated after the as-of date {date}, so it is "
                    "not counted yet",
                    "{count} trainings, {span}, are dated after the as-of date {date}, so they "
                    "are not counted yet"),
    "": Nn_("{count} entry, {span}, is dated after the as-of date {date}, so it is not counted "
            "yet",
            "{count} entries, {span}, are dated after the as-of date {date}, so they are not "
            "counted yet"),
}


def _later_many(w: Any, group: list[PortfolioWarning], span: str) -> tuple[str, str]:
    section = group[0].entry.section if group[0].entry else ""
    n = len(group)
    return (w.n_(*LATER.get(section, LATER[""]), n).format(
        count=w.number(n), span=span, date=w.day(group[0].values["as_of"])),
        w._("nothing to do if the dates are right; otherwise correct them with "
            "{command}").format(command=w.command()))


flag(Flag(
    code="later-date",
    message=lambda w, flagged, it: w._(
        "{entry}: dated after the as-of date {date}, so it is not counted yet").format(
            entry=it, date=w.day(flagged.values["as_of"])),
    fix=fix_with(N_("nothing to do if the date is right; otherwise correct it with {command}")),
    many=_later_many))
