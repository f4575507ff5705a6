"""Judge a portfolio against a rules file on an as-of date."""

from __future__ import annotations

import datetime as dt

from ..model.portfolio import Portfolio
from ..model.results import Assessment, CredentialResult
from ..model.rules import Rules
from .facts import count_facts
from .recommend import recommend
from .requirements import Judge


def judge(portfolio: Portfolio, rules: Rules, as_of: dt.date) -> Assessment:
    """Every credential of ``rules``, judged for ``portfolio`` as of ``as_of``, and the pick."""
    facts = count_facts(portfolio, as_of)
    judge_one = Judge(facts, rules)
    results = tuple(
        CredentialResult(
            id=credential.id,
            name=credential.name,
            focus=credential.focus,
            level=credential.level,
            requirements=tuple(judge_one(req) for req in credential.requirement),
        )
        for credential in rules.by_level()
    )
    return Assessment(
        applicant=portfolio.applicant.name,
        as_of=as_of,
        credentials=results,
        recommended=recommend(results, portfolio.applicant.focus),
        warnings=tuple(facts.warnings),
        rules_name=rules.name,
        target=portfolio.applicant.target,
    )
