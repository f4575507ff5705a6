"""`endorse init`, `interview` and `edit`: the questionnaire, saving after every entry.

Each completed entry is saved at once (see :mod:`..io.document`), so Ctrl-C or a crash loses
at most the entry being typed; the message then says how many were saved.
"""

from __future__ import annotations

import datetime as dt
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..api import Judged, judge_loaded
from ..errors import EndorseError, PortfolioError, UsageError
from ..i18n import ENGLISH, N_, Language
from ..io.document import PortfolioDocument, write_atomically
from ..io.rules_file import load_rules
from ..model.results import RequirementResult
from ..render.terminal import Terminal
from .ask import Asker, Interrupted, require_terminal
from .fields import (ADD_FIRST, ADD_MORE, ASKED_WHEN, REMOVE_THIS, SECTIONS, Field, Offered,
                     applies, asked, asked_in_force, choice_words, fix_for, labels,
                     section_named, summary)

#: The order the interview walks the sections in (`add` takes these and HELD).
from .fields import ORDER  # noqa: E402 - the one list of sections
TITLES = {"applicant": N_("About you"), "education": N_("Education"),
          "work": N_("Work history"), "training": N_("Training"),
          "supervision": N_("Reflective supervision/consultation (RS/C)"),
          "reference": N_("References"), "exam": N_("Exam"),
          "license": N_("Licenses"), "endorsement": N_("Endorsements you hold")}
#: Sections the rules packs read, edited when the portfolio has them (added with `endorse add`).
from ..model.sections import HELD  # noqa: E402
#: The requirement kind each section feeds, for the progress line.
FEEDS = {"education": "education", "work": "experience", "training": "training",
         "supervision": "supervision", "reference": "references", "exam": "exam"}
SCHEMA_NAME = "portfolio.schema.json"


def _plain(table: Any) -> dict[str, Any]:
    return table.unwrap() if hasattr(table, "unwrap") else dict(table)


class Session:
    """One run of the questionnaire on one file."""

    def __init__(self, term: Terminal, path: Path, rules_file: Path | None) -> None:
        self.term = term
        self.path = path
        self.rules = load_rules(rules_file).value
        self.rules_option = str(rules_file) if rules_file else None
        #: The questions of rules packs that these rules read (none under the default rules).
        self.in_force = asked_in_force(self.rules)
        self.today = dt.date.today()
        #: The reader's language: the terminal's (see :class:`..app.context.Application`).
        self.language = language = term.language
        self._ = language.gettext
        self.n_ = language.ngettext
        self.ask = Asker(self.today, labels(self.rules, language), portfolio=path,
                         language=language)
        self.doc: PortfolioDocument | None = None
        self.saved = 0
        self.typing = False  # an entry is half answered
        #: The section and the answers of the entry being typed, shown if it is stopped.
        self.partial: tuple[str, dict[str, Any]] | None = None
        #: The question being answered when it was stopped, and what was typed at it.
        self.half: tuple[Field, str] | None = None
        #: The one section asked for (`interview --section`): going on names it again.
        self.walking: str | None = None

    def say(self, text: str, style: str = "") -> None:
        from ..render.text import say

        say(self.term.console, text, style=style)

    def stopped(self, command: str = "interview") -> Interrupted:
        _, n = self._, self.saved
        ngettext = self.language.ngettext
        if command == "edit":
            said = (ngettext("{n} change saved in {path} this time; the one being made was not.",
                             "{n} changes saved in {path} this time; the one being made was "
                             "not.", n) if self.typing
                    else ngettext("{n} change saved in {path} this time.",
                                  "{n} changes saved in {path} this time.", n))
            return Interrupted(said.format(n=n, path=self.path) + self.typed_so_far(),
                               fix=_("run {command} to change more").format(
                                   command=go_on("edit", self.path)))
        said = (ngettext("{n} entry saved in {path} this time; the one being typed was not.",
                         "{n} entries saved in {path} this time; the one being typed was not.",
                         n) if self.typing
                else ngettext("{n} entry saved in {path} this time.",
                              "{n} entries saved in {path} this time.", n))
        message = said.format(n=n, path=self.path) + self.typed_so_far()
        options = ("--section", self.walking) if self.walking else ()
        return Interrupted(message, fix=_("run {command} to go on").format(
            command=go_on("interview", self.path, *options)))

    def typed_so_far(self) -> str:
        """The answers of the entry being typed when it was stopped, and what was typed at
        the question then, on a line of their own: nothing typed is lost from sight."""
        if not self.typing:
            return ""
        answers = self.answers(*self.partial) if self.partial else ""
        if self.half is not None and self.half[1]:
            field, text = self.half
            answers += ("; " if answers else "") + f"{self._(field.prompt)}: {text}"
        if not answers:
            return ""
        return "\n  " + self._("What you had typed, to type again: {answers}").format(
            answers=answers)

    def asked(self, field: Field, answers: dict[str, Any], default: Any = None) -> Any:
        """``field`` asked; if it is stopped, what was typed at it is kept for the message."""
        try:
            return self.ask.field(field, answers, default)
        except Interrupted as stop:
            self.half = (field, getattr(stop, "typed", ""))
            raise

    # -- asking and saving -------------------------------------------------------------------

    def _default(self, section: str, field: Field, current: dict[str, Any] | None,
                 answers: dict[str, Any]) -> Any:
        if current is not None:
            return current.get(field.key)
        if field.default == "today":
            return self.today
        if field.default == "last":
            entries = [_plain(t) for t in self.doc.entries(section)] if self.doc else []
            if field.same_as_last is not None:  # only from an entry with the same provider
                same = answers.get(field.same_as_last)
                entries = [e for e in entries
                           if e.get(field.same_as_last) == same and e.get(field.key)]
            last = entries[-1].get(field.key) if entries else None
            return field.first if last is None else Offered(last)
        return field.default

    def entry(self, section: str, current: dict[str, Any] | None = None) -> dict[str, Any]:
        """Ask every question of ``section`` that applies; keys not answered map to None.
        ``current`` (an entry being changed, or one the save refused) gives the defaults."""
        answers: dict[str, Any] = {}
        self.typing, self.partial, self.half = True, (section, answers), None
        for field in SECTIONS[section]:
            if applies(field, answers) and asked(field, self.in_force):
                value = self.asked(field, answers,
                                   self._default(section, field, current, answers))
                if field.kind == "file" and value is not None:
                    value = self.certificate(field, answers, value)
                if value is not None:
                    answers[field.key] = value
        self.typing = False
        return answers

    def certificate(self, field: Field, answers: dict[str, Any], value: str) -> str | None:
        """A certificate inside the portfolio's folder, by its path there; one elsewhere is
        copied into certificates/ when the applicant agrees, or asked for again."""
        from .certificates import FOLDER, copy_in, place

        while True:
            source, inside = place(value, self.path, self.language)  # it was checked to exist
            if inside is not None:
                return inside
            if self.ask.confirm(self._(
                    "{file} is outside your portfolio's folder. Copy it into {folder}/ beside "
                    "the portfolio (the bundle takes it from there)?").format(
                        file=source, folder=FOLDER), default=True):
                stored = copy_in(source, self.path)
                self.say(self._("Copied to {path}.").format(path=stored), style="green")
                return stored
            value = self.ask.field(field, answers)
            if value is None:
                return None

    def save(self, change: Callable[[PortfolioDocument], None], *, reapply: bool = True) -> None:
        """Apply ``change`` and save. If the file changed on disk meanwhile, a new entry is
        added to the file as it is now (``reapply``); a change to an entry stops instead, as
        the entries may have moved."""
        assert self.doc is not None
        change(self.doc)
        if self.doc.save(reapply=change if reapply else None):
            self.say(self._("{path} had changed on disk: your entry was added to it as it is "
                            "now.").format(path=self.path), style="yellow")
        self.saved += 1

    def saved_or_refused(self, change: Callable[[PortfolioDocument], None], what: str) -> bool:
        """Save ``change``; False, having said why, when the portfolio format refuses it (the
        answers are then asked again: nothing typed is dropped)."""
        try:
            self.save(change)
        except PortfolioError as problem:
            if problem.file != str(self.path) or not self.path.exists():
                raise
            try:
                self.doc = PortfolioDocument.open(self.path)  # as it is on disk, unchanged
            except PortfolioError:  # broken on disk meanwhile: keep what was typed in sight
                self.say(self._("Not saved, to type again later: {answers}").format(
                    answers=what), style="yellow")
                raise
            self.say(self._("Not saved: {reason}. Check the answers again: Enter keeps each "
                            "one.").format(reason=self.said(problem)), style="yellow")
            return False
        return True

    def said(self, problem: EndorseError) -> str:
        """A refusal's sentence, in the reader's language."""
        return problem.said.say(self.language)

    def notices(self, section: str, index: int) -> list[str]:
        """The warnings the judging now gives about ``section[index]``, just saved."""
        from .notices import entry_notices

        return entry_notices(self.judged().assessment, section, index)

    def answers(self, section: str, answers: dict[str, Any]) -> str:
        """Every answer of an entry, as the questions put it: to be typed again if need be."""
        return "; ".join(_answered(f, answers[f.key], self.language, self.ask.labels)
                         for f in SECTIONS[section] if answers.get(f.key) is not None)

    def summary(self, section: str, entry: dict[str, Any]) -> str:
        return summary(section, entry, self.ask.labels, self.language)

    # -- the walk -----------------------------------------------------------------------------

    def section(self, name: str) -> None:
        assert self.doc is not None
        _ = self._
        self.term.console.print()
        self.say(_(TITLES[name]), style="bold cyan")
        if name == "exam":
            current = self.doc.table("exam")
            if current is not None:
                self.say(_("So far: {entry}").format(
                    entry=self.summary("exam", _plain(current))), style="dim")
            if self.ask.confirm(_("Record the exam now?") if current is None
                                else _("Update it?"), default=current is None):
                answers = self.entry("exam", _plain(current) if current is not None else None)
                cleared = {f.key: answers.get(f.key) for f in SECTIONS["exam"]}  # no stale date
                while not self.saved_or_refused(lambda d: d.set_table("exam", cleared),
                                                self.answers("exam", answers)):
                    answers = self.entry("exam", answers)
                    cleared = {f.key: answers.get(f.key) for f in SECTIONS["exam"]}
                self.say(_("Saved: {entry}").format(entry=self.summary("exam", answers)),
                         style="green")
        else:
            entries = self.doc.entries(name)
            for table in entries[-5:]:
                self.say("  " + self.summary(name, _plain(table)), style="dim")
            if len(entries) > 5:
                self.say("  " + _("... and {n} more before these").format(n=len(entries) - 5),
                         style="dim")
            question = _(ADD_MORE[name] if entries else ADD_FIRST[name])
            added = 0
            while self.ask.confirm(question, default=not entries and not added):
                answers = self.entry(name)
                while not self.saved_or_refused(lambda d: d.add_entry(name, answers),
                                                self.answers(name, answers)):
                    answers = self.entry(name, answers)  # asked again, each answer offered
                self.say(_("Saved: {entry}").format(entry=self.summary(name, answers)),
                         style="green")
                notes = _notes(name, answers, self.today, self.path, self.language,
                               number=len(self.doc.entries(name)))
                notes += self.notices(name, len(self.doc.entries(name)) - 1)
                for note in notes:
                    self.say(_("Note: {note}").format(note=note), style="yellow")
                question, added = _(ADD_MORE[name]), added + 1
        self.say(self.progress(name), style="bold")

    def application(self) -> None:
        """What the rules ask at application besides the requirements (the Code of Ethics,
        the Endorsement Agreement, the membership), when not given yet: asked once, after the
        sections, and saved with the applicant's details. The default rules ask none of it."""
        assert self.doc is not None
        current = _plain(self.doc.doc["applicant"])
        fields = [f for f in SECTIONS["applicant"] if ("applicant", f.key) in ASKED_WHEN
                  and asked(f, self.in_force) and current.get(f.key) is None]
        if not fields:
            return
        self.term.console.print()
        self.say(self._("What the association asks with the application"), style="bold cyan")
        for field in fields:
            self.typing, self.partial, self.half = True, ("applicant", {}), None
            value = self.asked(field, current)
            self.typing = False
            if value is None:
                continue
            self.save(lambda d, key=field.key, value=value: d.set_field("applicant", None, key,
                                                                        value), reapply=False)
            self.say(self._("Saved: {entry}").format(
                entry=_answered(field, value, self.language, self.ask.labels)), style="green")

    def judged(self) -> Judged:
        """The portfolio as saved, through the library's one pipeline, in the reader's words."""
        assert self.doc is not None
        return judge_loaded(self.doc.checked(), self.rules, self.today, language=self.language,
                            rules_option=self.rules_option)

    def progress(self, name: str) -> str:
        """One line toward the applicant's target, else the recommended credential, e.g.
        "Toward IFS, your target: 5 of 7 requirements met"."""
        _ = self._
        judged = self.judged()
        pick, why = judged.checklist, judged.why
        said = (_("Toward {id}, your target: {met} of {total} requirements met")
                if why == "target"
                else _("Toward {id}, recommended for you: {met} of {total} requirements met"))
        line = said.format(id=pick.id, met=pick.met_count, total=pick.total)
        fed = _find(pick.requirements, FEEDS[name])
        if fed is not None and fed.kind not in ("education", "exam"):
            line += "; " + _short(fed, self.language)
        return line

    def finish(self) -> None:
        """The gap checklist, then the recommendation last, where the eye ends."""
        from ..render import text

        judged = self.judged()
        result = judged.assessment
        self.term.console.print()
        text.gaps(self.term.console, result, judged.checklist, judged.why,
                  language=self.language)
        rec = result.recommended
        self.term.console.print()
        self.say(self._("Recommended for you: {id}. {reason}").format(id=rec.id,
                                                                      reason=rec.reason),
                 style="bold")
        self.say(self._("{assess} compares every credential; {timeline} says when each "
                        "missing piece will be met.").format(
                            assess=go_on("assess", self.path),
                            timeline=go_on("gaps", self.path, "--timeline")), style="dim")


def go_on(command: str, path: Path, *options: str) -> str:
    """```endorse interview 'my portfolio.toml'```: the command, with the file as a shell
    needs it written."""
    return f"`endorse {' '.join([command, shlex.quote(str(path)), *options])}`"


def _notes(section: str, answers: dict[str, Any], today: dt.date, path: Path,
           language: Language = ENGLISH, number: int = 1) -> list[str]:
    """What is worth knowing about an entry just saved, the ``number``-th of its section."""
    from ..engine.facts import reachable
    from ..render.sentences import ordinal

    _ = language.gettext
    notes = []
    if section == "reference" and not reachable(answers.get("email"), answers.get("phone")):
        notes.append(_("your {ordinal} reference, {name}, counts only with an email or a "
                       "phone; add one with {command} when you have it").format(
                           ordinal=ordinal(number, language), name=answers.get("name", ""),
                           command=go_on("edit", path)))
    end = answers.get("end")
    if section == "work" and isinstance(end, dt.date) and end > today:
        notes.append(_("the last day, {day}, is still to come: the job counts as current until "
                       "then").format(day=language.day(end)))
    return notes


def _find(requirements: tuple[RequirementResult, ...], kind: str) -> RequirementResult | None:
    for req in requirements:
        if req.kind == kind and req.applies:
            return req
        found = _find(req.options, kind)
        if found is not None:
            return found
    return None


def _short(req: RequirementResult, language: Language = ENGLISH) -> str:
    """``RS/C 18 of 24 hours``: a requirement's standing in a few words, in its kind's."""
    from ..engine.kinds import kind_named
    from ..render.sentences import quantity

    short = kind_named(req.kind).short
    assert short is not None, req.kind
    return language.gettext(short).format(
        have=language.number(req.have), need=quantity(req.need, req.unit, language))


# -- the commands ---------------------------------------------------------------------------


def interview(term: Terminal, path: Path, *, section: str | None = None,
              rules_file: Path | None = None, session: Session | None = None) -> None:
    if section is not None:
        # "rsc" is supervision; a misspelt one gets a guess
        section = section_named(section, term.language)
    require_terminal("interview", term.language)
    s = session or Session(term, path, rules_file)
    s.walking = section
    if s.doc is None:
        s.doc = PortfolioDocument.open(path)
    try:
        for name in [section] if section else ORDER:
            s.section(name)
        if section is None:
            s.application()
        s.finish()
    except Interrupted:
        raise s.stopped() from None
    except EndorseError:
        if s.saved:
            term.message(term.language.ngettext(
                "{n} entry was saved before this.", "{n} entries were saved before this.",
                s.saved).format(n=s.saved), label="note", style="33")
        raise


def init(term: Terminal, path: Path, *, rules_file: Path | None = None,
         given: dict[str, str] | None = None) -> None:
    """Start a portfolio: by the questions on a terminal, or, with ``given`` answers (the
    options `--name`, `--email`, `--focus`, `--target`), without asking anything."""
    _ = term.language.gettext
    if given is None:
        require_terminal("init", term.language)
    was = _empty(path)
    if path.exists() and was is None:
        raise UsageError(_("{path} already exists; it was not touched").format(path=path),
                         fix=_("add to it with {command}, or name a new file").format(
                             command=go_on("interview", path)))
    if given is not None:
        _init_from(term, path, given, rules_file, was)
        return
    s = Session(term, path, rules_file)
    s.say(_("A new Endorsement® portfolio"), style="bold cyan")
    if was is not None:
        s.say(_("{path} is empty: your portfolio starts in it.").format(path=path))
    s.say(_("It will be saved in {path}, a text file you can also edit by hand. Press Ctrl-C at "
            "any time: what is saved stays saved.").format(path=path))
    try:
        answers = s.entry("applicant")
    except Interrupted:
        said = (_("nothing was saved; {path} was left as it was") if was is not None
                else _("nothing was saved; {path} was not created"))
        raise Interrupted(said.format(path=path)) from None
    s.doc = PortfolioDocument.new(path, answers, over=was,
                                  header=_header(answers["name"], s.today, term.language))
    s.doc.save()
    _write_schema(path, term.language)
    s.say(_("Saved {path}.").format(path=path), style="green")
    then = _("run {command} to go on").format(command=go_on("interview", path))
    try:
        go = s.ask.confirm(_("Go on with the interview now?"), default=True)
    except Interrupted:
        raise Interrupted(_("{path} is saved.").format(path=path), fix=then) from None
    if go:
        interview(term, path, session=s)
    else:
        s.say(_("Later, run {command} to go on.").format(command=go_on("interview", path)))


def _header(name: str, today: dt.date, language: Language = ENGLISH) -> str:
    """The comment at the top of a new portfolio, in the applicant's language."""
    _ = language.gettext
    return (f"#:schema ./{SCHEMA_NAME}\n"
            + _("Endorsement® portfolio of {name}, started on {day}.").format(
                name=name, day=language.day(today)) + "\n"
            + _("Add to it with `endorse interview`, or edit it by hand: comments are kept."))


def _write_schema(path: Path, language: Language) -> None:
    """The schema beside a new portfolio, which lets editors check and complete the file as it
    is typed; its descriptions in the applicant's language, as the file's opening comment."""
    schema = path.with_name(SCHEMA_NAME)
    if not schema.exists():
        from ..model.schema import portfolio_schema
        from ..render.json_out import dumps

        write_atomically(schema, dumps(portfolio_schema(None if language.english else language)),
                         mode=0o644)


def _init_from(term: Terminal, path: Path, given: dict[str, str], rules_file: Path | None,
               was: bytes | None) -> None:
    """`endorse init FILE --name ... --no-input`: the applicant's details as options, each
    checked as its question checks it; a script's way to start a portfolio."""
    from ..io.hints import credential_id
    from ..io.rules_file import load_rules
    from .fields import parse

    language = term.language
    _ = language.gettext
    today = dt.date.today()
    answers: dict[str, Any] = {}
    for field in SECTIONS["applicant"]:
        text = given.get(field.key)
        if text is None or not applies(field, answers):
            continue
        try:
            answers[field.key] = parse(field, text, today=today, answers=answers,
                                       language=language)
        except ValueError as reason:
            raise UsageError(f"{field.flag} {text!r}: {reason}",
                             fix=fix_for(field, language)) from None
    if "name" not in answers:
        raise UsageError(language.ngettext("missing: {options}", "missing: {options}", 1).format(
                             options="--name"),
                         fix=_("give it, e.g. {command}, or run `endorse init` on a "
                               "terminal").format(command=f"`endorse init "
                                                  f"{shlex.quote(str(path))} --name "
                                                  f"\"Ana Lopez\"`"))
    if "target" in answers:
        answers["target"] = credential_id(
            answers["target"], [c.id for c in load_rules(rules_file).value.credential])
    doc = PortfolioDocument.new(path, answers, over=was,
                                header=_header(answers["name"], today, language))
    doc.save()
    _write_schema(path, language)
    term.message(_("{path}; add to it with {add} or {interview}").format(
        path=path, add=f"`endorse add SECTION {shlex.quote(str(path))} ...`",
        interview=go_on("interview", path)), label="started", style="32")


def _empty(path: Path) -> bytes | None:
    """The bytes of ``path`` when it is a file with nothing but blanks in it; else None."""
    try:
        data = path.read_bytes() if path.is_file() else None
    except OSError:
        return None
    return data if data is not None and not data.strip() else None


REMOVE = "\0remove"


def edit(term: Terminal, path: Path, *, rules_file: Path | None = None) -> None:
    require_terminal("edit", term.language)
    s = Session(term, path, rules_file)
    s.doc = PortfolioDocument.open(path)
    try:
        while _edit_one(s):
            pass
    except Interrupted:
        raise s.stopped("edit") from None


def _edit_one(s: Session) -> bool:
    """One change; False when the applicant is done."""
    assert s.doc is not None
    _ = s._
    doc = s.doc
    you = "applicant"
    sections = [(you, _(TITLES[you]))]
    sections += [(name, f"{_(TITLES[name])} ({len(doc.entries(name))})")
                 for name in ORDER + HELD if name != "exam" and doc.entries(name)]
    if doc.table("exam") is not None:
        exam = "exam"
        sections.append((exam, _(TITLES[exam])))
    name = s.ask.choose(_("What do you want to change?"),
                        [(title, key) for key, title in sections] + [(_("Done"), None)])
    if name is None:
        return False
    index: int | None = None
    if name in ("applicant", "exam"):
        current = _plain(doc.table(name))
    else:
        entries = doc.entries(name)
        index = s.ask.choose(_("Which one?"), [(s.summary(name, _plain(t)), i)
                                               for i, t in enumerate(entries)]
                             + [(_("Back"), None)])
        if index is None:
            return True
        current = _plain(entries[index])
    fields = [f for f in SECTIONS[name]
              if (applies(f, current) and asked(f, s.in_force)) or f.key in current]
    choices: list[tuple[str, Any]] = [
        (_answered(f, current.get(f.key), s.language, s.ask.labels), f.key) for f in fields]
    if index is not None:
        choices.append((_(REMOVE_THIS[name]), REMOVE))
    key = s.ask.choose(_("Which part?"), choices + [(_("Back"), None)])
    if key is None:
        return True
    if key == REMOVE:
        assert index is not None
        what = s.summary(name, current)
        if s.ask.confirm(_("Remove {entry}? (the file as it was is kept as {backup})").format(
                entry=what, backup=f"{s.path.name}.bak"), default=False):
            s.save(lambda d: d.remove_entry(name, index), reapply=False)
            s.say(_("Removed: {entry}").format(entry=what), style="green")
        return True
    field = next(f for f in fields if f.key == key)
    s.typing, s.partial, s.half = True, None, None
    value = s.asked(field, current, current.get(key))
    while True:
        if field.kind == "file" and value is not None:
            value = s.certificate(field, current, value)
        same = _same_provider(s, name, index, key)
        try:
            s.save(lambda d: [d.set_field(name, i, key, value) for i in same], reapply=False)
        except PortfolioError as problem:  # it clashes with another key: ask again
            s.doc = PortfolioDocument.open(s.path)
            s.say(_("Not saved: {reason}. Try again.").format(reason=s.said(problem)),
                  style="yellow")
            value = s.asked(field, current, value)
            continue
        s.typing = False
        said = (s.n_("Saved on {count} RS/C session: {entry}", "Saved on {count} RS/C sessions: "
                     "{entry}", len(same)) if len(same) > 1 else _("Saved: {entry}"))
        s.say(said.format(count=len(same), entry=_answered(field, value, s.language,
                                                           s.ask.labels)), style="green")
        if index is not None:
            for note in s.notices(name, index):
                s.say(_("Note: {note}").format(note=note), style="yellow")
        return True


def _same_provider(s: Session, section: str, index: int | None, key: str) -> list[int | None]:
    """The entries a change of ``key`` goes to: this one, or, for a provider's Endorsement,
    every RS/C session with the same provider if the applicant chooses so (one answer, not
    one for each session)."""
    if section != "supervision" or key != "provider_credential" or index is None:
        return [index]
    from ..render.sentences import provider_key

    assert s.doc is not None
    entries = s.doc.entries(section)
    name = str(entries[index].get("provider", ""))
    same = [i for i, e in enumerate(entries)
            if provider_key(str(e.get("provider", ""))) == provider_key(name)]
    if len(same) < 2:
        return [index]
    every = s.ask.choose(s._("Set it on this session alone, or on every session with {name}?")
                         .format(name=name), [
        (s._("This session alone"), False),
        (s.n_("All {count} RS/C session with {name}", "All {count} RS/C sessions with {name}",
              len(same)).format(count=len(same), name=name), True)])
    return same if every else [index]


def _answered(field: Field, value: Any, language: Language,
              labels: dict[str, dict[str, str]]) -> str:
    """``Question: answer``, the answer as the person reads it."""
    return f"{language.gettext(field.prompt)}: " + _shown(value, language,
                                                          choice_words(field, labels))


def _shown(value: Any, language: Language = ENGLISH,
           words: dict[str, str] | None = None) -> str:
    """An answer as the person reads it: a day in the language, a choice by its ``words``."""
    _ = language.gettext
    words = words or {}
    if value is None or value == []:
        return _("(not given)")
    if isinstance(value, dt.date):
        return language.day(value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(words.get(v, str(v)) for v in value)
    if isinstance(value, str):
        return words.get(value, value)
    return language.number(value) if isinstance(value, (int, float)) else str(value)

