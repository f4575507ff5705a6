"""Wheel build steps: the shipped rules validated once, and the compiled message catalogs.

data/credentials.toml and the packs in data/packs/ stay the one source. Each is read and
validated here by endorse's own loader (which is why building needs msgspec), and the wheel
carries each result as a module endorse_cli/io/_rules_*.py (see model/rules.py,
"Snapshots"): the loader takes it for a shipped file that is byte for byte the one read
here, which spares every command working out the types of the whole rules schema.

Each catalog src/endorse_cli/locale/<language>/LC_MESSAGES/<domain>.po (endorse.po, endorse's
own sentences; messages.po, typer's words) is compiled here by Babel to the .mo gettext loads,
through endorse_cli.i18n.compile_po, the function a source checkout compiles them with.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def catalogs(root: Path) -> dict[str, bytes]:
    """Every catalog of the source tree compiled: {its .mo's path under locale/: bytes}."""
    src = str(root / "src")
    sys.path.insert(0, src)
    dont_write, sys.dont_write_bytecode = sys.dont_write_bytecode, True
    try:
        from endorse_cli.i18n import compile_po

        locale = root / "src" / "endorse_cli" / "locale"
        return {source.relative_to(locale).with_suffix(".mo").as_posix(): compile_po(source)
                for source in sorted(locale.glob("*/LC_MESSAGES/*.po"))}
    finally:
        sys.dont_write_bytecode = dont_write
        sys.path.remove(src)


def rules_snapshots(root: Path) -> dict[str, str]:
    """Every shipped rules file read and checked whole by endorse's own loader, as the
    module that makes it again (endorse_cli/io/_rules_*.py): {module's file name: source}."""
    src = str(root / "src")
    sys.path.insert(0, src)
    dont_write, sys.dont_write_bytecode = sys.dont_write_bytecode, True
    try:
        import endorse_cli
        from endorse_cli import __version__
        from endorse_cli.io.rules_file import load_rules, snapshot_module
        from endorse_cli.model.rules import snapshot_source

        if Path(endorse_cli.__file__).resolve().parent != root.resolve() / "src" / "endorse_cli":
            raise RuntimeError(f"endorse_cli is imported from {endorse_cli.__file__}, "
                               f"not from the tree being built ({src})")

        data = root / "data"
        modules = {}
        for path in [data / "credentials.toml", *sorted((data / "packs").glob("*.toml"))]:
            module = snapshot_module(path.relative_to(data).as_posix()) + ".py"
            if module in modules:
                raise ValueError(f"two rules files would share the snapshot {module}")
            modules[module] = snapshot_source(path.read_bytes(), load_rules(path).value,
                                              __version__)
        return modules
    finally:
        sys.dont_write_bytecode = dont_write
        sys.path.remove(src)


class RulesSnapshot(BuildHookInterface):
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        self._tmp = Path(tempfile.mkdtemp(prefix="endorse-build-"))
        for module, source in rules_snapshots(root).items():
            made = self._tmp / module
            made.write_text(source, encoding="utf-8")
            build_data["force_include"][str(made)] = f"endorse_cli/io/{module}"

        for relative, data in catalogs(root).items():
            built = self._tmp / "locale" / relative
            built.parent.mkdir(parents=True, exist_ok=True)
            built.write_bytes(data)
            build_data["force_include"][str(built)] = f"endorse_cli/locale/{relative}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
