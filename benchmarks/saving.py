"""Saving scales with the file: `endorse add` to a long portfolio against a short one, and
1,000 entries added to a 3,000-entry portfolio with one save.

    python benchmarks/saving.py [--runs 21] [--entries 3000] [--small 30] [--batch 1000]

Writes two portfolios kept as a person keeps them (comments, blank lines, training then RS/C
sessions then references), of --small and --entries entries, then, in the same run and taking
turns (long, short, long, short...), times `endorse add training FILE --title ... --no-input`
on each, from a fresh copy every time (the copy is not timed), and gives the median of the
ratios of the pairs: the whole process's processor time (user + system, which other work on
the machine does not add to) and its wall-clock time. Then `endorse import` of an RS/C log of
--batch rows (a CSV file) into the long portfolio, and, in one process, --batch entries
added with `PortfolioDocument.add_entry` to it and saved once, the way `import` saves
(medians of --runs // 4 runs), with the same additions made through tomlkit's whole-file
tree, as every save went before, for comparison.

Goals, on 2 cores: `add` at 3,000 entries within 1.3 times `add` at 30; 1,000 entries into a
3,000-entry portfolio in under 2 seconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AREAS = ["reflection", "thinking", "communicating", "direct-service-skills"]


def portfolio(entries: int) -> str:
    """A portfolio of ``entries`` entries: two jobs, then 60% courses, 35% RS/C sessions and
    the rest references."""
    courses, sessions = entries * 60 // 100, entries * 35 // 100
    references = entries - courses - sessions - 2
    day = dt.date(2012, 1, 2)
    out = ["# Ana Lopez's Endorsement portfolio", "# kept by hand and with endorse", "",
           "format = 1", "", "[applicant]", 'name = "Ana Lopez"', 'email = "ana@example.org"',
           'focus = "prevention"', "", "[[work]]", 'title = "Home Visitor"',
           'employer = "Early Head Start"', "start = 2011-09-01", "end = 2018-06-30",
           "hours_per_week = 40", "", "[[work]]", 'title = "Infant Mental Health Specialist"',
           'employer = "Family Center"', "start = 2018-07-01", "hours_per_week = 40", "",
           "# ---- Courses, newest last ----"]
    for n in range(courses):
        out += ["", "[[training]]", f'title = "Course {n}: Attachment and loss"',
                'provider = "State Association"', f"date = {day + dt.timedelta(days=n % 4000)}",
                f"hours = {(1.5, 3, 6)[n % 3]}", f'competencies = ["{AREAS[n % 4]}"]']
        if n % 50 == 0:
            out.append("# certificate in the blue folder")
    out += ["", "# ---- My RS/C log ----"]
    for n in range(sessions):
        out += ["", "[[supervision]]", f"date = {day + dt.timedelta(days=n % 4000)}",
                "hours = 1", f'provider = "Dana Lee {n % 3}"']
    out += ["", "# ---- References ----"]
    for n in range(references):
        out += ["", "[[reference]]", f'name = "Reference {n}"', f'email = "ref{n}@example.org"',
                'status = "planned"']
    return "\n".join(out) + "\n"


def endorse() -> str:
    found = shutil.which("endorse", path=str(Path(sys.executable).parent)) or shutil.which(
        "endorse")
    if not found:
        sys.exit("endorse is not installed here: pip install .")
    return found


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(processor seconds, wall seconds) of running ``argv`` to its end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def add_command(args: argparse.Namespace, folder: Path) -> None:
    program = endorse()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    sources = {}
    for n in (args.entries, args.small):
        sources[n] = folder / f"source-{n}.toml"
        sources[n].write_text(portfolio(n), encoding="utf-8")

    def run(n: int) -> tuple[float, float]:
        target = folder / f"portfolio-{n}.toml"
        shutil.copyfile(sources[n], target)
        return timed([program, "add", "training", str(target), "--title", "Reflective practice",
                      "--date", "2025-03-15", "--hours", "1:30", "--competency", "reflection",
                      "--no-input"], env)

    for _ in range(2):  # warm-up: bytecode written, files in the page cache
        run(args.entries), run(args.small)
    pairs = [(run(args.entries), run(args.small)) for _ in range(args.runs)]
    for label, i in (("processor", 0), ("wall-clock", 1)):
        big = statistics.median(p[0][i] for p in pairs)
        small = statistics.median(p[1][i] for p in pairs)
        ratio = statistics.median(p[0][i] / p[1][i] for p in pairs)
        print(f"endorse add, {label:10} time: {args.entries} entries {big * 1000:6.0f} ms, "
              f"{args.small} entries {small * 1000:6.0f} ms, ratio {ratio:.2f} "
              f"(median of {args.runs} pairs)")


def import_command(args: argparse.Namespace, folder: Path) -> None:
    """`endorse import` of a provider's log of --batch sessions into the long portfolio."""
    program = endorse()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    source = folder / "source-import.toml"
    source.write_text(portfolio(args.entries), encoding="utf-8")
    log = folder / "rsc-log.csv"
    rows = ["Date,Hours,Supervisor/Consultant,Individual/Group"]
    for n in range(args.batch):
        day = dt.date(2019, 1, 1) + dt.timedelta(days=n)
        rows.append(f"{day.month}/{day.day}/{day.year},1.5,Maya Okafor {n % 7},Group")
    log.write_text("\n".join(rows) + "\n", encoding="utf-8")
    target = folder / "imported.toml"

    def run() -> tuple[float, float]:
        shutil.copyfile(source, target)
        return timed([program, "import", str(log), str(target), "--section", "supervision",
                      "--yes"], env)

    run()  # warm-up
    times = [run() for _ in range(max(1, args.runs // 4))]
    print(f"endorse import, {args.batch} rows into {args.entries} entries: processor "
          f"{statistics.median(t[0] for t in times):5.2f} s, wall-clock "
          f"{statistics.median(t[1] for t in times):5.2f} s (median of {len(times)})")


def many_entries(args: argparse.Namespace, folder: Path) -> None:
    from endorse_cli.io.document import PortfolioDocument

    source = folder / "source-many.toml"
    source.write_text(portfolio(args.entries), encoding="utf-8")
    target = folder / "many.toml"

    def once(through_tomlkit: bool) -> float:
        shutil.copyfile(source, target)
        start = time.perf_counter()
        doc = PortfolioDocument.open(target)
        if through_tomlkit:
            doc.doc  # noqa: B018 - the whole file read into tomlkit's tree, as before
        for n in range(args.batch):
            doc.add_entry("supervision", {"date": dt.date(2025, 1, 1) + dt.timedelta(days=n),
                                          "hours": 1.5, "format": "group",
                                          "provider": f"Maya Okafor {n}"})
        doc.save()
        return time.perf_counter() - start

    for through_tomlkit, label in ((False, "as text"), (True, "through tomlkit")):
        once(through_tomlkit)  # warm-up
        seconds = statistics.median(once(through_tomlkit) for _ in range(max(1, args.runs // 4)))
        print(f"{args.batch} entries added to {args.entries}, one save, {label:15}: "
              f"{seconds:6.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--entries", type=int, default=3000)
    parser.add_argument("--small", type=int, default=30)
    parser.add_argument("--batch", type=int, default=1000)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="endorse-bench-") as tmp:
        add_command(args, Path(tmp))
        import_command(args, Path(tmp))
        many_entries(args, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
