"""Date arithmetic for the counting rules: inclusive periods, merging, calendar months."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

Period = tuple[dt.date, dt.date]  # first and last day, both inclusive

ONE_DAY = dt.timedelta(days=1)


def shift(day: dt.date, days: int) -> dt.date:
    """``day`` plus ``days``, held at the first or last day the calendar has."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


@functools.lru_cache(maxsize=4096)
def add_months(day: dt.date, months: int) -> dt.date:
    """The same calendar day ``months`` later (or earlier, for a negative number).

    When that day does not exist (29 February in a common year, 31 April), the answer is the
    first day of the following month, so that a window ending *before* it still takes in
    the whole month. Beyond the calendar's ends it is held at its first or last day.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    if year > dt.MAXYEAR:
        return dt.date.max
    if year < dt.MINYEAR:
        return dt.date.min
    try:
        return day.replace(year=year, month=month)
    except ValueError:
        if (year, month) == (dt.MAXYEAR, 12):
            return dt.date.max
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return dt.date(year, month, 1)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same calendar day ``months`` earlier, or the last day of that month when it has
    no such day (six months before 31 August is 28 February), so that "the last six months"
    takes in all of them."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    if year < dt.MINYEAR:
        return dt.date.min
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("every month has 28 days")


def merge(periods: Iterable[Period]) -> list[Period]:
    """Merge overlapping or touching periods, so that each day is counted once."""
    merged: list[Period] = []
    for start, end in sorted(periods):
        if merged and start <= shift(merged[-1][1], 1):
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def days_in(periods: Iterable[Period], *, after: dt.date | None = None) -> int:
    """Inclusive days covered by merged ``periods``, counting only days strictly after ``after``."""
    total = 0
    for start, end in periods:
        if after is not None and start <= after:
            if after == dt.date.max:  # no day comes after the calendar's last
                continue
            start = after + ONE_DAY
        if end >= start:
            total += (end - start).days + 1
    return total


def contains(periods: list[Period], day: dt.date, starts: list[dt.date] | None = None) -> bool:
    """Whether ``day`` falls in one of the merged, sorted ``periods`` (a binary search);
    ``starts``, their first days, saves working them out at every call."""
    from bisect import bisect_right

    i = bisect_right(starts if starts is not None else [p[0] for p in periods], day) - 1
    return i >= 0 and periods[i][1] >= day
