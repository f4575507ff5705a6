"""``exam``: the Endorsement exam, passed."""

from __future__ import annotations

import datetime as dt

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


register(Kind(params=ExamReq, judge=judge, forecast=forecast, section="exam"))
