"""Judging one requirement of each kind against the counted facts.

Each kind has one function that returns a :class:`RequirementResult` with have / need /
unit and, when unmet, a next step worded by the rules file.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any

from msgspec.structs import replace

from ..model import rules as r
from ..model.portfolio import DEGREE_LEVEL
from ..model.results import Amount, RequirementResult
from .expect import Expect
from .facts import UNITS, Facts

DAYS_PER_YEAR = 365

#: The placeholders a next-step wording may use. A rules file naming another is refused.
NEXT_STEP_FIELDS = (
    "have", "need", "missing", "more", "unit", "degree", "after", "areas", "missing_days",
    "window_months", "received", "names", "options",
)


def more(count: int | float, unit: str) -> str:
    """``5.5 more hours``, ``1 more reference``: the unit in the singular for exactly one."""
    word = unit[:-1] if count == 1 and unit.endswith("s") else unit
    return f"{count:g} more {word}" if isinstance(count, float) else f"{count} more {word}"


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


def _number(value: float) -> int | float:
    """A threshold from the rules file as written: 2.0 shows as 2."""
    return int(value) if float(value).is_integer() else value


class Judge:
    """Judges requirements for one portfolio's facts under one rules file."""

    def __init__(self, facts: Facts, rules: r.Rules, rsc_per_month: float | None = None,
                 today: dt.date | None = None) -> None:
        self.facts = facts
        self.rules = rules
        self.expect = Expect(facts, rules, rsc_per_month, today)
        self._by_kind: dict[type, Callable[[Any], RequirementResult]] = {
            r.EducationReq: self._education,
            r.ExperienceReq: self._experience,
            r.TrainingReq: self._training,
            r.SupervisionReq: self._supervision,
            r.ReferencesReq: self._references,
            r.CompetenciesReq: self._competencies,
            r.ExamReq: self._exam,
            r.AnyReq: self._any,
        }

    def __call__(self, req: r.Requirement) -> RequirementResult:
        return self.expect(req, self._by_kind[type(req)](req))

    # -- helpers -----------------------------------------------------------------------

    def _degree_label(self, slug: str | None) -> str:
        return self.rules.degrees.get(slug, slug) if slug else "degree"

    def _step(self, req: r.Requirement, situation: str | None = None, **values: Any) -> str:
        kind = req.__struct_config__.tag
        template = req.next_step
        if template is None and situation:
            template = self.rules.next_steps.get(f"{kind}.{situation}")
        if template is None:
            template = self.rules.next_steps[kind]
        fields = dict.fromkeys(NEXT_STEP_FIELDS, "")
        fields.update(values)
        return template.format_map(fields)

    def _result(
        self, req: r.Requirement, met: bool, have: Amount, need: Amount, unit: str | None,
        step: str | None, **extra: Any,
    ) -> RequirementResult:
        return RequirementResult(
            id=req.id, kind=req.__struct_config__.tag, label=req.label,
            qualification=req.qualification, met=met, have=have, need=need, unit=unit,
            next_step=None if met else step, **extra,
        )

    def _counted(self, req: r.Requirement, have: int, need: float, unit: str, scale: int = 1,
                 details: dict[str, Any] | None = None, **values: Any) -> RequirementResult:
        """A count against a goal; ``have`` is in 1/``scale`` of the unit (micro-hours)."""
        goal = round(need * scale)
        met = have >= goal
        shown_need = amount(goal, scale)
        missing = amount(goal - have, scale, up=True)
        step = None if met else self._step(
            req, values.pop("situation", None), have=amount(have, scale), need=shown_need,
            missing=missing, more=more(missing, unit), unit=unit, **values)
        return self._result(req, met, amount(have, scale), shown_need, unit, step,
                            details=details or {})

    # -- kinds -----------------------------------------------------------------------------

    def _education(self, req: r.EducationReq) -> RequirementResult:
        need_level = DEGREE_LEVEL[req.min_degree]
        have_level, have = self.facts.highest_degree
        met = have_level >= need_level
        in_progress = any(level >= need_level for level in self.facts.degrees_in_progress)
        step = None if met else self._step(
            req, "in-progress" if in_progress else None, degree=self._degree_label(req.min_degree))
        details = {"in_progress": in_progress, "have_label": self._degree_label(have) if have else None,
                   "need_label": self._degree_label(req.min_degree)}
        return self._result(req, met, have, req.min_degree, "degree", step, details=details)

    def _experience(self, req: r.ExperienceReq) -> RequirementResult:
        need_days = math.ceil(req.years * DAYS_PER_YEAR)
        after_day = None
        if req.after is not None:
            after_day = self.facts.first_degree_at(DEGREE_LEVEL[req.after])
            if after_day is None:
                return self._result(
                    req, False, 0, _number(req.years), "years",
                    self._step(req, "no-degree", after=self._degree_label(req.after),
                               need=_number(req.years)),
                    details={"days": 0, "need_days": need_days, "counted_after": None},
                )
        days = self.facts.field_days(after=after_day)
        met = days >= need_days
        missing_days = max(need_days - days, 0)
        step = None if met else self._step(
            req, need=_number(req.years), have=years(days),
            missing=amount(missing_days, DAYS_PER_YEAR, up=True), missing_days=missing_days,
            more=more(missing_days, "days"), unit="years",
            after=self._degree_label(req.after) if req.after else "")
        details = {"days": days, "need_days": need_days,
                   "counted_after": after_day.isoformat() if after_day else None}
        return self._result(req, met, years(days), _number(req.years), "years", step,
                            details=details)

    def _training(self, req: r.TrainingReq) -> RequirementResult:
        return self._counted(req, self.facts.training_hours, req.hours, "hours", UNITS)

    def _supervision(self, req: r.SupervisionReq) -> RequirementResult:
        track = self.facts.mentor_track or self.rules.default_mentor_track
        note = None
        if req.mentor_tracks is not None and self.facts.mentor_track is None:
            note = (f"applicant.mentor_track is not set, so you are counted on the {track} "
                    "track; set it if yours is another")
        if req.mentor_tracks is not None and track not in req.mentor_tracks:
            return RequirementResult(
                id=req.id, kind="supervision", label=req.label, qualification=req.qualification,
                met=True, have=None, need=None, unit="hours", next_step=None, applies=False,
                note=f"not required on the {track} track",
            )
        window = self.facts.best_window(req.window_months)
        details = {
            "window_months": req.window_months,
            "window_start": window.start.isoformat() if window.start else None,
            "window_end": window.end.isoformat() if window.end else None,
            "first_session": window.first_session.isoformat() if window.first_session else None,
            "last_session": window.last_session.isoformat() if window.last_session else None,
            "sessions": window.sessions,
            "hours_outside_field_work": hours(self.facts.sessions_outside_field),
        }
        result = self._counted(req, window.hours, req.hours, "hours", UNITS, details,
                               window_months=req.window_months)
        return replace(result, note=note) if note else result

    def _references(self, req: r.ReferencesReq) -> RequirementResult:
        received = self.facts.references_received
        uncounted = self.facts.references_uncounted
        unreachable = [name for name, why in uncounted if why == "no email or phone"]
        details = {"received": received,
                   "not_counted": [{"name": name, "why": why} for name, why in uncounted]}
        return self._counted(req, self.facts.references, req.count, "references",
                             details=details, received=received, names=" and ".join(unreachable),
                             situation="no-contact" if unreachable else None)

    def _competencies(self, req: r.CompetenciesReq) -> RequirementResult:
        missing = [area for area in req.areas if area not in self.facts.areas]
        covered = len(req.areas) - len(missing)
        labels = ", ".join(self.rules.areas[a].label if a in self.rules.areas else a
                           for a in missing)
        met = not missing
        step = None if met else self._step(req, areas=labels, have=covered, need=len(req.areas),
                                           missing=len(missing), unit="areas")
        return self._result(req, met, covered, len(req.areas), "areas", step,
                            details={"missing": missing})

    def _exam(self, req: r.ExamReq) -> RequirementResult:
        status = self.facts.exam_status
        met = status == "passed"
        step = None if met else self._step(req, status, have=status)
        return self._result(req, met, status, "passed", "exam", step)

    def _any(self, req: r.AnyReq) -> RequirementResult:
        options = tuple(self(option) for option in req.option)
        met = any(option.met for option in options)
        step = None if met else self._step(
            req, options=" Or: ".join(o.next_step or o.label for o in options))
        return self._result(req, met, None, None, None, step, options=options)
