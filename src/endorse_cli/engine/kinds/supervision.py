"""``supervision``: hours of reflective supervision/consultation (RS/C) received within one
window of months, over a period of at least some months, while working in the field
(portfolio-format.md, "RS/C within a 1-2 year period")."""

from __future__ import annotations

import datetime as dt

from msgspec import Struct

from ...model.results import Details, RequirementResult, Said
from ...model.rules import SupervisionReq
from ..dates import add_months, shift
from ..facts import UNITS, Facts
from ..forecast import Pace, day_window_reached, pace_over, window_drops, window_end
from . import Forecast, Judging, Kind, hours, register
from .pace import pace_said


class Window(Struct, frozen=True, kw_only=True):
    """The sessions in one window: from a session's day D up to, not including, D + months."""

    hours: int = 0
    start: dt.date | None = None
    end: dt.date | None = None  # the window's last day
    first_session: dt.date | None = None
    last_session: dt.date | None = None
    sessions: int = 0
    #: Its sessions stretch over the period asked for.
    spans: bool = False


class Windows(Struct, frozen=True, kw_only=True):
    #: The most hours in any window.
    most: Window
    #: The window that meets the rule (enough hours over a long enough period), else None.
    meeting: Window | None
    #: Some window holds the hours, but none stretches over the period asked for.
    short: Window | None


#: One window: (hours, index of its first session, index past its last, stretches over the
#: period asked for).
Candidate = tuple[int, int, int, bool]


def candidates(facts: Facts, months: int, span_months: int) -> list[Candidate]:
    """Every window that starts on a session's day, in one pass with two indices."""
    sessions = facts.sessions
    prefix = [0]
    for _, amount in sessions:
        prefix.append(prefix[-1] + amount)
    found = []
    j = 0
    previous = None
    for i, (start, _) in enumerate(sessions):
        if start == previous:
            continue  # the same start day as the previous window
        previous = start
        end = add_months(start, months)
        j = max(j, i)
        while j < len(sessions) and sessions[j][0] < end:
            j += 1
        found.append((prefix[j] - prefix[i], i, j,
                      sessions[j - 1][0] >= add_months(start, span_months)))
    return found


def windows(facts: Facts, months: int, span_months: int, need: int,
            found: list[Candidate] | None = None) -> Windows:
    """The window with most hours (the most recent among equals: the one an applicant would
    submit), and the one that meets the rule with most hours, of :func:`candidates`."""
    if found is None:
        found = candidates(facts, months, span_months)
    most = meeting = short = None
    for window in found:
        total, _, _, spans = window
        if most is None or total >= most[0]:
            most = window
        if total >= need:
            if spans:
                if meeting is None or total >= meeting[0]:
                    meeting = window
            elif short is None or total >= short[0]:
                short = window
    sessions = facts.sessions

    def shown(window: Candidate | None) -> Window | None:
        if window is None:
            return None
        total, i, j, spans = window
        start = sessions[i][0]
        return Window(hours=total, start=start, end=shift(add_months(start, months), -1),
                      first_session=start, last_session=sessions[j - 1][0], sessions=j - i,
                      spans=spans)

    return Windows(most=shown(most) or Window(), meeting=shown(meeting),
                   short=None if meeting else shown(short))


class SupervisionDetails(Details, frozen=True, kw_only=True):
    window_months: int
    span_months: int = 0
    #: The window named: the one that meets the rule, else the one with most hours.
    window_start: dt.date | None = None
    window_end: dt.date | None = None
    first_session: dt.date | None = None
    last_session: dt.date | None = None
    sessions: int = 0
    #: Its sessions stretch over ``span_months``.
    spans: bool = False
    #: The hours are there, but over a period shorter than ``span_months``.
    period_short: bool = False
    hours_outside_field_work: int | float = 0


def judge(req: SupervisionReq, j: Judging) -> RequirementResult:
    track = j.facts.mentor_track or j.rules.default_mentor_track
    noted = None
    if req.mentor_tracks is not None and j.facts.mentor_track is None:
        noted = Said(code="mentor-track-assumed", values={"track": track})
    if req.mentor_tracks is not None and track not in req.mentor_tracks:
        return j.result(req, met=True, have=None, need=None, unit="hours", applies=False,
                        noted=Said(code="not-on-track", values={"track": track}),
                        details=SupervisionDetails(window_months=req.window_months,
                                                   span_months=req.min_span_months))
    need = round(req.hours * UNITS)
    found = _windows(req, j, need)
    shown = found.meeting or found.short or found.most
    details = SupervisionDetails(
        window_months=req.window_months, span_months=req.min_span_months,
        window_start=shown.start, window_end=shown.end, first_session=shown.first_session,
        last_session=shown.last_session, sessions=shown.sessions, spans=shown.spans,
        period_short=found.short is not None,
        hours_outside_field_work=hours(j.facts.sessions_outside_field))
    if found.short is not None:
        noted = Said(code="rsc-period-short", values={
            "span_months": req.min_span_months, "first": shown.first_session,
            "last": shown.last_session, "reaches": add_months(shown.start, req.min_span_months)})
    result = j.counted(req, have=found.most.hours, need=req.hours, unit="hours", scale=UNITS,
                       details=details, window_months=req.window_months,
                       span_months=req.min_span_months,
                       situation="period-short" if found.short is not None else None)
    if found.meeting is None and result.met:  # the hours, but not over the period
        from msgspec.structs import replace

        result = replace(result, met=False, step=j.step(
            req, "period-short", window_months=req.window_months,
            span_months=req.min_span_months, have=result.have, need=result.need, unit="hours",
            missing=0, more={"count": 0, "unit": "hours"}))
    if noted is not None:
        from msgspec.structs import replace

        result = replace(result, noted=noted)
    return result


def _windows(req: SupervisionReq, j: Judging, need: int) -> Windows:
    """Credentials that ask the same share one answer, and one pass over the sessions."""
    months, span = req.window_months, req.min_span_months
    if ("rsc", months, span) not in j.shared:
        j.shared["rsc", months, span] = candidates(j.facts, months, span)
    if ("rsc", months, span, need) not in j.shared:
        j.shared["rsc", months, span, need] = windows(j.facts, months, span, need,
                                                      j.shared["rsc", months, span])
    return j.shared["rsc", months, span, need]


def forecast(req: SupervisionReq, result: RequirementResult, j: Judging) -> Forecast:
    key = ("rsc-forecast", req.window_months, req.min_span_months, req.hours)
    if key not in j.shared:
        j.shared[key] = _forecast(req, j)
    return j.shared[key]


def _forecast(req: SupervisionReq, j: Judging) -> Forecast:
    facts, plan = j.facts, j.rules.forecast
    last_day = facts.last_field_day_ahead
    if last_day is not None and last_day <= j.as_of:
        return Forecast(why=Said(code="no-field-work-ahead", values={"as_of": j.as_of}))
    months, span = req.window_months, req.min_span_months
    need = round(req.hours * UNITS)
    drops = window_drops(facts.sessions, months, j.as_of)
    end = window_end(j.as_of, months, last_day)

    def reached(pace: Pace) -> dt.date | None:
        return day_window_reached(drops, need, pace, j.as_of, end, span)

    if j.rsc_per_month is not None:
        pace: Pace = (round(j.rsc_per_month * 12 * UNITS), 365)
        rate = Said(code="rsc-pace-assumed", values={"per_month": j.rsc_per_month})
    else:
        pace = pace_over(facts.sessions, j.pace_until, plan.rsc_pace_months)
        rate = pace_said(j, "rsc-pace" if pace[0] else "no-rsc-pace", plan.rsc_pace_months, pace)
    day = reached(pace)
    if day is not None:
        return Forecast(day=day, why=rate)
    if last_day is not None:
        return Forecast(why=Said(code="rsc-field-work-ends", values={"end": last_day}))
    # Never at this pace: find the least pace, in half hours a month, that gets there.
    # A faster pace never arrives later, so halve the range of half hours each time.
    exact = pace[0] / UNITS / pace[1] * 365 / 12 if pace[1] else 0.0
    low, high = int(exact * 2) + 1, max(int(req.hours * 2), 1)

    def half_hours(n: int) -> dt.date | None:
        return reached((n * 6 * UNITS, 365))  # n half hours a month

    values = {**rate.values, "pace": rate.code, "hours": req.hours, "window_months": months,
              "span_months": span}
    if half_hours(high) is None:
        return Forecast(why=Said(code="rsc-pace-never", values=values))
    while low < high:
        middle = (low + high) // 2
        if half_hours(middle) is None:
            low = middle + 1
        else:
            high = middle
    return Forecast(why=Said(code="rsc-pace-too-slow", values={
        **values, "least_per_month": high / 2, "least_day": half_hours(high)}))


register(Kind(params=SupervisionReq, judge=judge, forecast=forecast, section="supervision"))
