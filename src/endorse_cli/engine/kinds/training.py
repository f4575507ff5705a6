"""``training``: clock hours of specialized training."""

from __future__ import annotations

from ...model.results import RequirementResult
from ...model.rules import TrainingReq
from ..facts import UNITS
from ..forecast import day_amount_reached, pace_over
from . import Forecast, Judging, Kind, register
from .pace import pace_said


def judge(req: TrainingReq, j: Judging) -> RequirementResult:
    return j.counted(req, have=j.facts.training_hours, need=req.hours, unit="hours", scale=UNITS)


def forecast(req: TrainingReq, result: RequirementResult, j: Judging) -> Forecast:
    months = j.rules.forecast.training_pace_months
    pace = pace_over(j.facts.training_log, j.pace_until, months)
    missing = round(req.hours * UNITS) - j.facts.training_hours
    day = day_amount_reached(missing, pace, j.as_of, j.horizon)
    if pace[0] == 0:
        return Forecast(why=pace_said(j, "no-training-pace", months, pace))
    if day is None:
        return Forecast(why=pace_said(j, "training-pace-too-slow", months, pace,
                                      horizon_months=j.rules.forecast.horizon_months))
    return Forecast(day=day, why=pace_said(j, "training-pace", months, pace))


register(Kind(params=TrainingReq, judge=judge, forecast=forecast, section="training"))
