"""The rows of `endorse check --renewal`, one per endorsement held, in each format that writes
them: JSON, JSON Lines and CSV as they are (English keys and values, for scripts); the table,
Markdown and the workbook in the reader's language, with days as people read them. Each row
is written as it comes."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any

from ..i18n import Language

if TYPE_CHECKING:
    from .terminal import Terminal

#: The keys of a row, in order: CSV's columns.
COLUMNS = ("file", "name", "credential", "status", "due", "days_left", "missing")


def as_json(term: Terminal, rows: Iterable[dict[str, Any]]) -> None:
    from .json_out import inert

    first = True
    for r in rows:
        text = inert(json.dumps(r, ensure_ascii=False, indent=2)).replace("\n", "\n  ")
        term.data(("[\n  " if first else ",\n  ") + text)
        first = False
    term.data("[]\n" if first else "\n]\n")


def as_jsonl(term: Terminal, rows: Iterable[dict[str, Any]]) -> None:
    from .json_out import inert

    for r in rows:
        term.data(inert(json.dumps(r, ensure_ascii=False)) + "\n")


def as_csv(term: Terminal, rows: Iterable[dict[str, Any]]) -> None:
    """Through the one guard against formulas and line breaks in cells."""
    from .rows import csv_writer

    writer = csv_writer(term.stdout)
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow([r[c] for c in COLUMNS])


def _headings(language: Language) -> list[str]:
    _ = language.gettext
    return [_("File"), _("Name"), _("Endorsement"), _("Status"), _("Due"), _("Days left"),
            _("Missing")]


def _due(r: dict[str, Any], language: Language) -> str:
    return language.day(dt.date.fromisoformat(r["due"])) if r["due"] else ""


def as_markdown(term: Terminal, rows: Iterable[dict[str, Any]], language: Language) -> None:
    from .rows import md_cell
    from .sentences import RenewalWords

    status = RenewalWords.status_words(language)
    heads = _headings(language)
    term.data("| " + " | ".join(heads) + " |\n|" + " --- |" * len(heads) + "\n")
    for r in rows:
        term.data("| " + " | ".join(md_cell(c) for c in (
            r["file"], r["name"], r["credential"], status.get(r["status"], r["status"]),
            _due(r, language), r["days_left"], r["missing"])) + " |\n")


def as_table(term: Terminal, rows: Iterable[dict[str, Any]], language: Language) -> None:
    from .sentences import RenewalWords
    from .text import INDENT, say

    _ = language.gettext
    status = RenewalWords.status_words(language)

    def left(r: dict[str, Any]) -> str:
        days = r["days_left"]
        return "" if days == "" else language.ngettext(
            "{count} day left", "{count} days left", days).format(count=days)

    for r in rows:
        who = ", ".join(str(x) for x in (r["name"], r["credential"]) if x)
        when = f" {_due(r, language)} ({left(r)})" if r["due"] else ""
        head = f"{r['file']}: {who}" if who else r["file"]  # a file unread names no one
        say(term.console, f"{head}: {status.get(r['status'], r['status'])}{when}",
            indent=INDENT, first="")
        if r["missing"]:
            say(term.console, _("missing: {what}").format(what=r["missing"])
                if r["status"] in ("due", "late") else r["missing"], indent=INDENT * 2,
                first=" " * INDENT)


def as_workbook(out: IO[bytes], rows: Iterable[dict[str, Any]], language: Language) -> None:
    """The rows as a workbook: the due day a date, the days left a number, the headings and
    the statuses in ``language``, as the table has them."""
    from .sentences import RenewalWords
    from .xlsx import workbook

    _ = language.gettext
    status = RenewalWords.status_words(language)
    workbook(out, [(_("Renewal"), _headings(language), (
        [r["file"], r["name"], r["credential"], status.get(r["status"], r["status"]),
         dt.date.fromisoformat(r["due"]) if r["due"] else None,
         None if r["days_left"] == "" else r["days_left"], r["missing"]] for r in rows))],
             {_("Renewal"): [30, 24, 14, 12, 12, 10, 50]})
