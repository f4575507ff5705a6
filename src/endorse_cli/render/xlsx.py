"""Workbooks (.xlsx) for coordinators: `endorse check` and `endorse validate` with ``--format
xlsx``, and the cohort report's ``report.xlsx``.

Every sheet has its headings in a bold first row, frozen, with a filter over the whole table.
Cells are typed: a date is a date, a count or hours a number, yes or no a boolean (the
spreadsheet program shows them in its own language); every text cell holds the text exactly
as typed, as a string cell, and one that :func:`endorse_cli.render.rows.formula_like` says a
spreadsheet could run also has its style's "quote prefix" set: the spreadsheet shows it as it
is and never evaluates it, even once edited (the CSV's guard, a leading apostrophe, would show
in a workbook). The headings are in the reader's language, as the table and Markdown are: people read
workbooks; the values are the files' own.

openpyxl is imported only here, inside the functions (in write-only mode: rows stream to a
temporary file, and memory stays flat however many rows there are).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from typing import IO, Any

from .rows import _NOT_XML, Row, Summary, Writer, _error_text, formula_like

#: The most characters an Excel cell holds.
CELL_MAX = 32_767
#: The most characters of a sheet's name, and those it may not hold.
TITLE_MAX = 31
_NOT_IN_TITLE = re.compile(r"[\[\]:*?/\\]")
#: Dates as the file has them, the same in every language.
DATE_FORMAT = "yyyy-mm-dd"
#: A month: a real date (its first day), shown as the month.
MONTH_FORMAT = "yyyy-mm"


class Month(dt.date):
    """A month in a cell: the date of its first day, shown as ``2026-12``."""

    @classmethod
    def of(cls, text: str) -> Month:
        """The month ``2026-12``."""
        year, month = map(int, text.split("-"))
        return cls(year, month, 1)


def _column(n: int) -> str:
    """The letters of the ``n``-th column (from 1): A, Z, AA..."""
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class Sheet:
    """One table: its headings, then rows appended one at a time."""

    def __init__(self, book: Any, title: str, headings: Sequence[str],
                 widths: Sequence[int] = ()) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        self._cell = WriteOnlyCell
        self.sheet = book.create_sheet(_NOT_IN_TITLE.sub(" ", title)[:TITLE_MAX])
        self.columns = len(headings)
        self.rows = 1
        for n, heading in enumerate(headings, 1):  # before the first row, as the format asks
            width = max(len(heading) + 3, widths[n - 1] if n <= len(widths) else 0)
            self.sheet.column_dimensions[_column(n)].width = min(width, 60)
        self.sheet.freeze_panes = "A2"
        bold = Font(bold=True)
        heads = []
        for heading in headings:
            head = self._string(heading)
            head.font = bold
            heads.append(head)
        self.sheet.append(heads)

    def append(self, values: Iterable[Any]) -> None:
        """One row: text, numbers, yes or no (booleans), dates, or None for an empty cell."""
        self.sheet.append([self._typed(v) for v in values])
        self.rows += 1

    def _string(self, text: str) -> Any:
        """A string cell of ``text`` as typed, never a formula (see the module's notes)."""
        text = _text(text)
        typed = self._cell(self.sheet, value=text)
        typed.data_type = "s"  # openpyxl would take "=..." as a formula
        if formula_like(text):
            typed.quotePrefix = True
        return typed

    def _typed(self, value: Any) -> Any:
        if isinstance(value, str):
            return self._string(value) if value else None
        if isinstance(value, dt.date):
            typed = self._cell(self.sheet, value=value)
            typed.number_format = MONTH_FORMAT if isinstance(value, Month) else DATE_FORMAT
            return typed
        if value is None or isinstance(value, (bool, int, float)):
            return value
        raise TypeError(f"no workbook cell for {type(value).__name__}")

    def close(self) -> None:
        """The filter, over the headings and every row."""
        self.sheet.auto_filter.ref = f"A1:{_column(self.columns)}{self.rows}"


def _text(text: str) -> str:
    """A text cell: controls written out as the CSV has them; a character XML cannot hold
    (U+FFFE) as U+FFFD, as in JUnit XML; cut to what a cell holds."""
    from .terminal import printable

    text = _NOT_XML.sub("\ufffd", printable(text, keep="\n\r\t"))
    return text if len(text) <= CELL_MAX else text[:CELL_MAX - 1] + "…"


class Workbook:
    """Sheets added in order; :meth:`save` writes them all into a binary file."""

    def __init__(self) -> None:
        from openpyxl import Workbook as Book

        self.book = Book(write_only=True)
        self.sheets: list[Sheet] = []

    def sheet(self, title: str, headings: Sequence[str], widths: Sequence[int] = ()) -> Sheet:
        sheet = Sheet(self.book, title, headings, widths)
        self.sheets.append(sheet)
        return sheet

    def save(self, out: IO[bytes]) -> None:
        for sheet in self.sheets:
            sheet.close()
        buffer = io.BytesIO()  # the zip needs to seek; ``out`` may be a pipe
        self.book.save(buffer)
        out.write(buffer.getvalue())


def workbook(out: IO[bytes], sheets: Iterable[tuple[str, Sequence[str], Iterable[Sequence[Any]]]],
             widths: dict[str, Sequence[int]] | None = None) -> None:
    """Write ``sheets`` (title, headings, rows) into one workbook in ``out``."""
    book = Workbook()
    for title, headings, rows in sheets:
        sheet = book.sheet(title, headings, (widths or {}).get(title, ()))
        for row in rows:
            sheet.append(row)
    book.save(out)


class Xlsx(Writer):
    """`endorse check` or `endorse validate` as a workbook of one sheet, a row per portfolio:
    as the CSV has it, with typed cells and headings in the reader's language. ``out`` is a
    binary file; the workbook is written into it at the end."""

    def start(self) -> None:
        _ = self.language.gettext
        self.book = Workbook()
        if self.validate:
            heads = [_("File"), _("Valid"), _("Applicant"), _("Problem"), _("Line")]
            widths = [30, 8, 24, 50, 6]
        else:
            heads = [_("File"), _("Applicant"), _("Credential"), _("Qualified"), _("Met"),
                     _("Requirements met"), _("Requirements"), _("Expected"), _("Warnings"),
                     _("Credentials met"), _("Problem"), _("Line")]
            widths = [30, 24, 10, 10, 8, 10, 10, 12, 10, 16, 50, 6]
        title = _("Validated") if self.validate else _("Checked")
        self.sheet = self.book.sheet(title, heads, widths)

    def row(self, row: Row) -> None:
        problem = _error_text(row, self.language) if row.invalid else None
        if self.validate:
            self.sheet.append([row.file, not row.invalid, row.applicant, problem or
                               "; ".join(row.missing) or None, row.error_line])
            return
        self.sheet.append([row.file, row.applicant, row.credential, row.qualified, row.met,
                           row.requirements_met, row.requirements_total, row.expected,
                           None if row.invalid else row.warnings,
                           " ".join(row.credentials_met) or None, problem, row.error_line])

    def end(self, summary: Summary) -> None:
        self.book.save(self.out)  # type: ignore[arg-type]

