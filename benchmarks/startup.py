"""Start-up: whole `endorse assess|gaps FILE` processes against `import typer`.

Goals, against `python -c "import typer"` measured in the same run: `assess` and `gaps` with
`--format json` at most 1.3 times its time (and `assess --format json` at most 1.3 times its
instructions), `gaps` with text output (for people) at most 1.5 times.

    python benchmarks/startup.py [--runs 40] [--instructions] [FILE]

Run it with the python of a virtualenv where endorse was installed with `pip install .` (a
wheel: it carries the shipped rules' snapshots, which an editable install has not) and
bytecode could be written. The commands run in turn, so that a busy machine slows them
alike; the figures are the medians of wall-clock time for the whole process. Their output goes
to a pipe or /dev/null, as a script's would: no colour, so `gaps` writes its text without
loading rich (render/plain.py).
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
GOALS = {"assess": 1.3, "gaps": 1.3, "gaps (text)": 1.5}


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def instructions(argv: list[str]) -> int:
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                          *argv], capture_output=True, text=True, check=True)
    return int(next(line for line in run.stderr.splitlines() if "Collected" in line).split()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?",
                        default=str(HERE.parent / "examples" / "home-visitor.toml"))
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--instructions", action="store_true",
                        help="also count each command's instructions with valgrind")
    args = parser.parse_args()

    endorse = shutil.which("endorse", path=str(Path(sys.executable).parent)) or "endorse"
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("note: PYTHONDONTWRITEBYTECODE is set; modules not compiled at install time are "
              "compiled again on every run", file=sys.stderr)
    runs = {"typer": [sys.executable, "-c", "import typer"]}
    for command in ("assess", "gaps"):
        runs[command] = [endorse, command, args.file, "--format", "json", "--as-of", "2026-11-21"]
    runs["gaps (text)"] = [endorse, "gaps", args.file, "--as-of", "2026-11-21"]
    for argv in runs.values():  # warm the file cache and the bytecode
        timed(argv)
    samples: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.runs):
        for name, argv in runs.items():
            samples[name].append(timed(argv))
    med = {k: statistics.median(v) for k, v in samples.items()}
    print(f"python -c 'import typer'                 median {med['typer'] * 1000:6.1f} ms")
    for name, goal in GOALS.items():
        ratio = med[name] / med["typer"]
        shown = f"endorse {name} FILE" + ("" if "text" in name else " --format json")
        print(f"{shown:40} median {med[name] * 1000:6.1f} ms   ratio {ratio:.2f} "
              f"(goal <= {goal}): " + ("met" if ratio <= goal else "NOT met"))
    print(f"over {args.runs} runs each, in turn")
    if args.instructions:
        counts = {name: instructions(argv) for name, argv in runs.items()}
        for name, goal in GOALS.items():
            print(f"instructions: {name:12} {counts[name] / 1e6:6.0f} million, "
                  f"{counts[name] / counts['typer']:.2f} times import typer's "
                  f"({counts['typer'] / 1e6:.0f} million)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
