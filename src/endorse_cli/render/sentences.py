"""The tool's own sentences, in one place: every code the engine says becomes words here.

The engine speaks in codes with values (:class:`~endorse_cli.model.results.Said`, warnings'
``code``); :func:`word` fills the words of a whole assessment once, and every renderer (text,
Markdown, JSON, the bundle, the questionnaire) shows those words. Two sources of words meet
here: the association's, from the rules file (labels, next steps, degree names, the words
for the format's values, in the reader's language when the file has it: ``[i18n.es]``) and
the tool's, translated by the gettext catalogs (``_`` and ``n_`` mark them for ``pybabel
extract``). The tool's words for one requirement kind (its standing, what its forecast and
notes say, its unit) are that kind's, in its module of ``engine/kinds/``, and those of a
warning are its check's (``engine/redflags.py``, ``engine/facts.py``): :class:`Words` finds
them by the kind's tag and the warning's code, and hands them itself (a
:class:`~endorse_cli.model.wording.Wording`) to say their values. What is here is what they
share: the language, numbers, days, entries, the association's words, the filling of next
steps and the commands in sentences. Each sentence names the command that fixes it, and an
entry by its number counted from 1 and its name and date, never by a key path.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

from msgspec.structs import replace

from ..i18n import ENGLISH, Language, N_
from ..model.results import (Assessment, CredentialResult, Entry, PortfolioWarning, Recommendation,
                             RequirementResult, Said, Waiting)
from ..model.places import NOUNS, NTH, ONE, ordinal  # noqa: F401 - from here too
from ..model.files import DEFAULT_PORTFOLIO, STDIN_NAME
from ..model.rules import Rules
from ..model.texts import localized

EDIT = "`endorse edit`"
#: A command in a sentence that acts on one portfolio: its name (and section), then the rest.
_COMMAND = re.compile(
    r"`endorse (interview|edit|add [a-z]+|gaps|assess|renew|bundle)((?: [^`]*)?)`")


def command(section: str | None) -> str:
    """The command that adds an entry to ``section``."""
    return f"`endorse interview --section {section}`" if section else EDIT


def number(value: object, language: Language = ENGLISH) -> str:
    return language.number(value)


def quantity(count: object, unit: str, language: Language = ENGLISH, *,
             more: bool = False) -> str:
    """``1 hour``, ``5.5 hours``, ``1 family``: the unit in the singular for exactly one, in
    the forms of the kind that counts in it; with ``more``, ``5.5 more hours``. A unit no kind
    counts in is a fault, said loudly."""
    from ..engine.kinds import unit as unit_named

    found = unit_named(unit)
    if found is None:
        raise LookupError(f"no kind counts in the unit {unit!r}")
    singular, plural = found.more if more else found.count
    return language.ngettext(singular, plural, count).format(  # type: ignore[arg-type]
        count=number(count, language))


def counts_in(unit: str | None) -> bool:
    """Whether some kind counts in ``unit`` (``hours``), so that :func:`quantity` says it."""
    from ..engine.kinds import unit as unit_named

    return bool(unit) and unit_named(unit) is not None  # type: ignore[arg-type]


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


class Speech:
    """The tool's words in one language: what a warning said once for many entries is made
    with (a :class:`~endorse_cli.model.wording.Wording` without a rules file's words)."""

    def __init__(self, language: Language = ENGLISH) -> None:
        self.language = language
        self._ = language.gettext
        self.n_ = language.ngettext
        #: The requirements worded so far in this assessment (see :meth:`requirement`).
        self._worded: dict[tuple, Any] = {}

    def number(self, value: object) -> str:
        return self.language.number(value)

    def day(self, value: object) -> str:
        return self.language.day(value)

    def quantity(self, count: object, unit: str, *, more: bool = False) -> str:
        return quantity(count, unit, self.language, more=more)

    def ordinal(self, n: int) -> str:
        return ordinal(n, self.language)

    def nth(self, section: str, n: int) -> str:
        """"your 2nd RS/C session"."""
        return self._(NTH[section]).format(nth=self.ordinal(n)) if section in NTH \
            else self.ordinal(n)

    def listing(self, items: Iterable[str], last: str | None = None) -> str:
        return listing(items, last, self.language)

    @staticmethod
    def command(section: str | None = None) -> str:
        return command(section)


class Words(Speech):
    """The words of one rules file in one language: the association's (the rules file's text
    in that language, else its own) and the tool's (the gettext catalog, here and in each
    kind's and warning's own sentences, which are handed this object)."""

    def __init__(self, rules: Rules, language: Language = ENGLISH, *,
                 standing: bool = True) -> None:
        super().__init__(language)
        self.source = rules
        #: Whether to word each requirement's standing too, for people (JSON has none).
        self.with_standing = standing
        self.rules = rules if language.english else localized(rules, language.code)

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
                fields[key] = quantity(value["count"], value["unit"], self.language, more=True)
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

    # -- the tool's words: each kind's own, found by its tag ----------------------------------

    def pack_field(self, key: str, value: Any) -> str:
        return pack_field(self, key, value)

    def session(self, entry: dict[str, Any]) -> str:
        return _session(self, entry)

    def against(self, req: RequirementResult, middle: str = "", tail: str = "") -> str:
        """What is had in the kind's unit, ``middle``, what is needed, ``tail``: "20 hours,
        sessions 2025-01-02 to 2025-06-01 (needs 24)"."""
        return (self.quantity(req.have, req.unit) + middle + " "  # type: ignore[arg-type]
                + self._("(needs {need})").format(need=self.number(req.need)) + tail)

    def assumption(self, said: Said, req: RequirementResult | None) -> str:
        """What a forecast of ``req`` went by, in its kind's words."""
        from ..engine.kinds import kind_named, sentence_of

        kind = kind_named(req.kind) if req is not None else None
        if kind is not None and kind.assumption is not None:
            return kind.assumption(self, said, req)  # type: ignore[arg-type]
        return sentence_of(kind, said.code)(self, said.values)

    def note(self, said: Said, req: RequirementResult) -> str:
        from ..engine.kinds import kind_named, sentence_of

        return sentence_of(kind_named(req.kind), said.code)(self, said.values)

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
        """The message and the fix of a warning, in its check's words."""
        from ..engine.entries import flag_named

        spec = flag_named(w.code)
        it = sentence(self.entry(w.entry) if w.entry else self._("your portfolio"))
        return spec.message(self, w, it), spec.fix(self, w)

    def standing(self, req: RequirementResult) -> str:
        """What the applicant has against what is needed, e.g. ``20 of 24 hours``, in the
        words of its kind."""
        from ..engine.kinds import kind_named

        if not req.applies:
            return req.note or self._("not required")
        kind = kind_named(req.kind)
        return kind.standing(self, req) if kind.standing is not None else self.against(req)

    # -- a whole result --------------------------------------------------------------------

    def requirement(self, req: RequirementResult, rules_req: Any = None) -> RequirementResult:
        # A requirement several credentials ask alike is one result (engine.judge): worded
        # once an assessment.
        key = (id(req), getattr(rules_req, "label", None), getattr(rules_req, "next_step", None),
               getattr(rules_req, "rule", None))
        worded = self._worded.get(key)
        if worded is None:
            worded = self._worded[key] = self._requirement(req, rules_req)
        return worded

    def _requirement(self, req: RequirementResult, rules_req: Any = None) -> RequirementResult:
        label = rules_req.label if rules_req is not None else self.label(req.label)
        if req.options or label != req.label:
            req = replace(req, label=label, options=tuple(
                self.requirement(o, _option(rules_req, o.id)) for o in req.options))
        wording = getattr(rules_req, "next_step", None)
        words: dict[str, Any] = {}
        if req.step and not req.met:
            words["next_step"] = self.next_step(req, req.step, wording,
                                                getattr(rules_req, "rule", ""))
        if req.noted:
            words["note"] = self.note(req.noted, req)
        if req.assumed:
            words["assumption"] = self.assumption(req.assumed, req)
        from ..engine.kinds import kind_named

        details = kind_named(req.kind).details
        if details is not None and (worded := details(self, req)) is not req.details:
            words["details"] = worded
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
            waiting_on=tuple(self._waiting_once(w) for w in result.waiting_on))

    def _waiting_once(self, w: Waiting) -> Waiting:
        """:meth:`waiting`, once an assessment for a wait several credentials share."""
        worded = self._worded.get(("wait", id(w)))
        if worded is None:
            worded = self._worded["wait", id(w)] = self.waiting(w)
        return worded

    def assessment(self, assessment: Assessment) -> Assessment:
        """Every code in words. An assessment already in English words is worded again in
        another language: every sentence is made from its codes and ids, never from words."""
        if assessment.worded and self.language.english:
            return assessment
        self._worded = {}
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


@functools.lru_cache(maxsize=64)
def _quoted(file: str) -> str:
    """``file`` as a shell reads it (worked out once for the many sentences naming it)."""
    import shlex

    return shlex.quote(file)


def name_commands(text: str, file: str | None, rules: str | None = None) -> str:
    """``text`` with every command in it naming ``file`` (see :meth:`Words.named`), and the
    rules ``rules`` as the reader named them (``--rules imh-e-2025``), so that a command shown
    runs under the rules that asked for it: under a pack, `endorse add reference` asks what the
    pack counts only when it is told the pack."""
    if not file or file in (DEFAULT_PORTFOLIO, STDIN_NAME):
        file = None
    if (not file and not rules) or "`endorse " not in text:
        return text
    file_part = f" {_quoted(file)}" if file else ""

    def name(m: re.Match[str]) -> str:
        rest = m[2]
        if file_part and (rest == file_part or rest.startswith(f"{file_part} ")):
            rest = rest[len(file_part):]  # named already (a sentence made of named sentences)
        rules_part = f" --rules {_quoted(rules)}" if rules and "--rules" not in rest else ""
        return f"`endorse {m[1]}{file_part}{rules_part}{rest}`"

    return _COMMAND.sub(name, text)


#: How many entries make "many": a cause that applies to as many is said once (the warnings
#: whose check words that: their flag's ``many``).
MANY = 3


def grouped(warnings: Iterable[PortfolioWarning], language: Language = ENGLISH,
            file: str | None = None, rules: str | None = None) -> list[PortfolioWarning]:
    """``warnings`` (in words) as people read them: a cause that applies to many entries of a
    section is said once, with the count and the span of their dates, in place of the first
    of them; every other warning as it is. (JSON keeps one warning per entry.)"""
    from ..engine.entries import flag_named

    warnings = list(warnings)
    groups: dict[tuple[str, str], list[PortfolioWarning]] = {}
    for w in warnings:
        if w.entry is not None and flag_named(w.code).many is not None:
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
    """The sentence and the fix of a cause that applies to every entry of ``group``, in the
    words of its check."""
    from ..engine.entries import flag_named

    days = sorted(w.entry.date for w in group if w.entry is not None and w.entry.date)
    span = _span(language, days[0], days[-1]) if days else ""
    many = flag_named(group[0].code).many
    assert many is not None
    return many(Speech(language), group, span)


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
        """A renewal year's standing of ``req``, in its kind's words."""
        from ..engine.kinds import kind_named

        if not req.applies:
            return self._("not checked: a year already closed")
        said = kind_named(req.kind).renewal_standing
        return said(self, req) if said is not None else self.against(req)

    def short_missing(self, req: RequirementResult) -> str:
        """What a year still misses, in a few words for a coordinator's row."""
        from ..engine.kinds import kind_named

        said = kind_named(req.kind).short_missing
        if said is None:
            raise LookupError(f"no words for what a renewal year misses of {req.kind!r}")
        return said(self, req)

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
