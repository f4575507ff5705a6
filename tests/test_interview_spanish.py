"""The questionnaire in Spanish, in a real terminal: every word on the screen is Spanish but
the names the applicant typed, mistakes are refused in Spanish and asked again, and Ctrl-C
says in Spanish what was saved and what had been typed."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys

import pytest

from endorse_cli.i18n import language
from endorse_cli.io.portfolio_file import read_portfolio

SPANISH = language("es")

pexpect = pytest.importorskip("pexpect")

#: Words that would only be on the screen if something were left in English.
ENGLISH = {"the", "and", "of", "to", "your", "you", "is", "it", "add", "another", "saved",
           "optional", "yes", "done", "description", "arrow", "keys", "selections",
           "stopped", "fix", "entry", "entries", "which", "date", "hours", "training", "note",
           "toward", "requirements", "met", "first", "last", "day", "job", "title", "degree",
           "write", "not", "allowed", "must", "more", "than", "at", "most", "go", "on", "run",
           "leave", "empty", "clock", "who", "gave", "name", "full", "email", "field", "work",
           "about", "education", "history", "target", "recommended", "for", "in", "with",
           "space", "tick", "when", "typed", "again", "area", "areas", "competency"}
#: What the applicant types: names, not the tool's words.
TYPED = {"ana", "lópez", "ana@example.org", "visitadora", "domiciliaria", "familias",
         "fuertes", "apego", "desarrollo", "infantil", "unam", "medio"}
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]")


def spawn(*args: str, log) -> "pexpect.spawn":
    env = {k: v for k, v in os.environ.items()
           if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update(LANG="es_US.UTF-8", TERM="xterm", NO_COLOR="1", COLUMNS="100", LINES="30")
    child = pexpect.spawn(sys.executable, ["-m", "endorse_cli", *args], env=env,
                          encoding="utf-8", timeout=20, dimensions=(30, 100))
    child.logfile_read = log
    return child


def english_words(screen: str) -> set[str]:
    text = ANSI.sub(" ", screen)
    text = re.sub(r"`[^`]*`", " ", text)  # commands and file names
    words = {w.lower() for w in re.findall(r"[^\W\d_][\w@.'-]*", text)}
    return (words & ENGLISH) - TYPED


def test_a_spanish_speaker_starts_a_portfolio_with_mistakes_then_stops(tmp_path) -> None:
    import io

    path = tmp_path / "p.toml"
    screen = io.StringIO()
    child = spawn("init", str(path), log=screen)
    try:
        child.expect("Su nombre completo")
        child.send("Ana López\r")
        child.expect("Su correo electrónico")
        child.send("ana@\r")
        child.expect("eso no parece un correo electrónico")
        child.expect("Su correo electrónico")  # asked again, under the reason
        child.send("\x15ana@example.org\r")
        child.expect(r"¿En qué campo trabaja\?")
        child.send("\x1b[B\x1b[B")
        child.expect("Explicación: IFS Especialista en Infancia y Familia")
        child.send("\r")
        child.expect(r"¿Qué credencial solicita\?")
        child.send("\x1b[B\x1b[B\r")
        child.expect(r"¿Seguir ahora con la entrevista\?")
        child.expect(r"\(S/n\)")
        child.send("s\r")
        child.expect(r"¿Agregar un título\?")
        child.expect(r"\(S/n\)")
        child.send("s\r")
        child.expect("Título o credencial")
        child.send("\x1b[B\x1b[B\r")
        child.expect("Área de estudio")
        child.send("Desarrollo infantil\r")
        child.expect("Institución que lo otorgó")
        child.send("UNAM\r")
        child.expect("Fecha en que se otorgó")
        child.send("mayo de 2016\r")
        child.expect("Guardado: Licenciatura en Desarrollo infantil, 31 de mayo de 2016")
        child.expect(r"¿Agregar otro título\?")
        child.expect(r"\(s/N\)")
        child.send("n\r")
        child.expect(r"Hacia IFS, su meta: 1 de 6 requisitos cumplidos")
        child.expect(r"¿Agregar un empleo\?")
        child.send("s\r")
        for prompt, answer in (("Puesto", "Visitadora domiciliaria"),
                               ("Organización", "Familias Fuertes")):
            child.expect(prompt)
            child.send(answer + "\r")
        child.expect("Primer día")
        child.send("3/15/2020\r")  # month first: refused, the day comes first in Spanish
        child.expect(r"3/15/2020 no es una fecha real \(día/mes/año\)")
        child.expect("Primer día")  # asked again, under the reason
        child.send("\x1515/3/2020\r")
        child.expect("Último día")
        child.send("\r")
        child.expect(r"¿Es un trabajo con bebés")
        child.send("\r")
        child.expect("Horas semanales")
        child.send("200\r")
        child.expect("200 no se admite: el valor de «horas semanales» debe ser más de 0 y "
                     "como máximo 168")
        child.expect("Horas semanales")  # asked again, under the reason
        child.send("\x1537,5\r")
        child.expect("Número de familias")
        child.send("\r")
        child.expect("Nombre de su supervisor/a")
        child.send("\r")
        child.expect(r"Áreas de competencia en las que este trabajo le dio experiencia")
        child.send(" \x1b[B \r")
        child.expect(r"listo \(2 elegidas\)")
        child.expect(r"Guardado: Visitadora domiciliaria, Familias Fuertes \(del 15 de marzo de "
                     r"2020 al presente\)")
        child.expect(r"¿Agregar otro empleo\?")
        child.send("n\r")
        child.expect(r"¿Agregar una capacitación\?")
        child.send("s\r")
        child.expect("Nombre del curso, taller o sesión")
        child.send("Apego 101\r")
        child.expect("Quién la dio")
        child.send("Medio escri")
        child.sendcontrol("c")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 130
    said = " ".join(ANSI.sub(" ", screen.getvalue()).split())
    assert (f"detenido: se guardaron 2 entradas en {path} esta vez; la que estaba escribiendo "
            f"no. Lo que había escrito, para escribirlo de nuevo: Nombre del curso, taller o "
            f"sesión: Apego 101; Quién la dio: Medio escri cómo resolverlo: ejecute `endorse "
            f"interview {path}` para seguir") in said
    assert english_words(screen.getvalue()) == set()
    portfolio = read_portfolio(path).value
    assert portfolio.applicant.name == "Ana López" and portfolio.applicant.target == "IFS"
    assert portfolio.education[0].completed == dt.date(2016, 5, 31)
    job = portfolio.work[0]
    assert (job.start, job.hours_per_week) == (dt.date(2020, 3, 15), 37.5)
    header = path.read_text(encoding="utf-8").splitlines()[1:3]
    assert header == [
        f"# Portafolio de Endorsement® de Ana López, comenzado el {SPANISH.day(dt.date.today())}.",
        "# Agregue datos con `endorse interview` o edítelo a mano: los comentarios se conservan."]


def test_the_english_words_check_would_see_english() -> None:
    assert english_words("? Add another job? (y/N)") == {"add", "another", "job"}
    assert english_words("? ¿Agregar otro empleo? (s/N) `endorse add training`") == set()


def test_a_yes_or_no_question_takes_only_a_clear_answer(tmp_path) -> None:
    """The questionnaire's yes-or-no questions are read as `import`'s: ``no sé`` (which ends
    in the key for yes) and ``quizás`` are asked again, ``sí`` in full is yes, Enter the
    default."""
    import io
    import shutil

    from conftest import EXAMPLES

    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "home-visitor.toml", path)
    before = path.read_bytes()
    screen = io.StringIO()
    child = spawn("interview", str(path), "--section", "training", log=screen)
    try:
        child.expect(r"¿Agregar otra capacitación\?")
        child.send("no sé\r")
        child.expect("'no sé' no es ni sí ni no; escriba s o n")
        child.send("quizás\r")
        child.expect("'quizás' no es ni sí ni no; escriba s o n")
        child.send("Sí\r")
        child.expect("Nombre del curso")  # a clear yes, in full, goes on
        child.sendcontrol("c")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert path.read_bytes() == before
