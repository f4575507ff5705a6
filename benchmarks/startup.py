"""Start-up: the whole `endorse assess FILE --format json` process against `import typer`.

Goal: at most 1.3 times the time of `python -c "import typer"`, measured in the same run.

    python benchmarks/startup.py [--runs 40] [FILE]

Both commands run alternately, so that a busy machine slows both alike; the figures are
the medians of wall-clock time for the whole process.
"""

from __future__ import annotations

import argparse
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
    parser.add_argument("file", nargs="?", default=str(HERE.parent / "examples" / "clinician.toml"))
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()

    endorse = shutil.which("endorse", path=str(Path(sys.executable).parent)) or "endorse"
    ours = [endorse, "assess", args.file, "--format", "json", "--as-of", "2026-11-21"]
    base = [sys.executable, "-c", "import typer"]
    for argv in (ours, base):  # warm the file cache and the bytecode
        timed(argv)
    samples: dict[str, list[float]] = {"endorse": [], "typer": []}
    for _ in range(args.runs):
        samples["endorse"].append(timed(ours))
        samples["typer"].append(timed(base))
    med = {k: statistics.median(v) for k, v in samples.items()}
    ratio = med["endorse"] / med["typer"]
    print(f"python -c 'import typer'            median {med['typer'] * 1000:6.1f} ms")
    print(f"endorse assess FILE --format json   median {med['endorse'] * 1000:6.1f} ms")
    print(f"ratio {ratio:.2f} (goal <= {GOAL}) over {args.runs} runs each: "
          + ("met" if ratio <= GOAL else "NOT met"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
