"""`endorse renew` for people (text, Markdown) and scripts (JSON): each endorsement held, each
renewal year with its minimums, and what the year now running still needs by its due day.

Text and Markdown are in the reader's language (the report is worded in it by
:func:`endorse_cli.render.sentences.word_renewal`); JSON is the same in every language."""

from __future__ import annotations

import json
from typing import Any

import msgspec
from rich.console import Console

from ..i18n import ENGLISH, Language
from .text import INDENT, _mark, _text, say


def _heading(report: Any, file: str, language: Language) -> str:
    return language.gettext("{applicant} ({file}), as of {date}").format(
        applicant=report.applicant, file=file, date=language.day(report.as_of))


def _title(e: Any, language: Language) -> str:
    if e.status == "unknown":
        return e.name
    return language.gettext("{endorsement}, endorsed {date}").format(
        endorsement=e.name, date=language.day(e.endorsed))


def _rules(report: Any, language: Language) -> str:
    return language.gettext("Rules: {name}").format(name=report.rules_name)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def _years(years: Any, language: Language) -> list[tuple[str, Any]]:
    """Each year with its label, a run of years with nothing judged and the same words (the
    years after a lapse) said once: ``2027 to 9999``."""
    out: list[tuple[str, Any]] = []
    run: list[Any] = []

    def close() -> None:
        if run:
            label = str(run[0].year) if len(run) == 1 else language.gettext(
                "{first} to {last}").format(first=run[0].year, last=run[-1].year)
            out.append((label, run[0]))
            run.clear()

    for y in years:
        if y.requirements or (run and run[0].summary != y.summary):
            close()
        if y.requirements:
            out.append((str(y.year), y))
        else:
            run.append(y)
    close()
    return out


def text(console: Console, report: Any, file: str, language: Language = ENGLISH) -> None:
    _ = language.gettext
    say(console, _heading(report, file, language), style="bold")
    say(console, _rules(report, language), style="dim")
    for e in report.endorsements:
        console.print()
        say(console, _title(e, language), style="bold")
        if e.association:
            say(console, e.association)
        say(console, _sentence(e.summary))
        for label, y in _years(e.years, language):
            console.print()
            say(console, f"{label}: {y.summary}", style="bold")
            for req in y.requirements:
                say(console, req.label, indent=INDENT, first=_mark(_text(console), req))
                say(console, req.standing, indent=INDENT, first=" " * INDENT, style="dim")
        if e.missing_now:
            console.print()
            say(console, _("Still to do"), style="bold")
            for req in e.missing_now:
                say(console, req.next_step or req.label, indent=INDENT, first="  - ")


def markdown(report: Any, file: str, language: Language = ENGLISH) -> str:
    _ = language.gettext
    lines = [_("# Renewal: {heading}").format(heading=_heading(report, file, language)), "",
             _rules(report, language)]
    for e in report.endorsements:
        lines += ["", f"## {_title(e, language)}", ""]
        if e.association:
            lines += [e.association, ""]
        lines.append(_sentence(e.summary))
        for label, y in _years(e.years, language):
            lines += ["", f"### {label}: {y.summary}", ""]
            for req in y.requirements:
                box = "-" if not req.applies else ("x" if req.met else " ")
                lines.append(f"- [{box}] {req.label}: {req.standing}")
        if e.missing_now:
            lines += ["", "### " + _("Still to do"), ""]
            lines += [f"- {req.next_step or req.label}" for req in e.missing_now]
    return "\n".join(lines) + "\n"


def as_json(report: Any, file: str) -> str:
    data = msgspec.to_builtins(report)
    from .json_out import inert

    return inert(json.dumps({"format": 1, "file": file, **data}, ensure_ascii=False,
                            indent=2)) + "\n"
