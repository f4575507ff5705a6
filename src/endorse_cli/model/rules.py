"""The credential rules file as validated types.

The engine knows requirement *kinds*; every credential, threshold, label and next-step
wording comes from a rules file (``data/credentials.toml`` by default).
"""

from __future__ import annotations

import functools
from typing import Annotated, ClassVar, Union

from msgspec import Meta, Struct, defstruct

from .portfolio import Area, Degree, Focus, MentorTrack
from .texts import LanguageCode, LanguageText

RULES_FORMAT_VERSION = 1

Id = Annotated[str, Meta(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
Label = Annotated[str, Meta(min_length=1)]
Positive = Annotated[float, Meta(gt=0)]
Months = Annotated[int, Meta(ge=1)]

#: The placeholders a next-step wording may use (``{more}``, ``{command}``...). A rules file
#: naming another is refused with a "did you mean".
NEXT_STEP_FIELDS = (
    "have", "need", "missing", "more", "unit", "degree", "after", "areas", "missing_days",
    "window_months", "span_months", "received", "names", "options", "command",
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
    #: True for the classes made by :func:`rules_type`, which are not kinds of their own.
    _derived: ClassVar[bool] = False


class EducationReq(Requirement, tag="education"):
    min_degree: Degree


class ExperienceReq(Requirement, tag="experience"):
    years: Positive
    #: Count only the days strictly after the earliest degree at this level or above.
    after: Degree | None = None


class TrainingReq(Requirement, tag="training"):
    hours: Positive


class SupervisionReq(Requirement, tag="supervision"):
    hours: Positive
    #: The hours must fall within one window of this many months...
    window_months: Months
    #: ...and its sessions must stretch over at least this many months.
    min_span_months: Annotated[int, Meta(ge=0)] = 0
    #: When set, the requirement applies only to applicants on these mentor tracks.
    mentor_tracks: list[MentorTrack] | None = None


class ReferencesReq(Requirement, tag="references"):
    count: Annotated[int, Meta(ge=1)]


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
    rsc_pace_months: Annotated[int, Meta(ge=1)]
    #: The recent months whose training hours set the applicant's pace.
    training_pace_months: Annotated[int, Meta(ge=1)]
    #: How far ahead to look for a date, in months.
    horizon_months: Annotated[int, Meta(ge=1)]


class RedFlags(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """The limits past which an entry looks wrong to a reviewer."""

    max_rsc_hours_per_day: Positive
    max_training_hours_per_day: Positive
    max_work_hours_per_week: Positive
    #: Jobs that share fewer days than this (a changeover) are not added up.
    min_overlap_days: Annotated[int, Meta(ge=1)]
    #: Assumed for a job that does not give its hours_per_week.
    assumed_hours_per_week: Positive
    #: A reference requested longer ago than this may have gone stale.
    reference_stale_months: Annotated[int, Meta(ge=1)]


class Rules(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    format: int
    name: Label
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
    return defstruct("Rules", [("credential", Annotated[list[credential], Meta(min_length=1)])],
                     bases=(Rules,), **config)
