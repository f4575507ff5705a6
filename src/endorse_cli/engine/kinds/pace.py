"""A pace in words' values: hours a month over the recent months (shared by the hour kinds)."""

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
