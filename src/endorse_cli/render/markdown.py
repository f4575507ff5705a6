"""Markdown output: for pasting into an email, an issue or a coordinator's notes.

Every piece of text that comes from a portfolio or a rules file is escaped, so that a name
such as ``*Ana*`` or ``<b>`` shows as written and never as formatting or HTML.
"""

from __future__ import annotations

import re

from ..model.results import Assessment, CredentialResult, RequirementResult
from ..model.rules import AnyReq, Rules
from .words import SOONEST, WHY, areas_of, expectation, heading, place, status, timeline_end, timeline_rows

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|{}!~])")


def esc(text: object) -> str:
    """Text shown as written: Markdown's special characters escaped, one line."""
    return _SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def _warnings(assessment: Assessment) -> list[str]:
    if not assessment.warnings:
        return []
    lines = ["", "## Warnings", ""]
    for w in assessment.warnings:
        fix = f" Fix: {esc(w.fix)}{place(w)}." if w.fix else ""
        lines.append(f"- {esc(w.message)}.{fix}")
    return lines


def assess(assessment: Assessment) -> str:
    lines = [f"# Endorsement® assessment: {esc(heading(assessment))}", "",
             "| Credential | Qualified | Met | Requirements met | Soonest |",
             "| --- | --- | --- | --- | --- |"]
    for c in assessment.credentials:
        expected = "" if c.met else (c.expected.isoformat() if c.expected else "-")
        lines.append(f"| {esc(c.id)} {esc(c.name)} | {'yes' if c.qualified else 'no'} | "
                     f"{'yes' if c.met else 'no'} | {c.met_count} of {c.total} | {expected} |")
    rec = assessment.recommended
    lines += ["", SOONEST]
    lines += ["", f"**Recommended: {esc(rec.id)}**" + ("" if rec.qualified else " (not yet qualified)"),
              "", esc(rec.reason)]
    if rec.also_qualified:
        lines += ["", f"Also qualified for: {esc(', '.join(rec.also_qualified))}."]
    if rec.next_up:
        lines += ["", f"Next up, {esc(rec.next_up)}, still needs: {esc('; '.join(rec.next_up_needs))}."]
    return "\n".join(lines + _warnings(assessment)) + "\n"


def _item(req: RequirementResult, indent: str = "") -> list[str]:
    box = "[-]" if not req.applies else ("[x]" if req.met else "[ ]")
    qual = " *(qualification)*" if req.qualification else ""
    lines = [f"{indent}- {box} {esc(req.label)}{qual}: {esc(req.standing)}"]
    if req.note and req.applies:
        lines.append(f"{indent}  - note: {esc(req.note)}")
    if when := expectation(req):
        lines.append(f"{indent}  - {esc(when)}")
    if req.kind == "any" and not req.met:
        for option in req.options:
            lines += _item(option, indent + "  ")
    elif req.next_step:
        lines.append(f"{indent}  - next: {esc(req.next_step)}")
    return lines


def _title(kind: str, assessment: Assessment, result: CredentialResult, why: str) -> list[str]:
    return [f"# {kind}: {esc(result.id)} {esc(result.name)} ({WHY[why]})", "",
            esc(heading(assessment)) + "."]


def _recommended_too(assessment: Assessment, result: CredentialResult, why: str) -> list[str]:
    if why == "recommended" or assessment.recommended.id == result.id:
        return []
    return ["", f"Recommended for you: {esc(assessment.recommended.id)}. "
                "See `endorse assess` for why."]


def gaps(assessment: Assessment, result: CredentialResult, why: str) -> str:
    lines = _title("Gap checklist", assessment, result, why)
    lines += ["", status(result).capitalize() + ".", ""]
    for req in result.requirements:
        lines += _item(req)
    lines += _recommended_too(assessment, result, why)
    return "\n".join(lines + _warnings(assessment)) + "\n"


def timeline(assessment: Assessment, result: CredentialResult, why: str) -> str:
    lines = _title("Timeline", assessment, result, why)
    lines += ["", "| When | Requirement | Why then |", "| --- | --- | --- |"]
    lines += [f"| {when} | {esc(label)} | {esc(because)} |"
              for when, label, because in timeline_rows(result)]
    lines += ["", f"**{esc(timeline_end(result))}**"]
    return "\n".join(lines + _warnings(assessment)) + "\n"


def credentials(rules: Rules, source: str) -> str:
    lines = [f"# {esc(rules.name)}", "", f"From {esc(source)}."]
    for c in rules.by_level():
        lines += ["", f"## {esc(c.id)} {esc(c.name)}", "", f"Level {c.level}, focus: {c.focus}."]
        if c.audience:
            lines += ["", esc(c.audience)]
        lines.append("")
        for req in c.requirement:
            kind = req.__struct_config__.tag
            tag = "qualification" if req.qualification else "requirement"
            lines.append(f"- **{esc(req.id)}** ({kind}, {tag}): {esc(req.label)}")
            if areas := areas_of(req, rules):
                lines.append(f"  - areas: {esc(areas)}")
            if isinstance(req, AnyReq):
                for opt in req.option:
                    lines.append(f"  - or **{esc(opt.id)}** ({opt.__struct_config__.tag}): {esc(opt.label)}")
    return "\n".join(lines) + "\n"
