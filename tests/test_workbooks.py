"""Workbooks for coordinators: `check` and `validate` with --format xlsx, and report.xlsx.

Each is opened with openpyxl, as a spreadsheet program would read it: typed cells, the
headings in a frozen first row under a filter, and no text a spreadsheet would run."""

from __future__ import annotations

import csv
import datetime as dt
import io
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
def test_a_workbook_is_not_written_to_a_terminal(cli, tmp_path, monkeypatch, command) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli(command, str(EXAMPLES / "home-visitor.toml"), "--format", "xlsx")
    assert run.code == 2
    assert run.out == "" and list(tmp_path.iterdir()) == []
    assert "--format xlsx writes a workbook, which is not written to a terminal" in run.err
    assert "--output FILE, such as -o check.xlsx" in " ".join(run.err.split())


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
    assert by_file["hostile.toml"][1] == "'" + HOSTILE  # text, never a formula
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    broken = by_file["broken.toml"]
    assert broken[1:10] == (None,) * 9 and broken[11] == 2
    assert broken[10].startswith("line 2: ") and "the heading on this line is not closed" in broken[10]


def test_the_workbook_holds_the_rows_the_csv_has(cli, folder, tmp_path) -> None:
    out = tmp_path / "rows.xlsx"
    assert cli("check", str(folder), "--as-of", AS_OF, "-f", "xlsx", "-o", str(out)).code == 1
    printed = list(csv.DictReader(io.StringIO(
        cli("check", str(folder), "--as-of", AS_OF, "-f", "csv").out)))
    rows = _rows(_book(out).active)[1:]
    assert [r[0] for r in rows] == [p["file"] for p in printed]
    assert [r[5] for r in rows] == [int(p["requirements_met"]) if p["requirements_met"] else None
                                    for p in printed]
    assert [r[1] for r in rows] == [p["applicant"] or None for p in printed]


def test_validate_writes_a_workbook(cli, folder, tmp_path) -> None:
    out = tmp_path / "valid.xlsx"
    assert cli("validate", str(folder), "--format", "xlsx", "--output", str(out)).code == 1
    sheet = _book(out)["Validated"]
    rows = _rows(sheet)
    assert rows[0] == ("File", "Valid", "Applicant", "Problem", "Line")
    _is_table(sheet, 5, 4)
    assert [r[1] for r in rows[1:]] == [False, True, True, True]
    assert rows[3][2] == "Jordan Rivera" and rows[4][2] == "'" + HOSTILE


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
    assert people["Priya Natarajan"][3] is True and people["Priya Natarajan"][6] is None
    assert "'" + HOSTILE in people  # text, never a formula
    short = {(r[0], r[1]): r[2:] for r in _rows(book["Holding back"])[1:]}
    work = short[("IFS", "2+ years of work experience in the Infant/Early Childhood & "
                  "Family field")]
    assert work[0] == 2 and isinstance(work[1], float) and work[2].endswith(" years")
    readiness = _rows(book["Readiness"])
    assert readiness[0] == ("Month", "IFA", "IFS", "IMHS", "IMHM")
    assert readiness[1][0] == "2026-11" and all(isinstance(n, int) for n in readiness[1][1:])
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
