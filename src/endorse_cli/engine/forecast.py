"""When will an unmet requirement be met if the applicant goes on as now?

Every function returns the day (or None when that pace never gets there) and works in whole
numbers: days, and micro-hours as in :mod:`facts`. A pace is ``(amount, days)``: so much
in so many days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .dates import add_months, months_before, shift

Pace = tuple[int, int]  # (micro-hours, over this many days)


def day_experience_reached(ahead: list[tuple[dt.date, dt.date | None]], missing_days: int,
                           as_of: dt.date) -> dt.date | None:
    """The day ``missing_days`` more days of field work are done, the work ahead going on.

    ``ahead`` all start the day after ``as_of``, so the longest of them is all that counts.
    """
    if missing_days <= 0:
        return as_of
    if not ahead:
        return None
    end = ahead[-1][1] or dt.date.max  # sorted: an open-ended job last
    return shift(as_of, missing_days) if missing_days <= (end - as_of).days else None


def pace_over(log: Iterable[tuple[dt.date, int]], as_of: dt.date, months: int) -> Pace:
    """Hours logged in the ``months`` up to the as-of date, and the days that period has."""
    since = months_before(as_of, months)
    return sum(amount for day, amount in log if since < day <= as_of), (as_of - since).days


def day_amount_reached(missing: int, pace: Pace, as_of: dt.date,
                       horizon: dt.date) -> dt.date | None:
    """The day ``missing`` more micro-hours come in at ``pace``, if before ``horizon``."""
    amount, days = pace
    if missing <= 0:
        return as_of
    if amount <= 0:
        return None
    needed = -(-missing * days // amount)
    return shift(as_of, needed) if needed <= (horizon - as_of).days else None


def window_drops(sessions: list[tuple[dt.date, int]], months: int,
                 as_of: dt.date) -> list[tuple[dt.date, int, dt.date]]:
    """(day it leaves, hours, day held) of each session held that is still in a window ending
    tomorrow, in the order they leave.

    A session leaves a window ending on day E once E reaches the same day ``months`` later.
    """
    return sorted((drop, hours, day) for day, hours in sessions
                  if day <= as_of and (drop := add_months(day, months)) > as_of)


def window_end(as_of: dt.date, months: int, last_day: dt.date | None) -> dt.date:
    """The last day worth looking at: one window on from tomorrow, or the end of field work."""
    end = shift(add_months(shift(as_of, 1), months), -1)
    return end if last_day is None else min(end, last_day)


def day_window_reached(drops: list[tuple[dt.date, int, dt.date]], need: int, pace: Pace,
                       as_of: dt.date, end: dt.date, span_months: int = 0) -> dt.date | None:
    """The first day E up to ``end`` on which a window ending on E holds ``need`` micro-hours
    whose sessions stretch over ``span_months``: from its first session D to a session on or
    after the same day ``span_months`` later.

    What is in that window: the sessions already held that have not left it (``drops``, from
    :func:`window_drops`), and the hours to come at ``pace`` from tomorrow to E, a session
    falling on E itself. Beyond one window from now nothing more can be gained, so ``end`` is
    at most that far. Without a pace nothing more comes, and nothing changes for the better.
    """
    amount, days = pace
    if amount <= 0:
        return None
    # In day numbers (ordinals), held at the calendar's ends as ``shift`` holds them.
    held = sum(hours for _, hours, _ in drops)
    today = as_of.toordinal()
    last = end.toordinal()
    start = _held(today + 1)
    for k, (drop, hours, _) in enumerate([*drops, (None, 0, None)]):
        # From `start` up to the day before `drop`, the past sessions held are drops[k:].
        # The window's first session: the oldest held one left, else the first to come.
        first = drops[k][2] if k < len(drops) else shift(as_of, 1)
        gone = _held(last + 1) if drop is None else drop.toordinal()
        by_hours = _held(today - (-(need - held) * days // amount))
        if by_hours < start:
            by_hours = start
        reach = add_months(first, span_months).toordinal()
        day = reach if reach > by_hours else by_hours
        if day < gone and day <= last:
            return dt.date.fromordinal(day)
        held -= hours
        if gone > start:
            start = gone
        if start > last:
            break
    return None


#: The day numbers of the calendar's first and last days.
_FIRST, _LAST = dt.date.min.toordinal(), dt.date.max.toordinal()


def _held(day: int) -> int:
    """A day number held at the calendar's first or last day, as :func:`shift` holds a date."""
    return _FIRST if day < _FIRST else _LAST if day > _LAST else day
