"""Wheel build steps: the default rules also as JSON, and the compiled message catalogs.

data/credentials.toml stays the one source; the wheel carries a JSON copy of it beside it,
made here at build time, and the loader takes that copy when it is there (three times
faster). Each translation's src/endorse_cli/locale/<language>/LC_MESSAGES/endorse.po is
compiled here to the endorse.mo gettext loads, by endorse's own stdlib-only writer
(src/endorse_cli/po.py), so that building needs nothing more than hatchling.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _load(path: Path):  # noqa: ANN202
    """A module of the source tree, loaded alone (the package's dependencies may be absent)."""
    spec = importlib.util.spec_from_file_location("endorse_po", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class RulesSnapshot(BuildHookInterface):
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        source = Path(self.root) / "data" / "credentials.toml"
        self._tmp = Path(tempfile.mkdtemp(prefix="endorse-build-"))
        snapshot = self._tmp / "credentials.json"
        rules = tomllib.loads(source.read_text(encoding="utf-8"))
        snapshot.write_text(json.dumps(rules, ensure_ascii=False), encoding="utf-8")
        build_data["force_include"][str(snapshot)] = "endorse_cli/data/credentials.json"

        po = _load(Path(self.root) / "src" / "endorse_cli" / "po.py")
        locale = Path(self.root) / "src" / "endorse_cli" / "locale"
        for source in sorted(locale.glob("*/LC_MESSAGES/*.po")):
            relative = source.relative_to(locale).with_suffix(".mo")
            built = self._tmp / "locale" / relative
            built.parent.mkdir(parents=True, exist_ok=True)
            built.write_bytes(po.compile_po(source.read_text(encoding="utf-8")))
            build_data["force_include"][str(built)] = f"endorse_cli/locale/{relative.as_posix()}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
