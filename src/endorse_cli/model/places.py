"""A place in a portfolio in a person's words: "your 2nd training (Attachment 101,
2024-03-15), Hours", never its key path (``training[1].hours``).

The key path stays what scripts read (the ``where`` of an error, JSON's ``path``); this is
what people read. It is said later, in the reader's language, as a Message is.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .message import N_, Speaker

#: What one entry of each section is called.
NOUNS = {"education": N_("degree"), "work": N_("job"), "training": N_("training"),
         "supervision": N_("RS/C session"), "reference": N_("reference"), "exam": N_("exam"),
         "applicant": N_("details")}

#: An entry of each section, counted from 1: "your 4th training".
NTH = {"education": N_("your {nth} degree"), "work": N_("your {nth} job"),
       "training": N_("your {nth} training"), "supervision": N_("your {nth} RS/C session"),
       "reference": N_("your {nth} reference"), "exam": N_("your {nth} exam"),
       "applicant": N_("your {nth} details"), "license": N_("your {nth} license"),
       "endorsement": N_("your {nth} Endorsement")}

#: The one entry of a section that is a table of its own.
ONE = {"exam": N_("your exam"), "applicant": N_("your details")}

#: A whole section.
ALL = {"education": N_("your degrees"), "work": N_("your jobs"),
       "training": N_("your trainings"), "supervision": N_("your RS/C sessions"),
       "reference": N_("your references"), "license": N_("your licenses"),
       "endorsement": N_("your Endorsements")}

#: Each key by its label, as the bundle's tables and the questions name it.
LABELS: dict[str, dict[str, str]] = {
    "": {"format": N_("the file's format number")},
    "applicant": {"name": N_("Your full name"), "email": N_("Email"),
                  "focus": N_("Field of work"), "mentor_track": N_("Mentor track"),
                  "target": N_("Target credential")},
    "education": {"degree": N_("Degree"), "field": N_("Field"),
                  "institution": N_("Institution"), "completed": N_("Completed")},
    "work": {"title": N_("Job title"), "employer": N_("Employer"), "start": N_("Start"),
             "end": N_("End"), "infant_family": N_("In the field"), "paid": N_("Paid"),
             "hours_per_week": N_("Hours a week"), "families_served": N_("Families served"),
             "supervisor": N_("Supervisor"), "description": N_("Description"),
             "competencies": N_("Competency areas"), "ages": N_("Ages served"),
             "roles": N_("What the work involved"), "supervised": N_("Supervised"),
             "internship": N_("Internship"),
             "supervisor_endorsement": N_("Supervisor's Endorsement")},
    "training": {"title": N_("Title"), "date": N_("Date"), "hours": N_("Hours"),
                 "provider": N_("Provider"), "imh": N_("IMH (0-3)"),
                 "competencies": N_("Competency areas"), "certificate": N_("Certificate"),
                 "topics": N_("Topics")},
    "supervision": {"date": N_("Date"), "hours": N_("Hours"), "provider": N_("Provider"),
                    "format": N_("Format"), "provider_credential": N_("Provider's credential"),
                    "notes": N_("Notes"), "about_providing": N_("About the RS/C you give")},
    "reference": {"name": N_("Name"), "role": N_("Role"), "email": N_("Email"),
                  "phone": N_("Phone"), "status": N_("Rating"), "requested": N_("Requested"),
                  "endorsement": N_("Their Endorsement")},
    "exam": {"status": N_("Exam"), "date": N_("Date")},
    "license": {"title": N_("License"), "kind": N_("Kind of license"), "state": N_("State"),
                "number": N_("License number"), "issued": N_("Issued"),
                "expires": N_("Expires")},
    "endorsement": {"credential": N_("Endorsement"), "endorsed": N_("Date endorsed"),
                    "association": N_("Association"), "membership_end": N_("Membership ends"),
                    "renewed_through": N_("Renewed through")},
}

#: The key whose value names an entry, and the key of its date, in each section.
_NAME = {"education": "institution", "work": "title", "training": "title",
         "supervision": "provider", "reference": "name", "license": "title",
         "endorsement": "credential"}
_DATE = {"education": "completed", "work": "start", "training": "date",
         "supervision": "date", "exam": "date", "license": "issued", "endorsement": "endorsed"}


def label_of(path: tuple[str | int, ...], key: str) -> str | None:
    """The label of ``key`` in the table or entry at ``path`` (an English template)."""
    section = path[0] if path and isinstance(path[0], str) else ""
    return LABELS.get(section, {}).get(key)


def ordinal(n: int, language: Speaker | None = None) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st...; in Spanish "n.º 4"."""
    if language is not None and not getattr(language, "english", True):
        return language.pgettext(  # type: ignore[attr-defined]
            "an entry's number counted from 1", "number {n}").format(n=n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class Place:
    """Where a key path points, for people: the entry by its number from 1, its name and
    date (read from the file's values, ``raw``, when they are there), and the key by its
    label. Said in a language with :meth:`say`, as a Message is."""

    __slots__ = ("section", "number", "name", "date", "key", "whole")

    def __init__(self, path: tuple[str | int, ...], raw: Any = None) -> None:
        self.section = self.name = self.date = self.key = None
        self.number = 0
        self.whole = False
        if not path or not isinstance(path[0], str):
            return
        if len(path) == 1 and path[0] in ALL:  # a whole section
            self.section, self.whole = path[0], True
            return
        if len(path) == 1 and path[0] not in LABELS:  # a key at the top of the file
            self.key = path[0]
            return
        self.section = path[0]
        rest = path[1:]
        entry = raw.get(path[0]) if isinstance(raw, dict) else None
        if rest and isinstance(rest[0], int):
            self.number = rest[0] + 1
            entry = entry[rest[0]] if isinstance(entry, list) and rest[0] < len(entry) else None
            rest = rest[1:]
        if rest and isinstance(rest[0], str):
            self.key = rest[0]
        if isinstance(entry, dict):
            name = entry.get(_NAME.get(self.section, ""))
            date = entry.get(_DATE.get(self.section, ""))
            self.name = name.strip() if isinstance(name, str) and name.strip() else None
            self.date = date if type(date) is dt.date else None

    def entry(self, language: Speaker | None = None) -> str | None:
        """"your 2nd training (Attachment 101, 2024-03-15)", or None for the top of the file."""
        _ = (lambda text: text) if language is None else language.gettext
        if self.section is None:
            return None
        if self.whole:
            return _(ALL[self.section])
        if self.number == 0:
            text = _(ONE[self.section]) if self.section in ONE else self.section
        elif self.section in NTH:
            text = _(NTH[self.section]).format(nth=ordinal(self.number, language))
        else:
            text = f"{self.section} {self.number}"
        known = [self.name] if self.name else []
        if self.date is not None:
            day = getattr(language, "day", None)
            known.append(day(self.date) if day else self.date.isoformat())
        return f"{text} ({', '.join(known)})" if known else text

    def label(self, language: Speaker | None = None) -> str | None:
        """The key's label; None when the key is not one the format has (the message says
        it, as an unknown key)."""
        if self.key is None:
            return None
        label = LABELS.get(self.section or "", {}).get(self.key)
        if label is None:
            return None
        return label if language is None else language.gettext(label)

    def say(self, language: Speaker | None = None) -> str:
        parts = [p for p in (self.entry(language), self.label(language)) if p]
        return ", ".join(parts)

    def __bool__(self) -> bool:
        return bool(self.section or self.label())


#: An entry of each list of a rules file, counted from 1: the first of a path, then those
#: inside it ("the 2nd credential (IFS), its 6th requirement (rsc)").
RULES_FIRST = {"credential": N_("the {nth} credential"), "requirement": N_("the {nth} requirement"),
               "option": N_("the {nth} option"), "source": N_("the {nth} source")}
RULES_INNER = {"credential": N_("its {nth} credential"), "requirement": N_("its {nth} requirement"),
               "option": N_("its {nth} option"), "source": N_("its {nth} source")}


class RulesPlace:
    """Where a key path of a rules file points, for the people who write one: each entry by
    its number from 1 and its id (read from ``raw``), the keys as the file writes them;
    never the 0-based path (``credential[1].requirement[5].hours``)."""

    __slots__ = ("path", "raw")

    def __init__(self, path: tuple[str | int, ...], raw: Any = None) -> None:
        self.path, self.raw = tuple(path), raw

    def say(self, language: Speaker | None = None) -> str:
        _ = (lambda text: text) if language is None else language.gettext
        parts: list[str] = []
        keys: list[str] = []
        value, first = self.raw, True
        for at, step in enumerate(self.path):
            following = self.path[at + 1] if at + 1 < len(self.path) else None
            if isinstance(step, int):
                value = value[step] if isinstance(value, list) and step < len(value) else None
                continue
            value = value.get(step) if isinstance(value, dict) else None
            if not isinstance(following, int):
                keys.append(step)
                continue
            if keys:
                parts.append(".".join(keys))
                keys = []
            nth = ordinal(following + 1, language)
            words = (RULES_FIRST if first else RULES_INNER).get(step)
            said = _(words).format(nth=nth) if words else f"{step} {following + 1}"
            entry = value[following] if isinstance(value, list) and following < len(value) else None
            ident = entry.get("id") if isinstance(entry, dict) else None
            parts.append(f"{said} ({ident})" if isinstance(ident, str) and ident.strip() else said)
            first = False
        if keys:
            parts.append(".".join(keys))
        return ", ".join(parts)

    def __bool__(self) -> bool:
        return bool(self.path)
