"""The shell's habits: `-` reads standard input, Tab completes what each option takes (through
the shell's own completion variables), the completion script for the shell named, --color and
the colour variables, --quiet, and examples at the end of every command's help."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import AS_OF, EXAMPLES

from endorse_cli.cli import app

ENDORSE = [sys.executable, "-m", "endorse_cli"]
HOME_VISITOR = EXAMPLES / "home-visitor.toml"


def endorse(*args: str, stdin: str | None = None, cwd: Path | None = None,
            **env: str) -> subprocess.CompletedProcess[str]:
    environ = dict(os.environ, **env)
    return subprocess.run([*ENDORSE, *args], input=stdin, capture_output=True, text=True,
                          env=environ, cwd=cwd, check=False,
                          stdin=None if stdin is not None else subprocess.DEVNULL)


# -- `-`: the portfolio from standard input ----------------------------------------------------

def test_gaps_and_assess_read_standard_input() -> None:
    text = HOME_VISITOR.read_text(encoding="utf-8")
    piped = endorse("gaps", "-", "--as-of", AS_OF, stdin=text)
    named = endorse("gaps", str(HOME_VISITOR), "--as-of", AS_OF)
    assert piped.returncode == 0, piped.stderr
    assert "Jordan Rivera (<stdin>), as of 2026-11-21" in piped.stdout
    # the same checklist, and its commands name no file that is not there (`-`)
    marks = [line for line in piped.stdout.splitlines() if line.startswith("[")]
    assert len(marks) == 6
    assert marks == [line for line in named.stdout.splitlines() if line.startswith("[")]
    assert "`endorse interview --section work`" in " ".join(piped.stdout.split())
    assert "endorse interview - " not in piped.stdout and "<stdin> --" not in piped.stdout
    assessed = endorse("assess", "-", "--as-of", AS_OF, "--format", "json", stdin=text)
    assert '"file": "<stdin>"' in assessed.stdout and '"id": "IFS"' in assessed.stdout


def test_check_and_validate_read_standard_input_beside_files() -> None:
    text = HOME_VISITOR.read_text(encoding="utf-8")
    checked = endorse("check", "-", str(EXAMPLES / "clinician.toml"), "--as-of", AS_OF,
                      "-f", "csv", stdin=text)
    assert checked.returncode == 0, checked.stderr
    rows = sorted(checked.stdout.splitlines()[1:])
    assert len(rows) == 2 and "Priya Natarajan" in rows[0]
    assert rows[1] == "<stdin>,Jordan Rivera,IFS,no,no,3,6,0,,,,no,"
    validated = endorse("validate", "-", "-f", "csv", stdin="format = 1\n[applicant]\n")
    assert validated.returncode == 1
    assert validated.stdout.splitlines()[1].startswith("<stdin>,")
    assert "line 2: applicant: Your full name is missing; it is required" in validated.stdout


def test_a_bad_portfolio_on_standard_input_is_named_and_an_empty_one_refused() -> None:
    bad = endorse("gaps", "-", stdin="format = 1\n[applicant]\nname = \n")
    assert bad.returncode == 1
    assert bad.stderr.startswith("error: <stdin>, line 3:")
    empty = endorse("assess", "-", stdin="")
    assert empty.returncode == 1 and "<stdin>: the file is empty" in empty.stderr


def test_a_dash_with_nothing_piped_in_does_not_wait(tmp_path) -> None:
    pexpect = pytest.importorskip("pexpect")
    child = pexpect.spawn(sys.executable, ["-m", "endorse_cli", "gaps", "-"], encoding="utf-8",
                          timeout=20, env=dict(os.environ, TERM="dumb"))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert "nothing is piped in" in child.before and "cat portfolio.toml |" in child.before


# -- Tab completion, as bash asks for it ---------------------------------------------------------

def complete(words: str, cwd: Path | None = None, **env: str) -> list[str]:
    """What bash's completion function gets for ``words`` (the last one being completed)."""
    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    run = endorse(cwd=cwd, _ENDORSE_COMPLETE="complete_bash", COMP_WORDS=words,
                  COMP_CWORD=str(cword), **env)
    assert run.returncode == 0, run.stderr
    return run.stdout.split()


def test_credentials_complete_from_the_rules_in_force() -> None:
    assert complete("endorse gaps --credential ") == ["IFA", "IFS", "IMHS", "IMHM"]
    assert complete("endorse check x --credential IM") == ["IMHS", "IMHM"]
    ecmh = complete("endorse gaps --rules ecmh-e-2025 --credential ")
    assert ecmh and all(c.startswith("ECMH") or c.startswith("ECF") for c in ecmh)
    assert complete("endorse report x --credential EC", ENDORSE_RULES="ecmh-e-2025") == [
        c for c in ecmh if c.startswith("EC")]


def test_rules_packs_formats_and_colours_complete() -> None:
    assert complete("endorse gaps --rules ", cwd=EXAMPLES.parent / "schema")[:2] == [
        "ecmh-e-2025", "imh-e-2025"]
    assert complete("endorse gaps --format ") == ["text", "json", "markdown", "ics"]
    assert complete("endorse renew -f i") == ["ics"]
    assert complete("endorse check x --format j") == ["json", "jsonl", "junit"]
    # --renewal writes its renewal rows, which junit does not: it is not offered
    assert complete("endorse check --renewal x --format j") == ["json", "jsonl"]
    assert complete("endorse check x --renewal -f ") == [
        "table", "json", "jsonl", "csv", "markdown", "xlsx"]
    assert complete("endorse validate x --color a") == ["auto", "always"]


def test_sections_complete_in_the_readers_language_too() -> None:
    english = ["education", "work", "training", "supervision", "reference", "exam"]
    assert complete("endorse interview --section ") == english
    spanish = complete("endorse interview --section ", LANG="es_US.UTF-8")
    assert spanish[:6] == english and "capacitación" in spanish and "estudios" in spanish
    assert complete("endorse --lang es interview --section ca") == ["capacitación"]


def test_capacitacion_is_accepted_where_a_section_is_typed() -> None:
    from endorse_cli.interview.fields import section_named

    spanish = __import__("endorse_cli.i18n", fromlist=["x"]).language("es")
    assert section_named("capacitación", spanish) == "training"
    assert section_named("Capacitacion", spanish) == "training"
    assert section_named("estudios", spanish) == "education"
    with pytest.raises(Exception, match="estudios"):
        section_named("estudios")  # English: not a section


def test_portfolios_come_first_among_files(tmp_path) -> None:
    (tmp_path / "ana.toml").write_text("", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("", encoding="utf-8")
    (tmp_path / "an old.pdf").write_text("", encoding="utf-8")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "b.toml").write_text("", encoding="utf-8")
    assert complete("endorse gaps ", cwd=tmp_path) == ["ana.toml", "archive/"]
    assert complete("endorse gaps a", cwd=tmp_path) == ["ana.toml", "archive/"]
    assert complete("endorse check archive/", cwd=tmp_path) == ["archive/b.toml"]
    # no portfolio there: nothing, so that bash offers every file (`complete -o default`)
    assert complete("endorse gaps n", cwd=tmp_path) == []


def test_the_bash_script_installed_completes_in_bash(tmp_path) -> None:
    """Install for bash by name, then let a real bash run the installed completion function."""
    if shutil_which("bash") is None:
        pytest.skip("no bash")
    home = tmp_path / "home"
    home.mkdir()
    installed = endorse("--install-completion", "bash", HOME=str(home), SHELL="/bin/zsh")
    assert installed.returncode == 0, installed.stderr
    script = home / ".bash_completions" / "endorse.sh"
    assert script.exists() and f"source '{script}'" in (home / ".bashrc").read_text()
    assert "bash completion installed in" in installed.stdout
    probe = (f"source '{script}'; COMP_WORDS=(endorse gaps --credential I); COMP_CWORD=3; "
             "_endorse_completion endorse; printf '%s\\n' \"${COMPREPLY[@]}\"")
    bin_dir = str(Path(sys.executable).parent)
    run = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, check=False,
                         env=dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}"))
    assert run.stdout.split() == ["IFA", "IFS", "IMHS", "IMHM"], run.stderr


def test_the_script_shown_is_the_named_shells() -> None:
    zsh = endorse("--show-completion", "zsh", SHELL="/bin/bash")
    assert zsh.returncode == 0 and "#compdef endorse" in zsh.stdout
    fish = endorse("--show-completion=fish")
    assert "complete --command endorse" in fish.stdout


def shutil_which(name: str) -> str | None:
    import shutil

    return shutil.which(name)


# -- colour and quiet ------------------------------------------------------------------------------

COLOUR = "\x1b["


def test_force_color_colours_through_a_pipe_and_no_color_wins() -> None:
    args = ("gaps", str(HOME_VISITOR), "--as-of", AS_OF)
    plain = endorse(*args, NO_COLOR="", TERM="xterm")
    assert COLOUR not in plain.stdout  # a pipe: plain
    forced = endorse(*args, NO_COLOR="", FORCE_COLOR="1", TERM="xterm")
    assert COLOUR in forced.stdout
    assert forced.stdout.count("\n") == plain.stdout.count("\n")  # 80 columns still
    assert COLOUR not in endorse(*args, NO_COLOR="1", FORCE_COLOR="1").stdout
    always = endorse(*args, "--color", "always", NO_COLOR="1")
    assert COLOUR in always.stdout
    assert COLOUR not in endorse("--color", "never", *args, NO_COLOR="", FORCE_COLOR="1").stdout
    error = endorse("gaps", "nothing-here.toml", "--color", "always", NO_COLOR="1")
    assert error.stderr.startswith("\x1b[1;31m")  # messages too


def test_term_dumb_is_plain_on_a_terminal() -> None:
    pexpect = pytest.importorskip("pexpect")
    for term, coloured in (("dumb", False), ("xterm", True)):
        env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
        env["TERM"] = term
        child = pexpect.spawn(sys.executable, ["-m", "endorse_cli", "gaps", str(HOME_VISITOR),
                                               "--as-of", AS_OF], env=env, encoding="utf-8",
                              timeout=20)
        child.expect(pexpect.EOF)
        assert (COLOUR in child.before) is coloured, term


def test_a_bad_color_value_is_a_usage_error(cli) -> None:
    run = cli("gaps", str(HOME_VISITOR), "--color", "sometimes")
    assert run.code == 2 and "'sometimes' is not one of auto, always, never" in run.err


def test_quiet_keeps_the_data_and_the_errors(cli) -> None:
    args = ("renew", str(EXAMPLES / "ifs-renewing.toml"), "--as-of", AS_OF)
    loud, quiet = cli(*args), cli(*args, "-q")
    assert loud.err.startswith("note: judged by the rules pack imh-e-2025")
    assert quiet.err == "" and quiet.out == loud.out
    assert cli("-q", *args).err == ""  # before the command too
    failed = cli("gaps", "nothing-here.toml", "--quiet")
    assert failed.code == 2 and failed.err.startswith("error: no portfolio file")


# -- examples in every help ----------------------------------------------------------------------

COMMANDS = ["assess", "gaps", "credentials", "renew", "rules", "check", "validate", "schema",
            "bundle", "report", "init", "interview", "edit", "add", "import", "template"]


def test_every_command_is_listed_here() -> None:
    from typer.main import get_command

    assert sorted(get_command(app).commands) == sorted(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_help_ends_with_real_examples(cli, command) -> None:
    from endorse_cli.app.shell import EXAMPLES as SHOWN

    run = cli(command, "--help")
    tail = run.out.rsplit("Examples:\n", 1)[1].splitlines()
    assert 1 <= len(SHOWN[command]) <= 2 and len(tail) == 2 * len(SHOWN[command])
    for (what, line), (said, typed) in zip(SHOWN[command], zip(tail[::2], tail[1::2])):
        assert said.strip() == f"{what}:" and typed.strip() == line
        assert line.split()[:2] in (["endorse", command], ["cat", "portfolio.toml"])
        assert f"| endorse {command} -" in line or line.startswith(f"endorse {command}")
    spanish = cli(command, "--help", "--lang", "es").out
    assert "Ejemplos:" in spanish and "Examples:" not in spanish


def test_the_examples_run(tmp_path) -> None:
    """The examples that read the shipped examples' kind of file run as shown."""
    import shutil

    shutil.copy(HOME_VISITOR, tmp_path / "portfolio.toml")
    for line in ("endorse gaps portfolio.toml --timeline",
                 "cat portfolio.toml | endorse assess - --format json",
                 "cat portfolio.toml | endorse validate -"):
        shell = line.replace("endorse ", f"{sys.executable} -m endorse_cli ", 1)
        run = subprocess.run(shell, shell=True, cwd=tmp_path, capture_output=True, text=True,
                             check=False)
        assert run.returncode == 0, (line, run.stderr)


def test_the_top_help_lists_exit_codes_and_the_language(cli) -> None:
    out = cli("--help").out
    codes = out.split("Exit codes:\n", 1)[1].split("\n\n", 1)[0]
    assert [line.split()[0] for line in codes.splitlines() if line[:5].strip()] == [
        "0", "1", "2", "3", "130", "143"]
    assert "--lang en or --lang es" in out.split("Language:\n", 1)[1]
    spanish = cli("--lang", "es", "--help").out
    assert "Códigos de salida:" in spanish and "Idioma:" in spanish


def test_the_questions_take_no_colour_with_color_never(tmp_path) -> None:
    pexpect = pytest.importorskip("pexpect")
    import re

    colour = re.compile(r"\x1b\[[0-9;]*3[0-9](;[0-9;]*)?m|\x1b\[38;")
    seen = {}
    for choice in ("auto", "never"):
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
        env.update(TERM="xterm-256color", COLUMNS="100", LINES="30")
        child = pexpect.spawn(sys.executable, ["-m", "endorse_cli", "init",
                                               str(tmp_path / f"{choice}.toml"), "--color",
                                               choice], env=env, encoding="utf-8", timeout=20,
                              dimensions=(30, 100))
        child.expect("full name")
        child.sendcontrol("c")
        child.expect(pexpect.EOF)
        seen[choice] = bool(colour.search(child.before or "") or colour.search(
            child.after if isinstance(child.after, str) else ""))
    assert seen == {"auto": True, "never": False}
