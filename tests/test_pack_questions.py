"""The questions of rules packs are asked only when the rules in force read their answers."""

from __future__ import annotations

from conftest import ROOT

from endorse_cli.interview.fields import SECTIONS, asked, asked_in_force
from endorse_cli.io.rules_file import load_rules

PACK_QUESTIONS = {("work", "paid"), ("work", "supervised"), ("work", "internship"),
                  ("work", "supervisor_endorsement"), ("work", "ages"), ("work", "roles"),
                  ("training", "topics"), ("supervision", "about_providing"),
                  ("reference", "endorsement")}


def _asked(rules) -> set[tuple[str, str]]:
    in_force = asked_in_force(rules)
    return {(f.section, f.key) for fields in SECTIONS.values() for f in fields
            if asked(f, in_force)}


def test_the_default_rules_ask_what_they_always_asked() -> None:
    asked_now = _asked(load_rules().value)
    assert asked_now.isdisjoint(PACK_QUESTIONS)
    assert ("work", "hours_per_week") in asked_now and ("training", "competencies") in asked_now


def test_a_rules_pack_asks_the_questions_its_kinds_read() -> None:
    imh = _asked(load_rules(ROOT / "data" / "packs" / "imh-e-2025.toml").value)
    assert PACK_QUESTIONS <= imh


def test_add_takes_the_pack_answers_as_repeated_options(cli, tmp_path) -> None:
    path = tmp_path / "portfolio.toml"
    path.write_text('format = 1\n\n[applicant]\nname = "Ana Lopez"\n', encoding="utf-8")
    run = cli("add", "training", str(path), "--title", "Equity in Practice", "--date",
              "2025-03-01", "--hours", "3", "--topic", "dei", "--topic", "IMH", "--no-input")
    assert run.code == 0, run.err
    run = cli("add", "work", str(path), "--title", "Clinician", "--start", "2020-01-01",
              "--age", "0-3", "--role", "rsc-provider", "--no-paid", "--no-input")
    assert run.code == 0, run.err
    text = path.read_text(encoding="utf-8")
    assert 'topics = ["dei", "imh"]' in text
    assert 'ages = ["0-3"]' in text and 'roles = ["rsc-provider"]' in text
    assert "paid = false" in text
    bad = cli("add", "training", str(path), "--title", "X", "--date", "2025-03-01", "--hours",
              "1", "--topic", "equity", "--no-input")
    assert bad.code == 2
    assert "'equity' is not one of these; use one of: imh, rsc, dei" in bad.err


def test_the_interview_walks_its_own_sections_once_and_edit_lists_each_once() -> None:
    """The interview's walk ends at the exam (licenses and endorsements are added with
    `endorse add`); every section it walks has a progress line."""
    from endorse_cli.interview import flows

    assert flows.ORDER == ("education", "work", "training", "supervision", "reference", "exam")
    assert set(flows.ORDER) <= set(flows.FEEDS)
    assert not set(flows.ORDER) & set(flows.HELD)
