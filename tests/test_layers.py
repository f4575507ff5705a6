"""The packages import in one direction only: a lower layer never imports a higher one.

    model <- engine, io, errors <- render <- api <- presentation (interview, bundle, report)
    <- app <- cli

``engine`` (judging) and ``io`` (files) stand side by side on ``model``: neither imports the
other. ``errors`` (the exception family) stands beside them: ``io`` raises its errors, and
``model``, the floor, imports nothing of it (the exit codes are a type, in ``model.exits``). ``render`` puts results into words and formats (text, Markdown, JSON, CSV); the
library's face, ``api``, hands out results already in words, so it stands on ``render``; the
questionnaire, the bundle and the cohort report stand on ``api``. Every import counts, those inside functions too (they are how a command loads only
what it needs, and they are still a dependency).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "src" / "endorse_cli"

#: Each module's layer, by the first part of its name under endorse_cli.
LAYERS = {
    "": 0, "model": 0,  # the package itself only holds its version
    "engine": 1, "io": 1, "errors": 1,
    "render": 2, "i18n": 2,
    "api": 3,
    "interview": 4, "bundle": 4, "report": 4,
    "app": 5,
    "cli": 6, "launch": 6, "__main__": 6,
}
#: Side by side: on the same layer, but neither may import the other.
APART = {frozenset({"engine", "io"})}

#: Imports that break the rule today, each with the reason it is allowed for now. An entry
#: here that no longer happens fails the test, so the list only ever shrinks.
KNOWN: set[tuple[str, str]] = set()


def module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported(path: Path, package: Path = PACKAGE) -> set[str]:
    """Every endorse_cli module ``path`` imports, anywhere in it, as an absolute name."""
    name = module_name(path, package)
    home = name if path.name == "__init__.py" else name.rpartition(".")[0]

    def is_module(dotted: str) -> bool:
        file = package.parent.joinpath(*dotted.split("."))
        return file.is_dir() or file.with_suffix(".py").exists()

    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = home.split(".")[: len(home.split(".")) - node.level + 1]
                start = ".".join(base + ([node.module] if node.module else []))
            else:
                start = node.module or ""
            found.add(start)
            # `from . import x` and `from .app import context` name modules too
            found.update(f"{start}.{alias.name}" for alias in node.names
                         if is_module(f"{start}.{alias.name}"))
    return {m for m in found if m == "endorse_cli" or m.startswith("endorse_cli.")}


def part(module: str) -> str:
    """The first part of a module's name under endorse_cli: its package, or itself."""
    return module.split(".")[1] if module.count(".") else ""


def layer(module: str) -> int:
    return LAYERS[part(module)]


def breaches(package: Path = PACKAGE) -> set[tuple[str, str]]:
    found = set()
    for path in sorted(package.rglob("*.py")):
        importer = module_name(path, package)
        for target in imported(path, package):
            apart = frozenset({part(importer), part(target)}) in APART
            if layer(target) > layer(importer) or apart:
                found.add((importer, target))
    return found


def test_every_module_has_a_layer() -> None:
    unplaced = {module_name(p) for p in PACKAGE.rglob("*.py") if part(module_name(p)) not in LAYERS}
    assert unplaced == set()


def test_no_layer_imports_a_higher_one() -> None:
    assert breaches() - KNOWN == set()


def test_the_known_exceptions_still_happen() -> None:
    """An exception that was mended leaves the list, so that it cannot come back unseen."""
    assert KNOWN - breaches() == set()


@pytest.mark.parametrize(("source", "importer", "expected"), [
    ("from ..app.context import Application\n", "engine/x.py", "endorse_cli.app.context"),
    ("def f():\n    from ...cli import app\n", "render/sub/y.py", "endorse_cli.cli"),
    ("import endorse_cli.api\n", "model/z.py", "endorse_cli.api"),
    ("from . import text\n", "render/__init__.py", "endorse_cli.render"),
])
def test_the_parser_sees_every_kind_of_import(tmp_path, source, importer, expected) -> None:
    """The check would pass vacuously if it missed relative or function-level imports."""
    fake = tmp_path / "endorse_cli"
    path = fake / importer
    path.parent.mkdir(parents=True)
    path.write_text(source, encoding="utf-8")
    assert expected in imported(path, fake)


def test_a_breach_is_found(tmp_path) -> None:
    fake = tmp_path / "endorse_cli"
    (fake / "engine").mkdir(parents=True)
    (fake / "engine" / "judge.py").write_text(
        "def judge():\n    from ..io.rules_file import load_rules\n", encoding="utf-8")
    (fake / "api.py").write_text("from .cli import app\n", encoding="utf-8")
    assert breaches(fake) == {("endorse_cli.engine.judge", "endorse_cli.io.rules_file"),
                          ("endorse_cli.api", "endorse_cli.cli")}


def test_the_model_importing_errors_is_a_breach(tmp_path) -> None:
    """``model`` is the floor: the exception family stands on it, never under it."""
    fake = tmp_path / "endorse_cli"
    (fake / "model").mkdir(parents=True)
    (fake / "model" / "failon.py").write_text("from ..errors import ExitCode\n", encoding="utf-8")
    (fake / "errors.py").write_text("from .model.message import Message\n", encoding="utf-8")
    assert breaches(fake) == {("endorse_cli.model.failon", "endorse_cli.errors")}
