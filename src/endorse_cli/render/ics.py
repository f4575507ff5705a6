"""The days that matter as an iCalendar file (RFC 5545), for the calendar the applicant uses:
`endorse gaps --format ics` and `endorse renew --format ics`.

Each day is an all-day event with a reminder (a VALARM) some days before. Its UID is made
from the applicant, the credential and what the day is for, never from the day itself, so
that importing a newer file moves the event instead of adding a second one; SEQUENCE grows
with the day the file is written, so the newer file wins. The events' words are in the
reader's language. The `icalendar` library (the optional `calendar` extra: installed, it would
slow every command's start, as msgspec then loads its typing_extensions) is imported here only,
when a calendar is asked for.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from ..i18n import ENGLISH, N_, Language
from ..model.results import Assessment, CredentialResult
from .terminal import printable

#: How long before each kind of day its reminder comes.
REMIND = {"requirement": dt.timedelta(days=7), "exam": dt.timedelta(days=7),
          "renewal-due": dt.timedelta(days=30), "late-until": dt.timedelta(days=14)}
#: SEQUENCE counts days from here: a file written on a later day supersedes an earlier one.
_EPOCH = dt.date(2000, 1, 1)


def _uid(applicant: str, *parts: str) -> str:
    """The same for the same applicant and the same purpose, whatever the day."""
    key = "\x1f".join((applicant.strip().casefold(), *parts))
    return f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:24]}@endorse"


def _calendar(name: str, events: list[dict[str, Any]], today: dt.date) -> str:
    try:
        from icalendar import Alarm, Calendar, Event
    except ImportError:
        from ..errors import UsageError

        raise UsageError(N_("--format ics needs the icalendar library, which is not installed"),
                         fix=N_("install endorse with it: {pip} (or {pipx})"),
                         pip="`pip install 'endorse-cli[calendar]'`",
                         pipx="`pipx inject endorse-cli icalendar`") from None
    from .. import __version__

    calendar = Calendar()
    calendar.add("prodid", f"-//endorse//endorse {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", printable(name))
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.timezone.utc)
    for e in sorted(events, key=lambda e: (e["day"], e["uid"])):
        event = Event()
        event.add("uid", e["uid"])
        event.add("dtstamp", stamp)
        event.add("sequence", (today - _EPOCH).days)
        event.add("dtstart", e["day"])
        event.add("dtend", e["day"] + dt.timedelta(days=1))
        event.add("summary", printable(e["summary"]))
        if e.get("description"):
            event.add("description", printable(e["description"], keep="\n"))
        event.add("transp", "TRANSPARENT")  # a day to remember, not a busy day
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", printable(e["summary"]))
        alarm.add("trigger", -REMIND[e["kind"]])
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")


def _requirement_events(result: Assessment, credential: CredentialResult,
                        language: Language) -> list[dict[str, Any]]:
    _ = language.gettext
    events = []
    for req in credential.requirements:
        if req.met or not req.applies or req.expected is None:
            continue
        if req.kind == "exam":
            summary = _("{credential}: exam day").format(credential=credential.id)
            kind = "exam"
        else:
            summary = _("{credential}: {requirement}, met on this day if you go on as now"
                        ).format(credential=credential.id, requirement=req.label)
            kind = "requirement"
        lines = [req.label]
        if req.assumption:
            lines.append(req.assumption)
        if req.next_step:
            lines.append(req.next_step)
        events.append({"uid": _uid(result.applicant, "gaps", credential.id, req.id),
                       "day": req.expected, "summary": summary, "kind": kind,
                       "description": "\n".join(lines)})
    return events


def gaps(result: Assessment, credential: CredentialResult,
         language: Language = ENGLISH, today: dt.date | None = None) -> str:
    """The expected day of each requirement of ``credential`` not met yet, and the scheduled
    exam, as an iCalendar file."""
    name = language.gettext(N_("Endorsement: {applicant}, {credential}")).format(
        applicant=result.applicant, credential=credential.id)
    return _calendar(name, _requirement_events(result, credential, language),
                     today or result.as_of)


def renewal(report: Any, language: Language = ENGLISH, today: dt.date | None = None) -> str:
    """For each endorsement held: the day its renewal is due and the last day of its late
    period (those of the year now running, or of a year in its late period)."""
    _ = language.gettext
    events = []
    for e in report.endorsements:
        if e.due is None:
            continue
        year = next((y for y in e.years if y.due == e.due), None)
        code = e.credential or e.written
        missing = "\n".join(r.next_step or r.label for r in e.missing_now)
        events.append({"uid": _uid(report.applicant, "renewal-due", code, e.endorsed.isoformat()),
                       "day": e.due, "kind": "renewal-due",
                       "summary": _("{endorsement}: renewal due").format(endorsement=e.name),
                       "description": missing})
        if year is not None:
            events.append({
                "uid": _uid(report.applicant, "late-until", code, e.endorsed.isoformat()),
                "day": year.late_until, "kind": "late-until",
                "summary": _("{endorsement}: last day to renew late; after it the "
                             "endorsement lapses").format(endorsement=e.name),
                "description": missing})
    name = _("Endorsement renewal: {applicant}").format(applicant=report.applicant)
    return _calendar(name, events, today or report.as_of)
