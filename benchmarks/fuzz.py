"""Every command on mutated portfolios and rules files: no traceback, no run over 10 seconds.

    python benchmarks/fuzz.py [--runs 5000] [--workers 2] [--seed 1] [--limit 10]

Each run takes one of the shipped examples, or one of the shipped rules files, changes it
(a value swapped for a hostile one: a far-future or impossible date, inf, nan, 1e308, a huge
integer, control characters, a formula, a leading tab; a line dropped, doubled or cut short;
entries multiplied; a renewal due day that is no day), and runs one command on it, in
process, with a time limit of its own. A run fails when the command raises anything but an
exit (a traceback), exits with a code the README does not list, writes a raw ESC to the
screen, or takes longer than --limit seconds. The runs are spread over --workers processes;
the same --seed gives the same runs. The figures are in the README's "Reliability" section;
tests/test_fuzz.py runs a short version of this on every test run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
RULES = [ROOT / "data" / "credentials.toml", *sorted((ROOT / "data" / "packs").glob("*.toml"))]
#: The exit codes the README lists.
CODES = {0, 1, 2, 3, 130, 143}

DATES = ["9999-12-31", "9999-12-30", "9999-02-28", "0001-01-01", "2024-02-29", "2024-02-30",
         "10000-01-01", "2026-11-21", "1970-01-01", "9998-12-31T23:59:59Z"]
NUMBERS = ["inf", "-inf", "nan", "1e308", "1e309", "-1e309", "0", "-0.0", "1e-320",
           "99999999999999999999", "9223372036854775807", "-1", "0.0001", "168", "169", "24"]
TEXTS = ['"\\u001b[2J\\u0007"', '"\\u009b31m"', '"\\u202egnp.exe"', '"=cmd|\' /C calc\'!A0"',
         '"  =1+1"', '"\\uff1dSUM(A1)"', '"\\tAna"', '"    Ana"', '"a\\\\b.pdf"',
         '"../../etc/passwd"', '""', '"x"', '"IFS"', '"13-01"', '"02-30"', '"12-31"',
         '"\\r- item\\n# heading"', '"' + "🙂" * 40 + '"']
AS_OF = ["2026-11-21", "9999-12-31", "9999-06-01", "0001-01-01", "2024-02-29"]

#: Every command, as a person or a script would type it; FILE, RULES and OUT are filled in.
COMMANDS = [
    ["assess", "FILE"], ["assess", "FILE", "-f", "json"], ["assess", "FILE", "-f", "markdown"],
    ["gaps", "FILE"], ["gaps", "FILE", "--timeline"], ["gaps", "FILE", "-f", "json"],
    ["gaps", "FILE", "-f", "markdown"], ["gaps", "FILE", "--credential", "IFS"],
    ["renew", "FILE"], ["renew", "FILE", "-f", "json"], ["renew", "FILE", "-f", "markdown"],
    ["bundle", "FILE", "--out", "OUT", "--allow-missing", "--force"],
    ["check", "FILE"], ["check", "FILE", "-f", "csv"], ["check", "FILE", "-f", "json"],
    ["check", "FILE", "-f", "junit"], ["check", "FILE", "-f", "markdown"],
    ["check", "--renewal", "FILE", "-f", "jsonl"], ["check", "--renewal", "FILE"],
    ["validate", "FILE"], ["validate", "FILE", "-f", "junit"],
    ["report", "FILE", "--out", "OUT"],
    ["add", "supervision", "FILE", "--date", "2025-03-04", "--hours", "1:30", "--provider", "Ana"],
    ["add", "reference", "FILE", "--name", "Sam", "--phone", "555", "--no-input"],
    ["add", "training", "FILE", "--title", "T", "--date", "2025-03-04", "--hours", "3"],
    ["edit", "FILE"], ["interview", "FILE"],
    ["credentials"], ["credentials", "-f", "json"], ["rules"], ["schema"],
    ["init", "OUT/new.toml", "--name", "Ana", "--no-input"],
]
#: Commands that take --as-of and --rules.
AS_OF_COMMANDS = {"assess", "gaps", "renew", "bundle", "check", "report"}
RULES_COMMANDS = AS_OF_COMMANDS | {"credentials", "validate", "edit", "interview", "init"}


def mutate_portfolio(text: str, rnd: random.Random) -> str:
    lines = text.splitlines()
    for _ in range(rnd.randint(1, 4)):
        if not lines:
            break
        i = rnd.randrange(len(lines))
        line = lines[i]
        how = rnd.random()
        if (m := re.match(r"^(\s*[\w-]+\s*=\s*)(.*)$", line)) and how < 0.6:
            value = m[2]
            if re.match(r"\d{4}-\d\d-\d\d", value):
                new = rnd.choice(DATES)
            elif re.match(r"-?[\d.]+$", value):
                new = rnd.choice(NUMBERS)
            else:
                new = rnd.choice(TEXTS + NUMBERS[:4] + DATES[:3])
            lines[i] = m[1] + new
        elif how < 0.7:
            del lines[i]
        elif how < 0.8:
            lines.insert(i, line)
        elif how < 0.85:
            lines[i] = line[: rnd.randrange(len(line) + 1)]
        elif how < 0.9:  # an entry, many times over
            start = next((j for j in range(i, -1, -1) if lines[j].startswith("[[")), None)
            if start is not None:
                end = next((j for j in range(start + 1, len(lines)) if lines[j].startswith("[")),
                           len(lines))
                lines += lines[start:end] * rnd.choice([2, 50, 500])
        else:  # an endorsement held, perhaps in the last year of the calendar
            lines += ["[[endorsement]]", f'credential = {rnd.choice(["IFS", "IMHM", "ECFS", "x"])!r}'
                      .replace("'", '"'), f"endorsed = {rnd.choice(DATES[:4] + ['2023-06-14'])}",
                      f"membership_end = {rnd.choice(DATES[:4])}"]
    return "\n".join(lines) + "\n"


def mutate_rules(text: str, rnd: random.Random) -> str:
    lines = text.splitlines()
    numeric = [i for i, line in enumerate(lines) if re.match(r"^\s*\w+ = -?[\d.]+\s*(#.*)?$", line)]
    for _ in range(rnd.randint(1, 3)):
        how = rnd.random()
        if numeric and how < 0.7:
            i = rnd.choice(numeric)
            lines[i] = re.sub(r"= -?[\d.]+", "= " + rnd.choice(NUMBERS), lines[i], count=1)
        elif how < 0.8:
            days = [i for i, line in enumerate(lines) if re.match(r'^(due|late_until) = "', line)]
            if days:
                i = rnd.choice(days)
                lines[i] = lines[i].split("=")[0] + "= " + rnd.choice(
                    ['"13-01"', '"02-29"', '"02-30"', '"12-31"', '"00-00"', '"1-1"'])
        elif lines:
            del lines[rnd.randrange(len(lines))]
    return "\n".join(lines) + "\n"


#: A run still going after this many times --limit is stopped (a hang, not a slow run).
HARD_STOP = 3


class Hung(BaseException):
    """Raised in a run that went on past :data:`HARD_STOP` times the limit."""


def _hung(signum: int, frame: object) -> None:
    raise Hung


def one_run(n: int, seed: int, folder: Path, limit: float) -> dict:
    """Run number ``n``: its command, how long it took, and what went wrong, if anything."""
    from typer.testing import CliRunner

    from endorse_cli.cli import app

    rnd = random.Random(f"{seed}-{n}")
    here = folder / f"run{n}"
    here.mkdir()
    example = rnd.choice(EXAMPLES)
    portfolio = here / example.name
    text = example.read_text(encoding="utf-8")
    portfolio.write_text(mutate_portfolio(text, rnd) if rnd.random() < 0.85 else text,
                         encoding="utf-8")
    if (example.parent / "certificates").is_dir():
        shutil.copytree(example.parent / "certificates", here / "certificates")
    command = list(rnd.choice(COMMANDS))
    args = [a.replace("FILE", str(portfolio)).replace("OUT", str(here / "out")) for a in command]
    rules_changed = None
    if command[0] in AS_OF_COMMANDS:
        args += ["--as-of", rnd.choice(AS_OF)]
    if command[0] in RULES_COMMANDS and rnd.random() < 0.5:
        source = rnd.choice(RULES)
        rules_changed = here / "rules.toml"
        rules_changed.write_text(mutate_rules(source.read_text(encoding="utf-8"), rnd),
                                 encoding="utf-8")
        args += ["--rules", str(rules_changed)]
    if command[0] in ("check", "validate"):
        args += ["--time-limit", str(limit)]
    started = time.monotonic()
    problem = None
    watchdog = threading.Timer(HARD_STOP * limit, signal.pthread_kill,
                               (threading.main_thread().ident, signal.SIGUSR1))
    watchdog.start()
    try:
        result = CliRunner().invoke(app, args, catch_exceptions=True)
        code = result.exit_code
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            problem = "traceback: " + "".join(traceback.format_exception(result.exception))[-1500:]
        elif code not in CODES:
            problem = f"exit code {code}"
        elif "\x1b" in result.stdout + result.stderr and "--format" not in args:
            problem = "a raw ESC on the screen"
    except Hung:
        code = None
        problem = f"took over {HARD_STOP * limit:.0f} s, and was stopped"
    except BaseException as exc:  # noqa: BLE001 - the driver records everything
        code = None
        problem = "traceback: " + "".join(traceback.format_exception(exc))[-1500:]
    finally:
        watchdog.cancel()
    took = time.monotonic() - started
    if problem is None and took > limit:
        problem = f"took {took:.1f} s"
    shutil.rmtree(here, ignore_errors=True)
    return {"run": n, "command": command, "args": args[len(command):], "code": code,
            "seconds": round(took, 3), "problem": problem}


def _worker(job: tuple[list[int], int, float, str]) -> list[dict]:
    numbers, seed, limit, folder = job
    signal.signal(signal.SIGUSR1, _hung)
    os.environ.update(NO_COLOR="1", COLUMNS="80")
    for variable in ("ENDORSE_PORTFOLIO", "ENDORSE_RULES", "LANGUAGE", "LC_ALL", "LANG"):
        os.environ.pop(variable, None)
    return [one_run(n, seed, Path(folder), limit) for n in numbers]


def fuzz(runs: int, *, seed: int = 1, workers: int = 1, limit: float = 10.0) -> dict:
    """``runs`` runs over ``workers`` processes; the summary and every failed run."""
    with tempfile.TemporaryDirectory() as folder:
        jobs = [(list(range(w, runs, workers)), seed, limit, folder) for w in range(workers)]
        if workers == 1:
            results = _worker(jobs[0])
        else:
            import multiprocessing

            with multiprocessing.get_context("spawn").Pool(workers) as pool:
                results = [r for part in pool.map(_worker, jobs) for r in part]
    failed = [r for r in results if r["problem"]]
    seconds = sorted(r["seconds"] for r in results)
    return {
        "runs": len(results), "seed": seed, "limit_seconds": limit,
        "tracebacks": sum(1 for r in failed if r["problem"].startswith("traceback")),
        "hung": sum(1 for r in failed if r["problem"].startswith("took over")),
        "over_limit": sum(1 for r in failed if r["problem"].startswith("took ")
                          and not r["problem"].startswith("took over")),
        "other_failures": sum(1 for r in failed if not r["problem"].startswith(("traceback",
                                                                                "took"))),
        "slowest_seconds": seconds[-1] if seconds else 0,
        "median_seconds": seconds[len(seconds) // 2] if seconds else 0,
        "commands": len({" ".join(r["command"]) for r in results}),
        "exit_codes": dict(sorted({str(c): sum(1 for r in results if r["code"] == c)
                                   for c in {r["code"] for r in results}}.items())),
        "failed": failed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=float, default=10.0)
    parser.add_argument("--only", type=int, help="run this run alone, to see it again")
    options = parser.parse_args()
    if options.only is not None:
        with tempfile.TemporaryDirectory() as folder:
            found = _worker(([options.only], options.seed, options.limit, folder))
        json.dump(found, sys.stdout, indent=2, ensure_ascii=False)
        sys.exit(1 if found[0]["problem"] else 0)
    started = time.monotonic()
    summary = fuzz(options.runs, seed=options.seed, workers=options.workers,
                   limit=options.limit)
    summary["wall_seconds"] = round(time.monotonic() - started, 1)
    json.dump(summary, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    sys.exit(1 if summary["failed"] else 0)


if __name__ == "__main__":
    main()
