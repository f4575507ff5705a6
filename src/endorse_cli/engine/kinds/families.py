"""``families``: families served in the jobs that count (paid, after a degree, with children
of some ages...), the sum of each counted job's ``families_served``."""

from __future__ import annotations

from ...model.message import Nn_
from ...model.results import Details, RequirementResult
from ...model.rules import FamiliesReq
from ..work import cut_day, selected
from . import Judging, Kind, Unit, register
from .experience import NotCountedJob, filter_values


class FamiliesDetails(Details, frozen=True, kw_only=True):
    #: Counted jobs that do not say how many families they served.
    without_count: tuple[str, ...] = ()
    not_counted: tuple[NotCountedJob, ...] = ()


def judge(req: FamiliesReq, j: Judging) -> RequirementResult:
    p = j.portfolio
    assert p is not None
    jobs = selected(req, j)
    cut, by = cut_day(req, j)
    served = 0
    without: list[int] = []
    if by != "none":
        for i in jobs.regular:
            job = p.work[i]
            if cut is not None and min(job.end or j.as_of, j.as_of) <= cut:
                continue  # no day after the cut day
            if job.families_served is None:
                without.append(i)
            served += job.families_served or 0
    details = FamiliesDetails(
        without_count=tuple(f"work[{i}]" for i in without),
        not_counted=tuple(NotCountedJob(entry=f"work[{i}]", why=why) for i, why in jobs.dropped))
    named = [{"number": i + 1, "title": p.work[i].title, "why": "no-count"} for i in without]
    return j.counted(req, have=served, need=req.count, unit="families", details=details,
                     situation="no-degree" if by == "none" else None, after=req.after,
                     jobs=named or jobs.named(p), roles=filter_values(req),
                     ages=list(req.ages or ()))


FAMILIES = Unit(name="families", count=Nn_("{count} family", "{count} families"),
                more=Nn_("{count} more family", "{count} more families"))

register(Kind(params=FamiliesReq, judge=judge, section="work", units=(FAMILIES,)))
