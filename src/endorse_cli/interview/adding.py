"""`endorse add SECTION [FILE] --FIELD VALUE ...`: one entry, from a script or a quick log.

The options are the section's fields (:mod:`.fields`): ``--hours 1.5``, ``--competency
reflection --competency thinking``, ``--no-imh``. On a terminal a missing required field is
asked for; with ``--no-input``, or without a terminal, it is an error naming the options.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from ..errors import EndorseError, UsageError
from ..i18n import ENGLISH, N_, Language
from .fields import (ADD_ASKS, ORDER, SECTIONS, Field, add_asks, allowed, fix_for, labels, listed,
                     read_entry, summary)

#: The sections `endorse add` takes: every list of entries, and the exam.
#: (licenses and endorsements are read by rules packs; the interview does not walk them).
from ..model.sections import ADDABLE  # noqa: E402, F811 - the one list of sections


#: The placeholder of each kind of value in `endorse add --help` (``--date DATE``).
PLACEHOLDERS = {"date": N_("DATE"), "hours": N_("HOURS"), "file": N_("FILE"),
                "email": N_("EMAIL"), "count": N_("COUNT"), "text": N_("TEXT"),
                "areas": N_("AREA"), "choice": N_("VALUE")}


def _placeholder(kind: str, language: Language) -> str:
    return language.gettext(PLACEHOLDERS.get(kind, PLACEHOLDERS["text"]))


def _option(field: Field, language: Language = ENGLISH) -> str:
    _ = language.gettext
    shown = field.flag + ("*" if field.required else "")
    if field.kind == "choice" and not field.choices:
        return f"{shown} {_placeholder('choice', language)}"
    if field.kind == "choice":
        return f"{shown} {'|'.join(field.choices)}"
    if field.kind == "areas":
        return f"{shown} {_placeholder('areas', language)} " + _("(repeat it)")
    if field.kind == "many":
        return f"{shown} {'|'.join(field.choices)} " + _("(repeat it)")
    if field.kind == "yesno":
        return f"{shown} / --no-{field.flag[2:]}"
    return f"{shown} {_placeholder(field.kind, language)}"


def options_help(language: Language = ENGLISH, width: int = 78) -> str:
    """The options of every section, with the values they take, for `endorse add --help`:
    paragraphs already cut to ``width`` at spaces only, never inside an option's name or
    value, each marked (``\\b``) for the help's formatter to keep as it is."""
    import textwrap

    from .fields import AREAS

    _ = language.gettext
    lines = [f"{section}: " + ", ".join(_option(f, language) for f in SECTIONS[section])
             for section in ADDABLE]
    lines.append(_(
        "(* required. {DATE}: {iso}, {local} or a month, {month}; a degree's --completed also "
        "2016. "
        "{HOURS}: {decimal}, 1:30, 6 hrs or 90 min; {training}, or for --hours-per-week "
        "{work}. {FILE}: a certificate; one outside the portfolio's folder is copied into "
        "certificates/ beside it. {AREA}: {areas}.)").format(
            DATE=_placeholder("date", language), HOURS=_placeholder("hours", language),
            FILE=_placeholder("file", language), AREA=_placeholder("areas", language),
            iso="2024-03-15", local=language.typed_example(),
            month=language.month_year(dt.date(2016, 5, 1)), decimal=language.number(1.5),
            training=allowed("training", "hours", language),
            work=allowed("work", "hours_per_week", language), areas=", ".join(AREAS)))
    def cut(line: str) -> str:  # at spaces, and after a "|" between two values
        text = textwrap.fill(line.replace("|", "|\x01 "), width, break_on_hyphens=False,
                             break_long_words=False)
        return text.replace("\x01 ", "").replace("\x01\n", "\n").replace("\x01", "")

    return "\n\n".join("\b\n" + cut(line) for line in lines)


def _split(section: str, args: list[str], language: Language = ENGLISH,
           ) -> tuple[dict[str, str | list[str] | bool], str | None]:
    """The given options by key, and the FILE, from the words after SECTION."""
    _ = language.gettext
    by_flag = {f.flag: f for f in SECTIONS[section]}
    given: dict[str, Any] = {}
    file: str | None = None
    words = list(args)
    while words:
        word = words.pop(0)
        if not word.startswith("--"):
            if file is not None:
                raise UsageError(
                    _("two files named: {one} and {two}").format(one=repr(file), two=repr(word)),
                    fix=_("name one portfolio file, or give option values in quotes"))
            file = word
            continue
        flag, _eq, inline = word.partition("=")
        negated = flag.startswith("--no-") and flag.replace("--no-", "--", 1) in by_flag
        field = by_flag.get(flag.replace("--no-", "--", 1) if negated else flag)
        if field is None:
            from ..io.hints import did_you_mean

            guess = did_you_mean(flag, list(by_flag))
            said = (_("{section} has no option {flag}; did you mean {guess}?") if guess
                    else _("{section} has no option {flag}"))
            raise UsageError(said.format(section=section, flag=flag, guess=guess),
                             fix=_("its options are: {options}").format(
                                 options=" ".join(by_flag)))
        if field.kind == "yesno" and (negated or not inline and (not words or words[0].startswith("--"))):
            given[field.key] = "no" if negated else "yes"
            continue
        if not inline:
            if not words:
                raise UsageError(_("{flag} needs a value").format(flag=flag),
                                 fix=_("write it as {flag} VALUE").format(flag=flag))
            inline = words.pop(0)
        if field.kind in ("areas", "many"):
            given.setdefault(field.key, []).append(inline)
        else:
            given[field.key] = inline
    return given, file


def area_ids(text: str, language: Language) -> str:
    """``reflexión; pensamiento`` as ``reflection,thinking``: competency areas typed by the
    names the rules give them, in English or in ``language`` (``[i18n.es.areas]``), or by
    their ids, without regard to case or accents, between commas, semicolons or line breaks;
    a name of several words is taken whole (or with hyphens for its spaces), even one with a
    comma in it. An id, or a word that names no area, is left as it is (and refused, if it is
    none, by :func:`.fields.parse`)."""
    import re
    import unicodedata

    from ..io.rules_file import load_rules
    from ..model.texts import localized

    def plain(word: str) -> str:
        decomposed = unicodedata.normalize("NFKD", word.strip().lower())
        return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())

    names: dict[str, str] = {}
    rules = load_rules().value
    for words in (rules, localized(rules, language.code)):
        for slug, info in words.areas.items():
            names[plain(info.label)] = names[plain(info.label).replace(" ", "-")] = slug
            names[slug] = slug
    pieces = [p for p in re.split(r"[,;\n]", text) if p.strip()]
    ids: list[str] = []
    i = 0
    while i < len(pieces):
        for n in (3, 2, 1):  # a name with a comma in it spans pieces
            if plain(",".join(pieces[i:i + n])) in names and i + n <= len(pieces):
                ids.append(names[plain(",".join(pieces[i:i + n]))])
                i += n
                break
        else:
            ids += [names.get(plain(word), word) for word in re.split(r"\s+", pieces[i].strip())]
            i += 1
    return ",".join(ids)


def add(section: str, args: list[str], *, no_input: bool, default_file: Any,
        language: Language = ENGLISH, rules_file: Path | None = None) -> str:
    """Add one entry; returns a line saying what was added where. A day given with slashes
    (``--date 15/3/2025``) is read in ``language``'s order, as ``--as-of`` is. On a terminal,
    a missing required field is asked, and so is what the rules in force read of the entry
    (a reference's role, contact and Endorsement® under a pack that counts them)."""
    _ = language.gettext
    given, file = _split(section, args, language)
    path: Path = default_file(file)
    today = dt.date.today()
    typed = {key: ",".join(raw) if isinstance(raw, list) else str(raw)
             for key, raw in given.items()}
    for field in SECTIONS[section]:  # an area may be typed by its name, in either language
        if field.kind == "areas" and field.key in typed:
            typed[field.key] = area_ids(typed[field.key], language)
    answers, refused = read_entry(section, typed, today=today, language=language)
    missing: list[Field] = []
    for problem in refused:
        field = problem.field
        if problem.goes_with is not None:
            key, values = problem.goes_with
            either = _(" or ").join(f"--{key} {v}" for v in values)
            raise UsageError(_("{flag} goes with {either}").format(flag=field.flag,
                                                                    either=either),
                             fix=_("leave {flag} out, or give {either}").format(
                                 flag=field.flag, either=either))
        if field.key not in typed:
            missing.append(field)
            continue
        raise UsageError(f"{field.flag} {problem.text!r}: {problem.reason}",
                         fix=fix_for(field, language))
    from .values import month_taken

    # a month typed for a date: the day it stands for, said
    months = [said for f in SECTIONS[section] if f.kind == "date" and f.key in typed
              and isinstance(answers.get(f.key), dt.date)
              and (said := month_taken(typed[f.key], answers[f.key], language))]
    copied: list[str] = []
    for field in SECTIONS[section]:
        if field.kind == "file" and answers.get(field.key) is not None:
            try:
                answers[field.key] = _certificate(answers[field.key], path, copied, language)
            except ValueError as reason:
                raise UsageError(f"{field.flag} {typed[field.key]!r}: {reason}",
                                 fix=fix_for(field, language)) from None
    from ..io.rules_file import load_rules

    asking = not no_input and sys.stdin.isatty() and sys.stdout.isatty()
    if asking and section in {s for s, _key in ADD_ASKS}:
        wanted = add_asks(load_rules(rules_file).value)
        missing += [f for f in SECTIONS[section] if (section, f.key) in wanted
                    and f.key not in given and f not in missing]
    if missing:
        if not asking:
            example = " ".join(f"{f.flag} ..." for f in missing)
            raise UsageError(language.ngettext("missing: {options}", "missing: {options}",
                                               len(missing)).format(
                                 options=listed([f.flag for f in missing], language)),
                             fix=_("give them, e.g. {command}").format(
                                 command=f"`endorse add {section} {example}`"))
        from .ask import Asker

        asker = Asker(today, labels(load_rules(rules_file).value, language), portfolio=path,
                      language=language)
        for field in missing:
            if field.key == "phone" and answers.get("email"):
                continue  # one way to reach them is enough
            answers[field.key] = asker.field(field, answers)
    entry = {f.key: answers[f.key] for f in SECTIONS[section]
             if answers.get(f.key) is not None}
    from ..io.document import PortfolioDocument  # tomlkit: only when writing

    doc = PortfolioDocument.open(path)

    def change(d: PortfolioDocument) -> None:
        if section == "exam":  # every key of it, so that no stale date is left behind
            d.set_table("exam", {f.key: entry.get(f.key) for f in SECTIONS["exam"]})
        else:
            d.add_entry(section, entry)

    change(doc)
    doc.save(reapply=change)  # changed on disk meanwhile: added to the file as it is now
    words = labels(load_rules(rules_file).value, language)
    line = _("added to {path}: {entry}").format(
        path=path, entry=summary(section, entry, words, language))
    line += "".join("\n  " + _("copied the certificate to {path}").format(path=c)
                    for c in copied)
    line += "".join("\n  " + _("note: {note}").format(note=m) for m in months)
    if section != "exam":
        line += "".join("\n  " + _("note: {note}").format(note=n)
                        for n in _notices(doc, section, language, rules_file))
    return line


def _certificate(value: str, path: Path, copied: list[str],
                 language: Language = ENGLISH) -> str:
    """The certificate as the portfolio names it; one outside its folder is copied in."""
    from .certificates import copy_in, place

    source, inside = place(value, path, language)
    if inside is not None:
        return inside
    stored = copy_in(source, path)
    copied.append(stored)
    return stored


def _notices(doc: Any, section: str, language: Language = ENGLISH,
             rules_file: Path | None = None) -> list[str]:
    """The warnings the judging gives about the entry just added (the last of its section)."""
    from ..api import assess_loaded
    from ..io.rules_file import load_rules
    from .notices import judged_notices

    loaded = doc.checked()  # as saved: not read again
    rules = load_rules(rules_file).value
    try:  # the notes name the entry, not its line: no lines looked up, no other warning worded
        result = assess_loaded(loaded, rules, dt.date.today(), words="none", lines=False)
    except EndorseError:  # e.g. a target not in the rules: said by every other command
        return []
    return judged_notices(result, rules, language, section, len(doc.entries(section)) - 1)
