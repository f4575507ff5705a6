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
from dataclasses import dataclass, replace
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import msgspec
from msgspec import structs

from ..errors import choices as use_one_of
from ..model.message import Message, N_, Nn_
from ..model.places import ALL, label_of
from ..model.rules import MONTH_DAY
from .hints import did_you_mean
from .locate import Path

_MESSAGE = re.compile(r"^(?P<what>.*?)(?: - at `(?P<at>.*)`)?$", re.S)
_TOKEN = re.compile(r"\.([A-Za-z0-9_-]+)|\[(\d+)\]|\[\.\.\.\]")


@dataclass(frozen=True)
class Problem:
    """What is wrong where, in English templates said in the reader's language when shown."""

    path: Path
    message: Message
    fix: Message | None = None
    #: The line, when it is not the one the TOML reader named (a quote opened earlier).
    line: int | None = None


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
    int: N_("a whole number"),
    float: N_("a number"),
    str: N_("text in quotes"),
    bool: N_("true or false"),
    dt.date: N_("a date such as 2024-03-15"),
}


def _describe_type(tp: Any) -> Message:
    tp = _strip(tp)
    if get_origin(tp) is Literal:
        return Message(N_("one of {choices}"),
                       choices=", ".join(f'"{c}"' for c in get_args(tp)))
    if tp in _KINDS:
        return Message(_KINDS[tp])
    if get_origin(tp) is list:
        return Message(N_("a list in brackets, such as [{example}]"),
                       example=_example(get_args(tp)[0]))
    if _is_struct(tp) or get_origin(tp) is dict:
        return Message(N_("a table"))
    return Message(N_("a value of another type"))


def _example(tp: Any) -> str:
    tp = _strip(tp)
    if get_origin(tp) is Literal:
        return f'"{get_args(tp)[0]}"'
    return _EXAMPLES.get(tp, "...")


def describe_value(value: Any) -> str | Message:
    """The value as the file writes it, or in words (``a list``) when it is long."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 40 else f'"{value[:37]}..."'
    if isinstance(value, dt.datetime):
        return Message(N_("the date and time {value}"), value=value.isoformat())
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, list):
        return Message(N_("a list"))
    if isinstance(value, dict):
        return Message(N_("a table"))
    return repr(value)


def _section(path: Path) -> str | Message:
    if not path:
        return Message(N_("the top of the file"))
    if isinstance(path[-1], int):
        return Message(N_("this entry"))
    return Message(N_("this table"))


#: The words of msgspec's comparisons: "must be at most 168 (found 200)".
_BOUNDS = {
    ">": (N_("must be greater than {bound} (found {value})"),
          N_("write a number greater than {bound}")),
    ">=": (N_("must be at least {bound} (found {value})"), N_("write a number at least {bound}")),
    "<": (N_("must be less than {bound} (found {value})"), N_("write a number less than {bound}")),
    "<=": (N_("must be at most {bound} (found {value})"), N_("write a number at most {bound}")),
}


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
        missing = Message(N_("the required key `{key}` is missing"), key=key)
        if label := label_of(path, key):
            missing = Message(N_("{label} is missing; it is required"), label=Message(label))
        if tags and tags[0] == key:
            return Problem(path, missing, Message(
                N_("add `{key} = {example}` to {section} (one of {choices})"), key=key,
                example=f'"{tags[1][0]}"', section=_section(path), choices=", ".join(tags[1])))
        if field is not None and _is_struct(_strip(field.type)):
            return Problem(path, Message(N_("the required table [{key}] is missing"), key=key),
                           Message(N_("add the [{key}] table to the file"), key=key))
        if field is not None and get_origin(_strip(field.type)) is list and _is_struct(
                _strip(get_args(_strip(field.type))[0])):
            return Problem(path, Message(N_("there is no [[{key}]] table"), key=key),
                           Message(N_("add one or more [[{key}]] tables"), key=key))
        example = _example(field.type) if field else "..."
        return Problem(path, missing, Message(N_("add `{key} = {example}` to {section}"),
                                              key=key, example=example, section=_section(path)))

    if m := re.match(r"Invalid (?:enum )?value '?(.*?)'?$", what):
        found = m[1]
        if get_origin(_strip(tp)) is Literal:
            choices = [str(c) for c in get_args(_strip(tp))]
        else:  # an unknown tag value, such as a requirement `kind`
            value = found
            choices = (_tag_choices(parent) or ("", []))[1]
        guess = did_you_mean(str(found), choices) if choices else None
        shown = describe_value(value if value is not None else found)
        if guess:
            message = Message(N_('{value} is not allowed here; did you mean "{guess}"?'),
                              value=shown, guess=guess)
        else:
            message = Message(N_("{value} is not allowed here"), value=shown)
        return Problem(path, message, use_one_of(choices) if choices else None)

    if m := re.match(r"Expected `(\w+)` (>|>=|<|<=) (\S+)", what):
        bound = m[3].removesuffix(".0")
        said, fix = _BOUNDS[m[2]]
        return Problem(path, Message(said, bound=bound, value=describe_value(value)),
                       Message(fix, bound=bound))

    if m := re.match(r"Expected `\w+` of length >= (\d+)", what):
        n = int(m[1])
        if m[0].startswith("Expected `str`"):
            return Problem(path, Message(N_("must not be empty")), _write_text(parent, path))
        return Problem(path, Message(Nn_("needs at least {n} item", "needs at least {n} items"),
                                     n=n),
                       Message(Nn_("list at least {n} item", "list at least {n} items"), n=n))

    if m := re.match(r"Expected `str` matching regex '(.*)'", what):
        if "@" in m[1]:
            return Problem(path, Message(N_("{value} does not look like an email address"),
                                         value=describe_value(value)),
                           Message(N_("write it as name@example.org, or leave the key out")))
        if m[1] in (r"\S", r"\\S"):
            return Problem(path, Message(N_("must not be blank")), _write_text(parent, path))
        if m[1] == MONTH_DAY:
            return Problem(path, Message(N_("{value} is not a day of the year"),
                                         value=describe_value(value)),
                           Message(N_("write the month and the day as MM-DD, e.g. 12-31")))
        return Problem(path, Message(N_("{value} is not a valid id"), value=describe_value(value)),
                       Message(N_("start with a letter or digit; use only letters, digits, "
                                  "'.', '-' and '_'")))

    if what.startswith("Invalid RFC3339 encoded"):
        key = next((p for p in reversed(path) if isinstance(p, str)), "date")
        return Problem(path, Message(N_("expected a date such as 2024-03-15, found {value}"),
                                     value=describe_value(value)),
                       Message(N_("write the date as YYYY-MM-DD with no quotes, e.g. "
                                  "`{key} = 2024-03-15`"), key=key))

    if m := re.match(r"Expected `(.+?)`, got `(\w+)`", what):
        expected: Message = _describe_type(tp)
        key = next((p for p in reversed(path) if isinstance(p, str)), "key")
        fix = Message(N_("write it as {expected}"), expected=expected)
        inner = get_args(_strip(tp))
        if get_origin(_strip(tp)) is list and inner and _is_struct(_strip(inner[0])):
            expected = Message(N_("a list of entries"))
            fix = Message(N_("take this line out, and add each entry with `endorse add {key}`"),
                          key=key)
        elif _is_struct(_strip(tp)) and isinstance(path[-1], int):
            fix = Message(N_("take this line out, and add the entry with `endorse add {key}`"),
                          key=key)
        elif _is_struct(_strip(tp)):
            fix = Message(N_("write it as a table, under a {header} header"), header=f"[{key}]")
        if _strip(tp) is dt.date:
            fix = Message(N_("write a date with no time and no quotes, e.g. `{key} = 2024-03-15`"),
                          key=key)
        elif _strip(tp) is int and isinstance(value, float):
            fix = Message(N_("write a whole number, e.g. `{key} = {example}`"), key=key,
                          example=str(int(value) if value == value // 1 else 1))
        elif _strip(tp) in (int, float):
            fix = Message(N_("write a number with no quotes, e.g. `{key} = {example}`"), key=key,
                          example=_example(tp))
        return Problem(path, Message(N_("expected {expected}, found {value}"), expected=expected,
                                     value=describe_value(value)), fix)

    return Problem(path, Message(what), None)


def _write_text(parent: Any, path: Path) -> Message:
    field = _fields(_strip(parent)).get(path[-1]) if path else None
    if field is not None and not field.required:
        return Message(N_("write the text, or leave the key out"))
    return Message(N_("write the text; this key is required"))


def _unknown_key(path: Path, key: str, allowed: list[str]) -> Problem:
    guess = did_you_mean(key, [a for a in allowed if a != "extra"])
    if guess:
        return Problem(path, Message(N_("unknown key `{key}`; did you mean `{guess}`?"), key=key,
                                     guess=guess),
                       Message(N_("rename it to `{guess}`, or move it under an [extra] table to "
                                  "keep it as a note"), guess=guess))
    shown = ", ".join(a for a in allowed if a != "extra")
    return Problem(path, Message(N_("unknown key `{key}`"), key=key),
                   Message(N_("the keys allowed here are: {keys}; put anything else under an "
                              "[extra] table"), keys=shown))


# -- TOML that does not parse ---------------------------------------------------------------

_KEY_VALUE = re.compile(r'^\s*("[^"]*"|[A-Za-z0-9_.-]+)\s*=\s*(.*?)\s*(#.*)?$')
_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?")


#: The slips a line of TOML can hold, each told from the document itself (the place the reader
#: stopped at and the text there), never from the reader's own English: each kind's words,
#: and what to do about it where that is more than the usual check of the line.
_TOML_SLIPS = {
    "no-equals":
        (N_("a key has no `=` and value after it"),
         N_("write the key, `=` and the value, e.g. `hours = 3`; a key is one word, with _ "
            "for a space")),
    "heading-open":
        (N_("the heading on this line is not closed with ']'"),
         N_("end the heading with ']', as the other headings of the file end")),
    "entry-heading-open":
        (N_("the heading on this line is not closed with two brackets"),
         N_("end the heading with two closing brackets, as the other entries' headings "
            "end")),
    "two-statements":
        (N_("expected a new line or the end of the file after a statement"),
         N_("put each `key = value` on a line of its own; after the value, only a note "
            "starting with # may follow")),
    "key-start":
        (N_("a key starts with a character it cannot have"), None),
    "statement":
        (N_("this line is neither a heading nor a `key = value`"), None),
    "value": (N_("the value after `=` is not one the file can hold"),
              N_("put text in quotes, and write numbers, dates and true or false "
                 "as they are")),
    "list-open":
        (N_("a list is not closed with ']'"),
         N_("separate the list's items with commas, and close it with ']'")),
    "braces-open":
        (N_("a table in braces is not closed"),
         N_("separate the pairs with commas, and close the braces on the same line")),
}

#: The escapes a quoted text may hold (TOML 1.1): \b \t \n \f \r \e \" \\ \xHH \uHHHH \UHHHHHHHH.
_ESCAPE = re.compile(r'\\(?:[btnfre"\\]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})')
_BASIC_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
#: A character no line of TOML may hold, but a tab.
_CONTROL_CHAR = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
#: What a key may start with: a bare key's character, or a quote.
_KEY_START = re.compile(r"[A-Za-z0-9_\-\"']")


def _real_day(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _parses(source: str) -> bool:
    """Whether ``source`` alone is TOML (so that the slip is not in it, but in what it
    repeats)."""
    from .tomlfile import loads

    try:
        loads(source)
    except (ValueError, RecursionError):
        return False
    return True


def _open_bracket(text: str, pos: int) -> tuple[int, str] | None:
    """The line and bracket of the outermost list (``[``) or table in braces (``{``) of a value
    still open at offset ``pos``, the text read as TOML reads it (quotes, notes, headings)."""
    from .tomlfile import nesting

    opened = nesting(text, pos)[2]
    return None if opened is None else (text.count("\n", 0, opened) + 1, text[opened])


def _unclosed(text: str) -> tuple[int, str] | None:
    """The offset of the first quoted text that is not closed, and its opening quote."""
    pos, end = 0, len(text)
    while pos < end:
        char = text[pos]
        if char == "#":
            pos = text.find("\n", pos)
            if pos < 0:
                return None
        elif text.startswith(('"""', "'''"), pos):
            quote = text[pos:pos + 3]
            close = text.find(quote, pos + 3)
            if close < 0:
                return pos, quote
            pos = close + 3
            continue
        elif char in "\"'":
            at = pos + 1
            while at < end and text[at] not in (char, "\n"):
                at += 2 if char == '"' and text[at] == "\\" else 1
            if at >= end or text[at] == "\n":
                return pos, char
            pos = at
        pos += 1
    return None


def unclosed_quote(text: str) -> tuple[int, str] | None:
    """The line of the first quoted text that is not closed, and its opening quote: the
    line a missing closing quote is on, wherever the reader noticed it."""
    opened = _unclosed(text)
    return None if opened is None else (text.count("\n", 0, opened[0]) + 1, opened[1])


def _type_at(root: Any, path: Path) -> Any:
    """The declared type of the key at ``path`` of a ``root`` struct (``Any``: not known)."""
    tp = root
    for key in path:
        tp, _ = _child(tp, None, key)
    return _strip(tp)


def _unquoted(path: Path, key: str, value: str, root: Any) -> Problem:
    """A bare word after `=`: text to quote, or a value of the key's own type."""
    tp = _type_at(root, path) if root is not None and path else Any
    found = Message(N_("expected {expected}, found {value}"), expected=_describe_type(tp),
                    value=value)
    if tp in (int, float):
        return Problem(path, found, Message(N_("write a number with no quotes, e.g. "
                                               "`{key} = {example}`"),
                                            key=key, example=_example(tp)))
    if tp is dt.date:
        return Problem(path, found, Message(N_("write a date with no time and no quotes, e.g. "
                                               "`{key} = 2024-03-15`"), key=key))
    if tp is bool:
        return Problem(path, found, Message(N_("write `{key} = true` or `{key} = false`, in "
                                               "lower case"), key=key))
    return Problem(path, Message(N_("text must be in quotes")),
                   Message(N_('write `{key} = "{value}"`'), key=key, value=value))


def explain_toml(text: str, line: int | None, column: int | None = None,
                 reason: str = "", root: Any = None) -> Problem:
    """A TOML syntax error in words, with the key it is about and a fix for the usual slips.

    The slip is told from the document: the place the reader stopped at (``line`` and
    ``column``, from 1, which the reader gives as numbers) and the text there, never from
    the reader's English message; ``reason``, that message, is shown only for a slip of no
    kind known here. ``root``, the struct the file is meant to be, gives each key's type.
    """
    from .locate import LineIndex

    lines = text.split("\n")
    line = min(line or len(lines), len(lines))
    pos = sum(len(before) + 1 for before in lines[:line - 1]) + max(0, (column or 1) - 1)

    def at(number: int) -> tuple[Path, str, str]:
        source = lines[number - 1].rstrip("\r")
        match = _KEY_VALUE.match(source)
        key = match[1].strip('"') if match else ""
        index = LineIndex("\n".join(lines[:number]))
        return (index.path_at(number, key) if key else index.path_at(number)) or (), key, source

    def slip(kind: str, path: Path, where: int) -> Problem:
        said, fix = _TOML_SLIPS[kind]
        return Problem(path, Message(said),
                       Message(fix or N_("check the quotes, brackets and `=` on that line")),
                       line=where)

    path, key, source = at(line)
    match = _KEY_VALUE.match(source)
    value = match[2] if match else ""
    heading = source.strip()

    if (opened := _unclosed(text)) is not None and opened[0] <= pos:
        quoted = text.count("\n", 0, opened[0]) + 1  # where it opens, wherever it was noticed
        return Problem(at(quoted)[0], Message(N_("the quoted text is not closed")),
                       Message(N_("add the closing quote ({quote}) at the end of the text"),
                               quote=opened[1]), line=quoted)
    if control := _CONTROL_CHAR.search(source):
        return Problem(path, Message(N_("the line holds an invisible control character ({char})"),
                                     char=repr(control[0])[1:-1]),
                       Message(N_("type the line again: text pasted from another program can "
                                  "bring such characters")))
    if any("\\" in _ESCAPE.sub("", quoted[1]) for quoted in _BASIC_STRING.finditer(source)):
        return Problem(path, Message(N_("a backslash (\\) in the text starts a code that the file "
                                        "does not know")),
                       Message(N_("write each backslash twice (\\\\), or put the text in "
                                  "single quotes instead of double quotes")))
    bracket = _open_bracket(text, pos)
    if bracket and ((bracket[0] != line and (match or heading.startswith("[")))
                    or _open_bracket(text, len(text)) == bracket):
        # A new statement inside a list or braces, or the end of the file: the one that opens
        # them is not closed.
        return slip("list-open" if bracket[1] == "[" else "braces-open", at(bracket[0])[0],
                    bracket[0])
    if heading.startswith("[") and not match:
        if heading.startswith("[[") and "]]" not in heading:
            return slip("entry-heading-open", path, line)
        if "]" not in heading:
            return slip("heading-open", path, line)
        if (named := _HEADER.match(source)) and _parses(heading):  # well written: a repeat
            name = ".".join(part.strip(" '\"") for part in named[1].split("."))
            return Problem(path or (name,), Message(N_("the table [{name}] is written twice"),
                                                    name=name),
                           Message(N_("merge the two into one; for several entries, write each "
                                      "heading as `endorse add` writes them, with two brackets "
                                      "each side") if name in ALL else N_("merge the two into one")))
    if match and value:
        iso = re.fullmatch(r"\d{4}-\d\d-\d\d", value)
        if re.fullmatch(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}", value) and not (
                iso and _real_day(value)):  # a good date: the slip is elsewhere
            # A month or day out of range (2025-13-40) is written right, but no real date.
            if iso:
                return Problem(path, Message(N_("{value} is not a real date"), value=value),
                               Message(N_("check the day and month")))
            return Problem(path, Message(N_("{value} is not written as a date the file can read"), value=value),
                           Message(N_("write the date as YYYY-MM-DD, e.g. `{key} = 2024-03-15`"),
                                   key=key))
        if re.fullmatch(r"-?\d+,\d+", value):
            return Problem(path, Message(N_("{value} has a decimal comma"), value=value),
                           Message(N_("write decimals with a point, e.g. `{key} = {point}`"),
                                   key=key, point=value.replace(",", ".")))
        if value.lower() in ("yes", "no", "true", "false", "on", "off", "y", "n"):
            return Problem(path, Message(N_("{value} is not written as a yes or no the file can read"), value=value),
                           Message(N_("write `{key} = true` or `{key} = false`, in lower case"),
                                   key=key))
        if value[0] not in "\"'[{0123456789+-" and not value.startswith(("inf", "nan")):
            return _unquoted(path, key, value, root)
        if _parses(source):  # right on its own: the line repeats a key
            return Problem(path, Message(N_("the key `{key}` is written twice in this table"),
                                         key=key),
                           Message(N_("keep one of the two lines")))
        if any(_parses(source[:space]) for space in range(len(source) - len(value),
                                                           len(source)) if source[space] == " "):
            return slip("two-statements", path, line)  # a whole statement, then more
        return slip("value", path, line)
    if match:
        return Problem(path, Message(N_("`{key}` has no value after its `=`"), key=key),
                       Message(N_("write the value after the `=`, or delete the line")))
    if heading and "=" not in heading:
        return slip("no-equals", path, line)
    if heading and not _KEY_START.match(heading):
        return slip("key-start", path, line)
    if heading:
        return slip("statement", path, line)
    lowered = reason[:1].lower() + reason[1:]
    return Problem(path, Message(N_("the file cannot be read from here: {reason}"),
                                 reason=lowered),
                   Message(N_("check the quotes, brackets and `=` on that line")))
