"""Batch speed and memory: `endorse check --format jsonl` against check-jsonschema.

    pip install check-jsonschema        # the tool compared with (the test extras have it)
    python benchmarks/batch.py [--count 10000] [--memory-count 100000] [--jobs N]

Writes --count synthetic portfolios (benchmarks/synthetic.py: about 3 jobs, 15 trainings, 40
RS/C sessions and 4 references each) to a temporary folder, then times, in the same run,
`endorse check --format jsonl` (the full judgement) and `check-jsonschema` validating the same
files against schema/portfolio.schema.json (the format only). With --memory-count it also
judges that many files and reports the peak memory of the largest process.

Goals, on 2 cores: at least 2,000 portfolios a second on 10,000 files; faster than
check-jsonschema; under 200 MB at the peak for 100,000 files.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from synthetic import write  # noqa: E402

# Runs a command and reports the peak resident memory of the largest process it started.
MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


def measure(argv: list[str]) -> tuple[float, float, int]:
    """(seconds, peak MB of the largest process, exit code) of running ``argv``."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *argv], capture_output=True,
                         text=True, check=True).stdout.split()
    return float(out[0]), int(out[1]) / 1024, int(out[2])


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        sys.exit(f"{name} is not installed here: pip install {'.' if name == 'endorse' else name}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--memory-count", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--skip-jsonschema", action="store_true")
    args = parser.parse_args()
    endorse = tool("endorse")
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    schema = HERE.parent / "schema" / "portfolio.schema.json"
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")

    with tempfile.TemporaryDirectory(prefix="endorse-bench-") as tmp:
        folder = Path(tmp) / "portfolios"
        files = write(folder, args.count)
        seconds, peak, code = measure([endorse, "check", str(folder), "--format", "jsonl", *jobs])
        assert code == 0, code
        print(f"endorse check --format jsonl   {args.count} files  {seconds:6.2f} s  "
              f"{args.count / seconds:7.0f} portfolios/s  peak {peak:5.0f} MB")
        if not args.skip_jsonschema:
            checker = tool("check-jsonschema")
            seconds_js, peak_js, code = measure([checker, "--schemafile", str(schema),
                                                 *map(str, files)])
            assert code == 0, code
            print(f"check-jsonschema              {args.count} files  {seconds_js:6.2f} s  "
                  f"{args.count / seconds_js:7.0f} portfolios/s  peak {peak_js:5.0f} MB")
            print(f"endorse is {seconds_js / seconds:.1f} times as fast")
        shutil.rmtree(folder)

        if args.memory_count:
            folder = Path(tmp) / "many"
            write(folder, args.memory_count)
            seconds, peak, code = measure([endorse, "check", str(folder), "--format", "jsonl", *jobs])
            assert code == 0, code
            print(f"endorse check --format jsonl   {args.memory_count} files  {seconds:6.2f} s  "
                  f"{args.memory_count / seconds:7.0f} portfolios/s  peak {peak:5.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
