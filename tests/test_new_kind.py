"""A new requirement kind is its parameters, one module and the data: nothing else changes.

This module is that one module. It defines a kind, ``families-served`` (a simpler one than the
shipped ``families``), that asks for a number of families served in field work, registers it,
and judges a portfolio by a rules file that uses it, through the same loader, engine and words
as the shipped kinds.
"""

from __future__ import annotations

from conftest import ROOT
from helpers import D, job, portfolio

from endorse_cli.engine import judge
from endorse_cli.engine.kinds import KINDS, Judging, Kind, register
from endorse_cli.io.rules_file import load_rules
from endorse_cli.model.results import RequirementResult
from endorse_cli.model.rules import Requirement
from endorse_cli.render.sentences import word


class FamiliesReq(Requirement, tag="families-served"):
    count: int


def judge_families(req: FamiliesReq, j: Judging) -> RequirementResult:
    served = sum(job.families_served or 0 for job in j.portfolio.work if job.infant_family)
    return j.counted(req, have=served, need=req.count, unit="families")


def test_a_made_up_kind_is_judged_from_a_rules_file(tmp_path) -> None:
    register(Kind(params=FamiliesReq, judge=judge_families, section="work"))
    try:
        rules_text = (ROOT / "data" / "credentials.toml").read_text(encoding="utf-8")
        rules_text = rules_text.replace("[next_steps]\n", "[next_steps]\nfamilies-served = "
                                        '"Serve {more}, and record them with {command}."\n', 1)
        rules_text += ('\n[[credential.requirement]]\nid = "families"\nkind = "families-served"\n'
                       'label = "10 families served"\ncount = 10\n')
        path = tmp_path / "rules.toml"
        path.write_text(rules_text, encoding="utf-8")
        rules = load_rules(path).value

        def judged(served: int):
            p = portfolio(work=[job("2020-01-01", families_served=served)])
            result = word(judge(p, rules, D("2026-11-21")), rules)
            imhm = result.credential("IMHM")
            return next(r for r in imhm.requirements if r.id == "families")

        short = judged(9)
        assert (short.have, short.need, short.met) == (9, 10, False)
        assert short.next_step == ("Serve 1 more family, and record them with "
                                   "`endorse interview --section work`.")
        assert judged(10).met
    finally:
        KINDS.pop("families-served", None)
