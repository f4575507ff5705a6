"""A Spanish reader meets no English sentence: the checklist, `validate`, `rules`, every
`--help` and the questionnaire's questions, read as a small detector of English words reads
them. What is excepted is what is not the tool's words: the names a person typed (every
string of the portfolio), credential ids, option names and values, commands in backticks,
file names, addresses, and the titles of the pages a rules pack follows (quoted: «...»).
The questionnaire in a real terminal is read by the same detector in
tests/test_interview_spanish.py."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest
from conftest import AS_OF, EXAMPLES, ROOT
from typer.testing import CliRunner

from endorse_cli.cli import app

#: Words that are English and never Spanish: one of them in a Spanish screen is English left.
ENGLISH = {"the", "and", "of", "to", "your", "you", "is", "are", "it", "its", "this", "that",
           "with", "for", "from", "which", "when", "will", "has", "have", "be", "been", "was",
           "not", "there", "another", "missing", "file", "files", "hours", "hour", "date",
           "training", "required", "default", "options", "show", "usage", "try",
           "such", "invalid", "value", "must", "should", "every", "each", "none", "what",
           "than", "more", "less", "still", "only", "put", "name", "run", "warning", "valid",
           "yes", "met", "unmet", "sources", "checked", "applies", "yearly", "renewal", "use",
           "credentials", "rules", "command", "commands", "arguments", "months", "month",
           "days", "day", "years", "year", "soonest", "clock", "stopped", "saved", "entry",
           "entries", "write", "judge", "output", "format", "portfolio", "portfolios",
           "folder", "certificate", "certificates", "outside", "outside", "again", "copy",
           "pace", "assumed", "needed", "needs", "next", "step", "steps", "due", "by", "at"}
#: Tokens that are not words of a sentence.
NOT_WORDS = re.compile(
    r"https?://\S+"            # addresses
    r"|`[^`]*`"                # commands
    r"|«[^»]*»"                # the title of a page a pack follows
    r"|--?[\w-]+"              # option names
    r"|[\w-]+(?:\|[\w-]*)+"     # the values an option takes: not-taken|scheduled
    r"|[\w.-]+/"                # folders: certificates/
    r"|<[^>]*>|\{[^}]*\}"      # option values: <text|json|markdown>, {RUTA...}
    r"|\S+\.(?:toml|pdf|html|csv|json|md|zip|ics)\b"  # file names
    r"|\$\w+|\b[A-Z][A-Z_]+\b")  # variables


def _typed(path: Path) -> set[str]:
    """Every word of every string the portfolio holds: what the applicant typed."""
    words: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            words.update(w.lower() for w in re.findall(r"[^\W\d_]+", value))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(tomllib.loads(path.read_text(encoding="utf-8")))
    return words


def english(screen: str, typed: set[str] = frozenset()) -> list[str]:
    """The lines of ``screen`` with an English word that is not one of ``typed``."""
    found = []
    screen = re.sub(r"`[^`]*`", lambda m: " " * len(m[0].replace("\n", "")) + "\n" * m[0].count(
        "\n"), screen)  # a command may be cut across lines
    for line in screen.splitlines():
        plain = NOT_WORDS.sub(" ", line)
        words = {w.lower() for w in re.findall(r"[^\W\d_]+", plain)
                 if not (w.isupper() and len(w) > 1)}  # ids and variables: IMHS, ENDORSE_RULES
        if (words & ENGLISH) - typed:
            found.append(f"{sorted((words & ENGLISH) - typed)}: {line.strip()}")
    return found


def run(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--lang", "es"])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.stdout + result.stderr


def test_the_detector_sees_english_and_lets_names_and_commands_be() -> None:
    assert english("aviso: your 3rd training is missing") != []
    assert english("Uso: endorse gaps [OPCIONES] [file]") != []
    assert english("falta el archivo certs/missing.pdf; `endorse edit p.toml` --as-of") == []
    assert english("- «Updates for the Endorsement requirements» (sin fecha): https://x.org/a")\
        == []
    assert english("su capacitación n.º 3, Child Parent Learning",
                   typed={"child", "parent", "learning"}) == []


@pytest.fixture(autouse=True)
def _in_the_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.toml")), ids=lambda p: p.stem)
def test_the_checklist_and_timeline_in_spanish_have_no_english(example: Path) -> None:
    typed = _typed(example)
    for args in ([], ["--timeline"]):
        screen = run("gaps", str(example.relative_to(ROOT)), "--as-of", AS_OF, *args)
        assert english(screen, typed) == []


def test_validate_in_spanish_has_no_english(tmp_path: Path) -> None:
    """A certificate missing and one outside the portfolio's folder: both said in Spanish."""
    path = tmp_path / "clinician.toml"
    text = (EXAMPLES / "clinician.toml").read_text(encoding="utf-8")
    certificates = re.findall(r'certificate = "([^"]+)"', text)
    assert certificates
    text = text.replace(certificates[0], "certs/missing.pdf", 1)
    text += ('\n[[training]]\ntitle = "Reflective practice seminar"\ndate = 2025-01-10\n'
             'hours = 2\ncertificate = "../elsewhere.pdf"\n')
    path.write_text(text, encoding="utf-8")
    (tmp_path.parent / "elsewhere.pdf").write_bytes(b"%PDF-1.4\n")
    screen = run("validate", str(path))
    assert "certs/missing.pdf" in screen and "../elsewhere.pdf" in screen
    assert "su capacitación n.º" in screen
    assert english(screen, _typed(path)) == []
    shutil.rmtree(tmp_path, ignore_errors=True)


def test_rules_in_spanish_has_no_english() -> None:
    screen = run("rules")
    assert "fuentes:" in screen and "(sin fecha)" in screen
    assert english(screen) == []


COMMANDS = ["", "assess", "gaps", "credentials", "renew", "rules", "check", "validate",
            "schema", "bundle", "report", "init", "interview", "edit", "add"]
#: The values an option takes, shown in the help as they are typed (`--focus promotion`),
#: and the ids of the sections and areas `add` takes, which are typed as they are.
TYPED_IN_HELP = {"text", "json", "markdown", "table", "jsonl", "csv", "junit", "invalid",
                 "unmet", "warning", "never", "education", "work", "training", "supervision",
                 "reference", "exam", "license", "endorsement", "promotion", "prevention",
                 "clinical", "leadership", "applicant", "target", "communicating", "thinking",
                 "reflection", "administration", "theoretical", "foundations", "law",
                 "regulation", "policy", "systems", "expertise", "direct", "service", "skills",
                 "working", "with", "others", "portfolio", "pyproject", "infant", "mental",
                 "health", "endorsement", *COMMANDS}


@pytest.mark.parametrize("command", COMMANDS)
def test_every_help_page_in_spanish_has_no_english(command: str) -> None:
    screen = run(*filter(None, [command]), "--help")
    assert screen.startswith("Uso: endorse")
    assert english(screen, TYPED_IN_HELP) == []


def test_usage_errors_in_spanish_have_no_english() -> None:
    for args in (["gaps", "--bogus"], ["chek"], ["check"], ["gaps", "-f", "xml"],
                 ["check", "x", "--jobs", "0"], ["gaps", "--as-of"], ["schema", "x"]):
        assert english(run(*args), TYPED_IN_HELP) == [], args


def test_the_questionnaire_s_questions_in_spanish_have_no_english() -> None:
    """Every question, its explanation and its choices, as the questionnaire asks them."""
    from endorse_cli.i18n import language
    from endorse_cli.interview.fields import SECTIONS

    spanish = language("es")
    lines = []
    for fields in SECTIONS.values():
        for field in fields:
            for text in (field.prompt, field.help, field.skip):
                if text:
                    lines.append(spanish.gettext(text))
    assert len(lines) > 40
    assert english("\n".join(lines)) == []


def _descriptions(node: object) -> list[str]:
    """Every description of a schema (not a property named ``description``)."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                found.append(value)
            else:
                found += _descriptions(value)
    elif isinstance(node, list):
        for value in node:
            found += _descriptions(value)
    return found


def test_the_schema_says_every_description_in_spanish_and_nothing_else_changes() -> None:
    import json

    from endorse_cli.model.schema import DESCRIPTIONS, portfolio_schema

    original = portfolio_schema()
    assert sorted(set(_descriptions(original))) == sorted(DESCRIPTIONS)  # each one marked
    spanish = json.loads(CliRunner().invoke(app, ["schema", "--lang", "es"]).stdout)
    said = _descriptions(spanish)
    assert len(said) == len(_descriptions(original)) and not set(said) & set(DESCRIPTIONS)
    assert english("\n".join(said)) == []

    def plain(node: object) -> object:
        if isinstance(node, dict):
            return {k: plain(v) for k, v in node.items()
                    if not (k == "description" and isinstance(v, str))}
        return [plain(v) for v in node] if isinstance(node, list) else node

    assert plain(spanish) == plain(original)


def test_init_writes_the_schema_in_the_applicant_s_language(tmp_path: Path) -> None:
    import json

    result = CliRunner().invoke(app, ["init", str(tmp_path / "p.toml"), "--name", "Ana López",
                                      "--no-input", "--lang", "es"])
    assert result.exit_code == 0, result.stderr
    schema = json.loads((tmp_path / "portfolio.schema.json").read_text(encoding="utf-8"))
    assert schema["description"] == ("El portafolio de Infant Mental Health Endorsement® de "
                                     "una persona solicitante.")


def test_add_takes_the_areas_by_their_spanish_names() -> None:
    from endorse_cli.i18n import language
    from endorse_cli.interview.adding import area_ids

    spanish = language("es")
    assert area_ids("Reflexión, trabajo con otras personas", spanish) == (
        "reflection,working-with-others")
    assert area_ids("pensamiento comunicacion thinking", spanish) == (
        "thinking,communicating,thinking")
    assert area_ids("trabajo-con-otras-personas", spanish) == "working-with-others"
    assert area_ids("reflexon", spanish) == "reflexon"  # refused later, with a guess
