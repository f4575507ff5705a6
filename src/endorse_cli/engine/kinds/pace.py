"""A pace in words' values: hours a month over the recent months, and the words shared by
the hour kinds (training and RS/C)."""

from __future__ import annotations

from typing import Any

from ...model.results import Said
from ..facts import UNITS
from ..forecast import Pace

MONTH_DAYS = 365 / 12


def per_month(pace: Pace) -> float:
    """A pace as hours a month, to one decimal."""
    amount, days = pace
    return round(amount / UNITS / days * MONTH_DAYS, 1) if days else 0.0


def pace_said(j: Any, code: str, months: int, pace: Pace, **values: Any) -> Said:
    """``code`` with the pace's values: the months it is measured over, whether that stops
    at today (an as-of date ahead), and hours a month."""
    return Said(code=code, values={"months": months, "up_to_today": j.pace_until < j.as_of,
                                   "per_month": per_month(pace), **values})


# -- words the hour kinds share --------------------------------------------------------------


def recent(w: Any, v: dict[str, Any]) -> str:
    """"the last 6 months" (up to today, when the as-of date is ahead)."""
    months = v.get("months")
    if v.get("up_to_today"):
        return w.n_("the last {months} month up to today",
                    "the last {months} months up to today", months).format(months=months)
    return w.n_("the last {months} month", "the last {months} months",
                months).format(months=months)


def at_pace(w: Any, v: dict[str, Any]) -> str:
    return w._("at your pace of {recent}, about {hours} a month").format(
        recent=recent(w, v), hours=w.quantity(v["per_month"], "hours"))


def hours_missing(w: Any, req: Any, forms: tuple[str, str]) -> str:
    """What a renewal year still misses, in a few words: "3 more hours of training (at least
    1 hour on ...) for 2026"."""
    values = req.step.values if req.step else {}
    missing = values.get("missing", 0)
    text = w.n_(*forms, missing).format(count=w.number(missing))
    if values.get("topics"):
        text += " " + w._("(at least {topics})").format(
            topics=w.pack_field("topics", values["topics"]))
    if values.get("year"):
        text += " " + w._("for {year}").format(year=values["year"])
    return text
