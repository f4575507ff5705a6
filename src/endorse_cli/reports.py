"""What each reporting command does, from options to output; the CLI only parses options.

Each function loads what it needs, judges, and hands the result to one renderer.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

import msgspec

from .api import assess_loaded, find_portfolio
from .engine.recommend import checklist_for
from .errors import UsageError
from .io.portfolio_file import read_portfolio
from .io.rules_file import load_rules
from .model.results import Assessment
from .render import json_out
from .render.terminal import Terminal

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


def _assess(file: str | None, rules_file: Path | None, as_of: str | None) -> Assessment:
    day = parse_as_of(as_of)
    rules = load_rules(rules_file).value
    path = find_portfolio(file)
    return assess_loaded(read_portfolio(path), rules, day)


def assess(term: Terminal, file: str | None, *, rules_file: Path | None, as_of: str | None,
           fmt: Format) -> None:
    result = _assess(file, rules_file, as_of)
    if fmt == "json":
        term.data(json_out.dumps(json_out.assessment_dict(result)))
    elif fmt == "markdown":
        from .render import markdown

        term.data(markdown.assess(result))
    else:
        from .render import text

        text.assess(term.console, result)


def gaps(term: Terminal, file: str | None, *, credential: str | None, rules_file: Path | None,
         as_of: str | None, fmt: Format) -> None:
    result = _assess(file, rules_file, as_of)
    try:
        chosen, why = checklist_for(result, credential)
    except KeyError as exc:
        from .io.hints import did_you_mean

        ids = [c.id for c in result.credentials]
        guess = did_you_mean(str(exc.args[0]), ids)
        hint = f'; did you mean "{guess}"?' if guess else ""
        raise UsageError(f"--credential {exc.args[0]!r} is not in the rules{hint}",
                         fix="use one of: " + ", ".join(ids)) from None
    if fmt == "json":
        data = json_out.assessment_dict(result)
        data["checklist"] = {"id": chosen.id, "why": why}
        term.data(json_out.dumps(data))
    elif fmt == "markdown":
        from .render import markdown

        term.data(markdown.checklist(result, chosen, why))
    else:
        from .render import text

        text.gaps(term.console, result, chosen, why)


def credentials(term: Terminal, *, rules_file: Path | None, fmt: Format) -> None:
    loaded = load_rules(rules_file)
    if fmt == "json":
        term.data(json_out.dumps(msgspec.to_builtins(loaded.value)))
    elif fmt == "markdown":
        from .render import markdown

        term.data(markdown.credentials(loaded.value, loaded.name))
    else:
        from .render import text

        text.credentials(term.console, loaded.value, loaded.name)
