"""`endorse import SOURCE [FILE]`: the rows of a spreadsheet as entries of the portfolio.

The columns are recognised by their headers (:mod:`.columns`); each cell is read as the
questionnaire and `endorse add` read an answer (:func:`.fields.read_entry`: one reader for a
date, one for hours). Nothing is written before the whole file has been read and shown: a
row that cannot be read stops the import (unless ``--skip-bad``), and a row that repeats an
entry already in the portfolio is shown and skipped, so that importing a log twice adds
nothing. The entries are added with the one save every command uses.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EndorseError, UsageError
from ..i18n import ENGLISH, N_, Language, Nn_
from .columns import COLUMNS, IMPORTED, VALUE_WORDS, header, is_total, normal, recognised
from .adding import area_ids
from .fields import SECTIONS, Field, choice_words, labels, listed, read_entry

#: How many rows from the top the header row may be found in (a title may stand above it).
HEADER_WITHIN = 20

#: What makes an entry the same as one already in the portfolio, by section: these keys,
#: text compared without case, accents or spaces.
SAME_ENTRY: dict[str, tuple[str, ...]] = {
    "supervision": ("date", "hours", "provider"),
    "training": ("title", "date"),
    "work": ("title", "employer", "start"),
    "education": ("degree", "field", "institution"),
    "reference": ("name", "email"),
}

#: What a sheet of each section is, as a sentence names it.
LOG_OF = {"training": N_("a log of trainings"), "supervision": N_("a log of RS/C sessions"),
          "work": N_("a list of jobs"), "education": N_("a list of degrees"),
          "reference": N_("a list of references")}

#: A count of the entries of each section.
COUNTED = {"training": Nn_("{count} training", "{count} trainings"),
           "supervision": Nn_("{count} RS/C session", "{count} RS/C sessions"),
           "work": Nn_("{count} job", "{count} jobs"),
           "education": Nn_("{count} degree", "{count} degrees"),
           "reference": Nn_("{count} reference", "{count} references")}

#: A count of more entries of each section: "3 more trainings".
MORE = {"training": Nn_("{count} more training", "{count} more trainings"),
        "supervision": Nn_("{count} more RS/C session", "{count} more RS/C sessions"),
        "work": Nn_("{count} more job", "{count} more jobs"),
        "education": Nn_("{count} more degree", "{count} more degrees"),
        "reference": Nn_("{count} more reference", "{count} more references")}


@dataclass
class Row:
    """One row of the sheet, read."""

    number: int
    #: The cells as text, by field key (what was read).
    given: dict[str, str]
    entry: dict[str, Any] = field(default_factory=dict)
    #: (the column's header, the cell, why it was refused).
    refused: list[tuple[str, str, str]] = field(default_factory=list)
    #: new, repeat (already in the portfolio), total (a row of totals), refused.
    status: str = "new"


@dataclass
class Plan:
    """What an import would do."""

    source: Path
    sheet: str
    section: str
    #: The column of each field read, by its header as written in the file.
    read: dict[str, str]
    #: Columns that fill no field: kept with each entry, under their own headers.
    kept: list[str]
    rows: list[Row]
    #: Another language whose order of day and month reads every date of the sheet, when
    #: some do not read in the reader's (``15/03/2026`` under English): its code.
    other_order: str | None = None

    def having(self, status: str) -> list[Row]:
        return [row for row in self.rows if row.status == status]


# -- reading ---------------------------------------------------------------------------------


def parse_maps(maps: list[str], language: Language = ENGLISH) -> dict[str, str]:
    """``--map COLUMN=FIELD`` as {column (as compared): the field as typed}."""
    _ = language.gettext
    found: dict[str, str] = {}
    for given in maps:
        column, eq, target = given.partition("=")
        if not eq or not column.strip() or not target.strip():
            raise UsageError(_("--map {given}: write it as COLUMN=FIELD").format(
                given=repr(given)), fix=_('e.g. --map "Facilitator=provider"'))
        found[normal(column)] = target.strip()
    return found


def _field_of(section: str, target: str, language: Language) -> str:
    """The field of ``section`` that ``--map ...=target`` names: its key, its option or one
    of its column names (in either language)."""
    _ = language.gettext
    fields = [f for f in SECTIONS[section] if f.kind != "file"]
    for f in fields:
        if normal(target) in (normal(f.key), normal(f.flag)):
            return f.key
    hits = recognised(section, [target])
    if hits:
        return next(iter(hits.values()))[0]
    from ..io.hints import did_you_mean

    # the fields the README lists, by the names the reader's template gives them
    shown = {header(section, key, language): key for key in COLUMNS[section]}
    guess = did_you_mean(target, list(shown))
    said = (_("--map: {log} has no field {field}; did you mean {guess}?") if guess
            else _("--map: {log} has no field {field}"))
    raise UsageError(said.format(log=_(LOG_OF[section]), field=repr(target), guess=guess),
                     fix=_("name one of: {fields}").format(fields=", ".join(shown)))


def _text(cell: Any) -> str:
    """A cell as the text a person would have typed for it: a spreadsheet date as
    2025-03-15, a duration as 1:30, a number as it is."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "yes" if cell else "no"
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat()
    if isinstance(cell, dt.date):
        return cell.isoformat()
    if isinstance(cell, (dt.time, dt.timedelta)):
        seconds = (cell.total_seconds() if isinstance(cell, dt.timedelta)
                   else cell.hour * 3600 + cell.minute * 60 + cell.second)
        minutes, rest = divmod(round(seconds), 60)
        return f"{minutes // 60}:{minutes % 60:02d}" if not rest else f"{seconds / 3600:.4g}"
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else f"{cell:.10g}"
    return str(cell).strip()


def _kept(cell: Any) -> Any:
    """A cell kept as it is, typed as the file typed it (text stays text)."""
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    if isinstance(cell, (dt.time, dt.timedelta)):
        return _text(cell)
    if isinstance(cell, str):
        return cell.strip()
    return cell


def _choice_words(rules: Any, language: Language) -> dict[str, dict[str, str]]:
    """For each single-choice field: its values, as compared, from the words people write
    for them (the rules file's words in English and in ``language``, and a few more)."""
    said = [labels(rules, ENGLISH)] + ([] if language.english else [labels(rules, language)])
    found: dict[str, dict[str, str]] = {}
    for section in IMPORTED:
        for f in SECTIONS[section]:
            if f.kind not in ("choice", "many") or not f.choices:
                continue
            words = found.setdefault(f.key, {})
            for value in f.choices:
                words[normal(value)] = value
            for words_of in said:
                for value, label in choice_words(f, words_of).items():
                    words.setdefault(normal(label), value)
                    words.setdefault(normal(label.split(":")[0]), value)
            for value, others in VALUE_WORDS.get(f.key, {}).items():
                for other in others:
                    words.setdefault(normal(other), value)
    return found


def _header_row(rows: list[tuple[int, list[Any]]], sections: tuple[str, ...],
                maps: dict[str, str]) -> int | None:
    """The index in ``rows`` of the header row: the first, near the top, with a column
    some section knows or --map names."""
    for i, (_number, cells) in enumerate(rows[:HEADER_WITHIN]):
        headers = [_text(c) for c in cells]
        if any(normal(h) in maps for h in headers if h):
            return i
        if any(recognised(s, headers, like=False) for s in sections):
            return i
    return None


def _section(headers: list[str], given: str | None, maps: dict[str, str],
             language: Language) -> tuple[str, dict[int, tuple[str, bool]]]:
    """The section the columns are a log of, and the field each column fills.

    Without ``given``, a section is guessed only when it is plain: every column ``--map``
    names is a field of it, its required columns are all there, no other such section reads a
    column it leaves unread, and no column that names a course or a title is left unread
    (a file with one is never an RS/C log). Otherwise the two likeliest are named."""
    from .columns import LIKE, title_like

    _ = language.gettext
    candidates = (given,) if given else IMPORTED
    scored = []
    for section in candidates:
        columns = dict(recognised(section, headers))
        fits = True
        for i, h in enumerate(headers):
            if normal(h) in maps:
                key = _field_of(section, maps[normal(h)], language) if given else (
                    _quiet_field(section, maps[normal(h)]))
                if key is None:
                    fits = False
                    continue
                columns = {j: v for j, v in columns.items() if v[0] != key}
                columns[i] = (key, False)
        keys = {key for key, _minutes in columns.values()}
        missing = [f for f in SECTIONS[section] if f.required and f.key not in keys]
        scored.append((fits, not missing, len(columns), section, columns, missing))
    scored.sort(key=lambda s: s[:3], reverse=True)
    fits, complete, count, section, columns, missing = scored[0]
    if not given and not fits:  # no section has every field --map names
        for target in maps.values():
            _field_of(section, target, language)
    if given and missing or not complete:
        named = [f'"{h}"' for h in headers if h]
        raise UsageError(
            _("the columns read as {log}, but none gives {fields}; the header row has: "
              "{headers}").format(log=_(LOG_OF[section]), fields=listed(
                  [_(f.prompt).lower() for f in missing], language),
                  headers=", ".join(named) or _("nothing")),
            fix=(_("name the column with --map COLUMN={key}, or leave --section out to let "
                   "the columns say what the rows are") if given else
                 _("name the column with --map COLUMN={key}, or give --section if this is "
                   "another kind of log")).format(key=header(section, missing[0].key,
                                                             language)))
    if given:
        return section, columns
    # a second course column beside a training's title is only kept (``Course type``)
    read_title = section in LIKE and any(key in LIKE[section] for key, _m in columns.values())
    titles = [h for i, h in enumerate(headers)
              if title_like(h) and i not in columns and not read_title]
    others = [s[3] for s in scored[1:] if s[0] and s[1] and not set(s[4]) <= set(columns)]
    if titles or others:
        guessed = section
        other = (others or [s[3] for s in scored[1:]])[0]
        if section == "supervision":  # named first: the one a course or a title goes with
            section, other = other, section
        why = (_("the column {column} names a course or a title, which {log} has no column "
                 "for").format(column=f'"{titles[0]}"', log=_(LOG_OF[guessed])) if titles
               else _("the columns could be {one} or {other}").format(
                   one=_(LOG_OF[section]), other=_(LOG_OF[other])))
        raise UsageError(
            _("endorse cannot tell what kind of log this is: {why}").format(why=why),
            fix=_("say which with --section {one} or --section {other}").format(
                one=typed_section(section, language), other=typed_section(other, language)))
    return section, columns


def typed_section(section: str, language: Language) -> str:
    """``section`` as ``--section`` takes it, in the reader's words (``capacitación``)."""
    return language.pgettext("a section's name, typed", section)


def _quiet_field(section: str, target: str) -> str | None:
    try:
        return _field_of(section, target, ENGLISH)
    except UsageError:
        return None


def plan(source: Path, portfolio_value: Any, *, section: str | None, sheet: str | None,
         maps: list[str], rules: Any, today: dt.date,
         language: Language = ENGLISH) -> Plan:
    """Read ``source`` and work out what importing it into the portfolio would do."""
    from ..io.sheets import read_sheet

    _ = language.gettext
    table = read_sheet(source, sheet)
    mapped = parse_maps(maps, language)
    rows = table.rows
    first = next((cells for _n, cells in rows if any(_text(c) for c in cells)), None)
    if first is None:
        raise EmptySheet(_("{path} is empty: it has no header row and no rows").format(
            path=source.name), fix=_("export the log again with its rows, or write a blank "
                                     "one to fill with {command}").format(
                                         command=_blank_log(language)))
    top = _header_row(rows, (section,) if section else IMPORTED, mapped)
    if top is None:
        raise UsageError(
            _("no column of {path} is one endorse knows; its first row has: {headers}").format(
                path=source, headers=", ".join(f'"{_text(c)}"' for c in first if _text(c))),
            fix=_("name the columns with --map COLUMN=FIELD, e.g. --map \"{example}=date\"; "
                  "{command} writes a blank log with the names endorse reads").format(
                      example=header("training", "date", language),
                      command=_blank_log(language)))
    headers = [_text(c) for c in rows[top][1]]
    unknown = [column for column in mapped if column not in {normal(h) for h in headers}]
    if unknown:
        given = next(m.partition("=")[0].strip() for m in maps
                     if normal(m.partition("=")[0]) == unknown[0])
        raise UsageError(
            _("--map: there is no column {column}; the header row has: {headers}").format(
                column=repr(given), headers=", ".join(f'"{h}"' for h in headers if h)),
            fix=_("name a column as the header row writes it"))
    chosen, columns = _section(headers, section, mapped, language)
    for target in mapped.values():
        _field_of(chosen, target, language)  # a field the section does not have is refused
    fields = {f.key: f for f in SECTIONS[chosen]}
    read = {fields_key: headers[i] for i, (fields_key, _m) in sorted(columns.items())}
    width = max((len(cells) for _n, cells in rows[top:]), default=0)
    kept_at = [i for i in range(width) if i not in columns]
    names: dict[int, str] = {}
    for i in kept_at:  # each under its header; an empty or repeated one by its letter too
        name = headers[i] if i < len(headers) and headers[i] else _column_letter(i)
        if name in names.values():
            name = f"{name} ({_column_letter(i)})"
        names[i] = name
    words = _choice_words(rules, language)
    result = Plan(source, table.name, chosen, read, [], [])
    kept_used: set[int] = set()
    for number, cells in rows[top + 1:]:
        texts = [_text(c) for c in cells]
        if not any(texts):
            continue
        given: dict[str, str] = {}
        for i, (key, minutes) in columns.items():
            text = texts[i] if i < len(texts) else ""
            if minutes and re.fullmatch(r"\d+(?:[.,]\d+)?", text):
                text += " min"
            if fields[key].kind == "choice" and text:
                text = words.get(key, {}).get(normal(text), text)
            elif fields[key].kind == "areas" and text:
                text = area_ids(text, language)
            elif fields[key].kind == "many" and text:  # each by its value or its words
                text = ",".join(words.get(key, {}).get(normal(w), w.strip())
                                for w in re.split(r"[,;\n]", text) if w.strip())
            given[key] = text
        row = Row(number, given)
        first = next(t for t in texts if t)
        date_keys = [k for k in given if fields[k].kind in ("date",)]
        if is_total(first) and all(is_total(given[k]) or not given[k] for k in date_keys):
            row.status = "total"
            result.rows.append(row)
            continue
        entry, refused = read_entry(chosen, given, today=today, language=language,
                                    only_when_asked=False)
        for problem in refused:
            where = read.get(problem.field.key, _(problem.field.prompt))
            if not problem.text.strip():
                reason = _("the cell is empty; fill it in")
            else:
                reason = problem.reason
            row.refused.append((where, problem.text, reason))
        extra = {names[i]: _kept(cells[i]) for i in kept_at
                 if i < len(cells) and _text(cells[i])}
        kept_used.update(i for i in kept_at if i < len(cells) and _text(cells[i]))
        if extra:
            entry["extra"] = extra
        row.entry = entry
        row.status = "refused" if row.refused else "new"
        result.rows.append(row)
    if not result.rows:
        raise EmptySheet(_("{path} has a header row but no rows under it: it reads as {log}, "
                           "with nothing to add").format(path=source.name,
                                                         log=_(LOG_OF[chosen])),
                         fix=_("fill in the rows under the header, then import it again"))
    result.kept = [names[i] for i in kept_at if i in kept_used]
    result.other_order = _other_order(result, fields, language)
    _mark_repeats(result, portfolio_value)
    return result


def _other_order(result: Plan, fields: dict[str, Field], language: Language) -> str | None:
    """The language whose order reads every day of the sheet typed with slashes, when some
    were refused in the reader's order: the sheet was made where days come first (or last)."""
    from ..i18n import available, language as named, parse_day

    dates = [k for k, f in fields.items() if f.kind == "date"]
    refused = {column for row in result.having("refused") for column, _t, _r in row.refused}
    if not {result.read.get(k) for k in dates} & refused:
        return None
    typed = [row.given[k] for row in result.rows if row.status != "total" for k in dates
             if "/" in row.given.get(k, "")]
    for code in available():
        other = named(code)
        if other.order == language.order or not typed:
            continue
        try:
            for text in typed:
                parse_day(text, other)
        except ValueError:
            continue
        return code
    return None


def _column_letter(i: int) -> str:
    """The spreadsheet's name of column ``i`` (0-based): A, B, ... Z, AA."""
    name = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        name = chr(65 + rest) + name
    return name


def same_key(section: str, entry: Any) -> tuple:
    """What two entries share when one repeats the other (:data:`SAME_ENTRY`)."""
    get = entry.get if isinstance(entry, dict) else (lambda k: getattr(entry, k, None))
    key = []
    for name in SAME_ENTRY[section]:
        value = get(name)
        if isinstance(value, str):
            value = normal(value)
        elif isinstance(value, float):
            value = round(value, 2)
        key.append(value)
    return tuple(key)


def _mark_repeats(result: Plan, portfolio_value: Any) -> None:
    """Rows that repeat an entry already there, one for one: a log with two sessions alike
    where the portfolio has one adds the second."""
    there = Counter(same_key(result.section, e)
                    for e in getattr(portfolio_value, result.section, []) or [])
    for row in result.rows:
        if row.status == "new":
            key = same_key(result.section, row.entry)
            if there[key] > 0:
                there[key] -= 1
                row.status = "repeat"


# -- showing ---------------------------------------------------------------------------------


def counted(section: str, count: int, language: Language) -> str:
    singular, plural = COUNTED[section]
    return language.ngettext(singular, plural, count).format(count=count)


#: The columns the preview cuts last, with the dates and hours.
SHOWN_WHOLE = ("title", "name")

STATUS = {"new": N_("to add"), "repeat": N_("already there"), "total": N_("a total"),
          "refused": N_("refused")}


def show(console: Any, result: Plan, words: dict[str, dict[str, str]],
         language: Language = ENGLISH) -> None:
    """The preview: one line per row of the sheet, with its row number and status, its
    columns cut to the console's width (a long cell ends in "…"; the entry keeps it whole)."""
    from rich.text import Text

    _ = language.gettext
    fields = {f.key: f for f in SECTIONS[result.section]}
    keys = [k for k in fields if k in result.read]
    right = [True] + [fields[k].kind in ("hours", "count") for k in keys] + [False]
    lines = [[_("Row"), *(result.read[k] for k in keys), _("Result")]]
    lines += [[str(row.number), *(_shown(fields[k], row, words, language) for k in keys),
               _(STATUS[row.status])] for row in result.rows]
    data = [max([len(line[i]) for line in lines[1:]] + [1]) for i in range(len(lines[0]))]
    widths = [max(len(lines[0][i]), data[i]) for i in range(len(lines[0]))]
    room = (console.width or 80) - 2 * (len(widths) - 1)
    inner = range(1, len(widths) - 1)
    # what gives way, in turn: a header wider than its cells; the other columns, down to
    # 10; then the title, date and hours, down to 8
    kept = {i + 1 for i, k in enumerate(keys) if k in SHOWN_WHOLE or fields[k].kind in (
        "date", "hours")}
    for phase in (lambda i: max(data[i], 8), lambda i: 10 if i not in kept else widths[i],
                  lambda i: 8):
        while sum(widths) > room:
            widest = max(inner, key=lambda i: widths[i] - phase(i), default=None)
            if widest is None or widths[widest] <= phase(widest):
                break
            widths[widest] -= 1

    def cell(text: str, i: int) -> str:
        text = text if len(text) <= widths[i] else text[:widths[i] - 1].rstrip() + "…"
        return text.rjust(widths[i]) if right[i] else text.ljust(widths[i])

    styles = {"repeat": "dim", "total": "dim", "refused": "bold red"}
    shown = Text()
    for n, line in enumerate(lines):
        status = None if n == 0 else result.rows[n - 1].status
        shown.append("  ".join(cell(text, i) for i, text in enumerate(line)).rstrip() + "\n",
                     style="bold" if n == 0 else styles.get(status or "", ""))
    console.print(shown, end="", soft_wrap=True)


def _shown(f: Field, row: Row, words: dict[str, dict[str, str]], language: Language) -> str:
    if f.key not in row.entry:
        return row.given.get(f.key, "")
    value = row.entry[f.key]
    if isinstance(value, dt.date):  # as it is typed in the reader's spreadsheet: short
        return language.typed_day(value)
    if isinstance(value, bool):
        return language.gettext("yes") if value else language.gettext("no")
    if isinstance(value, (int, float)):
        return language.number(value)
    if isinstance(value, list):
        return ", ".join(value)
    return choice_words(f, words).get(value, str(value))


def summary(result: Plan, portfolio: Path, language: Language = ENGLISH) -> list[str]:
    """What the preview comes to, in sentences: what is added, skipped, kept and refused."""
    _ = language.gettext

    new, repeats = result.having("new"), result.having("repeat")
    totals, refused = result.having("total"), result.having("refused")
    lines = [_("{sheet}: {count} to add to {path}.").format(
        sheet=result.source.name if result.sheet == result.source.stem
        else f"{result.source.name} ({result.sheet})",
        count=counted(result.section, len(new), language), path=portfolio)]
    if repeats:
        lines.append(language.ngettext("{count} row is already in the portfolio and is skipped.",
                       "{count} rows are already in the portfolio and are skipped.",
                       len(repeats)).format(count=len(repeats)))
    if totals:
        lines.append(language.ngettext("{count} row of totals is skipped.",
                       "{count} rows of totals are skipped.",
                       len(totals)).format(count=len(totals)))
    if result.kept:
        lines.append(language.ngettext("The column {columns} is kept with each entry as written (endorse "
                       "does not judge it).",
                       "The columns {columns} are kept with each entry as written (endorse "
                       "does not judge them).", len(result.kept)).format(
                           columns=listed([f'"{c}"' for c in result.kept], language)))
    if refused:
        lines.append(language.ngettext("{count} row cannot be read.", "{count} rows cannot be read.",
                       len(refused)).format(count=len(refused)))
    return lines


def refusals(result: Plan, language: Language = ENGLISH) -> str:
    """Each refused cell: its row, its column, what it holds and why."""
    _ = language.gettext
    lines = []
    for row in result.having("refused"):
        for column, text, reason in row.refused:
            cell = _("row {row}, {column}").format(row=row.number, column=column)
            shown = f' "{text}"' if text.strip() else ""
            lines.append(f"  {cell}{shown}: {reason}")
    return "\n".join(lines)


def _blank_log(language: Language) -> str:
    """The command that writes a blank log, its placeholders in the reader's words."""
    _ = language.gettext
    return f"`endorse template {_('SECTION')} -o {_('FILE')}`"


class EmptySheet(EndorseError):
    """A spreadsheet with no rows to import: nothing was written."""


class RowsRefused(EndorseError):
    """Rows of a spreadsheet that cannot be imported: nothing was written."""


def refuse(result: Plan, skip_bad: bool, language: Language = ENGLISH) -> None:
    """Stop, writing nothing, when a row cannot be read (unless ``skip_bad``)."""
    refused = result.having("refused")
    if not refused or skip_bad:
        return
    _ = language.gettext
    good = len(result.having("new"))
    said = language.ngettext("{count} row of {path} cannot be imported; nothing was written:",
                             "{count} rows of {path} cannot be imported; nothing was written:",
                             len(refused)).format(count=len(refused), path=result.source.name)
    n = len(refused)
    fix = (language.ngettext(
        "correct it in the spreadsheet and import it again, or give --skip-bad to add the "
        "rows that can be read ({rows})",
        "correct them in the spreadsheet and import it again, or give --skip-bad to add the "
        "rows that can be read ({rows})", n).format(rows=counted(result.section, good, language))
           if good else language.ngettext(
               "correct it in the spreadsheet and import it again",
               "correct them in the spreadsheet and import it again", n))
    if result.other_order:  # said first: it is the fix of every date refused
        other = Language(result.other_order)
        fix = _("the dates read as {order}: to read them so, give --lang {code}").format(
            order=language.words_of_order(other.order), code=result.other_order) + "; " + fix
    raise RowsRefused(said + "\n" + refusals(result, language), fix=fix)


# -- after the import: the red flags of the new entries, once for each cause ------------------


def flags(assessment: Any, section: str, first: int, language: Language = ENGLISH) -> list[str]:
    """The warnings about the entries of ``section`` from index ``first`` on, grouped by
    cause: each cause once, with the first entry it is about, how many more and which, and
    its fix."""
    from ..render.sentences import ordinal

    _ = language.gettext
    here = re.compile(rf"{re.escape(section)}\[(\d+)\](?:\.|$)")
    grouped: dict[str, list[Any]] = {}
    for w in assessment.warnings:
        if (m := here.match(w.where)) and int(m[1]) >= first:
            grouped.setdefault(w.code, []).append((int(m[1]) + 1, w))
    lines = []
    for found in grouped.values():
        first_number, w = found[0]
        line = w.message + "."
        others = sorted({n for n, _w in found[1:] if n != first_number})
        if others:
            which = listed([_span(a, b, language, ordinal) for a, b in _runs(others)],
                           language)
            singular, plural = MORE[section]
            line += " " + _("The same for {entries}: {which}.").format(
                entries=language.ngettext(singular, plural, len(others)).format(
                    count=len(others)), which=which)
        if w.fix:
            line += "\n  " + _("fix: {fix}").format(fix=w.fix)
        lines.append(line)
    return lines


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def _span(a: int, b: int, language: Language, ordinal: Any) -> str:
    if a == b:
        return ordinal(a, language)
    return language.gettext("{first} to {last}").format(first=ordinal(a, language),
                                                       last=ordinal(b, language))
