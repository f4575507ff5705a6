"""`endorse edit [FILE] --set KEY=VALUE ...`: a change without the menus, for scripts and for
one change made to many entries at once.

Which entries: ``--provider NAME`` (every RS/C session with that provider, without regard to
case or spaces), ``--section S --number N`` (one entry, counted from 1), ``--section exam``,
or none of these (your details: ``--set mentor_track=policy``). Each ``--set`` is read and
checked by the question of that key (:func:`.fields.parse`), so it takes what the question
takes; an empty value (``--set notes=``) removes the key. With ``--provider`` and no
``--set`` on a terminal, the provider's Endorsement is asked once.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..i18n import ENGLISH, Language
from ..model.sections import ADDABLE
from .fields import SECTIONS, Field, fix_for, labels, parse, section_named, summary


def _key(name: str) -> str:
    """A provider's name as compared (the one rule the next steps use too)."""
    from ..render.sentences import provider_key

    return provider_key(name)


def _pairs(sets: list[str], section: str, language: Language) -> list[tuple[Field, str]]:
    """``KEY=VALUE`` of ``--set``, each with the field of ``section`` it names."""
    _ = language.gettext
    by_key = {f.key: f for f in SECTIONS[section]}
    found = []
    for given in sets:
        key, equals, text = given.partition("=")
        key = key.strip().removeprefix("--").replace("-", "_")
        if not equals:
            raise UsageError(_("--set {given}: write it as KEY=VALUE").format(given=given),
                             fix=_("e.g. {example}").format(
                                 example="`--set provider_credential=IMHS`"))
        if key not in by_key:
            from ..io.hints import did_you_mean

            guess = did_you_mean(key, list(by_key))
            said = (_("{section} has no field {key}; did you mean {guess}?") if guess
                    else _("{section} has no field {key}"))
            raise UsageError(said.format(section=section, key=key, guess=guess),
                             fix=_("its fields are: {fields}").format(fields=", ".join(by_key)))
        found.append((by_key[key], text))
    return found


def _which(doc: Any, section: str, number: int | None, provider: str | None,
           language: Language, path: Path) -> list[int | None]:
    """The indices of the entries to change (None: a table of its own)."""
    _ = language.gettext
    if provider is not None:
        entries = doc.entries("supervision")
        picked = [i for i, e in enumerate(entries) if _key(str(e.get("provider", ""))) ==
                  _key(provider)]
        if not picked:
            from ..io.hints import did_you_mean

            names = list(dict.fromkeys(str(e.get("provider", "")) for e in entries))
            guess = did_you_mean(provider, names)
            said = (_("no RS/C session is with {name}; did you mean {guess}?") if guess
                    else _("no RS/C session is with {name}"))
            raise UsageError(said.format(name=repr(provider), guess=repr(guess)),
                             fix=_("the providers named are: {names}").format(
                                 names=", ".join(names) or _("none")))
        return picked
    if section in ("applicant", "exam"):
        if number is not None:
            raise UsageError(_("--number goes with a section of entries, not {section}").format(
                section=section), fix=_("leave --number out"))
        if section == "exam" and doc.table("exam") is None:
            raise UsageError(_("there is no exam in the portfolio yet"),
                             fix=_("add it with {command}").format(command="`endorse add exam`"))
        return [None]
    count = len(doc.entries(section))
    if number is None or not 1 <= number <= count:
        raise UsageError(
            language.ngettext("{section} has {count} entry: give --number 1",
                              "{section} has {count} entries: give --number 1 to {count}",
                              count).format(section=section, count=count) if count else
            _("{section} has no entries yet").format(section=section),
            fix=_("{command} on a terminal lists them").format(command=_edit_command(path)))
    return [number - 1]


def edit(args: dict[str, Any], *, default_file: Any, rules_file: Path | None = None,
         language: Language = ENGLISH) -> str:
    """Make the change ``args`` asks (``section``, ``number``, ``provider``, ``set``); a line
    saying what was changed where."""
    from ..io.document import PortfolioDocument
    from ..io.rules_file import load_rules

    _ = language.gettext
    provider, number, sets = args.get("provider"), args.get("number"), args.get("set") or []
    section = section_named(args["section"], language) if args.get("section") else None
    if provider is not None:
        if section not in (None, "supervision"):
            raise UsageError(_("--provider picks RS/C sessions, not {section}").format(
                section=section), fix=_("leave --section out"))
        section = "supervision"
    section = section or ("applicant" if number is None else None)
    if section is None:
        raise UsageError(_("--number needs --section"),
                         fix=_("e.g. {example}").format(
                             example="`endorse edit --section work --number 1 --set "
                                     "families_served=12`"))
    if section not in ("applicant", *ADDABLE):
        raise UsageError(_("there is no section {word}").format(word=repr(section)),
                         fix=_("use one of: {choices}").format(choices=", ".join(ADDABLE)))
    path: Path = default_file(args.get("file"))
    doc = PortfolioDocument.open(path)
    indices = _which(doc, section, number, provider, language, path)
    pairs = _pairs(sets, section, language)
    words = labels(load_rules(rules_file).value, language)
    if not pairs:
        if provider is None or not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise UsageError(_("nothing to change: give --set KEY=VALUE"),
                             fix=_("e.g. {example}").format(
                                 example="`endorse edit --provider \"Ana Lopez\" --set "
                                         "provider_credential=IMHS`"))
        from .ask import Asker

        field = next(f for f in SECTIONS["supervision"] if f.key == "provider_credential")
        asker = Asker(dt.date.today(), words, portfolio=path, language=language)
        value = asker.field(field, {})
        if value is None:  # nothing typed: nothing changed
            return _("nothing changed in {path}").format(path=path)
        changes = [(field, value)]
    else:
        changes = []
        for field, text in pairs:
            current = {k: v for k, v in _plain(doc, section, indices[0]).items()}
            try:
                value = parse(field, text, today=dt.date.today(), answers=current,
                              language=language)
            except ValueError as reason:
                raise UsageError(f"--set {field.key}={text!r}: {reason}",
                                 fix=fix_for(field, language).replace(
                                     field.flag + " ", f"--set {field.key}=")) from None
            changes.append((field, value))

    def change(d: PortfolioDocument) -> None:
        for index in indices:
            for field, value in changes:
                d.set_field(section, index, field.key, value)

    change(doc)
    doc.save()  # an entry changed on disk meanwhile: stop with a message, as `edit` does
    from .flows import _shown
    from .fields import choice_words

    said = "; ".join(f"{_(f.prompt)}: {_shown(v, language, choice_words(f, words))}"
                     for f, v in changes)
    if provider is not None:
        name = str(doc.entries("supervision")[indices[0]].get("provider", provider))
        where = language.ngettext("{count} RS/C session with {name}",
                                  "{count} RS/C sessions with {name}", len(indices)).format(
                                      count=len(indices), name=name)
    elif indices[0] is None:
        where = _("your details") if section == "applicant" else _("your exam")
    else:
        where = summary(section, _plain(doc, section, indices[0]), words, language)
    return _("changed in {path}, {where}: {change}").format(path=path, where=where,
                                                           change=said)


def _edit_command(path: Path) -> str:
    """`endorse edit FILE`, ready to paste."""
    import shlex

    return f"`endorse edit {shlex.quote(str(path))}`"


def _plain(doc: Any, section: str, index: int | None) -> dict[str, Any]:
    from .flows import _plain as plain

    return plain(doc.table(section) if index is None else doc.entries(section)[index])
