"""``membership``: association membership running to a renewal year's due day. It is judged
per renewal year (:mod:`endorse_cli.engine.renewal`); the loader keeps it out of credentials."""

from __future__ import annotations

from typing import Any

from ...model.results import RequirementResult
from ...model.rules import MembershipReq
from . import Judging, Kind, register


def judge(req: MembershipReq, j: Judging) -> RequirementResult:
    return j.result(req, met=True, have=None, need=None, unit=None, applies=False)


def _date(value: object) -> object:
    """A day the engine gives as ``YYYY-MM-DD`` text, as a date (anything else as it is)."""
    if isinstance(value, str):
        import contextlib
        import datetime as dt

        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(value)
    return value


def renewal_standing(w: Any, req: RequirementResult) -> str:
    need = w.day(_date(req.need))
    return (w._("runs to {date} (needs {need})").format(date=w.day(_date(req.have)), need=need)
            if req.have else w._("no end date given (needs {need})").format(need=need))


def short_missing(w: Any, req: RequirementResult) -> str:
    return w._("membership to {date}").format(date=w.day(_date(req.need)))


register(Kind(params=MembershipReq, judge=judge, renewal_standing=renewal_standing,
              short_missing=short_missing))
