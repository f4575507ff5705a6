"""Red flags: entries a reviewer would question, each with the entry, and a fix in plain words.

The limits (hours a day, hours a week, how old a reference request may be) come from the
rules file's ``[red_flags]`` table.
"""

from __future__ import annotations

import datetime as dt

from ..model.portfolio import Portfolio
from ..model.results import PortfolioWarning
from ..model.rules import RedFlags
from .dates import contains, months_before
from .facts import Facts


def _flag(code: str, where: str, message: str, fix: str) -> PortfolioWarning:
    return PortfolioWarning(code=code, where=where, message=message, fix=fix)


def _g(value: float) -> str:
    return f"{value:g}"


def red_flags(portfolio: Portfolio, facts: Facts, limits: RedFlags) -> list[PortfolioWarning]:
    as_of = facts.as_of
    flags: list[PortfolioWarning] = []
    repeats = _twice(portfolio)
    flags += _rsc_outside_field(portfolio, facts)
    flags += _too_much_in_a_day(portfolio, limits, {w.where for w in repeats})
    flags += repeats
    flags += _references(portfolio, as_of, limits)
    exam = portfolio.exam
    if exam is not None and exam.status == "scheduled" and exam.date is not None and exam.date < as_of:
        flags.append(_flag(
            "exam-date-past", "exam.date",
            f"The exam is still marked scheduled for {exam.date.isoformat()}, a day already past",
            'set status = "passed" or "failed", or the new date if it moved'))
    for i, course in enumerate(portfolio.training):
        if not course.competencies:
            flags.append(_flag(
                "training-no-areas", f"training[{i}]",
                f'The training "{course.title}" names no competency areas, so it cannot '
                "support the professional portfolio",
                'add the areas it covered, e.g. competencies = ["reflection"]'))
    flags += _overlapping_work(portfolio, as_of, limits)
    return flags


def _rsc_outside_field(portfolio: Portfolio, facts: Facts) -> list[PortfolioWarning]:
    return [
        _flag("rsc-outside-field", f"supervision[{i}].date",
              f"This RS/C session on {s.date.isoformat()} falls outside every period of "
              "work in the field, so it does not count",
              "check its date, or add the job you held then under [[work]] "
              "(with infant_family = true)")
        for i, s in enumerate(portfolio.supervision)
        if s.date <= facts.as_of and not contains(facts.field_periods, s.date)
    ]


def _too_much_in_a_day(portfolio: Portfolio, limits: RedFlags,
                       repeated: set[str]) -> list[PortfolioWarning]:
    """Hours on one day past the limit; an entry logged twice is told once, as a repeat."""
    flags = []
    checks = (("supervision", "RS/C", limits.max_rsc_hours_per_day, "rsc-hours-per-day"),
              ("training", "training", limits.max_training_hours_per_day, "training-hours-per-day"))
    for section, what, limit, code in checks:
        totals: dict[dt.date, float] = {}
        first: dict[dt.date, int] = {}
        for i, entry in enumerate(getattr(portfolio, section)):
            if f"{section}[{i}]" not in repeated:
                totals[entry.date] = totals.get(entry.date, 0) + entry.hours
                first.setdefault(entry.date, i)
        for day, total in sorted(totals.items()):
            if total > limit:
                flags.append(_flag(
                    code, f"{section}[{first[day]}].hours",
                    f"{_g(total)} hours of {what} on {day.isoformat()}, more than "
                    f"{_g(limit)} in one day",
                    "check the hours; if the entry sums up several days, log each day apart"))
    return flags


def _twice(portfolio: Portfolio) -> list[PortfolioWarning]:
    flags = []
    for section, name, what in (("training", "title", "training"),
                                ("supervision", "provider", "RS/C session")):
        seen: set[tuple] = set()
        for i, entry in enumerate(getattr(portfolio, section)):
            key = (entry.date, getattr(entry, name).strip().casefold(), entry.hours)
            if key in seen:
                flags.append(_flag(
                    "duplicate-entry", f"{section}[{i}]",
                    f'The {what} "{getattr(entry, name)}" on {entry.date.isoformat()} '
                    f"({_g(entry.hours)} hours) is listed twice",
                    "remove one of them if it was logged twice"))
            seen.add(key)
    return flags


def _references(portfolio: Portfolio, as_of: dt.date, limits: RedFlags) -> list[PortfolioWarning]:
    flags = []
    me = portfolio.applicant
    my_email = (me.email or "").strip().casefold()
    my_name = " ".join(me.name.split()).casefold()
    emails: dict[str, str] = {}
    stale_before = months_before(as_of, limits.reference_stale_months)
    for i, ref in enumerate(portfolio.reference):
        email = (ref.email or "").strip().casefold()
        if email and email in emails:
            flags.append(_flag(
                "duplicate-reference", f"reference[{i}].email",
                f"{ref.name} has the same email as {emails[email]}, listed above",
                "list each person once; three different people must rate you"))
        elif email:
            emails[email] = ref.name
        if " ".join(ref.name.split()).casefold() == my_name:
            flags.append(_flag("reference-is-applicant", f"reference[{i}]",
                               f"{ref.name} is you: a reference must be someone else",
                               "ask a supervisor, RS/C provider or colleague instead"))
        elif email and email == my_email:
            flags.append(_flag("reference-is-applicant", f"reference[{i}].email",
                               f"{ref.name} has your own email address",
                               "give the reference's own email; a reference must be "
                               "someone else"))
        if ref.status == "requested" and ref.requested is not None and ref.requested < stale_before:
            flags.append(_flag(
                "reference-stale", f"reference[{i}].requested",
                f"The rating from {ref.name} was requested on {ref.requested.isoformat()}, more "
                f"than {limits.reference_stale_months} months ago, and has not come in",
                "ask again, or ask someone else and mark this one declined"))
    return flags


def _overlapping_work(portfolio: Portfolio, as_of: dt.date, limits: RedFlags) -> list[PortfolioWarning]:
    """At each job's first day, the weekly hours of the jobs already going on then (for
    ``min_overlap_days`` or more together), added up. Each overlap is told once, at the
    later job."""
    jobs = [(job.start, job.end or dt.date.max, job.hours_per_week or limits.assumed_hours_per_week, i)
            for i, job in enumerate(portfolio.work) if job.start <= as_of]
    flags = []
    for start, end, hours, i in sorted(jobs):
        earlier = [j for s, e, _, j in jobs
                   if (s, j) < (start, i) and s <= start <= e
                   and (min(e, end) - start).days + 1 >= limits.min_overlap_days]
        total = hours + sum(h for _, _, h, j in jobs if j in earlier)
        if earlier and total > limits.max_work_hours_per_week:
            assumed = any(portfolio.work[j].hours_per_week is None for j in [i, *earlier])
            titles = " and ".join(f'"{portfolio.work[j].title}"' for j in earlier)
            flags.append(_flag(
                "work-hours-per-week", f"work[{i}]",
                f'From {start.isoformat()} "{portfolio.work[i].title}" overlaps {titles} '
                f"for {_g(total)} hours a week together, more than "
                f"{_g(limits.max_work_hours_per_week)}"
                + (f" ({_g(limits.assumed_hours_per_week)} assumed where hours_per_week is not given)"
                   if assumed else ""),
                "check the start and end dates, and give hours_per_week for part-time work"))
    return flags
