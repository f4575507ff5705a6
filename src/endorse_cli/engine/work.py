"""What the kinds of rules packs share: which jobs a requirement counts, the day its count
starts from, and matching an endorsement as a person wrote it against the rules' codes."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ..model.portfolio import DEGREE_LEVEL, Portfolio, Work
from ..model.rules import Rules, WorkFilter
from .dates import Period, days_in, merge
from .facts import field_periods, in_field

if TYPE_CHECKING:
    from .kinds import Judging

#: The word a reference's endorsement gives for a rater vetted by the association.
VETTED = "vetted"


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


class Endorsements:
    """The rules' endorsement codes, found by code or alias, without regard to case or spaces."""

    def __init__(self, rules: Rules) -> None:
        self.by_key: dict[str, str] = {}
        for code, info in rules.endorsements.items():
            for name in (code, *info.aliases):
                self.by_key.setdefault(_key(name), code)

    def code(self, text: str | None) -> str | None:
        if not text or not text.strip():
            return None
        if _key(text) == VETTED:
            return VETTED
        return self.by_key.get(_key(text))

    def matches(self, text: str | None, codes: list[str] | None) -> bool:
        """Whether ``text`` names one of ``codes`` (any endorsement at all when None)."""
        code = self.code(text)
        if code is None:
            return False
        if codes is None:
            return code != VETTED
        return code in codes


def endorsements(j: Judging) -> Endorsements:
    if "endorsements" not in j.shared:
        j.shared["endorsements"] = Endorsements(j.rules)
    return j.shared["endorsements"]


def job_ages(job: Work, rules: Rules) -> list[str]:
    return list(job.ages) if job.ages is not None else list(rules.assume.work_ages)


def supervised(job: Work) -> bool:
    if job.supervised is not None:
        return job.supervised
    return bool((job.supervisor or "").strip())


def uses_filter(req: WorkFilter) -> bool:
    """Whether a work requirement asks more than format 1's field work after a degree."""
    return bool(req.paid_only or req.supervised_only or req.roles is not None
                or req.ages is not None or req.internship_max_years is not None
                or req.after_license)


class Jobs:
    """The jobs a requirement counts, by index: regular ones, internships, and why others not."""

    def __init__(self) -> None:
        self.regular: list[int] = []
        self.internships: list[int] = []
        #: (index, why) of field jobs the filter drops: ``unpaid``, ``not-supervised``,
        #: ``role``, ``ages``, ``internship-supervisor``.
        self.dropped: list[tuple[int, str]] = []

    def named(self, portfolio: Portfolio) -> list[dict[str, object]]:
        """The dropped jobs, for a next step: number from 1, title, and why."""
        return [{"number": i + 1, "title": portfolio.work[i].title, "why": why}
                for i, why in self.dropped]


def select(req: WorkFilter, portfolio: Portfolio, rules: Rules, as_of: dt.date,
           known: Endorsements) -> Jobs:
    found = Jobs()
    for i, job in enumerate(portfolio.work):
        if not in_field(job, as_of):
            continue
        internship = job.internship and req.internship_max_years is not None
        why = None
        if req.roles is not None and not set(job.roles) & set(req.roles):
            why = "role"
        elif req.ages is not None and not set(job_ages(job, rules)) & set(req.ages):
            why = "ages"
        elif req.supervised_only and not supervised(job):
            why = "not-supervised"
        elif internship:
            if req.internship_supervisor is not None and not known.matches(
                    job.supervisor_endorsement, req.internship_supervisor):
                why = "internship-supervisor"
        elif req.paid_only and not job.paid:
            why = "unpaid"
        if why is not None:
            found.dropped.append((i, why))
        elif internship:
            found.internships.append(i)
        else:
            found.regular.append(i)
    return found


def selected(req: WorkFilter, j: Judging) -> Jobs:
    """:func:`select` for ``req``, shared by the requirements that filter jobs alike."""
    key = ("jobs", req.paid_only, req.supervised_only, tuple(req.roles or ()) if req.roles
           is not None else None, tuple(req.ages or ()) if req.ages is not None else None,
           req.internship_max_years is not None, tuple(req.internship_supervisor or ())
           if req.internship_supervisor is not None else None)
    if key not in j.shared:
        assert j.portfolio is not None
        j.shared[key] = select(req, j.portfolio, j.rules, j.as_of, endorsements(j))
    return j.shared[key]


def cut_day(req: WorkFilter, j: Judging) -> tuple[dt.date | None, str | None]:
    """The day after which work counts (its days strictly after it: portfolio-format.md,
    "Post-degree experience"), and what set it: ``degree``, ``license``, or ``none`` when
    the rule asks one and none is held; (None, None) when it asks none."""
    if req.after is None:
        return None, None
    degree = j.facts.first_degree_at(DEGREE_LEVEL[req.after])
    licensed = None
    if req.after_license and j.portfolio is not None:
        licensed = min((lic.issued for lic in j.portfolio.license
                        if lic.kind in req.after_license and lic.issued is not None
                        and lic.issued <= j.as_of), default=None)
    if degree is None and licensed is None:
        return None, "none"
    if licensed is not None and (degree is None or licensed < degree):
        return licensed, "license"
    return degree, "degree"


def periods(portfolio: Portfolio, indices: list[int], as_of: dt.date,
            after: dt.date | None = None) -> list[Period]:
    """:func:`field_periods` of the jobs at these indices."""
    return field_periods((portfolio.work[i] for i in indices), as_of, after)


def counted_days(req: WorkFilter, portfolio: Portfolio, jobs: Jobs, as_of: dt.date,
                 cut: dt.date | None) -> tuple[int, int, int]:
    """(regular days, internship days, the internship cap in days)."""
    regular = periods(portfolio, jobs.regular, as_of, cut)
    regular_days = days_in(regular)
    cap = round((req.internship_max_years or 0) * 365)
    if not jobs.internships or not cap:
        return regular_days, 0, cap
    both = merge(regular + periods(portfolio, jobs.internships, as_of))
    return regular_days, min(days_in(both) - regular_days, cap), cap
