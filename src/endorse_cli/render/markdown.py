"""Markdown output: for pasting into an email, an issue or a coordinator's notes."""

from __future__ import annotations

from ..model.results import Assessment, CredentialResult, RequirementResult
from ..model.rules import AnyReq, Rules
from .words import SOONEST, WHY, expectation, heading, standing, status, timeline_end, timeline_rows


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _warnings(assessment: Assessment) -> list[str]:
    if not assessment.warnings:
        return []
    lines = ["", "## Warnings", ""]
    for w in assessment.warnings:
        line = f"line {w.line}, " if w.line else ""
        fix = f" Fix: {w.fix}." if w.fix else ""
        lines.append(f"- {line}`{w.where}`: {w.message}.{fix}")
    return lines


def assess(assessment: Assessment) -> str:
    lines = [f"# Endorsement® assessment: {heading(assessment)}", "",
             "| Credential | Qualified | Met | Requirements met | Soonest |",
             "| --- | --- | --- | --- | --- |"]
    for c in assessment.credentials:
        expected = "" if c.met else (c.expected.isoformat() if c.expected else "-")
        lines.append(f"| {cell(c.id)} {cell(c.name)} | {'yes' if c.qualified else 'no'} | "
                     f"{'yes' if c.met else 'no'} | {c.met_count} of {c.total} | {expected} |")
    rec = assessment.recommended
    lines += ["", SOONEST]
    lines += ["", f"**Recommended: {rec.id}**" + ("" if rec.qualified else " (not yet qualified)"),
              "", rec.reason]
    if rec.also_qualified:
        lines += ["", f"Also qualified for: {', '.join(rec.also_qualified)}."]
    if rec.next_up:
        lines += ["", f"Next up, {rec.next_up}, still needs: {'; '.join(rec.next_up_needs)}."]
    return "\n".join(lines + _warnings(assessment)) + "\n"


def _item(req: RequirementResult, indent: str = "") -> list[str]:
    box = "[x]" if req.met else "[ ]"
    qual = " *(qualification)*" if req.qualification else ""
    lines = [f"{indent}- {box} {req.label}{qual}: {standing(req)}"]
    if req.note and req.applies:
        lines.append(f"{indent}  - note: {req.note}")
    if when := expectation(req):
        lines.append(f"{indent}  - {when}")
    if req.kind == "any" and not req.met:
        for option in req.options:
            lines += _item(option, indent + "  ")
    elif req.next_step:
        lines.append(f"{indent}  - next: {req.next_step}")
    return lines


def gaps(assessment: Assessment, result: CredentialResult, why: str) -> str:
    lines = [f"# Gap checklist: {result.id} {result.name} ({WHY[why]})", "",
             heading(assessment) + ".", "", status(result).capitalize() + ".", ""]
    for req in result.requirements:
        lines += _item(req)
    return "\n".join(lines + _warnings(assessment)) + "\n"


def timeline(assessment: Assessment, result: CredentialResult, why: str) -> str:
    lines = [f"# Timeline: {result.id} {result.name} ({WHY[why]})", "",
             heading(assessment) + ".", "", "| When | Requirement | Why then |", "| --- | --- | --- |"]
    lines += [f"| {when} | {cell(label)} | {cell(because)} |"
              for when, label, because in timeline_rows(result)]
    lines += ["", f"**{timeline_end(result)}**"]
    return "\n".join(lines + _warnings(assessment)) + "\n"


def credentials(rules: Rules, source: str) -> str:
    lines = [f"# {rules.name}", "", f"From {source}."]
    for c in rules.by_level():
        lines += ["", f"## {c.id} {c.name}", "", f"Level {c.level}, focus: {c.focus}."]
        if c.audience:
            lines += ["", c.audience]
        lines.append("")
        for req in c.requirement:
            kind = req.__struct_config__.tag
            tag = "qualification" if req.qualification else "requirement"
            lines.append(f"- **{req.id}** ({kind}, {tag}): {req.label}")
            if isinstance(req, AnyReq):
                for opt in req.option:
                    lines.append(f"  - or **{opt.id}** ({opt.__struct_config__.tag}): {opt.label}")
    return "\n".join(lines) + "\n"
