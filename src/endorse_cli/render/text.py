"""Text output for people, with rich (or, without colour through a pipe, its stand-in
:mod:`.plain`, same bytes): readable in 80 columns, never colour alone.

Paragraphs are wrapped here with a hanging indent, so that a wrapped line stays under its
item and no line ends in padding.
"""

from __future__ import annotations

import re

from typing import TYPE_CHECKING, Any

from ..i18n import ENGLISH, Language
from ..model.results import Assessment, CredentialResult, RequirementResult
from ..model.rules import AnyReq, Requirement, Rules
from .sentences import sentence
from .words import (SOONEST, WHY, areas_of, expectation, heading, kind_of, place, status,
                    timeline_end, timeline_rows, waiting_steps)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

INDENT = 4


def _text(console: Console) -> Any:
    """The class of styled text ``console`` prints: rich's, or :class:`.plain.PlainText`
    for the console without rich (loaded only when it is asked for)."""
    made = getattr(console, "Text", None)
    if made is None:
        from rich.text import Text as made
    return made


def say(console: Console, text: Text | str, *, indent: int = 0, first: Text | str | None = None,
        style: str = "", out: list[Text | str] | None = None, width: int | None = None) -> None:
    """Print ``text`` wrapped to the console, every line indented; ``first`` leads line one.
    ``out``: the lines are put there instead, to be printed together (see
    :func:`print_lines`); ``width``: the console's, when the caller knows it already."""
    width = max(20, (console.width if width is None else width) - indent)
    plain = _plain_lines(text, width) if isinstance(text, str) else None
    if plain is not None and out is not None and console.color_system is None and (
            first is None or isinstance(first, str)):  # no colours: the lines as they are
        out.extend(f"{first if (i == 0 and first is not None) else ' ' * indent}{line}"
                   for i, line in enumerate(plain))
        return
    Text = _text(console)  # noqa: N806
    lead = Text(first) if isinstance(first, str) else first
    if plain is not None:
        lines = [Text(line, style=style) for line in plain]
    else:
        text = Text(text, style=style) if isinstance(text, str) else text
        lines = list(text.wrap(console, width))
        for line in lines:
            line.rstrip()
    indented = [Text.assemble(lead if (i == 0 and lead is not None) else Text(" " * indent), line)
                for i, line in enumerate(lines)]
    if out is not None:
        out.extend(indented)
    else:
        for line in indented:
            console.print(line, soft_wrap=True)


def print_lines(console: Console, lines: list[Text | str]) -> None:
    """Print the lines :func:`say` gathered, in one go (one Text without styles when they
    all came without colours)."""
    if all(isinstance(line, str) for line in lines):  # as they are: nothing to style or wrap
        if getattr(console, "Text", None):  # the console without rich
            console.print("\n".join(lines))
            return
        from rich.segment import Segment, Segments

        console.print(Segments([Segment("\n".join(lines) + "\n")]),  # type: ignore[arg-type]
                      soft_wrap=True)
    else:
        Text = _text(console)  # noqa: N806
        console.print(Text("\n").join(Text(x) if isinstance(x, str) else x for x in lines),
                      soft_wrap=True)


_WORD = re.compile(r"\s*\S+\s*")


def _plain_lines(text: str, width: int) -> list[str] | None:
    """rich's word wrap of ``text`` (``Text.wrap``, each line stripped on the right), worked
    out on the string alone: for printable ASCII, where each character is one cell; None
    for any other text, which rich wraps. Thousands of warnings are wrapped in a blink."""
    if not (text.isascii() and text.isprintable()):
        return None
    if len(text) <= width:  # every word fits
        return [text.rstrip()]
    if "  " not in text and text[0] != " " and max(map(len, text.split(" "))) <= width:
        # Words one space apart, none longer than a line (a sentence): each line ends
        # before the word that crosses the width, found by a jump.
        lines, begin, end = [], 0, len(text)
        while end - begin > width:
            at = begin + width
            cut = at + 1 if text[at] == " " else text.rfind(" ", begin, at) + 1
            if cut >= end:
                break
            lines.append(text[begin:cut].rstrip())
            begin = cut
        lines.append(text[begin:].rstrip())
        return lines
    breaks = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match[0]
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # longer than a line: folded, as rich folds it
            chunks = [word[i:i + width] for i in range(0, len(word), width)]
            for chunk in chunks:
                if start:
                    breaks.append(start)
                start += len(chunk)
            offset = len(chunks[-1])
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    cuts = [0, *breaks, len(text)]
    return [text[a:b][:width].rstrip() for a, b in zip(cuts, cuts[1:])]


def _yes(flag: bool, language: Language = ENGLISH) -> Text:
    from rich.text import Text  # only in assess's table, which is rich's

    _ = language.gettext
    return Text(_("yes"), style="green") if flag else Text(_("no"), style="red")


def _mark(Text: Any, req: RequirementResult) -> Text:  # noqa: N803
    if not req.applies:
        return Text("[-] ", style="dim")
    return Text("[x] ", style="bold green") if req.met else Text("[ ] ", style="bold red")


def warnings(console: Console, assessment: Assessment, language: Language = ENGLISH) -> None:
    _ = language.gettext
    if not assessment.warnings:
        return
    console.print()
    console.print(_text(console)(_("Warnings"), style="bold yellow"))
    from .sentences import grouped

    lines: list[Text | str] = []  # printed together: thousands of warnings in one go
    width = console.width
    for w in grouped(assessment.warnings, language, assessment.file,
                     assessment.rules_option):
        say(console, f"{w.message}.", indent=INDENT, first="  ! ", out=lines, width=width)
        if w.fix:
            say(console, _("fix: {fix}").format(fix=w.fix) + place(w, language), indent=INDENT,
                first=" " * INDENT, style="dim", out=lines, width=width)
    print_lines(console, lines)


def assess(console: Console, assessment: Assessment, language: Language = ENGLISH) -> None:
    _ = language.gettext
    Text = _text(console)  # noqa: N806
    say(console, heading(assessment, language), style="bold")
    from rich.table import Table  # only here: 22 million instructions to load, for one table

    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column(_("Credential"))
    table.add_column(_("Qualified"))
    # Met: the requirements met, "7 of 7" when all are; Ready: met, and nothing else the
    # application waits on (ratings, signatures, membership).
    table.add_column(_("Met"), justify="right")
    table.add_column(_("Ready"))
    table.add_column(_("Soonest"))
    for c in assessment.credentials:
        expected = "" if c.met else (language.day(c.expected) if c.expected else "-")
        table.add_row(f"{c.id} {c.name}", _yes(c.qualified, language),
                      _("{met} of {total}").format(met=c.met_count, total=c.total),
                      _yes(c.ready, language), expected)
    console.print()
    console.print(table)
    say(console, _(SOONEST), style="dim")
    rec = assessment.recommended
    pick = assessment.credential(rec.id)
    console.print()
    label = _("Recommended") if rec.qualified else _("Recommended (not yet qualified)")
    console.print(Text.assemble((f"{label}: ", "bold"),
                                (f"{rec.id} {pick.name if pick else ''}".strip(), "bold cyan")))
    say(console, rec.reason, indent=2, first="  ")
    if rec.also_qualified:
        say(console, _("Also qualified for: {ids}.").format(ids=", ".join(rec.also_qualified)),
            indent=2, first="  ")
    if rec.next_up:
        needs = "; ".join(rec.next_up_needs) or _("nothing more")
        say(console, _("Next up, {id}, still needs: {needs}.").format(id=rec.next_up, needs=needs),
            indent=2, first="  ")
    warnings(console, assessment, language)


def _requirement(console: Console, req: RequirementResult, indent: int = 0,
                 language: Language = ENGLISH) -> None:
    _ = language.gettext
    Text = _text(console)  # noqa: N806
    title = Text(req.label)
    if req.qualification:
        title.append(" " + _("(qualification)"), style="dim")
    lead = Text.assemble(" " * indent, _mark(Text, req))
    body = indent + INDENT
    say(console, title, indent=body, first=lead)
    say(console, req.standing, indent=body, first=" " * body, style="dim" if req.met else "")
    if req.note and req.applies:
        say(console, _("note: {note}").format(note=req.note), indent=body, first=" " * body,
            style="yellow")
    if when := expectation(req, language):
        say(console, when, indent=body, first=" " * body, style="magenta")
    if req.kind == "any" and not req.met:
        for option in req.options:
            _requirement(console, option, body, language)
    elif req.next_step:
        say(console, _("next: {step}").format(step=req.next_step), indent=body, first=" " * body,
            style="cyan")


def gaps(console: Console, assessment: Assessment, result: CredentialResult, why: str,
         language: Language = ENGLISH) -> None:
    _ = language.gettext
    say(console, _("Gap checklist for {id} {name} ({why})").format(
        id=result.id, name=result.name, why=_(WHY[why])), style="bold")
    say(console, heading(assessment, language))
    say(console, sentence(status(result, language)) + ".",
        style="green" if result.ready else "yellow" if result.met else "")
    for step in waiting_steps(result):
        say(console, _("before you apply: {step}").format(step=step), indent=INDENT,
            first="  - ", style="cyan")
    console.print()
    for req in result.requirements:
        _requirement(console, req, language=language)
    if why != "recommended" and assessment.recommended.id != result.id:
        console.print()
        from .sentences import name_commands

        say(console, name_commands(_("Recommended for you: {id}. See `endorse assess` for "
                                     "why.").format(id=assessment.recommended.id),
                                   assessment.file, assessment.rules_option))
    warnings(console, assessment, language)


def timeline(console: Console, assessment: Assessment, result: CredentialResult, why: str,
             language: Language = ENGLISH) -> None:
    _ = language.gettext
    Text = _text(console)  # noqa: N806
    say(console, _("Timeline for {id} {name} ({why})").format(
        id=result.id, name=result.name, why=_(WHY[why])), style="bold")
    say(console, heading(assessment, language))
    console.print()
    rows = timeline_rows(result, language)
    # A date column when the dates are short (2025-03-15); long ones (15 de marzo de 2025)
    # get a line of their own, so that the requirements keep the width to wrap in.
    column = max((len(when) for when, _label, _why in rows), default=0) <= 10
    for when, label, because in rows:
        if column:
            say(console, label, indent=14, first=Text(f"  {when:<10}  ", style="bold"))
        else:
            say(console, Text(when, style="bold"), indent=2, first="  ")
            say(console, label, indent=6, first=" " * 6)
        if because:
            hang = 14 if column else 6
            say(console, because, indent=hang, first=" " * hang, style="dim")
    if rows:
        console.print()
    say(console, timeline_end(result, language), style="bold")
    warnings(console, assessment, language)


def _rule_line(req: Requirement, language: Language = ENGLISH) -> str:
    _ = language.gettext
    mark = _("qualification") if req.qualification else _("requirement")
    return f"{req.label} ({kind_of(req, language)}, {mark})"


def credentials(console: Console, rules: Rules, source: str,
                language: Language = ENGLISH) -> None:
    """The rules in force; ``rules`` already in the reader's language (``model.texts``)."""
    _ = language.gettext
    say(console, rules.name, style="bold")
    say(console, _("from {source}").format(source=source), style="dim")
    for c in rules.by_level():
        console.print()
        say(console, _("{id} {name} (level {level}, focus: {focus})").format(
            id=c.id, name=c.name, level=c.level, focus=c.focus), style="bold cyan")
        if c.audience:
            say(console, c.audience, indent=2, first="  ", style="dim")
        for req in c.requirement:
            say(console, _rule_line(req, language), indent=4, first="  - ")
            if areas := areas_of(req, rules):
                say(console, _("areas: {areas}").format(areas=areas), indent=4, first="    ",
                    style="dim")
            if isinstance(req, AnyReq):
                for opt in req.option:
                    say(console, _rule_line(opt, language), indent=8, first="      · ")
