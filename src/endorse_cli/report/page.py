"""A cohort as files: ``report.html`` (one self-contained page), ``report.csv`` and
``report.json`` (the same numbers, for spreadsheets and scripts).

The page is ``templates/report.html.j2``, rendered with autoescape on: every name, path and
message that came from a file is escaped. It loads nothing from the network.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec

from .cohort import Cohort

#: Written for the person running the report: it names the applicants and their files.
FILE_MODE = 0o600
NAMES = ("report.html", "report.csv", "report.json")


def number(value: float) -> str:
    """2, 9.5, 0.37: no trailing zeros."""
    return f"{value:g}"


def amount(value: float, unit: str | None) -> str:
    """``9 hours``, ``1 reference``: the engine's unit, singular for exactly one."""
    if not unit:
        return number(value)
    if value == 1 and unit.endswith("s"):
        unit = unit[:-1]
    return f"{number(value)} {unit}"


def to_csv(cohort: Cohort) -> str:
    """The report's numbers in one table: what it is, for which credential, and how many.

    Sections: ``cohort`` (judged, invalid), ``credential`` (qualified, met, met by the review
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


def to_json(cohort: Cohort) -> str:
    return "".join(json_pieces(cohort))


def json_pieces(cohort: Cohort) -> Iterator[str]:
    """The cohort as indented JSON, one person at a time: the whole text is never held."""

    def indented(value: Any, depth: int) -> str:
        text = msgspec.json.format(msgspec.json.encode(value), indent=2).decode()
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


def chart(cohort: Cohort) -> dict[str, Any]:
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
    every = _every(span)
    ticks = [{"x": x(i + 0.5), "text": m} for i, m in enumerate(months) if i % every == 0]
    y_ticks = [{"y": y(v), "text": str(v)} for v in range(0, y_max + 1, step)]
    review = None
    if cohort.review_date is not None:
        month = f"{cohort.review_date.year:04d}-{cohort.review_date.month:02d}"
        if month in months:
            i = months.index(month)
            days = _days_in_month(cohort.review_date.year, cohort.review_date.month)
            review = {"x": x(i + (cohort.review_date.day - 0.5) / days),
                      "text": f"review {cohort.review_date.isoformat()}"}
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


def _days_in_month(year: int, month: int) -> int:
    import calendar

    return calendar.monthrange(year, month)[1]


def describe(cohort: Cohort) -> str:
    """The chart in words, for screen readers and anyone who does not see it."""
    months = cohort.readiness.months
    if not months:
        return ""
    parts = []
    for s in cohort.readiness.series:
        parts.append(f"{s.id}: {s.counts[0]} by the end of {months[0]}, "
                     f"{s.counts[-1]} by the end of {months[-1]}")
    text = "; ".join(parts) + "."
    if cohort.review_date is not None:
        text += " Met by the review date, " + cohort.review_date.isoformat() + ": " + ", ".join(
            f"{c.id} {c.met_by_review}" for c in cohort.credentials) + "."
    return text


# -- the page -------------------------------------------------------------------------------


def to_html(cohort: Cohort) -> str:
    return "".join(html_pieces(cohort))


def html_pieces(cohort: Cohort) -> Iterator[str]:
    """The page, a piece at a time as the template renders it."""
    import jinja2

    from ..io.rules_file import shipped

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(shipped("templates"))),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["amount"] = amount
    env.filters["plain"] = _plain
    return env.get_template("report.html.j2").generate(
        cohort=cohort, chart=chart(cohort), description=describe(cohort))


def _plain(text: str) -> str:
    """Text with control characters (never meant to be shown) written out, by the one
    sanitiser every output uses."""
    from ..render.terminal import printable

    return printable(text)


def write(cohort: Cohort, folder: Path) -> list[Path]:
    """Write the three files into ``folder`` (made if need be), each whole or not at all."""
    from ..io.document import write_atomically, write_pieces_atomically

    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / name for name in NAMES]
    write_pieces_atomically(paths[0], html_pieces(cohort), mode=FILE_MODE)
    write_atomically(paths[1], to_csv(cohort), mode=FILE_MODE)
    write_pieces_atomically(paths[2], json_pieces(cohort), mode=FILE_MODE)
    return paths
