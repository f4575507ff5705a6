"""What coordinators and renewing professionals read, in Spanish: the tables and summaries of
`check` and `validate`, `renew` and `check --renewal`, the report's page and terminal summary,
and the listings of `credentials` and `rules`. What scripts read (CSV, JSON, JUnit) stays the
same in every language."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from endorse_cli.i18n import ENGLISH, language
from endorse_cli.model.results import CheckRow
from endorse_cli.render.rows import Summary

SPANISH = language("es")
PACK = ("--rules", "imh-e-2025")
AS_OF = ("--as-of", "2026-11-21")


def _wide(text: str) -> list[str]:
    return [line for line in text.splitlines() if len(line) > 80]


# -- check and validate ------------------------------------------------------------------------


def test_golden_spanish_check_table(cli, golden) -> None:
    run = cli("check", "examples", *AS_OF, "--lang", "es")
    assert run.code == 0
    golden("check-examples.es.txt", run.out)


def test_the_spanish_check_table_fits_80_columns_and_says_yes_in_spanish(cli) -> None:
    out = cli("check", "examples", *AS_OF, "--lang", "es").out
    head, *rows, summary = out.splitlines()
    assert head.split() == ["ARCHIVO", "SOLICITANTE", "CRED", "CALIFICA", "CUMPLE", "REQS",
                            "AVISOS"]
    assert not _wide(out)
    clinician = next(r for r in rows if "clinician" in r)
    assert clinician.split()[-5:] == ["IMHS", "sí", "sí", "7/7", "0"]
    assert summary == ("6 portafolios: 0 no válidos; 1 cumple la credencial, 5 aún no; "
                       "0 con avisos.")


def test_the_english_check_table_is_as_it_was(cli) -> None:
    out = cli("check", "examples", *AS_OF).out
    assert out.splitlines()[0] == ("FILE                            APPLICANT           CRED  "
                                   "QUAL MET  REQS WARN")
    assert out.splitlines()[-1] == ("6 portfolios: 0 invalid; credential met 1, not yet 5; "
                                    "0 with warnings.")


@pytest.mark.parametrize("total, invalid, met, unmet, warned, spanish", [
    (1, 0, 1, 0, 0, "1 portafolio: 0 no válidos; 1 cumple la credencial, 0 aún no; "
                    "0 con avisos."),
    (3, 1, 0, 2, 1, "3 portafolios: 1 no válido; 0 cumplen la credencial, 2 aún no; "
                    "1 con avisos."),
])
def test_every_count_of_the_summary_takes_its_own_plural(total, invalid, met, unmet, warned,
                                                         spanish) -> None:
    summary = Summary(total=total, invalid=invalid, met=met, unmet=unmet, with_warnings=warned)
    assert summary.sentence(False, SPANISH) == spanish
    assert summary.sentence(False, ENGLISH) == (
        f"{total} portfolio{'s' if total != 1 else ''}: {invalid} invalid; credential met {met}, "
        f"not yet {unmet}; {warned} with warnings.")
    valid = Summary(total=total, invalid=invalid, with_warnings=warned)
    assert valid.sentence(True, SPANISH).startswith(
        "1 portafolio validado: 1 válido" if total == 1 else "3 portafolios validados: 2 válidos")


def test_spanish_validate_names_an_invalid_file_in_spanish(cli, write) -> None:
    bad = write('[applicant]\nname = "Ana"\n[[training]]\ntitle = 3\n', name="bad.toml")
    run = cli("validate", str(bad.parent), "--lang", "es")
    head, row, summary = run.out.splitlines()
    assert head.split() == ["ARCHIVO", "ESTADO", "DETALLE"]
    assert "no válido" in row and "línea " in row
    assert summary == "1 portafolio validado: 0 válidos, 1 no válido."


def test_spanish_markdown_rows(cli) -> None:
    out = cli("check", "examples/clinician.toml", *AS_OF, "--lang", "es", "-f", "markdown").out
    assert out.startswith("| Archivo | Solicitante | Credencial | Califica | Cumplida |")
    assert "| IMHS | sí | sí | 7 de 7 | 0 |" in out


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "junit"])
def test_what_scripts_read_is_the_same_in_spanish(cli, fmt) -> None:
    english = cli("check", "examples", *AS_OF, "-f", fmt).out
    assert cli("check", "examples", *AS_OF, "-f", fmt, "--lang", "es").out == english
    if fmt == "csv":  # English column names and yes/no: scripts read them by name
        header = next(csv.reader(io.StringIO(english)))
        assert header[:5] == ["file", "applicant", "credential", "qualified", "met"]


def test_the_spanish_table_cuts_long_paths_to_fit(tmp_path) -> None:
    from endorse_cli.render.rows import Table

    out = io.StringIO()
    long = "a/" * 40 + "portfolio.toml"
    table = Table(out, validate=False, credential=None, files=[long], language=SPANISH)
    table.start()
    table.row(CheckRow(file=long, applicant="María de los Ángeles Gutiérrez Fernández",
                       credential="IMHM", qualified=True, met=False, requirements_met=10,
                       requirements_total=12, warnings=120))
    table.end(Summary(total=1, unmet=1, with_warnings=1))
    assert not _wide(out.getvalue())
    row = out.getvalue().splitlines()[1]
    assert row.startswith("…/a/a/") and "/portfolio.toml  María de los Ánge…  IMHM" in row


# -- renew and check --renewal -----------------------------------------------------------------


def test_golden_spanish_renewal(cli, golden) -> None:
    run = cli("renew", "examples/ifs-renewing.toml", *AS_OF, "--lang", "es")
    assert run.code == 0
    golden("renew-ifs-renewing.es.txt", run.out)
    assert not _wide(run.out)


def test_spanish_renewal_has_days_numbers_and_plurals_of_the_language(cli) -> None:
    out = cli("renew", "examples/ifs-renewing.toml", *AS_OF, "--lang", "es").out
    assert out.startswith("Maya Chen (examples/ifs-renewing.toml), al 21 de noviembre de 2026\n")
    assert "Especialista en Infancia y Familia (IFS), otorgado el 14 de junio de 2023" in out
    assert "La renovación vence el 31 de diciembre de 2026 (quedan 40 días)." in out
    assert "2024: renovado" in out and "2025: todos los mínimos cumplidos" in out
    assert "2026: vence el 31 de diciembre de 2026" in out
    assert "1 hora sin contar" in out and "16 horas (se necesitan 15)" in out
    assert "Lo que falta hacer" in out
    for english in ("as of", "endorsed", "days left", "hours (needs", "Still to do", "2026-12-31"):
        assert english not in out


#: English words that no Spanish sentence has; the names a portfolio gives are taken out first.
ENGLISH_WORDS = re.compile(r"\b(the|your|of|and|with|by|for|to|at|least|needs?|attend|receive|"
                           r"add|each|hours?|clock|training|reflective|membership|families|work|"
                           r"years?|references?|endorsed|provider|infants?|specialist|"
                           r"diversity)\b", re.IGNORECASE)


def _english_left(out: str, names: tuple[str, ...]) -> list[str]:
    for name in names:
        out = out.replace(name, "")
    out = re.sub(r"`[^`]*`", "", out.replace("\n    ", " "))  # wrapped lines joined
    return [line for line in out.splitlines() if ENGLISH_WORDS.search(line)]


def test_the_spanish_renewal_is_spanish_but_for_names(cli) -> None:
    """The pack's requirement labels, next steps and endorsement names are its Spanish ones."""
    out = cli("renew", "examples/ifs-renewing.toml", *AS_OF, "--lang", "es").out
    assert "[ ] 12 horas de supervisión/consulta reflexiva (RS/C) en el año\n" in out
    assert ("  - Para 2026: asista a 2 horas más de capacitación a más tardar el 31 de\n"
            "    diciembre de 2026, con al menos 1 hora sobre diversidad, equidad e\n"
            "    inclusión; registre cada curso con `endorse add training\n"
            "    examples/ifs-renewing.toml`.") in out
    assert ("registre cada sesión con `endorse add\n    supervision examples/ifs-renewing.toml`."
            in out)
    assert "diversidad, equidad e inclusión: 0 horas" in out
    assert _english_left(out, ("Connecticut Association for Infant Mental Health",
                               "Infant Mental Health Endorsement®")) == []


def test_a_clinical_mentor_renews_by_the_words_for_their_endorsement(cli, tmp_path) -> None:
    source = (Path("examples") / "ifs-renewing.toml").read_text(encoding="utf-8")
    held = '[[endorsement]]\ncredential = "IFS"'
    assert source.count(held) == 1
    path = tmp_path / "mentor.toml"
    path.write_text(source.replace(held, held.replace("IFS", "IMHM-C")), encoding="utf-8")
    out = cli("renew", str(path), *AS_OF, *PACK, "--lang", "es").out
    assert "Mentor en Salud Mental Infantil - Clínico (IMHM-C), otorgado el" in out
    assert ("12 horas de supervisión/consulta reflexiva (RS/C) en el año (10 después de\n"
            "    tres años como Mentor Clínico)") in out
    assert "3 de esas horas sobre cómo brindar supervisión/consulta reflexiva" in out


def test_golden_spanish_checklist_under_a_pack(cli, golden) -> None:
    run = cli("gaps", "examples/program-director.toml", *AS_OF, *PACK, "--lang", "es")
    assert run.code == 0
    golden("gaps-program-director.imh-e-2025.es.txt", run.out)
    assert not _wide(run.out)
    assert _english_left(run.out, ("Renee Jackson",)) == []


def test_spanish_renewal_markdown_and_a_day_left(cli) -> None:
    out = cli("renew", "examples/ifs-renewing.toml", "--as-of", "2026-12-30", "--lang", "es",
              "-f", "markdown").out
    assert out.startswith("# Renovación: Maya Chen")
    assert "(queda 1 día)" in out
    assert "### Lo que falta hacer" in out


def test_renewal_json_is_the_same_in_spanish(cli) -> None:
    args = ("renew", "examples/ifs-renewing.toml", *AS_OF, "-f", "json")
    assert cli(*args, "--lang", "es").out == cli(*args).out


def test_spanish_renewal_rows(cli) -> None:
    out = cli("check", "--renewal", "examples", *AS_OF, *PACK, "--lang", "es").out
    assert ("examples/ifs-renewing.toml: Maya Chen, IFS: por renovar 31 de diciembre de\n"
            "    2026 (quedan 40 días)") in out
    assert "falta: 2 horas más de capacitación (al menos 1 hora sobre" in out
    assert "examples/clinician.toml: Priya Natarajan: sin Endorsement®" in out
    assert not _wide(out)
    for fmt in ("csv", "json"):  # the same for scripts in every language
        args = ("check", "--renewal", "examples", *AS_OF, *PACK, "-f", fmt)
        assert cli(*args, "--lang", "es").out == cli(*args).out


def test_one_more_hour_is_singular_in_english_too() -> None:
    from endorse_cli.model.results import RequirementResult, Said
    from endorse_cli.io.rules_file import load_rules, packs_dir
    from endorse_cli.render.sentences import RenewalWords

    rules = load_rules(packs_dir() / "imh-e-2025.toml").value
    req = RequirementResult(id="rsc", label="RS/C", kind="supervision", met=False,
                            qualification=False, have=11, need=12, unit="hours",
                            step=Said(code="renewal.supervision",
                                      values={"missing": 1, "year": 2026}))
    assert RenewalWords(rules).short_missing(req) == "1 more hour of RS/C for 2026"
    assert RenewalWords(rules, SPANISH).short_missing(req) == "1 hora más de RS/C para 2026"


# -- the report ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    from typer.testing import CliRunner

    from endorse_cli.cli import app

    folders = {}
    for lang in ("en", "es"):
        out = tmp_path_factory.mktemp(lang)
        result = CliRunner().invoke(app, ["report", "examples", *AS_OF, *PACK, "--review-date",
                                          "2027-03-31", "--lang", lang, "-o", str(out)])
        assert result.exit_code == 0, result.output
        folders[lang] = out
        folders[lang + "-err"] = result.stderr  # type: ignore[assignment]
    return folders


def test_the_spanish_report_page_is_spanish(reports) -> None:
    page = (reports["es"] / "report.html").read_text(encoding="utf-8")
    assert '<html lang="es">' in page
    for spanish in ("<h1>Informe del grupo</h1>", "6 portafolios evaluados al 21 de noviembre "
                    "de 2026", "próxima fecha de revisión: 31 de marzo de 2027",
                    "Cumplida al 31 de marzo de 2027", "marzo de 2027 (fecha de revisión)",
                    "revisión: 31 de marzo de 2027", "31 de diciembre de 2026",
                    'data-label="Fecha prevista"', "se muestran {shown} de {total}",
                    "Lo que detiene a las personas", "5,5 horas"):
        assert spanish in page, spanish
    for english in ("Cohort report", "portfolios judged", "What holds people back", " of 7<",
                    "review 2027", ">no date<", ">Expected<"):
        assert english not in page, english


def test_the_report_s_chart_names_its_months_as_each_language_writes_them(reports) -> None:
    """Short, in the language, and only as many as fit (every 2nd month over a year)."""
    ticks = {lang: re.findall(r'text-anchor="middle">([^<]*)</text>',
                              (reports[lang] / "report.html").read_text(encoding="utf-8"))
             for lang in ("en", "es")}
    assert ticks["es"] == ["nov 2026", "ene 2027", "mar 2027", "may 2027", "jul 2027",
                           "sept 2027"]
    assert ticks["en"] == ["Nov 2026", "Jan 2027", "Mar 2027", "May 2027", "Jul 2027",
                           "Sep 2027"]


def test_the_report_s_csv_and_json_are_the_same_in_spanish(reports) -> None:
    for name in ("report.csv", "report.json"):
        assert (reports["es"] / name).read_bytes() == (reports["en"] / name).read_bytes()
    data = json.loads((reports["es"] / "report.json").read_text(encoding="utf-8"))
    assert data["credentials"][0]["name"] == "Infant Family Associate"


def test_the_report_s_summary_on_the_terminal_is_spanish(reports) -> None:
    err = str(reports["es-err"])
    assert "informe: 6 portafolios evaluados" in err
    assert "escrito: " in err


def test_a_file_not_read_is_said_in_spanish_on_the_page_and_the_terminal(cli, tmp_path) -> None:
    """Why a file could not be read, and what to do, in the reader's language where people
    read it; the JSON and the CSV keep the English, the same in both languages."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = (Path("examples") / "clinician.toml").read_text(encoding="utf-8")
    assert "completed = 2016-05-14" in text
    (folder / "roto.toml").write_text(text.replace("2016-05-14", "2016-13-31"), encoding="utf-8")
    (folder / "a.toml").write_text(
        (Path("examples") / "home-visitor.toml").read_text(encoding="utf-8"), encoding="utf-8")
    runs = {lang: cli("report", str(folder), *AS_OF, "--lang", lang, "-o", str(tmp_path / lang))
            for lang in ("en", "es")}
    assert runs["es"].code == runs["en"].code == 0
    assert ("/roto.toml, línea 19: su título n.º 2, Obtenido: 2016-13-31 no es una fecha real\n"
            in runs["es"].err)
    assert "not a real date" not in runs["es"].err
    assert ("/roto.toml, line 19: your 2nd degree, Completed: 2016-13-31 is not a real date\n"
            in runs["en"].err)
    page = (tmp_path / "es" / "report.html").read_text(encoding="utf-8")
    assert ('<td data-label="Por qué">su título n.º 2, Obtenido: 2016-13-31 no es una fecha '
            'real</td>'
            '<td data-label="Qué hacer">revise el día y el mes</td>') in page
    assert "not a real date" not in page and "check the day" not in page
    english = (tmp_path / "en" / "report.html").read_text(encoding="utf-8")
    assert ("your 2nd degree, Completed: 2016-13-31 is not a real date</td><td data-label=\"What to do\">check the day and "
            "month</td>") in english
    for name in ("report.csv", "report.json"):
        assert (tmp_path / "es" / name).read_bytes() == (tmp_path / "en" / name).read_bytes()
    unread = json.loads((tmp_path / "es" / "report.json").read_text(encoding="utf-8"))
    assert unread["unreadable"] == [{"file": str(folder / "roto.toml"), "reason":
                                     "education[1].completed: 2016-13-31 is not a real date",
                                     "line": 19,
                                     "fix": "check the day and month"}]


def test_the_default_rules_words_reach_the_spanish_page(cli, tmp_path) -> None:
    assert cli("report", "examples", *AS_OF, "--lang", "es", "-o", str(tmp_path)).code == 0
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "IFS Especialista en Infancia y Familia" in page
    assert "Infant Mental Health Endorsement® (reglas predeterminadas)" in page
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert data["credentials"][1]["name"] == "Infant Family Specialist"


# -- the listings --------------------------------------------------------------------------------


def test_the_spanish_credentials_listing_has_no_machine_words(cli) -> None:
    out = cli("credentials", "--lang", "es").out
    assert "fuente: las reglas predeterminadas (data/credentials.toml)" in out
    assert "IFA Asociado en Infancia y Familia (nivel 1, enfoque: promoción)" in out
    assert "(cualquiera de estas opciones, requisito previo)" in out
    assert "3 referencias (referencias, requisito)" in out
    for machine in ("(any,", "(education,", "competencies", "promotion", "entry-education",
                    "the default rules"):
        assert machine not in out
    assert not _wide(out)


def test_the_english_credentials_listing_has_no_machine_words(cli) -> None:
    out = cli("credentials", "--format", "markdown").out
    assert "- 3 references (references, requirement)" in out
    assert "Level 2, focus: prevention and early intervention." in out
    for machine in ("(any,", "**entry**", "(competencies,"):
        assert machine not in out


def test_the_spanish_rules_listing(cli) -> None:
    out = cli("rules", "--lang", "es").out
    assert "(predeterminadas): Infant Mental Health Endorsement® (reglas predeterminadas)" in out
    assert "las reglas predeterminadas (data/credentials.toml); se usan cuando no se indica" in out
    assert "úselo con --rules imh-e-2025; rige desde el 1 de enero de 2025" in out
    assert "renovación anual: sí" in out and "credenciales: IFA, IFS, IMHS, IMHM" in out
    assert ("imh-e-2025: IMH-E® tal como lo publican las asociaciones de la Alliance para las "
            "solicitudes de 2025\n") in out  # the pack's [i18n.es.pack] title
    assert cli("rules", "--lang", "es", "-f", "json").out == cli("rules", "-f", "json").out


def test_a_spanish_check_table_says_the_error_in_spanish_and_json_in_english(cli, write) -> None:
    bad = write('format = 1\n[applicant]\nname = "Ana"\n[[work]]\ntitle = "A"\n'
                'start = 2020-01-01\nhours_per_week = 200\n', name="a.toml")
    row = cli("check", str(bad), "--lang", "es").out.splitlines()[1]
    assert row.endswith("NO VÁLIDO línea 7: su empleo n.º 1 (A, 1 de enero de 2020), Horas "
                        "semanales: debe ser como máximo 168 (dice 200)")
    document = cli("check", str(bad), "--lang", "es", "-f", "json").out
    assert '"message":"must be at most 168 (found 200)"' in document
    assert '"fix":"write a number at most 168"' in document


def test_a_batch_s_own_reasons_are_said_in_the_reader_s_language_beside_the_english() -> None:
    from endorse_cli.app.batch import _failed
    from endorse_cli.model.message import N_

    row = _failed("slow.toml", "es", N_("took more than {seconds} seconds to judge, and was "
                                        "stopped"),
                  N_("check the file, or give it more time with --time-limit"), seconds=2.5)
    assert row.error == "took more than 2.5 seconds to judge, and was stopped"
    assert row.error_said == "tardó más de 2,5 segundos en evaluarse y se detuvo"
    assert row.error_fix_said == "revise el archivo, o dele más tiempo con --time-limit"
