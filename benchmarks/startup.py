"""Start-up: whole `endorse assess|gaps FILE --format json` processes against `import typer`.

Goal: each at most 1.3 times the time of `python -c "import typer"`, measured in the same run.

    python benchmarks/startup.py [--runs 40] [FILE]

Run it with the python of a virtualenv where endorse was installed with `pip install .` (a
wheel: it carries the shipped rules' snapshots, which an editable install has not) and
bytecode could be written. The commands run in turn, so that a busy machine slows them
alike; the figures are the medians of wall-clock time for the whole process.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOAL = 1.3


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?",
                        default=str(HERE.parent / "examples" / "home-visitor.toml"))
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()

    endorse = shutil.which("endorse", path=str(Path(sys.executable).parent)) or "endorse"
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("note: PYTHONDONTWRITEBYTECODE is set; modules not compiled at install time are "
              "compiled again on every run", file=sys.stderr)
    runs = {"typer": [sys.executable, "-c", "import typer"]}
    for command in ("assess", "gaps"):
        runs[command] = [endorse, command, args.file, "--format", "json", "--as-of", "2026-11-21"]
    for argv in runs.values():  # warm the file cache and the bytecode
        timed(argv)
    samples: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.runs):
        for name, argv in runs.items():
            samples[name].append(timed(argv))
    med = {k: statistics.median(v) for k, v in samples.items()}
    print(f"python -c 'import typer'            median {med['typer'] * 1000:6.1f} ms")
    for command in ("assess", "gaps"):
        ratio = med[command] / med["typer"]
        print(f"endorse {command:6} FILE --format json   median {med[command] * 1000:6.1f} ms   "
              f"ratio {ratio:.2f} (goal <= {GOAL}): " + ("met" if ratio <= GOAL else "NOT met"))
    print(f"over {args.runs} runs each, in turn")
    return 0


if __name__ == "__main__":
    sys.exit(main())
