"""``training``: clock hours of specialized training."""

from __future__ import annotations

from itertools import combinations
from typing import Any

from msgspec.structs import replace

from ...model.message import N_, Nn_
from ...model.portfolio import Training
from ...model.results import Details, RequirementResult
from ...model.rules import TrainingReq
from ..facts import UNITS, units
from ..forecast import day_amount_reached, pace_over
from . import Forecast, Judging, Kind, amount, hours, register
from .pace import at_pace, hours_missing, pace_said, recent


class TopicDetails(Details, frozen=True, kw_only=True):
    """Training counted by topic: hours of the entries holding each topic, and the shortfall."""

    by_topic: dict[str, int | float] = {}
    missing_by_topic: dict[str, int | float] = {}


def uses_topics(req: TrainingReq) -> bool:
    return list(req.topics) != ["imh"] or bool(req.min_by_topic)


def shortfall(req: TrainingReq, courses: list[tuple[frozenset[str], int]]) -> dict[str, int]:
    """Micro-hours each topic of ``min_by_topic`` still misses.

    Overlapping minimums: each topic's own hours against its minimum. Separate minimums (an
    hour counts toward one topic only, a course with several topics may split): met iff for
    every set S of topics the minimums of S add up to no more than the hours of courses with
    a topic in S (Hall's condition); the largest shortfall, over the worst S, is shown on
    the topics of that S.
    """
    need = {t: round(h * UNITS) for t, h in req.min_by_topic.items()}
    if not req.topics_separate:
        return {t: n - sum(h for ts, h in courses if t in ts) for t, n in need.items()
                if n > sum(h for ts, h in courses if t in ts)}
    worst: tuple[int, tuple[str, ...]] = (0, ())
    topics = sorted(need)
    for size in range(1, len(topics) + 1):
        for group in combinations(topics, size):
            supply = sum(h for ts, h in courses if ts & set(group))
            short = sum(need[t] for t in group) - supply
            if short > worst[0]:
                worst = (short, group)
    short, group = worst
    if not short:
        return {}
    # the shortfall on the worst set's topics: first where a topic's own hours fall short,
    # the rest (hours two topics would share) in order, each at most its own minimum
    own = {t: max(0, need[t] - sum(h for ts, h in courses if t in ts)) for t in group}
    out: dict[str, int] = {}
    left = short
    for t in group:
        out[t] = min(left, own[t])
        left -= out[t]
    for t in group:
        take = min(left, need[t] - out[t])
        out[t] += take
        left -= take
    return {t: m for t, m in out.items() if m}


def judge(req: TrainingReq, j: Judging) -> RequirementResult:
    if not uses_topics(req):
        return j.counted(req, have=j.facts.training_hours, need=req.hours, unit="hours",
                         scale=UNITS)
    assert j.portfolio is not None
    return judge_courses(req, j, [c for c in j.portfolio.training if c.date <= j.as_of])


def judge_courses(req: TrainingReq, j: Judging, entries: list[Training],
                  **values: object) -> RequirementResult:
    """``req`` against these courses only (all of them, or a renewal year's)."""
    wanted = set(req.topics)
    courses = [(c.topic_set, units(c.hours)) for c in entries if c.topic_set & wanted]
    have = sum(h for _, h in courses)
    missing = shortfall(req, courses)
    by_topic = {t: hours(sum(h for ts, h in courses if t in ts)) for t in sorted(wanted)}
    details = TopicDetails(by_topic=by_topic,
                           missing_by_topic={t: hours(m) for t, m in missing.items()})
    topics = {t: amount(m, UNITS, up=True) for t, m in missing.items()}
    result = j.counted(req, have=have, need=req.hours, unit="hours", scale=UNITS,
                       details=details, situation="topic" if missing else None,
                       topics=topics, **values)
    if result.met and missing:  # the hours, but not on the topics asked for
        result = replace(result, met=False, step=j.step(
            req, "topic", have=result.have, need=result.need, unit="hours", missing=0,
            more={"count": 0, "unit": "hours"}, topics=topics, **values))
    return result


def forecast(req: TrainingReq, result: RequirementResult, j: Judging) -> Forecast:
    months = j.rules.forecast.training_pace_months
    pace = pace_over(j.facts.training_log, j.pace_until, months)
    missing = round(req.hours * UNITS) - j.facts.training_hours
    if isinstance(result.details, TopicDetails):
        if result.details.missing_by_topic:
            return Forecast(timed=False)  # a course on the topic, not a pace, meets it
        missing = round(req.hours * UNITS) - round(float(result.have or 0) * UNITS)
    day = day_amount_reached(missing, pace, j.as_of, j.horizon)
    if pace[0] == 0:
        return Forecast(why=pace_said(j, "no-training-pace", months, pace))
    if day is None:
        return Forecast(why=pace_said(j, "training-pace-too-slow", months, pace,
                                      horizon_months=j.rules.forecast.horizon_months))
    return Forecast(day=day, why=pace_said(j, "training-pace", months, pace))


# -- its words -------------------------------------------------------------------------------


def _no_pace(w: Any, v: dict[str, Any]) -> str:
    return w._("no specialized training in {recent} to set a pace").format(recent=recent(w, v))


def _too_slow(w: Any, v: dict[str, Any]) -> str:
    return w.n_("{rate}, not within {months} month", "{rate}, not within {months} months",
                v["horizon_months"]).format(rate=at_pace(w, v), months=v["horizon_months"])


def renewal_standing(w: Any, req: RequirementResult) -> str:
    """A year's hours, and each topic asked for: "; diversity, equity and inclusion: 1 hour"."""
    tail = ""
    by_topic = getattr(req.details, "by_topic", None)
    if by_topic and req.step is not None:
        for topic in (req.step.values.get("topics") or {}):
            words = w.choice("topic", topic)
            tail += (f"; {words[:1].lower() + words[1:]}: "
                     f"{w.quantity(by_topic.get(topic, 0), 'hours')}")
    return w.against(req, tail=tail)


def short_missing(w: Any, req: RequirementResult) -> str:
    return hours_missing(w, req, Nn_("{count} more hour of training",
                                     "{count} more hours of training"))


register(Kind(params=TrainingReq, judge=judge, forecast=forecast, section="training",
              says={"no-training-pace": _no_pace, "training-pace": at_pace,
                    "training-pace-too-slow": _too_slow},
              renewal_standing=renewal_standing, short_missing=short_missing,
              short=N_("training {have} of {need}")))
