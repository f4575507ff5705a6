"""`endorse import` and `endorse template`: records that already exist in spreadsheets come
in, and blank logs to fill go out. python-calamine, openpyxl, questionary and tomlkit load
only here."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import UsageError
from .context import Application


def _section(app: Application, given: str | None) -> str | None:
    """The section ``--section`` (or SECTION) names: one a log can be imported into."""
    from ..interview.columns import IMPORTED
    from ..interview.fields import section_named

    if given is None:
        return None
    _ = app.language.gettext
    from ..interview.importing import typed_section

    fix = _("use one of: {choices}").format(choices=", ".join(
        typed_section(s, app.language) for s in IMPORTED))
    try:
        section = section_named(given, app.language)
    except UsageError as refused:  # offered: only the sections a log is imported into
        raise UsageError(refused.said.say(app.language), fix=fix) from None
    if section not in IMPORTED:
        raise UsageError(_("{section} is not kept in a log").format(section=given), fix=fix)
    return section


def import_(app: Application, source: str, file: str | None, *, section: str | None,
            sheet: str | None, maps: list[str], dry_run: bool, yes: bool,
            skip_bad: bool) -> None:
    """Read the spreadsheet, show what it would add, and add it when told to go on."""
    from ..interview import importing
    from ..interview.fields import labels
    from ..io.document import PortfolioDocument

    language = app.language
    _ = language.gettext
    term = app.terminal
    path = app.portfolio(file)
    doc = PortfolioDocument.open(path)
    result = importing.plan(Path(source), doc.value(), section=_section(app, section),
                            sheet=sheet, maps=maps, rules=app.rules, today=app.today,
                            language=language)
    importing.show(term.console, result, labels(app.rules, language), language)
    term.console.print()
    for line in importing.summary(result, path, language):
        term.console.print(line, soft_wrap=True)
    term.console.file.flush()  # the preview before any message
    importing.refuse(result, skip_bad, language)
    new = result.having("new")
    left = result.having("refused")
    if left:  # each named before anything is asked or written
        term.message(language.ngettext(
            "{count} row cannot be read and is left out:",
            "{count} rows cannot be read and are left out:", len(left)).format(
                count=len(left)) + "\n" + importing.refusals(result, language),
            label="warning", style="33")
    if not new and left:
        raise importing.RowsRefused(_("nothing was added: no row of {path} could be added").format(
            path=result.source.name), fix=language.ngettext(
                "correct the row in the spreadsheet and import it again",
                "correct the rows in the spreadsheet and import it again", len(left)))
    if not new:
        term.message(_("nothing to add: nothing was written"), label="done", style="32")
        return
    if dry_run:
        term.message(_("--dry-run: nothing was written"), label="note", style="33")
        return
    count = importing.counted(result.section, len(new), language)
    if not yes:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise UsageError(_("nothing was written: there is no terminal to ask whether to "
                               "go on"),
                             fix=_("give --yes to add them, or --dry-run to only look"))
        from ..interview.ask import Asker, yes_or_no

        if not Asker._run(yes_or_no(_("Add these {count} to {path}?").format(
                count=count, path=path), not left, language)):  # rows left out: no unless told
            term.message(_("nothing was written"), label="stopped", style="33")
            return
    entries = [row.entry for row in new]

    def change(d: PortfolioDocument) -> None:
        for entry in entries:
            d.add_entry(result.section, entry)

    change(doc)
    doc.save(reapply=change)
    term.message(language.ngettext("added {count} to {path}", "added {count} to {path}",
                                   len(entries)).format(count=count, path=path),
                 label="done", style="32")
    if left:
        term.message(language.ngettext("{count} row was left out (named above).",
                                       "{count} rows were left out (named above).",
                                       len(left)).format(count=len(left)),
                     label="warning", style="33")
    first = len(doc.entries(result.section)) - len(entries)
    for line in _flags(app, doc, result.section, first):
        term.message(line, label="warning", style="33")


def _flags(app: Application, doc: object, section: str, first: int) -> list[str]:
    """The red flags of the new entries, once for each cause."""
    from ..errors import EndorseError
    from ..interview import importing
    from ..io.portfolio_file import parse_portfolio

    loaded = parse_portfolio(doc.text, name=str(doc.path))  # type: ignore[attr-defined]
    try:
        result = app.judge(loaded).assessment
    except EndorseError:  # e.g. a target not in the rules: said by every other command
        return []
    return importing.flags(result, section, first, app.language)


def template(app: Application, section: str, out: Path) -> None:
    """Write a blank log of ``section``."""
    from ..interview.template import SHEET, write

    chosen = _section(app, section)
    assert chosen is not None
    write(chosen, out, app.rules, app.language)
    _ = app.language.gettext
    app.terminal.message(_("a blank log of {what} in {path}; fill it in, then bring it in "
                           "with {command}").format(
                               what=_(SHEET[chosen]), path=out,
                               command=f"`endorse import {out}`"), label="written", style="32")
