"""Text for people without rich, where rich would write no colour: through a pipe or to a file.

:class:`PlainConsole` and :class:`PlainText` stand in for rich's ``Console`` and ``Text`` in
the views of :mod:`.text` (the one writer of the layout): the same calls, the same bytes.
Printable ASCII, which is what nearly every line is, is written as it is; any other line
(a name with an accent, a tab, a control character) goes to rich's own console, loaded then,
so that its cell widths, tabs and escapes stay rich's. Loading rich's console and text costs
more than a light command's whole work, which is why this exists (README, "Start-up time").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import IO, Any


def _plain(text: str) -> bool:
    return text.isascii() and text.isprintable()


class PlainText:
    """The part of rich's ``Text`` the views use, as (text, style) pieces; styles are kept
    only to be handed to rich when a line is not plain ASCII."""

    __slots__ = ("parts",)

    def __init__(self, text: str = "", style: str = "") -> None:
        self.parts: list[tuple[str, str]] = [(text, style)] if text else []

    @property
    def plain(self) -> str:
        return "".join(text for text, _style in self.parts)

    def append(self, text: str, style: str = "") -> PlainText:
        if text:
            self.parts.append((text, style))
        return self

    @classmethod
    def assemble(cls, *pieces: PlainText | str | tuple[str, str]) -> PlainText:
        new = cls()
        for piece in pieces:
            if isinstance(piece, PlainText):
                new.parts.extend(piece.parts)
            elif isinstance(piece, tuple):
                new.append(*piece)
            else:
                new.append(piece)
        return new

    def join(self, lines: Iterable[PlainText]) -> PlainText:
        new = PlainText()
        for i, line in enumerate(lines):
            if i:
                new.parts.extend(self.parts)
            new.parts.extend(line.parts)
        return new

    def rstrip(self) -> None:
        while self.parts and not self.parts[-1][0].rstrip():
            self.parts.pop()
        if self.parts:
            text, style = self.parts[-1]
            self.parts[-1] = (text.rstrip(), style)

    def wrap(self, console: Any, width: int) -> list[PlainText]:
        """rich's word wrap (``Text.wrap``), as plain lines: no colour is written."""
        from .text import _plain_lines

        plain = self.plain
        lines = _plain_lines(plain, width) if _plain(plain) else None
        if lines is None:
            from rich.text import Text

            lines = [line.plain for line in Text(plain).wrap(console.rich, width)]
        return [PlainText(line) for line in lines]

    def rich(self) -> Any:
        from rich.text import Text

        return Text.assemble(*self.parts)


class PlainConsole:
    """rich's console without colour, 80 columns wide (not a terminal), for the calls of
    :mod:`.text`; ``rich``: the rich console on the same stream, made when first needed."""

    color_system = None
    width = 80
    Text = PlainText

    def __init__(self, file: IO[str], rich: Callable[[], Any]) -> None:
        self.file = file
        self._rich = rich
        self.quiet = False

    @property
    def rich(self) -> Any:
        return self._rich()

    def print(self, *objects: PlainText | str, soft_wrap: bool = True) -> None:
        if self.quiet:
            return
        if not objects:
            self._write("\n")
            return
        (text,) = objects
        plain = text if isinstance(text, str) else text.plain
        if all(_plain(line) for line in plain.split("\n")):
            self._write(plain + "\n")
        elif isinstance(text, str):  # lines gathered by `say`: printed as rich prints them
            from rich.segment import Segment, Segments

            self.rich.print(Segments([Segment(plain + "\n")]), soft_wrap=True)
        else:
            self.rich.print(text.rich(), soft_wrap=True)

    def _write(self, text: str) -> None:
        try:
            self.file.write(text)
            self.file.flush()
        except BrokenPipeError:  # as rich's console in Terminal does: the CLI decides
            self.quiet = True
            raise
