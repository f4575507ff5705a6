"""``experience``: years of work in the field, each day once, optionally only the days after
a degree (``after``) was conferred."""

from __future__ import annotations

import datetime as dt
import math

from ...model.portfolio import DEGREE_LEVEL
from ...model.results import Details, RequirementResult, Said
from ...model.rules import ExperienceReq
from ..forecast import day_experience_reached
from . import DAYS_PER_YEAR, Forecast, Judging, Kind, amount, more, number, register, years


class ExperienceDetails(Details, frozen=True, kw_only=True):
    days: int
    need_days: int
    #: The day after which days count (the ``after`` degree's date), when the rule has one.
    counted_after: dt.date | None = None


def judge(req: ExperienceReq, j: Judging) -> RequirementResult:
    need_days = math.ceil(req.years * DAYS_PER_YEAR)
    after_day = None
    if req.after is not None:
        after_day = j.facts.first_degree_at(DEGREE_LEVEL[req.after])
        if after_day is None:
            return j.result(
                req, met=False, have=0, need=number(req.years), unit="years",
                step=j.step(req, "no-degree", after=req.after, need=number(req.years),
                            section="education"),
                details=ExperienceDetails(days=0, need_days=need_days))
    days = j.facts.field_days(after=after_day)
    missing_days = max(need_days - days, 0)
    step = j.step(req, need=number(req.years), have=years(days),
                  missing=amount(missing_days, DAYS_PER_YEAR, up=True),
                  missing_days=missing_days, more=more(missing_days, "days"), unit="years",
                  after=req.after)
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
    day = day_experience_reached(ahead, missing, j.as_of)
    if day is not None:
        return Forecast(day=day, why=Said(code="work-goes-on"))
    if not ahead:
        return Forecast(why=Said(code="no-field-work-ahead", values={"as_of": j.as_of}))
    return Forecast(why=Said(code="field-work-ends-first",
                             values={"end": ahead[-1][1], "missing_days": missing}))


register(Kind(params=ExperienceReq, judge=judge, forecast=forecast, section="work"))
