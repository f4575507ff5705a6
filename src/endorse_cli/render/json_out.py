"""The JSON contract (format 1) that coordinators' scripts read. Documented in the README."""

from __future__ import annotations

import re
from typing import Any

import msgspec

from ..model.results import Assessment, CredentialResult, RequirementResult
from ..model.rules import Rules

JSON_FORMAT = 1

#: What JSON may carry raw but a terminal or a page would obey, or show out of order: DEL,
#: the C1 controls (the 8-bit CSI U+009B among them), the line and paragraph separators and
#: the bidirectional overrides and isolates. They only occur inside strings.
_RAW = re.compile("[\x7f-\x9f\u2028-\u202e\u2066-\u2069]")
_RAW_UTF8 = re.compile(rb"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xa8-\xae]|\xe2\x81[\xa6-\xa9]")


def inert(text: str) -> str:
    """JSON text with those characters written as ``\\u`` escapes: the same JSON to a
    reader, inert on a screen. The one guard for every JSON endorse writes."""
    return _RAW.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def inert_bytes(data: bytes) -> bytes:
    """:func:`inert` for UTF-8 bytes."""
    if not _has_raw(data):  # most documents: nothing to escape
        return data
    return _RAW_UTF8.sub(lambda m: f"\\u{ord(m[0].decode()):04x}".encode(), data)


def _has_raw(data: bytes) -> bool:
    """Whether ``data`` holds a character :func:`inert_bytes` escapes: looked for only where
    its first byte is (found at C speed), not by the pattern at every byte."""
    if b"\x7f" in data:
        return True
    for lead in (b"\xc2", b"\xe2"):
        at = data.find(lead)
        while at >= 0:
            if _RAW_UTF8.match(data, at):
                return True
            at = data.find(lead, at + 1)
    return False


def requirement_dict(req: RequirementResult) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": req.id,
        "kind": req.kind,
        "label": req.label,
        "qualification": req.qualification,
        "met": req.met,
        "have": req.have,
        "need": req.need,
        "unit": req.unit,
        "next_step": req.next_step,
        "applies": req.applies,
        "note": req.note,
        "details": msgspec.to_builtins(req.details),
        "expected": req.expected.isoformat() if req.expected else None,
        "assumption": req.assumption,
        "timed": req.timed,
    }
    if req.kind == "any":
        data["options"] = [requirement_dict(o) for o in req.options]
    said = {name: {"code": s.code, "values": s.values} for name, s in
            (("next_step", req.step), ("assumption", req.assumed), ("note", req.noted))
            if s is not None and (name != "next_step" or not req.met)}
    if said:
        data["said"] = said
    return data


def credential_dict(result: CredentialResult,
                    done: dict[int, dict[str, Any]] | None = None) -> dict[str, Any]:
    """``done``: the requirements' dicts made so far for this document, by result: a result
    several credentials share is made into a dict once (msgspec writes it each time)."""
    done = {} if done is None else done
    return {
        "id": result.id,
        "name": result.name,
        "focus": result.focus,
        "level": result.level,
        "qualified": result.qualified,
        "met": result.met,
        "ready": result.ready,
        "waiting_on": [{"code": w.code, "values": w.values, "step": w.step or None}
                       for w in result.waiting_on],
        "requirements_met": result.met_count,
        "requirements_total": result.total,
        "expected": result.expected.isoformat() if result.expected else None,
        "without_date": [r.id for r in result.undated],
        "requirements": [done[id(r)] if id(r) in done else
                         done.setdefault(id(r), requirement_dict(r)) for r in result.requirements],
    }


def assessment_dict(assessment: Assessment) -> dict[str, Any]:
    rec = assessment.recommended
    pick = assessment.credential(rec.id)
    done: dict[int, dict[str, Any]] = {}
    return {
        "format": JSON_FORMAT,
        "file": assessment.file,
        "applicant": assessment.applicant,
        "as_of": assessment.as_of.isoformat(),
        "rules": assessment.rules_name,
        "recommended": {
            "id": rec.id,
            "name": pick.name if pick else rec.id,
            "qualified": rec.qualified,
            "reason": rec.reason,
            "said": {"reason": {"code": rec.why.code, "values": rec.why.values}},
            "also_qualified": list(rec.also_qualified),
            "next_up": {"id": rec.next_up, "needs": list(rec.next_up_needs)} if rec.next_up else None,
        },
        "credentials": [credential_dict(c, done) for c in assessment.credentials],
        "warnings": [{"code": w.code, "message": w.message, "fix": w.fix, "where": w.where,
                      "line": w.line, "values": w.values,
                      "entry": msgspec.to_builtins(w.entry) if w.entry else None}
                     for w in assessment.warnings],
    }


def dumps(data: Any) -> str:
    """Indented JSON, UTF-8 as is, keys in the order of the contract."""
    return inert(msgspec.json.format(msgspec.json.encode(data), indent=2).decode()) + "\n"


def encode(data: Any) -> bytes:
    """Compact JSON on one line, for JSON Lines."""
    return inert_bytes(msgspec.json.encode(data))


# The views of one portfolio and of the rules, as render/formats/json.py writes them.


def assess(assessment: Assessment) -> str:
    return dumps(assessment_dict(assessment))


def gaps(assessment: Assessment, result: CredentialResult, why: str) -> str:
    data = assessment_dict(assessment)
    data["checklist"] = {"id": result.id, "why": why}
    return dumps(data)


def credentials(rules: Rules, source: str) -> str:
    return dumps(msgspec.to_builtins(rules))


timeline = gaps  # the JSON of a checklist has every requirement's expected day already
