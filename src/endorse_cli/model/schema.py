"""The portfolio format's JSON Schema, derived from the very structs the reader validates with.

Draft-07, which editors (Taplo / Even Better TOML, VS Code) and check-jsonschema accept.
"""

from __future__ import annotations

from typing import Any

from .message import N_, Speaker

#: What the schema says of the format and of each part of it (the structs' own docstrings),
#: marked for the catalog: an editor shows it to the person typing, in her language
#: (`endorse schema --lang es`, and the schema `endorse init` writes beside a portfolio).
DESCRIPTIONS = (
    N_("An applicant's Infant Mental Health Endorsement® portfolio."),
    N_("The portfolio format's version."),
    N_("Who the portfolio belongs to."),
    N_("A degree or credential earned."),
    N_("A job: work experience, counted in days."),
    N_("A course, workshop or conference session attended."),
    N_("Reflective supervision/consultation (RS/C) received."),
    N_("A professional reference (rater)."),
    N_("The Endorsement exam."),
    N_("A professional license, e.g. a state mental health license."),
    N_("An Endorsement® held, for its yearly renewal."),
)

def _rename_refs(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: (v.replace("#/$defs/", "#/definitions/") if k == "$ref" else _rename_refs(v))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_rename_refs(v) for v in node]
    return node


def portfolio_schema(language: Speaker | None = None) -> dict[str, Any]:
    """The schema; its descriptions in ``language`` (None: English)."""
    import msgspec

    from .portfolio import FORMATS, Portfolio

    generated = msgspec.json.schema(Portfolio)
    definitions = _rename_refs(generated.pop("$defs"))
    root = definitions.pop(generated["$ref"].rsplit("/", 1)[-1])
    root["properties"]["format"] = {"enum": list(FORMATS),
                                    "description": "The portfolio format's version."}
    schema = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "endorse portfolio, formats " + " and ".join(map(str, FORMATS)),
        **{k: v for k, v in root.items() if k != "title"},
        "definitions": definitions,
    }
    return schema if language is None else _described(schema, language)


def _described(node: Any, language: Speaker) -> Any:
    """``node`` with each description said in ``language`` (a property named ``description``,
    whose value is a schema, is walked into, not said)."""
    if isinstance(node, dict):
        return {k: (language.gettext(v) if k == "description" and isinstance(v, str)
                    else _described(v, language)) for k, v in node.items()}
    if isinstance(node, list):
        return [_described(v, language) for v in node]
    return node
