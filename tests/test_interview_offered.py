"""The questionnaire in a real terminal: what was answered last time is offered, never taken
by Enter; a list starts on the last answer; a month alone is taken for a date and said; a
refused answer is said right under its question."""

from __future__ import annotations

import io
import os
import re
import shutil
import sys

import pytest
from conftest import EXAMPLES

from endorse_cli.io.portfolio_file import read_portfolio

pexpect = pytest.importorskip("pexpect")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]")


def spawn(*args: str, log: io.StringIO) -> "pexpect.spawn":
    env = {k: v for k, v in os.environ.items()
           if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(TERM="xterm", NO_COLOR="1", COLUMNS="100", LINES="30")
    child = pexpect.spawn(sys.executable, ["-m", "endorse_cli", *args], env=env,
                          encoding="utf-8", timeout=20, dimensions=(30, 100))
    child.logfile_read = log
    return child


def test_an_rsc_session_with_enter_on_every_optional_question(tmp_path) -> None:
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "home-visitor.toml", path)  # last session: Ana Lopez, group
    screen = io.StringIO()
    child = spawn("interview", str(path), "--section", "rsc", log=screen)
    try:
        child.expect(r"Add another RS/C session\?")
        child.send("y\r")
        child.expect("Date of the session")
        child.send("March 2026\r")
        # a month alone is taken, and the day it stands for is said right under it
        child.expect(r"March 2026 is saved as 2026-03-31, the last day of that month")
        child.expect("Clock hours")
        child.send("1\r")
        child.expect(r"Who gave the reflective supervision/consultation \(Tab for Ana Lopez\):")
        child.send("\r")  # Enter on nothing: not taken, and said under the question
        child.expect(r"Not taken: an answer is needed here; Tab types Ana Lopez")
        # said as a line of its own under the answered question, then the question is asked
        # again below it (a toolbar on the terminal's last row would not ask again)
        child.expect(r"Who gave the reflective supervision/consultation \(Tab for Ana Lopez\):")
        child.send("\t\r")  # Tab types the last provider; Enter takes it
        child.expect(r"Individual or group\?")
        child.expect(r"» (?:\x1b\[[0-9;]*m)*Group")  # the list starts on the answer given last
        child.send("\r")
        child.expect("The provider's Endorsement")
        child.send("\r")
        child.expect("Notes")
        child.send("\r")
        child.expect(r"Add another RS/C session\?")
        child.send("n\r")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    last = read_portfolio(path).value.supervision[-1]
    assert (last.date.isoformat(), last.hours, last.provider, last.format,
            last.provider_credential, last.notes) == (
        "2026-03-31", 1, "Ana Lopez", "group", None, None)


def test_enter_on_an_optional_provider_leaves_it_out(tmp_path) -> None:
    """4 of 9 courses got a provider never typed: Enter now leaves it out."""
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    screen = io.StringIO()
    child = spawn("interview", str(path), "--section", "training", log=screen)
    try:
        child.expect(r"Add another training\?")
        child.send("y\r")
        child.expect("Name of the course")
        child.send("Solo Study\r")
        child.expect(r"Who gave it \(optional\) \(Tab for State Association for Infant Mental "
                     r"Health\):")
        child.send("\r")
        child.expect("Date completed")
        child.send("3/2026\r")
        child.expect(r"3/2026 is saved as 2026-03-31")
        child.expect("Clock hours")
        child.send("2\r")
        child.expect("Was it specialized training")
        child.send("\r")
        child.expect("Competency areas it covered")
        child.send(" \r")
        child.expect("Certificate file")
        child.send("\r")
        child.expect(r"Add another training\?")
        child.send("n\r")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    last = read_portfolio(path).value.training[-1]
    assert (last.title, last.provider, last.date.isoformat()) == ("Solo Study", None,
                                                                  "2026-03-31")


def _sessions(path, count: int) -> None:
    text = 'format = 1\n\n[applicant]\nname = "Maria Nurse"\n'
    for i in range(count):
        text += (f'\n[[supervision]]\ndate = 2025-{i % 12 + 1:02d}-05\nhours = 1\n'
                 'provider = "Dr. Ana Ortiz"\n')
    path.write_text(text, encoding="utf-8")


def test_edit_provider_asks_her_endorsement_once_and_sets_it_on_all(tmp_path) -> None:
    path = tmp_path / "p.toml"
    _sessions(path, 12)
    screen = io.StringIO()
    child = spawn("edit", str(path), "--provider", "Dr. Ana Ortiz", log=screen)
    try:
        child.expect(r"The provider's Endorsement")
        child.send("IMHS\r")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    assert "12 RS/C sessions with Dr. Ana Ortiz" in " ".join(screen.getvalue().split())
    assert [s.provider_credential for s in read_portfolio(path).value.supervision] == \
        ["IMHS"] * 12
    # Enter on nothing changes nothing
    child = spawn("edit", str(path), "--provider", "Dr. Ana Ortiz", log=io.StringIO())
    try:
        child.expect(r"The provider's Endorsement")
        child.send("\r")
        child.expect("nothing changed in")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert [s.provider_credential for s in read_portfolio(path).value.supervision] == \
        ["IMHS"] * 12


def test_the_menus_offer_one_session_or_all_of_the_providers(tmp_path) -> None:
    path = tmp_path / "p.toml"
    _sessions(path, 3)
    child = spawn("edit", str(path), log=io.StringIO())
    down = "\x1b[B"
    try:
        child.expect(r"What do you want to change\?")
        child.send(down + "\r")  # the RS/C sessions
        child.expect(r"Which one\?")
        child.send("\r")
        child.expect(r"Which part\?")
        child.send(down * 4 + "\r")  # the provider's Endorsement
        child.expect(r"The provider's Endorsement")
        child.send("IMHM-C\r")
        child.expect(r"Set it on this session alone, or on every session with Dr\. Ana Ortiz\?")
        child.send(down + "\r")
        child.expect(r"Saved on 3 RS/C sessions")
        child.expect(r"What do you want to change\?")
        child.sendcontrol("c")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert [s.provider_credential for s in read_portfolio(path).value.supervision] == \
        ["IMHM-C"] * 3
