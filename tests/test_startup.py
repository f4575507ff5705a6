"""The judging commands start without the modules only other commands need."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import AS_OF, EXAMPLES

HEAVY = ("questionary", "jinja2", "tomlkit", "prompt_toolkit", "pydantic")

PROBE = """
import json, sys
from endorse_cli.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


@pytest.mark.parametrize("fmt", ["json", "text", "markdown"])
@pytest.mark.parametrize("command", ["assess", "gaps"])
def test_judging_imports_no_heavy_module(command: str, fmt: str) -> None:
    run = subprocess.run(
        [sys.executable, "-c", PROBE, command, str(EXAMPLES / "clinician.toml"),
         "--as-of", AS_OF, "--format", fmt],
        capture_output=True, text=True, check=False,
    )
    modules = json.loads(run.stderr.strip().splitlines()[-1])
    assert "endorse_cli.engine" in modules  # the probe did judge
    loaded = sorted({m.split(".")[0] for m in modules} & set(HEAVY))
    assert loaded == []


def test_json_output_does_not_load_rich() -> None:
    run = subprocess.run(
        [sys.executable, "-c", PROBE, "assess", str(EXAMPLES / "clinician.toml"),
         "--as-of", AS_OF, "--format", "json"],
        capture_output=True, text=True, check=False,
    )
    modules = json.loads(run.stderr.strip().splitlines()[-1])
    assert not [m for m in modules if m == "rich" or m.startswith("rich.")]
