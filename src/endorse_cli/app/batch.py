"""Judge (or only validate) many portfolios, in several processes, in a stable order.

Each portfolio becomes one :class:`Row`: what a coordinator's table, CSV or CI report needs,
and, when asked, the portfolio's whole JSON document. One bad file is a row with its error;
the batch always goes on. Nothing is kept of a portfolio once its row is handed on.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec import Struct

from ..errors import EndorseError, Terminated
from ..io.tomlfile import STDIN, STDIN_NAME
from ..model.files import DEFAULT_PORTFOLIO
from ..model.message import N_
from ..model.results import CheckRow as Row
from ..model.rules import Rules

if TYPE_CHECKING:
    from .context import Application

#: Below this many files, starting processes costs more than it saves.
POOL_FROM = 48
#: Seconds one file may take to be judged before it is stopped and reported (--time-limit).
TIME_LIMIT = 10.0
#: Seconds the workers get to end after Ctrl-C or SIGTERM before they are killed.
STOP_WAIT = 0.5


class Settings(Struct, frozen=True):
    rules: Rules
    as_of: dt.date
    #: The last day anything can have been logged (paces are measured up to it).
    today: dt.date | None = None
    credential: str | None = None
    validate_only: bool = False
    documents: bool = False
    time_limit: float | None = TIME_LIMIT
    #: Also each endorsement's renewal status (when the rules have a yearly renewal).
    renewal: bool = False
    #: The reader's language (its code), for the sentences of errors in a table.
    language: str = "en"
    #: `check --renewal`: each file's rows are its endorsements' renewal, judged by
    #: ``renewal_rules`` (None: the pack that holds the endorsement), worded in
    #: ``renewal_language``.
    renewal_rows: bool = False
    renewal_rules: Rules | None = None
    renewal_language: str = "en"

    @classmethod
    def of(cls, app: Application, *, time_limit: float | None = None,
           **fields: Any) -> Settings:
        """A batch command's settings, set once from its ``app``: the rules in force, the
        days, the reader's language; ``time_limit`` as ``--time-limit`` gives it (None: the
        default, 0: none); ``fields`` add to them or replace them."""
        given: dict[str, Any] = {
            "rules": app.rules, "as_of": app.as_of, "today": app.today,
            "language": app.language.code,
            "time_limit": TIME_LIMIT if time_limit is None else (time_limit or None)}
        return cls(**(given | fields))


#: TOML files in a project that are never portfolios.
NOT_PORTFOLIOS = ("pyproject.toml",)


#: The files beside a copy of a portfolio in a folder `endorse bundle` wrote.
BUNDLE_MARKS = ("manifest.json", "SHA256SUMS")


def is_bundle(files: Iterable[str]) -> bool:
    """A folder `endorse bundle` wrote (its portfolio.toml is a copy, judged already)."""
    names = set(files)
    return all(mark in names for mark in BUNDLE_MARKS) and DEFAULT_PORTFOLIO in names


def _failed(file: str, language: str, message: str, fix: str, **values: Any) -> Row:
    """A row for a file that could not be judged: the English sentence (for JSON and CSV),
    and the same in the reader's ``language`` (a code) for the tables people read."""
    from ..model.message import Message

    said, fix_said = Message(message, **values), Message(fix, **values)
    row = Row(file=file, error=shown(said.say()), error_fix=shown(fix_said.say()))
    if language != "en":
        from ..i18n import language as reader

        row.error_said = shown(said.say(reader(language)))
        row.error_fix_said = shown(fix_said.say(reader(language)))
    return row


def find(paths: list[str], exclude: Iterable[str] = (),
         language: str = "en") -> tuple[list[str], list[Row]]:
    """The .toml files that ``paths`` name (files, folders searched recursively, globs),
    sorted and once each, less those ``exclude`` matches and the copies in bundle folders;
    and a row for each folder that cannot be read.

    A path or glob that names nothing, and paths that hold no .toml file, are usage errors:
    the command line is wrong, not a portfolio, so nothing is checked.
    """
    from fnmatch import fnmatch

    from ..errors import UsageError

    patterns = list(exclude)
    found: set[str] = set()
    unreadable: list[Row] = []
    nothing: list[str] = []

    def keep(file: str) -> bool:
        return (os.path.basename(file) not in NOT_PORTFOLIOS
                and not any(fnmatch(file, p) or fnmatch(os.path.basename(file), p)
                            for p in patterns))

    def cannot_read(error: OSError) -> None:
        unreadable.append(_failed(
            shown(str(error.filename or "?")), language,
            N_("this folder cannot be read: {reason}"),
            N_("check the folder's permissions, or leave it out with --exclude"),
            reason=str(error.strerror or error)))

    for given in paths:
        path = Path(given)
        if given == STDIN:  # standard input: one portfolio, read by the main process
            found.add(given)
        elif path.is_dir():
            for root, dirs, files in os.walk(path, onerror=cannot_read):
                if root != given and is_bundle(files):
                    dirs[:] = []  # a bundle: copies of a portfolio checked where it lives
                    continue
                dirs[:] = [d for d in dirs if not d.startswith(".")]  # .git, .venv...
                found.update(f for name in files if name.endswith(".toml")
                             and keep(f := _joined(root, name)))
        elif path.exists() or path.is_symlink():
            found.add(given)
        elif glob.has_magic(given):
            matches = [m for m in glob.glob(given, recursive=True) if not Path(m).is_dir()]
            found.update(m for m in matches if keep(m))
            if not matches:
                nothing.append(given)
        else:
            nothing.append(given)
    if nothing:
        raise UsageError(N_("nothing is at {paths}; nothing was checked"),
                         fix=N_("check the path (or the pattern), then run the command again"),
                         paths=", ".join(repr(shown(p)) for p in nothing))
    if not found and not unreadable:  # the one "no portfolios here" of every batch command
        raise UsageError(N_("no .toml files in {paths}"),
                         fix=N_("name portfolio files, folders that hold them, or a glob"),
                         paths=", ".join(repr(p) for p in paths))
    return sorted(found), unreadable


def from_stdin(files: list[str], settings: Settings) -> list[Row]:
    """The row of the portfolio on standard input, if ``files`` names it (``-``), judged here
    and taken out of ``files``: a worker process has no standard input to read."""
    if STDIN not in files:
        return []
    files.remove(STDIN)
    return [check_one(STDIN, settings)]


def _joined(folder: str, name: str) -> str:
    """``folder/name``, without the ``./`` that `check .` would put before every file."""
    path = os.path.join(folder, name)
    return path[2:] if path.startswith("./") else path


def shown(text: str) -> str:
    """A path or text fit to print: a name that is not UTF-8 gets U+FFFD for its odd bytes,
    and control characters (which could clear a screen) are written out (ESC as ``\\x1b``)."""
    from ..render.terminal import printable

    return printable(text)


# -- one portfolio ------------------------------------------------------------------------

_settings: Settings | None = None


def _init(settings: Settings) -> None:
    global _settings
    _settings = settings


def check_one(file: str, settings: Settings | None = None) -> Row:
    """Read, validate and (unless validating only) judge one portfolio into a row, through
    the library's one pipeline (:func:`~endorse_cli.api.judge_loaded`)."""
    from ..api import check_target, judge_loaded
    from ..io.portfolio_file import read_portfolio

    s = settings or _settings
    assert s is not None
    name = STDIN_NAME if file == STDIN else shown(file)
    if s.renewal_rows:
        from ..api import renewal_rows
        from ..i18n import language

        return Row(file=name, renewal_rows=tuple(renewal_rows(
            file, s.renewal_rules, s.as_of, language(s.renewal_language))))
    try:
        loaded = read_portfolio(Path(file), name=name)
        if s.validate_only:
            from ..interview.certificates import problems

            check_target(loaded, s.rules)
            certificates = problems(Path(file), loaded.value.training)
            said = None
            if s.language != "en":
                from ..i18n import language

                said = tuple(shown(c.say(language(s.language))) for c in certificates)
            return Row(file=name, applicant=shown(loaded.value.applicant.name),
                       warnings=len(certificates),
                       missing=tuple(shown(c.say()) for c in certificates), missing_said=said)
        # named, else the applicant's target, else the recommendation: as `gaps` does
        judgement = judge_loaded(loaded, s.rules, s.as_of, today=s.today,
                                 credential=s.credential,
                                 words="json" if s.documents else "none")
    except EndorseError as error:
        where = getattr(error, "where", None)
        fix_said = None
        reader = None
        if s.language != "en":
            from ..i18n import language

            reader = language(s.language)
            fix_said = error.fix_said and shown(error.fix_said.say(reader))
        # What people read: the entry and key in words before the message.
        described = getattr(error, "described", error.said.say)
        said = shown(described(reader))
        return Row(file=name, error=shown(error.message), error_line=getattr(error, "line", None),
                   error_where=where and shown(where), error_fix=error.fix and shown(error.fix),
                   error_said=said, error_fix_said=fix_said)
    result, judged = judgement.assessment, judgement.checklist
    document = None
    if s.documents:
        from ..render.json_out import assessment_dict, encode

        data = assessment_dict(result)
        if s.credential:
            data["checklist"] = {"id": judged.id, "why": "named"}
        document = encode(data)
    renewals = ()
    if s.renewal and s.rules.renewal is not None and loaded.value.endorsement:
        from ..engine.renewal import renew

        renewals = tuple((e.credential or shown(e.written), e.status, e.due, e.lapsed_on)
                         for e in renew(loaded.value, s.rules, s.as_of).endorsements)
    return Row(
        renewals=renewals,
        file=name, applicant=shown(result.applicant), credential=judged.id,
        credentials_met=tuple(c.id for c in result.credentials if c.met),
        credentials_ready=tuple(c.id for c in result.credentials if c.ready),
        qualified=judged.qualified, met=judged.met, ready=judged.ready,
        waiting_on=tuple(w.code for w in judged.waiting_on), requirements_met=judged.met_count,
        requirements_total=judged.total, warnings=len(result.warnings),
        expected=None if judged.met else judged.expected,
        missing=tuple(r.label for r in judged.unmet), document=document,
    )


class _OutOfTime(BaseException):
    """Raised in the middle of judging a file that has used up its time."""


def _out_of_time(signum: int, frame: object) -> None:
    raise _OutOfTime


def _timer_usable() -> bool:
    import signal
    import threading

    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _check_in_worker(file: str) -> Row:
    import signal

    limit = _settings.time_limit if _settings is not None else None
    language = _settings.language if _settings is not None else "en"
    timed = bool(limit) and _timer_usable()
    previous = None
    try:
        if timed:
            previous = signal.signal(signal.SIGALRM, _out_of_time)
            signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            return check_one(file)
        finally:
            if timed:
                signal.setitimer(signal.ITIMER_REAL, 0)
    except _OutOfTime:
        return _failed(shown(file), language,
                       N_("took more than {seconds} seconds to judge, and was stopped"),
                       N_("check the file, or give it more time with --time-limit"),
                       seconds=limit)
    except Exception as exc:  # noqa: BLE001 - one file must never stop the batch
        return _failed(shown(file), language, N_("could not be judged: {reason}"),
                       N_("report this file to the endorse maintainers"), reason=repr(exc))
    finally:
        if previous is not None:
            signal.signal(signal.SIGALRM, previous)


# -- many ---------------------------------------------------------------------------------


def _check_chunk(files: list[str]) -> list[Row]:
    return [_check_in_worker(file) for file in files]


def _init_worker(settings: Settings) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the main process's handler
    _init(settings)


def _terminated(signum: int, frame: object) -> None:
    raise Terminated(N_("by SIGTERM; the files not yet checked were left out"))


def _stop(pool: Any) -> None:
    """Stop the pool and every worker now: a worker in the middle of a slow file is not
    waited for (SIGTERM, then SIGKILL after :data:`STOP_WAIT` seconds)."""
    import time

    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        with suppress(Exception):
            worker.terminate()
    deadline = time.monotonic() + STOP_WAIT
    for worker in workers:
        with suppress(Exception):
            worker.join(max(0.0, deadline - time.monotonic()))
            if worker.is_alive():
                worker.kill()
                worker.join(1)
    manager = getattr(pool, "_executor_manager_thread", None)
    if manager is not None:  # it ends once it sees its workers gone (see run())
        manager.join(STOP_WAIT)


def run(files: list[str], settings: Settings, jobs: int,
        reader_gone: Callable[[], bool] | None = None) -> Iterator[Row]:
    """Rows for ``files`` in their order, judged by ``jobs`` processes.

    Files go out in chunks, and only a few chunks at a time, so that a slow reader of the
    output never makes results pile up. If the rows stop being read (Ctrl-C, a closed pipe),
    the workers are stopped at once; if a worker dies, the batch stops with a message.
    ``reader_gone`` is asked while a slow file is awaited: True stops the batch as a closed
    pipe does, without waiting for the file.
    """
    if jobs <= 1 or len(files) < POOL_FROM:
        _init(settings)
        yield from map(_check_in_worker, files)
        return
    import multiprocessing
    from collections import deque
    from itertools import islice
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    import signal

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    size = max(1, min(64, len(files) // (jobs * 16)))
    chunks = iter([files[i:i + size] for i in range(0, len(files), size)])
    handled = _timer_usable()  # signals reach only the main thread
    previous = signal.signal(signal.SIGTERM, _terminated) if handled else None
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method),
                               initializer=_init_worker, initargs=(settings,))
    _quiet_wakeup(pool)
    try:
        out: deque[Future[list[Row]]] = deque(
            pool.submit(_check_chunk, chunk) for chunk in islice(chunks, jobs * 4))
        while out:
            try:
                rows = _result(out.popleft(), reader_gone)
            except BrokenProcessPool:
                raise EndorseError(
                    "a worker process stopped before it was done (killed, or out of memory?)",
                    fix="run the check again, or with --jobs 1") from None
            following = next(chunks, None)
            if following is not None:
                out.append(pool.submit(_check_chunk, following))
            yield from rows
    except BaseException:
        _stop(pool)  # Ctrl-C, SIGTERM, a reader gone: no worker may finish its file first
        raise
    else:  # all done: the idle workers and the pool's thread end now, not at exit, where
        pool.shutdown(wait=True)  # Python 3.11 may race with the thread and print an error
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        if handled:
            signal.signal(signal.SIGTERM, previous)


def _quiet_wakeup(pool: Any) -> None:
    """Python 3.11's pool can write to its wake-up pipe just as its thread closes it (at exit,
    after Ctrl-C or SIGTERM), printing "Exception ignored ... Bad file descriptor": a wake-up
    of a pipe that is closed has no one left to wake, so its error is dropped."""
    wakeup = getattr(pool, "_executor_manager_thread_wakeup", None)
    if wakeup is None or not hasattr(wakeup, "wakeup"):
        return
    send = wakeup.wakeup

    def quiet() -> None:
        with suppress(OSError, ValueError):
            send()

    wakeup.wakeup = quiet


def _result(future: Any, reader_gone: Callable[[], bool] | None) -> list[Row]:
    from concurrent.futures import TimeoutError as NotYet

    while True:
        try:
            return future.result(timeout=None if reader_gone is None else 0.2)
        except NotYet:
            if reader_gone is not None and reader_gone():
                raise BrokenPipeError from None


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
