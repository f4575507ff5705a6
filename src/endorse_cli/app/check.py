"""`endorse check` and `endorse validate`: one row per portfolio, a summary, an exit code.

`validate` is `check` without judging: the same search for files, the same rows and formats.
"""

from __future__ import annotations

from heapq import merge
from pathlib import Path
from typing import IO, Any

from ..errors import ExitCode, UsageError
from ..model.message import N_
from ..model.failon import FailOn, Failure
from .context import Application

#: The formats written as bytes, into a file only (never to a terminal), and a file to name.
WORKBOOKS = {"xlsx": "check.xlsx"}
#: A file written by --output names the applicants: for the person who ran the command.
OUTPUT_MODE = 0o600


def refuse_workbook_to_terminal(fmt: str, output: Path | None) -> None:
    """A workbook goes into a file named with --output, never to stdout (a usage error)."""
    if fmt in WORKBOOKS and output is None:
        raise UsageError(N_("--format {format} writes a workbook, which is not written to a "
                            "terminal"),
                         fix=N_("name the file to write with --output FILE, such as {example}"),
                         format=fmt, example=f"-o {WORKBOOKS[fmt]}")


def check(app: Application, paths: list[str], *, credential: str | None, fmt: str,
          fail_on: FailOn | None, jobs: int | None, exclude: list[str],
          validate_only: bool = False, time_limit: float | None = None,
          output: Path | None = None) -> ExitCode:
    """Judge (or validate) every portfolio ``paths`` name; the exit code ``fail_on`` asks for
    (by default :meth:`FailOn.default`). The rows go to stdout, or into ``output``, which is
    replaced only once written whole."""
    from .batch import TIME_LIMIT, Settings, find, from_stdin

    refuse_workbook_to_terminal(fmt, output)
    rules = app.rules
    named = app.credential(credential)
    policy = fail_on or FailOn.default(named)
    files, missing = find(paths, exclude, app.language.code)
    if not files and not missing:
        raise UsageError(N_("no .toml files in {paths}"),
                         fix=N_("name portfolio files, folders that hold them, or a glob"),
                         paths=", ".join(repr(p) for p in paths))
    settings = Settings(rules=rules, as_of=app.as_of, today=app.today, credential=named,
                        validate_only=validate_only, documents=fmt in ("json", "jsonl"),
                        time_limit=TIME_LIMIT if time_limit is None else (time_limit or None),
                        language=app.language.code)
    missing += from_stdin(files, settings)
    term = app.terminal

    def write(out: IO[Any], quiet_for: IO[str] | None) -> set[Failure]:
        return _write_rows(app, out, fmt, files, missing, settings, policy, jobs,
                           quiet_for=quiet_for)

    if output is None:
        failures = write(term.stdout, term.stdout)
        term.stdout.flush()
        return FailOn.exit_code(failures)
    from ..errors import os_problem
    from ..io.document import atomic_file

    try:
        with atomic_file(output, mode=OUTPUT_MODE, binary=fmt in WORKBOOKS) as out:
            failures = write(out, None)
    except OSError as exc:
        raise os_problem(exc, None, output) from None
    term.message(str(output), label="written", style="32")
    return FailOn.exit_code(failures)


def _write_rows(app: Application, out: IO[Any], fmt: str, files: list[str], missing: list[Any],
                settings: Any, policy: FailOn, jobs: int | None, *,
                quiet_for: IO[str] | None) -> set[Failure]:
    """Judge the files and write their rows into ``out`` one at a time, in ``fmt``; the
    kinds of failure seen."""
    from ..render.progress import Progress
    from ..render.rows import WRITERS, Summary
    from .batch import default_jobs, run

    if fmt == "xlsx":
        from ..render.xlsx import Xlsx as writer_type
    else:
        writer_type = WRITERS[fmt]
    term = app.terminal
    writer = writer_type(out, validate=settings.validate_only, credential=settings.credential,
                         files=files + [r.file for r in missing], fail_on=policy,
                         language=app.language)
    summary = Summary()
    failures: set[Failure] = set()
    progress = Progress(term.stderr, len(files) + len(missing), quiet_for=quiet_for,
                        language=app.language)
    writer.start()
    judged = run(files, settings, jobs or default_jobs(),
                 reader_gone=term.reader_gone if out is term.stdout else None)
    rows = merge(sorted(missing, key=lambda r: r.file), judged, key=lambda r: r.file)
    try:
        for row in rows:  # one at a time: nothing is kept of a portfolio once written
            summary.add(row)
            writer.row(row)
            kind = policy.failure(row)
            if kind is not None:
                failures.add(kind)
            progress.step()
    finally:  # stopped or not, the count is wiped before any message is shown
        progress.done()
    writer.end(summary)
    return failures


def validate(app: Application, paths: list[str], *, fmt: str, jobs: int | None,
             exclude: list[str], time_limit: float | None = None,
             output: Path | None = None) -> ExitCode:
    """Check the format of every portfolio ``paths`` name, without judging them."""
    return check(app, paths, credential=None, fmt=fmt, fail_on=FailOn.invalid, jobs=jobs,
                 exclude=exclude, validate_only=True, time_limit=time_limit, output=output)
