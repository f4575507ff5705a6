"""Red flags: entries a reviewer would question, each as a code with the entry and values.

The limits (hours a day, hours a week, how old a reference request may be) come from the
rules file's ``[red_flags]`` table. Every check is one pass over the entries (the overlap of
jobs is a sweep with a heap), so a portfolio of any size and shape is judged quickly. Each
flag's sentences (its message, its fix, and for a cause many entries share, the sentence
that says it once) are registered with its code at the end of this module.
"""

from __future__ import annotations

import datetime as dt
import heapq
from typing import Any

from ..model.message import N_
from ..model.portfolio import Portfolio
from ..model.results import PortfolioWarning
from ..model.rules import RedFlags
from .dates import months_before, shift
from .entries import Flag, fix_with, flag, warning
from .facts import Facts


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
        flags.append(warning("exam-date-past", "exam", None, exam, "date", date=exam.date))
    flags += [warning("training-no-areas", "training", i, course)
              for i, course in enumerate(portfolio.training) if not course.competencies]
    flags += _overlapping_work(portfolio, as_of, limits)
    return flags


def _rsc_outside_field(portfolio: Portfolio, facts: Facts) -> list[PortfolioWarning]:
    return [warning("rsc-outside-field", "supervision", i, portfolio.supervision[i], "date",
                    date=portfolio.supervision[i].date) for i in facts.outside_field]


def _too_much_in_a_day(portfolio: Portfolio, limits: RedFlags,
                       repeated: set[str]) -> list[PortfolioWarning]:
    """Hours on one day past the limit, told at the day's last entry (the one just added,
    when an entry takes the day past it: said as it is saved); an entry logged twice is told
    once, as a repeat."""
    flags = []
    checks = (("supervision", limits.max_rsc_hours_per_day, "rsc-hours-per-day"),
              ("training", limits.max_training_hours_per_day, "training-hours-per-day"))
    for section, limit, code in checks:
        entries = getattr(portfolio, section)
        totals: dict[dt.date, float] = {}
        last: dict[dt.date, int] = {}
        for i, entry in enumerate(entries):
            if f"{section}[{i}]" not in repeated:
                totals[entry.date] = totals.get(entry.date, 0) + entry.hours
                last[entry.date] = i
        for day, total in sorted(totals.items()):
            if total > limit:
                i = last[day]
                flags.append(warning(code, section, i, entries[i], "hours", date=day,
                                     hours=total, limit=limit))
    return flags


def _twice(portfolio: Portfolio) -> list[PortfolioWarning]:
    flags = []
    for section, name in (("training", "title"), ("supervision", "provider")):
        seen: dict[tuple, int] = {}
        for i, entry in enumerate(getattr(portfolio, section)):
            key = (entry.date, getattr(entry, name).strip().casefold(), entry.hours)
            if key in seen:
                flags.append(warning("duplicate-entry", section, i, entry, hours=entry.hours,
                                     same_as=seen[key] + 1))
            else:
                seen[key] = i
    return flags


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


# -- the words of each flag (functions of a Wording: see model/wording.py) -------------------

def _outside_field_many(w: Any, group: list[PortfolioWarning], span: str) -> tuple[str, str]:
    n = len(group)
    return (w.n_("{count} RS/C session, {span}, falls outside every period of work in the "
                 "field, so it does not count",
                 "{count} RS/C sessions, {span}, fall outside every period of work in the "
                 "field, so they do not count", n).format(count=w.number(n), span=span),
            w._("check their dates with {edit}, or add the job you held then with {command} "
                "(work with infants, young children and families)").format(
                    edit=w.command(), command=w.command("work")))


flag(Flag(
    code="rsc-outside-field",
    message=lambda w, flagged, it: w._(
        "{entry}: this session falls outside every period of work in the field, so it does "
        "not count").format(entry=it),
    fix=lambda w, flagged: w._(
        "check its date with {edit}, or add the job you held then with {command} (work with "
        "infants, young children and families)").format(edit=w.command(),
                                                        command=w.command("work")),
    many=_outside_field_many))


def _per_day(w: Any, flagged: PortfolioWarning, it: str) -> str:
    v = flagged.values
    message = (w._("{entry}: {hours} of RS/C on {date}, more than {limit} in one day")
               if flagged.code == "rsc-hours-per-day" else
               w._("{entry}: {hours} of training on {date}, more than {limit} in one day"))
    return message.format(entry=it, hours=w.quantity(v["hours"], "hours"),
                          date=w.day(v["date"]), limit=w.number(v["limit"]))


_PER_DAY_FIX = fix_with(N_("check the hours with {command}; if the entry sums up several days, "
                           "log each day apart"))
flag(Flag(code="rsc-hours-per-day", message=_per_day, fix=_PER_DAY_FIX))
flag(Flag(code="training-hours-per-day", message=_per_day, fix=_PER_DAY_FIX))


def _twice_message(w: Any, flagged: PortfolioWarning, it: str) -> str:
    section = flagged.entry.section if flagged.entry else ""
    return w._("{entry}: the same as {other}, listed twice").format(
        entry=it, other=w.nth(section, flagged.values["same_as"]))


flag(Flag(
    code="duplicate-entry", message=_twice_message,
    fix=fix_with(N_("remove one of them with {command} if it was logged twice"))))

flag(Flag(
    code="duplicate-reference",
    message=lambda w, flagged, it: w._("{entry}: the same email as {other}, {nth}").format(
        entry=it, other=flagged.values["other"],
        nth=w.nth("reference", flagged.values["same_as"])),
    fix=fix_with(N_("list each person once with {command}: every reference must be someone "
                    "different"))))

flag(Flag(
    code="reference-is-applicant",
    message=lambda w, flagged, it: f"{it}: " + (
        w._("this reference has your own email address") if flagged.values.get("by") == "email"
        else w._("this is you; a reference must be someone else")),
    fix=fix_with(N_("ask a supervisor, your RS/C provider or a colleague instead, and change "
                    "the entry with {command}"))))


def _stale(w: Any, flagged: PortfolioWarning, it: str) -> str:
    v = flagged.values
    return w.n_("{entry}: the rating was requested on {date}, more than {months} month ago, "
                "and has not come in",
                "{entry}: the rating was requested on {date}, more than {months} months ago, "
                "and has not come in", v["months"]).format(
                    entry=it, date=w.day(v["date"]), months=v["months"])


flag(Flag(
    code="reference-stale", message=_stale,
    fix=fix_with(N_("ask again, or ask someone else and mark this one declined with "
                    "{command}"))))

flag(Flag(
    code="exam-date-past",
    message=lambda w, flagged, it: w._(
        "The exam is still marked scheduled for {date}, a day already past").format(
            date=w.day(flagged.values["date"])),
    fix=fix_with(N_("record the result, or the new date if it moved, with {command}"), "exam")))


def _no_areas_many(w: Any, group: list[PortfolioWarning], span: str) -> tuple[str, str]:
    n = len(group)
    return (w.n_("{count} training, {span}, names no competency area, so it cannot support the "
                 "professional portfolio",
                 "{count} trainings, {span}, name no competency area, so they cannot support "
                 "the professional portfolio", n).format(count=w.number(n), span=span),
            w._("add the areas each covered with {command}").format(command=w.command()))


flag(Flag(
    code="training-no-areas",
    message=lambda w, flagged, it: w._(
        "{entry}: it names no competency area, so it cannot support the professional "
        "portfolio").format(entry=it),
    fix=fix_with(N_("add the areas it covered with {command}")),
    many=_no_areas_many))


def _week(w: Any, flagged: PortfolioWarning, it: str) -> str:
    v = flagged.values
    others = [f'"{t}"' for t in v["others"]]
    if v.get("more_others"):
        others.append(w.n_("{count} other job", "{count} other jobs",
                           v["more_others"]).format(count=v["more_others"]))
    assumed = (" " + w._("({hours} a week assumed where a job does not give its "
                         "hours)").format(hours=w.quantity(v["assumed"], "hours"))
               if v.get("assumed") else "")
    return w._("{entry}: from its first day it overlaps {others} for {hours} a week together, "
               "more than {limit}{assumed}").format(
                   entry=it, others=w.listing(others), hours=w.quantity(v["hours"], "hours"),
                   limit=w.number(v["limit"]), assumed=assumed)


flag(Flag(
    code="work-hours-per-week", message=_week,
    fix=fix_with(N_("check the first and last days with {command}, and give the hours a week "
                    "of part-time work"))))
