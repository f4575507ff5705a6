"""The tool's own sentences, in one place: every code the engine says becomes words here.

The engine speaks in codes with values (:class:`~endorse_cli.model.results.Said`, warnings'
``code``); :func:`word` fills the words of a whole assessment once, and every renderer (text,
Markdown, JSON, the bundle, the questionnaire) shows those words. Two sources of words meet
here: the association's, from the rules file (labels, next steps, degree names, the words
for the format's values) and the tool's, below. Each sentence names the command that fixes
it, and an entry by its number counted from 1 and its name and date, never by a key path.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from typing import Any

from msgspec.structs import replace

from ..model.results import (Assessment, CredentialResult, Entry, PortfolioWarning, Recommendation,
                             RequirementResult, Said)
from ..model.rules import Rules

#: What one entry of each section is called.
NOUNS = {"education": "degree", "work": "job", "training": "training",
         "supervision": "RS/C session", "reference": "reference", "exam": "exam",
         "applicant": "details"}

EDIT = "`endorse edit`"


def command(section: str | None) -> str:
    """The command that adds an entry to ``section``."""
    return f"`endorse interview --section {section}`" if section else EDIT


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st..."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def number(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def quantity(count: object, unit: str) -> str:
    """``1 hour``, ``5.5 hours``, ``1 family``: the unit in the singular for exactly one."""
    word = unit
    if count == 1:
        word = unit[:-3] + "y" if unit.endswith("ies") else unit.removesuffix("s")
    return f"{number(count)} {word}"


def day(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def listing(items: Iterable[str], last: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def sentence(text: str) -> str:
    """``text`` with a capital first letter."""
    return text[:1].upper() + text[1:]


class Words:
    """The words of one rules file (and, later, one language)."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules

    # -- the association's words for the format's values ---------------------------------

    def degree(self, slug: str | None) -> str:
        if not slug:
            return "no completed degree"
        return self.rules.degrees.get(slug, slug)  # type: ignore[call-overload]

    def area(self, slug: str) -> str:
        info = self.rules.areas.get(slug)  # type: ignore[call-overload]
        return info.label if info else slug

    def choice(self, key: str, value: str) -> str:
        """The words for ``value`` of the format's ``key`` (``status``, ``role``, ``focus``)."""
        return self.rules.choices.get(key, {}).get(value, value)

    def focus(self, focus: str) -> str:
        """A field of work inside a sentence: "prevention and early intervention"."""
        words = re.sub(r"\s*\(.*\)\s*$", "", self.choice("focus", focus))
        return words[:1].lower() + words[1:]

    def value(self, key: str, value: object) -> str:
        """Any of the format's values in words, short, as a table shows them: degrees, areas,
        statuses ("Received", of "Received: the rating came in"), roles..."""
        if key == "degree":
            return self.degree(str(value))
        if key == "area":
            return self.area(str(value))
        return re.sub(r"(:\s.*|\s*\(.*\))$", "", self.choice(key, str(value)))

    # -- entries ---------------------------------------------------------------------------

    def entry(self, ref: Entry) -> str:
        """"your 4th training, Attachment 101, 2025-01-15"."""
        noun = NOUNS.get(ref.section, ref.section)
        if ref.number == 0:  # a table of its own, such as the exam
            text = f"your {noun}"
        else:
            text = f"your {ordinal(ref.number)} {noun}"
        name = self.degree(ref.name) if ref.section == "education" else ref.name
        if name:
            text += f", {name}"
        if ref.date:
            text += f", {day(ref.date)}"
        return text

    # -- next steps: the rules file's words ------------------------------------------------

    def next_step(self, req: RequirementResult, said: Said, wording: str | None) -> str:
        template = wording or self.rules.next_steps.get(said.code) or \
            self.rules.next_steps.get(said.code.split(".", 1)[0], "")
        v = said.values
        fields: dict[str, str] = {}
        for key, value in v.items():
            if key == "more":
                fields[key] = f"{number(value['count'])} more " + quantity(
                    value["count"], value["unit"]).split(" ", 1)[1]
            elif key in ("degree", "after"):
                fields[key] = self.degree(value) if value else ""
            elif key == "areas":
                fields[key] = ", ".join(self.area(a) for a in value)
            elif key == "names":
                fields[key] = listing(value)
            elif key == "options":
                fields[key] = " Or: ".join(o.next_step or o.label for o in req.options)
            elif key == "section":
                fields["command"] = command(value)
            elif key in PACK_FIELDS:
                fields[key] = pack_field(self, key, value)
            else:
                fields[key] = number(value)
        fields.setdefault("command", EDIT)
        return template.format_map({name: fields.get(name, "") for name in _names(template)})

    # -- the tool's words ------------------------------------------------------------------

    def _rate(self, v: dict[str, Any], code: str | None = None) -> str:
        code = code or v.get("pace", "")
        recent = f"the last {v.get('months')} months" + (" up to today" if v.get("up_to_today") else "")
        if code == "rsc-pace-assumed":
            return f"at the {quantity(v['per_month'], 'hours')} a month you assumed"
        if code == "no-rsc-pace":
            return f"you have had no RS/C in {recent}"
        return f"at your pace of {recent}, about {quantity(v['per_month'], 'hours')} a month"

    def assumption(self, said: Said, options: tuple[RequirementResult, ...] = ()) -> str:
        code, v = said.code, said.values
        if "option" in v:  # an `any` requirement: the option that gets there first
            label = next((o.label for o in options if o.id == v["option"]), v["option"])
            inner = self.assumption(Said(code=code, values={k: x for k, x in v.items()
                                                            if k != "option"}))
            return f"{inner} (by: {label})"
        if code == "work-goes-on":
            return "if your current work in the field goes on"
        if code == "no-field-work-ahead":
            return (f"no work in the field goes on after {day(v['as_of'])}; it counts only "
                    "while you work with infants, young children and families")
        if code == "field-work-ends-first":
            return (f"your work in the field ends on {day(v['end'])}, before the "
                    f"{v['missing_days']} more days are done")
        if code == "no-training-pace":
            recent = f"the last {v['months']} months" + (" up to today" if v["up_to_today"] else "")
            return f"no specialized training in {recent} to set a pace"
        if code in ("training-pace", "rsc-pace", "rsc-pace-assumed", "no-rsc-pace"):
            return self._rate(v, code)
        if code == "training-pace-too-slow":
            return f"{self._rate(v, 'training-pace')}, not within {v['horizon_months']} months"
        if code == "rsc-field-work-ends":
            return ("RS/C counts only while you work in the field, and your work in the field "
                    f"ends on {day(v['end'])}")
        if code in ("rsc-pace-never", "rsc-pace-too-slow"):
            goal = f"{number(v['hours'])} hours within one {v['window_months']}-month period"
            if v.get("span_months"):
                goal += f" over at least {v['span_months']} months"
            text = f"{self._rate(v)}: that will not reach {goal}"
            if code == "rsc-pace-too-slow":
                text += (f"; {quantity(v['least_per_month'], 'hours')} a month reaches it on "
                         f"{day(v['least_day'])}")
            return text
        if code == "exam-scheduled":
            return f"the exam is scheduled for {day(v['date'])}: met then, if you pass"
        return code

    def note(self, said: Said) -> str:
        v = said.values
        if said.code == "mentor-track-assumed":
            return (f"your Mentor track is not set, so you are counted on the "
                    f"{self.choice('mentor_track', v['track'])} track; if yours is another, "
                    f"set it with {EDIT}")
        if said.code == "not-on-track":
            return f"not required on the {self.choice('mentor_track', v['track'])} track"
        if said.code == "rsc-period-short":
            return (f"the hours are there, but your sessions from {day(v['first'])} to "
                    f"{day(v['last'])} stretch over less than {v['span_months']} months; a "
                    f"session on or after {day(v['reaches'])} completes the period")
        return said.code

    def reason(self, rec: Recommendation) -> str:
        code, v = rec.why.code, rec.why.values
        status = ("Every requirement is met." if v["met"]
                  else f"Requirements met: {v['met_count']} of {v['total']}.")
        missing = "; ".join(v.get("missing", []))
        pick = f"{v['name']} ({v['id']})"
        if code == "focus-qualified":
            return (f"You work in {self.focus(v['focus'])} and meet every qualification for "
                    f"{pick}. {status}")
        if code == "focus-below":
            return (f"You work in {self.focus(v['focus'])}, but do not yet meet the "
                    f"qualifications of {v['focus_name']} ({v['focus_id']}): {missing}. "
                    f"{v['id']} is the highest credential below it that you qualify for. {status}")
        if code == "focus-not-qualified":
            return (f"You work in {self.focus(v['focus'])}, the field of {pick}; you are not "
                    f"yet qualified for it: {missing}.")
        unknown = (f"No credential in these rules is for your field of work "
                   f"({self.focus(v['focus'])})." if v.get("focus_unknown") else
                   f"Name your field of work with {EDIT} for a closer fit.")
        if code == "highest-qualified":
            return (f"{pick} is the highest-level credential whose qualifications you meet. "
                    f"{status} {unknown}")
        return (f"You do not yet meet the qualifications of any credential; {pick} is the "
                f"first level: {missing}. {unknown}")

    def warning(self, w: PortfolioWarning) -> tuple[str, str]:
        """The message and the fix of a warning."""
        v = w.values
        it = self.entry(w.entry) if w.entry else "your portfolio"
        code = w.code
        if code == "later-date":
            return (f"{sentence(it)}: dated after the as-of date {day(v['as_of'])}, so it is "
                    "not counted yet",
                    f"nothing to do if the date is right; otherwise correct it with {EDIT}")
        if code == "rsc-outside-field":
            return (f"{sentence(it)}: this session falls outside every period of work in the "
                    "field, so it does not count",
                    f"check its date with {EDIT}, or add the job you held then with "
                    f"{command('work')} (work with infants, young children and families)")
        if code in ("rsc-hours-per-day", "training-hours-per-day"):
            what = "RS/C" if code.startswith("rsc") else "training"
            return (f"{sentence(it)}: {quantity(v['hours'], 'hours')} of {what} on "
                    f"{day(v['date'])}, more than {number(v['limit'])} in one day",
                    f"check the hours with {EDIT}; if the entry sums up several days, "
                    "log each day apart")
        if code == "duplicate-entry":
            noun = NOUNS.get(w.entry.section, "") if w.entry else ""
            return (f"{sentence(it)}: the same as your {ordinal(v['same_as'])} {noun}, listed "
                    "twice",
                    f"remove one of them with {EDIT} if it was logged twice")
        if code == "duplicate-reference":
            return (f"{sentence(it)}: the same email as {v['other']}, your "
                    f"{ordinal(v['same_as'])} reference",
                    f"list each person once with {EDIT}: every reference must be someone "
                    "different")
        if code == "reference-is-applicant":
            problem = ("this reference has your own email address" if v.get("by") == "email"
                       else "this is you; a reference must be someone else")
            return (f"{sentence(it)}: {problem}",
                    f"ask a supervisor, your RS/C provider or a colleague instead, and change "
                    f"the entry with {EDIT}")
        if code == "reference-stale":
            return (f"{sentence(it)}: the rating was requested on {day(v['date'])}, more than "
                    f"{v['months']} months ago, and has not come in",
                    f"ask again, or ask someone else and mark this one declined with {EDIT}")
        if code == "exam-date-past":
            return (f"The exam is still marked scheduled for {day(v['date'])}, a day already "
                    "past",
                    f"record the result, or the new date if it moved, with {command('exam')}")
        if code == "training-no-areas":
            return (f"{sentence(it)}: it names no competency area, so it cannot support the "
                    "professional portfolio",
                    f"add the areas it covered with {EDIT}")
        if code == "work-hours-per-week":
            others = [f'"{t}"' for t in v["others"]]
            if v.get("more_others"):
                others.append(f"{v['more_others']} other jobs")
            assumed = (f" ({number(v['assumed'])} hours a week assumed where a job does not "
                       "give its hours)" if v.get("assumed") else "")
            return (f"{sentence(it)}: from its first day it overlaps {listing(others)} for "
                    f"{number(v['hours'])} hours a week together, more than "
                    f"{number(v['limit'])}{assumed}",
                    f"check the first and last days with {EDIT}, and give the hours a week of "
                    "part-time work")
        return code, None  # type: ignore[return-value]

    def standing(self, req: RequirementResult) -> str:
        """What the applicant has against what is needed, e.g. ``20 of 24 hours``."""
        d = req.details
        if not req.applies:
            return req.note or "not required"
        if req.kind == "any":
            met = [o.label for o in req.options if o.met]
            return f"met by: {met[0]}" if met else "none of the options yet"
        if req.kind == "education":
            return f"{self.degree(req.have)} (needs {self.degree(req.need)})"  # type: ignore[arg-type]
        if req.kind == "exam":
            text = self.choice("status", str(req.have))
            date = getattr(d, "date", None)
            return f"{text}, {date.isoformat()}" if date else text
        text = f"{number(req.have)} {req.unit}"
        if req.kind == "experience":
            text += f", {d.days} days"  # type: ignore[attr-defined]
            if d.counted_after:  # type: ignore[attr-defined]
                text += f" after {d.counted_after.isoformat()}"  # type: ignore[attr-defined]
        elif req.kind == "references":
            text += f", {d.received} received"  # type: ignore[attr-defined]
        elif req.kind == "supervision" and d.first_session:  # type: ignore[attr-defined]
            text += f", sessions {d.first_session.isoformat()} to {d.last_session.isoformat()}"  # type: ignore[attr-defined]
        text += f" (needs {number(req.need)})"
        if req.kind == "references" and d.not_counted:  # type: ignore[attr-defined]
            text += "; not counted: " + ", ".join(
                f"{n.name} ({n.why})" for n in d.not_counted)  # type: ignore[attr-defined]
        if req.kind == "supervision" and d.hours_outside_field_work:  # type: ignore[attr-defined]
            text += (f"; {number(d.hours_outside_field_work)} hours not counted: "  # type: ignore[attr-defined]
                     "outside work in the field")
        return text

    # -- a whole result --------------------------------------------------------------------

    def requirement(self, req: RequirementResult, rules_req: Any = None) -> RequirementResult:
        options = tuple(self.requirement(o, _option(rules_req, o.id)) for o in req.options)
        req = replace(req, options=options)
        wording = getattr(rules_req, "next_step", None)
        req = replace(
            req,
            next_step=self.next_step(req, req.step, wording) if req.step and not req.met else None,
            note=self.note(req.noted) if req.noted else None,
            assumption=self.assumption(req.assumed, options) if req.assumed else None,
        )
        if req.kind == "education" and hasattr(req.details, "have_label"):
            req = replace(req, details=replace(
                req.details, have_label=self.degree(req.have) if req.have else None,
                need_label=self.degree(req.need)))
        return replace(req, standing=self.standing(req))

    def credential(self, result: CredentialResult) -> CredentialResult:
        spec = self.rules.get(result.id)
        by_id = {r.id: r for r in spec.requirement} if spec else {}
        return replace(result, requirements=tuple(
            self.requirement(r, by_id.get(r.id)) for r in result.requirements))

    def assessment(self, assessment: Assessment) -> Assessment:
        if assessment.worded:
            return assessment
        warnings = []
        for w in assessment.warnings:
            message, fix = self.warning(w)
            warnings.append(replace(w, message=message, fix=fix))
        return replace(
            assessment, worded=True, warnings=tuple(warnings),
            credentials=tuple(self.credential(c) for c in assessment.credentials),
            recommended=replace(assessment.recommended,
                                reason=self.reason(assessment.recommended)))


@functools.lru_cache(maxsize=256)
def _names(template: str) -> tuple[str, ...]:
    """The placeholders of a wording, read once."""
    from string import Formatter

    return tuple({name for _, name, _, _ in Formatter().parse(template) if name})


def _option(rules_req: Any, option_id: str) -> Any:
    for option in getattr(rules_req, "option", ()) or ():
        if option.id == option_id:
            return option
    return None


def word(assessment: Assessment, rules: Rules) -> Assessment:
    """``assessment`` with every code put into words, by ``rules`` and the tool."""
    return Words(rules).assessment(assessment)


# == Rules packs and renewal ==============================================================
# The words of format 2's placeholders (topics, providers, ages, roles, jobs, entries...)
# and of `endorse renew` / `endorse check --renewal`, kept together here.

#: The placeholders of rules packs that :func:`pack_field` words.
PACK_FIELDS = ("topics", "providers", "roles", "ages", "jobs", "entries", "year", "due",
               "days_left")

#: Why a job is not counted by a requirement, in a few words.
WHY_NOT_COUNTED = {
    "unpaid": "unpaid",
    "not-supervised": "no supervisor named",
    "role": "not marked with the kind of work asked for",
    "ages": "ages of the children not given as asked",
    "internship-supervisor": "the internship supervisor's endorsement is not one that counts",
    "no-count": "the number of families not given",
}


def _second_person(text: str) -> str:
    """The questionnaire's "My RS/C provider" said to the applicant: "your RS/C provider"."""
    text = re.sub(r"\bmy\b", "your", _lower(text), flags=re.IGNORECASE)
    return re.sub(r"\bI\b", "you", text)


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _bare(text: str) -> str:
    """Words without their example: "Giving RS/C (e.g. ...)" is "Giving RS/C"."""
    return re.sub(r"\s*(\(.*\)|, e\.g\..*)$", "", text)


def _ages(text: str) -> str:
    """"Infants and toddlers, ... and their families" in a sentence: "infants and toddlers"."""
    return _lower(re.sub(r"(,| and their families).*$", "", text))


def endorsement(words: Words, code: str) -> str:
    """``IMHM-C`` as the rules file names it: "Infant Mental Health Mentor - Clinical"."""
    if code == "vetted":
        return "vetted by the association"
    info = words.rules.endorsements.get(code)
    return f"{info.label} ({code})" if info else code


def pack_field(words: Words, key: str, value: Any) -> str:
    """The words of a next-step placeholder that rules packs use."""
    if key == "topics":  # {"dei": 1}: "1 hour on diversity, equity and inclusion"
        return listing(f"{quantity(hours, 'hours')} on "
                       f"{_lower(words.choice('topic', topic))}"
                       for topic, hours in value.items())
    if key == "providers":
        return listing((endorsement(words, c) for c in value), "or")
    if key == "ages":
        return listing((_ages(words.choice("ages", a)) for a in value), "or")
    if key == "roles":
        if isinstance(value, dict):  # what a work filter asks
            said = [w for w, on in (("paid", value.get("paid")),
                                    ("supervised", value.get("supervised"))) if on]
            said += [_lower(_bare(words.choice("work_role", r))) for r in value["roles"]]
            text = listing(said) or "in the field"
            if value.get("ages"):
                text += " with " + listing(
                    (_ages(words.choice("ages", a)) for a in value["ages"]), "or")
            return text
        return listing((_second_person(words.choice("role", r)) for r in value), "and")
    if key == "jobs":
        return listing(f"your {ordinal(job['number'])} job, {job['title']}"
                       + (f" ({WHY_NOT_COUNTED.get(job['why'], job['why'])})"
                          if job.get("why") else "") for job in value)
    if key == "entries":
        return listing(
            f"your {ordinal(e['number'])} RS/C session, {day(e['date'])}, {e['title']}"
            + (f" (given as '{e['credential']}', which is not one of them)"
               if e.get("credential") else " (no endorsement given)") for e in value)
    if key == "due":
        return day(value)
    return number(value)


# -- renewal: the words of `endorse renew` and `endorse check --renewal` ---------------------


class RenewalWords(Words):
    """The words of a renewal report: each year's status, what is missing, and by when."""

    def endorsement_name(self, e: Any) -> str:
        if e.credential is None:
            return f"'{e.written}'"
        info = self.rules.endorsements.get(e.credential)
        return f"{info.label} ({e.credential})" if info else e.credential

    def endorsement_summary(self, e: Any) -> str:
        if e.status == "unknown":
            if e.credential is None:
                return (f"your {ordinal(e.number)} endorsement, '{e.written}', is not an "
                        f"Endorsement® these rules know; correct its name with {EDIT}")
            return (f"your {ordinal(e.number)} endorsement is dated {day(e.endorsed)}, after "
                    f"the as-of date; correct the date with {EDIT}")
        if e.status == "lapsed":
            return (f"lapsed on {day(e.lapsed_on)}: a renewal was not completed in time; ask "
                    "your association how to reinstate it")
        left = quantity(e.days_left, "days") + " left"
        if e.status == "late":
            return (f"renewal overdue: complete it by {day(e.due)}, the end of the late "
                    f"period ({left})")
        if e.status == "due":
            return f"renewal due {day(e.due)} ({left})"
        return f"current; the next renewal is due {day(e.due)} ({left})"

    def year_summary(self, y: Any) -> str:
        if y.status == "endorsed":
            return "endorsed this year: only membership is asked"
        if y.status == "renewed":
            return "renewed"
        if y.status == "met":
            return "every minimum met"
        if y.status == "due":
            return f"due {day(y.due)}"
        if y.status == "late":
            return f"late: complete it by {day(y.late_until)}"
        return "lapsed"

    def renewal_standing(self, req: RequirementResult) -> str:
        d = req.details
        if not req.applies:
            return "not checked: a year already closed"
        if req.kind == "membership":
            return (f"runs to {req.have} (needs {req.need})" if req.have
                    else f"no end date given (needs {req.need})")
        text = f"{quantity(req.have, 'hours')} (needs {number(req.need)})"
        by_topic = getattr(d, "by_topic", None)
        if by_topic and req.step is not None:
            for topic, hours in (req.step.values.get("topics") or {}).items():
                text += (f"; {_lower(self.choice('topic', topic))}: "
                         f"{quantity(by_topic.get(topic, 0), 'hours')}")
        if getattr(d, "not_counted_hours", 0):
            sessions = listing(f"your {ordinal(e['number'])} RS/C session, {day(e['date'])}, "
                               f"{e['title']}" for e in d.not_counted)
            text += (f"; {quantity(d.not_counted_hours, 'hours')} not counted ({sessions}): "
                     "the provider's endorsement is not one that counts")
        return text

    def short_missing(self, req: RequirementResult) -> str:
        """What a year still misses, in a few words for a coordinator's row."""
        if req.kind == "membership":
            return f"membership to {day(req.need)}"
        values = req.step.values if req.step else {}
        text = f"{number(values.get('missing', 0))} more hours of " + (
            "training" if req.kind == "training" else "RS/C")
        if values.get("topics"):
            text += " (at least " + pack_field(self, "topics", values["topics"]) + ")"
        if values.get("year"):
            text += f" for {values['year']}"
        return text

    def renewal_requirement(self, req: RequirementResult) -> RequirementResult:
        return replace(
            req, standing=self.renewal_standing(req),
            next_step=self.next_step(req, req.step, None) if req.step and not req.met else None)

    def renewal(self, report: Any) -> Any:
        out = []
        for e in report.endorsements:
            years = tuple(replace(y, summary=self.year_summary(y), requirements=tuple(
                self.renewal_requirement(r) for r in y.requirements)) for y in e.years)
            out.append(replace(
                e, name=self.endorsement_name(e), summary=self.endorsement_summary(e),
                years=years, missing_now=tuple(self.renewal_requirement(r)
                                               for r in e.missing_now)))
        return replace(report, endorsements=tuple(out))


def word_renewal(report: Any, rules: Rules) -> Any:
    """A renewal report with every code put into words."""
    return RenewalWords(rules).renewal(report)
