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

from ..api import assess_loaded
from ..errors import EndorseError, PortfolioError, UsageError
from ..io.document import PortfolioDocument, write_atomically
from ..io.portfolio_file import parse_portfolio
from ..io.rules_file import load_rules
from ..model.results import RequirementResult
from ..render.terminal import Terminal
from .ask import Asker, Interrupted, require_terminal
from .fields import (NOUNS, SECTIONS, Field, applies, article, asked, asked_in_force, labels,
                     section_named, summary)

#: The order the interview walks the sections in (`add` takes these and HELD).
from .fields import ORDER  # noqa: E402 - the one list of sections
TITLES = {"applicant": "About you", "education": "Education", "work": "Work history",
          "training": "Training", "supervision": "Reflective supervision/consultation (RS/C)",
          "reference": "References", "exam": "Exam",
          "license": "Licenses", "endorsement": "Endorsements you hold"}
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
        #: The questions of rules packs that these rules read (none under the default rules).
        self.in_force = asked_in_force(self.rules)
        self.today = dt.date.today()
        self.ask = Asker(self.today, labels(self.rules), portfolio=path)
        self.doc: PortfolioDocument | None = None
        self.saved = 0
        self.typing = False  # an entry is half answered

    def say(self, text: str, style: str = "") -> None:
        from ..render.text import say

        say(self.term.console, text, style=style)

    def stopped(self, command: str = "interview") -> Interrupted:
        n = self.saved
        if command == "edit":
            changes = "change" if n == 1 else "changes"
            lost = "; the one being made was not" if self.typing else ""
            return Interrupted(f"{n} {changes} saved in {self.path} this time{lost}.",
                               fix=f"run {go_on('edit', self.path)} to change more")
        entries = "entry" if n == 1 else "entries"
        lost = "; the one being typed was not" if self.typing else ""
        return Interrupted(f"{n} {entries} saved in {self.path} this time{lost}.",
                           fix=f"run {go_on('interview', self.path)} to go on")

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
            return entries[-1].get(field.key) if entries else None
        return field.default

    def entry(self, section: str, current: dict[str, Any] | None = None) -> dict[str, Any]:
        """Ask every question of ``section`` that applies; keys not answered map to None.
        ``current`` (an entry being changed, or one the save refused) gives the defaults."""
        answers: dict[str, Any] = {}
        self.typing = True
        for field in SECTIONS[section]:
            if applies(field, answers) and asked(field, self.in_force):
                value = self.ask.field(field, answers,
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
            source, inside = place(value, self.path)  # the question checked that it exists
            if inside is not None:
                return inside
            if self.ask.confirm(f"{source} is outside your portfolio's folder. Copy it into "
                                f"{FOLDER}/ beside the portfolio (the bundle takes it from "
                                "there)?", default=True):
                stored = copy_in(source, self.path)
                self.say(f"Copied to {stored}.", style="green")
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
            self.say(f"{self.path} had changed on disk: your entry was added to it as it is now.",
                     style="yellow")
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
                self.say(f"Not saved, to type again later: {what}", style="yellow")
                raise
            self.say(f"Not saved: {problem.message}. Check the answers again: Enter keeps "
                     "each one.", style="yellow")
            return False
        return True

    def notices(self, section: str, index: int) -> list[str]:
        """The warnings the judging now gives about ``section[index]``, just saved."""
        from .notices import entry_notices

        return entry_notices(self.judged(), section, index)

    # -- the walk -----------------------------------------------------------------------------

    def section(self, name: str) -> None:
        assert self.doc is not None
        self.term.console.print()
        self.say(TITLES[name], style="bold cyan")
        noun = NOUNS[name]
        if name == "exam":
            current = self.doc.doc.get("exam")
            if current is not None:
                self.say("So far: " + summary("exam", _plain(current), self.ask.labels),
                         style="dim")
            if self.ask.confirm("Record the exam now?" if current is None else "Update it?",
                                default=current is None):
                answers = self.entry("exam", _plain(current) if current is not None else None)
                cleared = {f.key: answers.get(f.key) for f in SECTIONS["exam"]}  # no stale date
                while not self.saved_or_refused(lambda d: d.set_table("exam", cleared),
                                                _answers("exam", answers)):
                    answers = self.entry("exam", answers)
                    cleared = {f.key: answers.get(f.key) for f in SECTIONS["exam"]}
                self.say(f"Saved: {summary('exam', answers, self.ask.labels)}", style="green")
        else:
            entries = self.doc.entries(name)
            for table in entries[-5:]:
                self.say("  " + summary(name, _plain(table), self.ask.labels), style="dim")
            if len(entries) > 5:
                self.say(f"  ... and {len(entries) - 5} more before these", style="dim")
            question = f"Add {article(noun)}?" if not entries else f"Add another {noun}?"
            added = 0
            while self.ask.confirm(question, default=not entries and not added):
                answers = self.entry(name)
                while not self.saved_or_refused(lambda d: d.add_entry(name, answers),
                                                _answers(name, answers)):
                    answers = self.entry(name, answers)  # asked again, each answer offered
                self.say(f"Saved: {summary(name, answers, self.ask.labels)}", style="green")
                notes = _notes(name, answers, self.today)
                notes += self.notices(name, len(self.doc.entries(name)) - 1)
                for note in notes:
                    self.say(f"Note: {note}", style="yellow")
                question, added = f"Add another {noun}?", added + 1
        self.say(self.progress(name), style="bold")

    def judged(self):  # noqa: ANN201
        assert self.doc is not None
        loaded = parse_portfolio(self.doc.text, name=str(self.path))
        return assess_loaded(loaded, self.rules, self.today)

    def progress(self, name: str) -> str:
        """One line toward the applicant's target, else the recommended credential, e.g.
        "Toward IFS, your target: 5 of 7 requirements met"."""
        from ..engine.recommend import checklist_for

        result = self.judged()
        pick, why = checklist_for(result)
        whose = "your target" if why == "target" else "recommended for you"
        line = (f"Toward {pick.id}, {whose}: {pick.met_count} of {pick.total} "
                "requirements met")
        fed = _find(pick.requirements, FEEDS[name])
        if fed is not None and fed.kind not in ("education", "exam"):
            line += f"; {_short(fed)}"
        return line

    def finish(self) -> None:
        """The gap checklist, then the recommendation last, where the eye ends."""
        from ..engine.recommend import checklist_for
        from ..render import text

        result = self.judged()
        self.term.console.print()
        chosen, why = checklist_for(result)
        text.gaps(self.term.console, result, chosen, why)
        rec = result.recommended
        self.term.console.print()
        self.say(f"Recommended for you: {rec.id}. {rec.reason}", style="bold")
        self.say("`endorse assess` compares every credential; `endorse gaps --timeline` says "
                 "when each missing piece will be met.", style="dim")


def go_on(command: str, path: Path) -> str:
    """```endorse interview 'my portfolio.toml'```: the command, with the file as a shell
    needs it written."""
    return f"`endorse {command} {shlex.quote(str(path))}`"


def _notes(section: str, answers: dict[str, Any], today: dt.date) -> list[str]:
    """What is worth knowing about an entry just saved."""
    notes = []
    if section == "reference" and not (answers.get("email") or answers.get("phone")):
        notes.append("a reference counts only with an email or a phone; add one with "
                     "`endorse edit` when you have it")
    end = answers.get("end")
    if section == "work" and isinstance(end, dt.date) and end > today:
        notes.append(f"the last day, {end.isoformat()}, is still to come: the job counts as "
                     "current until then")
    return notes


def _find(requirements: tuple[RequirementResult, ...], kind: str) -> RequirementResult | None:
    for req in requirements:
        if req.kind == kind and req.applies:
            return req
        found = _find(req.options, kind)
        if found is not None:
            return found
    return None


def _short(req: RequirementResult) -> str:
    """``RS/C 18 of 24 hours``: a requirement's standing in a few words."""
    name = {"experience": "experience", "training": "training", "supervision": "RS/C",
            "references": ""}[req.kind]
    have = f"{req.have:g}" if isinstance(req.have, float) else str(req.have)
    need = f"{req.need:g}" if isinstance(req.need, float) else str(req.need)
    return f"{name} {have} of {need} {req.unit}".strip()


# -- the commands ---------------------------------------------------------------------------


def interview(term: Terminal, path: Path, *, section: str | None = None,
              rules_file: Path | None = None, session: Session | None = None) -> None:
    if section is not None:
        section = section_named(section)  # "rsc" is supervision; a misspelt one gets a guess
    require_terminal("interview")
    s = session or Session(term, path, rules_file)
    if s.doc is None:
        s.doc = PortfolioDocument.open(path)
    try:
        for name in [section] if section else ORDER:
            s.section(name)
        s.finish()
    except Interrupted:
        raise s.stopped() from None
    except EndorseError:
        if s.saved:
            term.message(f"{s.saved} entries were saved before this.", label="note", style="33")
        raise


def init(term: Terminal, path: Path, *, rules_file: Path | None = None,
         given: dict[str, str] | None = None) -> None:
    """Start a portfolio: by the questions on a terminal, or, with ``given`` answers (the
    options `--name`, `--email`, `--focus`, `--target`), without asking anything."""
    if given is None:
        require_terminal("init")
    was = _empty(path)
    if path.exists() and was is None:
        raise UsageError(f"{path} already exists; it was not touched",
                         fix=f"add to it with {go_on('interview', path)}, or name a new file")
    if given is not None:
        _init_from(term, path, given, rules_file, was)
        return
    s = Session(term, path, rules_file)
    s.say("A new Endorsement® portfolio", style="bold cyan")
    if was is not None:
        s.say(f"{path} is empty: your portfolio starts in it.")
    s.say(f"It will be saved in {path}, a text file you can also edit by hand. "
          "Press Ctrl-C at any time: what is saved stays saved.")
    try:
        answers = s.entry("applicant")
    except Interrupted:
        untouched = "was left as it was" if was is not None else "was not created"
        raise Interrupted(f"nothing was saved; {path} {untouched}") from None
    s.doc = PortfolioDocument.new(path, answers, header=_header(answers["name"], s.today),
                                  over=was)
    s.doc.save()
    _write_schema(path)
    s.say(f"Saved {path}.", style="green")
    try:
        go = s.ask.confirm("Go on with the interview now?", default=True)
    except Interrupted:
        raise Interrupted(f"{path} is saved.",
                          fix=f"run {go_on('interview', path)} to go on") from None
    if go:
        interview(term, path, session=s)
    else:
        s.say(f"Later, run {go_on('interview', path)} to go on.")


def _header(name: str, today: dt.date) -> str:
    return (f"#:schema ./{SCHEMA_NAME}\n"
            f"Endorsement® portfolio of {name}, started on {today.isoformat()}.\n"
            "Add to it with `endorse interview`, or edit it by hand: comments are kept.")


def _write_schema(path: Path) -> None:
    schema = path.with_name(SCHEMA_NAME)
    if not schema.exists():  # lets editors check and complete the file as it is typed
        from ..model.schema import portfolio_schema
        from ..render.json_out import dumps

        write_atomically(schema, dumps(portfolio_schema()), mode=0o644)


def _init_from(term: Terminal, path: Path, given: dict[str, str], rules_file: Path | None,
               was: bytes | None) -> None:
    """`endorse init FILE --name ... --no-input`: the applicant's details as options, each
    checked as its question checks it; a script's way to start a portfolio."""
    from ..io.hints import credential_id
    from ..io.rules_file import load_rules
    from .fields import parse

    today = dt.date.today()
    answers: dict[str, Any] = {}
    for field in SECTIONS["applicant"]:
        text = given.get(field.key)
        if text is None or not applies(field, answers):
            continue
        try:
            answers[field.key] = parse(field, text, today=today, answers=answers)
        except ValueError as reason:
            raise UsageError(f"{field.flag} {text!r}: {reason}",
                             fix=f"give a correct {field.flag}") from None
    if "name" not in answers:
        raise UsageError("missing: --name",
                         fix=f"give it, e.g. `endorse init {shlex.quote(str(path))} --name "
                             "\"Ana Lopez\"`, or run `endorse init` on a terminal")
    if "target" in answers:
        answers["target"] = credential_id(
            answers["target"], [c.id for c in load_rules(rules_file).value.credential])
    doc = PortfolioDocument.new(path, answers, header=_header(answers["name"], today), over=was)
    doc.save()
    _write_schema(path)
    term.message(f"{path}; add to it with `endorse add SECTION {shlex.quote(str(path))} ...` or "
                 f"{go_on('interview', path)}", label="started", style="32")


def _empty(path: Path) -> bytes | None:
    """The bytes of ``path`` when it is a file with nothing but blanks in it; else None."""
    try:
        data = path.read_bytes() if path.is_file() else None
    except OSError:
        return None
    return data if data is not None and not data.strip() else None


REMOVE = "\0remove"


def edit(term: Terminal, path: Path, *, rules_file: Path | None = None) -> None:
    require_terminal("edit")
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
    doc = s.doc
    sections = [("applicant", TITLES["applicant"])]
    sections += [(name, f"{TITLES[name]} ({len(doc.entries(name))})") for name in ORDER + HELD
                 if name != "exam" and doc.entries(name)]
    if "exam" in doc.doc:
        sections.append(("exam", TITLES["exam"]))
    name = s.ask.choose("What do you want to change?",
                        [(title, key) for key, title in sections] + [("Done", None)])
    if name is None:
        return False
    index: int | None = None
    if name in ("applicant", "exam"):
        current = _plain(doc.doc[name])
    else:
        entries = doc.entries(name)
        index = s.ask.choose("Which one?", [(summary(name, _plain(t), s.ask.labels), i)
                                            for i, t in enumerate(entries)] + [("Back", None)])
        if index is None:
            return True
        current = _plain(entries[index])
    fields = [f for f in SECTIONS[name]
              if (applies(f, current) and asked(f, s.in_force)) or f.key in current]
    choices: list[tuple[str, Any]] = [(f"{f.prompt}: {_shown(current.get(f.key))}", f.key)
                                      for f in fields]
    if index is not None:
        choices.append((f"Remove this {NOUNS[name]}", REMOVE))
    key = s.ask.choose("Which part?", choices + [("Back", None)])
    if key is None:
        return True
    if key == REMOVE:
        assert index is not None
        what = summary(name, current, s.ask.labels)
        if s.ask.confirm(f"Remove {what}? (the file as it was is kept as {s.path.name}.bak)",
                         default=False):
            s.save(lambda d: d.remove_entry(name, index), reapply=False)
            s.say(f"Removed: {what}", style="green")
        return True
    field = next(f for f in fields if f.key == key)
    s.typing = True
    value = s.ask.field(field, current, current.get(key))
    while True:
        if field.kind == "file" and value is not None:
            value = s.certificate(field, current, value)
        try:
            s.save(lambda d: d.set_field(name, index, key, value), reapply=False)
        except PortfolioError as problem:  # it clashes with another key: ask again
            s.doc = PortfolioDocument.open(s.path)
            s.say(f"Not saved: {problem.message}. Try again.", style="yellow")
            value = s.ask.field(field, current, value)
            continue
        s.typing = False
        s.say(f"Saved: {field.prompt}: {_shown(value)}", style="green")
        if index is not None:
            for note in s.notices(name, index):
                s.say(f"Note: {note}", style="yellow")
        return True


def _answers(section: str, answers: dict[str, Any]) -> str:
    """Every answer of an entry, as the questions put it: to be typed again if need be."""
    return "; ".join(f"{f.prompt}: {_shown(answers[f.key])}" for f in SECTIONS[section]
                     if answers.get(f.key) is not None)


def _shown(value: Any) -> str:
    if value is None or value == []:
        return "(not given)"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)
