"""`endorse check` stops when told to: a slow file, Ctrl-C, SIGTERM or a closed pipe never
leaves a worker behind or keeps the batch waiting."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES

from endorse_cli.app import batch as checks
from endorse_cli.io.rules_file import load_rules

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")

# `endorse` with every file whose name holds "slow" taking ten minutes to judge: what a
# runaway file does, without depending on which file is slow today.
SLOW = """
import sys, time
from endorse_cli.app import batch as checks
real = checks.check_one
def check_one(file, settings=None):
    if "slow" in file:
        time.sleep(600)
    return real(file, settings)
checks.check_one = check_one
from endorse_cli.cli import main
main(sys.argv[1:])
"""


def _children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (read from /proc)."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry))
    return found


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _wait_for(condition, seconds: float) -> float:
    """Wait until ``condition()`` holds; how long it took. Fails after ``seconds``."""
    start = time.monotonic()
    while not condition():
        assert time.monotonic() - start < seconds, "still not done"
        time.sleep(0.01)
    return time.monotonic() - start


def _files(folder: Path, count: int, slow: tuple[int, ...]) -> None:
    examples = sorted(EXAMPLES.glob("*.toml"))
    for i in range(count):
        name = f"p{i:03d}-slow.toml" if i in slow else f"p{i:03d}.toml"
        shutil.copy(examples[i % len(examples)], folder / name)


def _start(folder: Path, *args: str, **options) -> tuple[subprocess.Popen, set[int]]:
    """Run the check; return it and its workers, once they are all started."""
    run = subprocess.Popen([sys.executable, "-c", SLOW, "check", str(folder), "--jobs", "2",
                            *args], stderr=subprocess.PIPE, **options)
    workers: set[int] = set()

    def started() -> bool:
        workers.update(_children(run.pid))
        return len(workers) >= 2

    _wait_for(started, 30)
    return run, workers


@pytest.mark.parametrize("how", ["SIGTERM", "Ctrl-C"])
def test_a_signal_stops_the_batch_and_every_worker_within_a_second(tmp_path, how) -> None:
    _files(tmp_path, 60, slow=(0,))  # the first file holds a worker, and the batch waits
    run, workers = _start(tmp_path, "--time-limit", "0", "-f", "csv",
                          stdout=subprocess.DEVNULL, start_new_session=True)
    time.sleep(0.3)  # let the slow file be taken up (the check only gets slower meanwhile)
    if how == "SIGTERM":
        os.kill(run.pid, signal.SIGTERM)  # the main process only, as `kill PID` does
    else:
        os.killpg(run.pid, signal.SIGINT)  # the whole foreground group, as a terminal does
    took = _wait_for(lambda: run.poll() is not None and not any(map(_running, workers)), 5)
    assert took < 1.5
    err = run.stderr.read().decode()
    if how == "SIGTERM":
        assert run.returncode == 143
        assert err == "stopped: by SIGTERM; the files not yet checked were left out\n"
    else:
        assert run.returncode == 130
        assert err == "stopped: stopped (Ctrl-C)\n"


def test_a_reader_that_stops_early_stops_the_pool_at_once(tmp_path) -> None:
    _files(tmp_path, 60, slow=(1,))  # the batch is waiting on the slow file when head is done
    run, workers = _start(tmp_path, "--time-limit", "0", "-f", "jsonl", stdout=subprocess.PIPE)
    assert run.stdout.readline().startswith(b"{")
    run.stdout.close()  # as `| head -1` does
    took = _wait_for(lambda: run.poll() is not None and not any(map(_running, workers)), 5)
    assert took < 1.5
    assert run.returncode == 0
    assert run.stderr.read() == b""


def test_a_file_over_its_time_is_a_row_saying_so(tmp_path, monkeypatch) -> None:
    _files(tmp_path, 3, slow=(1,))
    real = checks.check_one

    def runaway(file: str, settings=None):
        if "slow" in file:
            while True:  # pure Python, as the engine would be on a pathological file
                pass
        return real(file, settings)

    monkeypatch.setattr(checks, "check_one", runaway)
    files = sorted(str(p) for p in tmp_path.iterdir())
    settings = checks.Settings(rules=load_rules().value, as_of=checks.dt.date(2026, 11, 21),
                               time_limit=0.3)
    start = time.monotonic()
    rows = list(checks.run(files, settings, jobs=1))
    assert time.monotonic() - start < 5
    assert [r.invalid for r in rows] == [False, True, False]
    assert rows[1].error == "took more than 0.3 seconds to judge, and was stopped"
    assert rows[1].error_fix == "check the file, or give it more time with --time-limit"


def test_the_time_limit_holds_in_the_workers_too(tmp_path) -> None:
    _files(tmp_path, 60, slow=(5,))
    run = subprocess.run([sys.executable, "-c", SLOW, "check", str(tmp_path), "--jobs", "2",
                          "--time-limit", "0.5", "-f", "csv"], capture_output=True, text=True,
                         timeout=60, check=False)
    assert run.returncode == 1
    slow = [line for line in run.stdout.splitlines() if "slow" in line]
    assert len(slow) == 1 and "took more than 0.5 seconds to judge" in slow[0]
    assert len(run.stdout.splitlines()) == 61


def test_a_finished_batch_ends_quietly(tmp_path) -> None:
    """The pool is closed before exit: Python 3.11 could otherwise print an error from its
    exit handler racing with the pool's thread (about one run in eight)."""
    _files(tmp_path, 60, slow=())
    for _ in range(5):
        run = subprocess.run([sys.executable, "-m", "endorse_cli", "check", str(tmp_path),
                              "--jobs", "2", "-f", "csv"], capture_output=True, timeout=60,
                             check=False)
        assert run.returncode == 0
        assert run.stderr == b""
        assert len(run.stdout.splitlines()) == 61


def test_check_renewal_takes_the_time_limit_and_the_pool_of_check(tmp_path, monkeypatch) -> None:
    """`check --renewal` ran its own loop, with no time limit and one process: its files now go
    through the same run() as check's, so a runaway file is a row saying so."""
    _files(tmp_path, 3, slow=(1,))
    real = checks.check_one
    seen: list[checks.Settings] = []

    def runaway(file: str, settings=None):
        seen.append(settings or checks._settings)
        if "slow" in file:
            while True:
                pass
        return real(file, settings)

    monkeypatch.setattr(checks, "check_one", runaway)
    from typer.testing import CliRunner

    from endorse_cli.cli import app

    start = time.monotonic()
    result = CliRunner().invoke(app, ["check", "--renewal", str(tmp_path), "--time-limit", "0.3",
                                      "--as-of", "2026-11-21", "-f", "jsonl", "--jobs", "1"])
    assert time.monotonic() - start < 5
    import json

    rows = [json.loads(line) for line in result.stdout.splitlines()]
    slow = [r for r in rows if "slow" in r["file"]]
    assert [r["status"] for r in slow] == ["invalid"]
    assert slow[0]["missing"] == "took more than 0.3 seconds to judge, and was stopped"
    assert result.exit_code == 1
    assert seen and all(s.renewal_rows for s in seen)


def test_check_renewal_spreads_its_files_over_the_workers(tmp_path) -> None:
    _files(tmp_path, checks.POOL_FROM, slow=())
    run = subprocess.run([sys.executable, "-m", "endorse_cli", "check", "--renewal", str(tmp_path),
                          "--jobs", "2", "--as-of", "2026-11-21", "-f", "csv"],
                         capture_output=True, text=True, timeout=120)
    lines = run.stdout.splitlines()
    assert lines[0] == "file,name,credential,status,due,days_left,missing"
    assert len(lines) == 1 + checks.POOL_FROM
    assert [line.split(",")[0] for line in lines[1:]] == sorted(
        str(p) for p in tmp_path.iterdir())


def test_a_wakeup_that_races_the_pool_s_close_prints_nothing() -> None:
    """At exit after Ctrl-C or SIGTERM, Python 3.11 may wake the pool's thread through a pipe
    that thread has just closed: "Exception ignored ... Bad file descriptor". The window is
    the one between the pipe's closed check and its write; here it is held open."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    checks._quiet_wakeup(pool)
    wakeup = pool._executor_manager_thread_wakeup
    pool.shutdown(wait=True)
    wakeup._writer.close()  # closed under the check...
    wakeup._closed = False  # ...which has not seen it yet
    wakeup.wakeup()  # raised OSError, printed as "Exception ignored" at exit
