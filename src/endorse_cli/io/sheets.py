"""Read the rows of a spreadsheet: a CSV file as a spreadsheet program exports it, or a
workbook (``.xlsx``, ``.xlsm``, ``.xls``, ``.ods``).

A CSV file may be UTF-8 (with or without the byte-order mark Excel puts first) or in the
Windows code page Excel writes (cp1252), and its cells may be split by ``,``, ``;`` or a tab.
A workbook is read with python-calamine, loaded only here: its cells come typed (numbers,
dates, times, durations), as the spreadsheet program stored them. Each row keeps the number
the spreadsheet shows for it (the first row is row 1).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EndorseError, UsageError
from ..model.message import N_

#: The endings of the files read as workbooks, and as CSV.
WORKBOOKS = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
CSV_ENDINGS = (".csv", ".tsv", ".txt")
#: The characters a CSV file's cells may be split by.
DELIMITERS = ",;\t"


class SheetError(EndorseError):
    """A spreadsheet that cannot be read."""


@dataclass
class Sheet:
    """The rows of one sheet: (the row's number as the spreadsheet shows it, its cells)."""

    name: str
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)
    #: Every sheet of the workbook (one for a CSV file).
    sheets: tuple[str, ...] = ()


def read_sheet(path: Path, sheet: str | None = None) -> Sheet:
    """The rows of ``path``: a CSV file, or the sheet named ``sheet`` of a workbook (else its
    first sheet)."""
    if not path.is_file():
        raise UsageError(N_("no spreadsheet {path}") if not path.exists()
                         else N_("{path} is not a file"),
                         fix=N_("name the .csv, .xlsx or .ods file to import"),
                         path=repr(str(path)))
    ending = path.suffix.lower()
    if ending in WORKBOOKS:
        return _workbook(path, sheet)
    data = path.read_bytes()
    if ending not in CSV_ENDINGS and _looks_binary(data):
        raise UsageError(N_("{path} is not a spreadsheet endorse reads"),
                         fix=N_("save it as .xlsx, .ods or .csv and import that"),
                         path=str(path))
    if sheet is not None:
        raise UsageError(N_("--sheet {sheet}: {path} is a CSV file, with one sheet only"),
                         fix=N_("leave --sheet out"), sheet=repr(sheet), path=str(path))
    return Sheet(path.stem, list(enumerate(_csv_rows(decode_csv(data), str(path)), start=1)),
                 (path.stem,))


def _looks_binary(data: bytes) -> bool:
    return b"\0" in data[:4096] or data[:4] in (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


def decode_csv(data: bytes) -> str:
    """The text of a CSV file: UTF-8 (a byte-order mark is dropped), else cp1252, as Excel
    writes "CSV" on Windows; bytes neither reads are kept as U+FFFD, never dropped."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def delimiter(text: str) -> str:
    """The character the cells are split by: of ``,`` ``;`` and tab, the one that splits a
    line near the top (outside quotes) into the most cells; a title above the header row,
    with no cells to split, does not count."""
    lines = [line for line in text.splitlines()[:40] if line.strip()][:20]
    counts = {d: max((len(next(csv.reader([line], delimiter=d), [])) for line in lines),
                     default=0) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > 1 else ","


def _csv_rows(text: str, name: str) -> list[list[Any]]:
    try:
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""),
                                                delimiter=delimiter(text))]
    except csv.Error as error:  # a cell past the size the reader takes, a NUL character
        raise SheetError(N_("{path} cannot be read as CSV ({reason})"),
                         fix=N_("open it in your spreadsheet program, save it again as .xlsx "
                                "or .csv, and import that"), path=name, reason=str(error)) from None


def _workbook(path: Path, sheet: str | None) -> Sheet:
    import python_calamine as calamine

    try:
        book = calamine.CalamineWorkbook.from_path(str(path))
    except Exception as error:  # noqa: BLE001 - every way a workbook can be broken
        raise SheetError(N_("{path} cannot be read as a workbook ({reason})"),
                         fix=N_("open it in your spreadsheet program, save it again as .xlsx "
                                "or .csv, and import that"),
                         path=str(path), reason=str(error).splitlines()[0][:200]) from None
    names = tuple(book.sheet_names)
    if sheet is None:
        visible = [m.name for m in book.sheets_metadata
                   if str(m.visible).endswith("Visible")] or list(names)
        if not visible:
            raise SheetError(N_("{path} has no sheet"), path=str(path))
        chosen = visible[0]
    else:
        chosen = next((n for n in names if n == sheet), None) or next(
            (n for n in names if n.casefold() == sheet.strip().casefold()), None)
        if chosen is None:
            raise UsageError(N_("{path} has no sheet {sheet}"),
                             fix=N_("name one of its sheets: {sheets}"), path=str(path),
                             sheet=repr(sheet), sheets=", ".join(names))
    cells = book.get_sheet_by_name(chosen).to_python(skip_empty_area=False)
    return Sheet(chosen, list(enumerate(cells, start=1)), names)
