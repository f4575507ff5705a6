"""``competencies``: every area named by at least one training or work entry."""

from __future__ import annotations

from ...model.message import Nn_
from ...model.results import Details, RequirementResult
from ...model.rules import CompetenciesReq
from . import Judging, Kind, Unit, register


class CompetenciesDetails(Details, frozen=True, kw_only=True):
    #: The areas no entry names yet, in the rules' order.
    missing: tuple[str, ...] = ()


def judge(req: CompetenciesReq, j: Judging) -> RequirementResult:
    missing = tuple(area for area in req.areas if area not in j.facts.areas)
    covered = len(req.areas) - len(missing)
    step = j.step(req, areas=list(missing), have=covered, need=len(req.areas),
                  missing=len(missing), unit="areas")
    return j.result(req, met=not missing, have=covered, need=len(req.areas), unit="areas",
                    step=step, details=CompetenciesDetails(missing=missing))


AREAS = Unit(name="areas", count=Nn_("{count} area", "{count} areas"),
             more=Nn_("{count} more area", "{count} more areas"))

register(Kind(params=CompetenciesReq, judge=judge, section="training", units=(AREAS,)))
