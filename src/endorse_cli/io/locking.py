"""Saves to one file from several processes take turns: a lock file beside it.

``endorse add`` from two scripts, or an interview and an add, read a portfolio, check that
it did not change on disk, and rename the new text over it. Without a lock between the
check and the rename, one save silently replaced the other's entry. The lock is the hidden
file ``.NAME.lock`` beside the file (beside a link's target), held with ``flock`` (on
Windows, ``msvcrt.locking``) and removed when released.
"""

from __future__ import annotations

import glob
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from ..errors import EndorseError
from ..model.message import N_

#: How long a save waits for another one on the same file before it gives up, in seconds.
LOCK_WAIT = 10.0
#: A hidden temporary copy older than this (in seconds) was left by a save that was stopped.
LEFTOVER_AGE = 300


class Busy(EndorseError):
    """Another endorse kept the file locked for longer than a save waits."""


@contextmanager
def locked(path: Path, *, wait: float | None = None) -> Iterator[None]:
    """Hold the lock of ``path`` (the hidden file ``.NAME.lock`` beside the file a link
    points to), so that saves to one file from several processes take turns. Waits up to
    ``wait`` seconds (:data:`LOCK_WAIT`) for another holder, then refuses with a message.
    The lock file is removed on release; one that vanished while waited on is taken anew."""
    wait = LOCK_WAIT if wait is None else wait
    target = Path(os.path.realpath(path))
    lock = target.with_name(f".{hidden_name(target.name)}.lock")
    deadline = time.monotonic() + wait
    pause = 0.002
    while True:
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            from ..errors import os_problem

            raise os_problem(exc, "save here", lock.parent) from None
        if _try_lock(fd):
            if _same_file(fd, lock):
                break
            _unlock(fd)  # removed by the holder before us: lock the file there now
            os.close(fd)
            continue
        os.close(fd)
        if time.monotonic() >= deadline:
            raise Busy(N_("{path} is being saved by another endorse that has held it for "
                          "over {seconds} seconds; nothing was written"),
                       fix=N_("wait for the other command to finish, then run this one again"),
                       path=str(target), seconds=float(wait))
        time.sleep(pause)
        pause = min(pause * 2, 0.02)
    try:
        yield
    finally:
        if os.name != "nt":  # Windows cannot remove an open file; the lock file stays
            with suppress(OSError):
                lock.unlink()
        _unlock(fd)
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        there = path.stat()
    except OSError:
        return False
    here = os.fstat(fd)
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    fcntl.flock(fd, fcntl.LOCK_UN)


def hidden_name(name: str) -> str:
    """``name`` cut so that a hidden name made from it still fits in 255 bytes."""
    return name.encode("utf-8")[:200].decode("utf-8", "ignore")


def clean_leftovers(path: Path, *, older_than: float = LEFTOVER_AGE,
                    folders: bool = False) -> None:
    """Remove the hidden temporary copies of ``path`` (``.NAME.*.tmp``) that a stopped save
    left behind more than ``older_than`` seconds ago; never a fresh one, which may be
    another save's. With ``folders``, also the hidden work folders ``.NAME.*`` (a bundle's),
    never through a symbolic link."""
    import shutil
    import stat

    now = time.time()
    hidden = f".{glob.escape(hidden_name(path.name))}."
    for leftover in path.parent.glob(hidden + "*"):
        try:
            info = leftover.lstat()
            if now - info.st_mtime <= older_than:
                continue
            if stat.S_ISREG(info.st_mode) and leftover.name.endswith(".tmp"):
                leftover.unlink()
            elif folders and stat.S_ISDIR(info.st_mode):
                shutil.rmtree(leftover)
        except OSError:
            pass  # gone already, or not ours to remove
