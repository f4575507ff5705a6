"""Date arithmetic for the counting rules: inclusive periods, merging, calendar months."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

Period = tuple[dt.date, dt.date]  # first and last day, both inclusive

ONE_DAY = dt.timedelta(days=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same calendar day ``months`` later.

    When that day does not exist (29 February in a common year, 31 April), the answer is the
    first day of the following month, so that a window ending *before* it still takes in
    the whole month.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    try:
        return day.replace(year=year, month=month)
    except ValueError:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return dt.date(year, month, 1)


def merge(periods: Iterable[Period]) -> list[Period]:
    """Merge overlapping or touching periods, so that each day is counted once."""
    merged: list[Period] = []
    for start, end in sorted(periods):
        if merged and start <= merged[-1][1] + ONE_DAY:
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
            start = after + ONE_DAY
        if end >= start:
            total += (end - start).days + 1
    return total


def contains(periods: list[Period], day: dt.date) -> bool:
    """Whether ``day`` falls in one of the merged, sorted ``periods``."""
    for start, end in periods:
        if start <= day <= end:
            return True
        if start > day:
            return False
    return False
