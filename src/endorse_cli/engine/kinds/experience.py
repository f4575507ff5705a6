"""``experience``: years of work in the field, each day once, optionally only the days after
a degree (``after``) was conferred."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from ...model.message import N_, Nn_
from ...model.results import Details, RequirementResult, Said
from ...model.rules import ExperienceReq, WorkFilter
from ..facts import field_ahead
from ..work import counted_days, cut_day, selected, uses_filter
from ..forecast import day_experience_reached
from . import (DAYS_PER_YEAR, Forecast, Judging, Kind, Unit, amount, more, number, register,
               years)


class ExperienceDetails(Details, frozen=True, kw_only=True):
    days: int
    need_days: int
    #: The day after which days count (the ``after`` degree's date), when the rule has one.
    counted_after: dt.date | None = None


class NotCountedJob(Details, frozen=True, kw_only=True):
    entry: str
    #: ``unpaid``, ``not-supervised``, ``role``, ``ages``, ``internship-supervisor``.
    why: str


class FilteredExperienceDetails(ExperienceDetails, frozen=True, kw_only=True):
    """Experience counted from only some jobs (paid, supervised, in a role, with some ages)."""

    regular_days: int = 0
    internship_days: int = 0
    internship_cap_days: int = 0
    #: What set the day the count starts after: ``degree`` or ``license``.
    cut_by: str | None = None
    not_counted: tuple[NotCountedJob, ...] = ()
    #: The counted jobs that go on after the as-of date: (first day, last day or None).
    ahead: tuple[tuple[dt.date, dt.date | None], ...] = ()


def filter_values(req: WorkFilter) -> dict[str, object]:
    """What the filter asks, for the words of a next step."""
    return {"paid": req.paid_only, "supervised": req.supervised_only,
            "roles": list(req.roles or ()), "ages": list(req.ages or ())}


def _no_degree(req: ExperienceReq, j: Judging, details: ExperienceDetails) -> RequirementResult:
    """Unmet: the rule counts the days after a degree that is not held yet."""
    return j.result(req, met=False, have=0, need=number(req.years), unit="years",
                    step=j.step(req, "no-degree", after=req.after, need=number(req.years),
                                section="education"),
                    details=details)


def _judge_filtered(req: ExperienceReq, j: Judging) -> RequirementResult:
    p = j.portfolio
    assert p is not None
    need_days = math.ceil(req.years * DAYS_PER_YEAR)
    jobs = selected(req, j)
    cut, by = cut_day(req, j)
    not_counted = tuple(NotCountedJob(entry=f"work[{i}]", why=why) for i, why in jobs.dropped)
    if by == "none":
        return _no_degree(req, j, FilteredExperienceDetails(days=0, need_days=need_days,
                                                            not_counted=not_counted))
    regular, internship, cap = counted_days(req, p, jobs, j.as_of, cut)
    days = regular + internship
    missing_days = max(need_days - days, 0)
    ahead = field_ahead((p.work[i] for i in jobs.regular), j.as_of)
    step = j.step(req, "filtered" if jobs.dropped else None, need=number(req.years),
                  have=years(days), missing=amount(missing_days, DAYS_PER_YEAR, up=True),
                  missing_days=missing_days, more=more(missing_days, "days"), unit="years",
                  after=req.after, jobs=jobs.named(p), roles=filter_values(req))
    return j.result(req, met=days >= need_days, have=years(days), need=number(req.years),
                    unit="years", step=step,
                    details=FilteredExperienceDetails(
                        days=days, need_days=need_days, counted_after=cut, regular_days=regular,
                        internship_days=internship, internship_cap_days=cap, cut_by=by,
                        not_counted=not_counted, ahead=tuple(ahead)))


def judge(req: ExperienceReq, j: Judging) -> RequirementResult:
    if uses_filter(req):
        return _judge_filtered(req, j)
    need_days = math.ceil(req.years * DAYS_PER_YEAR)
    after_day, by = cut_day(req, j)
    if by == "none":
        return _no_degree(req, j, ExperienceDetails(days=0, need_days=need_days))
    days = j.facts.field_days(after=after_day)
    missing_days = max(need_days - days, 0)
    step = None if days >= need_days else j.step(  # a requirement met has no next step
        req, need=number(req.years), have=years(days),
        missing=amount(missing_days, DAYS_PER_YEAR, up=True), missing_days=missing_days,
        more=more(missing_days, "days"), unit="years", after=req.after)
    return j.result(req, met=days >= need_days, have=years(days), need=number(req.years),
                    unit="years", step=step,
                    details=ExperienceDetails(days=days, need_days=need_days,
                                              counted_after=after_day))


def forecast(req: ExperienceReq, result: RequirementResult, j: Judging) -> Forecast:
    details = result.details
    assert isinstance(details, ExperienceDetails)
    if req.after and details.counted_after is None:
        return Forecast()  # the degree it counts after comes first
    missing = details.need_days - details.days
    ahead = j.facts.field_ahead
    if isinstance(details, FilteredExperienceDetails):
        ahead = list(details.ahead)
    day = day_experience_reached(ahead, missing, j.as_of)
    if day is not None:
        return Forecast(day=day, why=Said(code="work-goes-on"))
    if not ahead:
        return Forecast(why=Said(code="no-field-work-ahead", values={"as_of": j.as_of}))
    return Forecast(why=Said(code="field-work-ends-first",
                             values={"end": ahead[-1][1], "missing_days": missing}))


# -- its words -------------------------------------------------------------------------------

YEARS = Unit(name="years", count=Nn_("{count} year", "{count} years"),
             more=Nn_("{count} more year", "{count} more years"))
DAYS = Unit(name="days", count=Nn_("{count} day", "{count} days"),
            more=Nn_("{count} more day", "{count} more days"))


def standing(w: Any, req: RequirementResult) -> str:
    """"10.24 years, 3,741 days after 2016-05-14 (needs 2)"."""
    d: Any = req.details
    middle = ", " + w.quantity(d.days, "days")
    if d.counted_after:
        middle += " " + w._("after {date}").format(date=w.day(d.counted_after))
    return w.against(req, middle)


def _goes_on(w: Any, v: dict[str, Any]) -> str:
    return w._("if your current work in the field goes on")


def _ends_first(w: Any, v: dict[str, Any]) -> str:
    return w._("your work in the field ends on {date}, before the {days} are done").format(
        date=w.day(v["end"]), days=w.quantity(v["missing_days"], "days", more=True))


register(Kind(params=ExperienceReq, judge=judge, forecast=forecast, section="work",
              units=(YEARS, DAYS), standing=standing,
              says={"work-goes-on": _goes_on, "field-work-ends-first": _ends_first},
              short=N_("experience {have} of {need}")))
