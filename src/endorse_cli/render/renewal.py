"""`endorse renew` for people (text, Markdown) and scripts (JSON): each endorsement held, each
renewal year with its minimums, and what the year now running still needs by its due day."""

from __future__ import annotations

import json
from typing import Any

import msgspec
from rich.console import Console
from rich.text import Text

from .text import INDENT, _mark, say


def _heading(report: Any, file: str) -> str:
    return f"{report.applicant} ({file}), as of {report.as_of.isoformat()}"


def text(console: Console, report: Any, file: str) -> None:
    say(console, _heading(report, file), style="bold")
    say(console, f"Rules: {report.rules_name}", style="dim")
    for e in report.endorsements:
        console.print()
        title = e.name + (f", endorsed {e.endorsed.isoformat()}" if e.status != "unknown" else "")
        say(console, title, style="bold")
        if e.association:
            say(console, e.association)
        say(console, e.summary[:1].upper() + e.summary[1:] + ".")
        for y in e.years:
            console.print()
            say(console, f"{y.year}: {y.summary}", style="bold")
            for req in y.requirements:
                say(console, req.label, indent=INDENT, first=_mark(req))
                say(console, req.standing, indent=INDENT, first=" " * INDENT, style="dim")
        if e.missing_now:
            console.print()
            say(console, "Still to do", style="bold")
            for req in e.missing_now:
                say(console, req.next_step or req.label, indent=INDENT, first="  - ")


def markdown(report: Any, file: str) -> str:
    lines = [f"# Renewal: {_heading(report, file)}", "", f"Rules: {report.rules_name}"]
    for e in report.endorsements:
        lines += ["", f"## {e.name}" + (f", endorsed {e.endorsed.isoformat()}"
                                         if e.status != "unknown" else ""), ""]
        if e.association:
            lines += [e.association, ""]
        lines.append(e.summary[:1].upper() + e.summary[1:] + ".")
        for y in e.years:
            lines += ["", f"### {y.year}: {y.summary}", ""]
            for req in y.requirements:
                box = "-" if not req.applies else ("x" if req.met else " ")
                lines.append(f"- [{box}] {req.label}: {req.standing}")
        if e.missing_now:
            lines += ["", "### Still to do", ""]
            lines += [f"- {req.next_step or req.label}" for req in e.missing_now]
    return "\n".join(lines) + "\n"


def as_json(report: Any, file: str) -> str:
    data = msgspec.to_builtins(report)
    return json.dumps({"format": 1, "file": file, **data}, ensure_ascii=False, indent=2) + "\n"
