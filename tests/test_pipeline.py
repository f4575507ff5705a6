"""One pipeline from a portfolio file to its words: `endorse_cli.api.judge_file`.

Every command that judges a portfolio goes through it, and it words the result once, in the
reader's language; `check --renewal` streams its rows through `check`'s own pool, with the
same options.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import AS_OF, EXAMPLES, ROOT

from endorse_cli import api
from endorse_cli.app import batch
from endorse_cli.model.failon import FailOn
from endorse_cli.render import sentences

HOME_VISITOR = "examples/home-visitor.toml"


@pytest.fixture(autouse=True)
def _in_the_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the goldens name the file as examples/...


@pytest.fixture
def worded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The language of every assessment put into words, in order."""
    languages: list[str] = []
    real = sentences.Words.assessment

    def assessment(self, result):  # noqa: ANN001, ANN202
        languages.append(self.language.code)
        return real(self, result)

    monkeypatch.setattr(sentences.Words, "assessment", assessment)
    return languages


@pytest.fixture
def judged(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of every portfolio that went through the pipeline, in order."""
    names: list[str] = []
    real = api.judge_loaded

    def judge_loaded(loaded, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        names.append(loaded.name)
        return real(loaded, *args, **kwargs)

    monkeypatch.setattr(api, "judge_loaded", judge_loaded)
    return names


# -- worded once ------------------------------------------------------------------------------


def test_a_spanish_checklist_is_worded_once_in_spanish(cli, golden, worded) -> None:
    """The same page as before, byte for byte; and never first in English, then again."""
    run = cli("gaps", HOME_VISITOR, "--as-of", AS_OF, "--lang", "es")
    assert (run.code, run.err) == (0, "")
    golden("gaps-home-visitor.es.txt", run.out)
    assert worded == ["es"]


def test_the_timeline_markdown_and_calendar_are_worded_once_too(cli, golden, worded) -> None:
    run = cli("gaps", HOME_VISITOR, "--timeline", "--as-of", AS_OF, "--lang", "es")
    golden("timeline-home-visitor.es.txt", run.out)
    cli("gaps", "examples/early-care-teacher.toml", "--as-of", AS_OF, "--lang", "es",
        "-f", "markdown")
    cli("gaps", HOME_VISITOR, "--as-of", AS_OF, "--lang", "es", "-f", "ics")
    cli("assess", HOME_VISITOR, "--as-of", AS_OF, "--lang", "es")
    assert worded == ["es"] * 4


def test_json_is_worded_once_in_english_for_a_spanish_reader(cli, worded) -> None:
    spanish = cli("gaps", HOME_VISITOR, "--as-of", AS_OF, "--lang", "es", "-f", "json")
    assert worded == ["en"]
    assert spanish.out == cli("gaps", HOME_VISITOR, "--as-of", AS_OF, "-f", "json").out
    assert json.loads(spanish.out)["checklist"]["id"] == "IFS"  # the target


# -- every command through it -----------------------------------------------------------------


def test_every_command_that_judges_goes_through_the_pipeline(cli, judged, tmp_path) -> None:
    for args in (["assess", HOME_VISITOR], ["gaps", HOME_VISITOR],
                 ["gaps", HOME_VISITOR, "--timeline"], ["gaps", HOME_VISITOR, "-f", "ics"],
                 ["bundle", HOME_VISITOR, "--out", str(tmp_path / "b"), "--allow-missing"]):
        (tmp_path / "b").mkdir(exist_ok=True)
        judged.clear()
        run = cli(*args, "--as-of", AS_OF)
        assert run.code in (0, 3), (args, run.err)
        assert judged == [HOME_VISITOR], args
    judged.clear()
    assert cli("check", "examples", "--jobs", "1", "--as-of", AS_OF).code == 0
    assert judged == sorted(f"examples/{p.name}" for p in EXAMPLES.glob("*.toml"))
    judged.clear()
    cli("report", "examples", "--jobs", "1", "--as-of", AS_OF, "--out", str(tmp_path))
    assert len(judged) == 6


def test_import_s_after_check_goes_through_the_pipeline(cli, judged, tmp_path) -> None:
    portfolio = tmp_path / "portfolio.toml"
    shutil.copy(EXAMPLES / "home-visitor.toml", portfolio)
    log = tmp_path / "log.csv"
    log.write_text("Session date,Duration,Supervisor/Consultant,Individual/Group\r\n"
                   "3/4/2026,1:30,Dr. Rosa Diaz,Individual\r\n", encoding="utf-8")
    run = cli("import", str(log), str(portfolio), "--yes", "--lang", "en")
    assert run.code == 0, run.err
    assert judged == [str(portfolio)]


# -- the library alone ------------------------------------------------------------------------


def test_the_library_judges_a_file_without_the_command_line() -> None:
    """`judge_file` alone: no typer, no command module loaded; the words in the language
    asked for, the checklist the one named."""
    code = """
import datetime as dt, sys
from endorse_cli.api import judge_file
from endorse_cli.i18n import language
judged = judge_file("examples/clinician.toml", as_of=dt.date(2026, 11, 21),
                    language=language("es"), credential="imhs")
print(judged.checklist.id, judged.why, judged.checklist.met, judged.assessment.worded)
print(judged.assessment.file)
print(sorted(m for m in sys.modules if m.startswith(("endorse_cli.app", "endorse_cli.cli",
                                                     "typer", "rich"))))
"""
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    checklist, file, loaded = run.stdout.splitlines()
    assert checklist == "IMHS named True True"
    assert file == "examples/clinician.toml"
    assert loaded == "[]"


def test_the_library_words_nothing_when_asked_for_codes() -> None:
    import datetime as dt

    judged = api.judge_file(EXAMPLES / "home-visitor.toml", as_of=dt.date(2026, 11, 21),
                            words="none")
    assert not judged.assessment.worded
    assert (judged.why, judged.checklist.id) == ("target", "IFS")
    assert judged.checklist is judged.assessment.credential("IFS")
    named = api.judge_file(EXAMPLES / "home-visitor.toml", as_of=dt.date(2026, 11, 21),
                           credential="IFA")
    assert named.assessment.worded and (named.why, named.checklist.id) == ("named", "IFA")
    assert named.checklist is named.assessment.credential("IFA")  # the worded one


# -- the batch commands: one pool, one error ---------------------------------------------------


CURRENT = ('format = 1\n[applicant]\nname = "New Holder"\n[[endorsement]]\n'
           'credential = "IFS"\nendorsed = 2026-06-01\nmembership_end = 2027-12-31\n')


def _cohort(folder: Path, copies: int) -> None:
    """``copies`` each of a renewal due (Maya Chen), a renewal current, no endorsement
    (Priya Natarajan), and one file that cannot be read."""
    for i in range(copies):
        shutil.copy(EXAMPLES / "ifs-renewing.toml", folder / f"a{i:02}-due.toml")
        (folder / f"b{i:02}-current.toml").write_text(CURRENT, encoding="utf-8")
        shutil.copy(EXAMPLES / "clinician.toml", folder / f"c{i:02}-none.toml")
    (folder / "z-bad.toml").write_text('format = 1\n[applicant]\nname = "A"\nnew_key = 1\n',
                                       encoding="utf-8")


def _renewal(cli, *args: str):  # noqa: ANN001, ANN202
    run = cli("check", "--renewal", *args, "--as-of", "2026-07-01", "-f", "csv")
    return run.code, [(r["file"].rsplit("/", 1)[-1], r["credential"], r["status"])
                      for r in csv.DictReader(run.out.splitlines())]


def test_check_renewal_takes_credential_and_fail_on(cli, tmp_path) -> None:
    _cohort(tmp_path, 1)
    every = [("a00-due.toml", "IFS", "due"), ("b00-current.toml", "IFS", "current"),
             ("c00-none.toml", "", "not endorsed"), ("z-bad.toml", "", "invalid")]
    assert _renewal(cli, str(tmp_path)) == (1, every)  # invalid: exit 1, as before
    assert _renewal(cli, str(tmp_path), "--fail-on", "never") == (0, every)
    assert _renewal(cli, str(tmp_path), "-x", "z-*") == (0, every[:3])
    # unmet: a renewal not current fails (3); unready and warning are unmet for a renewal
    for policy in ("unmet", "unready", "warning"):
        assert _renewal(cli, str(tmp_path), "-x", "z-*", "--fail-on", policy)[0] == 3
    # --credential keeps that endorsement's rows, and fails on unmet by default
    named = [("a00-due.toml", "IFS", "due"), ("b00-current.toml", "IFS", "current"),
             ("c00-none.toml", "IFS", "not endorsed")]
    assert _renewal(cli, str(tmp_path), "-x", "z-*", "--credential", "ifs") == (3, named)
    assert _renewal(cli, str(tmp_path), "-x", "a*", "-x", "z-*", "--credential", "IFS") == (
        0, named[1:])
    assert _renewal(cli, str(tmp_path), "-x", "z-*", "--credential", "IFA") == (0, [
        (name, "IFA", "not endorsed") for name, _, _ in named])
    run = cli("check", "--renewal", str(tmp_path), "--credential", "IFZ")
    assert run.code == 2 and "--credential 'IFZ' is not in the rules" in run.err


def test_check_renewal_through_the_pool_gives_the_rows_of_one_process(tmp_path) -> None:
    copies = batch.POOL_FROM // 3 + 1
    _cohort(tmp_path, copies)

    def run(*args: str) -> tuple[int, str]:
        done = subprocess.run([sys.executable, "-m", "endorse_cli", "check", "--renewal",
                               str(tmp_path), "--as-of", "2026-07-01", "-f", "csv", *args],
                              capture_output=True, text=True, timeout=120, cwd=ROOT)
        return done.returncode, done.stdout

    code, pooled = run("--jobs", "2", "--fail-on", "unmet", "--credential", "IFS")
    assert code == 1  # the bad file outranks the renewals due
    assert (code, pooled) == run("--jobs", "1", "--fail-on", "unmet", "--credential", "IFS")
    rows = list(csv.DictReader(pooled.splitlines()))
    assert len(rows) == 3 * copies + 1
    assert [r["status"] for r in rows[:copies]] == ["due"] * copies
    assert {r["status"] for r in rows[copies:2 * copies]} == {"current"}
    assert {(r["credential"], r["status"]) for r in rows[2 * copies:-1]} == {
        ("IFS", "not endorsed")}
    assert rows[-1]["status"] == "invalid" and "new_key" in rows[-1]["missing"]
    assert run("--jobs", "2", "-x", "*z-bad*", "--fail-on", "never")[0] == 0


@pytest.mark.parametrize("policy,statuses", [
    (FailOn.invalid, {"invalid": "invalid"}),
    (FailOn.unmet, {"invalid": "invalid", "due": "unmet", "late": "unmet", "lapsed": "unmet",
                    "unknown": "unmet"}),
    (FailOn.never, {}),
])
def test_which_renewal_rows_fail(policy: FailOn, statuses: dict[str, str]) -> None:
    for status in ("current", "due", "late", "lapsed", "unknown", "not endorsed", "invalid"):
        assert policy.renewal_failure(status) == statuses.get(status), status


@pytest.mark.parametrize("command", [["check"], ["validate"], ["check", "--renewal"],
                                     ["report"]])
def test_no_portfolios_here_is_one_error_for_every_batch_command(cli, tmp_path,
                                                                 command: list[str]) -> None:
    (tmp_path / "notes.txt").write_text("not a portfolio", encoding="utf-8")
    run = cli(*command, str(tmp_path))
    assert run.code == 2
    assert run.err == (f"error: no .toml files in '{tmp_path}'\n"
                       "  fix: name portfolio files, folders that hold them, or a glob\n")


def test_the_command_modules_import_one_another_without_a_cycle() -> None:
    """batch <- check <- renew: the pool knows no command; the renewal rows come from the
    library, as `check`'s rows do."""
    from test_layers import PACKAGE, imported, module_name

    graph = {module_name(p): {m for m in imported(p) if m.startswith("endorse_cli.app.")}
             for p in (PACKAGE / "app").glob("*.py")}
    assert not graph["endorse_cli.app.batch"] & {"endorse_cli.app.check",
                                                  "endorse_cli.app.renew"}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    assert [m for m in graph if reaches(m, m, set())] == []


def test_the_library_refuses_a_credential_or_language_it_does_not_know_with_its_error(
        ) -> None:
    """The library names a credential in any case and a language by its code; one it does not
    know is the tool's own error, with the closest id or the languages it speaks, never a
    KeyError or an AttributeError."""
    import datetime as dt

    from endorse_cli.errors import EndorseError, UnknownCredential, UsageError

    file, day = EXAMPLES / "home-visitor.toml", dt.date(2026, 11, 21)
    judged = api.judge_file(file, as_of=day, today=day, credential="ifs", language="es-MX")
    assert (judged.checklist.id, judged.why) == ("IFS", "named")
    assert judged.assessment.recommended.reason.startswith("Trabaja")
    with pytest.raises(UnknownCredential) as unknown:
        api.judge_file(file, as_of=day, today=day, credential="IFX")
    assert unknown.value.guess == "IFS" and isinstance(unknown.value, EndorseError)
    with pytest.raises(UsageError) as language:
        api.judge_file(file, as_of=day, today=day, language="fr")
    assert str(language.value.message) == "endorse has no text in 'fr'"
    assert language.value.fix == "give one of these languages: en, es"
