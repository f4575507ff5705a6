"""Find the line of a key path in TOML text, for messages that point at the right line.

tomllib gives values, not positions, so this reads the text once more, line by line, and
notes where each table header and key stands. It understands headers (``[a.b]``,
``[[a.b]]``), dotted keys and multi-line strings; a key inside an inline table or array is
found at the line of the key that holds it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

Path = tuple[str | int, ...]

_PART = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_KEY = rf"{_PART}(?:\s*\.\s*{_PART})*"


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    """Compiled on first use: most runs never need a line number."""
    return (
        re.compile(rf"^\[\[\s*({_KEY})\s*\]\]"),  # [[array.of.tables]]
        re.compile(rf"^\[\s*({_KEY})\s*\]"),  # [table]
        re.compile(rf"^({_KEY})\s*=(.*)$"),  # key = value
        re.compile(_PART),
    )


def _parts(key: str) -> list[str]:
    return [p[1:-1] if p[0] in "\"'" else p for p in _patterns()[3].findall(key)]


class LineIndex:
    """Maps key paths such as ``("training", 3, "hours")`` to 1-based line numbers."""

    def __init__(self, text: str) -> None:
        self._lines: dict[Path, int] = {}
        self._tables: dict[int, Path] = {}  # the table each line belongs to
        self._at: dict[int, Path] | None = None
        self._build(text)

    def _note(self, path: Path, line: int) -> None:
        self._lines.setdefault(path, line)

    def _build(self, text: str) -> None:
        array_header, table_header, key_value, _ = _patterns()
        counts: dict[Path, int] = {}
        current: Path = ()
        closing: str | None = None  # the quotes that end the multi-line string we are in

        def resolve(parts: Sequence[str], base: Path = ()) -> Path:
            path = base
            for part in parts:
                path += (part,)
                if path in counts:
                    path += (counts[path] - 1,)
            return path

        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if closing:
                if line.count(closing) % 2 == 1:
                    closing = None
                continue
            self._tables[number] = current
            if not line or line.startswith("#"):
                continue
            if match := array_header.match(line):
                parts = _parts(match[1])
                parent = resolve(parts[:-1])
                array = parent + (parts[-1],)
                counts[array] = counts.get(array, 0) + 1
                current = array + (counts[array] - 1,)
                self._note(array, number)
                self._note(current, number)
            elif match := table_header.match(line):
                current = resolve(_parts(match[1]))
                self._note(current, number)
            elif match := key_value.match(line):
                parts = _parts(match[1])
                for i in range(1, len(parts) + 1):
                    self._note(current + tuple(parts[:i]), number)
                value = match[2]
                for quotes in ('"""', "'''"):
                    if value.count(quotes) % 2 == 1:
                        closing = quotes
                        break

    def path_at(self, line: int, key: str | None = None) -> Path | None:
        """The key path written on ``line``: ``key`` in the table of that line, when given."""
        if key is not None:
            return self._tables.get(line, ()) + (key,)
        if self._at is None:  # built once: the longest key path written on each line
            self._at = {}
            for path, at in self._lines.items():
                if len(path) > len(self._at.get(at, ())):
                    self._at[at] = path
        return self._at.get(line)

    def line_of(self, path: Path) -> int | None:
        """The line of ``path``, or of the nearest enclosing key or table that is written."""
        path = tuple(path)
        while path:
            if path in self._lines:
                return self._lines[path]
            path = path[:-1]
        return None


def parse_where(where: str) -> Path:
    """``training[3].hours`` -> ``("training", 3, "hours")``."""
    path: list[str | int] = []
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", where):
        path.append(int(index) if index else name)
    return tuple(path)


def format_where(path: Path) -> str:
    """``("training", 3, "hours")`` -> ``training[3].hours``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


_SIMPLE_HEADER = re.compile(r"^[ \t]*(\[\[?)[ \t]*([A-Za-z0-9_-]+)[ \t]*\]\]?[ \t]*(?:#.*)?$", re.M)


class QuickLines:
    """The line of a plain key path (``training[3].hours``, ``applicant.email``, ``format``)
    found from the table headers alone: a few regular-expression scans instead of reading
    every line. None when the file is written in a way it does not follow."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.headers: list[tuple[str, bool, int, int]] = []  # name, [[array]], offset, line
        self._names: dict[tuple[str, bool], list[int]] | None = None
        line, last = 1, 0
        for match in _SIMPLE_HEADER.finditer(text):
            line += text.count("\n", last, match.start())
            last = match.start()
            self.headers.append((match[2], match[1] == "[[", match.start(), line))

    def _key_line(self, start: int, end: int, first_line: int, key: object) -> int | None:
        if not isinstance(key, str):
            return None
        found = re.compile(rf"^[ \t]*\"?{re.escape(key)}\"?[ \t]*=", re.M).search(
            self.text, start, end)
        return first_line + self.text.count("\n", start, found.start()) if found else None

    def line_of(self, path: Path) -> int | None:
        if not path or not isinstance(path[0], str):
            return None
        name, rest = path[0], path[1:]
        index = rest[0] if rest and isinstance(rest[0], int) else None
        written = self._by_name().get((name, index is not None), [])
        if index is not None and 0 <= index < len(written):
            n = written[index]
        elif index is None and written:
            n = written[0]
        else:
            n = None
        if n is not None:
            _, _, offset, line = self.headers[n]
            keys = rest[1:] if index is not None else rest
            end = self.headers[n + 1][2] if n + 1 < len(self.headers) else len(self.text)
            if not keys:
                return line
            found = self._key_line(offset, end, line, keys[0])
            if found is None and len(keys) > 1:  # a table inside the entry: read all
                return None
            return found or line
        if index is None and not rest:  # a top-level key, before the first header
            end = self.headers[0][2] if self.headers else len(self.text)
            return self._key_line(0, end, 1, name)
        return None

    def _by_name(self) -> dict[tuple[str, bool], list[int]]:
        """The headers of each table or array of tables, in order: built once, so that
        finding the lines of many entries never reads the headers again for each."""
        if self._names is None:
            self._names = {}
            for n, (header, is_array, _, _) in enumerate(self.headers):
                self._names.setdefault((header, is_array), []).append(n)
        return self._names
