"""What each reporting command does, from options to output; the CLI only parses options.

Each function loads what it needs, judges, and hands the result to one renderer.
"""

from __future__ import annotations

import datetime as dt
import os
from heapq import merge
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .api import assess_loaded, find_portfolio
from .engine.recommend import checklist_for
from .errors import ExitCode, UsageError
from .io.portfolio_file import read_portfolio
from .io.rules_file import load_rules
from .model.results import Assessment
from .render.terminal import Terminal

if TYPE_CHECKING:
    from .render.rows import Summary

Format = Literal["text", "json", "markdown"]


def parse_as_of(value: str | None) -> dt.date:
    """``--as-of YYYY-MM-DD``; today when not given."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--as-of {value!r} is not a date",
                         fix="write it as YYYY-MM-DD, e.g. --as-of 2026-06-30") from None


def _assess(file: str | None, rules_file: Path | None, as_of: str | None,
            rsc_per_month: float | None) -> Assessment:
    day = parse_as_of(as_of)
    if rsc_per_month is not None and not (0 <= rsc_per_month <= 1000):
        raise UsageError(f"--assume-rsc-per-month {rsc_per_month:g} is not a pace",
                         fix="give the hours of RS/C a month, e.g. --assume-rsc-per-month 2")
    rules = load_rules(rules_file).value
    path = find_portfolio(file)
    return assess_loaded(read_portfolio(path), rules, day, rsc_per_month=rsc_per_month)


def show(term: Terminal, fmt: Format, view: str, *args: Any) -> None:
    """Render ``view`` (assess, gaps, timeline, credentials) in ``fmt``, loaded on demand."""
    if fmt == "text":
        from .render import text

        getattr(text, view)(term.console, *args)
        return
    if fmt == "markdown":
        from .render import markdown as renderer
    else:
        from .render import json_out as renderer
    term.data(getattr(renderer, view)(*args))


def assess(term: Terminal, file: str | None, *, rules_file: Path | None, as_of: str | None,
           fmt: Format, rsc_per_month: float | None = None) -> None:
    show(term, fmt, "assess", _assess(file, rules_file, as_of, rsc_per_month))


def gaps(term: Terminal, file: str | None, *, credential: str | None, rules_file: Path | None,
         as_of: str | None, fmt: Format, rsc_per_month: float | None = None,
         timeline: bool = False) -> None:
    result = _assess(file, rules_file, as_of, rsc_per_month)
    chosen, why = _chosen(result, credential)
    show(term, fmt, "timeline" if timeline else "gaps", result, chosen, why)


def _chosen(result: Assessment, credential: str | None):  # noqa: ANN202
    """The credential a checklist is about (named, target, recommended), and why."""
    try:
        return checklist_for(result, credential)
    except KeyError as exc:
        from .io.hints import did_you_mean

        ids = [c.id for c in result.credentials]
        guess = did_you_mean(str(exc.args[0]), ids)
        hint = f'; did you mean "{guess}"?' if guess else ""
        raise UsageError(f"--credential {exc.args[0]!r} is not in the rules{hint}",
                         fix="use one of: " + ", ".join(ids)) from None


def credentials(term: Terminal, *, rules_file: Path | None, fmt: Format) -> None:
    loaded = load_rules(rules_file)
    show(term, fmt, "credentials", loaded.value, loaded.name)


FailOn = Literal["invalid", "unmet", "warning", "never"]


def check(term: Terminal, paths: list[str], *, credential: str | None, rules_file: Path | None,
          as_of: str | None, fmt: str, fail_on: FailOn, jobs: int | None,
          validate_only: bool = False, exclude: list[str] = []) -> ExitCode:  # noqa: B006
    """Judge (or validate) every portfolio ``paths`` name; the exit code ``fail_on`` asks for."""
    from .checks import Settings, default_jobs, find, run
    from .render.progress import Progress
    from .render.rows import WRITERS, Summary

    day = parse_as_of(as_of)
    rules = load_rules(rules_file).value
    if credential is not None:
        known = {c.id.casefold(): c.id for c in rules.credential}
        if credential.casefold() not in known:
            from .io.hints import did_you_mean

            ids = [c.id for c in rules.credential]
            guess = did_you_mean(credential, ids)
            raise UsageError(f"--credential {credential!r} is not in the rules"
                             + (f'; did you mean "{guess}"?' if guess else ""),
                             fix="use one of: " + ", ".join(ids))
        credential = known[credential.casefold()]
    files, missing = find(paths, exclude)
    if not files and not missing:
        raise UsageError("no .toml files in " + ", ".join(repr(p) for p in paths),
                         fix="name portfolio files, folders that hold them, or a glob")
    settings = Settings(rules=rules, as_of=day, credential=credential,
                        validate_only=validate_only, documents=fmt in ("json", "jsonl"))
    writer = WRITERS[fmt](term.stdout, validate=validate_only, credential=credential,
                          files=files + [r.file for r in missing], fail_on=fail_on)
    summary = Summary()
    progress = Progress(term.stderr, len(files) + len(missing), quiet_for=term.stdout)
    writer.start()
    rows = merge(sorted(missing, key=lambda r: r.file), run(files, settings, jobs or default_jobs()),
                 key=lambda r: r.file)
    for row in rows:  # one at a time: nothing is kept of a portfolio once written
        summary.add(row)
        writer.row(row)
        progress.step()
    progress.done()
    writer.end(summary)
    term.stdout.flush()
    return exit_code(summary, fail_on)


def exit_code(summary: Summary, fail_on: FailOn) -> ExitCode:
    if fail_on == "never":
        return ExitCode.OK
    if summary.invalid:
        return ExitCode.INVALID_INPUT
    if (fail_on == "unmet" and summary.unmet) or (fail_on == "warning" and summary.with_warnings):
        return ExitCode.CHECK_FAILED
    return ExitCode.OK


def schema(term: Terminal) -> None:
    from .model.schema import portfolio_schema
    from .render.json_out import dumps

    term.data(dumps(portfolio_schema()))


def bundle(term: Terminal, file: str | None, *, credential: str | None, rules_file: Path | None,
           as_of: str | None, out: Path | None, templates: Path | None, force: bool,
           allow_missing: bool) -> None:
    """Write the submission bundle of one portfolio (jinja2 loads only here)."""
    from .bundle.build import build
    from .errors import PortfolioError
    from .io.portfolio_file import parse_portfolio
    from .io.rules_file import default_rules_path, resolve_rules
    from .io.tomlfile import decode, read_bytes

    day = parse_as_of(as_of)
    rules = load_rules(rules_file).value
    path = find_portfolio(file)
    original = read_bytes(path, PortfolioError, str(path))  # read once: judged and bundled
    loaded = parse_portfolio(decode(original, PortfolioError, str(path)), name=str(path))
    result = assess_loaded(loaded, rules, day)
    chosen, why = _chosen(result, credential)
    source = resolve_rules(rules_file) or default_rules_path()
    name = str(rules_file) if rules_file else "data/credentials.toml"
    if templates is not None and not templates.is_dir():
        raise UsageError(f"--templates {str(templates)!r} is not a folder",
                         fix="name a folder of templates like the shipped templates/")
    folder, archive, notes = build(
        loaded, path, original, rules, (name, source.read_bytes()), result, chosen, why,
        out=out or Path.cwd(), templates=templates, force=force, allow_missing=allow_missing)
    for note in notes:
        term.message(note, label="warning", style="33")
    term.message(f"{folder}{os.sep} and {archive}", label="written", style="32")
