"""Red flags: entries a reviewer would question, each as a code with the entry and values.

The limits (hours a day, hours a week, how old a reference request may be) come from the
rules file's ``[red_flags]`` table. Every check is one pass over the entries (the overlap of
jobs is a sweep with a heap), so a portfolio of any size and shape is judged quickly.
"""

from __future__ import annotations

import datetime as dt
import heapq

from ..model.portfolio import Portfolio
from ..model.results import PortfolioWarning
from ..model.rules import RedFlags
from .dates import months_before, shift
from .entries import warning
from .facts import Facts


def red_flags(portfolio: Portfolio, facts: Facts, limits: RedFlags) -> list[PortfolioWarning]:
    as_of = facts.as_of
    flags: list[PortfolioWarning] = []
    too_much, repeats = _by_day(portfolio, limits)
    flags += _rsc_outside_field(portfolio, facts)
    flags += too_much
    flags += repeats
    flags += _references(portfolio, as_of, limits)
    exam = portfolio.exam
    if exam is not None and exam.status == "scheduled" and exam.date is not None and exam.date < as_of:
        flags.append(warning("exam-date-past", "exam", None, exam, "date", date=exam.date))
    flags += [warning("training-no-areas", "training", i, course)
              for i, course in enumerate(portfolio.training) if not course.competencies]
    flags += _overlapping_work(portfolio, as_of, limits)
    return flags


def _rsc_outside_field(portfolio: Portfolio, facts: Facts) -> list[PortfolioWarning]:
    return [warning("rsc-outside-field", "supervision", i, portfolio.supervision[i], "date",
                    date=portfolio.supervision[i].date) for i in facts.outside_field]


def _by_day(portfolio: Portfolio, limits: RedFlags,
            ) -> tuple[list[PortfolioWarning], list[PortfolioWarning]]:
    """In one pass over each section: the hours on one day past the limit (RS/C sessions,
    then trainings), and the entries logged twice (trainings, then sessions).

    Past the limit is told at the day's last entry (the one just added, when an entry takes
    the day past it: said as it is saved); an entry logged twice (the same day, title or
    provider, and hours) is told once, as a repeat, and not added to its day again."""
    too_much: dict[str, list[PortfolioWarning]] = {}
    repeats: dict[str, list[PortfolioWarning]] = {}
    checks = (("training", "title", limits.max_training_hours_per_day, "training-hours-per-day"),
              ("supervision", "provider", limits.max_rsc_hours_per_day, "rsc-hours-per-day"))
    for section, name, limit, code in checks:
        entries = getattr(portfolio, section)
        seen: dict[tuple, int] = {}
        totals: dict[dt.date, float] = {}
        last: dict[dt.date, int] = {}
        twice = repeats[section] = []
        for i, entry in enumerate(entries):
            day, hours = entry.date, entry.hours
            key = (day, getattr(entry, name).strip().casefold(), hours)
            first = seen.get(key)
            if first is not None:
                twice.append(warning("duplicate-entry", section, i, entry, hours=hours,
                                     same_as=first + 1))
                continue
            seen[key] = i
            totals[day] = totals.get(day, 0) + hours
            last[day] = i
        too_much[section] = [
            warning(code, section, last[day], entries[last[day]], "hours", date=day,
                    hours=total, limit=limit)
            for day, total in sorted(totals.items()) if total > limit]
    return (too_much["supervision"] + too_much["training"],
            repeats["training"] + repeats["supervision"])


def _references(portfolio: Portfolio, as_of: dt.date, limits: RedFlags) -> list[PortfolioWarning]:
    flags = []
    me = portfolio.applicant
    my_email = (me.email or "").strip().casefold()
    my_name = " ".join(me.name.split()).casefold()
    emails: dict[str, int] = {}
    stale_before = months_before(as_of, limits.reference_stale_months)
    for i, ref in enumerate(portfolio.reference):
        email = (ref.email or "").strip().casefold()
        if email and email in emails:
            first = portfolio.reference[emails[email]]
            flags.append(warning("duplicate-reference", "reference", i, ref, "email",
                                 same_as=emails[email] + 1, other=first.name))
        elif email:
            emails[email] = i
        if " ".join(ref.name.split()).casefold() == my_name:
            flags.append(warning("reference-is-applicant", "reference", i, ref))
        elif email and email == my_email:
            flags.append(warning("reference-is-applicant", "reference", i, ref, "email",
                                 by="email"))
        if ref.status == "requested" and ref.requested is not None and ref.requested < stale_before:
            flags.append(warning("reference-stale", "reference", i, ref, "requested",
                                 date=ref.requested, months=limits.reference_stale_months))
    return flags


def _overlapping_work(portfolio: Portfolio, as_of: dt.date, limits: RedFlags) -> list[PortfolioWarning]:
    """At each job's first day, the weekly hours of the jobs already going on then for at
    least ``min_overlap_days`` together with it, added up. Each overlap is told once, at the
    later job.

    A sweep over the jobs by first day: a heap holds the earlier jobs by their last day, and
    a job leaves it once it ends before the days the next job would need to share with it
    (those days only move on), so each job enters and leaves it once: O(n log n).
    """
    assumed_hours = limits.assumed_hours_per_week
    jobs = sorted((job.start, i) for i, job in enumerate(portfolio.work) if job.start <= as_of)
    going: list[tuple[dt.date, int]] = []  # (last day, index) of the earlier jobs
    hours_going = 0.0
    assumed_going = 0
    flags = []
    for start, i in jobs:
        job = portfolio.work[i]
        end = job.end or dt.date.max
        shared_to = shift(start, limits.min_overlap_days - 1)  # the last of the days to share
        while going and going[0][0] < shared_to:
            _, j = heapq.heappop(going)
            hours_going -= portfolio.work[j].hours_per_week or assumed_hours
            assumed_going -= portfolio.work[j].hours_per_week is None
        hours = job.hours_per_week or assumed_hours
        if going and end >= shared_to and hours + hours_going > limits.max_work_hours_per_week:
            others = sorted(j for _, j in going[:3])
            flags.append(warning(
                "work-hours-per-week", "work", i, job, date=start, hours=hours + hours_going,
                limit=limits.max_work_hours_per_week,
                others=[portfolio.work[j].title for j in others[:2]],
                more_others=len(going) - min(len(others), 2),
                assumed=assumed_hours if assumed_going or job.hours_per_week is None else None))
        heapq.heappush(going, (end, i))
        hours_going += hours
        assumed_going += job.hours_per_week is None
    return flags
