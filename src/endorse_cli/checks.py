"""Judge (or only validate) many portfolios, in several processes, in a stable order.

Each portfolio becomes one :class:`Row`: what a coordinator's table, CSV or CI report needs,
and, when asked, the portfolio's whole JSON document. One bad file is a row with its error;
the batch always goes on. Nothing is kept of a portfolio once its row is handed on.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from msgspec import Struct

from .errors import EndorseError
from .model.results import CheckRow as Row
from .model.rules import Rules

#: Below this many files, starting processes costs more than it saves.
POOL_FROM = 48


class Settings(Struct, frozen=True):
    rules: Rules
    as_of: dt.date
    credential: str | None = None
    validate_only: bool = False
    documents: bool = False


def find(paths: Iterable[str]) -> tuple[list[str], list[Row]]:
    """The .toml files that ``paths`` name (files, folders searched recursively, globs),
    sorted and once each; and a row for each path that names nothing."""
    found: set[str] = set()
    missing: list[Row] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]  # .git, .venv...
                found.update(os.path.join(root, f) for f in files if f.endswith(".toml"))
        elif path.exists():
            found.add(given)
        elif glob.has_magic(given):
            found.update(m for m in glob.glob(given, recursive=True) if not Path(m).is_dir())
        else:
            missing.append(Row(file=given, error="no such file or folder",
                               error_fix="check the path"))
    return sorted(found), missing


# -- one portfolio ------------------------------------------------------------------------

_settings: Settings | None = None


def _init(settings: Settings) -> None:
    global _settings
    _settings = settings


def check_one(file: str, settings: Settings | None = None) -> Row:
    """Read, validate and (unless validating only) judge one portfolio into a row."""
    from .api import assess_loaded, check_target
    from .io.portfolio_file import read_portfolio

    s = settings or _settings
    assert s is not None
    try:
        loaded = read_portfolio(Path(file), name=file)
        if s.validate_only:
            check_target(loaded, s.rules)
            return Row(file=file, applicant=loaded.value.applicant.name)
        result = assess_loaded(loaded, s.rules, s.as_of)
    except EndorseError as error:
        return Row(file=file, error=error.message, error_line=getattr(error, "line", None),
                   error_where=getattr(error, "where", None), error_fix=error.fix)
    judged = result.credential(s.credential or result.recommended.id)
    assert judged is not None
    document = None
    if s.documents:
        from .render.json_out import assessment_dict, encode

        data = assessment_dict(result)
        if s.credential:
            data["checklist"] = {"id": judged.id, "why": "named"}
        document = encode(data)
    return Row(
        file=file, applicant=result.applicant, credential=judged.id,
        qualified=judged.qualified, met=judged.met, requirements_met=judged.met_count,
        requirements_total=judged.total, warnings=len(result.warnings),
        missing=tuple(r.label for r in judged.unmet), document=document,
    )


def _check_in_worker(file: str) -> Row:
    try:
        return check_one(file)
    except Exception as exc:  # noqa: BLE001 - one file must never stop the batch
        return Row(file=file, error=f"could not be judged: {exc!r}",
                   error_fix="report this file to the endorse maintainers")


# -- many ---------------------------------------------------------------------------------


def run(files: list[str], settings: Settings, jobs: int) -> Iterator[Row]:
    """Rows for ``files`` in their order, judged by ``jobs`` processes."""
    if jobs <= 1 or len(files) < POOL_FROM:
        _init(settings)
        yield from map(_check_in_worker, files)
        return
    import multiprocessing
    import threading

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    chunk = max(1, min(64, len(files) // (jobs * 16)))
    # The pool hands out every task at once and keeps every result until it is taken; a slow
    # reader of our output would then hold them all. So only so many are let out at a time.
    room = threading.Semaphore(jobs * chunk * 8)

    def feed() -> Iterator[str]:
        for file in files:
            room.acquire()
            yield file

    with context.Pool(jobs, initializer=_init, initargs=(settings,)) as pool:
        for row in pool.imap(_check_in_worker, feed(), chunksize=chunk):
            room.release()
            yield row


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
