"""The tool's own sentences, in one place: every code the engine says becomes words here.

The engine speaks in codes with values (:class:`~endorse_cli.model.results.Said`, warnings'
``code``); :func:`word` fills the words of a whole assessment once, and every renderer (text,
Markdown, JSON, the bundle, the questionnaire) shows those words. Two sources of words meet
here: the association's, from the rules file (labels, next steps, degree names, the words
for the format's values, in the reader's language when the file has it: ``[i18n.es]``) and
the tool's, below, translated by the gettext catalogs (``_`` and ``n_`` mark them for
``pybabel extract``). Each sentence names the command that fixes it, and an entry by its
number counted from 1 and its name and date, never by a key path.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
from collections.abc import Iterable
from typing import Any

from msgspec.structs import replace

from ..i18n import ENGLISH, Language, N_, Nn_
from ..model.results import (Assessment, CredentialResult, Entry, PortfolioWarning, Recommendation,
                             RequirementResult, Said, Waiting)
from ..model.places import NOUNS, NTH, ONE, ordinal  # noqa: F401 - from here too
from ..model.files import DEFAULT_PORTFOLIO, STDIN_NAME
from ..model.rules import Rules
from ..model.texts import localized

#: A count of each unit the engine counts in, in the singular and the plural.
UNITS = {"hours": Nn_("{count} hour", "{count} hours"),
         "years": Nn_("{count} year", "{count} years"),
         "days": Nn_("{count} day", "{count} days"),
         "references": Nn_("{count} reference", "{count} references"),
         "areas": Nn_("{count} area", "{count} areas"),
         "families": Nn_("{count} family", "{count} families")}

#: "5.5 more hours": what is still missing, in each unit.
MORE = {"hours": Nn_("{count} more hour", "{count} more hours"),
        "years": Nn_("{count} more year", "{count} more years"),
        "days": Nn_("{count} more day", "{count} more days"),
        "references": Nn_("{count} more reference", "{count} more references"),
        "areas": Nn_("{count} more area", "{count} more areas"),
        "families": Nn_("{count} more family", "{count} more families")}

#: Why a reference does not count (the engine's words for it are its codes).
NOT_COUNTED = {"declined": N_("declined"), "no email or phone": N_("no email or phone")}

EDIT = "`endorse edit`"
#: A command in a sentence that acts on one portfolio: its name (and section), then the rest.
_COMMAND = re.compile(
    r"`endorse (interview|edit|add [a-z]+|gaps|assess|renew|bundle)((?: [^`]*)?)`")


def command(section: str | None) -> str:
    """The command that adds an entry to ``section``."""
    return f"`endorse interview --section {section}`" if section else EDIT


def number(value: object, language: Language = ENGLISH) -> str:
    return language.number(value)


def quantity(count: object, unit: str, language: Language = ENGLISH,
             forms: dict[str, tuple[str, str]] = UNITS) -> str:
    """``1 hour``, ``5.5 hours``, ``1 family``: the unit in the singular for exactly one."""
    if unit in forms:
        singular, plural = forms[unit]
        return language.ngettext(singular, plural, count).format(  # type: ignore[arg-type]
            count=number(count, language))
    word = unit  # a unit of a kind defined elsewhere: English rules of thumb
    if count == 1:
        word = unit[:-3] + "y" if unit.endswith("ies") else unit.removesuffix("s")
    if forms is MORE:
        return f"{number(count, language)} more {word}"
    return f"{number(count, language)} {word}"


def day(value: object, language: Language = ENGLISH) -> str:
    return language.day(value)


def listing(items: Iterable[str], last: str | None = None,
            language: Language = ENGLISH) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    last = last or language.gettext("and")
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def sentence(text: str) -> str:
    """``text`` with a capital first letter."""
    return text[:1].upper() + text[1:]


class Words:
    """The words of one rules file in one language: the association's (the rules file's text
    in that language, else its own) and the tool's (the gettext catalog)."""

    def __init__(self, rules: Rules, language: Language = ENGLISH, *,
                 standing: bool = True) -> None:
        self.source = rules
        #: Whether to word each requirement's standing too, for people (JSON has none).
        self.with_standing = standing
        self.language = language
        self.rules = rules if language.english else localized(rules, language.code)
        self._ = language.gettext
        self.n_ = language.ngettext

    def number(self, value: object) -> str:
        return self.language.number(value)

    def day(self, value: object) -> str:
        return self.language.day(value)

    def quantity(self, count: object, unit: str) -> str:
        return quantity(count, unit, self.language)

    def ordinal(self, n: int) -> str:
        return ordinal(n, self.language)

    # -- the association's words for the format's values ---------------------------------

    def degree(self, slug: str | None) -> str:
        if not slug:
            return self._("no completed degree")
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

    def credential_name(self, credential_id: str, name: str) -> str:
        spec = self.rules.get(credential_id)
        return spec.name if spec else name

    @functools.cached_property
    def _labels(self) -> dict[str, str]:
        """The file's own label of each requirement, to the reader's language."""
        found: dict[str, str] = {}
        for own, shown in zip(self.source.credential, self.rules.credential, strict=True):
            for a, b in zip(own.requirement, shown.requirement, strict=True):
                found.setdefault(a.label, b.label)
                for oa, ob in zip(getattr(a, "option", ()) or (), getattr(b, "option", ()) or (),
                                  strict=True):
                    found.setdefault(oa.label, ob.label)
        return found

    def label(self, label: str) -> str:
        """A requirement's label (as the engine gives it, in the file's words) to the reader's."""
        return label if self.rules is self.source else self._labels.get(label, label)

    # -- entries ---------------------------------------------------------------------------

    def entry(self, ref: Entry) -> str:
        """"your 4th training, Attachment 101, 2025-01-15"."""
        if ref.number == 0:  # a table of its own, such as the exam
            text = self._(ONE.get(ref.section, "your {noun}")).format(
                noun=self._(NOUNS.get(ref.section, ref.section)))
        elif ref.section in NTH:
            text = self._(NTH[ref.section]).format(nth=self.ordinal(ref.number))
        else:
            text = f"your {self.ordinal(ref.number)} {ref.section}"
        name = self.degree(ref.name) if ref.section == "education" else ref.name
        if name:
            text += f", {name}"
        if ref.date:
            text += f", {self.day(ref.date)}"
        return text

    # -- next steps: the rules file's words ------------------------------------------------

    def next_step(self, req: RequirementResult, said: Said, wording: str | None,
                  rule: str = "") -> str:
        template = wording or self.rules.next_steps.get(said.code) or \
            self.rules.next_steps.get(said.code.split(".", 1)[0], "")
        v = said.values
        fields: dict[str, str] = {"rule": rule}
        for key, value in v.items():
            if key == "more":
                fields[key] = quantity(value["count"], value["unit"], self.language, MORE)
            elif key in ("degree", "after"):
                fields[key] = self.degree(value) if value else ""
            elif key == "areas":
                fields[key] = ", ".join(self.area(a) for a in value)
            elif key == "names":
                fields[key] = listing(value, language=self.language)
            elif key == "options":
                fields[key] = self._(" Or: ").join(o.next_step or o.label for o in req.options)
            elif key == "section":
                fields["command"] = command(value)
            elif key == "entries":
                fields[key] = pack_field(self, key, value)
                fields["edit"] = _edit_providers(self, value)
            elif key in PACK_FIELDS:
                fields[key] = pack_field(self, key, value)
                if key == "providers":  # the same, by code alone: "IFRS, IMHS or IMHM-C"
                    fields["codes"] = listing(value, self._("or"), self.language)
            else:
                fields[key] = self.number(value)
        fields.setdefault("command", EDIT)
        return template.format_map({name: fields.get(name, "") for name in _names(template)})

    # -- the tool's words ------------------------------------------------------------------

    def _recent(self, v: dict[str, Any]) -> str:
        _ = self._
        months = v.get("months")
        if v.get("up_to_today"):
            return self.n_("the last {months} month up to today",
                           "the last {months} months up to today", months).format(months=months)
        return self.n_("the last {months} month", "the last {months} months",
                       months).format(months=months)

    def _rate(self, v: dict[str, Any], code: str | None = None) -> str:
        _ = self._
        code = code or v.get("pace", "")
        if code == "rsc-pace-assumed":
            return _("at the {hours} a month you assumed").format(
                hours=self.quantity(v["per_month"], "hours"))
        if code == "no-rsc-pace" and v.get("not_counted") == "provider":
            return _("none of your RS/C in {recent} counts, because its provider's "
                     "endorsement is not one these rules ask for").format(recent=self._recent(v))
        if code == "no-rsc-pace" and v.get("not_counted"):
            return _("none of your RS/C in {recent} counts, because it was not held during "
                     "work with the ages these rules ask for").format(recent=self._recent(v))
        if code == "no-rsc-pace":
            return _("you have had no RS/C in {recent}").format(recent=self._recent(v))
        return _("at your pace of {recent}, about {hours} a month").format(
            recent=self._recent(v), hours=self.quantity(v["per_month"], "hours"))

    def assumption(self, said: Said, options: tuple[RequirementResult, ...] = ()) -> str:
        _ = self._
        code, v = said.code, said.values
        if "option" in v:  # an `any` requirement: the option that gets there first
            label = next((o.label for o in options if o.id == v["option"]), v["option"])
            inner = self.assumption(Said(code=code, values={k: x for k, x in v.items()
                                                            if k != "option"}))
            return _("{assumption} (by: {option})").format(assumption=inner, option=label)
        if code == "work-goes-on":
            return _("if your current work in the field goes on")
        if code == "no-field-work-ahead":
            return _("no work in the field goes on after {date}; it counts only while you "
                     "work with infants, young children and families").format(
                         date=self.day(v["as_of"]))
        if code == "field-work-ends-first":
            return _("your work in the field ends on {date}, before the {days} are "
                     "done").format(date=self.day(v["end"]),
                                    days=quantity(v["missing_days"], "days", self.language,
                                                  MORE))
        if code == "no-training-pace":
            return _("no specialized training in {recent} to set a pace").format(
                recent=self._recent(v))
        if code in ("training-pace", "rsc-pace", "rsc-pace-assumed", "no-rsc-pace"):
            return self._rate(v, code)
        if code == "training-pace-too-slow":
            return self.n_("{rate}, not within {months} month",
                           "{rate}, not within {months} months", v["horizon_months"]).format(
                               rate=self._rate(v, "training-pace"), months=v["horizon_months"])
        if code == "rsc-field-work-ends":
            return _("RS/C counts only while you work in the field, and your work in the field "
                     "ends on {date}").format(date=self.day(v["end"]))
        if code in ("rsc-pace-never", "rsc-pace-too-slow"):
            if v.get("span_months"):
                goal = _("{hours} within one {window}-month period over at least {span} "
                         "months").format(hours=self.quantity(v["hours"], "hours"),
                                          window=v["window_months"], span=v["span_months"])
            else:
                goal = _("{hours} within one {window}-month period").format(
                    hours=self.quantity(v["hours"], "hours"), window=v["window_months"])
            text = _("{rate}: that will not reach {goal}").format(rate=self._rate(v), goal=goal)
            if code == "rsc-pace-too-slow":
                text += _("; {hours} a month reaches it on {date}").format(
                    hours=self.quantity(v["least_per_month"], "hours"),
                    date=self.day(v["least_day"]))
            return text
        if code == "exam-scheduled":
            return _("the exam is scheduled for {date}: met then, if you pass").format(
                date=self.day(v["date"]))
        return code

    def note(self, said: Said) -> str:
        _ = self._
        v = said.values
        if said.code == "mentor-track-assumed":
            return _("your Mentor track is not set, so you are counted on the {track} track; if "
                     "yours is another, set it with {command}").format(
                         track=self.choice("mentor_track", v["track"]), command=EDIT)
        if said.code == "not-on-track":
            return _("not required on the {track} track").format(
                track=self.choice("mentor_track", v["track"]))
        if said.code == "rsc-period-short":
            return _("the hours are there, but your sessions from {first} to {last} stretch over "
                     "less than {months} months; a session on or after {reaches} completes the "
                     "period").format(first=self.day(v["first"]), last=self.day(v["last"]),
                                      months=v["span_months"], reaches=self.day(v["reaches"]))
        return said.code

    def reason(self, rec: Recommendation) -> str:
        _ = self._
        code, v = rec.why.code, rec.why.values
        status = (_("Every requirement is met.") if v["met"]
                  else _("Requirements met: {met} of {total}.").format(met=v["met_count"],
                                                                      total=v["total"]))
        missing = "; ".join(self.label(m) for m in v.get("missing", []))
        name = self.credential_name(v["id"], v["name"])
        pick = f"{name} ({v['id']})"
        focus = self.focus(v["focus"]) if v.get("focus") else ""
        if code == "focus-qualified":
            return _("You work in {focus} and meet every qualification for {credential}. "
                     "{status}").format(focus=focus, credential=pick, status=status)
        if code == "focus-below":
            other = f"{self.credential_name(v['focus_id'], v['focus_name'])} ({v['focus_id']})"
            return _("You work in {focus}, but do not yet meet the qualifications of {other}: "
                     "{missing}. {id} is the highest credential below it that you qualify for. "
                     "{status}").format(focus=focus, other=other, missing=missing, id=v["id"],
                                        status=status)
        if code == "focus-not-qualified":
            return _("You work in {focus}, the field of {credential}; you are not yet qualified "
                     "for it: {missing}.").format(focus=focus, credential=pick, missing=missing)
        unknown = (_("No credential in these rules is for your field of work ({focus}).").format(
            focus=focus) if v.get("focus_unknown") else
            _("Name your field of work with {command} for a closer fit.").format(command=EDIT))
        if code == "highest-qualified":
            return _("{credential} is the highest-level credential whose qualifications you "
                     "meet. {status} {unknown}").format(credential=pick, status=status,
                                                        unknown=unknown)
        return _("You do not yet meet the qualifications of any credential; {credential} is the "
                 "first level: {missing}. {unknown}").format(credential=pick, missing=missing,
                                                              unknown=unknown)

    def warning(self, w: PortfolioWarning) -> tuple[str, str]:
        """The message and the fix of a warning."""
        _ = self._
        v = w.values
        it = sentence(self.entry(w.entry) if w.entry else _("your portfolio"))
        code = w.code
        if code == "later-date":
            return (_("{entry}: dated after the as-of date {date}, so it is not counted "
                      "yet").format(entry=it, date=self.day(v["as_of"])),
                    _("nothing to do if the date is right; otherwise correct it with "
                      "{command}").format(command=EDIT))
        if code == "rsc-outside-field":
            return (_("{entry}: this session falls outside every period of work in the field, "
                      "so it does not count").format(entry=it),
                    _("check its date with {edit}, or add the job you held then with {command} "
                      "(work with infants, young children and families)").format(
                          edit=EDIT, command=command("work")))
        if code in ("rsc-hours-per-day", "training-hours-per-day"):
            message = (_("{entry}: {hours} of RS/C on {date}, more than {limit} in one day")
                       if code.startswith("rsc") else
                       _("{entry}: {hours} of training on {date}, more than {limit} in one day"))
            return (message.format(entry=it, hours=self.quantity(v["hours"], "hours"),
                                   date=self.day(v["date"]), limit=self.number(v["limit"])),
                    _("check the hours with {command}; if the entry sums up several days, log "
                      "each day apart").format(command=EDIT))
        if code == "duplicate-entry":
            section = w.entry.section if w.entry else ""
            other = (self._(NTH[section]).format(nth=self.ordinal(v["same_as"]))
                     if section in NTH else self.ordinal(v["same_as"]))
            return (_("{entry}: the same as {other}, listed twice").format(entry=it, other=other),
                    _("remove one of them with {command} if it was logged twice").format(
                        command=EDIT))
        if code == "duplicate-reference":
            return (_("{entry}: the same email as {other}, {nth}").format(
                        entry=it, other=v["other"],
                        nth=self._(NTH["reference"]).format(nth=self.ordinal(v["same_as"]))),
                    _("list each person once with {command}: every reference must be someone "
                      "different").format(command=EDIT))
        if code == "reference-is-applicant":
            problem = (_("this reference has your own email address") if v.get("by") == "email"
                       else _("this is you; a reference must be someone else"))
            return (f"{it}: {problem}",
                    _("ask a supervisor, your RS/C provider or a colleague instead, and change "
                      "the entry with {command}").format(command=EDIT))
        if code == "reference-stale":
            return (self.n_("{entry}: the rating was requested on {date}, more than {months} "
                            "month ago, and has not come in",
                            "{entry}: the rating was requested on {date}, more than {months} "
                            "months ago, and has not come in", v["months"]).format(
                                entry=it, date=self.day(v["date"]), months=v["months"]),
                    _("ask again, or ask someone else and mark this one declined with "
                      "{command}").format(command=EDIT))
        if code == "exam-date-past":
            return (_("The exam is still marked scheduled for {date}, a day already "
                      "past").format(date=self.day(v["date"])),
                    _("record the result, or the new date if it moved, with {command}").format(
                        command=command("exam")))
        if code == "training-no-areas":
            return (_("{entry}: it names no competency area, so it cannot support the "
                      "professional portfolio").format(entry=it),
                    _("add the areas it covered with {command}").format(command=EDIT))
        if code == "work-hours-per-week":
            others = [f'"{t}"' for t in v["others"]]
            if v.get("more_others"):
                others.append(self.n_("{count} other job", "{count} other jobs",
                                      v["more_others"]).format(count=v["more_others"]))
            assumed = (" " + _("({hours} a week assumed where a job does not give its "
                               "hours)").format(hours=self.quantity(v["assumed"], "hours"))
                       if v.get("assumed") else "")
            return (_("{entry}: from its first day it overlaps {others} for {hours} a week "
                      "together, more than {limit}{assumed}").format(
                          entry=it, others=listing(others, language=self.language),
                          hours=self.quantity(v["hours"], "hours"),
                          limit=self.number(v["limit"]), assumed=assumed),
                    _("check the first and last days with {command}, and give the hours a week "
                      "of part-time work").format(command=EDIT))
        return code, None  # type: ignore[return-value]

    def standing(self, req: RequirementResult) -> str:
        """What the applicant has against what is needed, e.g. ``20 of 24 hours``."""
        _ = self._
        d = req.details
        if not req.applies:
            return req.note or _("not required")
        if req.kind == "any":
            met = [o.label for o in req.options if o.met]
            return _("met by: {option}").format(option=met[0]) if met else \
                _("none of the options yet")
        if req.kind == "education":
            return _("{have} (needs {need})").format(have=self.degree(req.have),  # type: ignore[arg-type]
                                                    need=self.degree(req.need))  # type: ignore[arg-type]
        if req.kind == "exam":
            text = self.choice("status", str(req.have))
            date = getattr(d, "date", None)
            return f"{text}, {self.day(date)}" if date else text
        if req.unit in UNITS:
            text = self.quantity(req.have, req.unit)
        else:
            text = f"{self.number(req.have)} {req.unit}"
        if req.kind == "experience":
            text += ", " + self.quantity(d.days, "days")  # type: ignore[attr-defined]
            if d.counted_after:  # type: ignore[attr-defined]
                text += " " + _("after {date}").format(date=self.day(d.counted_after))  # type: ignore[attr-defined]
        elif req.kind == "references":
            text += ", " + self.n_("{count} received", "{count} received",
                                   d.received).format(count=d.received)  # type: ignore[attr-defined]
        elif req.kind == "supervision" and d.first_session:  # type: ignore[attr-defined]
            text += ", " + _("sessions {first} to {last}").format(
                first=self.day(d.first_session), last=self.day(d.last_session))  # type: ignore[attr-defined]
        text += " " + _("(needs {need})").format(need=self.number(req.need))
        if req.kind == "references" and d.not_counted:  # type: ignore[attr-defined]
            text += "; " + _("not counted: {names}").format(names=", ".join(
                f"{n.name} ({_(NOT_COUNTED.get(n.why, n.why))})" for n in d.not_counted))  # type: ignore[attr-defined]
        if req.kind == "supervision" and d.hours_outside_field_work:  # type: ignore[attr-defined]
            text += "; " + _("{hours} not counted: outside work in the field").format(
                hours=self.quantity(d.hours_outside_field_work, "hours"))  # type: ignore[attr-defined]
        return text

    # -- a whole result --------------------------------------------------------------------

    def requirement(self, req: RequirementResult, rules_req: Any = None) -> RequirementResult:
        options = tuple(self.requirement(o, _option(rules_req, o.id)) for o in req.options)
        req = replace(req, options=options,
                      label=rules_req.label if rules_req is not None else self.label(req.label))
        wording = getattr(rules_req, "next_step", None)
        words: dict[str, Any] = {}
        if req.step and not req.met:
            words["next_step"] = self.next_step(req, req.step, wording,
                                                getattr(rules_req, "rule", ""))
        if req.noted:
            words["note"] = self.note(req.noted)
        if req.assumed:
            words["assumption"] = self.assumption(req.assumed, options)
        if req.kind == "education" and hasattr(req.details, "have_label"):
            words["details"] = replace(
                req.details, have_label=self.degree(req.have) if req.have else None,
                need_label=self.degree(req.need))
        if words:
            for key in ("next_step", "note", "assumption"):
                if key in words:
                    words[key] = self.named(words[key])
            req = replace(req, **words)
        return replace(req, standing=self.standing(req)) if self.with_standing else req

    def waiting(self, w: Waiting) -> Waiting:
        """A wait of ``engine.ready`` in words: its "ready once" clause and its step."""
        from ..engine.ready import ONCE, STEP, situation

        v = w.values
        once = ONCE[w.code]
        if isinstance(once, tuple):
            once = self.n_(*once, v["count"]).format(count=v["count"])
        else:
            once = self._(once)
        fields = {"command": EDIT, "count": v.get("count"),
                  "planned": listing(v.get("planned", ()), language=self.language),
                  "requested": listing(v.get("requested", ()), language=self.language),
                  "date": self.day(v["date"]) if v.get("date") else "",
                  "as_of": self.day(v["as_of"]) if v.get("as_of") else ""}
        step = self._(STEP[situation(w)]).format_map(fields)
        return replace(w, once=once, step=self.named(step))

    def credential(self, result: CredentialResult) -> CredentialResult:
        spec = self.rules.get(result.id)
        by_id = {r.id: r for r in spec.requirement} if spec else {}
        return replace(result, name=spec.name if spec else result.name, requirements=tuple(
            self.requirement(r, by_id.get(r.id)) for r in result.requirements),
            waiting_on=tuple(self.waiting(w) for w in result.waiting_on))

    def assessment(self, assessment: Assessment) -> Assessment:
        """Every code in words. An assessment already in English words is worded again in
        another language: every sentence is made from its codes and ids, never from words."""
        if assessment.worded and self.language.english:
            return assessment
        named = self.named
        warnings = self.warnings(assessment, assessment.warnings)
        rec = assessment.recommended
        return replace(
            assessment, worded=True, warnings=warnings,
            credentials=tuple(self.credential(c) for c in assessment.credentials),
            recommended=replace(rec, reason=named(self.reason(rec)),
                                next_up_needs=tuple(self.label(n) for n in rec.next_up_needs)))

    def warnings(self, assessment: Assessment,
                 which: Iterable[PortfolioWarning]) -> tuple[PortfolioWarning, ...]:
        """The warnings ``which`` (of ``assessment``) in words: only those are worded."""
        self.file = assessment.file
        self.rules_option = assessment.rules_option
        named = self.named
        worded = []
        for w in which:
            message, fix = self.warning(w)
            worded.append(replace(w, message=named(message), fix=fix and named(fix)))
        return tuple(worded)

    #: The portfolio the words are about; commands in them name it unless it is the default.
    file: str | None = None
    #: The rules as the reader named them; commands in the words repeat them.
    rules_option: str | None = None

    def named(self, text: str) -> str:
        """``text`` with every command in it (`endorse interview --section work`, `endorse
        edit`, `endorse add training`) naming the portfolio, so that running it as shown acts
        on this portfolio: `endorse interview my-file.toml --section work`. The default
        portfolio (./portfolio.toml) needs no name, and a portfolio read from standard input
        has none to give."""
        return name_commands(text, self.file, self.rules_option)


def name_commands(text: str, file: str | None, rules: str | None = None) -> str:
    """``text`` with every command in it naming ``file`` (see :meth:`Words.named`), and the
    rules ``rules`` as the reader named them (``--rules imh-e-2025``), so that a command shown
    runs under the rules that asked for it: under a pack, `endorse add reference` asks what the
    pack counts only when it is told the pack."""
    if not file or file in (DEFAULT_PORTFOLIO, STDIN_NAME):
        file = None
    if (not file and not rules) or "`endorse " not in text:
        return text
    import shlex

    file_part = f" {shlex.quote(file)}" if file else ""

    def name(m: re.Match[str]) -> str:
        rest = m[2]
        if file_part and (rest == file_part or rest.startswith(f"{file_part} ")):
            rest = rest[len(file_part):]  # named already (a sentence made of named sentences)
        rules_part = f" --rules {shlex.quote(rules)}" if rules and "--rules" not in rest else ""
        return f"`endorse {m[1]}{file_part}{rules_part}{rest}`"

    return _COMMAND.sub(name, text)


#: Entries dated after the as-of date, many of one section said once.
LATER = {
    "supervision": Nn_("{count} RS/C session, {span}, is dated after the as-of date {date}, so "
                       "it is not counted yet",
                       "{count} RS/C sessions, {span}, are dated after the as-of date {date}, "
                       "so they are not counted yet"),
    "training": Nn_("{count} training, {span}, is dated after the as-of date {date}, so it is "
                    "not counted yet",
                    "{count} trainings, {span}, are dated after the as-of date {date}, so they "
                    "are not counted yet"),
    "": Nn_("{count} entry, {span}, is dated after the as-of date {date}, so it is not counted "
            "yet",
            "{count} entries, {span}, are dated after the as-of date {date}, so they are not "
            "counted yet"),
}

#: Warnings that are said once for many entries (the same cause and the same fix), and how
#: many entries make "many".
GROUPED = ("rsc-outside-field", "training-no-areas", "later-date")
MANY = 3


def grouped(warnings: Iterable[PortfolioWarning], language: Language = ENGLISH,
            file: str | None = None, rules: str | None = None) -> list[PortfolioWarning]:
    """``warnings`` (in words) as people read them: a cause that applies to many entries of a
    section is said once, with the count and the span of their dates, in place of the first
    of them; every other warning as it is. (JSON keeps one warning per entry.)"""
    warnings = list(warnings)
    groups: dict[tuple[str, str], list[PortfolioWarning]] = {}
    for w in warnings:
        if w.code in GROUPED and w.entry is not None:
            groups.setdefault((w.code, w.entry.section), []).append(w)
    out = []
    for w in warnings:
        group = groups.get((w.code, w.entry.section)) if w.entry is not None else None
        if group is None or len(group) < MANY:
            out.append(w)
        elif w is group[0]:
            message, fix = _group_message(group, language)
            out.append(replace(w, message=message, fix=name_commands(fix, file, rules), line=None))
    return out


def _group_message(group: list[PortfolioWarning], language: Language) -> tuple[str, str]:
    """The sentence and the fix of a cause that applies to every entry of ``group``."""
    days = sorted(w.entry.date for w in group if w.entry is not None and w.entry.date)
    span = _span(language, days[0], days[-1]) if days else ""
    n, code = len(group), group[0].code
    count = language.number(n)
    _ = language.gettext
    if code == "rsc-outside-field":
        return (language.ngettext(
            "{count} RS/C session, {span}, falls outside every period of work in the field, so "
            "it does not count",
            "{count} RS/C sessions, {span}, fall outside every period of work in the field, so "
            "they do not count", n).format(count=count, span=span),
            _("check their dates with {edit}, or add the job you held then with {command} "
              "(work with infants, young children and families)").format(
                  edit=EDIT, command=command("work")))
    if code == "training-no-areas":
        return (language.ngettext(
            "{count} training, {span}, names no competency area, so it cannot support the "
            "professional portfolio",
            "{count} trainings, {span}, name no competency area, so they cannot support the "
            "professional portfolio", n).format(count=count, span=span),
            _("add the areas each covered with {command}").format(command=EDIT))
    section = group[0].entry.section if group[0].entry else ""
    forms = LATER.get(section, LATER[""])
    return (language.ngettext(*forms, n).format(count=count, span=span,
                                                date=language.day(group[0].values["as_of"])),
        _("nothing to do if the dates are right; otherwise correct them with {command}").format(
            command=EDIT))


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


def word(assessment: Assessment, rules: Rules, language: Language = ENGLISH, *,
         standing: bool = True) -> Assessment:
    """``assessment`` with every code put into words, by ``rules`` and the tool, in
    ``language`` (the rules file's own words where it has none in that language).
    ``standing=False`` leaves out what only people read ("20 of 24 hours"), for JSON."""
    return Words(rules, language, standing=standing).assessment(assessment)


# == Rules packs and renewal ==============================================================
# The words of format 2's placeholders (topics, providers, ages, roles, jobs, entries...)
# and of `endorse renew` / `endorse check --renewal`, kept together here.

#: The placeholders of rules packs that :func:`pack_field` words.
PACK_FIELDS = ("topics", "providers", "roles", "ages", "jobs", "entries", "year", "due",
               "days_left")

#: Why a job is not counted by a requirement, in a few words.
WHY_NOT_COUNTED = {
    "unpaid": N_("unpaid"),
    "not-supervised": N_("no supervisor named"),
    "role": N_("not marked with the kind of work asked for"),
    "ages": N_("ages of the children not given as asked"),
    "internship-supervisor": N_("the internship supervisor's endorsement is not one that "
                                "counts"),
    "no-count": N_("the number of families not given"),
}


def _second_person(text: str, language: Language = ENGLISH) -> str:
    """The questionnaire's "My RS/C provider" said to the applicant: "your RS/C provider"."""
    mine = language.pgettext("the applicant's own, as the questionnaire says it", "my")
    yours = language.pgettext("the applicant's own, said to the applicant", "your")
    text = re.sub(rf"\b{re.escape(mine)}\b", yours, _lower(text), flags=re.IGNORECASE)
    return re.sub(r"\bI\b", "you", text) if language.english else text


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _bare(text: str) -> str:
    """Words without their example: "Giving RS/C (e.g. ...)" is "Giving RS/C"."""
    return re.sub(r"\s*(\(.*\)|, e\.g\..*|, p\. ej\..*)$", "", text)


def _ages(text: str) -> str:
    """"Infants and toddlers, ... and their families" in a sentence: "infants and toddlers"."""
    return _lower(re.sub(r"(,| and their families| y sus familias).*$", "", text))


def endorsement(words: Words, code: str) -> str:
    """``IMHM-C`` as the rules file names it: "Infant Mental Health Mentor - Clinical"."""
    if code == "vetted":
        return words._("vetted by the association")
    info = words.rules.endorsements.get(code)
    return f"{info.label} ({code})" if info else code


def _job(words: Words, job: dict[str, Any]) -> str:
    """"your 2nd job, Home visitor (unpaid)"."""
    nth = NTH["work"]  # (a name, not the key, inside _(): the catalog has the words)
    text = words._(nth).format(nth=words.ordinal(job["number"])) + f", {job['title']}"
    if job.get("why"):
        why = WHY_NOT_COUNTED.get(job["why"])
        text += f" ({words._(why) if why else job['why']})"
    return text


def _session(words: Words, e: dict[str, Any]) -> str:
    """"your 25th RS/C session, 2025-07-23, Dana Lee"."""
    nth = NTH["supervision"]
    return (words._(nth).format(nth=words.ordinal(e["number"]))
            + f", {words.day(e['date'])}, {e['title']}")


def _by_provider(entries: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """RS/C sessions by provider and the endorsement given, in the order first met: one
    cause, said once."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for e in entries:
        groups.setdefault((provider_key(e["title"]), e.get("credential") or ""), []).append(e)
    return list(groups.values())


def provider_key(name: str) -> str:
    """A provider's name as compared: without regard to case or spaces (``endorse edit
    --provider`` picks sessions by it too)."""
    return " ".join(name.split()).casefold()


def _span(language: Language, first: Any, last: Any) -> str:
    """``March 2024 to September 2026``; one month by its day(s)."""
    _ = language.gettext
    if (first.year, first.month) == (last.year, last.month):
        return (language.day(first) if first == last else _("{first} to {last}").format(
            first=language.day(first), last=language.day(last)))
    return _("{first} to {last}").format(first=language.month_year(first),
                                         last=language.month_year(last))


def _sessions(words: Words, group: list[dict[str, Any]]) -> str:
    """One provider's sessions that do not count, once: "31 RS/C sessions with Dr. Ana Ortiz,
    March 2024 to September 2026 (no endorsement given)"; one session by its number."""
    _ = words._
    e = group[0]
    why = (_("(given as '{credential}', which is not one of them)").format(
        credential=e["credential"]) if e.get("credential") else _("(no endorsement given)"))
    if len(group) == 1:
        return f"{_session(words, e)} {why}"
    days = sorted(x["date"] for x in group)
    return words.n_("{count} RS/C session with {provider}, {span} {why}",
                    "{count} RS/C sessions with {provider}, {span} {why}", len(group)).format(
        count=words.number(len(group)), provider=e["title"], span=_span(words.language, days[0], days[-1]),
        why=why)


def _edit_providers(words: Words, entries: list[dict[str, Any]]) -> str:
    """The command that gives a provider's endorsement once for all their sessions, one for
    each provider: "`endorse edit --provider 'Dr. Ana Ortiz'`"."""
    import shlex

    names: dict[str, str] = {}
    for e in entries:
        names.setdefault(provider_key(e["title"]), e["title"])
    return listing((f"`endorse edit --provider {shlex.quote(n)}`" for n in names.values()),
                   words._("or"), words.language)


def pack_field(words: Words, key: str, value: Any) -> str:
    """The words of a next-step placeholder that rules packs use, in ``words``' language."""
    _, language = words._, words.language
    if key == "topics":  # {"dei": 1}: "1 hour on diversity, equity and inclusion"
        return listing((_("{hours} on {topic}").format(
            hours=words.quantity(hours, "hours"), topic=_lower(words.choice("topic", topic)))
            for topic, hours in value.items()), language=language)
    if key == "providers":
        return listing((endorsement(words, c) for c in value), _("or"), language)
    if key == "ages":
        return listing((_ages(words.choice("ages", a)) for a in value), _("or"), language)
    if key == "roles":
        if isinstance(value, dict):  # what a work filter asks
            said = [w for w, on in ((_("paid"), value.get("paid")),
                                    (_("supervised"), value.get("supervised"))) if on]
            said += [_lower(_bare(words.choice("work_role", r))) for r in value["roles"]]
            text = listing(said, language=language) or _("in the field")
            if value.get("ages"):
                text = _("{work} with {ages}").format(work=text, ages=listing(
                    (_ages(words.choice("ages", a)) for a in value["ages"]), _("or"), language))
            return text
        return listing((_second_person(words.choice("role", r), language) for r in value),
                       language=language)
    if key == "jobs":
        return listing((_job(words, job) for job in value), language=language)
    if key == "entries":
        return listing((_sessions(words, group) for group in _by_provider(value)),
                       language=language)
    if key == "due":
        return words.day(value)
    if key == "year":  # a year is a name, never grouped: 2026, not 2.026
        return str(value)
    return words.number(value)


# -- renewal: the words of `endorse renew` and `endorse check --renewal` ---------------------


def _date(value: object) -> object:
    """A day the engine gives as ``YYYY-MM-DD`` text, as a date (anything else as it is)."""
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(value)
    return value


class RenewalWords(Words):
    """The words of a renewal report, in the reader's language: each year's status, what is
    missing, and by when."""

    def endorsement_name(self, e: Any) -> str:
        if e.credential is None:
            return f"'{e.written}'"
        info = self.rules.endorsements.get(e.credential)
        return f"{info.label} ({e.credential})" if info else e.credential

    def days_left(self, count: int) -> str:
        return self.n_("{count} day left", "{count} days left", count).format(
            count=self.number(count))

    def endorsement_summary(self, e: Any) -> str:
        _ = self._
        if e.status == "unknown":
            if e.credential is None:
                return self.named(_(
                    "your {nth} endorsement, '{written}', is not an Endorsement® these rules "
                    "know; correct its name with {command}").format(
                        nth=self.ordinal(e.number), written=e.written, command=EDIT))
            return self.named(_(
                "your {nth} endorsement is dated {date}, after the as-of date; correct the "
                "date with {command}").format(nth=self.ordinal(e.number),
                                              date=self.day(e.endorsed), command=EDIT))
        if e.status == "lapsed":
            return _("lapsed on {date}: a renewal was not completed in time; ask your "
                     "association how to reinstate it").format(date=self.day(e.lapsed_on))
        left = self.days_left(e.days_left)
        if e.status == "late":
            return _("renewal overdue: complete it by {date}, the end of the late period "
                     "({left})").format(date=self.day(e.due), left=left)
        if e.status == "due":
            return _("renewal due {date} ({left})").format(date=self.day(e.due), left=left)
        return _("current; the next renewal is due {date} ({left})").format(
            date=self.day(e.due), left=left)

    def year_summary(self, y: Any) -> str:
        _ = self._
        if y.status == "endorsed":
            return _("endorsed this year: only membership is asked")
        if y.status == "renewed":
            return _("renewed")
        if y.status == "met":
            return _("every minimum met")
        if y.status == "due":
            return _("due {date}").format(date=self.day(y.due))
        if y.status == "late":
            return _("late: complete it by {date}").format(date=self.day(y.late_until))
        return _("lapsed")

    @staticmethod
    def status_words(language: Language = ENGLISH) -> dict[str, str]:
        """Each renewal status of a coordinator's row in a word or two."""
        pgettext = language.pgettext
        return {"current": pgettext("renewal status", "current"),
                "due": pgettext("renewal status", "due"),
                "late": pgettext("renewal status", "late"),
                "lapsed": pgettext("renewal status", "lapsed"),
                "unknown": pgettext("renewal status", "unknown"),
                "invalid": pgettext("renewal status", "invalid"),
                "not endorsed": pgettext("renewal status", "not endorsed")}

    def renewal_standing(self, req: RequirementResult) -> str:
        _ = self._
        d = req.details
        if not req.applies:
            return _("not checked: a year already closed")
        if req.kind == "membership":
            need = self.day(_date(req.need))
            return (_("runs to {date} (needs {need})").format(date=self.day(_date(req.have)),
                                                             need=need) if req.have
                    else _("no end date given (needs {need})").format(need=need))
        text = self.quantity(req.have, "hours") + " " + _("(needs {need})").format(
            need=self.number(req.need))
        by_topic = getattr(d, "by_topic", None)
        if by_topic and req.step is not None:
            for topic, hours in (req.step.values.get("topics") or {}).items():
                text += (f"; {_lower(self.choice('topic', topic))}: "
                         f"{self.quantity(by_topic.get(topic, 0), 'hours')}")
        if getattr(d, "not_counted_hours", 0):
            sessions = listing((_session(self, e) for e in d.not_counted),
                               language=self.language)
            text += "; " + _("{hours} not counted ({sessions}): the provider's endorsement is "
                             "not one that counts").format(
                                 hours=self.quantity(d.not_counted_hours, "hours"),
                                 sessions=sessions)
        return text

    def short_missing(self, req: RequirementResult) -> str:
        """What a year still misses, in a few words for a coordinator's row."""
        _ = self._
        if req.kind == "membership":
            return _("membership to {date}").format(date=self.day(_date(req.need)))
        values = req.step.values if req.step else {}
        missing = values.get("missing", 0)
        text = (self.n_("{count} more hour of training", "{count} more hours of training",
                        missing) if req.kind == "training" else
                self.n_("{count} more hour of RS/C", "{count} more hours of RS/C", missing)
                ).format(count=self.number(missing))
        if values.get("topics"):
            text += " " + _("(at least {topics})").format(
                topics=pack_field(self, "topics", values["topics"]))
        if values.get("year"):
            text += " " + _("for {year}").format(year=values["year"])
        return text

    def renewal_spec(self, req: RequirementResult, code: str | None) -> Any:
        """The renewal requirement ``req`` was judged by, for a holder of ``code``, in the
        reader's language (the ids of renewal requirements repeat, one for each group of
        endorsements)."""
        renewal = self.rules.renewal
        return next((r for r in (renewal.requirement if renewal else ())
                     if r.id == req.id and (r.credentials is None or code in r.credentials)),
                    None)

    def renewal_requirement(self, req: RequirementResult,
                            code: str | None = None) -> RequirementResult:
        spec = self.renewal_spec(req, code)
        return replace(
            req, label=spec.label if spec else req.label, standing=self.renewal_standing(req),
            next_step=self.named(self.next_step(req, req.step,
                                                spec.next_step if spec else None))
            if req.step and not req.met else None)

    def renewal(self, report: Any, file: str | None = None) -> Any:
        """``report`` in words; the commands in them name ``file`` (unless it is the default
        portfolio), as the next steps of `endorse gaps` do."""
        self.file = file
        out = []
        for e in report.endorsements:
            years = tuple(replace(y, summary=self.year_summary(y), requirements=tuple(
                self.renewal_requirement(r, e.credential) for r in y.requirements))
                for y in e.years)
            out.append(replace(
                e, name=self.endorsement_name(e), summary=self.endorsement_summary(e),
                years=years, missing_now=tuple(self.renewal_requirement(r, e.credential)
                                               for r in e.missing_now)))
        return replace(report, endorsements=tuple(out), rules_name=self.rules.name)


def word_renewal(report: Any, rules: Rules, language: Language = ENGLISH,
                 file: str | None = None) -> Any:
    """A renewal report with every code put into words, in ``language``; its commands name
    ``file``."""
    return RenewalWords(rules, language).renewal(report, file)
