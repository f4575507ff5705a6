"""The command line in the reader's language: --lang, else the locale; JSON in none."""

from __future__ import annotations

import json

import pytest
from conftest import AS_OF, EXAMPLES, ROOT
from typer.testing import CliRunner

from endorse_cli.cli import app

HOME_VISITOR = "examples/home-visitor.toml"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=env)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def _in_the_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the goldens name the file as examples/...


# -- the same pages as the renderers', through the command line -----------------------------

def test_spanish_checklist_from_the_locale_is_the_golden_one(golden) -> None:
    code, out, err = run("gaps", HOME_VISITOR, "--as-of", AS_OF,
                         env={"LANG": "es_US.UTF-8"})
    assert (code, err) == (0, "")
    golden("gaps-home-visitor.es.txt", out)


def test_spanish_timeline_from_lang_is_the_golden_one(golden) -> None:
    code, out, err = run("gaps", HOME_VISITOR, "--timeline", "--as-of", AS_OF, "--lang", "es")
    assert (code, err) == (0, "")
    golden("timeline-home-visitor.es.txt", out)


def test_spanish_markdown_checklist_and_timeline_are_the_golden_ones(golden) -> None:
    args = ("gaps", "examples/early-care-teacher.toml", "--as-of", AS_OF, "--format",
            "markdown", "--lang", "es")
    checklist, timeline = run(*args), run(*args, "--timeline")
    assert checklist[0] == timeline[0] == 0
    golden("gaps-early-care-teacher.es.md", checklist[1] + "\n" + timeline[1])


def test_lang_wins_over_the_locale_and_english_stays_english(golden) -> None:
    code, out, _ = run("gaps", HOME_VISITOR, "--as-of", AS_OF, "--lang", "en",
                       env={"LANG": "es_US.UTF-8", "LANGUAGE": "es"})
    assert code == 0
    golden("gaps-home-visitor.txt", out)


@pytest.mark.parametrize("command", [["gaps"], ["gaps", "--timeline"], ["assess"]])
def test_json_is_the_same_in_every_language(command) -> None:
    english = run(*command, HOME_VISITOR, "--as-of", AS_OF, "-f", "json")
    spanish = run(*command, HOME_VISITOR, "--as-of", AS_OF, "-f", "json", "--lang", "es")
    assert english[0] == spanish[0] == 0
    assert spanish[1] == english[1]
    json.loads(spanish[1])


def test_assess_and_credentials_in_spanish() -> None:
    code, out, _ = run("assess", HOME_VISITOR, "--as-of", AS_OF, "--lang", "es")
    assert code == 0
    assert "al 21 de noviembre de 2026" in out
    code, out, _ = run("credentials", "--lang", "es", "-f", "markdown")
    assert code == 0
    assert "Especialista en Infancia y Familia" in out
    english = run("credentials", "-f", "json")[1]
    assert run("credentials", "-f", "json", "--lang", "es")[1] == english


def test_json_in_spanish_reads_no_catalog() -> None:
    from endorse_cli import i18n

    i18n.catalog.cache_clear()
    i18n.language.cache_clear()  # a fresh Language, which has read nothing yet
    code, _, err = run("gaps", HOME_VISITOR, "--as-of", AS_OF, "-f", "json",
                       env={"LANG": "es_US.UTF-8"})
    assert (code, err) == (0, "")
    assert i18n.catalog.cache_info().currsize == 0
    run("gaps", HOME_VISITOR, "--as-of", AS_OF, env={"LANG": "es_US.UTF-8"})
    assert i18n.catalog.cache_info().currsize == 1  # the text did


# -- choosing ---------------------------------------------------------------------------------

def test_an_unknown_lang_is_one_note_then_english(golden) -> None:
    code, out, err = run("gaps", HOME_VISITOR, "--as-of", AS_OF, "--lang", "fr")
    assert code == 0
    assert err == "note: endorse has no text in 'fr'; English is used (--lang en or es)\n"
    golden("gaps-home-visitor.txt", out)


def test_a_locale_endorse_does_not_speak_is_english_without_a_note(golden) -> None:
    code, out, err = run("gaps", HOME_VISITOR, "--as-of", AS_OF, env={"LANG": "fr_FR.UTF-8"})
    assert (code, err) == (0, "")
    golden("gaps-home-visitor.txt", out)


# -- days typed in the language's order ---------------------------------------------------------

def test_as_of_day_first_in_spanish_month_first_in_english() -> None:
    iso = run("gaps", HOME_VISITOR, "--as-of", "2027-03-15", "-f", "json")
    spanish = run("gaps", HOME_VISITOR, "--as-of", "15/3/2027", "--lang", "es", "-f", "json")
    english = run("gaps", HOME_VISITOR, "--as-of", "3/15/2027", "-f", "json")
    assert iso[0] == spanish[0] == english[0] == 0
    assert spanish[1] == english[1] == iso[1]
    assert '"as_of": "2027-03-15"' in iso[1]


def test_a_month_first_day_is_refused_in_spanish_in_spanish() -> None:
    code, out, err = run("gaps", HOME_VISITOR, "--as-of", "3/15/2027", "--lang", "es")
    assert (code, out) == (2, "")
    assert err == ("error: --as-of '3/15/2027' no es una fecha\n"
                   "  cómo resolverlo: 3/15/2027 no es una fecha real (día/mes/año); "
                   "¿quiso decir 15/3/2027?\n")
    _, _, err = run("gaps", HOME_VISITOR, "--as-of", "31/2/2027", "--lang", "es")
    assert err.endswith("(día/mes/año); por ejemplo, --as-of 2026-06-30\n")  # no guess


def test_a_day_first_day_is_refused_in_english() -> None:
    code, _, err = run("gaps", HOME_VISITOR, "--as-of", "15/3/2027")
    assert code == 2
    assert err == ("error: --as-of '15/3/2027' is not a date\n"
                   "  fix: 15/3/2027 is not a real date (month/day/year); did you mean "
                   "3/15/2027?\n")


def test_a_year_first_day_that_is_no_day_says_year_month_day() -> None:
    """The order of 2027-02-30 is year-month-day in every language: never the order of the
    language's slashed form (month/day/year), which the reader did not use."""
    code, _, err = run("gaps", HOME_VISITOR, "--as-of", "2027-02-30")
    assert (code, err) == (2, "error: --as-of '2027-02-30' is not a date\n"
                              "  fix: 2027-02-30 is not a real date (year-month-day), e.g. "
                              "--as-of 2026-06-30\n")
    _, _, err = run("gaps", HOME_VISITOR, "--as-of", "2027-02-30", "--lang", "es")
    assert err == ("error: --as-of '2027-02-30' no es una fecha\n"
                   "  cómo resolverlo: 2027-02-30 no es una fecha real (año-mes-día); por "
                   "ejemplo, --as-of 2026-06-30\n")


# -- numbers typed with the language's decimal mark ---------------------------------------------

def test_a_decimal_comma_in_spanish_is_a_decimal_point() -> None:
    comma = run("gaps", HOME_VISITOR, "--as-of", AS_OF, "--assume-rsc-per-month", "0,5",
                "--lang", "es", "-f", "json")
    point = run("gaps", HOME_VISITOR, "--as-of", AS_OF, "--assume-rsc-per-month", "0.5",
                "-f", "json")
    default = run("gaps", HOME_VISITOR, "--as-of", AS_OF, "-f", "json")
    assert comma[0] == point[0] == 0
    assert comma[1] == point[1] != default[1]  # the pace was read, as half an hour a month
    assert run("check", HOME_VISITOR, "--time-limit", "2,5", "--lang", "es")[0] == 0
    code, _, err = run("check", HOME_VISITOR, "--time-limit", "-1,5", "--lang", "es")
    assert (code, err.splitlines()[-1]) == (
        2, "Error: Valor no válido para '--time-limit': '-1,5' es menor que 0")


def test_a_decimal_comma_in_english_is_refused() -> None:
    code, _, err = run("gaps", HOME_VISITOR, "--assume-rsc-per-month", "0,5")
    assert (code, err.splitlines()[-1]) == (
        2, "Error: Invalid value for '--assume-rsc-per-month': '0,5' is not a number")
    code, _, err = run("check", HOME_VISITOR, "--time-limit", "2,5")
    assert (code, err.splitlines()[-1]) == (
        2, "Error: Invalid value for '--time-limit': '2,5' is not a number")
    code, _, err = run("check", HOME_VISITOR, "--time-limit", "-1")
    assert err.splitlines()[-1] == "Error: Invalid value for '--time-limit': '-1' is less than 0"


def test_review_date_reads_the_language_order(tmp_path) -> None:
    code, _, err = run("report", str(EXAMPLES / "home-visitor.toml"), "--as-of", "2026-11-21",
                       "--review-date", "31/3/2027", "--lang", "es", "--out", str(tmp_path),
                       "--jobs", "1")
    assert code == 0, err
    assert json.loads((tmp_path / "report.json").read_text())["review_date"] == "2027-03-31"
    code, _, err = run("report", str(EXAMPLES / "home-visitor.toml"), "--review-date",
                       "31/3/2027", "--out", str(tmp_path), "--jobs", "1")
    assert code == 2
    assert "--review-date '31/3/2027' is not a date" in err


# -- messages on stderr --------------------------------------------------------------------------

@pytest.mark.parametrize("how", [{"args": ["--lang", "es"]},
                                 {"env": {"LANG": "es_MX.UTF-8"}},
                                 {"args": ["--lang=es"], "env": {"LANG": "fr_FR.UTF-8"}}])
def test_error_labels_in_spanish(how, tmp_path) -> None:
    code, out, err = run("gaps", str(tmp_path / "nada.toml"), *how.get("args", []),
                         env=how.get("env"))
    assert (code, out) == (2, "")
    assert err.startswith(f"error: no hay ningún archivo de portafolio '{tmp_path}/nada.toml'\n"
                          "  cómo resolverlo: ")
    assert "`endorse init`" in err


def test_bundle_not_ready_and_written_in_spanish(tmp_path) -> None:
    code, _, err = run("bundle", HOME_VISITOR, "--as-of", AS_OF, "--out", str(tmp_path),
                       "--allow-missing", "--lang", "es")
    assert code == 0, err
    assert "\nescrito: " in f"\n{err}"
    assert "no está listo: IFS aún no se cumple" in err
    page = next(tmp_path.glob("endorse-*/summary.html")).read_text(encoding="utf-8")
    assert 'lang="es"' in page


def test_add_reads_a_day_in_the_language_order(tmp_path) -> None:
    path = tmp_path / "portfolio.toml"
    path.write_text((EXAMPLES / "home-visitor.toml").read_text(encoding="utf-8"),
                    encoding="utf-8")
    code, _, err = run("add", "training", str(path), "--title", "Apego 101", "--date",
                       "15/3/2025", "--hours", "2", "--no-input", "--lang", "es")
    assert code == 0, err
    assert err.startswith("hecho: ")
    assert 'title = "Apego 101"\ndate = 2025-03-15\n' in path.read_text(encoding="utf-8")
    code, _, err = run("add", "training", str(path), "--title", "Apego 102", "--date",
                       "15/3/2025", "--hours", "2", "--no-input")
    assert code == 2
    assert err == ("error: --date '15/3/2025': 15/3/2025 is not a real date (month/day/year); "
                   "did you mean 3/15/2025?\n  fix: write it as --date 3/15/2024, for example\n")
