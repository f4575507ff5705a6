"""The expected day of each unmet requirement, and the assumption behind it, in plain words."""

from __future__ import annotations

import datetime as dt

from msgspec.structs import replace

from ..model import rules as r
from ..model.results import RequirementResult
from .dates import add_months
from .facts import UNITS, Facts
from .forecast import (Pace, day_amount_reached, day_experience_reached, day_window_reached,
                       pace_over, window_drops, window_end)

MONTH_DAYS = 365 / 12


def per_month(pace: Pace) -> float:
    """A pace as hours a month, to one decimal."""
    amount, days = pace
    return round(amount / UNITS / days * MONTH_DAYS, 1) if days else 0.0


def _hours(value: float) -> str:
    return f"{value:g} hour" + ("" if value == 1 else "s")


class Expect:
    """Adds ``expected`` and ``assumption`` to unmet requirements that time can meet."""

    def __init__(self, facts: Facts, rules: r.Rules, rsc_per_month: float | None = None,
                 today: dt.date | None = None) -> None:
        self.facts = facts
        self.plan = rules.forecast
        self.rsc_per_month = rsc_per_month
        self.as_of = facts.as_of
        # A pace is measured up to today: after it nothing is logged yet.
        self.pace_until = min(facts.as_of, today or facts.as_of)
        self.up_to = "up to today" if self.pace_until < self.as_of else ""
        self.horizon = add_months(facts.as_of, rules.forecast.horizon_months)
        self._rsc: dict[tuple[int, float], tuple[dt.date | None, str | None]] = {}

    def __call__(self, req: r.Requirement, result: RequirementResult) -> RequirementResult:
        if result.met or not result.applies:
            return result
        if isinstance(req, r.AnyReq):
            dated = [o for o in result.options if o.expected is not None]
            if not dated:  # a step meets one of the options today: no date needed
                return result
            soonest = min(dated, key=lambda o: o.expected)
            return replace(result, expected=soonest.expected, timed=True,
                           assumption=f"{soonest.assumption} (by: {soonest.label})")
        method = getattr(self, f"_{req.__struct_config__.tag}", None)
        if method is None:
            return result  # a degree, references, areas, the exam: a step, not a date
        expected, assumption = method(req, result)
        return replace(result, expected=expected, assumption=assumption, timed=True)

    def _no_field_work(self) -> str:
        return (f"no work in the field goes on after {self.as_of.isoformat()}; "
                "it counts only while you work with infants, young children and families")

    def _experience(self, req: r.ExperienceReq, result: RequirementResult):
        if result.details.get("need_days") is None or (req.after and not result.details.get(
                "counted_after")):
            return None, None  # the degree it counts after comes first
        missing = result.details["need_days"] - result.details["days"]
        day = day_experience_reached(self.facts.field_ahead, missing, self.as_of)
        if day is not None:
            return day, "if your current work in the field goes on"
        if not self.facts.field_ahead:
            return None, self._no_field_work()
        return None, (f"your work in the field ends on {self.facts.field_ahead[-1][1]}, "
                      f"before the {missing} more days are done")

    def _training(self, req: r.TrainingReq, result: RequirementResult):
        months = self.plan.training_pace_months
        pace = pace_over(self.facts.training_log, self.pace_until, months)
        missing = round(req.hours * UNITS) - self.facts.training_hours
        day = day_amount_reached(missing, pace, self.as_of, self.horizon)
        recent = f"the last {months} months {self.up_to}".rstrip()
        if pace[0] == 0:
            return None, f"no specialized training in {recent} to set a pace"
        rate = f"at your pace of {recent}, about {_hours(per_month(pace))} a month"
        return day, rate if day else f"{rate}, not within {self.plan.horizon_months} months"

    def _supervision(self, req: r.SupervisionReq, result: RequirementResult):
        key = (req.window_months, req.hours)
        if key not in self._rsc:  # credentials that ask the same share one answer
            self._rsc[key] = self._rsc_forecast(req.window_months, req.hours)
        return self._rsc[key]

    def _rsc_forecast(self, months: int, hours: float):
        facts = self.facts
        last_day = facts.last_field_day_ahead
        if last_day is not None and last_day <= self.as_of:
            return None, self._no_field_work()
        need = round(hours * UNITS)
        drops = window_drops(facts.sessions, months, self.as_of)
        end = window_end(self.as_of, months, last_day)

        def reached(pace: Pace) -> dt.date | None:
            return day_window_reached(drops, need, pace, self.as_of, end)

        recent = f"the last {self.plan.rsc_pace_months} months {self.up_to}".rstrip()
        if self.rsc_per_month is not None:
            pace = (round(self.rsc_per_month * 12 * UNITS), 365)
            rate = f"at the {_hours(self.rsc_per_month)} a month you assumed"
        else:
            pace = pace_over(facts.sessions, self.pace_until, self.plan.rsc_pace_months)
            rate = (f"at your pace of {recent}, about {_hours(per_month(pace))} a month"
                    if pace[0] else f"you have had no RS/C in {recent}")
        day = reached(pace)
        if day is not None:
            return day, rate
        if last_day is not None:
            return None, (f"RS/C counts only while you work in the field, and your work in "
                          f"the field ends on {last_day.isoformat()}")
        # Never at this pace: find the least pace, in half hours a month, that gets there.
        # A faster pace never arrives later, so halve the range of half hours each time.
        shown = f"{hours:g} hours within one {months}-month period"
        exact = pace[0] / UNITS / pace[1] * MONTH_DAYS if pace[1] else 0.0
        low, high = int(exact * 2) + 1, max(int(hours * 2), 1)

        def half_hours(n: int) -> dt.date | None:
            return reached((n * 6 * UNITS, 365))  # n half hours a month

        if half_hours(high) is None:
            return None, f"{rate}: that will not reach {shown}"
        while low < high:
            middle = (low + high) // 2
            if half_hours(middle) is None:
                low = middle + 1
            else:
                high = middle
        return None, (f"{rate}: that will not reach {shown}; "
                      f"{_hours(high / 2)} a month reaches it on {half_hours(high).isoformat()}")
