"""Batch checks for coordinators and CI: rows, formats, exit codes, order, the JSON Schema."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import AS_OF, EXAMPLES, ROOT

BAD = 'format = 1\n[applicant]\nname = "Ana"\n[[work]]\ntitle = "x"\nstart = 2020-01-01\nhours_per_weak = 3\n'


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A coordinator's folder: good files, broken ones, a nested one, and things to skip."""
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "apps"
    (root / "2026" / "spring").mkdir(parents=True)
    (root / ".git").mkdir()
    shutil.copy(EXAMPLES / "clinician.toml", root / "clinician.toml")
    shutil.copy(EXAMPLES / "home-visitor.toml", root / "2026" / "spring" / "home-visitor.toml")
    (root / "typo.toml").write_text(BAD)
    (root / "empty.toml").write_text("")
    (root / "photo.toml").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (root / "notes.txt").write_text("not a portfolio")
    (root / ".git" / "config.toml").write_text("x = 1")
    return Path("apps")


def test_table_rows_for_a_mixed_folder(cli, folder) -> None:
    run = cli("check", str(folder), "--as-of", AS_OF, "--jobs", "1")
    assert run.code == 1  # --fail-on invalid, the default
    assert run.out == "".join(_expected_rows())


def _expected_rows() -> list[str]:
    return [
        "FILE                         APPLICANT           CRED  QUAL MET READY  REQS WARN\n",
        "…6/spring/home-visitor.toml  Jordan Rivera       IFS   no   no  no      3/6    0\n",
        "apps/clinician.toml          Priya Natarajan     IMHS  yes  yes yes     7/7    0\n",
        "apps/empty.toml              INVALID the file is empty\n",
        "apps/photo.toml              INVALID this is a binary file, not TOML text\n",
        "apps/typo.toml               INVALID line 7: your 1st job (x, 2020-01-01): unknown key "
        "`hours_per_weak`; did you mean `hours_per_week`?\n",
        "5 portfolios: 3 invalid; credential met 1 (ready 1), not yet 1; 0 with warnings.\n",
    ]


def test_wide_and_combining_characters_keep_the_table_s_columns(cli, tmp_path,
                                                                monkeypatch) -> None:
    """Names and file names with characters two columns wide at a terminal (李小龍) or with
    combining accents (e + U+0301) take the columns they show in: every column starts at the
    same terminal column on every line, and a long wide name is cut to fit."""
    from rich.cells import cell_len

    monkeypatch.chdir(tmp_path)
    text = (EXAMPLES / "home-visitor.toml").read_text(encoding="utf-8")
    names = {"a.toml": "Jordan Rivera", "李.toml": "李小龍",  # file names sorted: a b c 李
             "b.toml": "Jose\u0301 Nun\u0303ez", "c.toml": "李小龍李小龍李小龍李小龍"}
    for file, name in names.items():
        (tmp_path / file).write_text(text.replace('"Jordan Rivera"', f'"{name}"'),
                                     encoding="utf-8")
    run = cli("check", *names, "--as-of", AS_OF)
    lines = run.out.splitlines()[:5]
    assert lines[0].split() == ["FILE", "APPLICANT", "CRED", "QUAL", "MET", "READY", "REQS",
                                "WARN"]

    def column_of(line: str, word: str) -> int:
        return cell_len(line[:line.index(word)])

    starts = {column_of(lines[0], "CRED")}
    starts |= {column_of(line, " IFS ") + 1 for line in lines[1:]}
    assert starts == {column_of(lines[0], "CRED")}, run.out
    assert {cell_len(line) for line in lines[1:]} == {cell_len(lines[1])}, run.out
    assert "李小龍李小龍李小… " in run.out and "Jose\u0301 Nun\u0303ez " in run.out


def test_jsonl_is_the_core_contract_plus_error(cli, folder) -> None:
    run = cli("check", str(folder), "--as-of", AS_OF, "-f", "jsonl")
    objects = [json.loads(line) for line in run.out.splitlines()]
    assert [o["file"] for o in objects] == ["apps/2026/spring/home-visitor.toml",
                                            "apps/clinician.toml", "apps/empty.toml",
                                            "apps/photo.toml", "apps/typo.toml"]
    judged = objects[1]
    single = json.loads(cli("assess", "apps/clinician.toml", "--as-of", AS_OF, "-f", "json").out)
    assert judged == single
    assert objects[4]["error"] == {
        "message": "unknown key `hours_per_weak`; did you mean `hours_per_week`?", "line": 7,
        "where": "work[0].hours_per_weak",
        "fix": "rename it to `hours_per_week`, or move it under an [extra] table to keep it as a note"}
    assert set(objects[4]) == {"format", "file", "error"}


def test_json_parses_back_with_a_summary(cli, folder) -> None:
    data = json.loads(cli("check", str(folder), "--as-of", AS_OF, "-f", "json").out)
    assert data["format"] == 1
    assert len(data["results"]) == 5
    assert data["summary"] == {"total": 5, "invalid": 3, "met": 1, "ready": 1, "unmet": 1,
                               "with_warnings": 0}


def test_csv_parses_back(cli, folder) -> None:
    rows = list(csv.DictReader(io.StringIO(cli("check", str(folder), "--as-of", AS_OF, "-f", "csv").out)))
    assert rows[1] == {"file": "apps/clinician.toml", "applicant": "Priya Natarajan",
                       "credential": "IMHS", "qualified": "yes", "met": "yes",
                       "requirements_met": "7", "requirements_total": "7", "warnings": "0",
                       "credentials_met": "IFA IFS IMHS", "error": "", "error_line": "",
                       "ready": "yes", "credentials_ready": "IFA IFS IMHS"}
    assert rows[4]["error"].startswith("line 7: work[0].hours_per_weak: unknown key")
    assert rows[4]["error_line"] == "7"


def test_junit_has_the_shape_ci_reporters_read(cli, folder) -> None:
    run = cli("check", str(folder), "--as-of", AS_OF, "-f", "junit", "--credential", "IMHS")
    root = ET.fromstring(run.out)
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases][:2] == ["apps/2026/spring/home-visitor.toml",
                                                  "apps/clinician.toml"]
    failures = {c.get("name"): c.find("failure") for c in cases if c.find("failure") is not None}
    assert set(failures) == {"apps/2026/spring/home-visitor.toml", "apps/empty.toml",
                             "apps/photo.toml", "apps/typo.toml"}
    assert failures["apps/typo.toml"].get("type") == "invalid"
    assert failures["apps/2026/spring/home-visitor.toml"].get("type") == "unmet"
    assert "missing: Master's degree or PhD" in failures["apps/2026/spring/home-visitor.toml"].text
    for node in (root, suite):
        assert node.get("tests") == "5" and node.get("failures") == "4"


def test_junit_escapes_what_would_break_xml(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a&b.toml").write_text('format = 1\n[applicant]\nname = "<Ana> & \\"Co\\" \\u0001"\nx = 1\n')
    ET.fromstring(cli("check", "a&b.toml", "-f", "junit").out)  # parses


def test_markdown_table(cli, folder) -> None:
    out = cli("check", str(folder), "--as-of", AS_OF, "-f", "markdown").out
    assert out.splitlines()[0].startswith("| File | Applicant | Credential |")
    assert "| apps/clinician.toml | Priya Natarajan | IMHS | yes | yes | yes | 7 of 7 | 0 |  |" in out


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ([], 1),                                   # invalid files fail by default
        (["--fail-on", "never"], 0),
        (["--fail-on", "invalid"], 1),
        (["--fail-on", "unmet"], 1),               # invalid comes first
        (["--fail-on", "warning"], 1),
    ],
)
def test_fail_on_with_invalid_files(cli, folder, args, code) -> None:
    assert cli("check", str(folder), "--as-of", AS_OF, *args).code == code


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ([], 0),
        (["--fail-on", "unmet"], 3),               # the home visitor does not meet IFA yet
        (["--fail-on", "unmet", "--credential", "IFA"], 3),
        (["--fail-on", "warning"], 0),
        (["--fail-on", "never"], 0),
    ],
)
def test_fail_on_with_valid_files(cli, tmp_path, monkeypatch, args, code) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES / "home-visitor.toml", "a.toml")
    shutil.copy(EXAMPLES / "clinician.toml", "b.toml")
    assert cli("check", "a.toml", "b.toml", "--as-of", AS_OF, *args).code == code


def test_fail_on_warning(cli, write) -> None:
    path = write('format = 1\n[applicant]\nname = "A"\n[[training]]\ntitle = "t"\n'
                 'date = 2024-01-01\nhours = 1\n')  # no competency areas: a warning
    assert cli("check", str(path), "--fail-on", "warning").code == 3
    assert cli("check", str(path)).code == 0


def test_same_rows_whatever_the_number_of_processes(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    examples = sorted(EXAMPLES.glob("*.toml"))
    for i in range(60):  # enough to start a pool of processes
        shutil.copy(examples[i % len(examples)], f"p{i:03d}.toml")
    Path("p999.toml").write_text(BAD)
    one = cli("check", ".", "--as-of", AS_OF, "--jobs", "1", "-f", "jsonl").out
    two = cli("check", ".", "--as-of", AS_OF, "--jobs", "2", "-f", "jsonl").out
    assert one == two
    assert len(one.splitlines()) == 61


def test_globs(cli, folder) -> None:
    run = cli("check", "apps/*.toml", "apps/2026/**/*.toml", "--as-of", AS_OF, "-f", "csv")
    files = [row["file"] for row in csv.DictReader(io.StringIO(run.out))]
    assert files == ["apps/2026/spring/home-visitor.toml", "apps/clinician.toml",
                     "apps/empty.toml", "apps/photo.toml", "apps/typo.toml"]


@pytest.mark.parametrize("args", [["apps/nothere.toml"], ["nothere/"], ["zzz/*.toml"],
                                  ["apps/clinician.toml", "zzz/*.toml", "nothere/"]])
def test_a_path_or_glob_that_names_nothing_is_a_usage_error(cli, folder, args) -> None:
    run = cli("check", *args, "-f", "csv")
    assert run.code == 2
    assert run.out == ""  # nothing checked: the command line is wrong, not a portfolio
    missing = [a for a in args if a != "apps/clinician.toml"]
    assert run.err == ("error: nothing is at " + ", ".join(repr(a) for a in missing)
                       + "; nothing was checked\n  fix: check the path (or the pattern), "
                       "then run the command again\n")


def test_the_copies_in_bundle_folders_are_not_checked_again(cli, folder) -> None:
    for name in ("clinician.toml", "2026/spring/home-visitor.toml"):
        assert cli("bundle", f"apps/{name}", "--out", "apps/out", "--as-of", AS_OF,
                   "--allow-missing").code == 0
    run = cli("check", ".", "--as-of", AS_OF, "-f", "csv")
    files = [row["file"] for row in csv.DictReader(io.StringIO(run.out))]
    assert files == ["apps/2026/spring/home-visitor.toml", "apps/clinician.toml",
                     "apps/empty.toml", "apps/photo.toml", "apps/typo.toml"]
    bundle = next(p for p in Path("apps/out").iterdir() if p.is_dir())
    named = cli("check", str(bundle), "--as-of", AS_OF, "-f", "csv")  # named: checked
    assert [row["file"] for row in csv.DictReader(io.StringIO(named.out))] == [
        f"{bundle}/portfolio.toml"]


def test_each_portfolio_is_judged_by_its_target(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = (EXAMPLES / "clinician.toml").read_text(encoding="utf-8")
    Path("plain.toml").write_text(text, encoding="utf-8")
    Path("aims.toml").write_text(text.replace("[applicant]\n", '[applicant]\ntarget = "IFA"\n',
                                              1), encoding="utf-8")
    rows = {r["file"]: r for r in csv.DictReader(io.StringIO(
        cli("check", ".", "--as-of", AS_OF, "-f", "csv").out))}
    gaps = json.loads(cli("gaps", "aims.toml", "--as-of", AS_OF, "-f", "json").out)
    assert rows["aims.toml"]["credential"] == "IFA" == gaps["checklist"]["id"]
    assert rows["plain.toml"]["credential"] != "IFA"  # the recommendation
    named = {r["file"]: r["credential"] for r in csv.DictReader(io.StringIO(
        cli("check", ".", "--as-of", AS_OF, "-f", "csv", "--credential", "IMHM").out))}
    assert named == {"aims.toml": "IMHM", "plain.toml": "IMHM"}


def test_a_folder_that_cannot_be_read_is_a_row(cli, folder, monkeypatch) -> None:
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("2026"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    run = cli("check", "apps", "--as-of", AS_OF, "-f", "csv")
    rows = {r["file"]: r["error"] for r in csv.DictReader(io.StringIO(run.out))}
    assert rows["apps/2026"] == "this folder cannot be read: Permission denied"
    assert "apps/2026/spring/home-visitor.toml" not in rows
    assert run.code == 1


def test_nothing_to_check_is_a_usage_error(cli, tmp_path) -> None:
    run = cli("check", str(tmp_path))
    assert run.code == 2
    assert "no .toml files in" in run.err


def test_unknown_credential_is_a_usage_error(cli, folder) -> None:
    run = cli("check", str(folder), "--credential", "IMSH")
    assert run.code == 2
    assert 'did you mean "IMHS"?' in run.err


def test_validate_checks_the_format_alone(cli, folder) -> None:
    run = cli("validate", str(folder))
    assert run.code == 1
    assert run.out.splitlines()[1:3] == [
        "…2026/spring/home-visitor.toml  valid",
        "apps/clinician.toml             valid    warning: your 3rd training, Child-Parent "
        "Psychotherapy Learning Collaborative (day 3 of 3), 2020-11-20: the certificate file "
        "certificates/cpp-learning-collaborative.pdf is missing; put it there, or name another "
        "with `endorse edit`",  # copied without its certificates folder
    ]
    assert run.out.splitlines()[-1] == ("Validated 5 portfolios: 2 valid, 3 invalid; 1 with "
                                        "certificate files to see to.")
    objects = [json.loads(x) for x in cli("validate", str(folder), "-f", "jsonl").out.splitlines()]
    assert objects[1] == {"format": 1, "file": "apps/clinician.toml", "valid": True,
                          "applicant": "Priya Natarajan"}
    assert objects[2]["valid"] is False


def test_the_examples_validate(cli) -> None:
    run = cli("validate", str(EXAMPLES))
    assert run.code == 0, run.out


def test_schema_is_the_kept_file(cli) -> None:
    kept = (ROOT / "schema" / "portfolio.schema.json").read_text(encoding="utf-8")
    assert cli("schema").out == kept, "run: endorse schema > schema/portfolio.schema.json"


def test_examples_validate_against_the_schema_with_check_jsonschema() -> None:
    tool = Path(sys.executable).with_name("check-jsonschema")
    run = subprocess.run([str(tool), "--schemafile", str(ROOT / "schema" / "portfolio.schema.json"),
                          *map(str, sorted(EXAMPLES.glob("*.toml")))],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    bad = subprocess.run([str(tool), "--schemafile", str(ROOT / "schema" / "portfolio.schema.json"),
                          "-"], input=BAD.replace("format = 1", "format = 2"),
                         capture_output=True, text=True, check=False)
    assert bad.returncode != 0


def test_pre_commit_hook_is_declared() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: endorse-validate" in text
    assert "entry: endorse validate" in text
    assert "files: " in text


def test_junit_fails_what_the_exit_code_fails(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES / "home-visitor.toml", "a.toml")   # IFA not met yet
    shutil.copy(EXAMPLES / "clinician.toml", "b.toml")
    for args, code, failures in ((["--fail-on", "unmet"], 3, "1"), ([], 0, "0"),
                                 (["--credential", "IFS"], 3, "1"),
                                 (["--credential", "IFS", "--fail-on", "invalid"], 0, "0")):
        run = cli("check", "a.toml", "b.toml", "--as-of", AS_OF, "-f", "junit", *args)
        assert run.code == code, args
        root = ET.fromstring(run.out)
        assert (root.get("tests"), root.get("failures")) == ("2", failures), args
        cases = root.findall("testsuite/testcase")
        assert [c.get("name") for c in cases] == ["a.toml", "b.toml"]
        assert {c.get("classname") for c in cases} == {"endorse.check"}
        failed = [c for c in cases if c.find("failure") is not None]
        assert len(failed) == int(failures)
        for case in failed:  # the home visitor's IFA or IFS, with what is missing
            assert case.get("name") == "a.toml"
            failure = case.find("failure")
            assert failure.get("type") == "unmet"
            assert re.fullmatch(r"IF[AS] is not met: \d+ of \d+ requirements",
                                failure.get("message")), failure.get("message")
            assert failure.text.startswith("missing: ")


def test_names_are_printed_safely(cli, tmp_path, monkeypatch) -> None:
    import os

    monkeypatch.chdir(tmp_path)
    Path("evil.toml").write_text(
        'format = 1\n[applicant]\nname = "\\u001b]0;pwned\\u0007\\u001b[2J=HYPERLINK(1)"\n',
        encoding="utf-8")
    odd = os.fsdecode(b"Jos\xe9.toml")
    Path(odd).write_text('format = 1\n[applicant]\nname = "José"\n', encoding="utf-8")
    for fmt in ("table", "csv", "jsonl", "json", "markdown", "junit"):
        run = cli("check", ".", "-f", fmt)
        assert run.code == 0, (fmt, run.err)
        assert "\x1b" not in run.out and "\x07" not in run.out, fmt
        assert "Jos\ufffd.toml" in run.out, fmt
    rows = list(csv.DictReader(io.StringIO(cli("check", ".", "-f", "csv").out)))
    assert rows[1]["applicant"] == "\\x1b]0;pwned\\x07\\x1b[2J=HYPERLINK(1)"  # shown, not obeyed


def test_formula_cells_are_neutralised_in_csv(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("x.toml").write_text('format = 1\n[applicant]\nname = "=HYPERLINK(\\"x\\")"\n')
    row = next(csv.DictReader(io.StringIO(cli("check", ".", "-f", "csv").out)))
    assert row["applicant"] == "'=HYPERLINK(\"x\")"


def test_a_pipe_is_not_read(cli, tmp_path, monkeypatch) -> None:
    import os

    monkeypatch.chdir(tmp_path)
    os.mkfifo("fifo.toml")
    run = cli("check", ".")
    assert run.code == 1
    assert "INVALID this is not a regular file (a pipe or a device?)" in run.out


def test_excluded_and_never_portfolios_are_left_out(cli, folder) -> None:
    (folder / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (folder / "2026" / "pyproject.toml").write_text("[tool]\n")
    run = cli("check", str(folder), "--exclude", "typo.toml", "-x", "apps/e*", "-x", "*.png",
              "--as-of", AS_OF, "-f", "csv")
    files = [row["file"] for row in csv.DictReader(io.StringIO(run.out))]
    assert files == ["apps/2026/spring/home-visitor.toml", "apps/clinician.toml",
                     "apps/photo.toml"]


def test_validate_with_another_associations_rules(cli, tmp_path) -> None:
    from test_rules import SMALL_RULES

    rules = tmp_path / "rules.toml"
    rules.write_text(SMALL_RULES, encoding="utf-8")
    portfolio = tmp_path / "p.toml"
    portfolio.write_text('format = 1\n[applicant]\nname = "A"\ntarget = "STEP2"\n')
    assert cli("validate", str(portfolio)).code == 1
    assert cli("validate", str(portfolio), "--rules", str(rules)).code == 0


@pytest.mark.parametrize("opener", ["[", "{a = "])
def test_nesting_past_any_stack_is_refused_before_it_is_read(cli, tmp_path, opener) -> None:
    """100,000 levels overflow the TOML reader's stack (a crash, not an error) unless refused
    first; 80 levels are read, 81 are not, and brackets in quoted text never count."""
    closer = "]" if opener == "[" else "}"
    head = 'format = 1\n[applicant]\nname = "A"\n[extra]\n'
    for depth, code in ((100_000, 1), (81, 1), (80, 0)):
        path = tmp_path / f"deep{depth}.toml"
        value = opener * depth + ("1" if opener != "[" else "") + closer * depth
        path.write_text(head + f"x = {value}\n", encoding="utf-8")
        run = cli("assess", str(path), "--format", "json", "--as-of", "2026-11-21")
        assert run.code == code, (depth, run.err)
        if code:
            assert "nested too deeply" in run.err
    quoted = tmp_path / "quoted.toml"
    quoted.write_text(head + "".join(f'n{i} = "[[[{{{{ draft"\n' for i in range(100)),
                      encoding="utf-8")
    assert cli("assess", str(quoted), "--format", "json", "--as-of", "2026-11-21").code == 0


def test_deep_nesting_is_a_clear_error(cli, tmp_path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text('format = 1\n[applicant]\nname = "A"\n[extra]\nx = ' + "[" * 2000 + "]" * 2000
                    + "\n", encoding="utf-8")
    run = cli("assess", str(path))
    assert run.code == 1
    assert "Traceback" not in run.err
