"""Judge a portfolio against a rules file on an as-of date."""

from __future__ import annotations

import datetime as dt

from msgspec.structs import replace

from ..model.portfolio import Portfolio
from ..model.results import Assessment, CredentialResult, RequirementResult
from ..model.rules import Credential, Requirement, Rules
from .facts import count_facts
from .kinds import Judging
from .ready import with_readiness
from .recommend import recommend
from .redflags import red_flags

#: Per rules (by identity, the rules kept so that the identity stays theirs): the credentials
#: by level, each requirement with the number of its class of equals (see :func:`_plan`).
_PLANS: dict[int, tuple[Rules, list[tuple[Credential, list[tuple[Requirement, int]]]]]] = {}


def _plan(rules: Rules) -> list[tuple[Credential, list[tuple[Requirement, int]]]]:
    """The credentials by level, and for each requirement the number it shares with every
    requirement asking the same thing (under another id, label or qualification): the
    same thing is judged once a portfolio, whichever credentials ask it."""
    kept = _PLANS.get(id(rules))
    if kept is not None and kept[0] is rules:
        return kept[1]
    import msgspec

    classes: dict[bytes, int] = {}
    plan = []
    for credential in rules.by_level():
        reqs = []
        for req in credential.requirement:
            asked = msgspec.json.encode(replace(req, id="", label="", qualification=False))
            reqs.append((req, classes.setdefault(asked, len(classes))))
        plan.append((credential, reqs))
    if len(_PLANS) >= 8:  # a long-lived caller with many rules: keep the last few
        _PLANS.clear()
    _PLANS[id(rules)] = (rules, plan)
    return plan


def judge(portfolio: Portfolio, rules: Rules, as_of: dt.date, *,
          rsc_per_month: float | None = None, today: dt.date | None = None) -> Assessment:
    """Every credential of ``rules``, judged for ``portfolio`` as of ``as_of``, and the pick.

    ``rsc_per_month`` replaces the applicant's measured RS/C pace in the forecasts; paces are
    measured up to ``today`` when ``as_of`` is later (nothing is logged after today yet).
    What the result has to say is in codes with values; ``render.sentences`` words them.
    """
    facts = count_facts(portfolio, as_of)
    judge_one = Judging(facts, rules, rsc_per_month, today, portfolio)
    judged: dict[int, RequirementResult] = {}
    waits: dict = {}  # what the credentials' applications wait on, shared

    def judged_once(req: Requirement, same: int) -> RequirementResult:
        result = judged.get(same)
        if result is None:
            result = judged[same] = judge_one(req)
        elif (result.id, result.label, result.qualification) != (req.id, req.label,
                                                                  req.qualification):
            result = replace(result, id=req.id, label=req.label,
                             qualification=req.qualification)
        return result

    results = tuple(
        with_readiness(CredentialResult.of(
            id=credential.id,
            name=credential.name,
            focus=credential.focus,
            level=credential.level,
            requirements=tuple(judged_once(req, same) for req, same in reqs),
        ), portfolio, rules, as_of, waits)
        for credential, reqs in _plan(rules)
    )
    return Assessment(
        applicant=portfolio.applicant.name,
        as_of=as_of,
        credentials=results,
        recommended=recommend(results, portfolio.applicant.focus),
        warnings=(*facts.warnings, *red_flags(portfolio, facts, rules.red_flags)),
        rules_name=rules.name,
        target=portfolio.applicant.target,
    )
