"""The requirement kinds: one module each, found by the ``kind`` tag of a rules file.

A kind is three things: its parameters, a tagged subclass of
:class:`~endorse_cli.model.rules.Requirement` (what a rules file may write); its judging, which
turns the counted :class:`~endorse_cli.engine.facts.Facts` into a
:class:`~endorse_cli.model.results.RequirementResult` with ``have``, ``need`` and a next step as
a code; and, when time can meet it, its forecast. Each module of this package ends by
registering its :class:`Kind`, and is imported the first time a requirement of a kind not yet
registered is judged (the module named after the tag first), so that a command loads only
the kinds its rules use; adding a kind touches nothing else::

    class VisitsReq(Requirement, tag="visits"):
        count: int

    def judge(req: VisitsReq, j: Judging) -> RequirementResult:
        return j.counted(req, have=..., need=req.count, unit="visits")

    register(Kind(params=VisitsReq, judge=judge))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from msgspec import Struct

from ...model.portfolio import Portfolio
from ...model.results import Amount, Details, RequirementResult, Said
from ...model.rules import Requirement, Rules
from ..dates import add_months
from ..facts import UNITS, Facts

DAYS_PER_YEAR = 365

class Forecast(Struct, frozen=True, kw_only=True):
    """The day an unmet requirement is expected to be met (None: no day found), and why."""

    day: dt.date | None = None
    why: Said | None = None
    #: Whether time at the applicant's pace meets it (experience, hours), as opposed to a day
    #: that is simply known (a scheduled exam) or a step that needs no day.
    timed: bool = True


class Kind(Struct, frozen=True, kw_only=True):
    params: type[Requirement]
    judge: Callable[[Any, Judging], RequirementResult]
    #: When time can meet the requirement: the day, at the applicant's pace.
    forecast: Callable[[Any, RequirementResult, Judging], Forecast] | None = None
    #: The portfolio section whose entries meet it: the next step names the command that
    #: adds one (``endorse interview --section training``).
    section: str | None = None
    #: The kind judges ``mentor_tracks`` itself; for the others, :class:`Judging` does.
    own_tracks: bool = False

    @property
    def tag(self) -> str:
        return self.params.__struct_config__.tag  # type: ignore[return-value]


#: Every kind the engine can judge, by tag: those registered so far (see :func:`kind_of`).
KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    KINDS[kind.tag] = kind
    return kind


def kind_of(req: Requirement) -> Kind:
    tag = req.__struct_config__.tag
    kind = KINDS.get(tag)  # type: ignore[arg-type]
    return kind if kind is not None else _load(tag)  # type: ignore[arg-type]


def _load(tag: str) -> Kind:
    """The kind ``tag``, from the modules of this package not imported yet: the one named
    after the tag first (``any`` is in ``any_of``), then every other until one registers it."""
    import sys
    from importlib import import_module

    stem = tag.replace("-", "_")
    for name in sorted(_modules(), key=lambda n: (n != stem, not n.startswith(stem), n)):
        if f"{__name__}.{name}" not in sys.modules:
            import_module(f".{name}", __name__)
            if tag in KINDS:
                return KINDS[tag]
    raise LookupError(f"no judging is registered for the requirement kind {tag!r}")


_MODULES: dict[tuple[str, ...], set[str]] = {}


def _modules() -> set[str]:
    """The names of this package's modules, listed once for each set of folders it has."""
    folders = tuple(__path__)
    if folders not in _MODULES:
        import os

        _MODULES[folders] = {entry.partition(".")[0] for folder in folders
                             for entry in os.listdir(folder)
                             if entry.endswith((".py", ".pyc")) and not entry.startswith("_")}
    return _MODULES[folders]


def more(count: int | float, unit: str) -> dict[str, Any]:
    """The values of "5.5 more hours": the count and its unit; words are the renderer's."""
    return {"count": count, "unit": unit}


def amount(numerator: int, denominator: int = 1, *, up: bool = False) -> int | float:
    """``numerator / denominator`` for display and JSON, to 2 decimals, whole numbers as int.

    What one has is cut down, so that a total just short of its goal never shows as the
    goal; what is missing is rounded up (``up``), so that it never shows as 0.
    """
    cents = -(-numerator * 100 // denominator) if up else numerator * 100 // denominator
    return cents // 100 if cents % 100 == 0 else cents / 100


def hours(micro: int) -> int | float:
    return amount(micro, UNITS)


def years(days: int) -> int | float:
    return amount(days, DAYS_PER_YEAR)


def number(value: float) -> int | float:
    """A threshold from the rules file as written: 2.0 shows as 2."""
    return int(value) if float(value).is_integer() else value


class Judging:
    """What every kind judges with: one portfolio's facts, the rules, and the forecast plan."""

    def __init__(self, facts: Facts, rules: Rules, rsc_per_month: float | None = None,
                 today: dt.date | None = None, portfolio: Portfolio | None = None) -> None:
        self.facts = facts
        #: The portfolio itself, for a kind that counts a fact of its own.
        self.portfolio = portfolio
        self.rules = rules
        self.as_of = facts.as_of
        self.rsc_per_month = rsc_per_month
        #: A pace is measured up to today: after it nothing is logged yet.
        self.pace_until = min(facts.as_of, today or facts.as_of)
        self.horizon = add_months(facts.as_of, rules.forecast.horizon_months)
        #: Answers that requirements of several credentials share (the same RS/C window).
        self.shared: dict[Any, Any] = {}

    def __call__(self, req: Requirement) -> RequirementResult:
        """Judge ``req``, and forecast it when it is unmet and time can meet it."""
        kind = kind_of(req)
        if req.mentor_tracks is not None and not kind.own_tracks:
            track = self.facts.mentor_track or self.rules.default_mentor_track
            if track not in req.mentor_tracks:
                return self.result(req, met=True, have=None, need=None, unit=None,
                                   applies=False,
                                   noted=Said(code="not-on-track", values={"track": track}))
        result = kind.judge(req, self)
        if result.met or not result.applies or kind.forecast is None:
            return result
        forecast = kind.forecast(req, result, self)
        from msgspec.structs import replace

        return replace(result, expected=forecast.day, assumed=forecast.why, timed=forecast.timed)

    def step(self, req: Requirement, situation: str | None = None, **values: Any) -> Said:
        """The next step of ``req`` as a code, ``kind`` or ``kind.situation`` when the rules
        file words that situation, with its values (``command`` names the section to add to)."""
        kind = kind_of(req)
        code = kind.tag
        if situation and f"{code}.{situation}" in self.rules.next_steps:
            code = f"{code}.{situation}"
        if kind.section and "section" not in values:
            values["section"] = kind.section
        return Said(code=code, values=values)

    def result(self, req: Requirement, *, met: bool, have: Amount, need: Amount,
               unit: str | None, step: Said | None = None, details: Details | None = None,
               **extra: Any) -> RequirementResult:
        return RequirementResult(
            id=req.id, kind=kind_of(req).tag, label=req.label, qualification=req.qualification,
            met=met, have=have, need=need, unit=unit, step=None if met else step,
            details=details if details is not None else Details(), **extra)

    def counted(self, req: Requirement, *, have: int, need: float, unit: str, scale: int = 1,
                details: Details | None = None, situation: str | None = None,
                **values: Any) -> RequirementResult:
        """A count against a goal; ``have`` is in 1/``scale`` of the unit (micro-hours)."""
        goal = round(need * scale)
        met = have >= goal
        shown_need = amount(goal, scale)
        missing = amount(goal - have, scale, up=True)
        step = None if met else self.step(
            req, situation, have=amount(have, scale), need=shown_need, missing=missing,
            more=more(missing, unit), unit=unit, **values)
        return self.result(req, met=met, have=amount(have, scale), need=shown_need, unit=unit,
                           step=step, details=details)
