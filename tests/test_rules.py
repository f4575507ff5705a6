"""The shipped rules say what credentials.md says; a malformed rules file is refused clearly."""

from __future__ import annotations

import json
import re

import pytest
from conftest import AS_OF, EXAMPLES, ROOT

from endorse_cli.io.rules_file import load_rules
from endorse_cli.model.rules import AnyReq

EIGHT = ["theoretical-foundations", "law-regulation-policy", "systems-expertise",
         "direct-service-skills", "working-with-others", "communicating", "thinking", "reflection"]

# credentials.md, "The default rules" and the requirement table, written out by hand.
EXPECTED = {
    "IFA": ("Infant Family Associate", "promotion", 1, [
        ("entry", "any", True, {"options": [("education", {"min_degree": "cda"}),
                                            ("experience", {"years": 2.0, "after": None})]}),
        ("references", "references", False, {"count": 3}),
        ("training", "training", False, {"hours": 30.0}),
        ("portfolio", "competencies", False, {"areas": EIGHT}),
    ]),
    "IFS": ("Infant Family Specialist", "prevention", 2, [
        ("degree", "education", True, {"min_degree": "bachelors"}),
        ("experience", "experience", True, {"years": 2.0, "after": None}),
        ("references", "references", False, {"count": 3}),
        ("training", "training", False, {"hours": 30.0}),
        ("portfolio", "competencies", False, {"areas": EIGHT}),
        ("rsc", "supervision", False, {"hours": 24.0, "window_months": 24, "min_span_months": 12, "mentor_tracks": None}),
    ]),
    "IMHS": ("Infant Mental Health Specialist", "clinical", 3, [
        ("degree", "education", True, {"min_degree": "masters"}),
        ("experience", "experience", True, {"years": 2.0, "after": "masters"}),
        ("references", "references", False, {"count": 3}),
        ("training", "training", False, {"hours": 30.0}),
        ("portfolio", "competencies", False, {"areas": EIGHT}),
        ("rsc", "supervision", False, {"hours": 50.0, "window_months": 24, "min_span_months": 12, "mentor_tracks": None}),
        ("exam", "exam", False, {}),
    ]),
    "IMHM": ("Infant Mental Health Mentor", "leadership", 4, [
        ("degree", "education", True, {"min_degree": "masters"}),
        ("experience", "experience", True, {"years": 3.0, "after": None}),
        ("references", "references", False, {"count": 3}),
        ("training", "training", False, {"hours": 30.0}),
        ("portfolio", "competencies", False, {"areas": [*EIGHT, "administration"]}),
        ("rsc", "supervision", False, {"hours": 50.0, "window_months": 24, "min_span_months": 12,
                                       "mentor_tracks": ["clinical"]}),
        ("exam", "exam", False, {}),
    ]),
}


def _shape(req) -> tuple:
    kind = req.__struct_config__.tag
    if isinstance(req, AnyReq):
        fields = {"options": [(o.__struct_config__.tag, _fields(o)) for o in req.option]}
    else:
        fields = _fields(req)
    return (req.id, kind, req.qualification, fields)


def _fields(req) -> dict:
    """The parameters of a requirement; those of format 2 only when set."""
    common = {"id", "label", "qualification", "next_step"}
    defaults = dict(zip(req.__struct_fields__[-len(req.__struct_defaults__):],
                        req.__struct_defaults__)) if req.__struct_defaults__ else {}
    return {k: getattr(req, k) for k in req.__struct_fields__ if k not in common
            and (k in FORMAT_1_PARAMETERS or (k == "mentor_tracks" and req.__struct_config__.tag == "supervision") or getattr(req, k) != _default(defaults.get(k)))}


#: The parameters format 1 had: shown even at their defaults.
FORMAT_1_PARAMETERS = {"min_degree", "years", "after", "hours", "window_months",
                       "min_span_months", "count", "areas"}


def _default(value):  # noqa: ANN001, ANN202
    from msgspec import NODEFAULT

    if value is NODEFAULT or value is None:
        return None
    return value.factory() if hasattr(value, "factory") else value


def test_the_shipped_rules_are_the_table_of_credentials_md() -> None:
    rules = load_rules().value
    assert rules.default_mentor_track == "clinical"
    got = {c.id: (c.name, c.focus, c.level, [_shape(r) for r in c.requirement])
           for c in rules.credential}
    assert got == EXPECTED


def test_every_area_and_degree_has_a_label() -> None:
    rules = load_rules().value
    assert set(rules.areas) == {*EIGHT, "administration"}
    assert set(rules.degrees) == {"cda", "associate", "bachelors", "masters", "doctorate", "md"}


GOOD = (ROOT / "data" / "credentials.toml").read_text(encoding="utf-8")


def _variant(old: str, new: str, count: int = 1) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new, count)


def _run_with(cli, tmp_path, text: str):
    """`endorse credentials --rules FILE` on a rules file holding ``text``."""
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    return cli("credentials", "--rules", str(path)), path


def _line(text: str, needle: str, nth: int = 1) -> int:
    lines = text.splitlines()
    hits = [i + 1 for i, line in enumerate(lines) if needle in line]
    return hits[nth - 1]


BAD_RULES = [
    ("unknown kind", 'kind = "training"', 'kind = "trainig"', 1,
     "the 1st credential (IFA), its 3rd requirement (training), kind: \"trainig\" is not allowed here; did you mean \"training\"?"),
    ("missing threshold", "hours = 30\n", "\n", 1,
     "the 1st credential (IFA), its 3rd requirement (training): the required key `hours` is missing"),
    ("unknown degree", 'min_degree = "bachelors"', 'min_degree = "ba"', 1,
     'the 2nd credential (IFS), its 1st requirement (degree), min_degree: "ba" is not allowed here'),
    ("duplicate requirement id", 'id = "references"', 'id = "entry"', 1,
     "the 1st credential (IFA), its 2nd requirement (entry), id: the requirement id 'entry' is used twice in IFA"),
    ("duplicate credential id", 'id = "IFS"', 'id = "IFA"', 1,
     "the 2nd credential (IFA), id: the credential id 'IFA' is used twice"),
    ("duplicate level", "level = 2", "level = 1", 1, "the 2nd credential (IFS), level: level 1 is also IFA's"),
    ("unknown placeholder", "{more} of specialized", "{mroe} of specialized", 1,
     "next_steps.training: unknown placeholder {mroe}; did you mean {more}?"),
    ("negative hours", "hours = 24", "hours = -24", 1,
     "the 2nd credential (IFS), its 6th requirement (rsc), hours: must be greater than 0 (found -24)"),
    ("infinite hours", "hours = 24", "hours = inf", 1,
     "the 2nd credential (IFS), its 6th requirement (rsc), hours: must be at most 100000 (found inf)"),
    ("absurd hours", "hours = 24", "hours = 1e308", 1,
     "the 2nd credential (IFS), its 6th requirement (rsc), hours: must be at most 100000 (found 1e+308)"),
    ("not a number", "hours = 24", "hours = nan", 1,
     "the 2nd credential (IFS), its 6th requirement (rsc), hours: must be greater than 0 (found nan)"),
    ("infinite years", "years = 2", "years = 1e309", 1,
     "the 1st credential (IFA), its 1st requirement (entry), its 2nd option (entry-experience), years: must be at most 100 (found inf)"),
    ("absurd window", "window_months = 24", "window_months = 99999999999", 1,
     "the 2nd credential (IFS), its 6th requirement (rsc), window_months: must be at most 1200 (found 99999999999)"),
    ("unknown key", "window_months = 24", "window_month = 24", 1,
     "the 2nd credential (IFS), its 6th requirement (rsc), window_month: unknown key `window_month`; did you mean `window_months`?"),
]


@pytest.mark.parametrize(("old", "new", "count", "expected"), [c[1:] for c in BAD_RULES],
                         ids=[c[0] for c in BAD_RULES])
def test_malformed_rules_are_refused_with_file_line_and_key(cli, tmp_path, old, new, count,
                                                            expected) -> None:
    run, path = _run_with(cli, tmp_path, _variant(old, new, count))
    assert run.code == 1, run.err
    assert run.out == ""
    assert run.err.startswith(f"error: {path}, line "), run.err
    assert expected in run.err.splitlines()[0]
    line = int(run.err.split(", line ")[1].split(":")[0])
    if new.strip():  # the key's own line, never its entry's heading
        assert new.strip() in _variant(old, new, count).splitlines()[line - 1], run.err
    else:  # a key missing: the heading of the entry that lacks it
        assert _variant(old, new, count).splitlines()[line - 1] == "[[credential.requirement]]"


@pytest.mark.parametrize("value", ["inf", "1e308", "1e309", "-inf", "nan", "99999999"])
@pytest.mark.parametrize("command", ["assess", "gaps"])
def test_a_non_finite_or_absurd_threshold_is_refused_before_judging(cli, tmp_path, value,
                                                                     command) -> None:
    """It was an OverflowError traceback as soon as a requirement was judged."""
    text = _variant("hours = 24", f"hours = {value}")
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    run = cli(command, str(ROOT / "examples" / "clinician.toml"), "--rules", str(path))
    assert run.code == 1 and run.out == "", run.err
    assert re.match(rf"error: {re.escape(str(path))}, line \d+: "
                    r"the 2nd credential \(IFS\), its 6th requirement \(rsc\), hours: must be ", run.err), run.err


def test_a_renewal_due_day_that_is_no_day_is_called_so(cli, tmp_path) -> None:
    pack = (ROOT / "data" / "packs" / "imh-e-2025.toml").read_text(encoding="utf-8")
    assert '\ndue = "12-31"' in pack
    path = tmp_path / "pack.toml"
    path.write_text(pack.replace('\ndue = "12-31"', '\ndue = "13-01"'), encoding="utf-8")
    run = cli("renew", str(ROOT / "examples" / "ifs-renewing.toml"), "--rules", str(path))
    assert run.code == 1, run.err
    assert 'renewal.due: "13-01" is not a day of the year' in run.err, run.err
    assert "valid id" not in run.err
    assert "fix: write the month and the day as MM-DD, e.g. 12-31" in run.err


def test_line_of_a_rules_problem_is_the_line_of_the_key(cli, tmp_path) -> None:
    text = _variant("level = 2", "level = 1")
    run, _ = _run_with(cli, tmp_path, text)
    assert f", line {_line(text, 'level = 1', 2)}: the 2nd credential (IFS), level" in run.err


def test_a_kind_with_no_next_step_wording_is_refused(cli, tmp_path) -> None:
    run, _ = _run_with(cli, tmp_path, _variant(
        'exam = "Register for the Endorsement exam and record it with {command}."\n', ""))
    assert run.code == 1
    assert "no next-step wording for the kind 'exam'" in run.err


def test_an_any_inside_an_any_is_refused(cli, tmp_path) -> None:
    run, _ = _run_with(cli, tmp_path, _variant('  kind = "experience"', '  kind = "any"'))
    assert run.code == 1
    assert 'its 2nd option (entry-experience), kind: "any" is not allowed here' in run.err


def test_rules_that_are_not_toml(cli, tmp_path) -> None:
    run, path = _run_with(cli, tmp_path, "format = 1\n[[credential]\n")
    assert run.code == 1
    assert run.err.startswith(f"error: {path}, line 2: the heading on this line is not closed "
                              "with two brackets")


def test_missing_rules_file_is_a_usage_error(cli, tmp_path) -> None:
    run = cli("credentials", "--rules", str(tmp_path / "none.toml"))
    assert run.code == 2
    assert run.err.startswith(f"error: no rules file '{tmp_path / 'none.toml'}'")


def test_empty_rules_file(cli, tmp_path) -> None:
    run, path = _run_with(cli, tmp_path, "")
    assert (run.code, run.err) == (1, f"error: {path}: the file is empty\n"
                                      "  fix: start from a copy of the shipped data/credentials.toml\n")


def test_a_portfolio_given_as_rules_and_rules_given_as_a_portfolio(cli, tmp_path) -> None:
    run = cli("credentials", "--rules", str(EXAMPLES / "clinician.toml"))
    assert run.code == 1
    assert "this is a portfolio, not a rules file" in run.err
    run = cli("assess", str(ROOT / "data" / "credentials.toml"))
    assert run.code == 1
    assert "this is a rules file, not a portfolio" in run.err


def test_rules_without_credentials(cli, tmp_path) -> None:
    text = GOOD[: GOOD.index("[[credential]]")]
    run, _ = _run_with(cli, tmp_path, text)
    assert run.code == 1
    assert "there is no [[credential]] table\n  fix: add one or more [[credential]] tables" in run.err


SMALL_RULES = """
format = 1
name = "A two-step association"
default_mentor_track = "clinical"
[degrees]
bachelors = "BA"
[areas]
[next_steps]
training = "Train {missing} more hours."
references = "Find {missing} more."
[forecast]
rsc_pace_months = 6
training_pace_months = 12
horizon_months = 60
[red_flags]
max_rsc_hours_per_day = 8
max_training_hours_per_day = 12
max_work_hours_per_week = 60
min_overlap_days = 7
assumed_hours_per_week = 40
reference_stale_months = 12

[[credential]]
id = "STEP1"
name = "Step one"
focus = "promotion"
level = 1
[[credential.requirement]]
id = "hours"
kind = "training"
label = "10 hours of training"
qualification = true
hours = 10

[[credential]]
id = "STEP2"
name = "Step two"
focus = "prevention"
level = 2
[[credential.requirement]]
id = "refs"
kind = "references"
label = "5 references"
qualification = true
count = 5
"""


def test_another_associations_rules_are_used_with_rules(cli, tmp_path, monkeypatch) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(SMALL_RULES, encoding="utf-8")
    example = str(EXAMPLES / "home-visitor.toml")
    for args in (["--rules", str(path)], []):
        if not args:
            monkeypatch.setenv("ENDORSE_RULES", str(path))
        run = cli("assess", example, "--as-of", AS_OF, "--format", "json", *args)
        # the home visitor's target IFS is not in these rules
        assert run.code == 1
        assert 'your details, Target credential: "IFS" is not a credential of these rules' in run.err
    run = cli("gaps", str(EXAMPLES / "clinician.toml"), "--as-of", AS_OF, "--format", "json",
              "--rules", str(path))
    data = json.loads(run.out)
    assert [c["id"] for c in data["credentials"]] == ["STEP1", "STEP2"]
    assert data["recommended"]["id"] == "STEP1"
    assert data["rules"] == "A two-step association"
    step2 = data["credentials"][1]["requirements"][0]
    assert (step2["have"], step2["need"], step2["next_step"]) == (3, 5, "Find 2 more.")


def test_every_choice_of_the_questionnaire_has_words() -> None:
    from endorse_cli.interview.fields import SECTIONS

    rules = load_rules().value
    for fields in SECTIONS.values():
        for field in fields:
            if field.kind == "choice" and field.choices and field.key != "degree":
                assert set(field.choices) <= set(rules.choices[field.key]), field.key


def test_a_tiny_rsc_threshold_with_no_session_is_judged(cli, tmp_path) -> None:
    """Found by benchmarks/fuzz.py: 1e-320 hours, met by no session at all, with a period to
    span, had no first session to count the period from (an AttributeError)."""
    pack = (ROOT / "data" / "packs" / "ecmh-e-2025.toml").read_text(encoding="utf-8")
    lines = pack.splitlines()
    ecfs_rsc = lines.index("hours = 24")  # the first: ECFS's RS/C
    assert lines[ecfs_rsc - 3:ecfs_rsc - 1] == ['id = "rsc"', 'kind = "supervision"']
    lines[ecfs_rsc] = "hours = 1e-320"
    path = tmp_path / "rules.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for command in (["assess", "-f", "json"], ["gaps", "--timeline"]):
        run = cli(*command, str(ROOT / "examples" / "ifs-renewing.toml"), "--rules",
                  str(path), "--as-of", "9999-06-01")
        assert run.code == 0, run.err
