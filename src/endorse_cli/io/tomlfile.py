"""Read a TOML file into a validated struct, with every failure named by file, line and key."""

from __future__ import annotations

import re
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
    """A portfolio's place in words; a rules file (read by those who write it) keeps its key
    path."""
    from ..errors import PortfolioError

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
        info = path.stat()
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
        return path.read_bytes()
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
        raise error(N_("is not UTF-8 text (byte {byte})"), file=name, line=line,
                    fix=N_("save the file as UTF-8 in your editor"),
                    byte=f"0x{data[exc.start]:02x}") from None


def read_text(path: Path, error: type[FileProblem], name: str) -> str:
    return decode(read_bytes(path, error, name), error, name)


def loads(text: str) -> dict[str, Any]:
    """Parse TOML: with rtoml (eight times faster), or the standard library's tomllib.

    rtoml also reads TOML 1.1 (trailing commas in inline tables...). When it refuses a
    document, tomllib reads it again, so that what it accepts is accepted too and a document
    neither accepts fails with tomllib's message, line and column.
    """
    try:
        import rtoml

        return rtoml.loads(text)
    except Exception:  # noqa: BLE001 - no rtoml here, or a refusal, told by tomllib below
        import tomllib

        return tomllib.loads(text)


def parse_toml(text: str, error: type[FileProblem], name: str) -> dict[str, Any]:
    try:
        return loads(text)
    except RecursionError:
        raise error(N_("is nested too deeply to read"), file=name,
                    fix=N_("a portfolio needs tables nested only a few levels")) from None
    except ValueError as exc:  # tomllib.TOMLDecodeError
        from .locate import format_where
        from .problems import explain_toml  # only on the way to an error message

        message = str(exc)
        line = None
        if m := re.search(r"\(at line (\d+), column \d+\)", message):
            line = int(m[1])
            message = message[: m.start()].strip()
        elif "(at end of document)" in message:
            line = text.count("\n") + 1
            message = message.replace("(at end of document)", "").strip()
        problem = explain_toml(text, line, message)
        raise error(problem.message, file=name, where=format_where(problem.path) or None,
                    line=problem.line or line, fix=problem.fix,
                    place=_place(error, problem.path, None)) from None


def load(path: Path, kind: type[T], error: type[FileProblem], *, name: str | None = None) -> Loaded[T]:
    """Read ``path`` as a ``kind`` struct; raise ``error`` naming the file, line and key."""
    name = name or str(path)
    text = read_text(path, error, name)
    raw = parse_toml(text, error, name)
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
