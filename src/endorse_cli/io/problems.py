"""Turn a validation failure into a message a person can act on.

msgspec says *what* failed and *where* (``$.training[3].hours``); this module adds the key
path as the format writes it, the value that was found, a "did you mean" for misspelt keys
and values, and a fix. It works from the declared types, so it knows every struct of the
portfolio and rules formats without a word about either.
"""

from __future__ import annotations

import datetime as dt
import re
import types
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import msgspec
from msgspec import structs

from .hints import did_you_mean
from .locate import Path

_MESSAGE = re.compile(r"^(?P<what>.*?)(?: - at `(?P<at>.*)`)?$", re.S)
_TOKEN = re.compile(r"\.([A-Za-z0-9_-]+)|\[(\d+)\]|\[\.\.\.\]")


@dataclass(frozen=True)
class Problem:
    path: Path
    message: str
    fix: str | None = None


# -- types -----------------------------------------------------------------------------------


def _strip(tp: Any) -> Any:
    """Drop ``Annotated`` and ``| None`` around a type."""
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp
            tp = args[0]
        else:
            return tp


def _is_struct(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, msgspec.Struct)


def _pick_variant(tp: Any, raw: Any) -> Any:
    """For a tagged union of structs, the variant that ``raw`` names by its tag."""
    if get_origin(tp) not in (Union, types.UnionType):
        return tp
    variants = [a for a in get_args(tp) if _is_struct(a)]
    if isinstance(raw, dict):
        for variant in variants:
            config = variant.__struct_config__
            if config.tag_field and raw.get(config.tag_field) == config.tag:
                return variant
    return tp


def _fields(tp: Any) -> dict[str, Any]:
    return {f.encode_name: f for f in structs.fields(tp)} if _is_struct(tp) else {}


def _child(tp: Any, raw: Any, key: str | int) -> tuple[Any, Any]:
    tp = _pick_variant(_strip(tp), raw)
    if isinstance(key, int):
        args = get_args(tp)
        value = raw[key] if isinstance(raw, list) and key < len(raw) else None
        return (args[0] if args else Any), value
    if _is_struct(tp):
        field = _fields(tp).get(key)
        value = raw.get(key) if isinstance(raw, dict) else None
        return (field.type if field else Any), value
    if get_origin(tp) is dict:
        value = raw.get(key) if isinstance(raw, dict) else None
        return get_args(tp)[1], value
    return Any, None


def _tag_choices(tp: Any) -> tuple[str, list[str]] | None:
    tp = _strip(tp)
    if get_origin(tp) in (Union, types.UnionType):
        variants = [a for a in get_args(tp) if _is_struct(a) and a.__struct_config__.tag_field]
        if variants:
            return variants[0].__struct_config__.tag_field, [v.__struct_config__.tag for v in variants]
    return None


def _locate(root: Any, raw: Any, at: str, key_error: bool) -> tuple[Path, Any, Any, Any]:
    """Follow msgspec's path through the types and data; resolve its ``[...]`` dict keys.

    Returns the path, the declared type and the value found there, and the declared type
    of the table that holds it.
    """
    path: list[str | int] = []
    tp, value, parent = root, raw, root
    for match in _TOKEN.finditer(at):
        name, index = match[1], match[2]
        if name is not None or index is not None:
            key: str | int = name if name is not None else int(index)
        else:  # a dict key msgspec does not name: find the entry that fails
            key_tp, value_tp = get_args(_strip(tp)) or (Any, Any)
            key = next((k for k, v in (value or {}).items() if _fails(k, key_tp)
                        or (not key_error and _fails(v, value_tp))), "?")
            if key_error:
                path.append(key)
                return tuple(path), key_tp, key, tp
        path.append(key)
        parent = tp
        tp, value = _child(tp, value, key)
    return tuple(path), tp, value, parent


def _fails(value: Any, tp: Any) -> bool:
    try:
        msgspec.convert(value, tp)
    except msgspec.ValidationError:
        return True
    return False


# -- words --------------------------------------------------------------------------------

_EXAMPLES = {int: "1", float: "1.5", str: '"..."', bool: "true", dt.date: "2024-03-15"}
_KINDS = {
    int: "a whole number",
    float: "a number",
    str: "text in quotes",
    bool: "true or false",
    dt.date: "a date such as 2024-03-15",
}


def _describe_type(tp: Any) -> str:
    tp = _strip(tp)
    if get_origin(tp) is Literal:
        return "one of " + ", ".join(f'"{c}"' for c in get_args(tp))
    if tp in _KINDS:
        return _KINDS[tp]
    if get_origin(tp) is list:
        return "a list in brackets, such as [" + _example(get_args(tp)[0]) + "]"
    if _is_struct(tp) or get_origin(tp) is dict:
        return "a table"
    return "a value of another type"


def _example(tp: Any) -> str:
    tp = _strip(tp)
    if get_origin(tp) is Literal:
        return f'"{get_args(tp)[0]}"'
    return _EXAMPLES.get(tp, "...")


def describe_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 40 else f'"{value[:37]}..."'
    if isinstance(value, dt.datetime):
        return f"the date and time {value.isoformat()}"
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return repr(value)


def _section(path: Path) -> str:
    if not path:
        return "the top of the file"
    if isinstance(path[-1], int):
        return f"this [[{path[-2]}]] entry"
    return f"[{path[-1]}]"


# -- the translation ------------------------------------------------------------------------


def explain(error: msgspec.ValidationError, root: Any, raw: Any) -> Problem:
    match = _MESSAGE.match(str(error))
    what, at = match["what"], match["at"] or "$"
    key_error = at.startswith("`key` in ")
    path, tp, value, parent = _locate(root, raw, at.removeprefix("`key` in "), key_error)

    if m := re.match(r"Object contains unknown field `(.+)`", what):
        key = m[1]
        return _unknown_key(path + (key,), key, list(_fields(_pick_variant(_strip(tp), value))))

    if m := re.match(r"Object missing required field `(.+)`", what):
        key = m[1]
        owner = _pick_variant(_strip(tp), value)
        field = _fields(owner).get(key)
        tags = _tag_choices(tp) if field is None else None
        if tags and tags[0] == key:
            example = f'"{tags[1][0]}"'
            hint = f" (one of {', '.join(tags[1])})"
        elif field is not None and _is_struct(_strip(field.type)):
            return Problem(path, f"the required table [{key}] is missing",
                           f"add the [{key}] table to the file")
        elif field is not None and get_origin(_strip(field.type)) is list and _is_struct(
                _strip(get_args(_strip(field.type))[0])):
            return Problem(path, f"there is no [[{key}]] table",
                           f"add one or more [[{key}]] tables")
        else:
            example, hint = (_example(field.type), "") if field else ("...", "")
        return Problem(path, f"the required key `{key}` is missing",
                       f"add `{key} = {example}` to {_section(path)}{hint}")

    if m := re.match(r"Invalid (?:enum )?value '?(.*?)'?$", what):
        found = m[1]
        if get_origin(_strip(tp)) is Literal:
            choices = [str(c) for c in get_args(_strip(tp))]
        else:  # an unknown tag value, such as a requirement `kind`
            value = found
            choices = (_tag_choices(parent) or ("", []))[1]
        guess = did_you_mean(str(found), choices) if choices else None
        message = f"{describe_value(value if value is not None else found)} is not allowed here"
        if guess:
            message += f"; did you mean \"{guess}\"?"
        fix = ("use one of: " + ", ".join(choices)) if choices else None
        return Problem(path, message, fix)

    if m := re.match(r"Expected `(\w+)` (>|>=|<|<=) (\S+)", what):
        bound = m[3].removesuffix(".0")
        words = {">": "greater than", ">=": "at least", "<": "less than", "<=": "at most"}[m[2]]
        return Problem(path, f"must be {words} {bound} (found {describe_value(value)})",
                       f"write a number {words} {bound}")

    if m := re.match(r"Expected `\w+` of length >= (\d+)", what):
        n = int(m[1])
        if m[0].startswith("Expected `str`"):
            return Problem(path, "must not be empty", _write_text(parent, path))
        return Problem(path, f"needs at least {n} items", f"list at least {n} items")

    if m := re.match(r"Expected `str` matching regex '(.*)'", what):
        if "@" in m[1]:
            return Problem(path, f"{describe_value(value)} does not look like an email address",
                           "write it as name@example.org, or leave the key out")
        if m[1] in (r"\S", r"\\S"):
            return Problem(path, "must not be blank", _write_text(parent, path))
        return Problem(path, f"{describe_value(value)} is not a valid id",
                       "start with a letter or digit; use only letters, digits, '.', '-' and '_'")

    if what.startswith("Invalid RFC3339 encoded"):
        key = next((p for p in reversed(path) if isinstance(p, str)), "date")
        return Problem(path, f"expected a date such as 2024-03-15, found {describe_value(value)}",
                       f"write the date as YYYY-MM-DD with no quotes, e.g. `{key} = 2024-03-15`")

    if m := re.match(r"Expected `(.+?)`, got `(\w+)`", what):
        expected = _describe_type(tp)
        key = next((p for p in reversed(path) if isinstance(p, str)), "key")
        fix = f"write it as {expected}"
        inner = get_args(_strip(tp))
        if get_origin(_strip(tp)) is list and inner and _is_struct(_strip(inner[0])):
            expected = f"[[{key}]] tables"
            fix = f"write each entry under its own [[{key}]] header"
        elif _is_struct(_strip(tp)):
            header = f"[[{key}]]" if isinstance(path[-1], int) else f"[{key}]"
            fix = f"write it as a table, under a {header} header"
        if _strip(tp) is dt.date:
            fix = f"write a date with no time and no quotes, e.g. `{key} = 2024-03-15`"
        elif _strip(tp) is int and isinstance(value, float):
            fix = f"write a whole number, e.g. `{key} = {int(value) if value == value // 1 else 1}`"
        elif _strip(tp) in (int, float):
            fix = f"write a number with no quotes, e.g. `{key} = {_example(tp)}`"
        return Problem(path, f"expected {expected}, found {describe_value(value)}", fix)

    return Problem(path, what, None)


def _write_text(parent: Any, path: Path) -> str:
    field = _fields(_strip(parent)).get(path[-1]) if path else None
    if field is not None and not field.required:
        return "write the text, or leave the key out"
    return "write the text; this key is required"


def _unknown_key(path: Path, key: str, allowed: list[str]) -> Problem:
    guess = did_you_mean(key, [a for a in allowed if a != "extra"])
    message = f"unknown key `{key}`"
    if guess:
        message += f"; did you mean `{guess}`?"
        fix = f"rename it to `{guess}`, or move it under an [extra] table to keep it as a note"
    else:
        shown = ", ".join(a for a in allowed if a != "extra")
        fix = f"the keys allowed here are: {shown}; put anything else under an [extra] table"
    return Problem(path, message, fix)


# -- TOML that does not parse ---------------------------------------------------------------

_KEY_VALUE = re.compile(r'^\s*("[^"]*"|[A-Za-z0-9_.-]+)\s*=\s*(.*?)\s*(#.*)?$')
_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?")


def explain_toml(text: str, line: int | None, message: str) -> Problem:
    """A TOML syntax error in words, with the key it is about and a fix for the usual slips."""
    from .locate import LineIndex

    lines = text.splitlines()
    source = lines[line - 1] if line and line <= len(lines) else ""
    match = _KEY_VALUE.match(source)
    key, value = (match[1].strip('"'), match[2]) if match else ("", "")
    path: Path = ()
    if line:
        index = LineIndex("\n".join(lines[: line - 1] + [source]))
        path = (index.path_at(line, key) if key else index.path_at(line)) or ()
    lowered = message[0].lower() + message[1:]

    if message.startswith("Cannot overwrite a value"):
        return Problem(path, f"the key `{key}` is written twice in this table",
                       "keep one of the two lines")
    if m := re.match(r"Cannot declare \((.*)\) twice", message):
        name = ".".join(part.strip(" '\"") for part in m[1].split(",") if part.strip())
        return Problem(path or (name,), f"the table [{name}] is written twice",
                       f"merge the two [{name}] tables; for a list of entries, write [[{name}]]")
    if match and value:
        if re.fullmatch(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}", value):
            fix = f"write the date as YYYY-MM-DD, e.g. `{key} = 2024-03-15`"
            if message.startswith("Invalid date"):
                return Problem(path, f"{value} is not a real date", "check the day and month")
            return Problem(path, f"{value} is not a date TOML reads", fix)
        if re.fullmatch(r"-?\d+,\d+", value):
            return Problem(path, f"{value} has a decimal comma",
                           f"write decimals with a point, e.g. `{key} = {value.replace(',', '.')}`")
        if value.lower() in ("yes", "no", "true", "false", "on", "off", "y", "n"):
            return Problem(path, f"{value} is not a TOML yes or no",
                           f"write `{key} = true` or `{key} = false`, in lower case")
        if value[0] not in "\"'[{0123456789+-" and not value.startswith(("inf", "nan")):
            return Problem(path, "text must be in quotes",
                           f'write `{key} = "{value}"`')
    return Problem(path, f"is not valid TOML: {lowered}",
                   "check the quotes, brackets and `=` on that line")
