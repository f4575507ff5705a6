"""The README tells the truth: its sample outputs, commands, options and exit codes."""

from __future__ import annotations

import re
import shlex

import pytest
from conftest import ROOT

from endorse_cli.errors import ExitCode
from endorse_cli.model.rules import REQUIREMENT_KINDS

README = (ROOT / "README.md").read_text(encoding="utf-8")
SAMPLES = re.findall(r"```text\n\$ (endorse [^\n]+)\n(.*?)```", README, re.S)


@pytest.fixture(autouse=True)
def _at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize(("command", "shown"), SAMPLES, ids=[s[0] for s in SAMPLES])
def test_readme_samples_are_real_output(cli, command, shown) -> None:
    run = cli(*shlex.split(command)[1:])
    assert run.code == 0, run.err
    lines = shown.rstrip("\n").split("\n")
    if lines[-1] == "...":
        assert run.out.split("\n")[: len(lines) - 1] == lines[:-1]
    else:
        assert run.out.rstrip("\n") == shown.rstrip("\n")


def test_there_are_samples() -> None:
    assert len(SAMPLES) >= 2


def test_every_command_and_option_is_documented(cli) -> None:
    for command in ("init", "interview", "edit", "add", "assess", "gaps", "credentials",
                    "check", "validate", "schema"):
        assert f"`endorse {command}" in README
        text = cli(command, "--help").out
        own = text.split("Options:")[-1].split("Options of each section")[0]  # not add's fields
        for option in re.findall(r"(--[a-z-]+)", own):
            assert f"`{option}" in README, (command, option)


def test_every_exit_code_is_documented() -> None:
    table = README[README.index("## Exit codes"):]
    for code in ExitCode:
        assert f"| {int(code)} |" in table


def test_every_requirement_kind_is_documented() -> None:
    for kind in REQUIREMENT_KINDS:
        assert f"| `{kind}` |" in README


def test_every_red_flag_is_documented(cli) -> None:
    source = (ROOT / "src" / "endorse_cli" / "engine" / "redflags.py").read_text(encoding="utf-8")
    codes = set(re.findall(r'"([a-z]+(?:-[a-z]+)+)", f?"', source)) | {"later-date"}
    table = README[README.index("### Red flags"):]
    for code in codes:
        assert f"`{code}`" in table, code
