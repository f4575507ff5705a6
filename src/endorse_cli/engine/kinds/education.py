"""``education``: a completed degree at a level or above (``min_degree``)."""

from __future__ import annotations

from typing import Any

from msgspec.structs import replace

from ...model.portfolio import DEGREE_LEVEL
from ...model.results import Details, RequirementResult
from ...model.rules import EducationReq
from . import Judging, Kind, register


class EducationDetails(Details, frozen=True, kw_only=True):
    #: A degree at the level needed is listed but not conferred yet.
    in_progress: bool = False
    #: The names of the degree held and the one needed, in the rules file's words (filled in
    #: with the other words by ``render.sentences``).
    have_label: str | None = None
    need_label: str | None = None


def judge(req: EducationReq, j: Judging) -> RequirementResult:
    need_level = DEGREE_LEVEL[req.min_degree]
    have_level, have = j.facts.highest_degree
    met = have_level >= need_level
    in_progress = any(level >= need_level for level in j.facts.degrees_in_progress)
    step = j.step(req, "in-progress" if in_progress else None, degree=req.min_degree)
    return j.result(req, met=met, have=have, need=req.min_degree, unit="degree", step=step,
                    details=EducationDetails(in_progress=in_progress))


def standing(w: Any, req: RequirementResult) -> str:
    return w._("{have} (needs {need})").format(have=w.degree(req.have), need=w.degree(req.need))


def details(w: Any, req: RequirementResult) -> Details:
    """The names of the degrees, in the reader's words, for JSON."""
    if not hasattr(req.details, "have_label"):
        return req.details
    return replace(req.details, have_label=w.degree(req.have) if req.have else None,
                   need_label=w.degree(req.need))


register(Kind(params=EducationReq, judge=judge, section="education", standing=standing,
              details=details))
