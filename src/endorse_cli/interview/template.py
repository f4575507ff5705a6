"""`endorse template SECTION -o FILE`: a blank log to hand to a supervisor or a training office.

The header row is the one `endorse import` reads (:mod:`.columns`), in the reader's language.
A workbook (``.xlsx``, written with openpyxl, loaded only here) has its dates and numbers
typed, with the spreadsheet's own checks where it has them: a date column takes dates, an
hours column numbers in the range the portfolio format allows, a choice column its choices.
A CSV file has the header row alone, in UTF-8 with the mark Excel looks for, its cells split
as the language's spreadsheets split them (``;`` where the decimal mark is a comma).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..i18n import ENGLISH, N_, Language
from ..render.xlsx import _NOT_IN_TITLE, TITLE_MAX
from .columns import COLUMNS, header
from .fields import AREAS, SECTIONS, Field, asked, asked_in_force, bounds, choice_words, labels

#: The name of the sheet of each section's log.
SHEET = {"training": N_("Trainings"), "supervision": N_("RS/C sessions"), "work": N_("Jobs"),
         "education": N_("Degrees"), "reference": N_("References")}
#: The width of a column, in characters, by what it holds (a title is read whole).
WIDE = {"title": 40, "text": 24, "areas": 30, "many": 20}
#: The rows of a workbook its checks cover.
ROWS = 1000


def columns(section: str, rules: Any) -> list[Field]:
    """The fields a blank log of ``section`` has a column for: those with a header, that the
    rules in force read (as the interview asks them)."""
    in_force = asked_in_force(rules)
    return [f for f in SECTIONS[section] if f.key in COLUMNS[section] and asked(f, in_force)]


def _choices(f: Field, words: dict[str, dict[str, str]], language: Language) -> list[str]:
    """The words a choice column offers: the rules file's, up to a colon (``Requested``)."""
    _ = language.gettext
    if f.kind == "yesno":
        return [_("yes"), _("no")]
    shown = choice_words(f, words)
    return [shown.get(value, value).split(":")[0].strip() for value in f.choices]


def write(section: str, out: Path, rules: Any, language: Language = ENGLISH) -> None:
    """Write the blank log; never over a file already there."""
    _ = language.gettext
    ending = out.suffix.lower()
    if ending not in (".xlsx", ".csv"):
        raise UsageError(_("{path}: a template is written as .xlsx or .csv").format(
            path=out), fix=_("end the file's name with .xlsx (a workbook) or .csv"))
    fields = columns(section, rules)
    if ending == ".csv":
        text = io.StringIO()
        mark = ";" if language.decimal_mark == "," else ","
        csv.writer(text, delimiter=mark).writerow([header(section, f.key, language)
                                                   for f in fields])
        data = ("\ufeff" + text.getvalue()).encode("utf-8")
    else:
        data = _workbook(section, fields, rules, language)
    try:
        with open(out, "xb") as file:
            file.write(data)
    except FileExistsError:
        raise UsageError(_("{path} is already there; it was not overwritten").format(path=out),
                         fix=_("name another file, or move that one away first")) from None


def _workbook(section: str, fields: list[Field], rules: Any, language: Language) -> bytes:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    _ = language.gettext
    words = labels(rules, language)
    book = Workbook()
    sheet = book.active
    sheet.title = _NOT_IN_TITLE.sub(" ", _(SHEET[section]))[:TITLE_MAX]
    day_format = "/".join({"d": "d", "m": "m", "y": "yyyy"}[c] for c in language.order)
    for number, f in enumerate(fields, start=1):
        letter = get_column_letter(number)
        cell = sheet.cell(row=1, column=number, value=header(section, f.key, language))
        cell.font = Font(bold=True)
        sheet.column_dimensions[letter].width = max(WIDE.get(f.kind if f.key != "title" else
                                                             "title", 14),
                                                    len(str(cell.value)) + 4)
        cells = f"{letter}2:{letter}{ROWS + 1}"
        check = None
        note = _(f.prompt)
        if f.kind == "date":
            sheet.column_dimensions[letter].number_format = day_format
            check = DataValidation(type="date", operator="between", formula1="DATE(1900,1,1)",
                                   formula2="TODAY()" if f.past_only else "DATE(2100,12,31)")
            check.error = _("Type a date, e.g. {example}").format(
                example=language.typed_example()) + (
                    " " + _("(today or before)") if f.past_only else "")
            note += "\n" + check.error
        elif f.kind in ("hours", "count"):
            limits = bounds(section, f.key)
            low = limits.get("ge", 0 if f.kind == "count" else 0.01)
            if "gt" in limits:
                low = limits["gt"] + (1 if f.kind == "count" else 0.01)
            high = limits.get("le", 1_000_000)
            check = DataValidation(type="whole" if f.kind == "count" else "decimal",
                                   operator="between", formula1=str(low), formula2=str(high))
            check.error = _("Type a number from {low} to {high}").format(
                low=language.number(low), high=language.number(high))
            if f.kind == "hours":
                note += "\n" + _("e.g. {decimal} or 1:30").format(
                    decimal=language.number(1.5))
        elif f.kind in ("choice", "yesno") and (f.choices or f.kind == "yesno"):
            offered = _choices(f, words, language)
            listed_ = ",".join(offered)
            if all("," not in o and '"' not in o for o in offered) and len(listed_) < 250:
                check = DataValidation(type="list", formula1=f'"{listed_}"')
                check.error = _("Choose one of: {choices}").format(choices=", ".join(offered))
            note += "\n" + ", ".join(offered)
        elif f.kind == "areas":
            names = choice_words(f, words)  # by their names: a name may hold a comma
            note += "\n" + "; ".join(names.get(area, area) for area in AREAS)
        elif f.kind == "many":
            note += "\n" + ", ".join(f.choices)
        cell.comment = Comment(note, "endorse", width=260, height=120)
        if check is not None:
            check.allow_blank = True
            check.showErrorMessage = True
            check.add(cells)
            sheet.add_data_validation(check)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
