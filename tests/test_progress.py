"""The batch progress bar: on a terminal stderr, with the count, the rate and the time left in
the reader's language; never over rows printed to the same terminal, never through a pipe,
never on TERM=dumb or with --quiet."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES

from endorse_cli.i18n import language
from endorse_cli.render.progress import SHOW_FROM, Progress, left_words, rate_words

SPANISH = language("es")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run(progress: Progress, total: int) -> None:
    for _ in range(total):
        progress.step()
    progress.done()


def test_a_bar_with_count_rate_and_time_left_then_wiped(monkeypatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    err = Tty()
    _run(Progress(err, SHOW_FROM, quiet_for=io.StringIO()), SHOW_FROM)
    text = ANSI.sub("", err.getvalue())
    assert f"{SHOW_FROM}/{SHOW_FROM}" in text
    assert re.search(r"\d+ files a second 0:00 left", text)
    assert err.getvalue().endswith("\x1b[2K")  # the last thing it does: clear its line
    assert "\x1b[38;" not in err.getvalue()  # NO_COLOR (set for every test): no colour


def test_in_spanish() -> None:
    assert rate_words(12.4, SPANISH) == "12 archivos por segundo"
    assert rate_words(1.04, SPANISH) == "1 archivo por segundo"
    assert rate_words(2.54, SPANISH) == "2,5 archivos por segundo"
    assert left_words(65, SPANISH) == "faltan 1:05"
    assert left_words(3725, SPANISH) == "faltan 1:02:05"
    assert rate_words(None, SPANISH) == left_words(None, SPANISH) == ""


@pytest.mark.parametrize("case", ["rows to the same terminal", "piped", "few", "dumb",
                                  "quiet"])
def test_silent(case, monkeypatch) -> None:
    monkeypatch.setenv("TERM", "dumb" if case == "dumb" else "xterm")
    monkeypatch.setenv("FORCE_COLOR", "1")  # colour, even through a pipe, but never a bar
    if case == "quiet":
        monkeypatch.setitem(__import__("endorse_cli.render.terminal", fromlist=["x"]).CHOICES,
                            "quiet", True)
    err = io.StringIO() if case == "piped" else Tty()
    out = Tty() if case == "rows to the same terminal" else io.StringIO()
    total = SHOW_FROM - 1 if case == "few" else SHOW_FROM
    progress = Progress(err, total, quiet_for=out)
    _run(progress, total)
    assert not progress.shown
    assert err.getvalue() == ""


def test_a_stopped_batch_wipes_its_bar_before_the_message(tmp_path, monkeypatch) -> None:
    from endorse_cli.app import batch as checks
    from endorse_cli.app.check import check
    from endorse_cli.app.context import Application
    from endorse_cli.render.terminal import Terminal

    monkeypatch.setenv("TERM", "xterm")
    for i in range(SHOW_FROM):
        shutil.copy(EXAMPLES / "clinician.toml", tmp_path / f"p{i:03d}.toml")
    real = checks.run

    def stopped_half_way(files, settings, jobs, reader_gone=None):
        for n, row in enumerate(real(files, settings, 1)):
            if n == SHOW_FROM // 2:
                raise KeyboardInterrupt
            yield row

    monkeypatch.setattr(checks, "run", stopped_half_way)
    err = Tty()
    with pytest.raises(KeyboardInterrupt):
        check(Application("check", as_of="2026-11-21", terminal=Terminal(io.StringIO(), err)),
              [str(tmp_path)], credential=None, fmt="csv", fail_on=None, jobs=1, exclude=[])
    text = ANSI.sub("", err.getvalue())
    assert f"{SHOW_FROM // 2}/{SHOW_FROM}" in text
    assert f"{SHOW_FROM // 2 + 1}/{SHOW_FROM}" not in text
    assert err.getvalue().endswith("\x1b[2K")


# -- on a real terminal ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cohort(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cohort")
    for i in range(SHOW_FROM + 50):
        shutil.copy(EXAMPLES / "home-visitor.toml", folder / f"p{i:03d}.toml")
    return folder


def _on_a_pty(args: list[str], **env: str) -> str:
    """What `endorse ARGS > rows.csv` shows on a real terminal (stderr is the terminal)."""
    pexpect = pytest.importorskip("pexpect")
    environ = {k: v for k, v in os.environ.items()
               if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR")}
    environ.update(TERM="xterm-256color", COLUMNS="100", **env)
    line = " ".join([sys.executable, "-m", "endorse_cli", *args]) + " > /dev/null"
    child = pexpect.spawn("/bin/sh", ["-c", line], env=environ, encoding="utf-8", timeout=60,
                          dimensions=(30, 100))
    child.expect(pexpect.EOF)
    return child.before


def test_a_long_check_on_a_terminal_in_spanish(cohort) -> None:
    total = SHOW_FROM + 50
    screen = _on_a_pty(["check", str(cohort), "--as-of", "2026-11-21", "-f", "csv", "-j", "1"],
                       LANG="es_US.UTF-8")
    plain = ANSI.sub("", screen)
    assert "Revisando" in plain and f"{total}/{total}" in plain
    assert re.search(r"\d+(,\d)? archivos por segundo faltan 0:00", plain)
    assert "\x1b[38;" in screen  # in colour: a terminal, and no NO_COLOR


def test_no_colour_on_the_terminal_with_no_color_and_nothing_through_a_pipe(cohort) -> None:
    screen = _on_a_pty(["validate", str(cohort), "-f", "csv", "-j", "1"], NO_COLOR="1")
    assert "files a second" in ANSI.sub("", screen)
    assert "\x1b[38;" not in screen and "\x1b[3" not in screen.replace("\x1b[38", "")
    piped = subprocess.run([sys.executable, "-m", "endorse_cli", "validate", str(cohort),
                            "-f", "csv"], capture_output=True, text=True, check=False,
                           env=dict(os.environ, FORCE_COLOR="1", TERM="xterm"))
    assert piped.returncode == 0 and piped.stderr == ""
