"""``any``: met when one of its options, requirements of other kinds, is met."""

from __future__ import annotations

from typing import Any

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


def standing(w: Any, req: RequirementResult) -> str:
    met = [o.label for o in req.options if o.met]
    return w._("met by: {option}").format(option=met[0]) if met else \
        w._("none of the options yet")


def assumption(w: Any, said: Said, req: RequirementResult) -> str:
    """The forecast of the option that gets there first, in its kind's words, and its label."""
    v = said.values
    option = next((o for o in req.options if o.id == v.get("option")), None)
    inner = Said(code=said.code, values={k: x for k, x in v.items() if k != "option"})
    return w._("{assumption} (by: {option})").format(
        assumption=w.assumption(inner, option) if said.code else "",
        option=option.label if option is not None else v.get("option"))


register(Kind(params=AnyReq, judge=judge, forecast=forecast, standing=standing,
              assumption=assumption))
