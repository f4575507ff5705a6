"""Dates and hours as people write them, read the same way by every question and option.

``2025-03-15`` and ``3/15/2025`` (``15/3/2025`` in Spanish) are days; ``May 2016`` and ``2016`` are months and years
(only where a month is enough: a degree's date conferred). Hours may be ``1.5``, ``1:30``,
``6 hrs``, ``1.5 hours``, ``90 min`` or ``1 h 30 min``. Each reader raises ValueError with a
sentence that says how to write the value.

This module imports nothing heavy: the CLI may call :func:`parse_day` for its own options.
"""

from __future__ import annotations

import datetime as dt
import re

from ..i18n import ENGLISH, Language
from ..i18n import parse_day as _parse_day

DAY_FORMS = "2024-03-15 or 3/15/2024"

#: A day with slashes, in either order (the language says which): not a month.
_SLASHED_DAY = re.compile(r"(\d{1,4})/(\d{1,2})/(\d{1,4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")  # not `calendar`: it loads locale
_MONTHS = {name: i for i, name in enumerate(_MONTH_NAMES, 1)}
_MONTHS |= {name[:3]: i for i, name in enumerate(_MONTH_NAMES, 1)} | {"sept": 9}
_MONTH_YEAR = re.compile(r"([A-Za-z]+)\.?,?\s+(\d{4})")
_NUMERIC_MONTH_YEAR = re.compile(r"(\d{1,2})/(\d{4})|(\d{4})-(\d{1,2})")
_YEAR = re.compile(r"\d{4}")


def parse_day(text: str, language: Language = ENGLISH) -> dt.date:
    """One day: ``2024-03-15``, or the language's own form with slashes (``3/15/2024`` in
    English, ``15/3/2024`` in Spanish): :func:`endorse_cli.i18n.parse_day`, the one reader of
    typed days, which every option and question uses."""
    return _parse_day(text, language)


def parse_month(text: str, *, today: dt.date, language: Language = ENGLISH) -> dt.date:
    """A day, or a month (``May 2016``, ``5/2016``, ``2016-05``) or a year (``2016``).

    A month stands for its last day and a year for 31 December: nothing is counted from
    before the day was surely reached. A month or year not over yet stands for today.
    """
    text = text.strip()
    try:
        return parse_day(text, language)
    except ValueError as not_a_day:
        if _SLASHED_DAY.fullmatch(text) or _ISO_DATE.fullmatch(text):
            raise not_a_day from None
    year, month, whole_year = _month_of(text)
    if not 1 <= month <= 12:
        raise ValueError(f"{text}: there is no month {month}")
    following = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    last = following - dt.timedelta(days=1)
    first = dt.date(year, 1 if whole_year else month, 1)
    return today if first <= today < last else last


def _month_of(text: str) -> tuple[int, int, bool]:
    """(year, month, whether only the year was given)."""
    if m := _MONTH_YEAR.fullmatch(text):
        month = _MONTHS.get(m[1].lower())
        if month is None:
            raise ValueError(f"{m[1]} is not a month; write e.g. May 2016, or {DAY_FORMS}")
        return int(m[2]), month, False
    if m := _NUMERIC_MONTH_YEAR.fullmatch(text):
        return (int(m[2]), int(m[1]), False) if m[1] else (int(m[3]), int(m[4]), False)
    if _YEAR.fullmatch(text):
        return int(text), 12, True
    raise ValueError(f"write the date as {DAY_FORMS}, or the month as May 2016, or the year")


_NUMBER = r"(\d+(?:\.\d+)?|\.\d+)"
_CLOCK = re.compile(r"(\d+):([0-5]\d)")
_UNITS = re.compile(
    rf"(?:{_NUMBER}\s*(?:h|hr|hrs|hour|hours)\.?)?\s*(?:{_NUMBER}\s*(?:m|min|mins|minutes?)\.?)?",
    re.IGNORECASE)
_PLAIN = re.compile(r"-?" + _NUMBER)


def parse_hours(text: str) -> float:
    """A number of hours: ``1.5``, ``1:30``, ``6 hrs``, ``1.5 hours``, ``90 min``, ``1h 30m``.

    Minutes that make no round number of hours are kept to two decimals (``80 min`` is 1.33).
    Whether the number is in range is for the caller (the portfolio format) to say.
    """
    text = text.strip()
    if "," in text:
        raise ValueError("write hours with a decimal point and no commas, e.g. 1.5")
    if m := _CLOCK.fullmatch(text):
        hours = int(m[1]) + int(m[2]) / 60
    elif m := _PLAIN.fullmatch(text):
        hours = float(m[0])
    elif text and (m := _UNITS.fullmatch(text)) and (m[1] or m[2]):
        hours = float(m[1] or 0) + float(m[2] or 0) / 60
    else:
        raise ValueError("write a number of hours, e.g. 1.5, 1:30 or 90 min")
    return round(hours, 2)
