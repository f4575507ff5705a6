"""The RS/C window: the one scan of sessions that finds the window with most hours and the best
window, for every requirement and every page that names one (portfolio-format.md, "RS/C within
a 1-2 year period").

A *window* runs from a session's day D up to, not including, the same calendar day ``months``
later; its sessions *span* the period when one of them falls on or after the same calendar day
``span_months`` after D. Only windows that start on a session's day matter: any other holds no
more than the one that starts on its first session.

The best window, the one named (in `gaps` and the bundle's chart), is one that meets the rule
(``need`` hours, ``about_need`` hours about providing RS/C, its sessions spanning the period),
else the one with the least shortfall (hours missing plus hours about providing missing: a
window that holds both but does not span the period has none); among equals, the one with more
hours, then the most recent: the one an applicant would submit. The window with most hours
(``most``) is the one with most hours, the most recent among equals; with no hours asked
(``need`` 0) it is also the best, as on the bundle's signed RS/C logs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from itertools import accumulate

from msgspec import Struct

from .dates import add_months, shift


class Window(Struct, frozen=True, kw_only=True):
    """The sessions in one window: from a session's day D up to, not including, D + months."""

    hours: int = 0
    #: Of its hours, those about providing RS/C.
    about: int = 0
    start: dt.date | None = None
    end: dt.date | None = None  # the window's last day
    first_session: dt.date | None = None
    last_session: dt.date | None = None
    sessions: int = 0
    #: Its sessions stretch over the period asked for.
    spans: bool = False


class Scan(Struct, frozen=True, kw_only=True):
    #: The window with most hours.
    most: Window
    #: The window named: see the module's words for the order.
    best: Window
    #: The best window meets the rule.
    met: bool
    #: The requirement's ``have``: the most hours in any window (portfolio-format.md) when the
    #: rule is met, else the best window's. These are the same hours unless the rule asks
    #: hours about providing RS/C too: then the next step counts in the window nearest to
    #: meeting it, and so does ``have``.
    have: int


#: One window: (hours, hours about providing, index of its first session, index past its
#: last, whether its sessions span the period).
Candidate = tuple[int, int, int, int, bool]


def candidates(sessions: Sequence[tuple[dt.date, int]], months: int, span_months: int,
               about: Sequence[int] | None = None) -> list[Candidate]:
    """Every window that starts on a session's day, in one pass with two indices, of
    ``sessions`` sorted by day ((day, hours) in whole units; ``about``, the hours of each about
    providing RS/C). Days are compared as day numbers (ordinals)."""
    hours_sum = [0, *accumulate([amount for _, amount in sessions])]
    about_sum = [0, *accumulate(about)] if about is not None else None
    days = [day.toordinal() for day, _ in sessions]
    count = len(days)
    found: list[Candidate] = []
    j = 0
    previous = None
    for i, day in enumerate(days):
        if day == previous:
            continue  # the same start day as the previous window
        previous = day
        end = _later(sessions[i][0], day, months)
        if j < i:
            j = i
        while j < count and days[j] < end:
            j += 1
        found.append((hours_sum[j] - hours_sum[i],
                      about_sum[j] - about_sum[i] if about_sum is not None else 0, i, j,
                      days[j - 1] >= _later(sessions[i][0], day, span_months)))
    return found


#: The day number of the same calendar day some months later (:func:`add_months`), by the
#: day number and the months: the windows of every portfolio start on few distinct days.
_LATER: dict[tuple[int, int], int] = {}


def _later(day: dt.date, number: int, months: int) -> int:
    """The day number of ``day`` (whose day number is ``number``) ``months`` later."""
    later = _LATER.get((number, months))
    if later is None:
        if len(_LATER) >= 65_536:  # a long-lived caller: keep it small
            _LATER.clear()
        later = _LATER[number, months] = add_months(day, months).toordinal()
    return later


def scan(sessions: Sequence[tuple[dt.date, int]], months: int, span_months: int = 0,
         need: int = 0, about_need: int = 0, *, about: Sequence[int] | None = None,
         found: list[Candidate] | None = None) -> Scan:
    """The window with most hours and the best window of ``sessions`` (see the module's words),
    from :func:`candidates` (``found``, when worked out already for the same sessions)."""
    if found is None:
        found = candidates(sessions, months, span_months, about)
    most = best = None
    best_key: tuple[bool, int, int] | None = None
    for window in found:
        total, about_total, _, _, spans = window
        if most is None or total >= most[0]:
            most = window
        short = (need - total if need > total else 0) + (
            about_need - about_total if about_need > about_total else 0)
        key = (short == 0 and spans, -short, total)
        if best_key is None or key >= best_key:
            best, best_key = window, key

    def shown(window: Candidate | None) -> Window:
        if window is None:
            return Window()
        total, about_total, i, j, spans = window
        start = sessions[i][0]
        return Window(hours=total, about=about_total, start=start,
                      end=shift(add_months(start, months), -1), first_session=start,
                      last_session=sessions[j - 1][0], sessions=j - i, spans=spans)

    most_window, best_window = shown(most), shown(best)
    met = bool(best_key and best_key[0])
    return Scan(most=most_window, best=best_window, met=met,
                have=most_window.hours if met else best_window.hours)
