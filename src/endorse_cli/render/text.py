"""Text output for people, with rich: readable in 80 columns, never colour alone.

Paragraphs are wrapped here with a hanging indent, so that a wrapped line stays under its
item and no line ends in padding.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model.results import Assessment, CredentialResult, RequirementResult
from ..model.rules import AnyReq, Requirement, Rules
from .words import SOONEST, WHY, areas_of, expectation, heading, place, status, timeline_end, timeline_rows

INDENT = 4


def say(console: Console, text: Text | str, *, indent: int = 0, first: Text | str | None = None,
        style: str = "") -> None:
    """Print ``text`` wrapped to the console, every line indented; ``first`` leads line one."""
    text = Text(text, style=style) if isinstance(text, str) else text
    lead = Text(first) if isinstance(first, str) else first
    width = max(20, console.width - indent)
    for i, line in enumerate(text.wrap(console, width)):
        line.rstrip()
        prefix = lead if (i == 0 and lead is not None) else Text(" " * indent)
        console.print(Text.assemble(prefix, line), soft_wrap=True)


def _yes(flag: bool) -> Text:
    return Text("yes", style="green") if flag else Text("no", style="red")


def _mark(req: RequirementResult) -> Text:
    if not req.applies:
        return Text("[-] ", style="dim")
    return Text("[x] ", style="bold green") if req.met else Text("[ ] ", style="bold red")


def warnings(console: Console, assessment: Assessment) -> None:
    if not assessment.warnings:
        return
    console.print()
    console.print(Text("Warnings", style="bold yellow"))
    for w in assessment.warnings:
        say(console, f"{w.message}.", indent=INDENT, first="  ! ")
        if w.fix:
            say(console, f"fix: {w.fix}{place(w)}", indent=INDENT, first=" " * INDENT,
                style="dim")


def assess(console: Console, assessment: Assessment) -> None:
    say(console, heading(assessment), style="bold")
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column("Credential")
    table.add_column("Qualified")
    table.add_column("Met")
    table.add_column("Requirements", justify="right")
    table.add_column("Soonest")
    for c in assessment.credentials:
        expected = "" if c.met else (c.expected.isoformat() if c.expected else "-")
        table.add_row(f"{c.id} {c.name}", _yes(c.qualified), _yes(c.met),
                      f"{c.met_count} of {c.total}", expected)
    console.print()
    console.print(table)
    say(console, SOONEST, style="dim")
    rec = assessment.recommended
    pick = assessment.credential(rec.id)
    console.print()
    label = "Recommended" if rec.qualified else "Recommended (not yet qualified)"
    console.print(Text.assemble((f"{label}: ", "bold"),
                                (f"{rec.id} {pick.name if pick else ''}".strip(), "bold cyan")))
    say(console, rec.reason, indent=2, first="  ")
    if rec.also_qualified:
        say(console, f"Also qualified for: {', '.join(rec.also_qualified)}.", indent=2, first="  ")
    if rec.next_up:
        needs = "; ".join(rec.next_up_needs) or "nothing more"
        say(console, f"Next up, {rec.next_up}, still needs: {needs}.", indent=2, first="  ")
    warnings(console, assessment)


def _requirement(console: Console, req: RequirementResult, indent: int = 0) -> None:
    title = Text(req.label)
    if req.qualification:
        title.append(" (qualification)", style="dim")
    lead = Text.assemble(" " * indent, _mark(req))
    body = indent + INDENT
    say(console, title, indent=body, first=lead)
    say(console, req.standing, indent=body, first=" " * body, style="dim" if req.met else "")
    if req.note and req.applies:
        say(console, f"note: {req.note}", indent=body, first=" " * body, style="yellow")
    if when := expectation(req):
        say(console, when, indent=body, first=" " * body, style="magenta")
    if req.kind == "any" and not req.met:
        for option in req.options:
            _requirement(console, option, body)
    elif req.next_step:
        say(console, f"next: {req.next_step}", indent=body, first=" " * body, style="cyan")


def gaps(console: Console, assessment: Assessment, result: CredentialResult, why: str) -> None:
    say(console, f"Gap checklist for {result.id} {result.name} ({WHY[why]})", style="bold")
    say(console, heading(assessment))
    say(console, status(result).capitalize() + ".", style="green" if result.met else "")
    console.print()
    for req in result.requirements:
        _requirement(console, req)
    if why != "recommended" and assessment.recommended.id != result.id:
        console.print()
        say(console, f"Recommended for you: {assessment.recommended.id}. "
                     "See `endorse assess` for why.")
    warnings(console, assessment)


def timeline(console: Console, assessment: Assessment, result: CredentialResult, why: str) -> None:
    say(console, f"Timeline for {result.id} {result.name} ({WHY[why]})", style="bold")
    say(console, heading(assessment))
    console.print()
    rows = timeline_rows(result)
    for when, label, because in rows:
        say(console, label, indent=14, first=Text(f"  {when:<10}  ", style="bold"))
        if because:
            say(console, because, indent=14, first=" " * 14, style="dim")
    if rows:
        console.print()
    say(console, timeline_end(result), style="bold")
    warnings(console, assessment)


def _rule_line(req: Requirement) -> str:
    mark = "qualification" if req.qualification else "requirement"
    return f"{req.id} ({req.__struct_config__.tag}, {mark}): {req.label}"


def credentials(console: Console, rules: Rules, source: str) -> None:
    say(console, rules.name, style="bold")
    say(console, f"from {source}", style="dim")
    for c in rules.by_level():
        console.print()
        say(console, f"{c.id} {c.name} (level {c.level}, focus: {c.focus})", style="bold cyan")
        if c.audience:
            say(console, c.audience, indent=2, first="  ", style="dim")
        for req in c.requirement:
            say(console, _rule_line(req), indent=4, first="  - ")
            if areas := areas_of(req, rules):
                say(console, f"areas: {areas}", indent=4, first="    ", style="dim")
            if isinstance(req, AnyReq):
                for opt in req.option:
                    say(console, _rule_line(opt), indent=8, first="      · ")
