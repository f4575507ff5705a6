"""A new requirement kind is one module and the data: nothing else in the tool changes.

This module is that one module. It defines a kind no rules file ships, ``visits`` (the visits
of an RS/C provider, one for each RS/C session logged), counted in a unit no shipped kind
counts in, with everything a kind has: its parameters, its judging, its forecast, its
sentences (its standing, the words of its forecast's codes, its unit's forms) and, in the
small rules file tests/data/visits-rules.toml, its next step. Registered, it is judged and
worded through the same loader, engine, words and `endorse gaps` as the shipped kinds.

The second half proves the other side: every kind and every warning the tool has comes
with its sentences, so that a code is never shown to a person as it is.
"""

from __future__ import annotations

import ast
import datetime as dt
import math
from typing import Any

import pytest
from conftest import ROOT

from endorse_cli.engine.dates import months_before
from endorse_cli.engine.kinds import (KINDS, UNIT_FORMS, Forecast, Judging, Kind, Unit, kind_named,
                                      load_all, register, sentence_of)
from endorse_cli.model.message import N_, Nn_
from endorse_cli.model.results import Details, RequirementResult, Said
from endorse_cli.model.rules import Requirement

RULES = ROOT / "tests" / "data" / "visits-rules.toml"


# == The new kind: one module ==============================================================

class VisitsReq(Requirement, tag="visits"):
    count: int


class VisitsDetails(Details, frozen=True, kw_only=True):
    last: dt.date | None = None


def judge_visits(req: VisitsReq, j: Judging) -> RequirementResult:
    assert j.portfolio is not None
    held = [s.date for s in j.portfolio.supervision if s.date <= j.as_of]
    return j.counted(req, have=len(held), need=req.count, unit="visits",
                     details=VisitsDetails(last=max(held, default=None)))


def forecast_visits(req: VisitsReq, result: RequirementResult, j: Judging) -> Forecast:
    """At the pace of the recent months: each visit as far apart as they have come lately."""
    assert j.portfolio is not None
    months = j.rules.forecast.rsc_pace_months
    since = months_before(j.as_of, months)
    lately = sum(1 for s in j.portfolio.supervision if since < s.date <= j.as_of)
    if not lately:
        return Forecast(why=Said(code="no-visits-lately", values={"months": months}))
    missing = req.count - int(result.have or 0)
    day = j.as_of + dt.timedelta(days=math.ceil(missing * (j.as_of - since).days / lately))
    return Forecast(day=day, why=Said(code="visits-pace",
                                      values={"visits": lately, "months": months}))


VISITS = Unit(name="visits", count=Nn_("{count} visit", "{count} visits"),
              more=Nn_("{count} more visit", "{count} more visits"))


def visits_standing(w: Any, req: RequirementResult) -> str:
    """"2 visits, the last on 2026-10-01 (needs 5)"."""
    last = getattr(req.details, "last", None)
    return w.against(req, ", " + w._("the last on {date}").format(date=w.day(last))
                     if last else "")


VISITS_KIND = Kind(
    params=VisitsReq, judge=judge_visits, forecast=forecast_visits, section="supervision",
    units=(VISITS,), standing=visits_standing,
    says={"visits-pace": lambda w, v: w._("at your pace of {visits} in the last {months} "
                                          "months").format(
                                              visits=w.quantity(v["visits"], "visits"),
                                              months=v["months"]),
          "no-visits-lately": lambda w, v: w._("no visit in the last {months} months").format(
              months=v["months"])},
    short=N_("visits {have} of {need}"))


@pytest.fixture
def visits():
    """The kind registered for one test, and gone after it (with its unit)."""
    register(VISITS_KIND)
    yield VISITS_KIND
    KINDS.pop("visits", None)
    UNIT_FORMS.pop("visits", None)


# == It is judged and worded as `endorse gaps` shows it ====================================

PORTFOLIO = """format = 1

[applicant]
name = "Ada Lim"

[[work]]
title = "Home visitor"
start = 2020-01-06
hours_per_week = 40
competencies = ["reflection"]
{sessions}"""

SESSION = """
[[supervision]]
date = {date}
hours = 1
provider = "Dana Lee"
"""


def gaps(cli, tmp_path, monkeypatch, *dates: str) -> str:
    """What `endorse gaps` prints for a portfolio with RS/C sessions on ``dates``, under
    the rules of the new kind, as of 2026-11-01."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "visits.toml").write_text(RULES.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "portfolio.toml").write_text(PORTFOLIO.format(
        sessions="".join(SESSION.format(date=day) for day in dates)), encoding="utf-8")
    run = cli("gaps", "--rules", "visits.toml", "--as-of", "2026-11-01")
    assert (run.code, run.err) == (0, "")  # nothing to warn of
    return run.out


HEAD = """Gap checklist for VIS Visited (recommended)
Ada Lim (portfolio.toml), as of 2026-11-01
Qualified; 0 of 1 requirements met.

[ ] 5 visits from an RS/C provider
"""


def test_a_new_kind_is_judged_and_said_in_its_own_words(visits, cli, tmp_path,
                                                          monkeypatch) -> None:
    # two visits in the last 6 months (184 days): three more take 3 x 184 / 2 = 276 days
    assert gaps(cli, tmp_path, monkeypatch, "2026-09-01", "2026-10-01") == HEAD + """\
    2 visits, the last on 2026-10-01 (needs 5)
    expected 2027-08-04, at your pace of 2 visits in the last 6 months
    next: Have 3 more visits from your RS/C provider, and log each with `endorse
    interview --rules visits.toml --section supervision`.
"""


def test_its_unit_is_said_in_the_singular_for_one(visits, cli, tmp_path, monkeypatch) -> None:
    """One visit lately, and one missing: "1 visit", "1 more visit", never "1 visits"."""
    assert gaps(cli, tmp_path, monkeypatch, "2024-01-02", "2024-02-01", "2024-03-01",
                "2026-10-02") == HEAD + """\
    4 visits, the last on 2026-10-02 (needs 5)
    expected 2027-05-04, at your pace of 1 visit in the last 6 months
    next: Have 1 more visit from your RS/C provider, and log each with `endorse
    interview --rules visits.toml --section supervision`.
"""
    from endorse_cli.render.sentences import quantity

    assert (quantity(1, "visits"), quantity(1, "visits", more=True),
            quantity(1.5, "visits")) == ("1 visit", "1 more visit", "1.5 visits")


def test_its_forecast_says_its_own_code(visits, cli, tmp_path, monkeypatch) -> None:
    """No visit in the last 6 months: no day, and the kind's own words for why."""
    assert gaps(cli, tmp_path, monkeypatch, "2025-01-02") == HEAD + """\
    1 visit, the last on 2025-01-02 (needs 5)
    no date: no visit in the last 6 months
    next: Have 4 more visits from your RS/C provider, and log each with `endorse
    interview --rules visits.toml --section supervision`.
"""


# == Every kind and every warning has its sentences ========================================

ENGINE = ROOT / "src" / "endorse_cli" / "engine"


def _codes_said() -> dict[str, set[str]]:
    """The codes the engine's modules write as ``Said(code="...")`` or hand ``pace_said``,
    by module, and the warnings they raise (``warning("code", ...)``, ``_later``)."""
    found: dict[str, set[str]] = {}
    for path in ENGINE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            literal = None
            if name == "Said":
                literal = next((k.value for k in node.keywords if k.arg == "code"), None)
                key = path.stem
            elif name == "pace_said" and len(node.args) > 1:
                literal, key = node.args[1], path.stem
            elif name == "warning" and node.args:
                literal, key = node.args[0], "warning"
            if literal is not None:
                found.setdefault(key, set()).update(_strings(literal))
    found.setdefault("warning", set()).add("later-date")  # facts._later's one code
    return found


def _strings(node: ast.expr) -> set[str]:
    """The codes an argument can be: ``"rsc-pace"``, or either of ``"a" if x else "b"``."""
    if isinstance(node, ast.IfExp):
        return _strings(node.body) | _strings(node.orelse)
    return {node.value} if isinstance(node, ast.Constant) and isinstance(node.value, str) \
        else set()


#: Codes the engine says that are not a kind's words: the renewal's (worded by the renewal
#: report itself), the waits of `ready` (engine/ready.py), and an option's empty forecast.
ELSEWHERE = {"renewal", "ready"}


def test_every_code_a_kind_says_has_its_words() -> None:
    kinds = load_all()
    said = _codes_said()
    checked = 0
    for module, codes in said.items():
        if module in ELSEWHERE or module == "warning":
            continue
        tag = {"any_of": "any"}.get(module, module)
        kind = KINDS.get(tag)  # a kind's own module, or a shared one (judge, pace)
        for code in codes - {""}:
            owners = [kind] if kind is not None else list(kinds.values())
            assert any(_has_words(k, code) for k in owners), (module, code)
            checked += 1
    assert checked >= 17


def _has_words(kind: Kind, code: str) -> bool:
    try:
        sentence_of(kind, code)
    except LookupError:
        return False
    return True


def test_every_warning_has_its_message_and_fix() -> None:
    from endorse_cli.engine.entries import FLAGS, flag_named

    codes = _codes_said()["warning"]
    assert {"later-date", "rsc-outside-field", "work-hours-per-week"} <= codes
    for code in codes:
        spec = flag_named(code)
        assert callable(spec.message) and callable(spec.fix)
    # and no words for a warning nothing raises (the hours a day are raised by a table)
    source = (ENGINE / "redflags.py").read_text(encoding="utf-8").split("# -- the words")[0]
    assert set(FLAGS) - codes == {c for c in FLAGS if f'"{c}"' in source} - codes
    assert set(FLAGS) - codes == {"rsc-hours-per-day", "training-hours-per-day"}


def test_every_unit_a_kind_counts_in_has_its_forms() -> None:
    load_all()
    said = []
    for path in (ENGINE / "kinds").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "unit" and \
                    isinstance(node.value, ast.Constant) and node.value.value:
                said.append(node.value.value)  # j.counted(..., unit="hours")
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "more" and \
                    isinstance(node.args[1], ast.Constant):
                said.append(node.args[1].value)  # more(missing_days, "days")
    counted = set(said) - {"degree", "exam", "date"}  # not counts: worded by their kind
    assert counted <= set(UNIT_FORMS), counted - set(UNIT_FORMS)
    assert {"hours", "years", "days", "references", "areas", "families", "licenses"} <= counted


def test_a_code_without_words_fails_loudly() -> None:
    from endorse_cli.engine.entries import flag_named
    from endorse_cli.render.sentences import quantity

    with pytest.raises(LookupError, match="no-such-code"):
        sentence_of(kind_named("training"), "no-such-code")
    with pytest.raises(LookupError, match="no-such-warning"):
        flag_named("no-such-warning")
    with pytest.raises(LookupError, match="furlongs"):
        quantity(2, "furlongs")
