"""Markdown output: for pasting into an email, an issue or a coordinator's notes.

Every piece of text that comes from a portfolio or a rules file is escaped, so that a name
such as ``*Ana*`` or ``<b>`` shows as written and never as formatting or HTML.
"""

from __future__ import annotations

import re

from ..i18n import ENGLISH, Language
from ..model.results import Assessment, CredentialResult, RequirementResult
from ..model.rules import AnyReq, Rules
from .sentences import sentence
from .words import (SOONEST, WHY, areas_of, expectation, heading, kind_of, place, status,
                    timeline_end, timeline_rows, waiting_steps)

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|{}!~])")


def esc(text: object) -> str:
    """Text shown as written: Markdown's special characters escaped, one line (a line break,
    CR, LF or both, is a space, so it cannot start a list, a heading or a rule), control
    characters written out (a tab as ``\\x09``) and no space before it, so that a name at
    the start of a line never becomes a code block."""
    from .terminal import printable

    one_line = re.sub(r"\r\n?|\n", " ", str(text))
    return _SPECIAL.sub(r"\\\1", printable(one_line).lstrip(" "))


_COMMAND = re.compile(r"`(endorse [^`\r\n]*)`")


def prose(text: object) -> str:
    """One of the tool's sentences: escaped as :func:`esc` escapes, except the commands it
    names (`` `endorse gaps my.toml` ``), which stay code, to be copied as they are."""
    parts = _COMMAND.split(str(text))
    return "".join(esc(part) if i % 2 == 0 else f"`{part}`" for i, part in enumerate(parts))


def _warnings(assessment: Assessment, language: Language = ENGLISH) -> list[str]:
    _ = language.gettext
    if not assessment.warnings:
        return []
    from .sentences import grouped

    lines = ["", "## " + _("Warnings"), ""]
    for w in grouped(assessment.warnings, language, assessment.file,
                     assessment.rules_option):
        fix = " " + _("Fix: {fix}").format(fix=prose(w.fix)) + place(w, language) + "." \
            if w.fix else ""
        lines.append(f"- {prose(w.message)}.{fix}")
    return lines


def assess(assessment: Assessment, language: Language = ENGLISH) -> str:
    _ = language.gettext
    yes, no = _("yes"), _("no")
    lines = [_("# Endorsement® assessment: {heading}").format(
                 heading=esc(heading(assessment, language))), "",
             "| " + " | ".join([_("Credential"), _("Qualified"), _("Met"), _("Ready"),
                                _("Requirements met"), _("Soonest")]) + " |",
             "| --- | --- | --- | --- | --- | --- |"]
    for c in assessment.credentials:
        expected = "" if c.met else (language.day(c.expected) if c.expected else "-")
        count = _("{met} of {total}").format(met=c.met_count, total=c.total)
        lines.append(f"| {esc(c.id)} {esc(c.name)} | {yes if c.qualified else no} | "
                     f"{yes if c.met else no} | {yes if c.ready else no} | {count} | "
                     f"{expected} |")
    rec = assessment.recommended
    lines += ["", _(SOONEST)]
    lines += ["", "**" + _("Recommended: {id}").format(id=esc(rec.id)) + "**"
              + ("" if rec.qualified else " " + _("(not yet qualified)")), "", prose(rec.reason)]
    if rec.also_qualified:
        lines += ["", _("Also qualified for: {ids}.").format(ids=esc(", ".join(rec.also_qualified)))]
    if rec.next_up:
        lines += ["", _("Next up, {id}, still needs: {needs}.").format(
            id=esc(rec.next_up), needs=esc("; ".join(rec.next_up_needs)))]
    return "\n".join(lines + _warnings(assessment, language)) + "\n"


def _item(req: RequirementResult, indent: str = "", language: Language = ENGLISH) -> list[str]:
    _ = language.gettext
    box = "[-]" if not req.applies else ("[x]" if req.met else "[ ]")
    qual = " *" + _("(qualification)") + "*" if req.qualification else ""
    lines = [f"{indent}- {box} {esc(req.label)}{qual}: {esc(req.standing)}"]
    if req.note and req.applies:
        lines.append(f"{indent}  - " + _("note: {note}").format(note=prose(req.note)))
    if when := expectation(req, language):
        lines.append(f"{indent}  - {prose(when)}")
    if req.kind == "any" and not req.met:
        for option in req.options:
            lines += _item(option, indent + "  ", language)
    elif req.next_step:
        lines.append(f"{indent}  - " + _("next: {step}").format(step=prose(req.next_step)))
    return lines


def _title(title: str, assessment: Assessment, language: Language) -> list[str]:
    return [f"# {title}", "", esc(heading(assessment, language)) + "."]


def _recommended_too(assessment: Assessment, result: CredentialResult, why: str,
                     language: Language) -> list[str]:
    if why == "recommended" or assessment.recommended.id == result.id:
        return []
    from .sentences import name_commands

    return ["", name_commands(language.gettext("Recommended for you: {id}. See `endorse assess` "
                                               "for why.").format(
        id=esc(assessment.recommended.id)), assessment.file, assessment.rules_option)]


def gaps(assessment: Assessment, result: CredentialResult, why: str,
         language: Language = ENGLISH) -> str:
    _ = language.gettext
    lines = _title(_("Gap checklist: {id} {name} ({why})").format(
        id=esc(result.id), name=esc(result.name), why=_(WHY[why])), assessment, language)
    lines += ["", sentence(status(result, language)) + ".", ""]
    if steps := waiting_steps(result):
        lines += ["- " + _("Before you apply: {step}").format(step=prose(step)) for step in steps]
        lines.append("")
    for req in result.requirements:
        lines += _item(req, language=language)
    lines += _recommended_too(assessment, result, why, language)
    return "\n".join(lines + _warnings(assessment, language)) + "\n"


def timeline(assessment: Assessment, result: CredentialResult, why: str,
             language: Language = ENGLISH) -> str:
    _ = language.gettext
    lines = _title(_("Timeline: {id} {name} ({why})").format(
        id=esc(result.id), name=esc(result.name), why=_(WHY[why])), assessment, language)
    lines += ["", "| " + " | ".join([_("When"), _("Requirement"), _("Why then")]) + " |",
              "| --- | --- | --- |"]
    lines += [f"| {esc(when)} | {esc(label)} | {prose(because)} |"
              for when, label, because in timeline_rows(result, language)]
    lines += ["", f"**{esc(timeline_end(result, language))}**"]
    return "\n".join(lines + _warnings(assessment, language)) + "\n"


def credentials(rules: Rules, source: str, language: Language = ENGLISH) -> str:
    """The rules in force; ``rules`` already in the reader's language (``model.texts``)."""
    _ = language.gettext
    lines = [f"# {esc(rules.name)}", "", _("From {source}.").format(source=esc(source))]
    for c in rules.by_level():
        lines += ["", f"## {esc(c.id)} {esc(c.name)}", "",
                  _("Level {level}, focus: {focus}.").format(level=c.level, focus=c.focus)]
        if c.audience:
            lines += ["", esc(c.audience)]
        lines.append("")
        for req in c.requirement:
            tag = _("qualification") if req.qualification else _("requirement")
            lines.append(f"- {esc(req.label)} ({kind_of(req, language)}, {tag})")
            if areas := areas_of(req, rules):
                lines.append("  - " + _("areas: {areas}").format(areas=esc(areas)))
            if isinstance(req, AnyReq):
                for opt in req.option:
                    lines.append(f"  - {esc(opt.label)} ({kind_of(opt, language)})")
    return "\n".join(lines) + "\n"
