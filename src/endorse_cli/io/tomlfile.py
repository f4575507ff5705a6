"""Read a TOML file into a validated struct, with every failure named by file, line and key."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import msgspec

from ..errors import FileProblem, os_reason
from ..model.files import STDIN, STDIN_NAME  # noqa: F401 - named from here too
from ..model.message import Message, N_

if TYPE_CHECKING:
    from .locate import LineIndex, QuickLines
    from .locate import Path as KeyPath

T = TypeVar("T")

#: Nothing a person writes by hand comes near this; a larger file is not a portfolio.
MAX_BYTES = 5 * 1024 * 1024


class Loaded(Generic[T]):
    """A validated file, with what it takes to point at its lines later."""

    __slots__ = ("value", "name", "text", "raw", "_index", "_quick")

    def __init__(self, value: T, name: str, text: str, raw: dict[str, Any]) -> None:
        self.value = value
        self.name = name
        self.text = text
        self.raw = raw
        self._index: LineIndex | None = None
        self._quick: QuickLines | None = None

    @property
    def index(self) -> LineIndex:
        """Where each key stands: worked out only when a message needs a line number."""
        if self._index is None:
            from .locate import LineIndex

            self._index = LineIndex(self.text)
        return self._index

    def line_of(self, path: KeyPath) -> int | None:
        """The line of ``path``: found from the headers when it can be, else by reading all."""
        if self._quick is None:
            from .locate import QuickLines

            self._quick = QuickLines(self.text)
        return self._quick.line_of(path) or self.index.line_of(path)

    def problem(self, error: type[FileProblem], path: KeyPath, message: str | Message,
                fix: str | Message | None = None, **values: Any) -> FileProblem:
        """``error`` at ``path``: ``message`` and ``fix`` are English templates filled with
        ``values`` (or Messages), said in the reader's language where shown."""
        from .locate import format_where

        return error(message, file=self.name, where=format_where(path) or None,
                     line=self.line_of(path), fix=fix, place=_place(error, path, self.raw),
                     **values)


def _place(error: type[FileProblem], path: KeyPath, raw: Any) -> Any:
    """The place in words: a portfolio's entry and label; a rules file's entries by their
    number and id, and its keys as the file writes them."""
    from ..errors import PortfolioError, RulesError

    if issubclass(error, RulesError):
        from ..model.places import RulesPlace

        return RulesPlace(tuple(path), raw) if path else None
    if not issubclass(error, PortfolioError):
        return None
    from ..model.places import Place

    return Place(tuple(path), raw)


def read_bytes(path: Path, error: type[FileProblem], name: str) -> bytes:
    """The bytes of a regular file of a sensible size (or of standard input, for ``-``), or
    ``error`` saying what is wrong."""
    if str(path) == STDIN:
        return _read_stdin(error, name)
    try:
        # One opening: what is checked is what is read (os.open with O_NONBLOCK, so that a
        # FIFO named by mistake is refused instead of waited on).
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError
            if not stat.S_ISREG(info.st_mode):
                raise error(N_("this is not a regular file (a pipe or a device?)"), file=name,
                            fix=N_("name the .toml file you meant"))
            if info.st_size > MAX_BYTES:
                raise error(N_("the file is {size} MB, more than the {most} MB a portfolio or "
                               "rules file can be"), file=name,
                            fix=N_("check that this is the file you meant"),
                            size=round(info.st_size / 1e6, 1), most=MAX_BYTES // 2**20)
            chunks = [os.read(fd, info.st_size + 1)]
            while chunks[-1] and len(chunks) < MAX_BYTES // 65536 + 2:  # grown since
                chunks.append(os.read(fd, 65536))
            return b"".join(chunks)
        finally:
            os.close(fd)
    except IsADirectoryError:
        raise error(N_("this is a folder, not a file"), file=name,
                    fix=N_("name a .toml file inside it")) from None
    except OSError as exc:
        raise error(N_("cannot be read: {reason}"), file=name,
                    fix=N_("check the file's name and permissions"),
                    reason=os_reason(exc)) from None


def _read_stdin(error: type[FileProblem], name: str) -> bytes:
    import sys

    how = N_("pipe the portfolio in (`cat portfolio.toml | endorse gaps -`), or name its file")
    try:
        if sys.stdin.isatty():  # nothing piped in: never wait for the person to type one
            raise error(N_("`-` reads the portfolio from standard input, and nothing is piped "
                           "in"), file=name, fix=how)
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    except (AttributeError, OSError, ValueError) as exc:  # closed, or no stdin at all
        reason = os_reason(exc) if isinstance(exc, OSError) else str(exc)
        raise error(N_("standard input cannot be read: {reason}"), file=name, fix=how,
                    reason=reason) from None
    if len(data) > MAX_BYTES:
        raise error(N_("more than {most} MB came on standard input; a portfolio is never "
                       "this large"), file=name, fix=N_("check what is piped in"),
                    most=MAX_BYTES // 2**20)
    return data


def decode(data: bytes, error: type[FileProblem], name: str) -> str:
    """UTF-8 text (a byte-order mark is dropped), or ``error`` for binary or other encodings."""
    if b"\x00" in data:
        raise error(N_("this is a binary file, not TOML text"), file=name,
                    fix=N_("name the .toml file you meant"))
    try:
        return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise error(N_("the file is not UTF-8 text: this line holds the byte {byte}"), file=name, line=line,
                    fix=N_("save the file as UTF-8 in your editor"),
                    byte=f"0x{data[exc.start]:02x}") from None


def read_text(path: Path, error: type[FileProblem], name: str) -> str:
    return decode(read_bytes(path, error, name), error, name)


#: The deepest lists and tables in braces may nest (rtoml's limit, which no portfolio comes near):
#: toml-rs has no limit of its own, and a file of thousands would overflow its stack.
MAX_DEPTH = 80
#: Openers to ``(``, closers to ``)``, every other byte dropped (see :func:`_nested_at_most`).
_BRACKETS = bytes.maketrans(b"[{]}", b"(())")
_NOT_BRACKETS = bytes(set(range(256)) - set(b"[]{}"))


def loads(text: str) -> dict[str, Any]:
    """Parse TOML 1.1 with toml-rs (the Rust `toml` crate): half rtoml's time, and the same
    values (dates, times, offsets, big integers, inf and nan) and refusals. Lists and tables
    in braces nested deeper than :data:`MAX_DEPTH` raise RecursionError."""
    import toml_rs

    if not _nested_at_most(text, MAX_DEPTH):
        raise RecursionError("nested too deeply")
    return toml_rs.loads(text)


def _nested_at_most(text: str, most: int) -> bool:
    """Whether no list or table in braces of ``text`` opens more than ``most`` deep.

    Fast for any file: the brackets alone, with each innermost pair taken out at every pass
    (a pass a level); only brackets left unpaired (in quoted text, or a slip) send it to a
    reading that knows quotes and notes."""
    if text.count("[") + text.count("{") <= most:
        return True
    brackets = text.encode("utf-8", "surrogatepass").translate(_BRACKETS, _NOT_BRACKETS)
    for _ in range(most):
        paired = brackets.replace(b"()", b"")
        if len(paired) == len(brackets):
            break
        brackets = paired
    else:
        if b"()" not in brackets:
            return True
        return _depth(text) <= most
    return not brackets or _depth(text) <= most


def _depth(text: str) -> int:
    """The deepest nesting of lists and tables in braces in the values of ``text``."""
    return nesting(text)[0]


def nesting(text: str, end: int | None = None) -> tuple[int, int, int | None]:
    """How lists and tables in braces nest in the values of ``text`` up to offset ``end``,
    read as TOML reads it (quoted text and notes skipped, headings not counted): the deepest
    nesting, the depth still open at ``end``, and the offset of the outermost bracket still
    open there (None when none is)."""
    deepest = depth = at = 0
    opened: int | None = None
    end, line_start = len(text) if end is None else end, True
    while at < end:
        char = text[at]
        if char == "\n":
            line_start = True
        elif char == "#" or (char == "[" and line_start and not depth):  # a note, a heading
            at = text.find("\n", at)
            if at < 0:
                break
            continue
        elif char not in " \t\r":
            line_start = False
            if text.startswith(('"""', "'''"), at):
                close = text.find(text[at:at + 3], at + 3)
                at = end if close < 0 else close + 3
                continue
            if char in "\"'":
                at += 1
                while at < end and text[at] not in (char, "\n"):
                    at += 2 if char == '"' and text[at] == "\\" else 1
            elif char in "[{":
                if not depth:
                    opened = at
                depth += 1
                deepest = max(deepest, depth)
            elif char in "]}" and depth:
                depth -= 1
        at += 1
    return deepest, depth, opened if depth else None


def parse_toml(text: str, error: type[FileProblem], name: str,
               kind: Any = None) -> dict[str, Any]:
    """``text`` read as TOML; ``kind``, the struct it is meant to be, tells the fix of a
    slip by the type of the key it is on (a number, not text in quotes)."""
    try:
        return loads(text)
    except RecursionError:
        raise error(N_("is nested too deeply to read"), file=name,
                    fix=N_("a portfolio needs tables nested only a few levels")) from None
    except ValueError as exc:  # toml_rs.TOMLDecodeError: where it stopped, as numbers
        from .locate import format_where
        from .problems import explain_toml  # only on the way to an error message

        line, column = _place_of(text, getattr(exc, "pos", None))
        reason = str(getattr(exc, "msg", exc)).strip().rsplit("\n", 1)[-1]
        problem = explain_toml(text, line, column, reason, kind)
        raise error(problem.message, file=name, where=format_where(problem.path) or None,
                    line=problem.line or line, fix=problem.fix,
                    place=_place(error, problem.path, None)) from None


def _place_of(text: str, pos: object) -> tuple[int | None, int | None]:
    """The line and column (from 1) of the reader's ``pos``: an offset in the UTF-8 bytes
    (toml-rs 0.4's own ``lineno`` and ``colno`` count it as characters, wrong after any
    letter outside ASCII)."""
    if not isinstance(pos, int):
        return None, None
    before = text.encode("utf-8", "surrogatepass")[:pos].decode("utf-8", "ignore")
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def load(path: Path, kind: type[T], error: type[FileProblem], *, name: str | None = None) -> Loaded[T]:
    """Read ``path`` as a ``kind`` struct; raise ``error`` naming the file, line and key."""
    name = name or str(path)
    text = read_text(path, error, name)
    raw = parse_toml(text, error, name, kind)
    return convert(raw, kind, error, name=name, text=text)


def convert(raw: dict[str, Any], kind: type[T], error: type[FileProblem], *, name: str,
            text: str) -> Loaded[T]:
    try:
        value = msgspec.convert(raw, kind)
    except RecursionError:
        raise error(N_("is nested too deeply to read"), file=name,
                    fix=N_("a portfolio needs tables nested only a few levels")) from None
    except msgspec.ValidationError as exc:
        from .problems import explain  # only on the way to an error message

        loaded: Loaded[Any] = Loaded(None, name, text, raw)
        problem = explain(exc, kind, raw)
        raise loaded.problem(error, problem.path, problem.message, problem.fix) from None
    return Loaded(value, name, text, raw)
