"""The commands as a user runs them: output, defaults, errors, exit codes, the JSON contract."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import AS_OF, EXAMPLES, ROOT

EXAMPLE_NAMES = sorted(p.stem for p in EXAMPLES.glob("*.toml"))
KINDS = {"education", "experience", "training", "supervision", "references", "competencies",
         "exam", "any"}


@pytest.fixture(autouse=True)
def _at_root(monkeypatch):
    monkeypatch.chdir(ROOT)  # paths in the output read examples/NAME.toml on every machine


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize("command", ["gaps", "assess"])
def test_text_golden(cli, golden, command, name) -> None:
    run = cli(command, f"examples/{name}.toml", "--as-of", AS_OF)
    assert (run.code, run.err) == (0, "")
    golden(f"{command}-{name}.txt", run.out)
    assert max(len(line) for line in run.out.splitlines()) <= 80


def test_markdown_golden(cli, golden) -> None:
    gaps = cli("gaps", "examples/home-visitor.toml", "--as-of", AS_OF, "--format", "markdown")
    golden("gaps-home-visitor.md", gaps.out)
    assess = cli("assess", "examples/home-visitor.toml", "--as-of", AS_OF, "-f", "markdown")
    golden("assess-home-visitor.md", assess.out)


def test_json_golden(cli, golden) -> None:
    run = cli("gaps", "examples/home-visitor.toml", "--as-of", AS_OF, "--format", "json")
    golden("gaps-home-visitor.json", run.out)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_timeline_golden(cli, golden, fmt) -> None:
    run = cli("gaps", "examples/home-visitor.toml", "--as-of", AS_OF, "--timeline", "-f", fmt)
    assert run.code == 0
    golden(f"timeline-home-visitor.{'txt' if fmt == 'text' else 'md'}", run.out)


def test_credentials_as_json_are_the_rules_in_force(cli) -> None:
    data = json.loads(cli("credentials", "--format", "json").out)
    assert [c["id"] for c in data["credential"]] == ["IFA", "IFS", "IMHS", "IMHM"]
    assert data["credential"][1]["requirement"][5] | {"label": ""} == {
        "id": "rsc", "kind": "supervision", "label": "", "qualification": False,
        "next_step": None, "hours": 24.0, "window_months": 24, "min_span_months": 12,
        "mentor_tracks": None,
        # the parameters of rules packs, at their defaults: every session counts
        "credentials": None, "only_if_provides_rsc": False, "provider_endorsements": None,
        "about_providing_hours": 0, "while_ages": None, "reduced": None}


def test_credentials_golden(cli, golden) -> None:
    golden("credentials.txt", cli("credentials").out)
    golden("credentials.md", cli("credentials", "--format", "markdown").out)


def _check_requirement(req: dict) -> None:
    assert set(req) >= {"id", "kind", "label", "qualification", "met", "have", "need", "unit",
                        "next_step", "applies", "note", "details"}
    assert req["kind"] in KINDS
    assert isinstance(req["met"], bool) and isinstance(req["qualification"], bool)
    assert (req["next_step"] is None) == req["met"]
    if req["kind"] == "any":
        assert len(req["options"]) >= 2
        for option in req["options"]:
            _check_requirement(option)
    if req["kind"] == "experience":
        assert req["unit"] == "years"
        assert round(req["have"], 2) == req["have"]
    if req["kind"] in ("training", "supervision") and req["applies"]:
        assert req["unit"] == "hours"
        assert isinstance(req["have"], (int, float))


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_json_follows_the_contract(cli, name) -> None:
    run = cli("assess", f"examples/{name}.toml", "--as-of", AS_OF, "--format", "json")
    assert run.err == ""
    data = json.loads(run.out)
    assert list(data)[:4] == ["format", "file", "applicant", "as_of"]
    assert data["format"] == 1
    assert data["file"] == f"examples/{name}.toml"
    assert data["as_of"] == AS_OF
    assert set(data["recommended"]) >= {"id", "qualified", "reason"}
    assert data["recommended"]["id"] in [c["id"] for c in data["credentials"]]
    for credential in data["credentials"]:
        assert set(credential) >= {"id", "name", "qualified", "met", "requirements"}
        met = [r["met"] for r in credential["requirements"] if r["applies"]]
        assert credential["met"] == all(met)
        assert credential["requirements_met"] == sum(met)
        for req in credential["requirements"]:
            _check_requirement(req)
    assert data["warnings"] == []


def test_warnings_carry_key_path_and_line(cli, write) -> None:
    path = write("""
        format = 1
        [applicant]
        name = "Ana"

        [[training]]
        title = "Early"
        date = 2024-01-01
        hours = 3
        competencies = ["reflection"]

        [[training]]
        title = "Later"
        date = 2027-01-01
        hours = 3
        competencies = ["reflection"]
    """)
    data = json.loads(cli("assess", str(path), "--as-of", AS_OF, "--format", "json").out)
    assert data["warnings"] == [{
        "code": "later-date",
        "message": "Your 2nd training, Later, 2027-01-01: dated after the as-of date "
                   "2026-11-21, so it is not counted yet",
        "fix": "nothing to do if the date is right; otherwise correct it with "
               f"`endorse edit {path}`",  # the command names the portfolio it was run on
        "where": "training[1].date",
        "line": 13,
        "values": {"date": "2027-01-01", "as_of": "2026-11-21"},
        "entry": {"section": "training", "number": 2, "name": "Later", "date": "2027-01-01"},
    }]
    text = " ".join(cli("gaps", str(path), "--as-of", AS_OF).out.split())
    expected = ("! Your 2nd training, Later, 2027-01-01: dated after the as-of date 2026-11-21, "
                "so it is not counted yet. fix: nothing to do if the date is right; otherwise "
                f"correct it with `endorse edit {path}` (line 13)")
    assert "".join(expected.split()) in "".join(text.split())  # a long path wraps anywhere
    assert "training[1]" not in text


def test_file_defaults_to_the_environment_then_portfolio_toml(cli, write, monkeypatch, tmp_path) -> None:
    path = write('format = 1\n[applicant]\nname = "From Env"\n', name="mine.toml")
    monkeypatch.setenv("ENDORSE_PORTFOLIO", str(path))
    assert json.loads(cli("assess", "-f", "json").out)["applicant"] == "From Env"
    monkeypatch.delenv("ENDORSE_PORTFOLIO")
    write('format = 1\n[applicant]\nname = "Here"\n')
    monkeypatch.chdir(tmp_path)
    assert json.loads(cli("assess", "-f", "json").out)["applicant"] == "Here"


def test_no_portfolio_says_how_to_make_one(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("gaps")
    assert run.code == 2
    assert run.err == (
        "error: no portfolio file 'portfolio.toml' in this folder\n"
        "  fix: start one with `endorse init`, name your portfolio file "
        "(`endorse gaps my-portfolio.toml`), or set ENDORSE_PORTFOLIO\n")
    monkeypatch.setenv("ENDORSE_PORTFOLIO", "gone.toml")
    assert "no portfolio file 'gone.toml' named by $ENDORSE_PORTFOLIO" in cli("gaps").err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--as-of", "2026-02-30"], "error: --as-of '2026-02-30' is not a date"),
        (["--as-of", "yesterday"], "error: --as-of 'yesterday' is not a date"),
        (["--credential", "IMSH"], "error: --credential 'IMSH' is not in the rules; did you mean \"IMHS\"?"),
        (["--format", "yaml"], "Invalid value for '--format' / '-f'"),
        (["--bogus"], "No such option: --bogus"),
    ],
)
def test_usage_errors_exit_2(cli, args, message) -> None:
    run = cli("gaps", "examples/home-visitor.toml", *args)
    assert run.code == 2
    assert message in run.err
    assert run.out == ""


def test_gaps_for_a_named_credential(cli) -> None:
    run = cli("gaps", "examples/home-visitor.toml", "--as-of", AS_OF, "-c", "IMHS", "-f", "json")
    assert json.loads(run.out)["checklist"] == {"id": "IMHS", "why": "named"}
    text = cli("gaps", "examples/home-visitor.toml", "--as-of", AS_OF, "-c", "IMHS").out
    assert text.startswith("Gap checklist for IMHS Infant Mental Health Specialist (as asked)\n")


def test_as_of_changes_the_answer(cli) -> None:
    later = json.loads(cli("gaps", "examples/home-visitor.toml", "--as-of", "2027-04-06",
                           "-f", "json").out)
    ifs = next(c for c in later["credentials"] if c["id"] == "IFS")
    experience = next(r for r in ifs["requirements"] if r["id"] == "experience")
    assert experience["met"] and experience["details"]["days"] == 730


def test_formats_and_credential_ids_in_any_case(cli) -> None:
    run = cli("gaps", "examples/home-visitor.toml", "--as-of", AS_OF, "-f", "JSON", "-c", "imhs")
    assert json.loads(run.out)["checklist"] == {"id": "IMHS", "why": "named"}


def test_a_reader_that_stops_early_is_not_an_error() -> None:
    for fmt in ("text", "json"):
        pipe = subprocess.Popen([sys.executable, "-m", "endorse_cli", "gaps",
                                 str(EXAMPLES / "clinician.toml"), "-f", fmt],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        pipe.stdout.close()  # as `| true` or `| head -0` would
        assert pipe.wait() == 0
        assert pipe.stderr.read() == b""


def test_help_lists_every_command_and_option(cli) -> None:
    assert cli("-h").out == cli("--help").out
    top = cli("--help").out
    for command in ("assess", "gaps", "credentials"):
        assert command in top
    gaps = cli("gaps", "--help").out
    for option in ("--credential", "--as-of", "--rules", "--format"):
        assert option in gaps


def test_module_entry_point_and_version() -> None:
    run = subprocess.run([sys.executable, "-m", "endorse_cli", "--version"],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0
    assert run.stdout.startswith("endorse ")


def test_the_installed_command_runs_from_another_folder(tmp_path) -> None:
    run = subprocess.run([sys.executable, "-m", "endorse_cli", "gaps",
                          str(EXAMPLES / "clinician.toml"), "--as-of", AS_OF, "-f", "json"],
                         capture_output=True, text=True, cwd=tmp_path, check=False)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["recommended"]["id"] == "IMHS"


# Sentences (the tool's and the rules file's words) were reworded for applicants; everything
# else of the contract is as it was, and what was added is listed here.
WORDS = {"next_step", "reason", "message", "fix", "assumption", "note", "label", "needs",
         "have_label", "need_label"}
ADDED = {"said", "values", "entry", "spans", "span_months", "period_short", "window_hours",
         "date", "timed", "ready", "waiting_on"}


def _contract(node, path=""):
    """The JSON with added fields left out and sentences reduced to whether they are there."""
    if isinstance(node, dict):
        return {k: ((v is not None) if k in WORDS and not isinstance(v, (dict, list)) else
                    [x is not None for x in v] if k in WORDS else _contract(v, f"{path}.{k}"))
                for k, v in node.items() if k not in ADDED}
    if isinstance(node, list):
        return [_contract(v, path) for v in node]
    return node


def test_the_json_contract_only_gains_fields(cli) -> None:
    """The JSON of format 1, as it was before the engine spoke in codes: the same keys, values
    and order, but for the codes added beside the words."""
    before = json.loads((ROOT / "tests" / "golden" /
                         "contract-format1-gaps-home-visitor.json").read_text(encoding="utf-8"))
    now = json.loads(cli("gaps", "examples/home-visitor.toml", "--as-of", AS_OF,
                         "--format", "json").out)
    assert _contract(now) == _contract(before)
    assert list(_contract(now)) == list(_contract(before))
    added = {key for key in ADDED if f'"{key}"' in json.dumps(now)}
    assert added == ADDED


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_a_next_step_made_of_other_steps_names_the_portfolio_once(cli, write, fmt) -> None:
    """A clinician with no degree: the degree-or-experience step is made of the options' own
    steps, each already naming the file; the file is named once in each command."""
    path = write('format = 1\n[applicant]\nname = "X"\nfocus = "clinical"\n', name="one.toml")
    out = " ".join(cli("gaps", str(path), "-f", fmt).out.split())  # the text wraps lines
    assert f"`endorse interview {path} --section education`" in out
    assert f"{path} {path}" not in out
