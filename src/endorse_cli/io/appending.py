"""New entries (and a changed key) written into a portfolio's text, without reading the whole
file into tomlkit.

tomlkit keeps every comment and blank line, but it reads and writes the whole file in Python:
an entry added to a file of 3,000 entries cost six times one added to a file of 30. The
common change, one or many entries added at the end of their sections, is made here as text
instead: each entry is written as tomlkit writes it, after its section's last entry and
before the comments and blank lines that follow that entry (they lead to what comes next),
or at the end of the file for a section the file does not have yet. One key of one entry or
table is changed on its own line (:func:`edit`). The result is read back
with the fast reader and compared with what was meant before anything is written; where the
file is laid out in a way this cannot be sure of (a section written as an inline array, a
table header this does not read, a key or value this does not write, a result that does not
read back as meant), the caller goes the tomlkit way instead.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from .tomlfile import loads

#: A key written bare, as tomlkit writes it; any other key is left to tomlkit.
_BARE = re.compile(r"[A-Za-z0-9_-]+\Z")
#: Every line that starts with "[" (from the line ending before it): a table header, or
#: something this does not read.
_BRACKET = re.compile(r"\n[ \t]*\[")
#: A header this reads: ``[name]`` or ``[[name]]`` with a bare name, maybe a comment after.
_HEADER = re.compile(
    r"\n[ \t]*(\[\[?)[ \t]*([A-Za-z0-9_-]+)[ \t]*(\]\]?)[ \t]*(?:#[^\n]*)?\r?(?=\n)")

#: How tomlkit escapes a basic string: the quote, the backslash and every control character.
_ESCAPES = {**{c: f"\\u{c:04x}" for c in [*range(0x20), 0x7F]},
            ord('"'): '\\"', ord("\\"): "\\\\", ord("\b"): "\\b", ord("\t"): "\\t",
            ord("\n"): "\\n", ord("\f"): "\\f", ord("\r"): "\\r"}

#: What a text in single quotes cannot hold: every control character but the tab.
_FORBIDDEN_IN_QUOTES = frozenset(map(chr, [*range(0x20), 0x7F])) - {"\t"}

Entry = dict[str, Any]


def value_text(value: Any) -> str | None:
    """``value`` as tomlkit writes it in a table, or None for a value left to tomlkit."""
    kind = type(value)
    if kind is str:
        return '"' + value.translate(_ESCAPES) + '"'
    if kind is bool:
        return "true" if value else "false"
    if kind is int or kind is float:
        return str(value)
    if kind is dt.date:
        return value.isoformat()
    if kind is list:
        items = [value_text(item) for item in value
                 if type(item) is not list and type(item) is not dict]
        if len(items) != len(value) or None in items:
            return None
        return "[" + ", ".join(items) + "]"  # type: ignore[arg-type]
    if kind is dict:  # an inline table, as an entry's [extra] is written on its line
        pairs = [(key_text(key), value_text(item)) for key, item in value.items()]
        if any(key is None or item is None for key, item in pairs):
            return None
        return "{" + ", ".join(f"{key} = {item}" for key, item in pairs) + "}"
    return None  # a datetime, a time: tomlkit's


def key_text(key: Any) -> str | None:
    """A key as tomlkit writes it: bare when it can be, else in quotes."""
    if type(key) is not str:
        return None
    return key if _BARE.match(key) else value_text(key)


def entry_text(section: str, entry: Entry) -> str | None:
    """``[[section]]`` and its keys, one a line, ending in a newline; None when unsure."""
    if not _BARE.match(section):
        return None
    lines = [f"[[{section}]]\n"]
    for key, value in entry.items():
        text = value_text(value)
        if text is None or not _BARE.match(key):
            return None
        lines.append(f"{key} = {text}\n")
    return "".join(lines)


def append(text: str, raw: dict[str, Any], appends: list[tuple[str, Entry]],
           newline: str) -> tuple[str, dict[str, Any]] | None:
    """``text`` with ``appends`` written in, and the value read back from it; None when it
    cannot be done as text for sure (the caller then goes the tomlkit way).

    ``raw`` is what ``text`` reads as; ``newline`` the line ending the file is kept in
    (with CRLF, every line of the result ends in CRLF, as the tomlkit way makes it).
    """
    work, crlf = _prepared(text, newline)
    sections: dict[str, list[Entry]] = {}
    for section, entry in appends:
        sections.setdefault(section, []).append(entry)
    written: dict[str, str] = {}
    for section, entries in sections.items():
        pieces = [entry_text(section, entry) for entry in entries]
        if None in pieces:
            return None
        written[section] = "".join("\n" + piece for piece in pieces)  # type: ignore[operator]
    places: list[tuple[int, str]] = []
    at_end: list[str] = []
    for section, piece in written.items():
        if section not in raw:
            at_end.append(piece)
            continue
        place = _after_last(work, section, raw[section])
        if place is None:
            return None
        places.append((place, piece))
    out: list[str] = []
    done = 0
    for place, piece in sorted(places):
        out.append(work[done:place])
        out.append(piece)
        done = place
    out.append(work[done:])
    result = "".join(out)
    for piece in at_end:  # a new section goes at the end, after one blank line
        if not result.endswith("\n\n") and not result.endswith("\n\r\n"):
            result += "\n"
        result += piece[1:]
    result = _finished(result, crlf)
    read = _read_back(result)
    return (result, read) if read is not None and _as_meant(read, raw, sections) else None


def edit(text: str, raw: dict[str, Any], newline: str, section: str, index: int | None,
         key: str, value: Any) -> tuple[str, dict[str, Any]] | None:
    """``text`` with one key of one entry (``section[index]``) or table (``index`` None) set
    to ``value`` (None removes it), as tomlkit sets it, and the value read back from it; None
    when it cannot be done as text for sure. Only that key's line changes: a value is
    replaced on its line (its comment kept), a new key goes after the table's last (before
    the comments that follow it), a removed key's line goes."""
    work, crlf = _prepared(text, newline)
    tables = raw.get(section)
    if index is None:
        entry, header = tables, _header(work, section, 1, array=False)
    elif type(tables) is list and 0 <= index < len(tables):
        entry, header = tables[index], _header(work, section, len(tables), index)
    else:
        return None
    if type(entry) is not dict or header is None or not _BARE.match(key):
        return None
    start, end = _table_span(work, header)
    lines = list(re.compile(rf"\n[ \t]*{re.escape(key)}[ \t]*=[ \t]*").finditer(
        work, start - 1, end))
    if len(lines) > 1:
        return None
    meant = dict(entry)
    if value is None:
        meant.pop(key, None)
        if lines:  # the whole line goes, its comment with it
            result = work[:lines[0].start() + 1] + work[work.index("\n", lines[0].end()) + 1:]
        else:
            result = work
    else:
        written = value_text(value)
        if written is None:
            return None
        meant[key] = value
        if lines:  # the value replaced, what is around it on the line kept
            at = lines[0].end()
            cut = _value_end(work[at:work.index("\n", at)])
            if cut is None:
                return None
            if work[at] == "'" and work[at:at + 3] != "\'\'\'" and _literal(value):
                written = f"'{value}'"  # a text in single quotes stays in them
            result = work[:at] + written + work[at + cut:]
        else:
            place = _end_of_keys(work, start, end)
            result = work[:place] + f"{key} = {written}\n" + work[place:]
    result = _finished(result, crlf)
    read = _read_back(result)
    if read is None or list(read) != list(raw) or any(
            read[name] != raw[name] for name in raw if name != section):
        return None
    got = read[section]
    if index is None:
        return (result, read) if _same(got, meant) else None
    assert type(tables) is list
    if (type(got) is not list or len(got) != len(tables) or got[:index] != tables[:index]
            or got[index + 1:] != tables[index + 1:] or not _same(got[index], meant)):
        return None
    return result, read


def _literal(value: Any) -> bool:
    """Whether tomlkit writes ``value`` in single quotes in place of a value that was."""
    return type(value) is str and "'" not in value and not any(
        char in _FORBIDDEN_IN_QUOTES for char in value)


def _value_end(rest: str) -> int | None:
    """Where the value that starts ``rest`` (a line after its ``key =``) ends: before the
    comment, if any. None when no part of the line is a whole value (it goes on over lines)."""
    for cut in [*(m.start() for m in re.finditer("#", rest)), len(rest)]:
        value = rest[:cut].rstrip()
        if value and _read_back(f"v = {value}\n") is not None:
            return len(value)
    return None


def _prepared(text: str, newline: str) -> tuple[str, bool]:
    """``text`` with LF line endings (when the file keeps CRLF, told by the second) and its
    last line ended: what follows it goes on a line of its own."""
    crlf = newline == "\r\n"
    work = text.replace("\r\n", "\n") if crlf else text
    if work and not work.endswith("\n"):
        work += "\n"
    return work, crlf


def _finished(text: str, crlf: bool) -> str:
    return text.replace("\n", "\r\n") if crlf else text


def _read_back(text: str) -> dict[str, Any] | None:
    try:
        return loads(text)
    except Exception:  # noqa: BLE001 - not read back: the tomlkit way will say why
        return None


def _after_last(text: str, section: str, entries: Any) -> int | None:
    """Where a new entry of ``section`` goes: after its last entry's keys, before the blank
    lines and comments that follow them. None unless the section is written as ``[[section]]``
    tables, one for each entry the file reads. (Its entries may stand apart, with other
    tables between them: the new one goes after the last, and nothing else moves.)"""
    if type(entries) is not list or not entries:
        return None
    last = _header(text, section, len(entries))
    return None if last is None else _end_of_keys(text, *_table_span(text, last))


def _header(text: str, section: str, count: int, nth: int = -1, *,
            array: bool = True) -> re.Match[str] | None:
    """The line of the ``nth`` ``[[section]]`` header (``[section]`` when not ``array``),
    from the line ending before it, when the file has ``count`` of them."""
    opening, closing = ("[[", "]]") if array else ("[", "]")
    plain = f"\n{opening}{section}{closing}"
    if text.count(plain) == count:  # as endorse and most people write them: found at once
        at = text.rfind(plain)
        if nth >= 0:
            at = -1
            for _ in range(nth + 1):
                at = text.find(plain, at + 1)
        found = _HEADER.match(text, at)
    else:  # written another way (indented, spaced...): every header is read
        mine = [header for header in _HEADER.finditer(text)
                if header[2] == section and header[1] == opening]
        found = mine[nth] if len(mine) == count else None
    if found is None or (found[1], found[2], found[3]) != (opening, section, closing):
        return None
    return found


def _table_span(text: str, header: re.Match[str]) -> tuple[int, int]:
    """Where the keys of the table under ``header`` stand: from the line after it to the
    next line that starts with "[" (or the end)."""
    following = _BRACKET.search(text, header.end())
    return header.end() + 1, following.start() + 1 if following else len(text)


def _end_of_keys(text: str, start: int, end: int) -> int:
    """The end of the last key of ``text[start:end]``: before the blank lines and comments
    after it, which lead to what follows."""
    place = end
    while place > start:
        line_start = max(text.rfind("\n", start, place - 1) + 1, start)
        line = text[line_start:place].strip()
        if line and not line.startswith("#"):
            break
        place = line_start
    return place


def _as_meant(read: dict[str, Any], raw: dict[str, Any], added: dict[str, list[Entry]]) -> bool:
    """Whether ``read`` is ``raw`` with the ``added`` entries after each section's own: the
    text that was there is compared as it reads; the new entries key by key, types and all."""
    if list(read) != [*raw, *(s for s in added if s not in raw)]:
        return False
    for key, value in read.items():
        if key not in added:
            if value != raw[key]:
                return False
            continue
        old = raw.get(key, [])
        new = added[key]
        if (type(value) is not list or len(value) != len(old) + len(new)
                or value[:len(old)] != old):
            return False
        if not all(_same(got, meant) for got, meant in zip(value[len(old):], new)):
            return False
    return True


def _same(got: Any, meant: Any) -> bool:
    """Equal, and of the same type all the way down (``1`` is not ``1.0``, nor ``True``)."""
    if type(got) is not type(meant):
        return False
    if type(got) is dict:
        return list(got) == list(meant) and all(_same(got[k], meant[k]) for k in got)
    if type(got) is list:
        return len(got) == len(meant) and all(_same(a, b) for a, b in zip(got, meant))
    if type(got) is float and math.isnan(got):
        return math.isnan(meant)
    return bool(got == meant)
