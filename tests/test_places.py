"""A mistake in a portfolio is named as a person names it: the entry by its section's word,
its number from 1, its title and date, and the key by its label; never ``training[0]`` or
the file's ``[[training]]`` syntax. Scripts keep the key path (JSON's ``where``)."""

from __future__ import annotations

import json
import re

import pytest
from conftest import EXAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

HEAD = 'format = 1\n[applicant]\nname = "Ana"\n'
TWO_TRAININGS = (HEAD + '[[training]]\ntitle = "Attachment 101"\ndate = 2024-03-15\nhours = 3\n'
                 '[[training]]\ntitle = "Reflective practice"\ndate = 2024-05-01\n'
                 'hours = "lots"\n')
NO_PROVIDER = HEAD + "[[supervision]]\ndate = 2025-03-15\nhours = 1\n"
MISSPELT = HEAD + '[[work]]\ntitle = "Home visitor"\nstart = 2020-01-01\nhours_per_weak = 3\n'
SLIP = 'format = 1\n[applicant\nname = "Ana"\n'

#: (name, file, what `gaps` says after "error: FILE" in English, and in Spanish)
BROKEN = [
    ("wrong type in the 2nd training", TWO_TRAININGS,
     ', line 11: your 2nd training (Reflective practice, 2024-05-01), Hours: expected a number, '
     'found "lots"\n'
     "  fix: write a number with no quotes, e.g. `hours = 1.5`\n",
     ', línea 11: su capacitación n.º 2 (Reflective practice, 1 de mayo de 2024), Horas: se '
     'esperaba un número, pero dice "lots"\n'
     "  cómo resolverlo: escriba un número sin comillas; por ejemplo, `hours = 1.5`\n"),
    ("a required key missing in the 1st RS/C session", NO_PROVIDER,
     ", line 4: your 1st RS/C session (2025-03-15): Provider is missing; it is required\n"
     '  fix: add `provider = "..."` to this entry\n',
     ", línea 4: su sesión de RS/C n.º 1 (15 de marzo de 2025): falta Proveedor; es "
     "obligatorio\n"
     '  cómo resolverlo: agregue `provider = "..."` a esta entrada\n'),
    ("an unknown key", MISSPELT,
     ", line 7: your 1st job (Home visitor, 2020-01-01): unknown key `hours_per_weak`; did you "
     "mean `hours_per_week`?\n"
     "  fix: rename it to `hours_per_week`, or move it under an [extra] table to keep it as a "
     "note\n",
     ", línea 7: su empleo n.º 1 (Home visitor, 1 de enero de 2020): clave desconocida "
     "`hours_per_weak`; ¿quiso decir `hours_per_week`?\n"
     "  cómo resolverlo: cámbiele el nombre a `hours_per_week`, o muévala a una tabla [extra] "
     "para guardarla como nota\n"),
    ("a TOML slip", SLIP,
     ", line 2: the heading on this line is not closed with ']'\n"
     "  fix: end the heading with ']', as the other headings of the file end\n",
     ", línea 2: el encabezado de esta línea no se cierra con ']'\n"
     "  cómo resolverlo: cierre el encabezado con ']', como terminan los otros encabezados del "
     "archivo\n"),
    ("an empty file", "",
     ": the file is empty\n  fix: start it with `endorse init {path}`\n",
     ": el archivo está vacío\n  cómo resolverlo: empiécelo con `endorse init {path}`\n"),
]


@pytest.mark.parametrize(("text", "english", "spanish"), [b[1:] for b in BROKEN],
                         ids=[b[0] for b in BROKEN])
def test_a_broken_file_is_named_in_words(cli, write, text: str, english: str,
                                         spanish: str) -> None:
    path = write(text)
    for lang, said in (("en", english), ("es", spanish)):
        run = cli("gaps", str(path), "--lang", lang)
        assert (run.code, run.out, run.err) == (1, "", f"error: {path}{said.format(path=path)}")


def test_validate_says_the_same_in_its_table(cli, write, monkeypatch) -> None:
    path = write(TWO_TRAININGS)
    monkeypatch.chdir(path.parent)
    run = cli("validate", "portfolio.toml", "--lang", "es")
    assert ("línea 11: su capacitación n.º 2 (Reflective practice, 1 de mayo de 2024), Horas: "
            'se esperaba un número, pero dice "lots"') in run.out
    run = cli("validate", "portfolio.toml")
    assert ("line 11: your 2nd training (Reflective practice, 2024-05-01), Hours: expected a "
            'number, found "lots"') in run.out


def test_scripts_keep_the_key_path(cli, write, monkeypatch) -> None:
    path = write(TWO_TRAININGS)
    monkeypatch.chdir(path.parent)
    data = json.loads(cli("validate", "portfolio.toml", "--format", "json").out)
    assert data["results"][0]["error"] == {
        "message": 'expected a number, found "lots"', "line": 11, "where": "training[1].hours",
        "fix": "write a number with no quotes, e.g. `hours = 1.5`"}
    csv = cli("validate", "portfolio.toml", "--format", "csv").out
    assert 'line 11: training[1].hours: expected a number, found ""lots""' in csv


# -- no message people read names an entry by its key path ------------------------------------

#: What people must never read: a 0-based key path, or the file's syntax for an entry.
MACHINE = re.compile(r"\b(training|supervision|work|reference|education)\[\d+\]|\[\[")

SAMPLE = (EXAMPLES / "home-visitor.toml").read_text(encoding="utf-8")
LINES = SAMPLE.splitlines()


def _mutate(line: str, how: int) -> str:
    """One slip a person makes on a line: a value of the wrong kind, a misspelt key, a
    header left open, a key with no value, a stray word."""
    key, sep, _ = line.partition("=")
    if how == 0 and sep:
        return f'{key}= "lots"'
    if how == 1 and sep:
        return f"{key.strip()}x = 1"
    if how == 2 and sep:
        return f"{key}= -3"
    if how == 3 and sep:
        return f"{key}="
    if how == 4 and line.startswith("["):
        return line.rstrip("]")
    if how == 5 and sep:
        return f"{key}= true"
    if how == 6:
        return ""  # a line deleted: a required key missing, perhaps
    return line + " oops"


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, len(LINES) - 1), st.integers(0, 7)), min_size=1,
                max_size=2),
       st.sampled_from(["en", "es"]))
def test_no_message_people_read_names_a_key_path(cli, tmp_path, slips, lang) -> None:
    lines = list(LINES)
    for number, how in slips:
        lines[number] = _mutate(lines[number], how)
    path = tmp_path / "portfolio.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for command in ("gaps", "check", "validate"):
        run = cli(command, str(path), "--lang", lang, "--as-of", "2026-11-21") \
            if command != "validate" else cli(command, str(path), "--lang", lang)
        said = run.out + run.err
        assert not MACHINE.search(said), (command, said)
