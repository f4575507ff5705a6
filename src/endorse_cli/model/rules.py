"""The credential rules file as validated types.

The engine knows requirement *kinds*; every credential, threshold, label and next-step
wording comes from a rules file (``data/credentials.toml`` by default).
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Annotated, ClassVar, Literal, Union

from msgspec import Meta, Struct, defstruct, field

from .portfolio import AgeBand, Area, Degree, Focus, LicenseKind, MentorTrack, Topic, WorkRole
from .texts import LanguageCode, LanguageText

RULES_FORMAT_VERSION = 1
#: Every rules format the loader reads. Format 2 adds ``[pack]``, ``[endorsements]``,
#: ``[assume]``, ``[renewal]``, the kinds ``families``, ``license`` and ``membership``, and
#: parameters of the other kinds; a format-1 file means what it meant.
RULES_FORMATS = (1, 2)

Id = Annotated[str, Meta(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
Label = Annotated[str, Meta(min_length=1)]
#: The bounds of a threshold: no association asks more, and past them a number (``1e308``,
#: ``inf``) would overflow the arithmetic of days. A file over one is refused with its line.
MOST_HOURS = 100_000
MOST_YEARS = 100
MOST_MONTHS = 1_200
MOST_COUNT = 10_000
#: A day of the year, ``MM-DD`` (the renewal's due day).
MONTH_DAY = r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
Positive = Annotated[float, Meta(gt=0, le=MOST_HOURS)]
Years = Annotated[float, Meta(gt=0, le=MOST_YEARS)]
Months = Annotated[int, Meta(ge=1, le=MOST_MONTHS)]
Count = Annotated[int, Meta(ge=1, le=MOST_COUNT)]

#: The placeholders a next-step wording may use (``{more}``, ``{command}``...). A rules file
#: naming another is refused with a "did you mean".
NEXT_STEP_FIELDS = (
    "have", "need", "missing", "more", "unit", "degree", "after", "areas", "missing_days",
    "window_months", "span_months", "received", "names", "options", "command",
    # format 2
    "topics", "providers", "roles", "ages", "jobs", "entries", "year", "due", "days_left",
    # {codes}: the providers by code alone; {edit}: the command that gives the endorsement of
    # the providers of {entries} once for all their sessions
    "codes", "edit",
)


class Requirement(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True, tag_field="kind"):
    """What every requirement of every kind has. A kind is a tagged subclass of this one:
    defining the subclass is all it takes for a rules file to be able to use it (see
    :func:`kinds`); the engine judges it with the module registered under the same tag."""

    id: Id
    label: Label
    qualification: bool = False
    #: Overrides the rules file's default next step for this kind.
    next_step: str | None = None
    #: When set, the requirement applies only to applicants on these mentor tracks.
    mentor_tracks: list[MentorTrack] | None = None
    #: Renewal requirements only: applies only to holders of these endorsements (codes).
    credentials: list[str] | None = None
    #: Renewal ``training`` only: applies only in a year the endorsee gives RS/C.
    only_if_provides_rsc: bool = False
    #: True for the classes made by :func:`rules_type`, which are not kinds of their own.
    _derived: ClassVar[bool] = False


class EducationReq(Requirement, tag="education"):
    min_degree: Degree


class WorkFilter(Requirement, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """Which jobs count, for the kinds that count work (``experience``, ``families``)."""

    _derived: ClassVar[bool] = True  # parameters shared by kinds, not a kind of its own
    #: Count only the days strictly after the earliest degree at this level or above...
    after: Degree | None = None
    #: ...or after a license of one of these kinds was issued, whichever comes first.
    after_license: list[LicenseKind] = []
    paid_only: bool = False
    supervised_only: bool = False
    #: Only jobs that involved one of these.
    roles: list[WorkRole] | None = None
    #: Only jobs that served children of one of these ages.
    ages: list[AgeBand] | None = None
    #: Internships count, up to this many years, whatever the cut day.
    internship_max_years: Years | None = None
    #: ...when their supervisor held one of these endorsements.
    internship_supervisor: list[str] | None = None


class ExperienceReq(WorkFilter, tag="experience"):
    _derived: ClassVar[bool] = False
    years: Years


class FamiliesReq(WorkFilter, tag="families"):
    """Families served in the jobs that count."""

    _derived: ClassVar[bool] = False
    count: Count


class LicenseReq(Requirement, tag="license"):
    """A professional license of one of these kinds, held on the as-of date."""

    kinds: Annotated[list[LicenseKind], Meta(min_length=1)]


class MembershipReq(Requirement, tag="membership"):
    """Renewal only: association membership running to the year's due date."""


class TrainingReq(Requirement, tag="training"):
    hours: Positive
    #: An entry counts when its topics share one with these.
    topics: list[Topic] = field(default_factory=lambda: ["imh"])
    #: Hours some topics must reach.
    min_by_topic: dict[Topic, Positive] = {}
    #: True: an hour counts toward one topic's minimum only; false: the minimums overlap.
    topics_separate: bool = False


class Reduced(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    after_years: Annotated[int, Meta(ge=1, le=MOST_YEARS)]
    hours: Positive


class SupervisionReq(Requirement, tag="supervision"):
    hours: Positive
    #: The hours must fall within one window of this many months (required in a credential;
    #: a renewal year is its own period)...
    window_months: Months | None = None
    #: ...and its sessions must stretch over at least this many months.
    min_span_months: Annotated[int, Meta(ge=0, le=MOST_MONTHS)] = 0
    #: Only sessions from a provider holding one of these endorsements count.
    provider_endorsements: list[str] | None = None
    #: Of the hours, this many must be about the RS/C the applicant gives.
    about_providing_hours: Annotated[float, Meta(ge=0, le=MOST_HOURS)] = 0
    #: Only sessions during work with children of these ages count.
    while_ages: list[AgeBand] | None = None
    #: Renewal only: fewer hours once the endorsement is this many years old.
    reduced: Reduced | None = None


class ReferencesReq(Requirement, tag="references"):
    count: Count
    #: Among them, at least this many in each role.
    min_by_role: dict[str, Count] = {}
    #: Among them, at least this many endorsed as one of ``rater_endorsements``.
    endorsed: Annotated[int, Meta(ge=0, le=MOST_COUNT)] = 0
    rater_endorsements: list[str] = []


class CompetenciesReq(Requirement, tag="competencies"):
    areas: Annotated[list[Area], Meta(min_length=1)]


class ExamReq(Requirement, tag="exam"):
    pass


class AnyReq(Requirement, tag="any"):
    """Met when one of its options is met. Options are requirements of any other kind."""

    option: Annotated[list[Requirement], Meta(min_length=2)]


def kinds() -> dict[str, type[Requirement]]:
    """Every requirement kind a rules file can use, by its ``kind`` tag: the tagged
    subclasses of :class:`Requirement`, those of this module and any defined elsewhere."""
    found: dict[str, type[Requirement]] = {}
    todo = list(Requirement.__subclasses__())
    while todo:
        cls = todo.pop(0)
        todo += cls.__subclasses__()
        if not cls._derived and isinstance(tag := cls.__struct_config__.tag, str):
            found.setdefault(tag, cls)
    return found


def holds_requirements(cls: type[Requirement]) -> bool:
    """Whether a kind holds other requirements (``any``), in its ``option`` field."""
    return "option" in cls.__struct_fields__


#: Every requirement kind shipped with endorse, by its ``kind`` tag.
REQUIREMENT_KINDS: tuple[str, ...] = tuple(kinds())


class Credential(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    id: Id
    name: Label
    focus: Focus
    level: int
    #: Who the credential is for, in the association's words.
    audience: str = ""
    requirement: Annotated[list[Requirement], Meta(min_length=1)]


class AreaInfo(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    label: Label
    explain: str = ""


class Forecast(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """How "when will I be ready?" is worked out."""

    #: The recent months whose RS/C hours set the applicant's pace.
    rsc_pace_months: Months
    #: The recent months whose training hours set the applicant's pace.
    training_pace_months: Months
    #: How far ahead to look for a date, in months.
    horizon_months: Months


class RedFlags(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """The limits past which an entry looks wrong to a reviewer."""

    max_rsc_hours_per_day: Positive
    max_training_hours_per_day: Positive
    max_work_hours_per_week: Positive
    #: Jobs that share fewer days than this (a changeover) are not added up.
    min_overlap_days: Annotated[int, Meta(ge=1, le=MOST_YEARS * 366)]
    #: Assumed for a job that does not give its hours_per_week.
    assumed_hours_per_week: Positive
    #: A reference requested longer ago than this may have gone stale.
    reference_stale_months: Months


class Source(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """A page a pack follows."""

    key: Label
    url: Label
    title: Label
    #: The dates the page's own text gives.
    shows: str = ""


class Pack(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """A rules file shipped by name (``--rules imh-e-2025``): where its rules come from."""

    id: Id
    title: Label
    #: The day the rules apply from.
    effective: dt.date
    #: The day the sources were last read.
    checked: dt.date
    band: AgeBand | None = None
    source: Annotated[list[Source], Meta(min_length=1)]


class EndorsementInfo(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """An endorsement a person can hold, and the other names people write for it."""

    label: Label
    band: AgeBand | None = None
    aliases: list[str] = []
    credential: str | None = None
    track: MentorTrack | None = None
    #: Holders give RS/C to others (a reflective supervisor, a Clinical Mentor): their
    #: renewal asks the training on providing it.
    provides_rsc: bool = False


class Assume(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    #: The ages a job that does not give its ages is taken to have served.
    work_ages: list[AgeBand] = []


class Renewal(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """The yearly renewal that keeps an endorsement."""

    year: Literal["calendar"] = "calendar"
    #: The day of the year (MM-DD) a year's renewal is due.
    due: Annotated[str, Meta(pattern=MONTH_DAY)]
    #: The last day (MM-DD) of the late period, in the next year when not after ``due``.
    late_until: Annotated[str, Meta(pattern=MONTH_DAY)]
    #: What the year one is endorsed in asks: membership only, or everything.
    first_year: Literal["membership-only", "all"] = "membership-only"
    requirement: list[Requirement] = []


class Rules(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    format: int
    name: Label
    pack: Pack | None = None
    #: Every endorsement a person can hold, by code.
    endorsements: dict[str, EndorsementInfo] = {}
    assume: Assume = Assume()
    renewal: Renewal | None = None
    #: The mentor track assumed when a portfolio does not name one.
    default_mentor_track: MentorTrack
    #: Human names of the degree levels, e.g. ``masters = "Masters degree"``.
    degrees: dict[Degree, Label]
    areas: dict[Area, AreaInfo]
    #: Next-step wording per requirement kind, with ``{placeholders}``.
    next_steps: dict[str, str]
    #: Plain words for the format's own values in the questionnaire, by key:
    #: ``[choices.role] rsc-provider = "My RS/C provider"``.
    choices: dict[str, dict[str, str]] = {}
    forecast: Forecast
    red_flags: RedFlags
    credential: Annotated[list[Credential], Meta(min_length=1)]
    #: The association's words in other languages: ``[i18n.es]`` (see :mod:`.texts`).
    i18n: dict[LanguageCode, LanguageText] = {}

    def get(self, credential_id: str) -> Credential | None:
        for credential in self.credential:
            if credential.id == credential_id:
                return credential
        return None

    def by_level(self) -> list[Credential]:
        return sorted(self.credential, key=lambda c: c.level)


def rules_type() -> type[Rules]:
    """The :class:`Rules` type that decodes every kind defined now (msgspec needs the
    union of kinds spelt out; it is made once for each set of kinds)."""
    return _rules_type(tuple(kinds().values()))


@functools.cache
def _rules_type(known: tuple[type[Requirement], ...]) -> type[Rules]:
    options = tuple(k for k in known if not holds_requirements(k))
    config = {"kw_only": True, "frozen": True, "forbid_unknown_fields": True}
    nesting = tuple(
        defstruct(k.__name__, [("option", Annotated[list[Union[options]], Meta(min_length=2)]),
                               ("_derived", ClassVar[bool], True)],
                  bases=(k,), tag=k.__struct_config__.tag, **config)
        for k in known if holds_requirements(k))
    every = Union[options + nesting]  # type: ignore[valid-type]
    credential = defstruct("Credential", [
        ("requirement", Annotated[list[every], Meta(min_length=1)])], bases=(Credential,),
        **config)
    renewal = defstruct("Renewal", [("requirement", list[every])], bases=(Renewal,), **config)
    rules = defstruct("Rules", [("credential", Annotated[list[credential], Meta(min_length=1)]),
                                ("renewal", Union[renewal, None], None)],
                      bases=(Rules,), **config)
    _MADE[rules] = {
        **{f"kind:{k.__struct_config__.tag}": k for k in options + nesting},
        **{f"made:{cls.__name__}": cls for cls in (credential, renewal, rules)}}
    return rules


#: For each type :func:`_rules_type` made, the classes its values are made of that a snapshot
#: cannot name by module: the kinds by tag (``kind:any``), the derived structs (``made:Rules``).
_MADE: dict[type[Rules], dict[str, type[Struct]]] = {}


# -- Snapshots: the shipped rules files, validated when the wheel is built ---------------------
#
# Working out msgspec's types for the whole rules schema takes longer than the rest of reading
# the rules. The wheel carries, for each rules file it ships, a module with the file's exact
# bytes and Python that makes its validated value with plain constructor calls: the loader
# takes it when the file is byte for byte the one shipped and this version of endorse made
# it; any other file is read and validated whole.

def snapshot_source(source: bytes, rules: Rules, version: str) -> str:
    """A Python module that makes ``rules``, validated from the file ``source``, again for
    :func:`from_snapshot`; fields left at their defaults are left out."""
    from msgspec import NODEFAULT
    from msgspec.structs import fields

    refs: dict[str, int] = {}
    by_class = {cls: ref for ref, cls in _MADE[rules_type()].items()}

    def ref(value: Struct) -> int:
        cls = type(value)
        name = by_class.get(cls) or f"{cls.__module__}:{cls.__qualname__}"
        return refs.setdefault(name, len(refs))

    def given(info, value: object) -> bool:  # noqa: ANN001
        default = (info.default if info.default is not NODEFAULT else
                   info.default_factory() if info.default_factory is not NODEFAULT else NODEFAULT)
        return not (type(value) is type(default) and value == default)

    def py(value: object) -> str:
        if isinstance(value, Struct):
            args = ", ".join(f"{info.name}={py(getattr(value, info.name))}"
                             for info in fields(value)
                             if given(info, getattr(value, info.name)))
            return f"C[{ref(value)}]({args})"
        if isinstance(value, dict):
            return "{" + ", ".join(f"{py(k)}: {py(v)}" for k, v in value.items()) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(map(py, value)) + "]"
        if type(value) is dt.date:
            return f"date({value.year}, {value.month}, {value.day})"
        if value is None or type(value) in (str, int, bool) or (
                type(value) is float and value == value and abs(value) != float("inf")):
            return repr(value)
        raise TypeError(f"a rules snapshot cannot hold {value!r}")

    made = py(rules)
    return "\n".join([
        '"""A shipped rules file, validated when the wheel was built (see model/rules.py)."""',
        "from datetime import date", "",
        f"VERSION = {version!r}", f"SOURCE = {source!r}", f"REFS = {tuple(refs)!r}", "",
        "", "def make(C):", f"    return {made}", ""])


def from_snapshot(make, refs: tuple[str, ...]) -> Rules:  # noqa: ANN001
    """The rules a snapshot's ``make`` builds, with the classes its ``refs`` name, those of
    :func:`rules_type` (the same types as decoding the file gives)."""
    import importlib

    made = _MADE[rules_type()]
    classes = []
    for ref in refs:
        cls = made.get(ref)
        if cls is None:
            module, _, name = ref.partition(":")
            cls = getattr(importlib.import_module(module), name)
        classes.append(cls)
    return make(classes)
