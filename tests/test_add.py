"""`endorse add`: one entry from the command line, no questions."""

from __future__ import annotations

import shutil

import pytest
from conftest import EXAMPLES

from endorse_cli.io.portfolio_file import read_portfolio


@pytest.fixture
def path(tmp_path):
    file = tmp_path / "portfolio.toml"
    shutil.copy(EXAMPLES / "home-visitor.toml", file)
    return file


def test_add_supervision_lands_after_the_last_session(cli, path) -> None:
    before = path.read_text(encoding="utf-8")
    run = cli("add", "supervision", str(path), "--date", "2026-11-18", "--hours", "1.5",
              "--provider", "Ana Lopez", "--format", "group")
    assert run.code == 0, run.err
    assert run.err == f"done: added to {path}: 2026-11-18 Ana Lopez (1.5 h, group)\n"
    after = path.read_text(encoding="utf-8")
    new = ('[[supervision]]\ndate = 2026-11-18\nhours = 1.5\nprovider = "Ana Lopez"\n'
           'format = "group"\n\n')
    at = before.index("[[reference]]")
    assert after == before[:at] + new + before[at:]
    assert (path.parent / "portfolio.toml.bak").read_text(encoding="utf-8") == before


def test_add_training_with_areas_us_date_and_a_no_flag(cli, path) -> None:
    run = cli("add", "training", "--title", "Attachment 101", "--date", "3/15/2026", "--hours", "3",
              "--competency", "reflection", "--competency", "thinking", "--no-imh", str(path))
    assert run.code == 0, run.err
    last = read_portfolio(path).value.training[-1]
    assert (last.title, last.date.isoformat(), last.hours, last.imh, last.competencies) == (
        "Attachment 101", "2026-03-15", 3, False, ["reflection", "thinking"])


def test_add_the_exam(cli, path) -> None:
    assert cli("add", "exam", str(path), "--status", "scheduled", "--date", "2027-02-01").code == 0
    exam = read_portfolio(path).value.exam
    assert (exam.status, exam.date.isoformat()) == ("scheduled", "2027-02-01")
    assert cli("add", "exam", str(path), "--status", "not-taken").code == 0
    exam = read_portfolio(path).value.exam
    assert (exam.status, exam.date) == ("not-taken", None)  # no stale date left behind


def test_file_from_the_environment(cli, path, monkeypatch) -> None:
    monkeypatch.setenv("ENDORSE_PORTFOLIO", str(path))
    assert cli("add", "reference", "--name", "Sam Roe", "--phone", "555-0100").code == 0
    assert read_portfolio(path).value.reference[-1].name == "Sam Roe"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["training", "--title", "x"], "error: missing: --date and --hours"),
        (["training", "--titel", "x"], "training has no option --titel; did you mean --title?"),
        (["training", "--title", "x", "--date", "2/30/2026", "--hours", "1"],
         "--date '2/30/2026': 2/30/2026 is not a real date"),
        (["training", "--title", "x", "--date", "2026-01-01", "--hours", "-1"],
         "--hours '-1': -1 is not allowed: the clock hours must be more than 0 and at most 10,000"),
        (["training", "--title", "x", "--date", "2026-01-01", "--hours", "1,500"],
         "--hours '1,500': write hours with a decimal point and no commas"),
        (["reference", "--name", "R", "--status", "received", "--requested", "2026-01-01"],
         "--requested goes with --status requested"),
        (["exam", "--status", "passed", "--date", "2999-01-01"],
         "--date '2999-01-01': 2999-01-01 is after today"),
        (["work", "--title", "x", "--start", "2026-01-01", "--end", "2025-01-01"],
         "--end '2025-01-01': 2025-01-01 is before the first day (2026-01-01)"),
        (["supervision", "--date", "2999-01-01", "--hours", "1", "--provider", "P"],
         "--date '2999-01-01': 2999-01-01 is after today"),
        (["reference", "--name", "R", "--status", "recieved"], "--status 'recieved': 'recieved' is not one of these; did you mean received?"),
    ],
)
def test_mistakes_are_usage_errors_and_change_nothing(cli, path, args, message) -> None:
    before = path.read_text(encoding="utf-8")
    run = cli("add", *args, str(path), "--no-input")
    assert run.code == 2
    assert message in run.err
    assert path.read_text(encoding="utf-8") == before


def test_an_option_without_its_value(cli, path) -> None:
    run = cli("add", "training", str(path), "--title")
    assert (run.code, run.err.splitlines()[0]) == (2, "error: --title needs a value")


def test_a_missing_portfolio(cli, tmp_path) -> None:
    run = cli("add", "training", str(tmp_path / "none.toml"), "--title", "x", "--date",
              "2026-01-01", "--hours", "1")
    assert run.code == 2
    assert "no portfolio file" in run.err


def test_hours_a_week_past_the_format_name_the_option_and_the_range(cli, path) -> None:
    before = path.read_text(encoding="utf-8")
    run = cli("add", "work", str(path), "--title", "Home Visitor", "--start", "2021-09-01",
              "--hours-per-week", "200")
    assert run.code == 2
    assert run.err.splitlines()[0] == ("error: --hours-per-week '200': 200 is not allowed: the "
                                       "hours a week must be more than 0 and at most 168")
    assert "line" not in run.err
    assert path.read_text(encoding="utf-8") == before


def test_hours_and_dates_as_people_write_them(cli, path) -> None:
    assert cli("add", "training", str(path), "--title", "A", "--date", "3/15/2026",
               "--hours", "1:30").code == 0
    assert cli("add", "supervision", str(path), "--date", "2026-03-16", "--hours", "90 min",
               "--provider", "Ana Lopez").code == 0
    assert cli("add", "education", str(path), "--degree", "masters", "--completed",
               "May 2016").code == 0
    p = read_portfolio(path).value
    assert (p.training[-1].hours, p.supervision[-1].hours) == (1.5, 1.5)
    assert p.education[-1].completed.isoformat() == "2016-05-31"


def test_add_keeps_windows_line_endings(cli, path) -> None:
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    before = path.read_bytes()
    assert cli("add", "reference", str(path), "--name", "Sam Roe", "--phone", "555-0100").code == 0
    after = path.read_bytes()
    assert after.count(b"\n") == after.count(b"\r\n")
    assert after.startswith(before.rstrip(b"\r\n"))
    assert after.endswith(b'\r\n\r\n[[reference]]\r\nname = "Sam Roe"\r\nphone = "555-0100"\r\n')


def test_a_certificate_elsewhere_is_copied_in_and_a_missing_one_refused(cli, path, tmp_path) -> None:
    elsewhere = tmp_path.parent / f"{tmp_path.name}-dl" / "cert.pdf"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(b"pdf")
    run = cli("add", "training", str(path), "--title", "A", "--date", "2026-03-15", "--hours",
              "2", "--certificate", str(elsewhere))
    assert run.code == 0, run.err
    assert "copied the certificate to certificates/cert.pdf" in run.err
    assert read_portfolio(path).value.training[-1].certificate == "certificates/cert.pdf"
    assert (path.parent / "certificates" / "cert.pdf").read_bytes() == b"pdf"
    before = path.read_text(encoding="utf-8")
    run = cli("add", "training", str(path), "--title", "B", "--date", "2026-03-15", "--hours",
              "2", "--certificate", "nothere.pdf")
    assert run.code == 2
    assert "--certificate 'nothere.pdf': there is no file nothere.pdf" in run.err
    assert path.read_text(encoding="utf-8") == before


def test_add_says_a_red_flag_about_the_new_entry(cli, path) -> None:
    run = cli("add", "supervision", str(path), "--date", "2026-03-16", "--hours", "9",
              "--provider", "Ana Lopez")
    assert run.code == 0, run.err
    said = " ".join(run.err.split())
    assert "note: Your " in said
    assert ("RS/C session, Ana Lopez, 2026-03-16: 9 hours of RS/C on 2026-03-16, more than 8 in "
            "one day (check the hours with `endorse edit ") in said


def test_what_was_added_is_said_in_words_not_values(cli, path) -> None:
    run = cli("add", "reference", str(path), "--name", "Sam Roe", "--role", "rsc-provider",
              "--phone", "555-0100")
    assert run.err == f"done: added to {path}: Sam Roe (my RS/C provider; planned)\n"
    run = cli("add", "education", str(path), "--degree", "bachelors", "--field", "Nursing",
              "--completed", "2016")
    from endorse_cli.io.rules_file import load_rules

    degree = load_rules().value.degrees["bachelors"]  # the rules file's words
    assert run.err == (f"done: added to {path}: {degree} in Nursing, 2016-12-31\n"
                       "  note: 2016 is saved as 2016-12-31, the last day of that year (today, "
                       "while it is not over), so that nothing counts from before it; give the "
                       "whole date to count from the exact day\n")
    run = cli("add", "exam", str(path), "--status", "scheduled", "--date", "2027-02-01")
    assert run.err == f"done: added to {path}: the exam: scheduled, 2027-02-01\n"


def test_a_script_starts_a_portfolio_without_a_terminal(cli, tmp_path) -> None:
    """`init` with options asks nothing, so `init` then `add` work from a script."""
    path = tmp_path / "new.toml"
    run = cli("init", str(path), "--name", "Ana Lopez", "--focus", "prevention", "--target",
              "ifs", "--no-input")
    assert run.code == 0, run.err
    assert path.read_text(encoding="utf-8").endswith(
        '[applicant]\nname = "Ana Lopez"\nfocus = "prevention"\ntarget = "IFS"\n')
    assert (tmp_path / "portfolio.schema.json").exists()
    assert cli("add", "training", str(path), "--title", "A", "--date", "2026-01-01", "--hours",
               "2", "--no-input").code == 0
    again = cli("init", str(path), "--name", "B", "--no-input")
    assert again.code == 2 and "already exists; it was not touched" in again.err
    nameless = cli("init", str(tmp_path / "x.toml"), "--no-input")
    assert nameless.code == 2 and "missing: --name" in nameless.err
    wrong = cli("init", str(tmp_path / "y.toml"), "--name", "A", "--target", "IMSH")
    assert wrong.code == 2 and 'did you mean "IMHS"' in wrong.err
    assert not (tmp_path / "x.toml").exists() and not (tmp_path / "y.toml").exists()


def test_a_misspelt_area_gets_the_closest_one_in_spanish(cli, tmp_path) -> None:
    path = tmp_path / "p.toml"
    path.write_text('format = 1\n[applicant]\nname = "Ana"\n', encoding="utf-8")
    run = cli("add", "training", str(path), "--title", "T", "--date", "1/1/2026", "--hours",
              "2", "--competency", "reflecton", "--lang", "es")
    assert run.code == 2
    assert run.err.startswith("error: --competency 'reflecton': 'reflecton' no es una de las "
                              "opciones; ¿quiso decir reflection? Use una de: ")
    # the area's Spanish name is no mistake: `reflexion` (accent aside) is reflection
    assert cli("add", "training", str(path), "--title", "T", "--date", "1/1/2026", "--hours",
               "2", "--competency", "reflexion", "--lang", "es").code == 0
    assert 'competencies = ["reflection"]' in path.read_text(encoding="utf-8")
