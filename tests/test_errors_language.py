"""Error messages in the reader's language: a portfolio with a mistake, a missing file, a wrong
--credential, a disk that refuses, in Spanish word for word, and English as it was."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest
from test_portfolio_errors import CASES

from endorse_cli.errors import ChangedOnDisk, EndorseError, PortfolioError, os_problem
from endorse_cli.i18n import ENGLISH, language
from endorse_cli.model.message import Joined, Message, N_, Nn_

SPANISH = language("es")
HEAD = 'format = 1\n[applicant]\nname = "Ana"\n'
WORK = HEAD + '[[work]]\ntitle = "Home Visitor"\nstart = 2020-01-01\n'
TRAINING = HEAD + '[[training]]\ntitle = "t"\nhours = 1\n'


# -- what an applicant meets, word for word -----------------------------------------------------

MISTAKES = [
    ("misspelt key", WORK + "hours_per_weak = 3\n",
     "línea 7: su empleo n.º 1 (Home Visitor, 1 de enero de 2020): clave desconocida `hours_per_weak`; ¿quiso decir "
     "`hours_per_week`?\n"
     "  cómo resolverlo: cámbiele el nombre a `hours_per_week`, o muévala a una tabla [extra] "
     "para guardarla como nota\n"),
    ("200 hours a week", WORK + "hours_per_week = 200\n",
     "línea 7: su empleo n.º 1 (Home Visitor, 1 de enero de 2020), Horas semanales: debe ser como máximo 168 (dice 200)\n"
     "  cómo resolverlo: escriba un número que sea como máximo 168\n"),
    ("month 13", TRAINING + "date = 2025-13-40\n",
     "línea 7: su capacitación n.º 1, Fecha: 2025-13-40 no es una fecha real\n"
     "  cómo resolverlo: revise el día y el mes\n"),
    ("hours in words", TRAINING.replace("hours = 1", 'hours = "twelve"') + "date = 2025-01-01\n",
     'línea 6: su capacitación n.º 1 (t, 1 de enero de 2025), Horas: se esperaba un número, pero dice "twelve"\n'
     "  cómo resolverlo: escriba un número sin comillas; por ejemplo, `hours = 1.5`\n"),
    ("misspelt degree", HEAD + '[[education]]\ndegree = "bachelor"\n',
     'línea 5: su título n.º 1, Título: "bachelor" no se permite aquí; ¿quiso decir "bachelors"?\n'
     "  cómo resolverlo: use uno de estos: cda, associate, bachelors, masters, doctorate, md\n"),
    ("an entry that ends before it starts", WORK + "end = 2019-06-30\n",
     "línea 7: su empleo n.º 1 (Home Visitor, 1 de enero de 2020), Fin: el final, 2019-06-30, es anterior al inicio, 2020-01-01\n"
     "  cómo resolverlo: intercambie las dos fechas, o corrija la que esté mal\n"),
]


@pytest.mark.parametrize(("text", "said"), [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_a_mistake_in_a_portfolio_is_told_in_spanish(cli, write, text: str, said: str) -> None:
    path = write(text)
    run = cli("gaps", str(path), "--lang", "es")
    assert (run.code, run.out, run.err) == (1, "", f"error: {path}, {said}")


def test_the_locale_is_enough(cli, write, monkeypatch) -> None:
    path = write(WORK + "hours_per_week = 200\n")
    monkeypatch.setenv("LANG", "es_US.UTF-8")
    run = cli("gaps", str(path))
    assert run.err == (f"error: {path}, " + MISTAKES[1][2])


def test_english_is_as_it_was(cli, write) -> None:
    path = write(WORK + "hours_per_week = 200\n")
    assert cli("gaps", str(path)).err == (
        f"error: {path}, line 7: your 1st job (Home Visitor, 2020-01-01), Hours a week: must be at most 168 (found 200)\n"
        "  fix: write a number at most 168\n")


def test_a_misspelt_credential_in_spanish(cli, monkeypatch) -> None:
    monkeypatch.setenv("LANG", "es_US.UTF-8")
    run = cli("gaps", "examples/home-visitor.toml", "--credential", "ifx")
    assert (run.code, run.err) == (2, "error: --credential 'ifx' no está en las reglas; "
                                      '¿quiso decir "IFS"?\n'
                                      "  cómo resolverlo: use uno de estos: IFA, IFS, IMHS, "
                                      "IMHM\n")
    far = cli("gaps", "examples/home-visitor.toml", "--credential", "zzz", "--lang", "es")
    assert far.err.startswith("error: --credential 'zzz' no está en las reglas\n")


def test_a_misspelt_target_in_spanish(cli, write) -> None:
    path = write('format = 1\n[applicant]\nname = "Ana"\ntarget = "IMSH"\n')
    run = cli("gaps", str(path), "--lang", "es")
    assert run.err == (f'error: {path}, línea 4: sus datos, Credencial que busca: "IMSH" no es una credencial '
                       'de estas reglas; ¿quiso decir "IMHS"?\n'
                       "  cómo resolverlo: use uno de estos: IFA, IFS, IMHS, IMHM\n")


def test_a_missing_file_in_spanish(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("gaps", "nope.toml", "--lang", "es")
    assert (run.code, run.err.splitlines()[0]) == (
        2, "error: no hay ningún archivo de portafolio 'nope.toml'")


def test_an_unreadable_toml_file_in_spanish(cli, write) -> None:
    path = write(HEAD + '[[training]]\ntitle = "t"\nhours = 12,5\n')
    assert cli("gaps", str(path), "--lang", "es").err == (
        f"error: {path}, línea 6: su capacitación n.º 1, Horas: 12,5 tiene una coma decimal\n"
        "  cómo resolverlo: escriba los decimales con punto; por ejemplo, `hours = 12.5`\n")


# -- TOML slips made by hand, in words -----------------------------------------------------------

#: The slips people make editing a portfolio by hand, and what they are told, in Spanish.
SLIPS = [
    ("closing quote missing", TRAINING + 'title = "Apego y vínculo temprano\ndate = 2025-01-01\n',
     "línea 7: su capacitación n.º 1, Título: falta la comilla de cierre\n"
     '  cómo resolverlo: agregue la comilla de cierre (") al final del texto\n'),
    ("closing quote missing at the end", TRAINING + 'title = "Apego y vínculo temprano',
     "línea 7: su capacitación n.º 1, Título: falta la comilla de cierre\n"
     '  cómo resolverlo: agregue la comilla de cierre (") al final del texto\n'),
    ("single quote missing", TRAINING + "title = 'Apego\ndate = 2025-01-01\n",
     "línea 7: su capacitación n.º 1, Título: falta la comilla de cierre\n"
     "  cómo resolverlo: agregue la comilla de cierre (') al final del texto\n"),
    ("no value", TRAINING + "title =\n",
     "línea 7: su capacitación n.º 1, Título: `title` no tiene ningún valor después del `=`\n"
     "  cómo resolverlo: escriba el valor después del `=`, o borre la línea\n"),
    ("no =", TRAINING + 'title "Apego"\n',
     "línea 7: a una clave le faltan el `=` y el valor\n"
     "  cómo resolverlo: escriba la clave, el `=` y el valor; por ejemplo, `hours = 3`. Una "
     "clave es una sola palabra, con _ en lugar de espacios\n"),
    ("a Windows path", TRAINING + 'certificate = "C:\\Users\\ana.pdf"\n',
     "línea 7: su capacitación n.º 1, Certificado: una barra invertida (\\) en el texto inicia un "
     "código que el archivo no conoce\n"
     "  cómo resolverlo: escriba cada barra invertida dos veces (\\\\), o ponga el texto "
     "entre comillas simples en lugar de comillas dobles\n"),
    ("two keys on a line", TRAINING + 'provider = "a" date = 2025-01-01\n',
     "línea 7: su capacitación n.º 1, Proveedor: se esperaba una línea nueva o el final "
     "del archivo después de una instrucción\n"
     "  cómo resolverlo: escriba cada `clave = valor` en su propia línea; después del valor "
     "solo puede ir una nota que empiece con #\n"),
    ("a list not closed", TRAINING + 'competencies = ["a", "b"\ndate = 2025-01-01\n',
     "línea 7: su capacitación n.º 1, Áreas de competencia: una lista no se cierra con ']'\n"
     "  cómo resolverlo: separe los elementos de la lista con comas y ciérrela con ']'\n"),
    ("a word for a number", TRAINING.replace("hours = 1", "hours = x"),
     "línea 6: su capacitación n.º 1, Horas: se esperaba un número, pero dice x\n"
     "  cómo resolverlo: escriba un número sin comillas; por ejemplo, `hours = 1.5`\n"),
    ("a list not closed at the end", TRAINING + 'competencies = ["a",\n',
     "línea 7: su capacitación n.º 1, Áreas de competencia: una lista no se cierra con ']'\n"
     "  cómo resolverlo: separe los elementos de la lista con comas y ciérrela con ']'\n"),
    ("a control character", TRAINING + 'title = "a\x01b"\n',
     "línea 7: su capacitación n.º 1, Título: la línea tiene un carácter de control invisible (\\x01)\n"
     "  cómo resolverlo: vuelva a escribir la línea: el texto pegado desde otro programa puede "
     "traer esos caracteres\n"),
]


@pytest.mark.parametrize(("text", "said"), [m[1:] for m in SLIPS], ids=[m[0] for m in SLIPS])
def test_a_toml_slip_is_told_in_spanish(cli, write, text: str, said: str) -> None:
    path = write(text)
    run = cli("gaps", str(path), "--lang", "es")
    assert (run.code, run.out, run.err) == (1, "", f"error: {path}, {said}")
    assert english_left(run.err, path) == set(), run.err


def test_a_closing_quote_missing_in_english(cli, write) -> None:
    path = write(TRAINING + 'title = "Attachment and early bonding\ndate = 2025-01-01\n')
    assert cli("gaps", str(path)).err == (
        f"error: {path}, line 7: your 1st training, Title: the quoted text is not closed\n"
        '  fix: add the closing quote (") at the end of the text\n')
    # Noticed only at the end of the file, a multi-line text is found where it opens.
    path = write(TRAINING + 'title = """Attachment\ndate = 2025-01-01\nhours = 3\n')
    assert cli("gaps", str(path)).err == (
        f"error: {path}, line 7: your 1st training, Title: the quoted text is not closed\n"
        '  fix: add the closing quote (""") at the end of the text\n')


# -- no English left ----------------------------------------------------------------------------

#: English words that a Spanish message never holds outside the hand-editor's part.
ENGLISH_WORDS = {"the", "is", "not", "of", "to", "with", "write", "must", "found", "expected",
                 "be", "or", "and", "in", "this", "file", "key", "allowed", "here", "did",
                 "you", "mean", "table", "number", "date", "line", "one", "an",
                 "text", "quotes", "check", "add", "missing", "empty", "least", "most"}


def english_left(message: str, path: Path) -> set[str]:
    """The English words of ``message`` once the file, the key path, what is in backticks,
    quotes or brackets (what the file itself says) and the list of choices are taken out."""
    text = message.replace(str(path), "")
    text = re.sub(r"^error: (, línea \d+)?: ([\w\[\].]+: )?", " ", text)
    text = re.sub(r"`[^`]*`|\"[^\"]*\"|\[\[?[^\]]*\]\]?|'[^']*'", " ", text)
    text = re.sub(r"(uno de estos|permitidas aquí son): [\w, -]+", " ", text)
    return {word for word in re.findall(r"[A-Za-z]+", text) if word.lower() in ENGLISH_WORDS}


@pytest.mark.parametrize(("text",), [c[1:2] for c in CASES], ids=[c[0] for c in CASES])
def test_no_english_is_left_in_spanish(cli, write, text: str) -> None:
    path = write(text)
    run = cli("assess", str(path), "--lang", "es")
    assert run.code == 1
    assert "cómo resolverlo: " in run.err
    assert english_left(run.err, path) == set(), run.err


# -- the disk, the file changed on disk ----------------------------------------------------------

def test_a_full_disk_in_spanish() -> None:
    refused = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/media/usb/bundle")
    problem = os_problem(refused, "write the bundle", "/media/usb")
    assert problem.shown(SPANISH) == (
        "/media/usb: no se puede escribir el paquete: no queda espacio en el disco "
        "(/media/usb/bundle)\n"
        "  cómo resolverlo: libere espacio en ese disco o escriba en otro lugar")
    assert problem.shown() == (
        "/media/usb: cannot write the bundle: No space left on device (/media/usb/bundle)\n"
        "  fix: free some space on that disk, or write somewhere else")


def test_a_read_only_disk_from_the_handler(cli, write, monkeypatch) -> None:
    path = write(HEAD)

    def refuse(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), "/mnt/ro")

    monkeypatch.setattr("endorse_cli.io.portfolio_file.read_portfolio", refuse)
    monkeypatch.setattr("endorse_cli.api.read_portfolio", refuse)  # judge_file reads with it
    run = cli("assess", str(path), "--lang", "es")
    assert (run.code, run.err) == (1, "error: /mnt/ro: el disco es de solo lectura\n"
                                      "  cómo resolverlo: ese disco es de solo lectura: escriba "
                                      "en otro lugar\n")


def test_a_file_changed_on_disk_in_spanish() -> None:
    changed = ChangedOnDisk(N_("{path} was changed on disk since it was read (in an editor?); "
                               "it was not overwritten"),
                            fix=N_("close the other window, then run the command again: it "
                                   "starts from the file as it is now"), path="p.toml")
    assert changed.shown(SPANISH) == (
        "p.toml cambió en el disco después de leerse (¿en un editor?); no se sobrescribió\n"
        "  cómo resolverlo: cierre la otra ventana y vuelva a ejecutar el comando: partirá del "
        "archivo tal como está ahora")
    assert changed.message.startswith("p.toml was changed on disk")


# -- messages said later --------------------------------------------------------------------------

def test_a_message_is_translated_then_filled() -> None:
    kind = Message(N_("a whole number"))
    said = Message(N_("expected {expected}, found {value}"), expected=kind, value='"3"')
    assert said.say() == 'expected a whole number, found "3"'
    assert said.say(ENGLISH) == said.say()
    assert said.say(SPANISH) == 'se esperaba un número entero, pero dice "3"'


def test_plural_and_numbers_follow_the_language() -> None:
    needs = Nn_("needs at least {n} item", "needs at least {n} items")
    assert [Message(needs, n=n).say(SPANISH) for n in (1, 2)] == [
        "necesita al menos 1 elemento", "necesita al menos 2 elementos"]
    assert Message("{size} MB", size=1.5).say(SPANISH) == "1,5 MB"
    assert Message("{size} MB", size=5.0).say() == "5 MB"


def test_a_sentence_already_made_is_shown_as_it_is() -> None:
    error = EndorseError("a value {with} braces", fix="keep {them}")
    assert error.shown(SPANISH) == "a value {with} braces\n  cómo resolverlo: keep {them}"
    assert (error.message, error.fix) == ("a value {with} braces", "keep {them}")


def test_values_fill_the_fix_too() -> None:
    error = PortfolioError(N_("format {version} does not exist"), file="p.toml", line=2,
                           where="format", fix=N_("write `format = {newest}`"), version=9,
                           newest=1)
    assert error.shown(SPANISH) == ("p.toml, línea 2: format: el formato 9 no existe\n"
                                    "  cómo resolverlo: escriba `format = 1`")
    assert str(error) == ("p.toml, line 2: format: format 9 does not exist\n"
                          "  fix: write `format = 1`")


def test_joined_values_are_each_said() -> None:
    files = Joined([Message(N_("{file}, line {line}"), file="a.pdf", line=3), "b.pdf"], "; ")
    assert Message("{files}", files=files).say(SPANISH) == "a.pdf, línea 3; b.pdf"


# -- the bundle -----------------------------------------------------------------------------------

def test_the_bundle_refuses_in_spanish(cli, write, tmp_path) -> None:
    path = write(HEAD + '[[training]]\ntitle = "t"\ndate = 2024-01-01\nhours = 1\n'
                 'certificate = "certs/a.pdf"\n[[training]]\ntitle = "u"\ndate = 2024-01-02\n'
                 'hours = 1\ncertificate = "/etc/passwd"\n')
    out = tmp_path / "out"
    run = cli("bundle", str(path), "--out", str(out), "--lang", "es")
    assert (run.code, run.err) == (1, f"error: {path}, línea 13: capacitación 2, u, "
                                      "2024-01-02: el certificado '/etc/passwd' es una ruta absoluta; solo se "
                                      "incluyen en el paquete los archivos que están dentro de "
                                      "la carpeta del portafolio\n"
                                      "  cómo resolverlo: ponga una copia del archivo (un archivo "
                                      "normal, no un enlace) en la carpeta del portafolio e "
                                      "indíquelo con una ruta relativa\n")
    path.write_text(path.read_text().replace("/etc/passwd", "certs/b.pdf"))
    run = cli("bundle", str(path), "--out", str(out), "--lang", "es")
    assert run.err == ("error: faltan archivos de certificados: certs/a.pdf "
                       "(capacitación 1, t, 2024-01-01; línea 8); certs/b.pdf "
                       "(capacitación 2, u, 2024-01-02; línea 13)\n"
                       "  cómo resolverlo: póngalos en su lugar, o agregue --allow-missing para "
                       "armar el paquete sin ellos\n")
    assert not out.exists()


# -- rules files, for those who edit them -------------------------------------------------------

def test_a_rules_file_with_a_mistake_in_spanish(cli, write, tmp_path) -> None:
    from conftest import ROOT

    rules = tmp_path / "rules.toml"
    text = (ROOT / "data" / "credentials.toml").read_text(encoding="utf-8")
    rules.write_text(text.replace('id = "IFS"', 'id = "IFA"', 1), encoding="utf-8")
    run = cli("gaps", str(write(HEAD)), "--rules", str(rules), "--lang", "es")
    assert run.code == 1
    assert run.err.startswith(f"error: {rules}, línea ")
    assert run.err.endswith(": la credencial n.º 2 (IFA), id: el identificador de credencial 'IFA' se usa dos "
                            "veces\n  cómo resolverlo: dé a cada credencial su propio "
                            "identificador\n")
    english = cli("gaps", str(write(HEAD)), "--rules", str(rules))
    assert english.err.endswith(": the 2nd credential (IFA), id: the credential id 'IFA' is used twice\n"
                                "  fix: give every credential its own id\n")


def test_a_rules_file_mistake_is_at_its_key_in_spanish(cli, write, tmp_path) -> None:
    """The key's own line and the entries in words, never the heading's line nor a 0-based
    path (``credential[1].requirement[5].hours``)."""
    from conftest import ROOT

    rules = tmp_path / "rules.toml"
    text = (ROOT / "data" / "credentials.toml").read_text(encoding="utf-8")
    lines = text.splitlines()
    at = lines.index("hours = 24") + 1
    rules.write_text(text.replace("\nhours = 24\n", "\nhours = inf\n", 1), encoding="utf-8")
    run = cli("gaps", str(write(HEAD)), "--rules", str(rules), "--lang", "es")
    assert run.err == (f"error: {rules}, línea {at}: la credencial n.º 2 (IFS), su requisito "
                       "n.º 6 (rsc), hours: debe ser como máximo 100000 (dice inf)\n"
                       "  cómo resolverlo: escriba un número que sea como máximo 100000\n")

