"""The questions, as data: one :class:`Field` per key of each section of the portfolio.

The interview asks them, `endorse edit` changes them, and `endorse add` turns them into
command-line options; each reads and checks an answer with :func:`parse`. The choices come from
the portfolio format's own types; their words (degree names, area explanations, who each field
of work is for) come from the rules file.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any, Literal, get_args, get_type_hints

import msgspec
from msgspec import Struct

from ..i18n import ENGLISH, Language
from ..model import portfolio as p
from .values import DAY_FORMS, parse_day, parse_hours, parse_month

Kind = Literal["text", "email", "date", "hours", "count", "yesno", "choice", "areas", "many",
               "file"]


class Field(Struct, frozen=True, kw_only=True):
    key: str
    prompt: str
    kind: Kind = "text"
    required: bool = False
    #: One line shown under the question.
    help: str = ""
    choices: tuple[str, ...] = ()
    #: A date that cannot be after today (the day a course was taken, a degree conferred).
    past_only: bool = False
    #: A date that cannot be after today when another key has one of these values.
    past_if: tuple[str, tuple[Any, ...]] | None = None
    #: A date that cannot be before (or after) the date of this other key.
    not_before: str | None = None
    not_after: str | None = None
    #: Offered as the answer: "today", "last" (the last entry's value), or a value.
    default: Any = None
    #: Asked only when another key has one of these values.
    when: tuple[str, tuple[Any, ...]] | None = None
    #: The command-line option of `endorse add`, when not --KEY.
    option: str | None = None
    #: A month or a year is enough ("May 2016", "2016"): see :func:`.values.parse_month`.
    month_enough: bool = False
    #: The last entry's value is offered only when this other key's answer is the same.
    same_as_last: str | None = None
    #: The words of the choice that leaves an optional choice out.
    skip: str = "(leave it out)"
    #: The section the field belongs to (filled in below).
    section: str = ""
    #: The rules file's ``[choices.X]`` table that words this field's choices, when not KEY.
    words: str | None = None

    @property
    def flag(self) -> str:
        return "--" + (self.option or self.key.replace("_", "-"))


def _choices(literal: Any) -> tuple[str, ...]:
    return tuple(get_args(literal))


#: The competency areas, in the format's order.
AREAS = _choices(p.Area)


SECTIONS: dict[str, tuple[Field, ...]] = {
    "applicant": (
        Field(key="name", prompt="Your full name", required=True),
        Field(key="email", prompt="Your email address", kind="email"),
        Field(key="focus", prompt="Which field do you work in?", kind="choice",
              choices=_choices(p.Focus), help="It decides which credential fits you best."),
        Field(key="mentor_track", prompt="Which Mentor track is yours?", kind="choice",
              choices=_choices(p.MentorTrack), when=("focus", ("leadership",)),
              help="The clinical track also asks for reflective supervision/consultation hours."),
        # The credentials are the rules file's: the choices are filled in when asked.
        Field(key="target", prompt="Which credential are you applying for?", kind="choice",
              skip="Not decided yet",
              help="Leave it undecided to be judged against the one that fits you best."),
    ),
    "education": (
        Field(key="degree", prompt="Degree or credential", kind="choice", required=True,
              choices=_choices(p.Degree)),
        Field(key="field", prompt="Field of study"),
        Field(key="institution", prompt="School or issuing body"),
        Field(key="completed", prompt="Date conferred", kind="date", past_only=True,
              month_enough=True,
              help="e.g. May 2016; leave it empty while the degree is in progress."),
    ),
    "work": (
        Field(key="title", prompt="Job title", required=True),
        Field(key="employer", prompt="Organization"),
        Field(key="start", prompt="First day", kind="date", required=True, past_only=True,
              not_after="end"),
        Field(key="end", prompt="Last day", kind="date", not_before="start",
              help="Leave it empty if you still work there."),
        Field(key="infant_family", prompt="Is this work with infants, young children and their "
              "families?", kind="yesno", default=True,
              help="Only such work counts as experience in the field."),
        Field(key="hours_per_week", prompt="Hours a week", kind="hours",
              help="Leave it empty for full-time work."),
        Field(key="families_served", prompt="Number of families of infants/toddlers served",
              kind="count"),
        Field(key="supervisor", prompt="Your direct supervisor's name"),
        Field(key="competencies", prompt="Competency areas this work gave you experience in",
              kind="areas", option="competency"),
        # Asked only when the rules in force read them (see ASKED_WHEN below).
        Field(key="paid", prompt="Was this work paid?", kind="yesno", default=True),
        Field(key="supervised", prompt="Did you have a supervisor in this work?", kind="yesno"),
        Field(key="internship", prompt="Was it a supervised internship?", kind="yesno",
              default=False),
        Field(key="supervisor_endorsement", prompt="Your internship supervisor's Endorsement®, "
              "e.g. IMHS", when=("internship", (True,))),
        Field(key="ages", prompt="The ages of the children you served", kind="many",
              choices=_choices(p.AgeBand), option="age"),
        Field(key="roles", prompt="What the work involved", kind="many",
              choices=_choices(p.WorkRole), option="role", words="work_role"),
    ),
    "training": (
        Field(key="title", prompt="Name of the course, workshop or session", required=True),
        Field(key="provider", prompt="Who gave it", default="last"),
        Field(key="date", prompt="Date completed", kind="date", required=True, past_only=True,
              default="today"),
        Field(key="hours", prompt="Clock hours", kind="hours", required=True),
        Field(key="imh", prompt="Was it specialized training in Infant Mental Health (0-3)?",
              kind="yesno", default=True,
              help="Only that counts toward the hours of specialized training."),
        Field(key="competencies", prompt="Competency areas it covered", kind="areas",
              option="competency"),
        Field(key="topics", prompt="What the course was about", kind="many",
              choices=_choices(p.Topic), option="topic", words="topic"),
        Field(key="certificate", prompt="Certificate file (optional; a PDF or picture)",
              kind="file"),
    ),
    "supervision": (
        Field(key="date", prompt="Date of the session", kind="date", required=True,
              past_only=True, default="today",
              help="One entry for each session."),
        Field(key="hours", prompt="Clock hours", kind="hours", required=True),
        Field(key="provider", prompt="Who gave the reflective supervision/consultation",
              required=True, default="last"),
        Field(key="format", prompt="Individual or group?", kind="choice",
              choices=_choices(p.SessionFormat), default="individual"),
        Field(key="provider_credential", prompt="The provider's Endorsement (e.g. IMHM-C)",
              default="last", same_as_last="provider"),
        Field(key="notes", prompt="Notes"),
        Field(key="about_providing", prompt="Was this session about the RS/C you give to others?",
              kind="yesno", default=False),
    ),
    "reference": (
        Field(key="name", prompt="The reference's name", required=True),
        Field(key="role", prompt="Who are they to you?", kind="choice",
              choices=_choices(p.ReferenceRole)),
        Field(key="email", prompt="Their email address", kind="email",
              help="A reference counts only with an email or a phone."),
        Field(key="phone", prompt="Their phone number"),
        Field(key="status", prompt="Where does it stand?", kind="choice",
              choices=_choices(p.ReferenceStatus), default="planned"),
        Field(key="requested", prompt="Date you asked for the rating", kind="date",
              past_only=True, when=("status", ("requested",))),
        Field(key="endorsement", prompt="Their Endorsement®, if they hold one (e.g. IFS)"),
    ),
    "exam": (
        Field(key="status", prompt="The Endorsement exam", kind="choice", required=True,
              choices=_choices(p.ExamStatus)),
        Field(key="date", prompt="Date taken or scheduled", kind="date",
              when=("status", ("scheduled", "passed", "failed")),
              past_if=("status", ("passed", "failed"))),
    ),
    # Read by rules packs (portfolio format 2); added with `endorse add`, not asked by the
    # interview with the default rules, which do not use them.
    "license": (
        Field(key="title", prompt="The license, e.g. Licensed Clinical Social Worker (LCSW)",
              required=True),
        Field(key="kind", prompt="What kind of license?", kind="choice", required=True,
              choices=_choices(p.LicenseKind)),
        Field(key="state", prompt="The state that issued it"),
        Field(key="number", prompt="License number"),
        Field(key="issued", prompt="Date issued", kind="date", past_only=True,
              not_after="expires"),
        Field(key="expires", prompt="Date it expires", kind="date", not_before="issued"),
    ),
    "endorsement": (
        Field(key="credential", prompt="The Endorsement® you hold, e.g. IFS", required=True),
        Field(key="endorsed", prompt="Date it was granted", kind="date", required=True,
              past_only=True),
        Field(key="association", prompt="The association that granted it"),
        Field(key="membership_end", prompt="The day your association membership runs to",
              kind="date"),
    ),
}

SECTIONS = {name: tuple(msgspec.structs.replace(f, section=name) for f in fields)
            for name, fields in SECTIONS.items()}

from ..model.sections import ORDER  # noqa: E402 - the one list of sections
#: Other words people use for a section.
ALIASES = {"degree": "education", "degrees": "education", "school": "education",
           "job": "work", "jobs": "work", "experience": "work",
           "trainings": "training", "course": "training", "courses": "training",
           "rsc": "supervision", "rs/c": "supervision", "rs-c": "supervision",
           "references": "reference", "ref": "reference", "refs": "reference",
           "rater": "reference", "raters": "reference", "exams": "exam"}


def section_named(word: str) -> str:
    """The section ``word`` names (``rsc`` is supervision), or a UsageError with a guess."""
    from ..errors import UsageError

    lowered = word.strip().lower()
    if lowered in ORDER:
        return lowered
    if lowered in ALIASES:
        return ALIASES[lowered]
    from ..io.hints import did_you_mean

    guess = did_you_mean(lowered, [*ORDER, *ALIASES])
    raise UsageError(f"there is no section {word!r}"
                     + (f"; did you mean {ALIASES.get(guess, guess)}?" if guess else ""),
                     fix="use one of: " + ", ".join(ORDER))


#: What one entry of each section is called.
NOUNS = {"education": "degree", "work": "job", "training": "training",
         "supervision": "RS/C session", "reference": "reference", "exam": "exam",
         "license": "license", "endorsement": "endorsement"}


def article(noun: str) -> str:
    """``a job``, ``an RS/C session``: by the sound of the first letter."""
    spoken_vowel = noun[0].lower() in "aeiou" or noun.startswith("RS/C")  # "ar-ess"
    return ("an " if spoken_vowel else "a ") + noun

_EMAIL = re.compile(p.EMAIL_PATTERN)
_YES = {"y": True, "yes": True, "true": True, "n": False, "no": False, "false": False}


def parse_date(text: str) -> dt.date:
    """``2024-03-15`` or the US ``3/15/2024``; ValueError with a reason for anything else."""
    return parse_day(text)


# -- the portfolio format's own constraints ----------------------------------------------------


@cache
def model_type(section: str, key: str) -> Any:
    """The type the portfolio format gives ``key`` of ``section``, with its constraints."""
    holder = get_type_hints(p.Portfolio)[section]
    entry = (get_args(holder) or (holder,))[0]  # Applicant, list[Work], Exam | None
    return get_type_hints(entry, include_extras=True)[key]


@cache
def bounds(section: str, key: str) -> dict[str, Any]:
    """The constraints the format puts on a value of ``key``: gt, ge, lt, le, pattern...
    read from the model's annotations (never written here a second time)."""
    import msgspec.inspect as mi

    info = mi.type_info(model_type(section, key))
    if isinstance(info, mi.UnionType):
        info = next(t for t in info.types if not isinstance(t, mi.NoneType))
    names = ("gt", "ge", "lt", "le", "min_length", "pattern")
    return {n: getattr(info, n) for n in names if getattr(info, n, None) is not None}


def allowed(section: str, key: str) -> str:
    """The range the format allows, in words: ``more than 0 and at most 168``."""
    words = {"gt": "more than", "ge": "at least", "lt": "less than", "le": "at most"}
    return " and ".join(f"{words[n]} {v:g}" for n, v in bounds(section, key).items() if n in words)


def _agree(field: Field, value: Any) -> None:
    """Refuse what the portfolio format would refuse, in words, before it is ever saved."""
    try:
        msgspec.convert(value, model_type(field.section, field.key))
    except msgspec.ValidationError:
        if field.kind in ("hours", "count"):
            raise ValueError(f"{value:g} is not allowed: the {field.prompt.lower()} must be "
                             f"{allowed(field.section, field.key)}") from None
        if field.kind == "email":
            raise ValueError("that does not look like an email address") from None
        raise ValueError("an answer with letters or digits is needed here") from None


def parse(field: Field, text: str, *, today: dt.date, answers: dict[str, Any],
          language: Language = ENGLISH) -> Any:
    """The value of an answer typed as text, or ValueError saying what is wrong with it.

    An empty answer is None (a key left out), or an error when the key is required. A value
    is refused exactly when the portfolio format would refuse it. A day with slashes is read
    in ``language``'s order (``15/3/2025`` in Spanish).
    """
    value = _read(field, text, today=today, answers=answers, language=language)
    if value is not None:
        _agree(field, value)
    return value


def _read(field: Field, text: str, *, today: dt.date, answers: dict[str, Any],
          language: Language = ENGLISH) -> Any:
    text = text.strip()
    if not text:
        if field.required:
            raise ValueError("an answer is needed here")
        return None
    kind = field.kind
    if kind == "date":
        day = (parse_month(text, today=today, language=language) if field.month_enough
               else parse_day(text, language))
        past = field.past_only or (field.past_if is not None
                                   and answers.get(field.past_if[0]) in field.past_if[1])
        if past and day > today:
            raise ValueError(f"{day.isoformat()} is after today")
        for key, later in ((field.not_before, False), (field.not_after, True)):
            other = answers.get(key) if key else None
            if isinstance(other, dt.date) and (day > other if later else day < other):
                which = next((f.prompt for fs in SECTIONS.values() for f in fs if f.key == key), key)
                raise ValueError(f"{day.isoformat()} is {'after' if later else 'before'} the "
                                 f"{which.lower()} ({other.isoformat()})")
        return day
    if kind == "hours":
        hours = parse_hours(text)
        return int(hours) if hours.is_integer() else hours
    if kind == "count":
        if not re.fullmatch(r"-?\d+", text):
            raise ValueError("write a whole number, e.g. 12")
        return int(text)
    if kind == "email":
        if not _EMAIL.match(text):
            raise ValueError("that does not look like an email address")
        return text
    if kind == "yesno":
        if text.lower() not in _YES:
            raise ValueError("answer yes or no")
        return _YES[text.lower()]
    if kind == "choice":
        if not field.choices:  # choices from the rules file, checked where they are known
            return text
        for choice in field.choices:
            if choice.lower() == text.lower():
                return choice
        raise ValueError("one of: " + ", ".join(field.choices))
    if kind == "many":
        picked = []
        for word in (w.strip() for w in re.split(r"[,\s]+", text) if w.strip()):
            match = next((c for c in field.choices if c.lower() == word.lower()), None)
            if match is None:
                raise ValueError(f"{word} is not one of: " + ", ".join(field.choices))
            picked.append(match)
        return picked
    if kind == "areas":
        areas = [a.strip() for a in re.split(r"[,\s]+", text) if a.strip()]
        unknown = [a for a in areas if a not in AREAS]
        if unknown:
            raise ValueError(f"{unknown[0]} is not a competency area; the areas are: "
                             + ", ".join(AREAS))
        return areas
    if kind == "file":
        return unquote_path(text)
    return text


def unquote_path(text: str) -> str:
    """A path as a terminal pastes a dropped file: quotes around it, backslashes before spaces."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return re.sub(r"\\(.)", r"\1", text)


def applies(field: Field, answers: dict[str, Any]) -> bool:
    """Whether ``field`` is asked, given the answers so far."""
    return field.when is None or answers.get(field.when[0]) in field.when[1]


def labels(rules: Any) -> dict[str, dict[str, str]]:
    """The words shown for each choice, and a line that explains each under the list: all
    from the rules file (a value it gives no words for is shown as it is written)."""
    return {
        **rules.choices,
        "degree": dict(rules.degrees),
        "target": {c.id: f"{c.id} {c.name}" for c in rules.credential},
        "focus_explain": {c.focus: f"{c.id} {c.name}: {c.audience}" for c in rules.credential},
        "areas": {slug: info.label for slug, info in rules.areas.items()},
        "areas_explain": {slug: info.explain for slug, info in rules.areas.items()},
    }


def summary(section: str, entry: dict[str, Any],
            words: dict[str, dict[str, str]] | None = None) -> str:
    """One line for an entry, to show it in a list; ``words`` (:func:`labels`) for choices."""
    def get(key: str) -> str:
        value = entry.get(key)
        if isinstance(value, str) and words and value in words.get(key, {}):
            return words[key][value]
        return value.isoformat() if isinstance(value, dt.date) else str(value or "")

    if section == "education":
        field = f" in {get('field')}" if entry.get("field") else ""
        return f"{get('degree')}{field}, {get('completed') or 'in progress'}"
    if section == "work":
        return f"{get('title')}, {get('employer')} ({get('start')} to {get('end') or 'now'})"
    if section == "training":
        return f"{get('date')} {get('title')} ({get('hours')} h)"
    if section == "supervision":
        return (f"{get('date')} {get('provider')} ({get('hours')} h, "
                f"{_low(get('format')) or 'individual'})")
    if section == "reference":
        return (f"{get('name')} ({_low(get('role')) or 'role not given'}; "
                f"{_low(get('status')) or 'planned'})")
    if section == "exam":
        return "the exam: " + ", ".join(_low(get(k)) for k in ("status", "date") if entry.get(k))
    return ", ".join(str(get(k)) for k in entry if entry.get(k) not in (None, ""))


def _low(words: str) -> str:
    """Words set inside a sentence: ``My RS/C provider`` as ``my RS/C provider``."""
    if words[:2].isupper() or not words[:1].isupper():
        return words
    return words[:1].lower() + words[1:]


# -- the questions of rules packs: asked only when the rules in force read their answer -----

#: Format 2's fields, by (section, key), and the requirement kinds or parameters that read
#: them ("*": every field of the section). The default rules read none of them, so a
#: questionnaire under the default rules asks what it always asked.
ASKED_WHEN: dict[tuple[str, str], tuple[str, ...]] = {
    ("work", "ages"): ("ages", "while_ages"),
    ("work", "roles"): ("roles",),
    ("work", "paid"): ("paid_only",),
    ("work", "supervised"): ("supervised_only",),
    ("work", "internship"): ("internship_max_years",),
    ("work", "supervisor_endorsement"): ("internship_supervisor",),
    ("training", "topics"): ("topics", "min_by_topic"),
    ("supervision", "about_providing"): ("about_providing_hours",),
    ("reference", "endorsement"): ("endorsed", "rater_endorsements"),
    ("license", "*"): ("license", "after_license"),
    ("endorsement", "*"): ("renewal",),
}


def rules_use(rules: Any) -> frozenset[str]:
    """The requirement kinds of ``rules``, and the parameters they set to other than their
    default (``paid_only``, ``topics``...); ``renewal`` when the rules have a yearly renewal."""
    from msgspec import NODEFAULT

    used: set[str] = {"renewal"} if getattr(rules, "renewal", None) is not None else set()
    todo = [req for c in rules.credential for req in c.requirement]
    if rules.renewal is not None:
        todo += list(rules.renewal.requirement)
    while todo:
        req = todo.pop()
        todo += list(getattr(req, "option", ()) or ())
        used.add(req.__struct_config__.tag)
        names = req.__struct_fields__
        defaults = dict(zip(names[len(names) - len(req.__struct_defaults__):],
                            req.__struct_defaults__))
        for name in names:
            default = defaults.get(name, NODEFAULT)
            if hasattr(default, "factory"):
                default = default.factory()
            if default is not NODEFAULT and getattr(req, name) != default:
                used.add(name)
    return frozenset(used)


def asked_in_force(rules: Any) -> frozenset[tuple[str, str]]:
    """The (section, key) of format 2's questions worth asking under ``rules``."""
    used = rules_use(rules)
    return frozenset(where for where, readers in ASKED_WHEN.items() if used & set(readers))


def asked(field: Field, in_force: frozenset[tuple[str, str]]) -> bool:
    """Whether the interview asks ``field`` under rules that read ``in_force`` (from
    :func:`asked_in_force`): every question of format 1, and those of format 2 the rules read."""
    where = (field.section, field.key)
    if where not in ASKED_WHEN and (field.section, "*") not in ASKED_WHEN:
        return True
    return where in in_force or (field.section, "*") in in_force

