"""The credential rules file as validated types.

The engine knows requirement *kinds*; every credential, threshold, label and next-step
wording comes from a rules file (``data/credentials.toml`` by default).
"""

from __future__ import annotations

from typing import Annotated, Union, get_args

from msgspec import Meta, Struct

from .portfolio import Area, Degree, Focus, MentorTrack

RULES_FORMAT_VERSION = 1

Id = Annotated[str, Meta(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
Label = Annotated[str, Meta(min_length=1)]
Positive = Annotated[float, Meta(gt=0)]


class _Requirement(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True, tag_field="kind"):
    id: Id
    label: Label
    qualification: bool = False
    #: Overrides the rules file's default next step for this kind.
    next_step: str | None = None


class EducationReq(_Requirement, tag="education"):
    min_degree: Degree


class ExperienceReq(_Requirement, tag="experience"):
    years: Positive
    #: Count only the days strictly after the earliest degree at this level or above.
    after: Degree | None = None


class TrainingReq(_Requirement, tag="training"):
    hours: Positive


class SupervisionReq(_Requirement, tag="supervision"):
    hours: Positive
    window_months: Annotated[int, Meta(ge=1)]
    #: When set, the requirement applies only to applicants on these mentor tracks.
    mentor_tracks: list[MentorTrack] | None = None


class ReferencesReq(_Requirement, tag="references"):
    count: Annotated[int, Meta(ge=1)]


class CompetenciesReq(_Requirement, tag="competencies"):
    areas: Annotated[list[Area], Meta(min_length=1)]


class ExamReq(_Requirement, tag="exam"):
    pass


SimpleRequirement = Union[
    EducationReq, ExperienceReq, TrainingReq, SupervisionReq, ReferencesReq, CompetenciesReq, ExamReq
]


class AnyReq(_Requirement, tag="any"):
    """Met when one of its options is met."""

    option: Annotated[list[SimpleRequirement], Meta(min_length=2)]


Requirement = Union[SimpleRequirement, AnyReq]

#: Every requirement kind a rules file can use, by its ``kind`` tag.
REQUIREMENT_KINDS: tuple[str, ...] = tuple(t.__struct_config__.tag for t in get_args(Requirement))


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

    def get(self, credential_id: str) -> Credential | None:
        for credential in self.credential:
            if credential.id == credential_id:
                return credential
        return None

    def by_level(self) -> list[Credential]:
        return sorted(self.credential, key=lambda c: c.level)
