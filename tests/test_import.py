"""`endorse import` and `endorse template`: logs kept in spreadsheets come in, blank logs go out.

Each test makes the file a person would bring (a provider's RS/C log, a training workbook, a
registry transcript), imports it and checks the entries written, value by value.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest
from conftest import EXAMPLES

from endorse_cli.io.portfolio_file import read_portfolio

openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture
def path(tmp_path):
    file = tmp_path / "portfolio.toml"
    shutil.copy(EXAMPLES / "home-visitor.toml", file)
    return file


def _csv(tmp_path, text: str, name: str = "log.csv", encoding: str = "utf-8"):
    file = tmp_path / name
    file.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return file


def _value(path):
    return read_portfolio(path).value


RSC_LOG = """\
Session date,Duration,Supervisor/Consultant,Individual/Group,Topic discussed
3/4/2026,1:30,Dr. Rosa Diaz,Individual,feeding
3/11/2026,90 min,Dr. Rosa Diaz,Group,
3/18/2026,1.5 hrs,Dr. Rosa Diaz,individual,sleep and routines
3/25/2026,2,Dr. Rosa Diaz,Grp,
4/1/2026,45 min,Dr. Rosa Diaz,Individual,
Total,7.25,,,
"""


def test_a_providers_rsc_log_with_us_dates_and_mixed_hours(cli, path, tmp_path) -> None:
    log = _csv(tmp_path, RSC_LOG)
    before = len(_value(path).supervision)
    run = cli("import", str(log), str(path), "--yes", "--lang", "en")
    assert run.code == 0, run.err
    added = _value(path).supervision[before:]
    assert [(e.date.isoformat(), e.hours, e.provider, e.format) for e in added] == [
        ("2026-03-04", 1.5, "Dr. Rosa Diaz", "individual"),
        ("2026-03-11", 1.5, "Dr. Rosa Diaz", "group"),
        ("2026-03-18", 1.5, "Dr. Rosa Diaz", "individual"),
        ("2026-03-25", 2, "Dr. Rosa Diaz", "group"),
        ("2026-04-01", 0.75, "Dr. Rosa Diaz", "individual"),
    ]
    assert sum(e.hours for e in added) == 7.25
    # The column endorse has no field for is kept with its entry, never dropped.
    assert [e.extra for e in added] == [{"Topic discussed": "feeding"}, None,
                                        {"Topic discussed": "sleep and routines"}, None, None]
    # The preview: each row by the number the spreadsheet shows, the header being row 1.
    lines = run.out.splitlines()
    assert lines[1].split() == ["2", "3/4/2026", "1.5", "Dr.", "Rosa", "Diaz", "Individual",
                                "to", "add"]
    assert lines[6].split() == ["7", "Total", "7.25", "a", "total"]
    assert "log.csv: 5 RS/C sessions to add to" in run.out
    assert "1 row of totals is skipped." in run.out
    assert 'The column "Topic discussed" is kept with each entry as written' in run.out
    assert run.err.startswith(f"done: added 5 RS/C sessions to {path}\n")


def test_importing_the_same_log_twice_adds_nothing(cli, path, tmp_path) -> None:
    log = _csv(tmp_path, RSC_LOG)
    assert cli("import", str(log), str(path), "--yes", "--lang", "en").code == 0
    after_first = path.read_bytes()
    run = cli("import", str(log), str(path), "--yes", "--lang", "en")
    assert run.code == 0, run.err
    assert path.read_bytes() == after_first
    assert run.out.count("already there") == 5
    assert "5 rows are already in the portfolio and are skipped." in run.out
    assert run.err == "done: nothing to add: nothing was written\n"


def test_a_row_like_an_entry_already_there_is_skipped_one_for_one(cli, path, tmp_path) -> None:
    """The portfolio has one group hour with Ana Lopez on 2025-05-14: of two such rows, one
    is that one, the other a second session, added."""
    log = _csv(tmp_path, "Date,Hours,Provider,Format\n"
                         "2025-05-14,1,ana lopez,group\n2025-05-14,1,Ana Lopez,group\n"
                         "2025-05-14,1.5,Ana Lopez,group\n")
    before = len(_value(path).supervision)
    run = cli("import", str(log), str(path), "--yes", "--lang", "en")
    assert run.code == 0, run.err
    assert [line.split()[-1] for line in run.out.splitlines()[1:4]] == ["there", "add", "add"]
    assert [e.hours for e in _value(path).supervision[before:]] == [1, 1.5]


def test_a_spanish_training_workbook_with_spreadsheet_dates_and_decimal_commas(
        cli, path, tmp_path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Capacitaciones"
    sheet.append(["Registro de capacitaciones de María"])  # a title above the header
    sheet.append(["Título", "Proveedor", "Fecha", "Horas", "Áreas de competencia"])
    sheet.append(["Apego y vínculo", "Universidad Estatal", dt.date(2026, 2, 10), "1,5",
                  "reflection"])
    sheet.append(["Desarrollo del bebé", "Universidad Estatal", dt.datetime(2026, 2, 17), 3,
                  "thinking"])
    sheet.append(["Trauma temprano", "Centro Familiar", dt.date(2026, 3, 3), dt.time(2, 15),
                  "reflection, thinking"])
    sheet.append(["Juego y desarrollo", "Centro Familiar", "15/03/2026",
                  dt.timedelta(hours=1, minutes=45), "thinking"])
    workbook = tmp_path / "capacitaciones.xlsx"
    book.save(workbook)
    before = len(_value(path).training)
    run = cli("import", str(workbook), str(path), "--yes", "--lang", "es")
    assert run.code == 0, run.err
    added = _value(path).training[before:]
    assert [(e.title, e.provider, e.date.isoformat(), e.hours, e.competencies) for e in added] == [
        ("Apego y vínculo", "Universidad Estatal", "2026-02-10", 1.5, ["reflection"]),
        ("Desarrollo del bebé", "Universidad Estatal", "2026-02-17", 3, ["thinking"]),
        ("Trauma temprano", "Centro Familiar", "2026-03-03", 2.25, ["reflection", "thinking"]),
        ("Juego y desarrollo", "Centro Familiar", "2026-03-15", 1.75, ["thinking"]),
    ]
    # Rows numbered as the spreadsheet shows them: the title is row 1, the header row 2.
    assert re.findall(r"^ *(\d+) ", run.out, flags=re.MULTILINE) == ["3", "4", "5", "6"]


def test_a_registry_transcript_with_extra_columns(cli, path, tmp_path) -> None:
    transcript = _csv(tmp_path, (
        "Learner ID,Course ID,Course Title,Training Provider,Completion Date,Credit Hours,"
        "Delivery,Status\n"
        "88123,IMH-101,Infant Mental Health Foundations,State Registry,1/20/2026,6,Online,"
        "Completed\n"
        "88123,RF-220,Reflective Practice,State Registry,2/3/2026,3.5,In person,Completed\n"),
        name="registry-transcript.csv")
    before = len(_value(path).training)
    run = cli("import", str(transcript), str(path), "--yes", "--lang", "en")
    assert run.code == 0, run.err
    added = _value(path).training[before:]
    assert [(e.title, e.provider, e.date.isoformat(), e.hours) for e in added] == [
        ("Infant Mental Health Foundations", "State Registry", "2026-01-20", 6),
        ("Reflective Practice", "State Registry", "2026-02-03", 3.5)]
    assert added[1].extra == {"Learner ID": "88123", "Course ID": "RF-220",
                              "Delivery": "In person", "Status": "Completed"}
    assert ('The columns "Learner ID", "Course ID", "Delivery" and "Status" are kept with each '
            "entry as written") in run.out


def test_bad_rows_write_nothing_and_each_is_named(cli, path, tmp_path) -> None:
    before = path.read_bytes()
    log = _csv(tmp_path, "Date,Hours,Provider\n3/4/2026,1,Ana Lopez\n13/4/2026,1,Ana Lopez\n"
                         "3/18/2026,two,Ana Lopez\n3/25/2026,1,\n")
    run = cli("import", str(log), str(path), "--yes", "--lang", "en")
    assert run.code == 1
    assert path.read_bytes() == before
    assert not (tmp_path / "portfolio.toml.bak").exists()
    assert run.err == (
        "error: 3 rows of log.csv cannot be imported; nothing was written:\n"
        '  row 3, Date "13/4/2026": 13/4/2026 is not a real date (month/day/year); did you mean '
        "4/13/2026?\n"
        '  row 4, Hours "two": write a number of hours, e.g. 1.5, 1:30 or 90 min\n'
        "  row 5, Provider: the cell is empty; fill it in\n"
        "  fix: correct them in the spreadsheet and import it again, or give --skip-bad to add "
        "the rows that can be read (1 RS/C session)\n")


def test_skip_bad_adds_the_good_rows_and_lists_the_others(cli, path, tmp_path) -> None:
    log = _csv(tmp_path, "Date,Hours,Provider\n3/4/2026,1,Ana Lopez\n3/18/2026,two,Ana Lopez\n")
    before = len(_value(path).supervision)
    run = cli("import", str(log), str(path), "--yes", "--skip-bad", "--lang", "en")
    assert run.code == 0, run.err
    assert [e.date.isoformat() for e in _value(path).supervision[before:]] == ["2026-03-04"]
    assert ("warning: 1 row cannot be read and is left out:\n"
            '  row 3, Hours "two": write a number of hours, e.g. 1.5, 1:30 or 90 min\n') in run.err
    assert run.err.index("row 3") < run.err.index("added 1")  # named before it is written


def test_dry_run_writes_nothing(cli, path, tmp_path) -> None:
    before = path.read_bytes()
    run = cli("import", str(_csv(tmp_path, RSC_LOG)), str(path), "--dry-run", "--lang", "en")
    assert run.code == 0, run.err
    assert path.read_bytes() == before
    assert "5 RS/C sessions to add" in run.out
    assert run.err == "note: --dry-run: nothing was written\n"


def test_without_a_terminal_or_yes_nothing_is_written(cli, path, tmp_path) -> None:
    before = path.read_bytes()
    run = cli("import", str(_csv(tmp_path, RSC_LOG)), str(path), "--lang", "en")
    assert run.code == 2
    assert path.read_bytes() == before
    assert "give --yes to add them, or --dry-run to only look" in run.err


@pytest.mark.parametrize(("encoding", "mark"), [
    ("cp1252", ";"),  # Excel's "CSV" on Windows, with the Spanish list separator
    ("utf-8-sig", ","),  # Excel's "CSV UTF-8": a byte-order mark first
    ("utf-8-sig", ";"),
    ("utf-8", "\t"),
])
def test_csv_as_spreadsheet_programs_write_it(cli, path, tmp_path, encoding, mark) -> None:
    text = ("Fecha;Horas;Proveedor;Notas\n15/03/2026;1,5;Ana López;niño de 8 meses\n"
            "22/03/2026;2;Ana López;\n")
    if mark != ";":
        text = text.replace("1,5", '"1,5"' if mark == "," else "1,5").replace(";", mark)
    log = _csv(tmp_path, text, encoding=encoding)
    before = len(_value(path).supervision)
    run = cli("import", str(log), str(path), "--yes", "--lang", "es")
    assert run.code == 0, run.err
    added = _value(path).supervision[before:]
    assert [(e.date.isoformat(), e.hours, e.provider, e.notes) for e in added] == [
        ("2026-03-15", 1.5, "Ana López", "niño de 8 meses"), ("2026-03-22", 2, "Ana López", None)]


def test_the_section_is_guessed_from_the_columns_and_map_names_another(cli, path,
                                                                         tmp_path) -> None:
    refs = _csv(tmp_path, "Full name,Relationship,E-mail\nSam Roe,colleague,sam@example.org\n")
    run = cli("import", str(refs), str(path), "--yes", "--lang", "en")
    assert run.code == 0, run.err
    last = _value(path).reference[-1]
    assert (last.name, last.role, last.email) == ("Sam Roe", "colleague", "sam@example.org")
    log = _csv(tmp_path, "When,Hours,Leader\n3/4/2026,1,Ana Lopez\n", name="circle.csv")
    refused = cli("import", str(log), str(path), "--yes", "--lang", "en")
    assert refused.code == 2
    run = cli("import", str(log), str(path), "--yes", "--lang", "en", "--section", "rsc",
              "--map", "When=date", "--map", "Leader=provider")
    assert run.code == 0, run.err
    last = _value(path).supervision[-1]
    assert (last.date.isoformat(), last.hours, last.provider) == ("2026-03-04", 1, "Ana Lopez")


def test_the_red_flags_of_the_new_entries_are_said_once_per_cause(cli, path, tmp_path) -> None:
    log = _csv(tmp_path, "Course,Date,Hours\nA,1/5/2026,2\nB,1/6/2026,2\nC,1/7/2026,2\n"
                         "D,1/9/2026,2\n")
    run = cli("import", str(log), str(path), "--yes", "--lang", "en")
    assert run.code == 0, run.err
    n = len(_value(path).training)
    flagged = [line for line in run.err.splitlines() if line.startswith("warning:")]
    assert flagged == [
        f"warning: Your {n - 3}th training, A, 2026-01-05: it names no competency area, so it "
        "cannot support the professional portfolio. The same for 3 more trainings: "
        f"{n - 2}th to {n}th."]
    assert run.err.count("fix: add the areas it covered with `endorse edit ") == 1


# -- template: what it writes, import reads back -------------------------------------------------


def test_a_template_filled_in_is_read_back(cli, path, tmp_path) -> None:
    blank = tmp_path / "registro.xlsx"
    run = cli("template", "supervision", "-o", str(blank), "--lang", "es")
    assert run.code == 0, run.err
    book = openpyxl.load_workbook(blank)
    sheet = book.active
    assert [c.value for c in sheet[1]] == ["Fecha", "Horas", "Proveedor", "Individual/Grupal",
                                           "Respaldo del proveedor", "Notas"]
    assert sheet.freeze_panes == "A2"
    checks = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    assert checks["A2:A1001"].type == "date"
    assert (checks["B2:B1001"].type, checks["B2:B1001"].formula1,
            checks["B2:B1001"].formula2) == ("decimal", "0.01", "10000")
    assert checks["D2:D1001"].formula1 == '"Individual,Grupal"'
    sheet.append([dt.date(2026, 5, 6), 1.5, "Rosa Díaz", "Grupal", "IMHM-C", None])
    sheet.append([dt.date(2026, 5, 13), dt.time(1, 0), "Rosa Díaz", "Individual", None, "x"])
    book.save(blank)
    before = len(_value(path).supervision)
    run = cli("import", str(blank), str(path), "--yes", "--lang", "es")
    assert run.code == 0, run.err
    added = _value(path).supervision[before:]
    assert [(e.date.isoformat(), e.hours, e.provider, e.format, e.provider_credential, e.notes)
            for e in added] == [("2026-05-06", 1.5, "Rosa Díaz", "group", "IMHM-C", None),
                                ("2026-05-13", 1, "Rosa Díaz", "individual", None, "x")]


@pytest.mark.parametrize("section", ["training", "supervision", "work", "education", "reference"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_template_header_is_read_as_its_own_column(section, lang) -> None:
    from endorse_cli.i18n import language
    from endorse_cli.interview.columns import header, recognised
    from endorse_cli.interview.template import columns
    from endorse_cli.io.rules_file import load_rules

    keys = [f.key for f in columns(section, load_rules().value)]
    said = [header(section, key, language(lang)) for key in keys]
    assert {i: key for i, (key, _m) in recognised(section, said).items()} == dict(
        enumerate(keys))


def test_a_csv_template_filled_in_is_read_back(cli, path, tmp_path) -> None:
    blank = tmp_path / "trainings.csv"
    assert cli("template", "training", "-o", str(blank), "--lang", "en").code == 0
    text = blank.read_bytes().decode("utf-8")
    assert text == ("\ufeffTitle,Provider,Date,Clock hours,Infant mental health,"
                    "Competency areas\r\n")
    with blank.open("a", encoding="utf-8", newline="") as out:
        out.write('Baby Talk,County,2/2/2026,2.5,yes,"reflection, thinking"\r\n')
    run = cli("import", str(blank), str(path), "--yes", "--lang", "en")
    assert run.code == 0, run.err
    last = _value(path).training[-1]
    assert (last.title, last.date.isoformat(), last.hours, last.imh, last.competencies) == (
        "Baby Talk", "2026-02-02", 2.5, True, ["reflection", "thinking"])
    again = cli("template", "training", "-o", str(blank), "--lang", "en")
    assert again.code == 2 and "it was not overwritten" in again.err


def test_a_map_that_names_no_column_or_no_field_is_refused(cli, path, tmp_path) -> None:
    before = path.read_bytes()
    log = _csv(tmp_path, "Date,Hours,Provider\n3/4/2026,1,Ana Lopez\n")
    run = cli("import", str(log), str(path), "--yes", "--lang", "en", "--map", "Minutes=hours")
    assert run.code == 2
    assert "--map: there is no column 'Minutes'; the header row has: \"Date\", \"Hours\"" in run.err
    run = cli("import", str(log), str(path), "--yes", "--lang", "en", "--map", "Hours=hour")
    assert run.code == 2
    assert ("--map: a log of RS/C sessions has no field 'hour'; did you mean Hours?\n"
            "  fix: name one of: Date, Hours, Provider, Individual/Group, Provider's "
            "Endorsement, Notes\n") in run.err  # what the README lists, never an inner field
    run = cli("import", str(log), str(path), "--yes", "--lang", "es", "--map", "Hours=hora")
    assert ("--map: un registro de sesiones de RS/C no tiene el campo 'hora'; ¿quiso decir "
            "Horas?") in run.err
    assert path.read_bytes() == before


def test_the_preview_is_in_the_readers_language(cli, path, tmp_path) -> None:
    log = _csv(tmp_path, "Fecha;Minutos;Proveedor\n15/03/2026;90;Ana López\n")
    run = cli("import", str(log), str(path), "--dry-run", "--lang", "es")
    assert run.code == 0, run.err
    assert run.out.splitlines()[:2] == ["Fila  Fecha      Minutos  Proveedor  Resultado",
                                        "   2  15/3/2026      1,5  Ana López  se agrega"]
    assert "log.csv: 1 sesión de RS/C para agregar a" in run.out
    assert run.err == "nota: --dry-run: no se escribió nada\n"


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

#: Ways a log writes 1.5 hours, and the hours each stands for.
HOURS_FORMS = {"1.5": 1.5, "1:30": 1.5, "90 min": 1.5, "1.5 hrs": 1.5, "2": 2, "0:45": 0.75,
               "45 min": 0.75, "1 h 15 min": 1.25}


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sessions=st.lists(st.tuples(st.dates(dt.date(2024, 1, 1), dt.date(2026, 6, 30)),
                                   st.sampled_from(sorted(HOURS_FORMS)),
                                   st.sampled_from(["Ana Lopez", "Rosa Díaz"])),
                         min_size=1, max_size=8),
       mark=st.sampled_from([",", ";", "\t"]), encoding=st.sampled_from(["utf-8", "utf-8-sig",
                                                                          "cp1252"]))
def test_any_log_comes_in_whole_and_only_once(cli, tmp_path_factory, sessions, mark,
                                              encoding) -> None:
    folder = tmp_path_factory.mktemp("log")
    path = folder / "portfolio.toml"
    path.write_text('format = 1\n\n[applicant]\nname = "M"\n', encoding="utf-8")
    lines = ["Date|Duration|Supervisor"] + [f"{d.month}/{d.day}/{d.year}|{h}|{p}"
                                            for d, h, p in sessions]
    log = _csv(folder, "\n".join(lines).replace("|", mark) + "\n", encoding=encoding)
    assert cli("import", str(log), str(path), "--yes", "--lang", "en").code == 0
    added = _value(path).supervision
    assert [(e.date, e.hours, e.provider) for e in added] == [
        (d, HOURS_FORMS[h], p) for d, h, p in sessions]
    once = path.read_bytes()
    assert cli("import", str(log), str(path), "--yes", "--lang", "en").code == 0
    assert path.read_bytes() == once


def test_the_entries_are_written_after_the_sections_last_as_add_writes_them(cli, path,
                                                                           tmp_path) -> None:
    before = path.read_text(encoding="utf-8")
    log = _csv(tmp_path, "Date,Hours,Provider,Initials\n3/4/2026,1:15,Ana Lopez,AL\n"
                         "3/11/2026,1,Ana Lopez,\n")
    assert cli("import", str(log), str(path), "--yes", "--lang", "en").code == 0
    new = ('[[supervision]]\ndate = 2026-03-04\nhours = 1.25\nprovider = "Ana Lopez"\n'
           'extra = {Initials = "AL"}\n\n'
           '[[supervision]]\ndate = 2026-03-11\nhours = 1\nprovider = "Ana Lopez"\n\n')
    at = before.index("[[reference]]")
    assert path.read_text(encoding="utf-8") == before[:at] + new + before[at:]
    assert (tmp_path / "portfolio.toml.bak").read_text(encoding="utf-8") == before


@pytest.mark.parametrize(("text", "mark"), [
    ("Log of Ana\n\nFecha;Horas;Proveedor\n15/03/2026;1,5;Ana\n", ";"),  # a title first
    ('Date,Hours,Provider\n3/4/2026,1,"Lopez; Ana"\n', ","),  # a ; inside quotes
    ("Date\tHours\tProvider\n", "\t"),
    ("Provider\nAna\n", ","),  # one column: nothing to split
])
def test_the_delimiter_is_the_one_that_splits_the_header(text, mark) -> None:
    from endorse_cli.io.sheets import delimiter

    assert delimiter(text) == mark


def test_a_wide_preview_is_cut_to_the_width_header_first(cli, path, tmp_path) -> None:
    """80 columns: a header wider than its cells gives way before the cells do, then the
    columns other than the title, date and hours; a cell cut short ends in "…"; the entry
    keeps it whole."""
    title = "Infant and Early Childhood Mental Health: Foundations of Practice"
    log = _csv(tmp_path, "Course title,Sponsoring organization,Date attended,Credit hours\n"
                         f'"{title}",State University of the North,1/5/2026,2\n')
    run = cli("import", str(log), str(path), "--yes", "--lang", "en")
    assert run.code == 0, run.err
    assert run.out.splitlines()[:2] == [
        "Row  Course title                         Sponsorin…  Date at…   Credit…  Result",
        "  2  Infant and Early Childhood Mental…   State Uni…  1/5/2026         2  to add"]
    assert _value(path).training[-1].title == title


def test_a_reference_list_keeps_the_day_asked_of_a_rating_that_came_in(cli, path,
                                                                         tmp_path) -> None:
    refs = _csv(tmp_path, "Name,Email,Status,Date requested\n"
                          "Sam Roe,sam@example.org,Received,1/10/2026\n"
                          "Lee Park,lee@example.org,requested,2/1/2026\n")
    run = cli("import", str(refs), str(path), "--yes", "--lang", "en")
    assert run.code == 0, run.err
    added = _value(path).reference[-2:]
    assert [(r.name, r.status, r.requested.isoformat()) for r in added] == [
        ("Sam Roe", "received", "2026-01-10"), ("Lee Park", "requested", "2026-02-01")]


# -- in a real terminal: the question before anything is written -------------------------------


def _spawn(*args: str, lang: str, cwd):
    import os
    import sys

    pexpect = pytest.importorskip("pexpect")
    env = {k: v for k, v in os.environ.items()
           if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update(LANG=lang, TERM="xterm", NO_COLOR="1", COLUMNS="100", LINES="30")
    return pexpect.spawn(sys.executable, ["-m", "endorse_cli", *args], env=env,
                         encoding="utf-8", timeout=20, dimensions=(30, 100), cwd=str(cwd))


def test_on_a_terminal_it_asks_before_writing_and_no_writes_nothing(path, tmp_path) -> None:
    log = _csv(tmp_path, RSC_LOG)
    before = path.read_bytes()
    child = _spawn("import", log.name, path.name, lang="en_US.UTF-8", cwd=tmp_path)
    child.expect(r"Add these 5 RS/C sessions to portfolio\.toml\?")
    child.expect(r"\(Y/n\)")
    child.send("n")
    child.send("\r")
    child.expect("nothing was written")
    child.expect(pexpect_eof())
    child.close()
    assert child.exitstatus == 0
    assert path.read_bytes() == before


def test_a_spanish_speaker_says_yes_on_a_terminal(path, tmp_path) -> None:
    log = _csv(tmp_path, "Fecha;Horas;Proveedor\n15/03/2026;1,5;Rosa Díaz\n")
    child = _spawn("import", log.name, path.name, lang="es_US.UTF-8", cwd=tmp_path)
    child.expect(r"¿Agregar 1 sesión de RS/C a portfolio\.toml\?")
    child.expect(r"\(S/n\)")
    child.send("s")
    child.send("\r")
    child.expect("hecho: se agregó 1 sesión de RS/C a")
    child.expect(pexpect_eof())
    child.close()
    assert child.exitstatus == 0
    last = _value(path).supervision[-1]
    assert (last.date.isoformat(), last.hours, last.provider) == ("2026-03-15", 1.5, "Rosa Díaz")


def pexpect_eof():
    import pexpect

    return pexpect.EOF


#: The smallest OpenDocument spreadsheet LibreOffice would open: typed date and time cells.
ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="Sesiones">{rows}</table:table>
</office:spreadsheet></office:body></office:document-content>"""
ODS_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
 manifest:version="1.2">
<manifest:file-entry manifest:full-path="/"
 manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""


def _ods(path, rows: list[list[tuple[str, str, str]]]) -> None:
    """``rows`` of cells (type, the typed value's attribute, the text shown)."""
    import zipfile

    def cell(kind: str, attribute: str, shown: str) -> str:
        return (f'<table:table-cell office:value-type="{kind}" {attribute}>'
                f"<text:p>{shown}</text:p></table:table-cell>")

    body = "".join("<table:table-row>" + "".join(cell(*c) for c in row) + "</table:table-row>"
                   for row in rows)
    with zipfile.ZipFile(path, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        book.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        book.writestr("content.xml", ODS_CONTENT.format(rows=body))


def test_an_opendocument_log_with_typed_dates_and_times(cli, path, tmp_path) -> None:
    log = tmp_path / "sesiones.ods"
    _ods(log, [[("string", "", "Fecha"), ("string", "", "Duración"),
                ("string", "", "Supervisora")],
               [("date", 'office:date-value="2026-04-02"', "02/04/26"),
                ("time", 'office:time-value="PT01H30M00S"', "01:30"),
                ("string", "", "Rosa Díaz")],
               [("date", 'office:date-value="2026-04-16"', "16/04/26"),
                ("float", 'office:value="2"', "2"), ("string", "", "Rosa Díaz")]])
    before = len(_value(path).supervision)
    run = cli("import", str(log), str(path), "--yes", "--lang", "es")
    assert run.code == 0, run.err
    assert [(e.date.isoformat(), e.hours, e.provider) for e in _value(path).supervision[before:]
            ] == [("2026-04-02", 1.5, "Rosa Díaz"), ("2026-04-16", 2, "Rosa Díaz")]


def test_a_broken_workbook_or_a_missing_sheet_is_said_plainly(cli, path, tmp_path) -> None:
    broken = tmp_path / "log.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    run = cli("import", str(broken), str(path), "--yes", "--lang", "en")
    assert run.code == 1
    assert run.err.startswith(f"error: {broken} cannot be read as a workbook (")
    book = openpyxl.Workbook()
    book.active.title = "2026"
    good = tmp_path / "good.xlsx"
    book.save(good)
    run = cli("import", str(good), str(path), "--sheet", "2025", "--yes", "--lang", "en")
    assert run.code == 2
    assert run.err == (f"error: {good} has no sheet '2025'\n"
                       "  fix: name one of its sheets: 2026\n")


def test_dates_in_the_other_order_point_to_the_language_that_reads_them(cli, path,
                                                                          tmp_path) -> None:
    before = path.read_bytes()
    log = _csv(tmp_path, "Fecha,Horas,Proveedor\n15/03/2026,1,Ana\n02/03/2026,1,Ana\n")
    run = cli("import", str(log), str(path), "--yes", "--lang", "en")
    assert run.code == 1 and path.read_bytes() == before
    assert run.err.endswith(
        "  fix: the dates read as day/month/year: to read them so, give --lang es; correct it "
        "in the spreadsheet and import it again, or give --skip-bad to add the rows that can "
        "be read (1 RS/C session)\n")
    # 02/03/2026 read as February 3 in English: only the language can tell, so it is said.
    run = cli("import", str(log), str(path), "--yes", "--lang", "es")
    assert run.code == 0, run.err
    assert [e.date.isoformat() for e in _value(path).supervision[-2:]] == ["2026-03-15",
                                                                           "2026-03-02"]


# -- a Spanish-speaking teacher's files: the kind of log, the answers, the messages -----------

#: A state registry's transcript as Excel saves it in Spanish: ';', the Windows code page.
TRANSCRIPT_ES = """\
Fecha;Título del curso;Horas;Proveedor;Créditos;Estado
15/03/2025;Apego y vínculo;1,5;Registro Estatal;1,5;Completado
02/04/2025;Niñez temprana: desarrollo socioemocional;3;Universidad Comunitaria;3;Completado
Totales;;4,5;;;
"""


def test_a_transcript_with_a_course_title_column_is_read_as_trainings(cli, path,
                                                                     tmp_path) -> None:
    log = _csv(tmp_path, TRANSCRIPT_ES, encoding="cp1252")
    before = len(_value(path).training), len(_value(path).supervision)
    run = cli("import", str(log), str(path), "--yes", "--lang", "es")
    assert run.code == 0, run.err
    assert "2 capacitaciones para agregar" in run.out
    added = _value(path).training[before[0]:]
    assert [(e.title, e.date.isoformat(), e.hours, e.provider) for e in added] == [
        ("Apego y vínculo", "2025-03-15", 1.5, "Registro Estatal"),
        ("Niñez temprana: desarrollo socioemocional", "2025-04-02", 3,
         "Universidad Comunitaria")]
    assert len(_value(path).supervision) == before[1]


@pytest.mark.parametrize("title", ["TÍTULO DEL CURSO", "titulo_del_curso", "Course Title",
                                   "Nombre del curso", "Workshop", "Training title",
                                   "Taller", "Título del curso completado"])
def test_a_title_column_is_recognised_however_it_is_written(title) -> None:
    from endorse_cli.interview.columns import recognised

    headers = ["Fecha", title, "Horas", "Proveedor"]
    assert recognised("training", headers)[1] == ("title", False)


@pytest.mark.parametrize("headers", [
    # RS/C's columns and a course: both fit, neither is guessed
    "Fecha;Horas;Supervisor/a;Seminario de lectura",
    # a course column no section reads, with columns an RS/C log has
    "Fecha;Horas;Proveedor;Individual/Grupal;Taller"])
def test_columns_that_fit_two_kinds_of_log_or_name_a_course_are_not_guessed(
        cli, path, tmp_path, headers) -> None:
    before = path.read_bytes()
    log = _csv(tmp_path, headers + "\n15/03/2025;1,5;Ana Ríos;Individual;Apego\n")
    run = cli("import", str(log), str(path), "--yes", "--lang", "es")
    assert run.code == 2
    assert "endorse no puede saber qué tipo de registro es este" in run.err
    assert "diga cuál con --section capacitación o --section supervisión" in run.err
    assert path.read_bytes() == before


def test_map_decides_the_kind_of_log_from_every_column(cli, path, tmp_path) -> None:
    """--map names a field only trainings have: the log is read as trainings, and what is
    missing is said of trainings, not of the RS/C log the other columns would make."""
    log = _csv(tmp_path, "Fecha;Curso dictado;Horas;Proveedor\n15/03/2025;Apego;1,5;Ana\n")
    run = cli("import", str(log), str(path), "--yes", "--lang", "es",
              "--map", "Curso dictado=Temas")
    assert run.code == 2
    assert "las columnas parecen un historial de capacitaciones, pero ninguna da" in run.err
    assert "supervision" not in run.err and "RS/C" not in run.err


def test_competency_areas_by_their_names_in_either_language(cli, path, tmp_path) -> None:
    log = _csv(tmp_path, "Título;Fecha;Horas;Proveedor;Áreas de competencia\n"
                         'Apego;15/03/2025;1,5;Ana;"Reflexión, Pensamiento"\n'
                         "Duelo;16/03/2025;2;Ana;Comunicación\n"
                         "Bases;17/03/2025;2;Ana;Fundamentos teóricos\n"
                         'Ética;18/03/2025;2;Ana;"reflection; thinking"\n'
                         '"Leyes";19/03/2025;2;Ana;"Law, regulation & agency policy; Reflexión"\n')
    before = len(_value(path).training)
    run = cli("import", str(log), str(path), "--yes", "--lang", "es")
    assert run.code == 0, run.err
    assert [e.competencies for e in _value(path).training[before:]] == [
        ["reflection", "thinking"], ["communicating"], ["theoretical-foundations"],
        ["reflection", "thinking"], ["law-regulation-policy", "reflection"]]


def test_add_takes_area_names_split_by_semicolons_too(cli, path) -> None:
    run = cli("add", "training", str(path), "--title", "Apego", "--date", "15/03/2025",
              "--hours", "1,5", "--competency", "Trabajo con otras personas; Reflexión",
              "--lang", "es")
    assert run.code == 0, run.err
    assert _value(path).training[-1].competencies == ["working-with-others", "reflection"]


def test_skip_bad_with_every_row_bad_names_each_and_fails(cli, path, tmp_path) -> None:
    before = path.read_bytes()
    log = _csv(tmp_path, "Fecha;Horas;Proveedor\n30/02/2025;1,5;Marta Ríos\n"
                         "03/06/2025;hora y media;Marta Ríos\n")
    run = cli("import", str(log), str(path), "--yes", "--skip-bad", "--lang", "es")
    assert run.code == 1
    assert ("aviso: 2 filas no se pueden leer y quedan fuera:\n"
            '  fila 2, Fecha "30/02/2025": ') in run.err
    assert '  fila 3, Horas "hora y media": escriba un número de horas' in run.err
    assert "error: no se agregó nada: ninguna fila de log.csv se pudo agregar" in run.err
    assert path.read_bytes() == before


def test_an_empty_file_is_said_plainly_without_an_english_name(cli, path, tmp_path) -> None:
    empty = tmp_path / "vacio.csv"
    empty.write_bytes(b"")
    run = cli("import", str(empty), str(path), "--yes", "--lang", "es")
    assert run.code == 1
    assert "error: vacio.csv está vacío: no tiene fila de encabezados ni filas" in run.err
    assert "`endorse template SECCIÓN -o ARCHIVO`" in run.err
    assert "Bring your records" not in run.err and "nada" not in run.err.split("\n")[0][-6:]


def test_a_file_with_a_header_and_no_rows_says_so(cli, path, tmp_path) -> None:
    before = path.read_bytes()
    log = _csv(tmp_path, TRANSCRIPT_ES.splitlines()[0] + "\n", encoding="cp1252")
    run = cli("import", str(log), str(path), "--yes", "--lang", "es")
    assert run.code == 1
    assert ("log.csv tiene una fila de encabezados pero ninguna fila debajo: parece un "
            "historial de capacitaciones, sin nada que agregar") in run.err
    assert path.read_bytes() == before


@pytest.mark.parametrize("command", [("template", "exam", "-o", "x.csv"),
                                     ("template", "examen-final", "-o", "x.csv"),
                                     ("import", "log.csv", "portfolio.toml", "--section", "exam")])
def test_the_sections_offered_are_the_ones_that_can_be_imported(cli, path, tmp_path, command,
                                                                monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    _csv(tmp_path, "Date,Hours,Provider\n3/4/2026,1,Ana Lopez\n")
    run = cli(*command, "--lang", "en")
    assert run.code == 2
    assert "use one of: training, supervision, work, education, reference" in run.err
    assert "exam\n" not in run.err and "exam," not in run.err.split("fix:")[1]


def test_the_spanish_template_names_the_areas_and_gives_the_title_room(cli, tmp_path) -> None:
    out = tmp_path / "plantilla.xlsx"
    run = cli("template", "training", "-o", str(out), "--lang", "es")
    assert run.code == 0, run.err
    sheet = openpyxl.load_workbook(out).active
    by_header = {c.value: c for c in sheet[1]}
    note = by_header["Áreas de competencia"].comment.text
    assert "Fundamentos teóricos; Leyes, normas y políticas de la agencia;" in note
    assert "theoretical-foundations" not in note
    title = by_header["Título"].column_letter
    assert sheet.column_dimensions[title].width >= 40


def test_spanish_help_has_spanish_placeholders_and_the_commands_mood(cli) -> None:
    run = cli("import", "--help", "--lang", "es")
    assert "ORIGEN" in run.out and "--sheet NOMBRE" in run.out
    assert "--map COLUMNA=CAMPO" in run.out and "SOURCE" not in run.out
    assert "Agregar a su portafolio las filas" in " ".join(run.out.split())
    run = cli("template", "--help", "--lang", "es")
    assert "Escribir un registro en blanco" in " ".join(run.out.split())


def test_an_unclear_answer_is_asked_again_and_never_writes(path, tmp_path) -> None:
    """``no sé`` ends in the key for yes and ``quizas`` too: neither is an answer."""
    log = _csv(tmp_path, "Fecha;Horas;Proveedor\n15/03/2026;1,5;Rosa Díaz\n")
    before = path.read_bytes()
    child = _spawn("import", log.name, path.name, lang="es_US.UTF-8", cwd=tmp_path)
    child.expect(r"¿Agregar 1 sesión de RS/C a portfolio\.toml\?")
    child.send("no sé\r")
    child.expect("'no sé' no es ni sí ni no; escriba s o n")
    child.send("quizas\r")
    child.expect("'quizas' no es ni sí ni no; escriba s o n")
    assert path.read_bytes() == before
    child.send("no\r")
    child.expect("no se escribió nada")
    child.expect(pexpect_eof())
    child.close()
    assert child.exitstatus == 0
    assert path.read_bytes() == before


def test_with_rows_left_out_enter_alone_adds_nothing(path, tmp_path) -> None:
    log = _csv(tmp_path, "Fecha;Horas;Proveedor\n15/03/2026;1,5;Rosa Díaz\n"
                         "16/03/2026;dos;Rosa Díaz\n")
    before = path.read_bytes()
    child = _spawn("import", log.name, path.name, "--skip-bad", lang="es_US.UTF-8",
                   cwd=tmp_path)
    child.expect('fila 3, Horas "dos"')  # named before the question
    child.expect(r"¿Agregar 1 sesión de RS/C a portfolio\.toml\?")
    child.expect(r"\(s/N\)")  # no, unless told
    child.send("\r")
    child.expect("no se escribió nada")
    child.expect(pexpect_eof())
    child.close()
    assert path.read_bytes() == before


@pytest.mark.parametrize("word,section", [("capacitacion", "training"),
                                          ("capacitación", "training"),
                                          ("Capacitación", "training"),
                                          ("supervisión", "supervision"),
                                          ("SUPERVISION", "supervision")])
def test_sections_are_taken_by_their_spanish_names(cli, path, tmp_path, word, section) -> None:
    out = tmp_path / "plantilla.csv"
    run = cli("template", word, "-o", str(out), "--lang", "es")
    assert run.code == 0, run.err
    first = out.read_text(encoding="utf-8-sig").splitlines()[0]
    assert first == {"training": "Título;Proveedor;Fecha;Horas (de 60 minutos);Salud mental "
                                 "infantil;Áreas de competencia",
                     "supervision": "Fecha;Horas;Proveedor;Individual/Grupal;Respaldo del "
                                    "proveedor;Notas"}[section]
    log = _csv(tmp_path, "Fecha;Horas;Proveedor\n15/03/2025;1,5;Ana Ríos\n")
    run = cli("import", str(log), str(path), "--dry-run", "--section", word, "--lang", "es")
    assert (run.code == 0) == (section == "supervision"), run.err
    if section == "training":  # read as trainings, as told: the title is missing
        assert "las columnas parecen un historial de capacitaciones" in run.err
    run = cli("template", "examen", "-o", str(tmp_path / "e.csv"), "--lang", "es")
    assert ("use uno de estos: capacitación, supervisión, trabajo, estudios, referencia"
            in run.err)


def test_a_second_course_column_beside_the_title_is_kept(cli, path, tmp_path) -> None:
    log = _csv(tmp_path, "Course title,Workshop series,Course description,Date,Hours\n"
                         "Attachment,Early years,Two mornings,3/4/2026,3\n")
    run = cli("import", str(log), str(path), "--dry-run", "--lang", "en")
    assert run.code == 0, run.err
    assert '"Workshop series" and "Course description" are kept' in run.out
