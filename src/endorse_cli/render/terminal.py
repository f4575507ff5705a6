"""All output goes through here: data to stdout, messages to stderr, colour only when wanted.

rich is imported only when text output is asked for, so JSON and Markdown start fast.
"""

from __future__ import annotations

import os
import re
import sys
from functools import cached_property
from typing import IO, TYPE_CHECKING

from ..i18n import ENGLISH, N_, Language

if TYPE_CHECKING:
    from rich.console import Console


#: Characters that steer a terminal instead of showing: C0 controls, DEL, C1 controls (the
#: 8-bit CSI U+009B among them) and the bidirectional overrides that reorder what is shown.
#: Every one is unprintable to ``str.isprintable`` (categories Cc and Cf), so text that is
#: printable holds none, and is known so without the pattern (compiled on first need).
STEERING = "[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"


def _escaped(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"


def printable(text: str, keep: str = "") -> str:
    """``text`` safe to show on a terminal: every control character is written out as an
    escape (ESC as ``\\x1b``, the 8-bit CSI as ``\\u009b``), except those in ``keep`` (such as
    a newline in a message); bytes that are not UTF-8 (a file name) show as U+FFFD. The one
    sanitiser for what reaches a terminal from a file: names, keys, paths, messages."""
    clean = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    shown = clean
    for kept in keep:
        shown = shown.replace(kept, "")
    if shown.isprintable():  # nothing to write out: most text, and the pattern not compiled
        return clean
    if not keep:
        return re.sub(STEERING, _escaped, clean)
    return re.sub(STEERING, lambda m: m[0] if m[0] in keep else _escaped(m), clean)


#: How messages on stderr start, in the catalog so that each language has its own.
LABELS = (N_("error"), N_("fix"), N_("warning"), N_("note"), N_("stopped"), N_("written"),
          N_("not ready"), N_("not read"), N_("report"), N_("done"))


#: What `--color` and `--quiet` asked for; set by the command line for the command it runs.
CHOICES = {"colour": "auto", "quiet": False}
#: The values `--color` takes.
COLOUR_CHOICES = ("auto", "always", "never")


def is_terminal(stream: IO[str] | None) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # closed
        return False


#: The messages ``--quiet`` still shows.
QUIET_KEEPS = ("error", "stopped")


def colour_wanted(stream: IO[str]) -> bool:
    """The one policy for colour: ``--color always`` or ``never`` when given; else none with
    ``NO_COLOR`` set (https://no-color.org), colour with ``FORCE_COLOR`` set (even through a
    pipe: https://force-color.org), none on a ``TERM=dumb`` terminal, and otherwise colour on a
    terminal only."""
    choice = CHOICES["colour"]
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return is_terminal(stream) and os.environ.get("TERM") != "dumb"


def live_wanted(stream: IO[str]) -> bool:
    """Whether ``stream`` can show a line redrawn in place (a progress bar): a terminal that is
    not ``TERM=dumb``, and the command not ``--quiet``. FORCE_COLOR never makes a pipe one."""
    return (not CHOICES["quiet"] and is_terminal(stream)
            and os.environ.get("TERM") != "dumb")


class Terminal:
    def __init__(self, stdout: IO[str] | None = None, stderr: IO[str] | None = None,
                 language: Language = ENGLISH) -> None:
        self._stdout = stdout
        self._stderr = stderr
        #: The language of the messages' labels (``error:``, ``aviso:``).
        self.language = language

    @property
    def stdout(self) -> IO[str]:
        return self._stdout or sys.stdout

    @property
    def stderr(self) -> IO[str]:
        return self._stderr or sys.stderr

    @cached_property
    def console(self) -> Console:
        """A rich console on stdout: 80 columns when not a terminal, plain when NO_COLOR."""
        from rich.console import Console

        class _Console(Console):
            def on_broken_pipe(self) -> None:  # rich would exit 1; the CLI decides instead
                self.quiet = True
                raise BrokenPipeError

            def _render_buffer(self, buffer):  # noqa: ANN001, ANN202
                # Text from a file (a name, a title) is shown, never obeyed: rich's own
                # styles are control segments and pass as they are.
                from rich.segment import Segment

                return super()._render_buffer(
                    segment if segment.control else
                    Segment(printable(segment.text, keep="\n\t"), segment.style)
                    for segment in buffer)

        colour = colour_wanted(self.stdout)
        terminal = is_terminal(self.stdout)
        return _Console(
            file=self.stdout,
            highlight=False,
            no_color=not colour,
            color_system=("auto" if terminal else "standard") if colour else None,
            force_terminal=colour and not terminal or None,  # FORCE_COLOR through a pipe
            width=None if terminal else 80,
            emoji=False,
        )

    @cached_property
    def text_console(self) -> Console:
        """The console the text views write with: :attr:`console`, or where it would write
        no colour and not to a terminal (a pipe, a file), the same bytes without loading
        rich (:class:`.plain.PlainConsole`)."""
        if colour_wanted(self.stdout) or is_terminal(self.stdout):
            return self.console
        from .plain import PlainConsole

        return PlainConsole(self.stdout, lambda: self.console)  # type: ignore[return-value]

    def data(self, text: str) -> None:
        """Machine-readable output (JSON, Markdown) as given, with any control character
        (which JSON never holds unescaped) written out rather than obeyed."""
        self.stdout.write(printable(text, keep="\n\t"))
        self.stdout.flush()

    def calendar(self, text: str) -> None:
        """An iCalendar file, as written (its lines end in CRLF, which RFC 5545 asks for;
        its text was made printable when it was written)."""
        buffer = getattr(self.stdout, "buffer", None)
        if buffer is None:
            self.stdout.write(text)
        else:  # as bytes: a text stream could turn each CRLF into CR CR LF (Windows)
            self.stdout.flush()
            buffer.write(text.encode("utf-8"))
            buffer.flush()

    def reader_gone(self) -> bool:
        """True when stdout is a pipe whose reader has closed it (`| head` is done): known
        without writing to it."""
        try:
            import select

            poller = select.poll()
            poller.register(self.stdout.fileno(), select.POLLOUT)
            return any(event & select.POLLERR for _, event in poller.poll(0))
        except (AttributeError, OSError, ValueError):
            return False  # not a real file, or no poll() here (Windows)

    @staticmethod
    def silence_stdout() -> None:
        """Send what is left of stdout nowhere, once its reader has gone."""
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass  # not a real file (tests): nothing will be flushed to it

    def message(self, text: str, *, label: str = "error", style: str = "31") -> None:
        """A message for the person, on stderr, its label in the reader's language. With
        ``--quiet``, only errors (and what stopped the command) are said."""
        if CHOICES["quiet"] and label not in QUIET_KEEPS:
            return
        label = self.language.gettext(label)
        prefix = f"{label}: "
        if colour_wanted(self.stderr):
            prefix = f"\x1b[1;{style}m{label}:\x1b[0m "
        self.stderr.write(prefix + printable(text, keep="\n") + "\n")
        self.stderr.flush()
