from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from endorse_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"
AS_OF = "2026-11-21"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite tests/golden/* from the current output")


@pytest.fixture(autouse=True)
def _pinned_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test sees the same plain 80-column terminal and no portfolio from the environment."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", "40")
    monkeypatch.delenv("ENDORSE_PORTFOLIO", raising=False)
    monkeypatch.delenv("ENDORSE_RULES", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    # --color and --quiet as no command has set them, whatever a test before ran
    monkeypatch.setattr("endorse_cli.render.terminal.CHOICES", {"colour": "auto", "quiet": False})
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):  # English unless asked
        monkeypatch.delenv(variable, raising=False)


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def cli() -> Callable[..., Run]:
    """Run `endorse ARGS...` in-process, with stdout and stderr apart."""
    runner = CliRunner()

    def run(*args: str) -> Run:
        result = runner.invoke(app, list(args))
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write a portfolio (dedented TOML) into a fresh folder and return its path."""

    def _write(text: str, name: str = "portfolio.toml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with tests/golden/NAME; `pytest --update-goldens` rewrites the files."""
    update = request.config.getoption("--update-goldens")

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.write_text(text, encoding="utf-8")
        assert path.exists(), f"no golden file {path.name}: run pytest --update-goldens"
        assert text == path.read_text(encoding="utf-8")

    return check


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
