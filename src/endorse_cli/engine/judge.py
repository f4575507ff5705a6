"""Judge a portfolio against a rules file on an as-of date."""

from __future__ import annotations

import datetime as dt

from ..model.portfolio import Portfolio
from ..model.results import Assessment, CredentialResult
from ..model.rules import Rules
from .facts import count_facts
from .kinds import Judging
from .ready import with_readiness
from .recommend import recommend
from .redflags import red_flags


def judge(portfolio: Portfolio, rules: Rules, as_of: dt.date, *,
          rsc_per_month: float | None = None, today: dt.date | None = None) -> Assessment:
    """Every credential of ``rules``, judged for ``portfolio`` as of ``as_of``, and the pick.

    ``rsc_per_month`` replaces the applicant's measured RS/C pace in the forecasts; paces are
    measured up to ``today`` when ``as_of`` is later (nothing is logged after today yet).
    What the result has to say is in codes with values; ``render.sentences`` words them.
    """
    facts = count_facts(portfolio, as_of)
    judge_one = Judging(facts, rules, rsc_per_month, today, portfolio)
    results = tuple(
        with_readiness(CredentialResult.of(
            id=credential.id,
            name=credential.name,
            focus=credential.focus,
            level=credential.level,
            requirements=tuple(judge_one(req) for req in credential.requirement),
        ), portfolio, rules, as_of)
        for credential in rules.by_level()
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
