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

from ..errors import UsageError
from .fields import SECTIONS, Field, applies, parse, summary

#: The sections `endorse add` takes: every list of entries, and the exam.
ADDABLE = ("education", "work", "training", "supervision", "reference", "exam", "license",
           "endorsement")


def _option(field: Field) -> str:
    shown = field.flag + ("*" if field.required else "")
    if field.kind == "choice":
        return f"{shown} {'|'.join(field.choices)}"
    if field.kind == "areas":
        return f"{shown} AREA (repeat it)"
    if field.kind == "yesno":
        return f"{shown} / --no-{field.flag[2:]}"
    return f"{shown} {field.kind.upper() if field.kind != 'text' else 'TEXT'}"


def options_help() -> str:
    """The options of every section, with the values they take, for `endorse add --help`."""
    from .fields import AREAS

    lines = [f"{section}: " + ", ".join(_option(f) for f in SECTIONS[section])
             for section in ADDABLE]
    return ("\n\n".join(lines) + "\n\n(* required. DATE: 2024-03-15 or 3/15/2024. HOURS: a "
            "number above 0. AREA: " + ", ".join(AREAS) + ".)")


def _split(section: str, args: list[str]) -> tuple[dict[str, str | list[str] | bool], str | None]:
    """The given options by key, and the FILE, from the words after SECTION."""
    by_flag = {f.flag: f for f in SECTIONS[section]}
    given: dict[str, Any] = {}
    file: str | None = None
    words = list(args)
    while words:
        word = words.pop(0)
        if not word.startswith("--"):
            if file is not None:
                raise UsageError(f"two files named: {file!r} and {word!r}",
                                 fix="name one portfolio file, or give option values in quotes")
            file = word
            continue
        flag, _, inline = word.partition("=")
        negated = flag.startswith("--no-") and flag.replace("--no-", "--", 1) in by_flag
        field = by_flag.get(flag.replace("--no-", "--", 1) if negated else flag)
        if field is None:
            from ..io.hints import did_you_mean

            guess = did_you_mean(flag, list(by_flag))
            raise UsageError(f"{section} has no option {flag}"
                             + (f"; did you mean {guess}?" if guess else ""),
                             fix="its options are: " + " ".join(by_flag))
        if field.kind == "yesno" and (negated or not inline and (not words or words[0].startswith("--"))):
            given[field.key] = "no" if negated else "yes"
            continue
        if not inline:
            if not words:
                raise UsageError(f"{flag} needs a value", fix=f"write it as {flag} VALUE")
            inline = words.pop(0)
        if field.kind == "areas":
            given.setdefault(field.key, []).append(inline)
        else:
            given[field.key] = inline
    return given, file


def add(section: str, args: list[str], *, no_input: bool, default_file: Any) -> str:
    """Add one entry; returns a line saying what was added where."""
    given, file = _split(section, args)
    path: Path = default_file(file)
    today = dt.date.today()
    answers: dict[str, Any] = {}
    missing: list[Field] = []
    for field in SECTIONS[section]:
        if not applies(field, answers):
            if field.key in given and field.when is not None:
                key, values = field.when
                raise UsageError(f"{field.flag} goes with --{key} {' or '.join(values)}",
                                 fix=f"leave {field.flag} out, or give --{key} "
                                     + " or ".join(values))
            continue
        raw = given.get(field.key)
        if raw is None:
            if field.required:
                missing.append(field)
            continue
        text = ",".join(raw) if isinstance(raw, list) else str(raw)
        try:
            value = parse(field, text, today=today, answers=answers)
        except ValueError as reason:
            raise UsageError(f"{field.flag} {text!r}: {reason}",
                             fix=f"give a correct {field.flag}") from None
        answers[field.key] = value
    if missing:
        if no_input or not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise UsageError(f"missing: {' '.join(f.flag for f in missing)}",
                             fix=f"give them, e.g. `endorse add {section} "
                                 + " ".join(f"{f.flag} ..." for f in missing) + "`")
        from ..io.rules_file import load_rules
        from .ask import Asker
        from .flows import labels

        asker = Asker(today, labels(load_rules().value))
        for field in missing:
            answers[field.key] = asker.field(field, answers)
    entry = {f.key: answers[f.key] for f in SECTIONS[section] if f.key in answers}
    from ..io.document import ChangedOnDisk, PortfolioDocument  # tomlkit: only when writing

    doc = PortfolioDocument.open(path)

    def change(d: PortfolioDocument) -> None:
        if section == "exam":  # every key of it, so that no stale date is left behind
            d.set_table("exam", {f.key: entry.get(f.key) for f in SECTIONS["exam"]})
        else:
            d.add_entry(section, entry)

    change(doc)
    try:
        doc.save()
    except ChangedOnDisk:
        doc.reload_and(change)
        doc.save()
    return f"added to {path}: {summary(section, entry)}"
