"""`endorse check` and `endorse validate`: one row per portfolio, a summary, an exit code.

`validate` is `check` without judging: the same search for files, the same rows and formats.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Iterator
from contextlib import contextmanager
from heapq import merge
from pathlib import Path
from typing import IO, Any

from ..errors import ExitCode, UsageError
from ..model.message import N_
from ..model.failon import FailOn, Failure
from .context import Application

#: A file written by --output names the applicants: for the person who ran the command.
OUTPUT_MODE = 0o600


def _example(fmt: str) -> str:
    """A file name to give as an example: the format's own ending."""
    from ..render import formats

    return f"check.{formats.get(fmt).extension}"


def _binary(fmt: str) -> bool:
    """Whether the format writes bytes: a workbook, into a file only, never to a terminal."""
    from ..render import formats

    return formats.get(fmt).binary


def _empty_file_stdout(stdout: IO[Any] | None) -> bool:
    """Whether standard output is an empty plain file (as ``> out.xlsx`` makes one)."""
    import stat

    try:
        info = os.fstat(stdout.fileno())  # type: ignore[union-attr]
    except (AttributeError, OSError, ValueError):
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size == 0


def output_target(fmt: str, output: Path | None, stdout: IO[Any] | None = None) -> Path | None:
    """The file ``--output`` names, checked before any work: None for stdout (no --output, or
    ``-o -``, which only the text formats take). A workbook goes into a named file, never to
    stdout; a folder, a folder that does not exist, what is not a plain file and a file the
    user may not write are refused, each with its plain cause and the fix (a usage error)."""
    if output is not None and str(output) == "-":
        output = None
    if _binary(fmt) and output is None:
        fix = (N_("name the file with --output FILE, such as {example}; the empty file that "
                  "\u201c>\u201d made can be deleted") if _empty_file_stdout(stdout)
               else N_("name the file with --output FILE, such as {example}"))
        raise UsageError(N_("--format {format} writes a workbook, which goes only into a file "
                            "named with --output, not to standard output"),
                         fix=fix, format=fmt, example=f"-o {_example(fmt)}")
    if output is None:
        return None
    if output.is_dir():
        raise UsageError(N_("{path} is a folder"),
                         fix=N_("give a file name, such as {example}"), path=str(output),
                         example=str(output / _example(fmt)))
    folder = output.parent
    if not folder.is_dir():
        raise UsageError(N_("the folder {folder} does not exist"),
                         fix=N_("create it first ({command}), or name a file in a folder that "
                                "exists"), folder=str(folder),
                         command=f"mkdir -p {shlex.quote(str(folder))}")
    if output.exists() and not output.is_file():  # /dev/null would be replaced by a file
        raise UsageError(N_("{path} is not a plain file: it was not replaced"),
                         fix=N_("name a file, such as {example}"), path=str(output),
                         example=_example(fmt))
    if output.exists() and not _writable(output):
        raise UsageError(N_("{path} is read-only: it was not replaced"),
                         fix=N_("make it writable first ({command}), or name another file"),
                         path=str(output), command=f"chmod u+w {shlex.quote(str(output))}")
    return output


def _writable(path: Path) -> bool:
    """Whether the user could write ``path``: as the system says, and, for root (whom the
    system lets write anything), as its mode bits say."""
    if not os.access(path, os.W_OK):
        return False
    return os.geteuid() != 0 or bool(path.stat().st_mode & 0o222)


@contextmanager
def output_file(output: Path, fmt: str) -> Iterator[IO[Any]]:
    """The file to write ``output`` into, replacing it only once written whole, keeping the
    mode of a file it replaces (a new one is the user's alone). A refusal of the system names
    the path the user gave, never the temporary file."""
    from ..errors import os_problem
    from ..io.document import atomic_file

    try:
        mode = output.stat().st_mode & 0o777
    except OSError:
        mode = OUTPUT_MODE
    try:
        with atomic_file(output, mode=mode, binary=_binary(fmt)) as out:
            yield out
    except OSError as exc:
        raise os_problem(OSError(exc.errno, exc.strerror), None, output) from None


def check(app: Application, paths: list[str], *, credential: str | None, fmt: str,
          fail_on: FailOn | None, jobs: int | None, exclude: list[str],
          validate_only: bool = False, time_limit: float | None = None,
          output: Path | None = None) -> ExitCode:
    """Judge (or validate) every portfolio ``paths`` name; the exit code ``fail_on`` asks for
    (by default :meth:`FailOn.default`). The rows go to stdout, or into ``output``, which is
    replaced only once written whole."""
    from ..render import formats
    from .batch import Settings, find, from_stdin

    formats.writer(fmt, "rows")  # a format that writes no rows: said before any work
    output = output_target(fmt, output, app.terminal.stdout)
    named = app.credential(credential)
    policy = fail_on or FailOn.default(named)
    settings = Settings.of(app, time_limit=time_limit, credential=named,
                           validate_only=validate_only, documents=formats.get(fmt).documents)
    files, missing = find(paths, exclude, app.language.code)
    missing += from_stdin(files, settings)
    term = app.terminal

    def write(out: IO[Any], quiet_for: IO[str] | None) -> set[Failure]:
        return _write_rows(app, out, fmt, files, missing, settings, policy, jobs,
                           quiet_for=quiet_for)

    if output is None:
        failures = write(term.stdout, term.stdout)
        term.stdout.flush()
        return FailOn.exit_code(failures)
    with output_file(output, fmt) as out:
        failures = write(out, None)
    term.message(str(output), label="written", style="32")
    return FailOn.exit_code(failures)


def _write_rows(app: Application, out: IO[Any], fmt: str, files: list[str], missing: list[Any],
                settings: Any, policy: FailOn, jobs: int | None, *,
                quiet_for: IO[str] | None) -> set[Failure]:
    """Judge the files and write their rows into ``out`` one at a time, in ``fmt``; the
    kinds of failure seen."""
    from ..render import formats
    from ..render.progress import Progress
    from ..render.rows import Summary
    from .batch import default_jobs, run

    term = app.terminal
    writer = formats.writer(fmt, "rows")(
        out, validate=settings.validate_only, credential=settings.credential,
        files=files + [r.file for r in missing], fail_on=policy, language=app.language)
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
