"""A cohort as files: ``report.html`` (one self-contained page), ``report.csv`` and
``report.json`` (the same numbers, for spreadsheets and scripts), and ``report.xlsx`` (each
table of the page as a sheet of a workbook, for coordinators' spreadsheets).

The page is ``templates/report.html.j2``, rendered with autoescape on: every name, path and
message that came from a file is escaped. It loads nothing from the network. The page is in
the reader's language (``lang`` on its ``<html>``, its words from the catalog, days as people
read them); the CSV and the JSON are the same in every language: scripts read them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import msgspec

from ..i18n import ENGLISH, Language
from ..render.json_out import inert
from .cohort import Cohort, Said

#: Written for the person running the report: it names the applicants and their files.
FILE_MODE = 0o600
NAMES = ("report.html", "report.csv", "report.json", "report.xlsx")


def number(value: float) -> str:
    """2, 9.5, 0.37: no trailing zeros."""
    return f"{value:g}"


def amount(value: float, unit: str | None, language: Language = ENGLISH) -> str:
    """``9 hours``, ``1 reference``: the engine's unit, singular for exactly one; ``1,5
    horas`` in Spanish."""
    if not unit:
        return language.number(value)
    from ..render.sentences import counts_in, quantity

    if counts_in(unit):
        return quantity(value, unit, language)
    return f"{language.number(value)} {unit}"


def month_name(month: str, language: Language = ENGLISH) -> str:
    """A month of the readiness table (``2026-11``) as people read it: ``2026-11`` in
    English, as English writes its days; ``noviembre de 2026`` in Spanish."""
    if language.english:
        return month
    import datetime as dt

    year, number_ = map(int, month.split("-"))
    return language.month_year(dt.date(year, number_, 1))


def short_month(month: str, language: Language = ENGLISH) -> str:
    """A month of the readiness table (``2026-11``) short, as on the chart's axis: ``Nov
    2026``, ``nov. 2026``."""
    import datetime as dt

    year, number_ = map(int, month.split("-"))
    return language.short_month(dt.date(year, number_, 1))


def to_csv(cohort: Cohort) -> str:
    """The report's numbers in one table: what it is, for which credential, and how many.

    Sections: ``cohort`` (judged, invalid), ``credential`` (qualified, met, ready, met by the review
    date, without a date), ``readiness`` (met by the end of each month), ``holding back``
    (people missing each requirement, and the median amount short).
    """
    from ..render.rows import csv_writer  # the one guard against formulas in cells

    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(["section", "credential", "what", "people", "median_short", "unit"])
    writer.writerow(["cohort", "", "portfolios judged", cohort.judged, "", ""])
    writer.writerow(["cohort", "", "files that could not be read", cohort.invalid, "", ""])
    for c in cohort.credentials:
        writer.writerow(["credential", c.id, "judged for it", c.judged_for, "", ""])
        writer.writerow(["credential", c.id, "qualified", c.qualified, "", ""])
        writer.writerow(["credential", c.id, "met", c.met, "", ""])
        writer.writerow(["credential", c.id, "ready", c.ready, "", ""])
        if c.met_by_review is not None:
            writer.writerow(["credential", c.id, f"met by {cohort.review_date}", c.met_by_review,
                             "", ""])
        writer.writerow(["credential", c.id, "no date forecast", c.without_date, "", ""])
    for s in cohort.readiness.series:
        for month, count in zip(cohort.readiness.months, s.counts):
            writer.writerow(["readiness", s.id, month, count, "", ""])
    for h in cohort.holding_back:
        writer.writerow(["holding back", h.credential, h.label, h.people,
                         "" if h.median_short is None else number(h.median_short),
                         h.unit or "" if h.median_short is not None else ""])
    if cohort.renewals is not None:  # the counts; who they are is in the page and the JSON
        for what, people in (("due in the next 90 days", cohort.renewals.due),
                             ("lapsed", cohort.renewals.lapsed)):
            writer.writerow(["renewals", "", what, len(people), "", ""])
    return out.getvalue()


def to_xlsx(cohort: Cohort, out: IO[bytes], language: Language = ENGLISH, rules: Any = None,
            said: Sequence[Said] = ()) -> None:
    """The page's tables as the sheets of one workbook, in ``language`` (its headings and the
    rules' words, as the page has them), with typed cells: the cohort at a glance, the
    credentials, readiness by month, what holds people back, renewals (when the rules have
    them), everyone, and the files that could not be read."""
    from ..render.xlsx import Month, workbook

    cohort = worded(cohort, rules, language, said)
    _ = language.gettext
    name_h, file_h, cred_h = _("Name"), _("File"), _("Credential")
    glance = [(_("Portfolios judged"), cohort.judged), (_("Files that could not be read"),
                                                        cohort.invalid),
              (_("As of"), cohort.as_of), (_("Next review date"), cohort.review_date),
              (_("Rules"), cohort.rules), (_("Judged for"), cohort.credential)]
    review = cohort.review_date
    sheets: list[tuple[str, list[str], Any]] = [
        (_("Cohort"), [_("What"), _("Value")], [[w, v] for w, v in glance if v is not None]),
        (_("Credentials"),
         [cred_h, name_h, _("Judged for it"), _("Qualified"), _("Met now"), _("Ready now"),
          *([_("Met by {date}").format(date=language.day(review))] if review else []),
          _("No date forecast")],
         [[c.id, c.name, c.judged_for, c.qualified, c.met, c.ready,
           *([c.met_by_review] if review else []), c.without_date]
          for c in cohort.credentials]),
        (_("Readiness"), [_("Month"), *(s.id for s in cohort.readiness.series)],
         [[Month.of(month), *(s.counts[i] for s in cohort.readiness.series)]
          for i, month in enumerate(cohort.readiness.months)]),
        (_("Holding back"),
         [cred_h, _("Requirement"), _("People"), _("Median short"), _("In words")],
         [[h.credential, h.label, h.people, h.median_short,
           None if h.median_short is None else amount(h.median_short, h.unit, language)]
          for h in cohort.holding_back]),
    ]
    if cohort.renewals is not None:
        sheets.append((_("Renewals"), [name_h, file_h, cred_h, _("Status"), _("Day")], [
            [r.name, r.file, r.credential, status, r.due]
            for status, people in ((_("Due"), cohort.renewals.due),
                                   (_("Lapsed"), cohort.renewals.lapsed))
            for r in people]))
    # As the page says them.
    met_word, no_date, steps_word = _("met, not ready"), _("no date"), _("after their steps")
    ready_word = _("ready")
    sheets += [
        (_("Everyone"), [name_h, file_h, cred_h, _("Met"), _("Ready"), _("Requirements met"),
                         _("Requirements"), _("Expected"), _("Red flags")],
         ([p.name, p.file, p.credential, p.met, p.ready, p.requirements_met,
           p.requirements_total,
           ready_word if p.ready else met_word if p.met else steps_word if p.steps_only
           else p.expected or no_date, p.red_flags]
          for p in cohort.people)),
        (_("Not read"), [file_h, _("Line"), _("Why"), _("What to do")],
         [[u.file, u.line, u.reason, u.fix] for u in cohort.unreadable]),
    ]
    widths = {_("Cohort"): [30, 30], _("Everyone"): [24, 36, 10, 8, 8, 10, 10, 12, 10],
              _("Holding back"): [10, 50, 8, 12, 8], _("Not read"): [36, 6, 50, 50]}
    workbook(out, sheets, widths)


def to_json(cohort: Cohort) -> str:
    return "".join(json_pieces(cohort))


def json_pieces(cohort: Cohort) -> Iterator[str]:
    """The cohort as indented JSON, one person at a time: the whole text is never held."""

    def indented(value: Any, depth: int) -> str:
        text = inert(msgspec.json.format(msgspec.json.encode(value), indent=2).decode())
        return text.replace("\n", "\n" + " " * depth)

    head = indented(msgspec.structs.replace(cohort, people=[]), 0)
    before, after = head.split('"people": []', 1)
    yield before + '"people": ['
    for n, person in enumerate(cohort.people):
        yield ("," if n else "") + "\n    " + indented(person, 4)
    yield ("\n  ]" if cohort.people else "]") + after + "\n"


# -- the chart ------------------------------------------------------------------------------

#: Each line's dash pattern and marker, so that no line is told apart by colour alone.
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2")
MARKERS = ("circle", "square", "triangle", "diamond", "cross")
COLOURS = ("#1f4e79", "#a23b00", "#2e6b30", "#6a3d9a", "#555555")


def chart(cohort: Cohort, language: Language = ENGLISH) -> dict[str, Any]:
    """The geometry of the readiness chart (the template draws it): one step line per
    credential, months along, people up, the review date marked."""
    months = cohort.readiness.months
    width, height = 720, 300
    left, right, top, bottom = 44, 150, 16, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    top_count = max([1, *(c for s in cohort.readiness.series for c in s.counts)])
    step = _nice_step(top_count)
    y_max = -(-top_count // step) * step
    span = max(1, len(months))

    def x(i: float) -> float:
        return round(left + plot_w * i / span, 1)

    def y(count: float) -> float:
        return round(top + plot_h * (1 - count / y_max), 1)

    lines = []
    label_ys: list[float] = []
    for n, s in enumerate(cohort.readiness.series):
        points = []
        for i, count in enumerate(s.counts):  # a count holds for the whole of its month
            points += [f"{x(i)},{y(count)}", f"{x(i + 1)},{y(count)}"]
        end_y = y(s.counts[-1]) if s.counts else y(0)
        while any(abs(end_y - other) < 12 for other in label_ys):  # labels must not overlap
            end_y += 12
        label_ys.append(end_y)
        lines.append({"id": s.id, "name": s.name, "points": " ".join(points),
                      "colour": COLOURS[n % len(COLOURS)], "dash": DASHES[n % len(DASHES)],
                      "marker": MARKERS[n % len(MARKERS)],
                      "marks": [(x(i + 0.5), y(c)) for i, c in enumerate(s.counts)
                                if i % _every(span) == 0 or i == len(s.counts) - 1],
                      "label_x": x(span) + 6, "label_y": end_y,
                      "last": s.counts[-1] if s.counts else 0})
    every = _label_every(span, plot_w)
    ticks = [{"x": x(i + 0.5), "text": short_month(m, language)} for i, m in enumerate(months)
             if i % every == 0]
    y_ticks = [{"y": y(v), "text": str(v)} for v in range(0, y_max + 1, step)]
    review = None
    if cohort.review_date is not None:
        month = f"{cohort.review_date.year:04d}-{cohort.review_date.month:02d}"
        if month in months:
            i = months.index(month)
            days = _days_in_month(cohort.review_date.year, cohort.review_date.month)
            review = {"x": x(i + (cohort.review_date.day - 0.5) / days),
                      "text": language.gettext("review {date}").format(
                          date=language.day(cohort.review_date))}
    return {"width": width, "height": height, "left": left, "top": top, "bottom": top + plot_h,
            "right": left + plot_w, "lines": lines, "ticks": ticks, "y_ticks": y_ticks,
            "review": review}


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000):
        if top / step <= 6:
            return step
    return 10 ** len(str(top // 6))


def _every(months: int) -> int:
    """Label every month up to 12, then every 3rd, 6th or 12th."""
    for every in (1, 3, 6, 12):
        if months / every <= 12:
            return every
    return 24


#: The least room, in the chart's pixels, between the middles of two month labels ("sept.
#: 2026" is about 50 wide).
LABEL_ROOM = 60


def _label_every(months: int, width: float) -> int:
    """Label every month, or every 2nd, 3rd, 6th, 12th: as often as the labels fit."""
    for every in (1, 2, 3, 6, 12):
        if width / max(1, months) * every >= LABEL_ROOM:
            return every
    return 24


def _days_in_month(year: int, month: int) -> int:
    import calendar

    return calendar.monthrange(year, month)[1]


def describe(cohort: Cohort, language: Language = ENGLISH) -> str:
    """The chart in words, for screen readers and anyone who does not see it."""
    months = cohort.readiness.months
    if not months:
        return ""
    _ = language.gettext
    parts = []
    for s in cohort.readiness.series:
        parts.append(_("{id}: {first} by the end of {first_month}, {last} by the end of "
                       "{last_month}").format(
            id=s.id, first=s.counts[0], first_month=month_name(months[0], language),
            last=s.counts[-1], last_month=month_name(months[-1], language)))
    text = "; ".join(parts) + "."
    if cohort.review_date is not None:
        text += " " + _("Met by the review date, {date}: {counts}.").format(
            date=language.day(cohort.review_date),
            counts=", ".join(f"{c.id} {c.met_by_review}" for c in cohort.credentials))
    return text


# -- the page -------------------------------------------------------------------------------


def to_html(cohort: Cohort, language: Language = ENGLISH, rules: Any = None,
            said: Sequence[Said] = ()) -> str:
    return "".join(html_pieces(cohort, language, rules, said))


def worded(cohort: Cohort, rules: Any, language: Language,
           said: Sequence[Said] = ()) -> Cohort:
    """``cohort`` with the rules file's words in ``language`` (its ``[i18n]`` table): the
    rules' and credentials' names and the requirements' labels; and, from ``said`` (one for
    each unreadable file, in order), why each file could not be read in that language. For
    the page only: the CSV and the JSON keep the file's own words and the English."""
    from msgspec.structs import replace

    if said:
        cohort = replace(cohort, unreadable=[
            replace(u, reason=s.reason, fix=s.fix)
            for u, s in zip(cohort.unreadable, said, strict=True)])
    if rules is None or language.english:
        return cohort
    from ..render.sentences import Words

    words = Words(rules, language)
    names = {c.id: c.name for c in words.rules.credential}
    return replace(
        cohort, rules=words.rules.name if cohort.rules == rules.name else cohort.rules,
        credentials=[replace(c, name=names.get(c.id, c.name)) for c in cohort.credentials],
        readiness=replace(cohort.readiness, series=[
            replace(s, name=names.get(s.id, s.name)) for s in cohort.readiness.series]),
        holding_back=[replace(h, label=words.label(h.label)) for h in cohort.holding_back])


def html_pieces(cohort: Cohort, language: Language = ENGLISH, rules: Any = None,
                said: Sequence[Said] = ()) -> Iterator[str]:
    """The page, in ``language``, a piece at a time as the template renders it; ``rules``
    give the association's words in that language, ``said`` why each file could not be
    read (see :func:`worded`)."""
    cohort = worded(cohort, rules, language, said)
    import jinja2

    from ..io.rules_file import shipped
    from ..render.html import shown

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(shipped("templates"))),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=shown,  # control characters and bidi overrides written out
    )
    env.filters["amount"] = lambda value, unit: amount(value, unit, language)
    env.filters["plain"] = _plain
    from ..render.html import code

    env.filters["code"] = code  # the tool's sentences: commands as <code>
    env.filters["day"] = language.day
    env.filters["month"] = lambda month: month_name(month, language)
    env.globals.update(_=language.gettext, ngettext=language.ngettext, lang=language.code)
    return env.get_template("report.html.j2").generate(
        cohort=cohort, chart=chart(cohort, language), description=describe(cohort, language))


def _plain(text: str) -> str:
    """Text with control characters (never meant to be shown) written out, by the one
    sanitiser every output uses."""
    from ..render.terminal import printable

    return printable(text)


def write(cohort: Cohort, folder: Path, language: Language = ENGLISH,
          rules: Any = None, said: Sequence[Said] = ()) -> list[Path]:
    """Write the four files into ``folder`` (made if need be), each whole or not at all: the
    page and the workbook in ``language`` (``said``: why each file could not be read, in
    it), the CSV and the JSON as they are in every language."""
    from ..io.document import atomic_file, write_atomically, write_pieces_atomically

    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / name for name in NAMES]
    write_pieces_atomically(paths[0], html_pieces(cohort, language, rules, said), mode=FILE_MODE)
    write_atomically(paths[1], to_csv(cohort), mode=FILE_MODE)
    write_pieces_atomically(paths[2], json_pieces(cohort), mode=FILE_MODE)
    with atomic_file(paths[3], mode=FILE_MODE, binary=True) as out:
        to_xlsx(cohort, out, language, rules, said)
    return paths
