"""Workbooks for coordinators: `check` and `validate` with --format xlsx, and report.xlsx.

Each is opened with openpyxl, as a spreadsheet program would read it: typed cells, the
headings in a frozen first row under a filter, and no text a spreadsheet would run."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from conftest import AS_OF, EXAMPLES

openpyxl = pytest.importorskip("openpyxl")

HOSTILE = '=HYPERLINK("http://evil.example","click")'


def _book(path: Path):
    return openpyxl.load_workbook(path)


def _rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def _is_table(sheet, columns: int, rows: int) -> None:
    """Headings in bold in row 1, frozen under it, and a filter over every row."""
    assert sheet.freeze_panes == "A2"
    last = openpyxl.utils.get_column_letter(columns)
    assert sheet.auto_filter.ref == f"A1:{last}{rows + 1}"
    assert all(cell.font.b for cell in sheet[1])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two shipped portfolios, one with a name a spreadsheet would run, one not TOML."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("home-visitor.toml", "clinician.toml"):
        (folder / name).write_bytes((EXAMPLES / name).read_bytes())
    text = (EXAMPLES / "home-visitor.toml").read_text(encoding="utf-8")
    (folder / "hostile.toml").write_text(
        text.replace('name = "Jordan Rivera"',
                     'name = "=HYPERLINK(\\"http://evil.example\\",\\"click\\")"'),
        encoding="utf-8")
    (folder / "broken.toml").write_text("format = 1\n[applicant\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("command", ["check", "validate"])
@pytest.mark.parametrize("dash", [False, True])
def test_a_workbook_is_not_written_to_stdout(cli, tmp_path, monkeypatch, command, dash) -> None:
    """Without --output, or with ``-o -`` (standard output, for the text formats), a workbook
    is refused, and no file named "-" is made."""
    monkeypatch.chdir(tmp_path)
    run = cli(command, str(EXAMPLES / "home-visitor.toml"), "--format", "xlsx",
              *(["-o", "-"] if dash else []))
    assert run.code == 2
    assert run.out == "" and list(tmp_path.iterdir()) == []
    said = " ".join(run.err.split())
    assert ("--format xlsx writes a workbook, which goes only into a file named with --output, "
            "not to standard output") in said and "terminal" not in said
    assert "fix: name the file with --output FILE, such as -o check.xlsx" in said
    assert "can be deleted" not in said


def test_dash_prints_a_text_format(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("check", str(EXAMPLES / "home-visitor.toml"), "--as-of", AS_OF, "-f", "csv",
              "-o", "-")
    assert run.code == 0 and run.out.startswith("file,applicant,") and "Jordan Rivera" in run.out
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("how", ["file", "pipe"])
def test_a_workbook_sent_to_a_file_or_pipe_by_the_shell_is_refused_plainly(tmp_path, how) -> None:
    """``> out.xlsx`` (the shell makes the file, empty, before endorse runs) and ``| cat``:
    the message says a workbook needs --output, never that stdout is a terminal; for the empty
    file it says it can be deleted."""
    import subprocess
    import sys

    command = [sys.executable, "-m", "endorse_cli", "check", str(EXAMPLES / "home-visitor.toml"),
               "-f", "xlsx"]
    if how == "file":
        with (tmp_path / "out.xlsx").open("wb") as out:
            run = subprocess.run(command, stdout=out, stderr=subprocess.PIPE, text=True,
                                 timeout=60)
    else:
        run = subprocess.run(command, capture_output=True, text=True, timeout=60)
    said = " ".join(run.stderr.split())
    assert run.returncode == 2 and "terminal" not in said
    assert "which goes only into a file named with --output" in said
    assert ("the empty file that \u201c>\u201d made can be deleted" in said) is (how == "file")


@pytest.mark.parametrize("target, said, fix", [
    ("nodir/sub/c.xlsx", "the folder nodir/sub does not exist",
     "create it first (mkdir -p nodir/sub), or name a file in a folder that exists"),
    ("adir", "adir is a folder", "give a file name, such as adir/check.xlsx"),
    ("/dev/null", "/dev/null is not a plain file: it was not replaced",
     "name a file, such as check.xlsx"),
    ("ro.xlsx", "ro.xlsx is read-only: it was not replaced",
     "make it writable first (chmod u+w ro.xlsx), or name another file"),
])
def test_a_file_that_cannot_be_written_is_named_as_given_with_its_cause(
        cli, tmp_path, monkeypatch, target, said, fix) -> None:
    """The path the user gave and the plain cause, never a temporary file's name; a read-only
    file is never replaced (for root too, whom the system would let write it)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "adir").mkdir()
    (tmp_path / "ro.xlsx").write_bytes(b"kept")
    (tmp_path / "ro.xlsx").chmod(0o444)
    run = cli("check", str(EXAMPLES / "home-visitor.toml"), "-f", "xlsx", "-o", target)
    assert run.code == 2
    assert run.err.strip().splitlines() == [f"error: {said}", f"  fix: {fix}"]
    assert ".tmp" not in run.err
    assert (tmp_path / "ro.xlsx").read_bytes() == b"kept"
    assert (tmp_path / "ro.xlsx").stat().st_mode & 0o777 == 0o444
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["adir", "ro.xlsx"]


def test_a_writable_file_replaced_keeps_its_mode(cli, tmp_path) -> None:
    out = tmp_path / "shared.xlsx"
    out.write_bytes(b"old")
    out.chmod(0o644)
    assert cli("check", str(EXAMPLES / "home-visitor.toml"), "-f", "xlsx", "-o", str(out)).code == 0
    assert out.stat().st_mode & 0o777 == 0o644 and out.read_bytes()[:2] == b"PK"


def test_check_writes_a_workbook_with_typed_cells(cli, folder, tmp_path) -> None:
    out = tmp_path / "ready.xlsx"
    run = cli("check", str(folder), "--as-of", AS_OF, "--format", "xlsx", "-o", str(out))
    assert run.code == 1, run.err  # the broken file
    assert run.out == "" and f"written: {out}" in run.err
    assert out.stat().st_mode & 0o777 == 0o600
    book = _book(out)
    assert book.sheetnames == ["Checked"]
    sheet = book["Checked"]
    rows = _rows(sheet)
    assert rows[0] == ("File", "Applicant", "Credential", "Qualified", "Met", "Requirements met",
                       "Requirements", "Expected", "Warnings", "Credentials met", "Problem",
                       "Line")
    _is_table(sheet, 12, 4)
    by_file = {Path(r[0]).name: r for r in rows[1:]}
    assert list(by_file) == ["broken.toml", "clinician.toml", "home-visitor.toml",
                             "hostile.toml"]  # sorted by path, as every format
    home = by_file["home-visitor.toml"]
    assert home[1:8] == ("Jordan Rivera", "IFS", False, False, 3, 6,
                         dt.datetime(2027, 4, 6))  # the day `gaps --timeline` gives
    cell = sheet.cell(row=rows.index(home) + 1, column=8)
    assert cell.is_date and cell.number_format == "yyyy-mm-dd"
    assert by_file["clinician.toml"][3:10] == (True, True, 7, 7, None, 0, "IFA IFS IMHS")
    assert by_file["hostile.toml"][1] == HOSTILE  # text as typed, never a formula
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    broken = by_file["broken.toml"]
    assert broken[1:10] == (None,) * 9 and broken[11] == 2
    assert broken[10].startswith("line 2: ") and "the heading on this line is not closed" in broken[10]


@pytest.mark.parametrize("name", ["=1+2", "+1 555 0100", "-Ana", "@Ruiz", " =SUM(A1)",
                                  "＝HYPERLINK(1)", "Ana Ruiz"])
def test_a_name_a_spreadsheet_could_run_is_kept_as_typed_and_never_run(cli, tmp_path,
                                                                       name) -> None:
    """In a workbook the text is stored exactly as typed (no apostrophe before it, as the CSV
    needs), as a string cell whose style says "quote prefix" when a spreadsheet could take it
    for a formula: Excel shows it unchanged and never evaluates it, even once edited."""
    text = (EXAMPLES / "home-visitor.toml").read_text(encoding="utf-8")
    path = tmp_path / "p.toml"
    path.write_text(text.replace('name = "Jordan Rivera"', f'name = "{name}"'),
                    encoding="utf-8")
    out = tmp_path / "out.xlsx"
    for command in ("check", "validate"):
        day = ["--as-of", AS_OF] if command == "check" else []
        assert cli(command, str(path), *day, "-f", "xlsx", "-o", str(out)).code == 0
        sheet = _book(out).active
        typed = sheet.cell(row=2, column=2 if command == "check" else 3)
        assert typed.value == name and typed.data_type == "s"
        assert typed.quotePrefix is (name != "Ana Ruiz")
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    printed = cli("check", str(path), "--as-of", AS_OF, "-f", "csv").out
    assert f",'{name}," in printed or name == "Ana Ruiz"  # the CSV keeps its guard


def test_the_workbook_holds_the_rows_the_csv_has(cli, folder, tmp_path) -> None:
    out = tmp_path / "rows.xlsx"
    assert cli("check", str(folder), "--as-of", AS_OF, "-f", "xlsx", "-o", str(out)).code == 1
    printed = list(csv.DictReader(io.StringIO(
        cli("check", str(folder), "--as-of", AS_OF, "-f", "csv").out)))
    rows = _rows(_book(out).active)[1:]
    assert [r[0] for r in rows] == [p["file"] for p in printed]
    assert [r[5] for r in rows] == [int(p["requirements_met"]) if p["requirements_met"] else None
                                    for p in printed]
    # The same names; the CSV's guard (an apostrophe before a formula) is not in a workbook.
    assert [r[1] for r in rows] == [p["applicant"].removeprefix("'") or None for p in printed]


def test_validate_writes_a_workbook(cli, folder, tmp_path) -> None:
    out = tmp_path / "valid.xlsx"
    assert cli("validate", str(folder), "--format", "xlsx", "--output", str(out)).code == 1
    sheet = _book(out)["Validated"]
    rows = _rows(sheet)
    assert rows[0] == ("File", "Valid", "Applicant", "Problem", "Line")
    _is_table(sheet, 5, 4)
    assert [r[1] for r in rows[1:]] == [False, True, True, True]
    assert rows[3][2] == "Jordan Rivera" and rows[4][2] == HOSTILE


def test_the_headings_are_in_the_reader_s_language(cli, folder, tmp_path) -> None:
    out = tmp_path / "es.xlsx"
    cli("check", str(folder), "--as-of", AS_OF, "-f", "xlsx", "-o", str(out), "--lang", "es")
    rows = _rows(_book(out).active)
    assert rows[0][:3] == ("Archivo", "Solicitante", "Credencial")
    assert rows[0][7] == "Fecha prevista"
    assert rows[3][3] is False  # the values are typed, the same in every language


def test_output_takes_every_format_and_writes_the_file_whole(cli, tmp_path) -> None:
    out = tmp_path / "rows.csv"
    run = cli("check", str(EXAMPLES / "home-visitor.toml"), "--as-of", AS_OF, "-f", "csv",
              "-o", str(out))
    assert run.code == 0 and run.out == ""
    printed = cli("check", str(EXAMPLES / "home-visitor.toml"), "--as-of", AS_OF, "-f", "csv")
    assert out.read_text(encoding="utf-8") == printed.out
    assert [p.name for p in tmp_path.iterdir()] == ["rows.csv"]  # no temporary file left


def test_the_report_s_workbook_has_a_sheet_per_table(cli, folder, tmp_path) -> None:
    run = cli("report", str(folder), "--as-of", AS_OF, "--review-date", "2027-03-31",
              "--out", str(tmp_path / "out"))
    assert run.code == 0, run.err
    book = _book(tmp_path / "out" / "report.xlsx")
    assert book.sheetnames == ["Cohort", "Credentials", "Readiness", "Holding back",
                               "Everyone", "Not read"]
    for sheet in book:
        _is_table(sheet, sheet.max_column, sheet.max_row - 1)
    glance = dict(_rows(book["Cohort"])[1:])
    assert glance["Portfolios judged"] == 3 and glance["Files that could not be read"] == 1
    assert glance["As of"] == dt.datetime(2026, 11, 21)
    assert _rows(book["Credentials"])[0] == (
        "Credential", "Name", "Judged for it", "Qualified", "Met now", "Met by 2027-03-31",
        "No date forecast")
    everyone = _rows(book["Everyone"])
    assert everyone[0] == ("Name", "File", "Credential", "Met", "Requirements met",
                           "Requirements", "Expected", "Red flags")
    people = {r[0]: r for r in everyone[1:]}
    assert people["Jordan Rivera"][2:] == ("IFS", False, 3, 6, dt.datetime(2027, 4, 6), 0)
    assert people["Priya Natarajan"][3] is True and people["Priya Natarajan"][6] == "met"
    assert HOSTILE in people  # text as typed, never a formula
    short = {(r[0], r[1]): r[2:] for r in _rows(book["Holding back"])[1:]}
    work = short[("IFS", "2+ years of work experience in the Infant/Early Childhood & "
                  "Family field")]
    assert work[0] == 2 and isinstance(work[1], float) and work[2].endswith(" years")
    readiness = _rows(book["Readiness"])
    assert readiness[0] == ("Month", "IFA", "IFS", "IMHS", "IMHM")
    assert readiness[1][0] == dt.datetime(2026, 11, 1) and all(isinstance(n, int) for n in readiness[1][1:])
    unread = _rows(book["Not read"])
    assert unread[1][0].endswith("broken.toml") and unread[1][1] == 2


def test_check_renewal_writes_a_workbook_with_the_due_day_a_date(cli, tmp_path) -> None:
    out = tmp_path / "renewal.xlsx"
    run = cli("check", "--renewal", str(EXAMPLES / "ifs-renewing.toml"), "--rules", "imh-e-2025",
              "--as-of", AS_OF, "-f", "xlsx", "-o", str(out))
    assert run.code == 0, run.err
    sheet = _book(out)["Renewal"]
    rows = _rows(sheet)
    assert rows[0] == ("File", "Name", "Endorsement", "Status", "Due", "Days left", "Missing")
    _is_table(sheet, 7, 1)
    assert rows[1][1:6] == ("Maya Chen", "IFS", "due", dt.datetime(2026, 12, 31), 40)
    assert sheet["E2"].is_date and "2 more hours of RS/C for 2026" in rows[1][6]
    assert cli("check", "--renewal", str(EXAMPLES), "--rules", "imh-e-2025",
               "-f", "xlsx").code == 2


@pytest.mark.parametrize(("fmt", "loads"), [("csv", False), ("xlsx", True)])
def test_only_writing_a_workbook_loads_openpyxl(tmp_path, fmt, loads) -> None:
    import json
    import subprocess
    import sys

    from test_startup import PROBE

    run = subprocess.run([sys.executable, "-c", PROBE, "check", str(EXAMPLES / "clinician.toml"),
                          "--as-of", AS_OF, "-f", fmt, "-o", str(tmp_path / f"out.{fmt}"),
                          "--jobs", "1"], capture_output=True, text=True, check=False)
    modules = json.loads(run.stderr.strip().splitlines()[-1])
    assert (tmp_path / f"out.{fmt}").exists()
    assert ("openpyxl" in modules) is loads


def test_a_name_xml_cannot_hold_leaves_the_workbook_readable(cli, tmp_path) -> None:
    """U+FFFE is no XML character and NUL a control: the workbook must still open."""
    (tmp_path / "p.toml").write_text(
        'format = 1\n[applicant]\nname = "A\\uFFFEb\\u0000c"\n', encoding="utf-8")
    out = tmp_path / "odd.xlsx"
    assert cli("check", str(tmp_path / "p.toml"), "--as-of", AS_OF, "-f", "xlsx",
               "-o", str(out)).code == 0
    assert _rows(_book(out).active)[1][1] == "A\ufffdb\\x00c"


def test_the_report_s_months_medians_reasons_and_expected_days_are_told_apart(
        cli, tmp_path) -> None:
    """Four people 3.75, 3.75, 4 and 24 hours of RS/C short (median 3.875: shown 3.88, rounded
    up to 2 decimals as the engine rounds what is missing); a file with text for hours (its reason
    names the field, as `check` says it); the readiness months as real dates shown yyyy-mm;
    the Expected column says "met", "after their steps" (only the exam left) and "no date"
    (no RS/C: no pace to forecast by) where there is no day, as the page does."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = (EXAMPLES / "home-visitor.toml").read_text(encoding="utf-8")
    (folder / "a.toml").write_text(text, encoding="utf-8")
    first = text.index("\nhours = 1\n", text.index("[[supervision]]"))
    (folder / "b.toml").write_text(text[:first] + "\nhours = 1.25\n" + text[first + 11:],
                                   encoding="utf-8")
    (folder / "bad.toml").write_text(text[:first] + '\nhours = "lots"\n' + text[first + 11:],
                                     encoding="utf-8")
    (folder / "met.toml").write_bytes((EXAMPLES / "clinician.toml").read_bytes())
    (folder / "exam.toml").write_bytes((EXAMPLES / "imhs-no-exam.toml").read_bytes())
    no_rsc = "".join(part for part in re.split(r"(?m)^(?=\[)", text)
                     if not part.startswith("[[supervision]]"))
    (folder / "no-rsc.toml").write_text(no_rsc, encoding="utf-8")
    (folder / "c.toml").write_bytes((folder / "b.toml").read_bytes())
    run = cli("report", str(folder), "--as-of", AS_OF, "--out", str(tmp_path / "out"))
    assert run.code == 0, run.err
    book = _book(tmp_path / "out" / "report.xlsx")
    rsc = next(r for r in _rows(book["Holding back"])[1:] if "reflective" in r[1])
    assert rsc[2:] == (4, 3.88, "3.88 hours")  # 3.75, 3.75, 4 and 24 hours short
    csv_text = (tmp_path / "out" / "report.csv").read_text(encoding="utf-8")
    assert ",4,3.88,hours" in csv_text and "3.875" not in csv_text
    assert "3.88 hours" in (tmp_path / "out" / "report.html").read_text(encoding="utf-8")

    checked = cli("check", str(folder / "bad.toml"), "-f", "csv").out
    said = next(csv.DictReader(io.StringIO(checked)))["error"]
    not_read = _rows(book["Not read"])[1]
    # The CSV keeps the key path, for scripts; the workbook, read by people, names the entry.
    assert said == f'line {not_read[1]}: supervision[0].hours: expected a number, found "lots"'
    assert not_read[2] == ('your 1st RS/C session (Ana Lopez, 2025-05-14), Hours: expected a '
                           'number, found "lots"')

    readiness = book["Readiness"]
    month = readiness.cell(row=2, column=1)
    assert month.is_date and month.number_format == "yyyy-mm"
    assert month.value == dt.datetime(2026, 11, 1)

    expected = {r[1].rsplit("/", 1)[-1]: r[6] for r in _rows(book["Everyone"])[1:]}
    assert expected["met.toml"] == "met" and expected["no-rsc.toml"] == "no date"
    assert expected["exam.toml"] == "after their steps"
    assert isinstance(expected["a.toml"], dt.datetime)
