"""The requirement kinds: one module each, found by the ``kind`` tag of a rules file.

A kind is four things: its parameters, a tagged subclass of
:class:`~endorse_cli.model.rules.Requirement` (what a rules file may write); its judging, which
turns the counted :class:`~endorse_cli.engine.facts.Facts` into a
:class:`~endorse_cli.model.results.RequirementResult` with ``have``, ``need`` and a next step as
a code; when time can meet it, its forecast; and its sentences, the English source strings
the gettext catalog translates: its standing ("20 hours, sessions ... (needs 24)"), the
words of each code its forecast and notes say, and its unit's forms ("1 visit", "3 more
visits"). A sentence is a function of a :class:`~endorse_cli.model.wording.Wording` (the
renderer's words, handed in: the engine never imports the renderer). Each module of this
package ends by registering its :class:`Kind`, and is imported the first time a requirement
of a kind not yet registered is judged or worded (the module named after the tag first), so
that a command loads only the kinds its rules use; adding a kind touches nothing else::

    class VisitsReq(Requirement, tag="visits"):
        count: int

    def judge(req: VisitsReq, j: Judging) -> RequirementResult:
        return j.counted(req, have=..., need=req.count, unit="visits")

    VISITS = Unit(name="visits", count=Nn_("{count} visit", "{count} visits"),
                  more=Nn_("{count} more visit", "{count} more visits"))

    register(Kind(params=VisitsReq, judge=judge, units=(VISITS,)))

The next step of a kind is the association's words, in the rules file's ``[next_steps]``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from msgspec import Struct
from msgspec.structs import replace

from ...model.message import Nn_
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


#: A sentence of a kind: the words (a Wording) and the values of a code, in words.
Sentence = Callable[[Any, dict[str, Any]], str]


class Unit(Struct, frozen=True, kw_only=True):
    """A unit a kind counts in, with its forms for the catalog (``Nn_``): ``1 visit`` and
    ``3 visits``, ``1 more visit`` and ``3 more visits``."""

    name: str
    count: tuple[str, str]
    more: tuple[str, str]


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

    # -- its sentences (functions of a Wording; the strings are the catalog's msgids) -------

    #: The units it counts in, with their forms.
    units: tuple[Unit, ...] = ()
    #: What the applicant has against what is needed ("20 hours, sessions 2025-01-02
    #: to 2025-06-01 (needs 24)"), of (words, result); None: the count in its unit and "(needs
    #: N)".
    standing: Callable[[Any, RequirementResult], str] | None = None
    #: The words of each code its forecast (``assumed``) and its notes (``noted``) say.
    says: dict[str, Sentence] = {}
    #: Its own way of wording a forecast, of (words, said, result), when the code alone does
    #: not say it (``any``: the option that gets there first).
    assumption: Callable[[Any, Said, RequirementResult], str] | None = None
    #: Its details with the words they carry for readers, of (words, result).
    details: Callable[[Any, RequirementResult], Details] | None = None
    #: A renewal year's standing and what the year still misses, in a few words.
    renewal_standing: Callable[[Any, RequirementResult], str] | None = None
    short_missing: Callable[[Any, RequirementResult], str] | None = None
    #: Its standing in a few words, of ``have`` and ``need`` ("RS/C {have} of {need}").
    short: str | None = None

    @property
    def tag(self) -> str:
        return self.params.__struct_config__.tag  # type: ignore[return-value]


#: Every kind the engine can judge, by tag: those registered so far (see :func:`kind_of`).
KINDS: dict[str, Kind] = {}


#: Every unit a registered kind counts in, by name.
UNIT_FORMS: dict[str, Unit] = {}

#: Hours, which several kinds count in (and the red flags speak of).
HOURS = Unit(name="hours", count=Nn_("{count} hour", "{count} hours"),
             more=Nn_("{count} more hour", "{count} more hours"))
UNIT_FORMS["hours"] = HOURS


def _not_on_track(w: Any, v: dict[str, Any]) -> str:
    return w._("not required on the {track} track").format(
        track=w.choice("mentor_track", v["track"]))


def _no_field_work_ahead(w: Any, v: dict[str, Any]) -> str:
    return w._("no work in the field goes on after {date}; it counts only while you work with "
               "infants, young children and families").format(date=w.day(v["as_of"]))


#: What more than one kind says: a requirement of another Mentor track (noted for any kind,
#: by :class:`Judging`), and no work in the field ahead (experience and RS/C).
SAYS: dict[str, Sentence] = {"not-on-track": _not_on_track,
                             "no-field-work-ahead": _no_field_work_ahead}


def sentence_of(kind: Kind | None, code: str) -> Sentence:
    """The words of ``code`` said of a requirement of ``kind``: its own, else those every
    kind shares. A code without words is a fault of the kind, said loudly."""
    said = (kind.says.get(code) if kind is not None else None) or SAYS.get(code)
    if said is None:
        raise LookupError(f"no words for the code {code!r} of the kind "
                          f"{kind.tag if kind else None!r}")
    return said


def register(kind: Kind) -> Kind:
    KINDS[kind.tag] = kind
    for counted in kind.units:
        UNIT_FORMS[counted.name] = counted
    return kind


def kind_of(req: Requirement) -> Kind:
    return kind_named(req.__struct_config__.tag)  # type: ignore[arg-type]


def kind_named(tag: str) -> Kind:
    """The kind ``tag``, its module loaded if it is not yet."""
    kind = KINDS.get(tag)
    return kind if kind is not None else _load(tag)


def unit(name: str) -> Unit | None:
    """The forms of the unit ``name`` (every kind's module loaded when no kind loaded so far
    counts in it); None when no kind does."""
    if name not in UNIT_FORMS and not _LOADED:
        load_all()
    return UNIT_FORMS.get(name)


#: The folders whose kinds are all loaded.
_LOADED: list[tuple[str, ...]] = []


def load_all() -> dict[str, Kind]:
    """Every kind of this package, its module loaded (for the words of any unit, and tests)."""
    from importlib import import_module

    for name in sorted(_modules()):
        import_module(f".{name}", __name__)
    _LOADED.append(tuple(__path__))
    return KINDS


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
            id=req.id, kind=req.__struct_config__.tag,  # type: ignore[arg-type]
            label=req.label, qualification=req.qualification,
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
