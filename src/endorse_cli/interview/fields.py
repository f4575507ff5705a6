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

from ..i18n import ENGLISH, N_, Language
from ..model import portfolio as p
from .values import parse_day, parse_hours, parse_month

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
    #: A year alone is enough too ("2016"); a month ("May 2016") is for every date: see
    #: :func:`.values.parse_month`.
    month_enough: bool = False
    #: The last entry's value is offered only when this other key's answer is the same.
    same_as_last: str | None = None
    #: With ``default = "last"``: where a list starts when there is no last entry.
    first: Any = None
    #: The words of the choice that leaves an optional choice out.
    skip: str = N_("(leave it out)")
    #: The section the field belongs to (filled in below).
    section: str = ""
    #: The rules file's ``[choices.X]`` table that words this field's choices, when not KEY.
    words: str | None = None

    @property
    def flag(self) -> str:
        return "--" + (self.option or self.key.replace("_", "-"))


class Offered(Struct, frozen=True):
    """The last entry's answer, offered: a list starts on it, and a typed question takes it
    only when asked to (Tab), never on Enter, so that nothing is filled in unseen."""

    value: Any


def _choices(literal: Any) -> tuple[str, ...]:
    return tuple(get_args(literal))


#: The competency areas, in the format's order.
AREAS = _choices(p.Area)


SECTIONS: dict[str, tuple[Field, ...]] = {
    "applicant": (
        Field(key="name", prompt=N_("Your full name"), required=True),
        Field(key="email", prompt=N_("Your email address"), kind="email"),
        Field(key="focus", prompt=N_("Which field do you work in?"), kind="choice",
              choices=_choices(p.Focus), help=N_("It decides which credential fits you best.")),
        Field(key="mentor_track", prompt=N_("Which Mentor track is yours?"), kind="choice",
              choices=_choices(p.MentorTrack), when=("focus", ("leadership",)),
              help=N_("The clinical track also asks for reflective supervision/consultation "
                      "hours.")),
        # The credentials are the rules file's: the choices are filled in when asked.
        Field(key="target", prompt=N_("Which credential are you applying for?"), kind="choice",
              skip=N_("Not decided yet"),
              help=N_("Leave it undecided to be judged against the one that fits you best.")),
        # Asked only under rules whose [application] asks them (see ASKED_WHEN below).
        Field(key="code_of_ethics", prompt=N_("The day you signed the Code of Ethics"),
              kind="date", past_only=True,
              help=N_("The association asks for it with the application; leave it empty until "
                      "you have signed it.")),
        Field(key="endorsement_agreement",
              prompt=N_("The day you signed the Endorsement Agreement"), kind="date",
              past_only=True,
              help=N_("The association asks for it with the application; leave it empty until "
                      "you have signed it.")),
        Field(key="membership_end",
              prompt=N_("The last day of your membership in an infant mental health association"),
              kind="date",
              help=N_("Your membership must be current on the day you apply.")),
    ),
    "education": (
        Field(key="degree", prompt=N_("Degree or credential"), kind="choice", required=True,
              choices=_choices(p.Degree)),
        Field(key="field", prompt=N_("Field of study")),
        Field(key="institution", prompt=N_("School or issuing body")),
        Field(key="completed", prompt=N_("Date conferred"), kind="date", past_only=True,
              month_enough=True,
              help=N_("e.g. May 2016; leave it empty while the degree is in progress.")),
    ),
    "work": (
        Field(key="title", prompt=N_("Job title"), required=True),
        Field(key="employer", prompt=N_("Organization")),
        Field(key="start", prompt=N_("First day"), kind="date", required=True, past_only=True,
              not_after="end"),
        Field(key="end", prompt=N_("Last day"), kind="date", not_before="start",
              help=N_("Leave it empty if you still work there.")),
        Field(key="infant_family", prompt=N_("Is this work with infants, young children and their "
              "families?"), kind="yesno", default=True,
              help=N_("Only such work counts as experience in the field.")),
        Field(key="hours_per_week", prompt=N_("Hours a week"), kind="hours",
              help=N_("Leave it empty for full-time work.")),
        Field(key="families_served", prompt=N_("Number of families of infants/toddlers served"),
              kind="count"),
        Field(key="supervisor", prompt=N_("Your direct supervisor's name")),
        Field(key="competencies", prompt=N_("Competency areas this work gave you experience in"),
              kind="areas", option="competency"),
        # Asked only when the rules in force read them (see ASKED_WHEN below).
        Field(key="paid", prompt=N_("Was this work paid?"), kind="yesno", default=True),
        Field(key="supervised", prompt=N_("Did you have a supervisor in this work?"), kind="yesno"),
        Field(key="internship", prompt=N_("Was it a supervised internship?"), kind="yesno",
              default=False),
        Field(key="supervisor_endorsement", prompt=N_("Your internship supervisor's Endorsement®, "
              "e.g. IMHS"), when=("internship", (True,))),
        Field(key="ages", prompt=N_("The ages of the children you served"), kind="many",
              choices=_choices(p.AgeBand), option="age"),
        Field(key="roles", prompt=N_("What the work involved"), kind="many",
              choices=_choices(p.WorkRole), option="role", words="work_role"),
    ),
    "training": (
        Field(key="title", prompt=N_("Name of the course, workshop or session"), required=True),
        Field(key="provider", prompt=N_("Who gave it"), default="last"),
        Field(key="date", prompt=N_("Date completed"), kind="date", required=True, past_only=True,
              default="today"),
        Field(key="hours", prompt=N_("Clock hours"), kind="hours", required=True),
        Field(key="imh", prompt=N_("Was it specialized training in Infant Mental Health (0-3)?"),
              kind="yesno", default=True,
              help=N_("Only that counts toward the hours of specialized training.")),
        Field(key="competencies", prompt=N_("Competency areas it covered"), kind="areas",
              option="competency"),
        Field(key="topics", prompt=N_("What the course was about"), kind="many",
              choices=_choices(p.Topic), option="topic", words="topic"),
        Field(key="certificate", prompt=N_("Certificate file (optional; a PDF or picture)"),
              kind="file"),
    ),
    "supervision": (
        Field(key="date", prompt=N_("Date of the session"), kind="date", required=True,
              past_only=True, default="today",
              help=N_("One entry for each session.")),
        Field(key="hours", prompt=N_("Clock hours"), kind="hours", required=True),
        Field(key="provider", prompt=N_("Who gave the reflective supervision/consultation"),
              required=True, default="last"),
        Field(key="format", prompt=N_("Individual or group?"), kind="choice",
              choices=_choices(p.SessionFormat), default="last", first="individual"),
        Field(key="provider_credential", prompt=N_("The provider's Endorsement (e.g. IMHM-C)"),
              default="last", same_as_last="provider"),
        Field(key="notes", prompt=N_("Notes")),
        Field(key="about_providing",
              prompt=N_("Was this session about the RS/C you give to others?"),
              kind="yesno", default=False),
    ),
    "reference": (
        Field(key="name", prompt=N_("The reference's name"), required=True),
        Field(key="role", prompt=N_("Who are they to you?"), kind="choice",
              choices=_choices(p.ReferenceRole)),
        Field(key="email", prompt=N_("Their email address"), kind="email",
              help=N_("A reference counts only with an email or a phone.")),
        Field(key="phone", prompt=N_("Their phone number")),
        Field(key="status", prompt=N_("Where does it stand?"), kind="choice",
              choices=_choices(p.ReferenceStatus), default="planned"),
        Field(key="requested", prompt=N_("Date you asked for the rating"), kind="date",
              past_only=True, when=("status", ("requested",))),
        Field(key="endorsement", prompt=N_("Their Endorsement®, if they hold one (e.g. IFS)")),
    ),
    "exam": (
        Field(key="status", prompt=N_("The Endorsement exam"), kind="choice", required=True,
              choices=_choices(p.ExamStatus)),
        Field(key="date", prompt=N_("Date taken or scheduled"), kind="date",
              when=("status", ("scheduled", "passed", "failed")),
              past_if=("status", ("passed", "failed"))),
    ),
    # Read by rules packs (portfolio format 2); added with `endorse add`, not asked by the
    # interview with the default rules, which do not use them.
    "license": (
        Field(key="title", prompt=N_("The license, e.g. Licensed Clinical Social Worker (LCSW)"),
              required=True),
        Field(key="kind", prompt=N_("What kind of license?"), kind="choice", required=True,
              choices=_choices(p.LicenseKind)),
        Field(key="state", prompt=N_("The state that issued it")),
        Field(key="number", prompt=N_("License number")),
        Field(key="issued", prompt=N_("Date issued"), kind="date", past_only=True,
              not_after="expires"),
        Field(key="expires", prompt=N_("Date it expires"), kind="date", not_before="issued"),
    ),
    "endorsement": (
        Field(key="credential", prompt=N_("The Endorsement® you hold, e.g. IFS"), required=True),
        Field(key="endorsed", prompt=N_("Date it was granted"), kind="date", required=True,
              past_only=True),
        Field(key="association", prompt=N_("The association that granted it")),
        Field(key="membership_end", prompt=N_("The day your association membership runs to"),
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


def spoken_sections(language: Language) -> dict[str, str]:
    """The sections by the names a reader of ``language`` types (``capacitación``): the same
    as the English names in English."""
    if language.english:
        return {}
    spoken = {
        language.pgettext("a section's name, typed", "education"): "education",
        language.pgettext("a section's name, typed", "work"): "work",
        language.pgettext("a section's name, typed", "training"): "training",
        language.pgettext("a section's name, typed", "supervision"): "supervision",
        language.pgettext("a section's name, typed", "reference"): "reference",
        language.pgettext("a section's name, typed", "exam"): "exam",
    }
    return {word: name for word, name in spoken.items() if word != name}


def typed_sections(language: Language = ENGLISH) -> list[str]:
    """What ``--section`` takes and Tab offers: the sections, then their names in the reader's
    language."""
    return [*ORDER, *spoken_sections(language)]


def _unaccented(word: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", word)
                   if not unicodedata.combining(c))


def section_named(word: str, language: Language = ENGLISH) -> str:
    """The section ``word`` names (``rsc`` is supervision; in Spanish ``capacitación`` or
    ``capacitacion`` is training), or a UsageError with a guess."""
    from ..errors import UsageError

    _ = language.gettext
    lowered = word.strip().lower()
    if lowered in ORDER:
        return lowered
    if lowered in ALIASES:
        return ALIASES[lowered]
    spoken = {_unaccented(w): name for w, name in spoken_sections(language).items()}
    if _unaccented(lowered) in spoken:
        return spoken[_unaccented(lowered)]
    from ..io.hints import did_you_mean

    guess = did_you_mean(lowered, [*ORDER, *ALIASES])
    said = (_("there is no section {word}; did you mean {guess}?") if guess
            else _("there is no section {word}"))
    raise UsageError(said.format(word=repr(word), guess=ALIASES.get(guess, guess)),
                     fix=_("use one of: {choices}").format(choices=", ".join(ORDER)))


#: The question that adds a first entry to a section, and the one that adds another.
ADD_FIRST = {"education": N_("Add a degree?"), "work": N_("Add a job?"),
             "training": N_("Add a training?"), "supervision": N_("Add an RS/C session?"),
             "reference": N_("Add a reference?"), "license": N_("Add a license?"),
             "endorsement": N_("Add an endorsement?")}
ADD_MORE = {"education": N_("Add another degree?"), "work": N_("Add another job?"),
            "training": N_("Add another training?"),
            "supervision": N_("Add another RS/C session?"),
            "reference": N_("Add another reference?"), "license": N_("Add another license?"),
            "endorsement": N_("Add another endorsement?")}
#: The choice that removes the entry being changed.
REMOVE_THIS = {"education": N_("Remove this degree"), "work": N_("Remove this job"),
               "training": N_("Remove this training"),
               "supervision": N_("Remove this RS/C session"),
               "reference": N_("Remove this reference"), "license": N_("Remove this license"),
               "endorsement": N_("Remove this endorsement")}

_EMAIL = re.compile(p.EMAIL_PATTERN)


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


def allowed(section: str, key: str, language: Language = ENGLISH) -> str:
    """The range the format allows, in words: ``more than 0 and at most 168``."""
    _ = language.gettext
    words = {"gt": N_("more than {n}"), "ge": N_("at least {n}"), "lt": N_("less than {n}"),
             "le": N_("at most {n}")}
    return _(" and ").join(_(words[n]).format(n=language.number(v))
                           for n, v in bounds(section, key).items() if n in words)


def _agree(field: Field, value: Any, language: Language) -> None:
    """Refuse what the portfolio format would refuse, in words, before it is ever saved."""
    _ = language.gettext
    try:
        msgspec.convert(value, model_type(field.section, field.key))
    except msgspec.ValidationError:
        if field.kind in ("hours", "count"):
            raise ValueError(_("{value} is not allowed: the {question} must be {allowed}").format(
                value=language.number(value), question=_(field.prompt).lower(),
                allowed=allowed(field.section, field.key, language))) from None
        if field.kind == "email":
            raise ValueError(_("that does not look like an email address; write it as "
                               "name@example.org")) from None
        raise ValueError(_("an answer with letters or digits is needed here")) from None


def parse(field: Field, text: str, *, today: dt.date, answers: dict[str, Any],
          language: Language = ENGLISH) -> Any:
    """The value of an answer typed as text, or ValueError saying what is wrong with it.

    An empty answer is None (a key left out), or an error when the key is required. A value
    is refused exactly when the portfolio format would refuse it. A day with slashes is read
    in ``language``'s order (``15/3/2025`` in Spanish), and the reason for a refusal is in
    ``language``.
    """
    value = _read(field, text, today=today, answers=answers, language=language)
    if value is not None:
        _agree(field, value, language)
    return value


class Refused(Struct, frozen=True):
    """An answer :func:`read_entry` could not take: its field, the text and why (the reason
    is empty for a required field left out; ``goes_with`` is set for a field given where it
    does not apply)."""

    field: Field
    text: str
    reason: str = ""
    goes_with: tuple[str, tuple[Any, ...]] | None = None


def read_entry(section: str, given: dict[str, str], *, today: dt.date,
               language: Language = ENGLISH, only_when_asked: bool = True,
               ) -> tuple[dict[str, Any], list[Refused]]:
    """One entry of ``section`` from answers typed as text, by key (``endorse add``'s options,
    the cells of an imported row): each read by :func:`parse`, in the section's order, so that
    a date is checked against the one before it. Returns the values read and what was refused,
    in that order; a required key not given is refused with an empty reason.

    ``only_when_asked``: a key the questions ask only after another answer (a reference's day
    requested, when its status is "requested") is refused without that answer; else it is
    read all the same (a log that records the day a rating was asked, and that it came in)."""
    answers: dict[str, Any] = {}
    refused: list[Refused] = []
    for field in SECTIONS[section]:
        text = given.get(field.key)
        if only_when_asked and not applies(field, answers):
            if text is not None and text.strip() and field.when is not None:
                refused.append(Refused(field, text, goes_with=field.when))
            continue
        if text is None:
            if field.required:
                refused.append(Refused(field, text or ""))
            continue
        try:
            value = parse(field, text, today=today, answers=answers, language=language)
        except ValueError as reason:
            refused.append(Refused(field, text, str(reason)))
            continue
        if value is not None:
            answers[field.key] = value
    return answers, refused


#: "yes" and "no" as typed, in every language endorse speaks.
_YES = {"y": True, "yes": True, "true": True, "n": False, "no": False, "false": False,
        "s": True, "si": True, "sí": True}


def yes_word(text: str, language: Language = ENGLISH) -> bool | None:
    """What ``text`` answers to a yes-or-no question: a clear word for yes or no in English or
    in ``language`` (its keys and its words, without regard to case or accents), else None."""
    import unicodedata

    def plain(word: str) -> str:
        decomposed = unicodedata.normalize("NFKD", word.strip().casefold())
        return "".join(c for c in decomposed if not unicodedata.combining(c))

    words = {plain(word): value for word, value in _YES.items()}
    for value, key, word in ((True, "key for yes", "yes"), (False, "key for no", "no")):
        words.setdefault(plain(language.pgettext(key, word[0])), value)
        words.setdefault(plain(language.gettext(word)), value)
    return words.get(plain(text))


def _refused(word: str, choices: tuple[str, ...], language: Language) -> str:
    """``word`` is not one of ``choices``: the closest, if one is close, then all of them."""
    from ..io.hints import did_you_mean

    _ = language.gettext
    guess = did_you_mean(word, list(choices))
    said = (_("{word} is not one of these; did you mean {guess}? Use one of: {choices}")
            if guess else _("{word} is not one of these; use one of: {choices}"))
    return said.format(word=repr(word), guess=guess, choices=", ".join(choices))


#: The dates that bound another date, as a sentence names them.
BOUNDS = {"start": N_("the first day"), "end": N_("the last day"),
          "issued": N_("the date issued"), "expires": N_("the date it expires")}


def _read(field: Field, text: str, *, today: dt.date, answers: dict[str, Any],
          language: Language = ENGLISH) -> Any:
    _ = language.gettext
    text = text.strip()
    if not text:
        if field.required:
            raise ValueError(_("an answer is needed here"))
        return None
    kind = field.kind
    if kind == "date":
        day = parse_month(text, today=today, language=language, years=field.month_enough)
        past = field.past_only or (field.past_if is not None
                                   and answers.get(field.past_if[0]) in field.past_if[1])
        if past and day > today:
            raise ValueError(_("{day} is after today; write the day it happened, today or "
                               "before").format(day=language.day(day)))
        for key, later in ((field.not_before, False), (field.not_after, True)):
            other = answers.get(key) if key else None
            if isinstance(other, dt.date) and (day > other if later else day < other):
                said = (_("{day} is after {which} ({other})") if later
                        else _("{day} is before {which} ({other})"))
                raise ValueError(said.format(day=language.day(day), other=language.day(other),
                                             which=_(BOUNDS.get(key, key))))
        return day
    if kind == "hours":
        hours = parse_hours(text, language)
        return int(hours) if hours.is_integer() else hours
    if kind == "count":
        if not re.fullmatch(r"-?\d+", text):
            raise ValueError(_("write a whole number, e.g. 12"))
        return int(text)
    if kind == "email":
        if not _EMAIL.match(text):
            raise ValueError(_("that does not look like an email address; write it as "
                               "name@example.org"))
        return text
    if kind == "yesno":
        if text.lower() not in _YES:
            raise ValueError(_("answer yes or no"))
        return _YES[text.lower()]
    if kind == "choice":
        if not field.choices:  # choices from the rules file, checked where they are known
            return text
        for choice in field.choices:
            if choice.lower() == text.lower():
                return choice
        raise ValueError(_refused(text, field.choices, language))
    if kind == "many":
        picked = []
        for word in (w.strip() for w in re.split(r"[,\s]+", text) if w.strip()):
            match = next((c for c in field.choices if c.lower() == word.lower()), None)
            if match is None:
                raise ValueError(_refused(word, field.choices, language))
            picked.append(match)
        return picked
    if kind == "areas":
        areas = [a.strip() for a in re.split(r"[,\s]+", text) if a.strip()]
        unknown = [a for a in areas if a not in AREAS]
        if unknown:
            raise ValueError(_refused(unknown[0], AREAS, language))
        return areas
    if kind == "file":
        return unquote_path(text)
    return text


def example(field: Field, language: Language = ENGLISH) -> str | None:
    """A value of ``field`` as it may be typed, to show how (``15/3/2024``, ``1,5``)."""
    if field.kind == "date":
        return (language.month_year(dt.date(2016, 5, 1)) if field.month_enough
                else language.typed_example())
    return {"hours": language.number(1.5), "count": "12", "email": "name@example.org",
            "yesno": "yes"}.get(field.kind)


def fix_for(field: Field, language: Language = ENGLISH) -> str:
    """How to give ``field`` as an option: ``write it as --date 15/3/2024``."""
    _ = language.gettext
    shown = example(field, language)
    if shown is None:
        return _("give a correct {flag}").format(flag=field.flag)
    value = f'"{shown}"' if " " in shown else shown
    return _("write it as {option}, for example").format(option=f"{field.flag} {value}")


def listed(words: list[str], language: Language = ENGLISH) -> str:
    """``a``, ``a and b``, ``a, b and c``: in the language's words."""
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + language.gettext(" and ") + words[-1]


def unquote_path(text: str) -> str:
    """A path as a terminal pastes a dropped file: quotes around it, backslashes before spaces."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return re.sub(r"\\(.)", r"\1", text)


def applies(field: Field, answers: dict[str, Any]) -> bool:
    """Whether ``field`` is asked, given the answers so far."""
    return field.when is None or answers.get(field.when[0]) in field.when[1]


def labels(rules: Any, language: Language = ENGLISH) -> dict[str, dict[str, str]]:
    """The words shown for each choice, and a line that explains each under the list: all
    from the rules file, in ``language`` where its ``[i18n]`` tables give them (a value it
    gives no words for is shown as it is written)."""
    if not language.english:
        from ..model.texts import localized

        rules = localized(rules, language.code)
    return {
        **rules.choices,
        "degree": dict(rules.degrees),
        "target": {c.id: f"{c.id} {c.name}" for c in rules.credential},
        "focus_explain": {c.focus: f"{c.id} {c.name}: {c.audience}" for c in rules.credential},
        "areas": {slug: info.label for slug, info in rules.areas.items()},
        "areas_explain": {slug: info.explain for slug, info in rules.areas.items()},
    }


def choice_words(field: Field, labels: dict[str, dict[str, str]]) -> dict[str, str]:
    """The words of ``field``'s choices, from :func:`labels`."""
    return labels.get("areas" if field.kind == "areas" else field.words or field.key, {})


def summary(section: str, entry: dict[str, Any],
            words: dict[str, dict[str, str]] | None = None,
            language: Language = ENGLISH) -> str:
    """One line for an entry, to show it in a list; ``words`` (:func:`labels`) for choices."""
    _ = language.gettext

    def get(key: str) -> str:
        value = entry.get(key)
        if isinstance(value, str) and words and value in words.get(key, {}):
            return words[key][value]
        if isinstance(value, dt.date):
            return language.day(value)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return language.number(value)
        return str(value or "")

    if section == "education":
        said = (_("{degree} in {field}, {completed}") if entry.get("field")
                else _("{degree}, {completed}"))
        return said.format(degree=get("degree"), field=get("field"),
                           completed=get("completed") or _("in progress"))
    if section == "work":
        return _("{title}, {employer} ({start} to {end})").format(
            title=get("title"), employer=get("employer"), start=get("start"),
            end=get("end") or _("now"))
    if section == "training":
        return _("{date} {title} ({hours} h)").format(date=get("date"), title=get("title"),
                                                      hours=get("hours"))
    if section == "supervision":
        return _("{date} {provider} ({hours} h, {format})").format(
            date=get("date"), provider=get("provider"), hours=get("hours"),
            format=_low(get("format")) or _("individual"))
    if section == "reference":
        return _("{name} ({role}; {status})").format(
            name=get("name"), role=_low(get("role")) or _("role not given"),
            status=_low(get("status")) or _("planned"))
    if section == "exam":
        return _("the exam: {standing}").format(
            standing=", ".join(_low(get(k)) for k in ("status", "date") if entry.get(k)))
    if section == "endorsement":
        said = (_("{credential}, granted {endorsed}; membership runs to {end}")
                if entry.get("membership_end") else _("{credential}, granted {endorsed}"))
        return said.format(credential=get("credential"), endorsed=get("endorsed"),
                           end=get("membership_end"))
    if section == "license":
        said = _("{title}, expires {expires}") if entry.get("expires") else "{title}"
        return said.format(title=get("title"), expires=get("expires"))
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
    ("applicant", "code_of_ethics"): ("application.code_of_ethics",),
    ("applicant", "endorsement_agreement"): ("application.endorsement_agreement",),
    ("applicant", "membership_end"): ("application.membership",),
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


#: What `endorse add` asks on a terminal besides the required fields, when not given as
#: options, under rules that read them: (section, key) and the parameters that read it. A
#: pack that counts raters by role and endorsement asks who each is, how to reach them, and
#: their Endorsement®; the phone only when no email is given.
ADD_ASKS: dict[tuple[str, str], tuple[str, ...]] = {
    ("reference", "role"): ("min_by_role",),
    ("reference", "email"): ("min_by_role", "endorsed"),
    ("reference", "phone"): ("min_by_role", "endorsed"),
    ("reference", "endorsement"): ("endorsed", "rater_endorsements"),
}


def add_asks(rules: Any) -> frozenset[tuple[str, str]]:
    """The (section, key) `endorse add` asks under ``rules`` besides the required fields."""
    used = rules_use(rules)
    return frozenset(where for where, readers in ADD_ASKS.items() if used & set(readers))


def rules_use(rules: Any) -> frozenset[str]:
    """The requirement kinds of ``rules``, and the parameters they set to other than their
    default (``paid_only``, ``topics``...); ``renewal`` when the rules have a yearly renewal."""
    from msgspec import NODEFAULT

    used: set[str] = {"renewal"} if getattr(rules, "renewal", None) is not None else set()
    asks = getattr(rules, "application", None)
    used.update(f"application.{key}" for key in getattr(asks, "__struct_fields__", ())
                if getattr(asks, key))
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

