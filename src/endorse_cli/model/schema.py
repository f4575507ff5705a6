"""The portfolio format's JSON Schema, derived from the very structs the reader validates with.

Draft-07, which editors (Taplo / Even Better TOML, VS Code) and check-jsonschema accept.
"""

from __future__ import annotations

from typing import Any

def _rename_refs(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: (v.replace("#/$defs/", "#/definitions/") if k == "$ref" else _rename_refs(v))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_rename_refs(v) for v in node]
    return node


def portfolio_schema() -> dict[str, Any]:
    import msgspec

    from .portfolio import FORMATS, Portfolio

    generated = msgspec.json.schema(Portfolio)
    definitions = _rename_refs(generated.pop("$defs"))
    root = definitions.pop(generated["$ref"].rsplit("/", 1)[-1])
    root["properties"]["format"] = {"enum": list(FORMATS),
                                    "description": "The portfolio format's version."}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "endorse portfolio, formats " + " and ".join(map(str, FORMATS)),
        **{k: v for k, v in root.items() if k != "title"},
        "definitions": definitions,
    }
