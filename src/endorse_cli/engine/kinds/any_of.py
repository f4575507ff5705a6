"""``any``: met when one of its options, requirements of other kinds, is met."""

from __future__ import annotations

from ...model.results import RequirementResult, Said
from ...model.rules import AnyReq
from . import Forecast, Judging, Kind, register


def judge(req: AnyReq, j: Judging) -> RequirementResult:
    options = tuple(j(option) for option in req.option)
    met = any(option.met for option in options)
    step = j.step(req, options=[o.id for o in options])
    return j.result(req, met=met, have=None, need=None, unit=None, step=step, options=options)


def forecast(req: AnyReq, result: RequirementResult, j: Judging) -> Forecast:
    """The soonest option's day; none needed when a step of its own meets an option."""
    dated = [o for o in result.options if o.expected is not None]
    if not dated:
        return Forecast(timed=False)
    soonest = min(dated, key=lambda o: o.expected)  # type: ignore[arg-type, return-value]
    why = soonest.assumed or Said(code="")
    return Forecast(day=soonest.expected,
                    why=Said(code=why.code, values={**why.values, "option": soonest.id}))


register(Kind(params=AnyReq, judge=judge, forecast=forecast))
