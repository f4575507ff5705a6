"""Dates and hours as people write them, read the same way by every question and option.

``2025-03-15`` and ``3/15/2025`` (``15/3/2025`` in Spanish) are days; ``May 2016`` (``mayo de
2016``) and ``2016`` are months and years (only where a month is enough: a degree's date
conferred). Hours may be ``1.5``, ``1:30``,
``6 hrs``, ``1.5 hours``, ``90 min`` or ``1 h 30 min``. Each reader raises ValueError with a
sentence that says how to write the value.

This module imports nothing heavy: the CLI may call :func:`parse_day` for its own options.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..i18n import ENGLISH, Language, OffCalendar, month_number, off_calendar
from ..i18n import parse_day as _parse_day


#: A day with slashes, in either order (the language says which): not a month.
_SLASHED_DAY = re.compile(r"(\d{1,4})/(\d{1,2})/(\d{1,4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MONTH_YEAR = re.compile(r"([^\W\d_]+)\.?,?\s+(?:(?:de|of)\s+)?(\d{4})", re.IGNORECASE)
_NUMERIC_MONTH_YEAR = re.compile(r"(\d{1,2})/(\d{4})|(\d{4})-(\d{1,2})")
_YEAR = re.compile(r"\d{4}")


def parse_day(text: str, language: Language = ENGLISH) -> dt.date:
    """One day: ``2024-03-15``, or the language's own form with slashes (``3/15/2024`` in
    English, ``15/3/2024`` in Spanish): :func:`endorse_cli.i18n.parse_day`, the one reader of
    typed days, which every option and question uses."""
    return _parse_day(text, language)


def _month_forms(language: Language, years: bool = True) -> str:
    """How to write a month (or a year), in the language: ``May 2016``, ``mayo de 2016``."""
    _ = language.gettext
    days = _("{iso} or {local}").format(iso="2024-03-15", local=language.typed_example())
    month = language.month_year(dt.date(2016, 5, 1))
    if not years:
        return _("{days}, or the month as {month}").format(days=days, month=month)
    return _("{days}, or the month as {month}, or the year").format(days=days, month=month)


def parse_month(text: str, *, today: dt.date, language: Language = ENGLISH,
                years: bool = True) -> dt.date:
    """A day, or a month (``May 2016``, ``mayo de 2016``, ``5/2016``, ``2016-05``) or, with
    ``years``, a year (``2016``). Every date question and option reads dates with it.

    A month stands for its last day and a year for 31 December: nothing is counted from
    before the day was surely reached. A month or year not over yet stands for today.
    """
    _ = language.gettext
    text = text.strip()
    try:
        return parse_day(text, language)
    except ValueError as not_a_day:
        if isinstance(not_a_day, OffCalendar) or _SLASHED_DAY.fullmatch(text) or \
                _ISO_DATE.fullmatch(text):
            raise not_a_day from None
    year, month, whole_year = _month_of(text, language, years)
    if not 1 <= month <= 12:
        raise ValueError(_("{text}: there is no month {month}").format(text=text, month=month))
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise off_calendar(text, language)
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    first = dt.date(year, 1 if whole_year else month, 1)
    return today if first <= today < last else last


def _month_of(text: str, language: Language, years: bool = True) -> tuple[int, int, bool]:
    """(year, month, whether only the year was given)."""
    _ = language.gettext
    if m := _MONTH_YEAR.fullmatch(text):
        month = month_number(m[1], language)
        if month is None:
            raise ValueError(_("{word} is not a month; write the date as {forms}").format(
                word=m[1], forms=_month_forms(language, years)))
        return int(m[2]), month, False
    if m := _NUMERIC_MONTH_YEAR.fullmatch(text):
        return (int(m[2]), int(m[1]), False) if m[1] else (int(m[3]), int(m[4]), False)
    if years and _YEAR.fullmatch(text):
        return int(text), 12, True
    raise ValueError(_("write the date as {forms}").format(forms=_month_forms(language, years)))


def month_taken(text: str, day: dt.date, language: Language = ENGLISH) -> str | None:
    """What a month or a year typed for a date was stored as, in a sentence; None for a day."""
    text = text.strip()
    try:
        parse_day(text, language)
        return None
    except ValueError:
        pass
    _ = language.gettext
    said = (_("{typed} is saved as {day}, the last day of that year (today, while it is not "
              "over), so that nothing counts from before it; give the whole date to count "
              "from the exact day") if _YEAR.fullmatch(text) else
            _("{typed} is saved as {day}, the last day of that month (today, while it is not "
              "over), so that nothing counts from before it; give the whole date to count "
              "from the exact day"))
    return said.format(typed=text, day=language.day(day))


_NUMBER = r"(\d+(?:\.\d+)?|\.\d+)"
_CLOCK = re.compile(r"(\d+):([0-5]\d)")
_UNITS = re.compile(
    rf"(?:{_NUMBER}\s*(?:h|hr|hrs|hour|hours|hora|horas)\.?)?"
    rf"\s*(?:y\s+)?(?:{_NUMBER}\s*(?:m|min|mins|minutes?|minutos?)\.?)?",
    re.IGNORECASE)
_PLAIN = re.compile(r"-?" + _NUMBER)


def parse_hours(text: str, language: Language = ENGLISH) -> float:
    """A number of hours: ``1.5``, ``1:30``, ``6 hrs``, ``1.5 hours``, ``90 min``, ``1h 30m``;
    in a language whose decimal mark is a comma, ``1,5`` and ``1,5 horas`` too.

    Minutes that make no round number of hours are kept to two decimals (``80 min`` is 1.33).
    Whether the number is in range is for the caller (the portfolio format) to say.
    """
    _ = language.gettext
    text = text.strip()
    if language.decimal_mark != "." and re.search(r"\d,\d", text) and "." not in text:
        text = text.replace(",", ".")  # 1,5 is one and a half where the mark is a comma
    if "," in text:
        raise ValueError(_("write hours with a decimal point and no commas, e.g. {example}")
                         .format(example=language.number(1.5)))
    if m := _CLOCK.fullmatch(text):
        hours = int(m[1]) + int(m[2]) / 60
    elif m := _PLAIN.fullmatch(text):
        hours = float(m[0])
    elif text and (m := _UNITS.fullmatch(text)) and (m[1] or m[2]):
        hours = float(m[1] or 0) + float(m[2] or 0) / 60
    else:
        raise ValueError(_("write a number of hours, e.g. {decimal}, 1:30 or 90 min").format(
            decimal=language.number(1.5)))
    return round(hours, 2)
