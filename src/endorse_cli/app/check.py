"""`endorse check` and `endorse validate`: one row per portfolio, a summary, an exit code.

`validate` is `check` without judging: the same search for files, the same rows and formats.
"""

from __future__ import annotations

from heapq import merge

from ..errors import ExitCode, UsageError
from ..model.message import N_
from ..model.failon import FailOn, Failure
from .context import Application


def check(app: Application, paths: list[str], *, credential: str | None, fmt: str,
          fail_on: FailOn | None, jobs: int | None, exclude: list[str],
          validate_only: bool = False, time_limit: float | None = None) -> ExitCode:
    """Judge (or validate) every portfolio ``paths`` name; the exit code ``fail_on`` asks for
    (by default :meth:`FailOn.default`)."""
    from ..render.progress import Progress
    from ..render.rows import WRITERS, Summary
    from .batch import TIME_LIMIT, Settings, default_jobs, find, from_stdin, run

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
    writer = WRITERS[fmt](term.stdout, validate=validate_only, credential=named,
                          files=files + [r.file for r in missing], fail_on=policy,
                          language=app.language)
    summary = Summary()
    failures: set[Failure] = set()
    progress = Progress(term.stderr, len(files) + len(missing), quiet_for=term.stdout,
                        language=app.language)
    writer.start()
    judged = run(files, settings, jobs or default_jobs(), reader_gone=term.reader_gone)
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
    term.stdout.flush()
    return FailOn.exit_code(failures)


def validate(app: Application, paths: list[str], *, fmt: str, jobs: int | None,
             exclude: list[str], time_limit: float | None = None) -> ExitCode:
    """Check the format of every portfolio ``paths`` name, without judging them."""
    return check(app, paths, credential=None, fmt=fmt, fail_on=FailOn.invalid, jobs=jobs,
                 exclude=exclude, validate_only=True, time_limit=time_limit)
