"""`--help` and the usage errors in the reader's language; English as it always was."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from endorse_cli import i18n
from endorse_cli.cli import app

COMMANDS = ["assess", "gaps", "credentials", "renew", "rules", "check", "validate", "schema",
            "bundle", "report", "init", "interview", "edit", "add"]


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=env)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


SPANISH = {"LANG": "es_US.UTF-8"}

#: typer 0.29 lays a help page out its own way (an argument's type after its name, other line
#: breaks): its pages have goldens of their own, NAME.typer-0.29.txt.
TYPER_029 = tuple(int(p) for p in __import__("typer").__version__.split(".")[:2]) >= (0, 29)


@pytest.fixture
def golden(golden):  # noqa: ANN001, ANN201 - conftest's, per typer's layout for help pages
    def check(name: str, text: str) -> None:
        if TYPER_029 and name.startswith("help"):
            name = name.replace(".txt", ".typer-0.29.txt")
        golden(name, text)

    return check


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
                          "  --version                  Mostrar la versión y salir.\n"
                          "  --color auto|always|never  Color: auto (en una terminal, salvo con "
                          "NO_COLOR o\n"
                          "                             TERM=dumb; FORCE_COLOR lo fuerza), "
                          "always (siempre)\n"
                          "                             o never (nunca).\n"
                          "  -q, --quiet                Solo los datos y los errores: sin "
                          "notas, avisos ni\n"
                          "                             progreso.\n"
                          "  -h, --help                 Mostrar este mensaje y salir.\n\n"
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
    words = " ".join(out.split())  # the golden below has the layout, each typer's own
    assert words.startswith("Uso: endorse gaps [OPCIONES] [ARCHIVO] Lo que falta: lo que se "
                            "cumple, lo que falta, qué hacer después y cuándo. Argumentos: "
                            "ARCHIVO")
    assert ("Archivo del portafolio. Predeterminado: $ENDORSE_PORTFOLIO, luego "
            "./portfolio.toml. Opciones:") in words
    assert ("-f, --format <text|json|markdown|ics> Formato de salida; ics: las fechas "
            "importantes, para un calendario. [predeterminado: text]") in words
    assert "[variable de entorno: ENDORSE_RULES]" in words
    assert "-h, --help Mostrar este mensaje y salir. Ejemplos:" in words
    assert words.endswith("endorse gaps portfolio.toml --format ics > endorse.ics")
    golden("help-gaps.es.txt", out)


def test_the_sections_are_listed_with_the_language_s_or() -> None:
    out = run("add", "--help", "--lang", "es")[1]
    assert ("education, work, training, supervision, reference, exam, license o endorsement. "
            "[obligatorio]") in " ".join(out.split())
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
    assert err == ("Uso: endorse gaps [OPCIONES] [ARCHIVO]\n"
                   "Pruebe 'endorse gaps -h' para ver la ayuda.\n\n"
                   "Error: No existe la opción: --bogus\n")
    code, out, err = run("gaps", "--bogus")
    assert (code, out) == (2, "")
    assert err == ("Usage: endorse gaps [OPTIONS] [FILE]\n"
                   "Try 'endorse gaps -h' for help.\n\n"
                   "Error: No such option: --bogus\n")


@pytest.mark.parametrize(("args", "spanish"), [
    (["nosuch"], "Uso: endorse [OPCIONES] COMANDO [ARGUMENTOS]...\n"
                 "Pruebe 'endorse -h' para ver la ayuda.\n\n"
                 "Error: No existe el comando 'nosuch'.\n"),
    (["chek"], "Uso: endorse [OPCIONES] COMANDO [ARGUMENTOS]...\n"
               "Pruebe 'endorse -h' para ver la ayuda.\n\n"
               "Error: No existe el comando 'chek'. ¿Quiso decir 'check', 'schema'?\n"),
    (["check"], "Uso: endorse check [OPCIONES] {RUTA...}\n"
                "Pruebe 'endorse check -h' para ver la ayuda.\n\n"
                "Error: Falta el argumento 'RUTA...'.\n"),
    (["gaps", "-f", "xml"], "Uso: endorse gaps [OPCIONES] [ARCHIVO]\n"
                            "Pruebe 'endorse gaps -h' para ver la ayuda.\n\n"
                            "Error: Valor no válido para '--format' / '-f': 'xml' no es "
                            "uno de estos: 'text', 'json', 'markdown', 'ics'.\n"),
    (["assess", "-f", "ics"], "Uso: endorse assess [OPCIONES] [ARCHIVO]\n"
                              "Pruebe 'endorse assess -h' para ver la ayuda.\n\n"
                              "Error: Valor no válido para '--format' / '-f': 'ics' no es "
                              "uno de estos: 'text', 'json', 'markdown'.\n"),
    (["check", "x", "--jobs", "0"], "Uso: endorse check [OPCIONES] {RUTA...}\n"
                                    "Pruebe 'endorse check -h' para ver la ayuda.\n\n"
                                    "Error: Valor no válido para '--jobs' / '-j': '0' es menor "
                                    "que 1\n"),
    (["check", "x", "--time-limit", "abc"], "Uso: endorse check [OPCIONES] {RUTA...}\n"
                                            "Pruebe 'endorse check -h' para ver la ayuda.\n\n"
                                            "Error: Valor no válido para '--time-limit': "
                                            "'abc' no es un número\n"),
    (["gaps", "--lan", "es"], "Uso: endorse gaps [OPCIONES] [ARCHIVO]\n"
                              "Pruebe 'endorse gaps -h' para ver la ayuda.\n\n"
                              "Error: No existe la opción: --lan (opciones posibles: --lang)\n"),
    (["gaps", "--as-of"], "Error: La opción '--as-of' necesita un valor.\n"),
])
def test_usage_errors_in_spanish_from_the_locale(args, spanish) -> None:
    code, out, err = run(*args, env={"LANG": "es_MX.UTF-8"})
    assert (code, out, err) == (2, "", spanish)
    assert run(*args)[2] != spanish


def test_typer_s_own_words_come_through_gettext_s_default_domain() -> None:
    """The headings and "[default: ...]" are typer's, looked up with the standard library's
    gettext: bound to endorse's catalog of them only while a Spanish command runs."""
    import gettext
    import os

    from endorse_cli.i18n import TYPER_DOMAIN, language, typer_words

    was = os.environ.get("LANGUAGE")
    with typer_words(language("es")):
        assert gettext.gettext("Options") == "Opciones"
        assert gettext.gettext("default: {default}") == "predeterminado: {default}"
        assert gettext.dgettext(TYPER_DOMAIN, "Missing command.") == "Falta el comando."
    assert os.environ.get("LANGUAGE") == was
    with typer_words(i18n.ENGLISH):
        assert gettext.gettext("Options") == "Options"
    assert os.environ.get("LANGUAGE") == was


def test_the_typer_catalog_has_every_word_the_installed_typer_looks_up() -> None:
    """A typer that looks up a new word fails here until messages.po says it in Spanish."""
    import typer
    from babel.messages.extract import extract_from_dir
    from babel.messages.pofile import read_po

    folder = Path(typer.__file__).parent
    looked_up = {m[2] for m in extract_from_dir(str(folder), [("**.py", "python")])
                 if isinstance(m[2], str)}
    with (ROOT / "src/endorse_cli/locale/es/LC_MESSAGES/messages.po").open("rb") as file:
        catalog = {m.id: m.string for m in read_po(file) if m.id}
    assert sorted(looked_up - set(catalog)) == []
    assert [k for k, v in catalog.items() if not v] == []


def test_no_module_of_typer_has_its_lookup_replaced() -> None:
    import gettext
    import sys

    run("gaps", "--bogus", "--lang", "es")
    run("gaps", "--help", "--lang", "es")
    replaced = [name for name, module in list(sys.modules.items())
                if name.partition(".")[0] in ("typer", "click")
                and "_" in vars(module) and vars(module)["_"] is not gettext.gettext
                and callable(vars(module)["_"])
                and getattr(vars(module)["_"], "__module__", "") == "endorse_cli.i18n"]
    assert replaced == []


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
    assert ("(* obligatoria. FECHA: 2024-03-15, 15/3/2024 o un mes, mayo de 2016; el "
            "--completed de un título también 2016. HORAS: 1,5, 1:30, 6 horas o 90 min; más de 0 "
            "y como máximo 10.000") in out
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
