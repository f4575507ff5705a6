"""The portfolio file, formats 1 and 2, as validated types.

These structs are the single description of the format: the reader validates with them and
``endorse schema`` derives the JSON Schema from them. The enumerations here are the file
format's vocabulary (portfolio-format.md), not credential rules: what a credential requires
lives in the rules file.
"""

import datetime as dt
from typing import Annotated, Any, Literal

from msgspec import Meta, Struct

#: The format new portfolios are written in.
FORMAT_VERSION = 1
#: Every format the reader accepts. Format 2 adds optional fields only (ages and roles of a
#: job, topics of a course, licenses, endorsements held...); every default reproduces format 1,
#: so a format-1 file means exactly what it meant.
FORMATS = (1, 2)

Degree = Literal["cda", "associate", "bachelors", "masters", "doctorate", "md"]
#: Degree levels, lowest first; ``doctorate`` and ``md`` share a level.
DEGREE_LEVEL: dict[str, int] = {
    "cda": 1,
    "associate": 2,
    "bachelors": 3,
    "masters": 4,
    "doctorate": 5,
    "md": 5,
}
Focus = Literal["promotion", "prevention", "clinical", "leadership"]
MentorTrack = Literal["clinical", "policy", "research"]
Area = Literal[
    "theoretical-foundations",
    "law-regulation-policy",
    "systems-expertise",
    "direct-service-skills",
    "working-with-others",
    "communicating",
    "thinking",
    "reflection",
    "administration",
]
SessionFormat = Literal["individual", "group"]
ReferenceRole = Literal["supervisor", "rsc-provider", "colleague", "supervisee", "other"]
ReferenceStatus = Literal["planned", "requested", "received", "declined"]
ExamStatus = Literal["not-taken", "scheduled", "passed", "failed"]
#: The ages of the children a job served: pregnancy to 36 months, or from 3 up to 6 years.
AgeBand = Literal["0-3", "3-6"]
#: What a job involved; several may apply.
WorkRole = Literal["dyadic-treatment", "rsc-provider", "policy-leadership", "teaching-research",
                   "direct-service"]
#: What a course was about.
Topic = Literal["imh", "rsc", "dei"]
LicenseKind = Literal["mental-health", "other"]

Text = Annotated[str, Meta(min_length=1, pattern=r"\S")]
#: Something@somewhere.tld: a plausible email address, not a proof of one.
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
Email = Annotated[str, Meta(pattern=EMAIL_PATTERN)]
#: Clock hours of one entry: more than 0, at most 10,000 (which also refuses inf and nan).
Hours = Annotated[float, Meta(gt=0, le=10_000)]
Extra = dict[str, Any]


#: The largest certificate file a portfolio may name (`add` refuses it, `bundle` too).
CERTIFICATE_MAX = 50 * 1024 * 1024

class _Entry(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """Every table of the format refuses unknown keys, except its own ``[extra]`` table."""

    extra: Extra | None = None


class Applicant(_Entry):
    """Who the portfolio belongs to."""

    name: Text
    email: Email | None = None
    focus: Focus | None = None
    mentor_track: MentorTrack | None = None
    target: str | None = None
    #: The day the applicant signed the association's Code of Ethics (format 2).
    code_of_ethics: dt.date | None = None
    #: The day the applicant signed the Endorsement Agreement (format 2).
    endorsement_agreement: dt.date | None = None
    #: The last day of the applicant's current association membership (format 2).
    membership_end: dt.date | None = None


class Education(_Entry):
    """A degree or credential earned."""

    degree: Degree
    field: str | None = None
    institution: str | None = None
    completed: dt.date | None = None


class Work(_Entry):
    """A job: work experience, counted in days."""

    title: Text
    start: dt.date
    employer: str | None = None
    end: dt.date | None = None
    infant_family: bool = True
    paid: bool = True
    hours_per_week: Annotated[float, Meta(gt=0, le=168)] | None = None
    families_served: Annotated[int, Meta(ge=0)] | None = None
    supervisor: str | None = None
    description: str | None = None
    competencies: list[Area] = []
    #: The ages of the children served; absent: what the rules in force assume.
    ages: list[AgeBand] | None = None
    #: What the job involved (several may apply).
    roles: list[WorkRole] = []
    #: Supervised work; absent: true when a supervisor is named.
    supervised: bool | None = None
    #: A supervised internship (usually unpaid).
    internship: bool = False
    #: The supervisor's Endorsement®, as written (``IMHM-C``).
    supervisor_endorsement: str | None = None


class Training(_Entry):
    """A course, workshop or conference session attended."""

    title: Text
    date: dt.date
    hours: Hours
    provider: str | None = None
    imh: bool = True
    competencies: list[Area] = []
    certificate: str | None = None
    #: What the course was about; absent: infant mental health when ``imh``, else nothing.
    topics: list[Topic] | None = None

    @property
    def topic_set(self) -> frozenset[str]:
        if self.topics is not None:
            return frozenset(self.topics)
        return frozenset({"imh"}) if self.imh else frozenset()


class Supervision(_Entry):
    """Reflective supervision/consultation (RS/C) received."""

    date: dt.date
    hours: Hours
    provider: Text
    format: SessionFormat = "individual"
    provider_credential: str | None = None
    notes: str | None = None
    #: The session was about the RS/C the applicant gives to others.
    about_providing: bool = False


class Reference(_Entry):
    """A professional reference (rater)."""

    name: Text
    role: ReferenceRole | None = None
    email: Email | None = None
    phone: str | None = None
    status: ReferenceStatus = "planned"
    #: When the rating form was requested: a request over a year old may have gone stale.
    requested: dt.date | None = None
    #: The rater's Endorsement®, as written (``IMHM-C``), or ``vetted`` by the association.
    endorsement: str | None = None


class Exam(_Entry):
    """The Endorsement exam."""

    status: ExamStatus
    date: dt.date | None = None


class License(_Entry):
    """A professional license, e.g. a state mental health license."""

    title: Text
    kind: LicenseKind
    state: str | None = None
    number: str | None = None
    issued: dt.date | None = None
    expires: dt.date | None = None


class Endorsement(_Entry):
    """An Endorsement® held, for its yearly renewal."""

    #: The code or a name of the endorsement, e.g. ``IFS``.
    credential: Text
    #: The day it was granted.
    endorsed: dt.date
    association: str | None = None
    #: The day the association membership runs to.
    membership_end: dt.date | None = None
    #: The last renewal year the association confirmed.
    renewed_through: int | None = None


class Portfolio(_Entry):
    """An applicant's Infant Mental Health Endorsement® portfolio."""

    format: int
    applicant: Applicant
    education: list[Education] = []
    work: list[Work] = []
    training: list[Training] = []
    supervision: list[Supervision] = []
    reference: list[Reference] = []
    exam: Exam | None = None
    license: list[License] = []
    endorsement: list[Endorsement] = []
