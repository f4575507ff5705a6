"""``membership``: association membership running to a renewal year's due day. It is judged
per renewal year (:mod:`endorse_cli.engine.renewal`); the loader keeps it out of credentials."""

from __future__ import annotations

from ...model.results import RequirementResult
from ...model.rules import MembershipReq
from . import Judging, Kind, register


def judge(req: MembershipReq, j: Judging) -> RequirementResult:
    return j.result(req, met=True, have=None, need=None, unit=None, applies=False)


register(Kind(params=MembershipReq, judge=judge))
