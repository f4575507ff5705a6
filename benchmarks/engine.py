"""The engine's speed, as ratios measured in one run.

    python benchmarks/engine.py [--count 10000] [--entries 10000]

1. **Judging against parsing.** Writes --count synthetic portfolios (benchmarks/synthetic.py),
   then times, in the same run, a loop that only reads and parses each file with rtoml in one
   process, and `endorse check FOLDER --format jsonl --jobs 1`, which reads, validates and
   judges each against every credential, with forecasts, red flags and warnings' lines, and
   writes its JSON document. Goal: endorse at least 50% of the parse-only rate.
2. **Any shape, 10,000 entries.** One portfolio of --entries entries of one kind each
   (overlapping jobs, trainings on one day, RS/C sessions, references, degrees), judged by
   the engine in-process (validated struct to assessment, words included). Goal: under one
   second each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from synthetic import write  # noqa: E402


def parse_only(files: list[Path]) -> float:
    code = ("import rtoml, sys, time\n"
            "files = sys.argv[1:]\n"
            "start = time.perf_counter()\n"
            "for f in files:\n"
            "    with open(f, encoding='utf-8') as h: rtoml.loads(h.read())\n"
            "print(time.perf_counter() - start)\n")
    out = subprocess.run([sys.executable, "-c", code, *map(str, files)], capture_output=True,
                         text=True, check=True).stdout
    return float(out)


def endorse_check(folder: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "endorse_cli", "check", str(folder), "--format",
                    "jsonl", "--jobs", "1", "--as-of", "2026-11-21"],
                   stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def shapes(n: int) -> dict[str, dict]:
    day = dt.date(2015, 1, 1)
    field = [{"title": "Home Visitor", "start": day}]
    return {
        "overlapping jobs": {"work": [{"title": f"Job {i}", "start": day + dt.timedelta(days=i % 50)}
                                      for i in range(n)]},
        "trainings on one day": {"training": [{"title": "Course", "date": day, "hours": 1}
                                              for _ in range(n)]},
        "RS/C sessions": {"work": field, "supervision": [
            {"date": day + dt.timedelta(days=i % 4000), "hours": 1, "provider": f"P{i % 7}"}
            for i in range(n)]},
        "references": {"reference": [{"name": f"R {i}", "email": f"r{i % 500}@example.org"}
                                     for i in range(n)]},
        "degrees": {"education": [{"degree": "masters", "completed": day} for _ in range(n)]},
    }


def big_portfolios(n: int) -> list[tuple[str, float]]:
    import msgspec

    from endorse_cli.engine import judge
    from endorse_cli.io.rules_file import load_rules
    from endorse_cli.model.portfolio import Portfolio
    from endorse_cli.render.sentences import word

    rules = load_rules().value
    timings = []
    for name, sections in shapes(n).items():
        portfolio = msgspec.convert({"format": 1, "applicant": {"name": "A"}, **sections},
                                    Portfolio)
        start = time.perf_counter()
        word(judge(portfolio, rules, dt.date(2026, 11, 21)), rules)
        timings.append((name, time.perf_counter() - start))
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--entries", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="endorse-bench-") as tmp:
        folder = Path(tmp)
        files = write(folder, args.count)
        parse = parse_only(files)
        check = endorse_check(folder)
    print(f"parse only (rtoml, one process): {parse:.2f} s, {parse / args.count * 1e6:.0f} us a file")
    print(f"endorse check --jobs 1:          {check:.2f} s, {check / args.count * 1e6:.0f} us a file")
    print(f"endorse's rate is {parse / check:.0%} of the parse-only rate (goal: at least 50%)")
    for name, seconds in big_portfolios(args.entries):
        print(f"{args.entries:,} entries, {name}: {seconds:.3f} s (goal: under 1 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
