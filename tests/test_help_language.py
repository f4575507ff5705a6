"""`--help` and the usage errors in the reader's language; English as it always was."""

from __future__ import annotations

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from endorse_cli import i18n
from endorse_cli.cli import USAGE_ERRORS, _reworded, app

COMMANDS = ["assess", "gaps", "credentials", "renew", "rules", "check", "validate", "schema",
            "bundle", "report", "init", "interview", "edit", "add"]


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=env)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


SPANISH = {"LANG": "es_US.UTF-8"}


@pytest.fixture(autouse=True)
def _in_the_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the goldens name the file as examples/...


# -- help ---------------------------------------------------------------------------------------

def test_endorse_help_in_spanish_from_the_locale(golden) -> None:
    code, out, err = run("--help", env=SPANISH)
    assert (code, err) == (0, "")
    assert out.startswith("Uso: endorse [OPCIONES] COMANDO [ARGUMENTOS]...\n\n"
                          "  Preparar, evaluar y planificar una solicitud de Infant Mental "
                          "Health\n  Endorsement®.\n\n"
                          "Opciones:\n"
                          "  --version   Mostrar la versión y salir.\n"
                          "  -h, --help  Mostrar este mensaje y salir.\n\n"
                          "Comandos:\n"
                          "  assess       Todas las credenciales de un vistazo, y la que mejor "
                          "le...\n")
    assert "  validate     Revisar el formato de muchos portafolios, sin evaluarlos.\n" in out
    golden("help.es.txt", out)
    assert run(env=SPANISH)[1].rstrip("\n") == out.rstrip("\n")  # `endorse` alone: the same


@pytest.mark.parametrize("args", [["gaps", "--help", "--lang", "es"],
                                  ["gaps", "--lang=es", "-h"],
                                  ["gaps", "--lang", "es", "--help"]])
def test_gaps_help_in_spanish_from_lang(args, golden) -> None:
    code, out, err = run(*args, env={"LANG": "fr_FR.UTF-8"})
    assert (code, err) == (0, "")
    assert out.startswith(
        "Uso: endorse gaps [OPCIONES] [file]\n\n"
        "  Lo que falta: lo que se cumple, lo que falta, qué hacer después y cuándo.\n\n"
        "Argumentos:\n"
        "  file  Archivo del portafolio. Predeterminado: $ENDORSE_PORTFOLIO, luego\n"
        "        ./portfolio.toml.\n\n"
        "Opciones:\n")
    assert ("  -f, --format <text|json|markdown>\n"
            "                                  Formato de salida.  [predeterminado: text]\n"
            in out)
    assert "[variable de entorno:\n                                  ENDORSE_RULES]\n" in out
    assert out.endswith("  -h, --help                      Mostrar este mensaje y salir.\n")
    golden("help-gaps.es.txt", out)


def test_the_sections_are_listed_with_the_language_s_or() -> None:
    out = run("add", "--help", "--lang", "es")[1]
    assert ("  SECTION  education, work, training, supervision, reference, exam, license o\n"
            "           endorsement.  [obligatorio]\n") in out
    assert "\n  Opciones de cada sección:\n" in out
    out = run("interview", "--help", "--lang", "es")[1]
    assert "Ir directamente a una sección: education, work,\n" in out
    assert "reference o exam.\n" in out


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_help_page_is_spanish_and_fits_80_columns(command) -> None:
    code, out, _ = run(*filter(None, [command]), "--help", env={"LANGUAGE": "es"})
    english = run(*filter(None, [command]), "--help")[1]
    assert code == 0
    assert out != english
    assert out.startswith("Uso: endorse ")
    for words in ("Usage:", "Options:", "Arguments:", "Commands:", "Show this message",
                  "default:", "required]", "Output format", "Portfolio file"):
        assert words not in out
    assert [line for line in out.splitlines() if len(line) > 80] == []


def test_english_help_is_unchanged(golden) -> None:
    code, out, err = run("--help")
    assert (code, err) == (0, "")
    golden("help.txt", out)
    golden("help-gaps.txt", run("gaps", "--help")[1])
    # --lang en wins over a Spanish locale, and a Spanish page before leaves nothing behind
    assert run("gaps", "--help", env=SPANISH)[1] != run("gaps", "--help")[1]
    golden("help-gaps.txt", run("gaps", "--help", "--lang", "en", env=SPANISH)[1])
    golden("help.txt", run("--help", env={"LANG": "C.UTF-8"})[1])


def test_english_help_reads_no_catalog() -> None:
    i18n.catalog.cache_clear()
    i18n.language.cache_clear()
    assert run("gaps", "--help")[0] == 0
    assert run("gaps", "--bogus")[0] == 2
    assert i18n.catalog.cache_info().currsize == 0
    assert run("gaps", "--help", "--lang", "es")[0] == 0
    assert i18n.catalog.cache_info().currsize == 1


# -- usage errors -------------------------------------------------------------------------------

def test_an_unknown_option_in_spanish_and_in_english() -> None:
    code, out, err = run("gaps", "--bogus", "--lang", "es")
    assert (code, out) == (2, "")
    assert err == ("Uso: endorse gaps [OPCIONES] [file]\n"
                   "Pruebe 'endorse gaps -h' para ver la ayuda.\n\n"
                   "Error: No existe la opción: --bogus\n")
    code, out, err = run("gaps", "--bogus")
    assert (code, out) == (2, "")
    assert err == ("Usage: endorse gaps [OPTIONS] [file]\n"
                   "Try 'endorse gaps -h' for help.\n\n"
                   "Error: No such option: --bogus\n")


@pytest.mark.parametrize(("args", "spanish"), [
    (["nosuch"], "Uso: endorse [OPCIONES] COMANDO [ARGUMENTOS]...\n"
                 "Pruebe 'endorse -h' para ver la ayuda.\n\n"
                 "Error: No existe el comando 'nosuch'.\n"),
    (["chek"], "Uso: endorse [OPCIONES] COMANDO [ARGUMENTOS]...\n"
               "Pruebe 'endorse -h' para ver la ayuda.\n\n"
               "Error: No existe el comando 'chek'. ¿Quiso decir 'check', 'schema'?\n"),
    (["check"], "Uso: endorse check [OPCIONES] {PATH...}\n"
                "Pruebe 'endorse check -h' para ver la ayuda.\n\n"
                "Error: Falta el argumento 'PATH...'.\n"),
    (["gaps", "-f", "xml"], "Uso: endorse gaps [OPCIONES] [file]\n"
                            "Pruebe 'endorse gaps -h' para ver la ayuda.\n\n"
                            "Error: Valor no válido para '--format' / '-f': 'xml' no es ninguno "
                            "de estos: 'text', 'json', 'markdown'.\n"),
    (["check", "x", "--jobs", "0"], "Uso: endorse check [OPCIONES] {PATH...}\n"
                                    "Pruebe 'endorse check -h' para ver la ayuda.\n\n"
                                    "Error: Valor no válido para '--jobs' / '-j': 0 no está en "
                                    "el rango x>=1.\n"),
    (["check", "x", "--time-limit", "abc"], "Uso: endorse check [OPCIONES] {PATH...}\n"
                                            "Pruebe 'endorse check -h' para ver la ayuda.\n\n"
                                            "Error: Valor no válido para '--time-limit': "
                                            "'abc' no es un número.\n"),
    (["gaps", "--lan", "es"], "Uso: endorse gaps [OPCIONES] [file]\n"
                              "Pruebe 'endorse gaps -h' para ver la ayuda.\n\n"
                              "Error: No existe la opción: --lan (opciones posibles: --lang)\n"),
    (["gaps", "--as-of"], "Error: La opción '--as-of' necesita un valor.\n"),
])
def test_usage_errors_in_spanish_from_the_locale(args, spanish) -> None:
    code, out, err = run(*args, env={"LANG": "es_MX.UTF-8"})
    assert (code, out, err) == (2, "", spanish)
    assert run(*args)[2] != spanish


def test_every_usage_error_form_is_said_in_spanish() -> None:
    spanish = i18n.language("es")
    for form in USAGE_ERRORS:
        values = {name: f"<{name}>" for name in ("option", "options", "command", "commands",
                                                  "argument", "choices", "name", "value",
                                                  "range", "arguments")}
        english = form.format(**values)
        said = _reworded(english, spanish)
        assert said == spanish.gettext(form).format(**values)
        assert said != english
    assert _reworded("Something typer says that endorse does not know", spanish) == (
        "Something typer says that endorse does not know")


# -- --lang before the command ------------------------------------------------------------------

def test_lang_before_the_command_is_the_command_s_own(golden) -> None:
    code, out, err = run("--lang", "es", "--help")
    assert (code, err) == (0, "")
    golden("help.es.txt", out)
    golden("help-gaps.es.txt", run("--lang", "es", "gaps", "--help")[1])
    code, out, err = run("--lang", "es", "gaps", "examples/home-visitor.toml", "--as-of",
                         "2026-11-21")
    assert (code, err) == (0, "")
    golden("gaps-home-visitor.es.txt", out)
    # the command's own --lang wins, as the last one named
    code, out, _ = run("--lang", "es", "gaps", "examples/home-visitor.toml", "--as-of",
                       "2026-11-21", "--lang", "en")
    golden("gaps-home-visitor.txt", out)
    golden("help.txt", run("--help")[1])  # and English help does not name it


def test_the_options_of_each_section_in_add_s_help_are_in_spanish(cli) -> None:
    out = " ".join(cli("add", "--help", "--lang", "es").out.split())
    assert "Opciones de cada sección: education: --degree*" in out
    assert ("(* obligatoria. DATE: 2024-03-15, 15/3/2024 o un mes, mayo de 2016; el "
            "--completed de un título también 2016. HOURS: 1,5, 1:30, 6 horas o 90 min; más de 0 "
            "y como máximo 10000") in out
    assert "(repeat it)" not in out and "required" not in out


@pytest.mark.parametrize("lang", ["en", "es"])
def test_add_s_help_never_cuts_an_option_or_its_values_across_lines(cli, lang) -> None:
    import re

    from endorse_cli.interview.fields import SECTIONS
    from endorse_cli.model.sections import ADDABLE

    out = cli("add", "--help", "--lang", lang).out
    assert max(map(len, out.splitlines())) <= 80
    values = out.replace("|\n  ", "|")  # a list of values may go on after a "|" only
    for section in ADDABLE:
        for field in SECTIONS[section]:
            assert re.search(rf"(?<![\w-]){re.escape(field.flag)}(?![\w-])", out), field.flag
            if field.choices and field.kind == "choice":
                assert "|".join(field.choices) in values
