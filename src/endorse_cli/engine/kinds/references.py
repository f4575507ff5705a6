"""``references``: people who can be reached and have not declined."""

from __future__ import annotations

from ...model.results import Details, RequirementResult
from ...model.rules import ReferencesReq
from . import Judging, Kind, register


class NotCounted(Details, frozen=True, kw_only=True):
    name: str
    #: ``declined``, or ``no email or phone`` (none that is more than spaces).
    why: str


class ReferencesDetails(Details, frozen=True, kw_only=True):
    received: int
    not_counted: tuple[NotCounted, ...] = ()


def judge(req: ReferencesReq, j: Judging) -> RequirementResult:
    facts = j.facts
    unreachable = [name for name, why in facts.references_uncounted if why == "no email or phone"]
    details = ReferencesDetails(
        received=facts.references_received,
        not_counted=tuple(NotCounted(name=n, why=w) for n, w in facts.references_uncounted))
    return j.counted(req, have=facts.references, need=req.count, unit="references",
                     details=details, received=facts.references_received, names=unreachable,
                     situation="no-contact" if unreachable else None)


register(Kind(params=ReferencesReq, judge=judge, section="reference"))
