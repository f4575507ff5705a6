"""``references``: people who can be reached and have not declined."""

from __future__ import annotations

from typing import Any

from msgspec.structs import replace

from ...model.message import N_, Nn_
from ...model.results import Details, RequirementResult
from ...model.rules import ReferencesReq
from . import Judging, Kind, Unit, register


class NotCounted(Details, frozen=True, kw_only=True):
    name: str
    #: ``declined``, or ``no email or phone`` (none that is more than spaces).
    why: str


class ReferencesDetails(Details, frozen=True, kw_only=True):
    received: int
    not_counted: tuple[NotCounted, ...] = ()


class RoleDetails(ReferencesDetails, frozen=True, kw_only=True):
    """References counted by role and by the rater's endorsement."""

    by_role: dict[str, int] = {}
    endorsed: int = 0


def _judge_roles(req: ReferencesReq, j: Judging, details: ReferencesDetails,
                 **values: object) -> RequirementResult:
    from ..facts import not_counted
    from ..work import endorsements

    p = j.portfolio
    assert p is not None
    known = endorsements(j)
    counted = [r for r in p.reference if not_counted(r) is None]
    by_role: dict[str, int] = {}
    for r in counted:
        if r.role is not None:
            by_role[r.role] = by_role.get(r.role, 0) + 1
    endorsed = sum(1 for r in counted if known.matches(r.endorsement, req.rater_endorsements))
    details = RoleDetails(received=details.received, not_counted=details.not_counted,
                          by_role=by_role, endorsed=endorsed)
    result = j.counted(req, have=len(counted), need=req.count, unit="references",
                       details=details, **values)  # type: ignore[arg-type]
    if not result.met:
        return result
    missing_roles = [role for role, n in req.min_by_role.items() if by_role.get(role, 0) < n]
    if missing_roles:
        return replace(result, met=False, step=j.step(
            req, "role", roles=missing_roles, have=len(counted), need=req.count))
    if endorsed < req.endorsed:
        return replace(result, met=False, step=j.step(
            req, "endorsed", need=req.endorsed, have=endorsed,
            providers=[c for c in req.rater_endorsements]))
    return result


def judge(req: ReferencesReq, j: Judging) -> RequirementResult:
    facts = j.facts
    unreachable = [name for name, why in facts.references_uncounted if why == "no email or phone"]
    details = ReferencesDetails(
        received=facts.references_received,
        not_counted=tuple(NotCounted(name=n, why=w) for n, w in facts.references_uncounted))
    values = {"received": facts.references_received, "names": unreachable,
              "situation": "no-contact" if unreachable else None}
    if req.min_by_role or req.endorsed:
        return _judge_roles(req, j, details, **values)
    return j.counted(req, have=facts.references, need=req.count, unit="references",
                     details=details, **values)  # type: ignore[arg-type]


# -- its words -------------------------------------------------------------------------------

REFERENCES = Unit(name="references", count=Nn_("{count} reference", "{count} references"),
                  more=Nn_("{count} more reference", "{count} more references"))

#: Why a reference does not count (the engine's words for it are its codes).
NOT_COUNTED = {"declined": N_("declined"), "no email or phone": N_("no email or phone")}


def standing(w: Any, req: RequirementResult) -> str:
    """"2 references, 1 received (needs 3); not counted: Ana Ortiz (declined)"."""
    d: Any = req.details
    middle = ", " + w.n_("{count} received", "{count} received", d.received).format(
        count=d.received)
    tail = ""
    if d.not_counted:
        tail = "; " + w._("not counted: {names}").format(names=", ".join(
            f"{n.name} ({w._(NOT_COUNTED.get(n.why, n.why))})" for n in d.not_counted))
    return w.against(req, middle, tail)


register(Kind(params=ReferencesReq, judge=judge, section="reference", units=(REFERENCES,),
              standing=standing, short=N_("{have} of {need}")))
