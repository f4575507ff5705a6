"""What judging a portfolio produces: frozen structs, ready to render.

msgspec structs rather than dataclasses: they are as plain, and cost next to nothing to
define, which keeps the command line's start fast.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from msgspec import Struct, field

#: ``have`` and ``need`` are numbers for counted kinds, words for degrees and the exam.
Amount = float | int | str | None


#: A value a sentence is made with: a number, a date, a word, or a list of them.
Value = Any


class Said(Struct, frozen=True, kw_only=True):
    """Something the engine has to say, as a code and the values that go in it. The words
    come later, in the reader's language, from ``render.sentences``; scripts read the code."""

    code: str
    values: dict[str, Value] = field(default_factory=dict)


class Entry(Struct, frozen=True, kw_only=True):
    """One entry of a portfolio, as a person knows it: its section, its place counted from 1,
    and what names it (a title, a provider, a name) and its date."""

    section: str
    number: int
    name: str | None = None
    date: dt.date | None = None

    @property
    def where(self) -> str:
        """The key path with a 0-based index, for scripts and hand-editors: ``training[3]``."""
        return f"{self.section}[{self.number - 1}]"


class PortfolioWarning(Struct, frozen=True, kw_only=True):
    #: What kind of problem, for scripts: ``later-date``, ``rsc-outside-field``, ...
    code: str
    #: The key path with 0-based indices, as in ``training[3]`` or ``training[3].date``.
    where: str
    #: What goes in the sentences of this code.
    values: dict[str, Value] = field(default_factory=dict)
    #: The entry the warning is about, when it is about one.
    entry: Entry | None = None
    #: The sentence and the fix, in words (filled in by ``render.sentences``).
    message: str = ""
    fix: str | None = None
    line: int | None = None


class Details(Struct, frozen=True, kw_only=True):
    """Facts a requirement kind adds to its result (the RS/C window, missing areas...);
    each kind has its own subclass, beside its judging."""


class RequirementResult(Struct, frozen=True, kw_only=True):
    id: str
    kind: str
    label: str
    qualification: bool
    met: bool
    have: Amount
    need: Amount
    unit: str | None
    #: What to do next when unmet, as a code (the rules file's words for it) and values...
    step: Said | None = None
    #: ...and in words (filled in by ``render.sentences``).
    next_step: str | None = None
    #: False when the requirement does not apply to this applicant (a mentor track).
    applies: bool = True
    noted: Said | None = None
    note: str | None = None
    #: Kind-specific facts: the RS/C window, missing areas, received ratings, days...
    details: Details = field(default_factory=Details)
    options: tuple[RequirementResult, ...] = ()
    #: When an unmet requirement will be met if the applicant goes on as now, and on what
    #: assumption; None when no pace can meet it (a degree, the exam...).
    expected: dt.date | None = None
    assumed: Said | None = None
    assumption: str | None = None
    #: Time can meet it (experience, RS/C, training), whether or not a day was found.
    timed: bool = False
    #: What the applicant has against what is needed, in words: "20 of 24 hours, ...".
    standing: str = ""


class Waiting(Said, frozen=True, kw_only=True):
    """Something an application waits on besides its requirements (``ratings``,
    ``code-of-ethics``...), as a code and values, and in words (filled in by
    ``render.sentences``): the clause of "ready once ..." and the step that ends the wait."""

    once: str = ""
    step: str = ""


class CredentialResult(Struct, frozen=True, kw_only=True):
    id: str
    name: str
    focus: str
    level: int
    requirements: tuple[RequirementResult, ...]
    #: All qualification requirements that apply are met.
    qualified: bool
    #: All requirements that apply are met.
    met: bool
    met_count: int
    total: int
    #: Met, and nothing else the application asks at submission is missing.
    ready: bool = False
    #: What the application waits on besides the requirements (see ``engine.ready``).
    waiting_on: tuple[Waiting, ...] = ()

    @classmethod
    def of(cls, *, id: str, name: str, focus: str, level: int,
           requirements: tuple[RequirementResult, ...]) -> CredentialResult:
        """A result with its counts worked out from ``requirements``."""
        applicable = [r for r in requirements if r.applies]
        met_count = sum(r.met for r in applicable)
        return cls(id=id, name=name, focus=focus, level=level, requirements=requirements,
                   qualified=all(r.met for r in applicable if r.qualification),
                   met=met_count == len(applicable), met_count=met_count, total=len(applicable))

    @property
    def applicable(self) -> tuple[RequirementResult, ...]:
        return tuple(r for r in self.requirements if r.applies)

    @property
    def unmet(self) -> tuple[RequirementResult, ...]:
        return tuple(r for r in self.requirements if r.applies and not r.met)

    @property
    def undated(self) -> tuple[RequirementResult, ...]:
        """Unmet requirements that time alone will not meet."""
        return tuple(r for r in self.unmet if r.expected is None)

    @property
    def expected(self) -> dt.date | None:
        """The soonest day the credential can be met: when its last requirement that takes
        time is met, if the :attr:`undated` steps are done by then. None when a requirement
        that takes time has no day (its pace never gets there, or it waits on a degree)."""
        unmet = self.unmet
        if any(r.timed and r.expected is None for r in unmet):
            return None
        return max((r.expected for r in unmet if r.expected is not None), default=None)


class Recommendation(Struct, frozen=True, kw_only=True):
    id: str
    qualified: bool
    #: Why, as a code and values, and in words (filled in by ``render.sentences``).
    why: Said
    reason: str = ""
    #: Other credentials the applicant is qualified for, lowest level first.
    also_qualified: tuple[str, ...] = ()
    #: The next credential up, and the labels of what it still needs.
    next_up: str | None = None
    next_up_needs: tuple[str, ...] = ()


class Assessment(Struct, frozen=True, kw_only=True):
    applicant: str
    as_of: dt.date
    credentials: tuple[CredentialResult, ...]
    recommended: Recommendation
    warnings: tuple[PortfolioWarning, ...] = ()
    file: str | None = None
    rules_name: str = ""
    #: The rules as the reader named them (`--rules imh-e-2025`, or a file), which every
    #: command in the sentences repeats so that it runs under the same rules; None: default.
    rules_option: str | None = None
    #: The credential the applicant means to apply for (``applicant.target``).
    target: str | None = None
    #: True once ``render.sentences`` has put every code into words.
    worded: bool = False

    def credential(self, credential_id: str) -> CredentialResult | None:
        """The result for ``credential_id``, in any case (``imhs`` finds IMHS)."""
        for result in self.credentials:
            if result.id == credential_id:
                return result
        wanted = credential_id.casefold()
        for result in self.credentials:
            if result.id.casefold() == wanted:
                return result
        return None


class CheckRow(Struct, kw_only=True):
    """One portfolio's line in `endorse check` or `endorse validate`."""

    file: str
    applicant: str | None = None
    #: The credential judged: the recommended one, or the one asked for.
    credential: str | None = None
    qualified: bool | None = None
    met: bool | None = None
    #: Met, and nothing else the application asks is missing.
    ready: bool | None = None
    #: What the judged credential waits on besides its requirements, as codes.
    waiting_on: tuple[str, ...] = ()
    requirements_met: int | None = None
    requirements_total: int | None = None
    warnings: int = 0
    #: Labels of the judged credential's unmet requirements; for `validate`, the certificate
    #: files to see to (in English, as JSON and CSV write them).
    missing: tuple[str, ...] = ()
    #: `validate`'s certificate files to see to, in the reader's language, for the tables
    #: people read (None: as ``missing``).
    missing_said: tuple[str, ...] | None = None
    #: Every credential whose requirements are all met.
    credentials_met: tuple[str, ...] = ()
    #: Every credential that is ready.
    credentials_ready: tuple[str, ...] = ()
    #: When the judged credential will be met, as forecast; None when met already, or when
    #: no day can be forecast.
    expected: dt.date | None = None
    error: str | None = None
    error_line: int | None = None
    error_where: str | None = None
    error_fix: str | None = None
    #: The error's sentence and fix in the reader's language, for the tables people read
    #: (``error`` and ``error_fix`` are the English of JSON and CSV).
    error_said: str | None = None
    error_fix_said: str | None = None
    #: The JSON document of the portfolio (format 1), when asked for.
    document: bytes | None = None
    #: (endorsement, status, due day, day it lapsed) of each endorsement held, when the rules
    #: have a yearly renewal and it was asked for (the cohort report).
    renewals: tuple[tuple[str, str, dt.date | None, dt.date | None], ...] = ()
    #: The rows of `check --renewal`, one per endorsement held (column to value).
    renewal_rows: tuple[dict[str, object], ...] = ()

    @property
    def invalid(self) -> bool:
        return self.error is not None
