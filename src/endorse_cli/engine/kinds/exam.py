"""``exam``: the Endorsement exam, passed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...model.results import Details, RequirementResult, Said
from ...model.rules import ExamReq
from . import Forecast, Judging, Kind, register


class ExamDetails(Details, frozen=True, kw_only=True):
    #: The day it was taken or is scheduled for, when the portfolio gives one.
    date: dt.date | None = None


def judge(req: ExamReq, j: Judging) -> RequirementResult:
    status = j.facts.exam_status
    return j.result(req, met=status == "passed", have=status, need="passed", unit="exam",
                    step=j.step(req, status), details=ExamDetails(date=j.facts.exam_date))


def forecast(req: ExamReq, result: RequirementResult, j: Judging) -> Forecast:
    """A scheduled exam is expected on its day: met then, if it is passed."""
    day = j.facts.exam_date
    if result.have == "scheduled" and day is not None and day > j.as_of:
        return Forecast(day=day, why=Said(code="exam-scheduled", values={"date": day}),
                        timed=False)
    return Forecast(timed=False)


def standing(w: Any, req: RequirementResult) -> str:
    """The exam's status, and its day when the portfolio gives one."""
    text = w.choice("status", str(req.have))
    date = getattr(req.details, "date", None)
    return f"{text}, {w.day(date)}" if date else text


def _scheduled(w: Any, v: dict[str, Any]) -> str:
    return w._("the exam is scheduled for {date}: met then, if you pass").format(
        date=w.day(v["date"]))


register(Kind(params=ExamReq, judge=judge, forecast=forecast, section="exam",
              standing=standing, says={"exam-scheduled": _scheduled}))
