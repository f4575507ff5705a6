"""Saving a portfolio: concurrent writers take turns, links stay links, leftovers go."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest
from conftest import EXAMPLES

from endorse_cli.io import locking
from endorse_cli.io.document import PortfolioDocument
from endorse_cli.io.locking import Busy, locked
from endorse_cli.io.portfolio_file import read_portfolio

ROUNDS = 50

# One writer: ROUNDS `endorse add` commands, each a whole read-check-write, in one process
# (a new process for each would only make the test slower, not the race any different).
WRITER = """
import sys
from endorse_cli.cli import main
who, file = sys.argv[1], sys.argv[2]
for n in range({rounds}):
    try:
        main(["add", "reference", file, "--name", f"{{who}} {{n}}", "--phone", "555-0100"])
    except SystemExit as done:
        if done.code:
            sys.exit(f"{{who}} {{n}}: exit {{done.code}}")
"""


@pytest.fixture
def path(tmp_path):
    file = tmp_path / "portfolio.toml"
    shutil.copy(EXAMPLES / "home-visitor.toml", file)
    return file


def test_three_concurrent_writers_lose_nothing(path) -> None:
    before = len(read_portfolio(path).value.reference)
    writers = [subprocess.Popen([sys.executable, "-c", WRITER.format(rounds=ROUNDS), who,
                                 str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
               for who in ("ann", "bo", "cy")]
    for writer in writers:
        assert writer.wait(timeout=120) == 0, writer.stderr.read().decode()
    names = [r.name for r in read_portfolio(path).value.reference]
    assert len(names) == before + 3 * ROUNDS
    for who in ("ann", "bo", "cy"):
        mine = [n for n in names if n.startswith(who + " ")]
        assert mine == [f"{who} {n}" for n in range(ROUNDS)]  # each writer's in its order
    assert not list(path.parent.glob(".*.tmp"))


def test_a_save_waits_for_the_lock_then_refuses_clearly(path, monkeypatch) -> None:
    doc = PortfolioDocument.open(path)
    doc.add_entry("reference", {"name": "Sam Roe"})
    before = path.read_bytes()
    monkeypatch.setattr(locking, "LOCK_WAIT", 0.2)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\n"
         "from pathlib import Path\nfrom endorse_cli.io.locking import locked\n"
         "with locked(Path(sys.argv[1])):\n    print('held', flush=True)\n    time.sleep(30)",
         str(path)], stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline() == b"held\n"
        started = time.monotonic()
        with pytest.raises(Busy) as error, locked(path):
            pass
        assert 0.2 <= time.monotonic() - started < 2
        assert "is being saved by another endorse" in error.value.message
        assert path.read_bytes() == before
    finally:
        holder.kill()
        holder.wait()
    doc.save()  # the lock was released with the process that held it
    assert read_portfolio(path).value.reference[-1].name == "Sam Roe"


def test_saving_through_a_link_writes_its_target_and_keeps_the_link(path) -> None:
    link = path.with_name("link.toml")
    link.symlink_to(path.name)
    doc = PortfolioDocument.open(link)
    doc.add_entry("reference", {"name": "Sam Roe"})
    doc.save()
    assert link.is_symlink() and os.readlink(link) == path.name
    assert read_portfolio(path).value.reference[-1].name == "Sam Roe"


def test_old_leftovers_are_removed_and_fresh_ones_kept(path) -> None:
    old = path.parent / f".{path.name}.abc123.tmp"
    fresh = path.parent / f".{path.name}.def456.tmp"
    other = path.parent / ".notes.txt.xyz.tmp"
    for leftover in (old, fresh, other):
        leftover.write_text("half a save")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    os.utime(other, (an_hour_ago, an_hour_ago))
    doc = PortfolioDocument.open(path)
    doc.add_entry("reference", {"name": "Sam Roe"})
    doc.save()
    assert not old.exists()
    assert fresh.exists() and other.exists()


def test_no_lock_file_is_left_behind(path) -> None:
    doc = PortfolioDocument.open(path)
    doc.add_entry("reference", {"name": "Sam Roe"})
    doc.save()
    assert sorted(os.listdir(path.parent)) == ["portfolio.toml", "portfolio.toml.bak"]
