"""``supervision``: hours of reflective supervision/consultation (RS/C) received within one
window of months, over a period of at least some months, while working in the field
(portfolio-format.md, "RS/C within a 1-2 year period")."""

from __future__ import annotations

import datetime as dt

from ...model.portfolio import Portfolio
from ...model.results import Details, RequirementResult, Said
from ...model.rules import SupervisionReq
from ..dates import add_months, months_before
from ..facts import UNITS, Facts
from ..forecast import Pace, day_window_reached, pace_over, window_drops, window_end
from ..windows import Scan, candidates, scan
from . import Forecast, Judging, Kind, amount, hours, register
from .pace import pace_said


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


class FilteredSupervisionDetails(SupervisionDetails, frozen=True, kw_only=True):
    """RS/C counted from some sessions only: endorsed providers, during work with some ages."""

    about_providing_hours: int | float = 0
    about_providing_need: int | float = 0
    #: Sessions whose provider is not endorsed as the rules ask.
    not_counted_provider: tuple[str, ...] = ()


def uses_filter(req: SupervisionReq) -> bool:
    return (req.provider_endorsements is not None or req.while_ages is not None
            or bool(req.about_providing_hours))


def counted_sessions(req: SupervisionReq, j: Judging
                     ) -> tuple[list[tuple[dt.date, int, int]], list[int]]:
    """(date, hours, hours about providing RS/C) of the sessions ``req`` counts, sorted, and
    the indices of those dropped for their provider."""
    from ..dates import contains
    from ..facts import field_periods, units
    from ..work import endorsements, job_ages

    p = j.portfolio
    assert p is not None
    known = endorsements(j)
    if req.while_ages is None:
        field = j.facts.field_periods
    else:
        key = ("field-with-ages", tuple(sorted(req.while_ages)))
        if key not in j.shared:  # credentials that ask the same ages share it
            j.shared[key] = field_periods(
                (job for job in p.work if set(job_ages(job, j.rules)) & set(req.while_ages)),
                j.as_of)
        field = j.shared[key]
    starts = [start for start, _ in field]
    kept: list[tuple[dt.date, int, int]] = []
    dropped: list[int] = []
    for i, session in enumerate(p.supervision):
        if session.date > j.as_of or not contains(field, session.date, starts):
            continue
        if req.provider_endorsements is not None and not known.matches(
                session.provider_credential, req.provider_endorsements):
            dropped.append(i)
            continue
        amount = units(session.hours)
        kept.append((session.date, amount, amount if session.about_providing else 0))
    kept.sort()
    return kept, dropped


def provider_entries(p: Portfolio, dropped: list[int]) -> list[dict[str, object]]:
    """The sessions at ``dropped`` (left out for their provider's endorsement), for a next
    step: number from 1, provider, date and the endorsement as written."""
    return [{"number": i + 1, "title": p.supervision[i].provider, "date": p.supervision[i].date,
             "credential": p.supervision[i].provider_credential} for i in dropped]


def _judge_filtered(req: SupervisionReq, j: Judging, noted: Said | None) -> RequirementResult:
    from msgspec.structs import replace

    months = req.window_months or 12
    need, about_need = round(req.hours * UNITS), round(req.about_providing_hours * UNITS)
    sessions, dropped = counted_sessions(req, j)
    found = scan([(day, h) for day, h, _ in sessions], months, req.min_span_months, need,
                 about_need, about=[a for _, _, a in sessions])
    shown, about, met = found.best, found.best.about, found.met
    p = j.portfolio
    assert p is not None
    details = FilteredSupervisionDetails(
        window_months=months, span_months=req.min_span_months, window_start=shown.start,
        window_end=shown.end, first_session=shown.first_session,
        last_session=shown.last_session, sessions=shown.sessions, spans=shown.spans,
        period_short=shown.hours >= need and about >= about_need and not shown.spans,
        hours_outside_field_work=hours(j.facts.sessions_outside_field),
        about_providing_hours=hours(about), about_providing_need=hours(about_need),
        not_counted_provider=tuple(f"supervision[{i}]" for i in dropped))
    entries = provider_entries(p, dropped)
    providers = list(req.provider_endorsements or ())
    situation = "provider" if dropped and found.have < need else None
    result = j.counted(req, have=found.have, need=req.hours, unit="hours", scale=UNITS,
                       details=details, window_months=months, span_months=req.min_span_months,
                       situation=situation, entries=entries, providers=providers)
    if result.met and not met:
        if about < about_need:
            missing = amount(about_need - about, UNITS, up=True)
            step = j.step(req, "about-providing", have=hours(about),
                          need=hours(about_need), missing=missing,
                          more={"count": missing, "unit": "hours"}, unit="hours",
                          window_months=months)
        elif shown.start is not None:  # else no session to date the period from
            step = j.step(req, "period-short", window_months=months,
                          span_months=req.min_span_months, have=result.have,
                          need=result.need, unit="hours", missing=0,
                          more={"count": 0, "unit": "hours"})
            noted = Said(code="rsc-period-short", values={
                "span_months": req.min_span_months, "first": shown.first_session,
                "last": shown.last_session,
                "reaches": add_months(shown.start, req.min_span_months)})
        else:
            step = result.step
        result = replace(result, met=False, step=step)
    if noted is not None:
        result = replace(result, noted=noted)
    return result


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
    if uses_filter(req):
        return _judge_filtered(req, j, noted)
    need = round(req.hours * UNITS)
    found = _scan(req, j, need)
    shown = found.best
    short = not found.met and shown.hours >= need  # the hours, but not over the period
    details = SupervisionDetails(
        window_months=req.window_months, span_months=req.min_span_months,
        window_start=shown.start, window_end=shown.end, first_session=shown.first_session,
        last_session=shown.last_session, sessions=shown.sessions, spans=shown.spans,
        period_short=short, hours_outside_field_work=hours(j.facts.sessions_outside_field))
    if short:
        noted = Said(code="rsc-period-short", values={
            "span_months": req.min_span_months, "first": shown.first_session,
            "last": shown.last_session, "reaches": add_months(shown.start, req.min_span_months)})
    result = j.counted(req, have=found.have, need=req.hours, unit="hours", scale=UNITS,
                       details=details, window_months=req.window_months,
                       span_months=req.min_span_months,
                       situation="period-short" if short else None)
    if not found.met and result.met:  # the hours, but not over the period
        from msgspec.structs import replace

        result = replace(result, met=False, step=j.step(
            req, "period-short", window_months=req.window_months,
            span_months=req.min_span_months, have=result.have, need=result.need, unit="hours",
            missing=0, more={"count": 0, "unit": "hours"}))
    if noted is not None:
        from msgspec.structs import replace

        result = replace(result, noted=noted)
    return result


def _scan(req: SupervisionReq, j: Judging, need: int) -> Scan:
    """Credentials that ask the same share one answer, and one pass over the sessions."""
    months, span = req.window_months, req.min_span_months
    if ("rsc", months, span) not in j.shared:
        j.shared["rsc", months, span] = candidates(j.facts.sessions, months, span)
    if ("rsc", months, span, need) not in j.shared:
        j.shared["rsc", months, span, need] = scan(j.facts.sessions, months, span, need,
                                                   found=j.shared["rsc", months, span])
    return j.shared["rsc", months, span, need]


def forecast(req: SupervisionReq, result: RequirementResult, j: Judging) -> Forecast:
    if uses_filter(req):
        details = result.details
        if isinstance(details, FilteredSupervisionDetails) and \
                details.about_providing_hours < details.about_providing_need:
            return Forecast(timed=False)  # sessions about the RS/C one gives, not a pace
        key = ("rsc-forecast", req.window_months, req.min_span_months, req.hours,
               tuple(req.provider_endorsements or ()), tuple(req.while_ages or ()))
        if key not in j.shared:
            from msgspec.structs import replace

            kept, dropped = counted_sessions(req, j)
            sessions = [(day, h) for day, h, _ in kept]
            j.shared[key] = _forecast(req, j, replace(j.facts, sessions=sessions),
                                      dropped=dropped)
        return j.shared[key]
    key = ("rsc-forecast", req.window_months, req.min_span_months, req.hours)
    if key not in j.shared:
        j.shared[key] = _forecast(req, j)
    return j.shared[key]


def _forecast(req: SupervisionReq, j: Judging, facts: Facts | None = None,
              dropped: list[int] | None = None) -> Forecast:
    """``facts`` holds the sessions ``req`` counts (all, by default); ``dropped`` the indices
    of those left out for their provider."""
    counted_only = facts is not None
    facts, plan = facts or j.facts, j.rules.forecast
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
        rate = pace_said(j, "rsc-pace" if pace[0] else "no-rsc-pace", plan.rsc_pace_months, pace,
                         **_none_counts(j, pace, plan.rsc_pace_months, dropped)
                         if counted_only else {})
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


def _none_counts(j: Judging, pace: Pace, months: int, dropped: list[int] | None
                 ) -> dict[str, str]:
    """When no session of the recent months counts but some were held, why not: their
    provider's endorsement ("provider"), or the ages of the work they were held in ("ages").
    Saying "no RS/C in the last 6 months" then would be false."""
    if pace[0] or not pace_over(j.facts.sessions, j.pace_until, months)[0]:
        return {}  # some count, or none was held during work in the field: said as it is
    since = months_before(j.pace_until, months)
    p = j.portfolio
    assert p is not None
    provider = any(since < p.supervision[i].date <= j.pace_until for i in dropped or ())
    return {"not_counted": "provider" if provider else "ages"}


register(Kind(params=SupervisionReq, judge=judge, forecast=forecast, section="supervision",
              own_tracks=True))
