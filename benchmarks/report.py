"""Cohort report speed and memory: `endorse report` against `endorse check --format jsonl`.

    python benchmarks/report.py [--count 10000] [--runs 3] [--memory-count 50000] [--jobs N]

Writes --count synthetic portfolios (benchmarks/synthetic.py) to a temporary folder, then
times, in the same run and taking turns, `endorse check FOLDER --format jsonl` (output thrown
away) and `endorse report FOLDER --out DIR` (which judges the same way, adds the rows up and
writes report.html, report.csv and report.json); each --runs times, the median kept. With
--memory-count it also reports both on that many files, to show how memory grows.

Goal: the report takes no more than 1.2 times as long as check, and its peak memory grows by
a small record a portfolio, never by a document.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from batch import measure, tool  # noqa: E402
from synthetic import write  # noqa: E402


def compare(endorse: str, folder: Path, out: Path, count: int, runs: int,
            jobs: list[str]) -> None:
    check_argv = [endorse, "check", str(folder), "--format", "jsonl", *jobs]
    report_argv = [endorse, "report", str(folder), "--out", str(out), *jobs]
    checks, reports = [], []
    for _ in range(runs):  # taking turns, so that both see the same machine
        seconds, peak, code = measure(check_argv)
        assert code == 0, code
        checks.append((seconds, peak))
        seconds, peak, code = measure(report_argv)
        assert code == 0, code
        reports.append((seconds, peak))
    check_s = statistics.median(s for s, _ in checks)
    report_s = statistics.median(s for s, _ in reports)
    check_mb = max(m for _, m in checks)
    report_mb = max(m for _, m in reports)
    print(f"endorse check --format jsonl  {count:7d} files  {check_s:6.2f} s  "
          f"{count / check_s:6.0f} portfolios/s  peak {check_mb:5.0f} MB")
    print(f"endorse report                {count:7d} files  {report_s:6.2f} s  "
          f"{count / report_s:6.0f} portfolios/s  peak {report_mb:5.0f} MB")
    sizes = ", ".join(f"{p.name} {p.stat().st_size / 1e6:.1f} MB" for p in sorted(out.iterdir()))
    print(f"report takes {report_s / check_s:.2f} times as long as check (goal: at most 1.2); "
          f"{sizes}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--memory-count", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    endorse = tool("endorse")
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; "
          f"median of {args.runs} runs each")
    with tempfile.TemporaryDirectory(prefix="endorse-bench-") as tmp:
        folder = Path(tmp) / "portfolios"
        write(folder, args.count)
        compare(endorse, folder, Path(tmp) / "out", args.count, args.runs, jobs)
        shutil.rmtree(folder)
        if args.memory_count:
            folder = Path(tmp) / "many"
            write(folder, args.memory_count)
            compare(endorse, folder, Path(tmp) / "out-many", args.memory_count, 1, jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
