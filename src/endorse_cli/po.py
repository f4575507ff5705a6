"""Read gettext ``.po`` catalogs and write the ``.mo`` files gettext loads: the standard
formats, with nothing but the standard library.

Used twice: when a wheel is built (``hatch_build.py`` writes each ``.mo`` from its ``.po``),
and at run time in a source checkout, where no ``.mo`` exists and the ``.po`` is compiled in
memory on first use (so an edited catalog is seen at once, and no cache can go stale).
"""

from __future__ import annotations

import ast
import struct
from collections.abc import Iterable
from typing import NamedTuple


class Message(NamedTuple):
    msgid: str
    #: The singular and, for a plural message, each plural form.
    msgstr: tuple[str, ...]
    plural: str | None = None
    context: str | None = None
    fuzzy: bool = False
    #: The line of its ``msgid``, for messages about the catalog.
    line: int = 0


def _unquote(text: str, line: int) -> str:
    text = text.strip()
    if not (text.startswith('"') and text.endswith('"')):
        raise ValueError(f"line {line}: a quoted string was expected, not {text!r}")
    return ast.literal_eval(text)


def parse(text: str) -> list[Message]:
    """The messages of a ``.po`` file, header (``msgid ""``) included, obsolete ones left out."""
    messages: list[Message] = []
    entry: dict[str, object] = {}
    key: str | None = None
    fuzzy = False

    def flush() -> None:
        nonlocal entry, key, fuzzy
        if "msgid" in entry:
            forms = entry.get("forms", {})
            assert isinstance(forms, dict)
            msgstr = tuple(forms[i] for i in sorted(forms)) if forms else (str(entry.get("msgstr", "")),)
            messages.append(Message(str(entry["msgid"]), msgstr,
                                    entry.get("msgid_plural"),  # type: ignore[arg-type]
                                    entry.get("msgctxt"), fuzzy, int(entry["line"])))  # type: ignore[call-overload]
        entry, key, fuzzy = {}, None, False

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            flush()
            continue
        if line.startswith("#~"):
            continue
        if line.startswith("#"):
            if "msgid" in entry:
                flush()  # comments belong to the message that follows them
            fuzzy = fuzzy or (line.startswith("#,") and "fuzzy" in line)
            continue
        if line.startswith('"'):
            if key is None:
                raise ValueError(f"line {number}: a string that continues nothing")
            if key.startswith("msgstr["):
                forms = entry["forms"]
                assert isinstance(forms, dict)
                index = int(key[7:-1])
                forms[index] += _unquote(line, number)
            else:
                entry[key] = str(entry[key]) + _unquote(line, number)
            continue
        word, _, rest = line.partition(" ")
        if word in ("msgctxt", "msgid") and "msgid" in entry:
            flush()
        if word == "msgid":
            entry["line"] = number
        if word.startswith("msgstr["):
            entry.setdefault("forms", {})
            entry["forms"][int(word[7:-1])] = _unquote(rest, number)  # type: ignore[index]
        elif word in ("msgctxt", "msgid", "msgid_plural", "msgstr"):
            entry[word] = _unquote(rest, number)
        else:
            raise ValueError(f"line {number}: {word!r} is not a .po keyword")
        key = word
    flush()
    return messages


def _key(message: Message) -> str:
    key = message.msgid
    if message.context is not None:
        key = f"{message.context}\x04{key}"
    if message.plural is not None:
        key += "\x00" + message.plural
    return key


def mo(messages: Iterable[Message]) -> bytes:
    """The ``.mo`` file of ``messages``: translated, not fuzzy ones only (and the header)."""
    table = sorted((_key(m).encode(), "\x00".join(m.msgstr).encode())
                   for m in messages
                   if m.msgid == "" or (not m.fuzzy and all(m.msgstr)))
    count = len(table)
    ids_at = 7 * 4
    strs_at = ids_at + count * 8
    data_at = strs_at + count * 8
    ids, strs, data = [], [], b""
    for original, _ in table:
        ids.append((len(original), data_at + len(data)))
        data += original + b"\x00"
    for _, translated in table:
        strs.append((len(translated), data_at + len(data)))
        data += translated + b"\x00"
    head = struct.pack("<7I", 0x950412DE, 0, count, ids_at, strs_at, 0, 0)
    index = b"".join(struct.pack("<2I", *pair) for pair in ids + strs)
    return head + index + data


def compile_po(text: str) -> bytes:
    """``.po`` text to ``.mo`` bytes."""
    return mo(parse(text))
