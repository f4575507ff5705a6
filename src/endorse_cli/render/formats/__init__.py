"""The output formats, each one module that declares itself once: its name, the views it
writes and their writers, whether its words are the reader's language or the fixed English
of the JSON contract, whether it is bytes for a file named with ``--output``, its media type
and its file ending.

The views: one portfolio's ``assess``, ``gaps``, ``timeline`` and ``renewal``; the rules'
``credentials`` and ``rules``; a batch's ``rows`` (`check`, `validate`) and ``renewal-rows``
(`check --renewal`). A command's ``--format`` takes the formats that write its view.

The registry holds names and the modules that declare them, nothing more: a format's module
is imported only when it is used (and every one only for a help page, a usage error or the
shell's completion), and a writer loads what it needs (rich, openpyxl) only when it writes.
A format of one's own is one module with a :class:`Format` in it, given to :func:`register`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from importlib import import_module
from typing import TYPE_CHECKING, Any

from ...i18n import ENGLISH, N_, Language
from ...model.message import Message

if TYPE_CHECKING:
    from ..terminal import Terminal


class Format:
    """One output format, as its module declares it. (A plain class: a typed named tuple
    would cost more to define than the rest of the registry.)"""

    __slots__ = ("name", "writes", "people", "media", "extension", "binary", "documents",
                 "note")

    def __init__(self, name: str, *, writes: dict[str, Callable[..., Any]], people: bool,
                 media: str = "text/plain", extension: str = "txt", binary: bool = False,
                 documents: bool = False, note: str | None = None) -> None:
        #: What ``--format`` takes.
        self.name = name
        #: Each view it writes, and its writer. A single view's writer is called with an
        #: :class:`Out` and the view's values; ``renewal-rows``' with an :class:`Out` and the
        #: rows; ``rows``' with the stream and the options of a :class:`~endorse_cli.render.
        #: rows.Writer`, and gives that writer, which `check` hands each row.
        self.writes = writes
        #: True: its words are the reader's language (people read it); False: the fixed
        #: English of the JSON contract (scripts read it), the same in every language.
        self.people = people
        #: Its media type and its file ending (without the dot).
        self.media = media
        self.extension = extension
        #: Bytes, written only into a file named with ``--output``, never to standard output.
        self.binary = binary
        #: `check` hands its writer each portfolio's whole JSON document.
        self.documents = documents
        #: What it is for, said after its name in ``--format``'s help (an English message).
        self.note = note

    def replace(self, **changes: Any) -> Format:
        """The same format with ``changes``."""
        given = {key: getattr(self, key) for key in self.__slots__}
        given.update(changes)
        name = given.pop("name")
        return Format(name, **given)

    def __repr__(self) -> str:
        return f"Format({self.name!r}, views={sorted(self.writes)})"


class Out:
    """Where and for whom a writer writes: the terminal whose standard output takes the data
    (a file's, with ``--output``), the language of its words (English for a format that is
    not for people), and today (a calendar's stamp)."""

    __slots__ = ("terminal", "language", "today")

    def __init__(self, terminal: Terminal, language: Language = ENGLISH,
                 today: dt.date | None = None) -> None:
        self.terminal = terminal
        self.language = language
        self.today = today


#: The formats shipped, in the order ``--format`` lists them: each name, and its module.
_MODULES: dict[str, str] = {name: f"{__name__}.{name}" for name in (
    "text", "table", "json", "jsonl", "csv", "junit", "markdown", "xlsx", "ics")}
#: The formats declared so far, by name.
_DECLARED: dict[str, Format] = {}


def register(fmt: Format, module: str | None = None) -> Format:
    """Add ``fmt`` to the registry (after those shipped), or replace the one of its name.
    ``module``: where it is declared, when it is to be imported only once used."""
    _MODULES[fmt.name] = module or _MODULES.get(fmt.name, "")
    if module is None:
        _DECLARED[fmt.name] = fmt
    return fmt


def unregister(name: str) -> None:
    """Take the format ``name`` out of the registry."""
    _DECLARED.pop(name, None)
    _MODULES.pop(name, None)


def get(name: str) -> Format:
    """The format named ``name`` (KeyError if none), its module imported on first use."""
    found = _DECLARED.get(name)
    if found is None:
        declared = import_module(_MODULES[name]).FORMAT
        found = _DECLARED[name] = declared
    return found


def names() -> tuple[str, ...]:
    """Every format, in order."""
    return tuple(_MODULES)


def writing(views: Iterable[str]) -> tuple[str, ...]:
    """The formats that write any of ``views``, in order (each module is imported)."""
    wanted = set(views)
    return tuple(name for name in _MODULES if wanted & set(get(name).writes))


def writes(name: str, view: str) -> bool:
    """Whether ``name`` is a format that writes ``view`` (only its module is imported)."""
    return name in _MODULES and view in get(name).writes


def either(names: Iterable[str]) -> Message:
    """``a, b or c``, said in the reader's language when shown."""
    listed = list(names)
    if len(listed) < 2:
        return Message("".join(listed))
    return Message(N_("{names} or {last}"), names=", ".join(listed[:-1]), last=listed[-1])


def writer(name: str, view: str) -> Callable[..., Any]:
    """The writer of ``view`` in the format ``name``; a usage error naming the formats that
    write it when this one does not (as ``--format`` names them when it is given another)."""
    if not writes(name, view):
        from ...errors import UsageError

        raise UsageError(N_("--format {format} does not write {view}"),
                         fix=N_("use --format {formats}"), format=name, view=Message(
                             VIEWS.get(view, view)), formats=either(writing([view])))
    return get(name).writes[view]


def write(name: str, view: str, out: Out, *values: Any) -> None:
    """Write ``view`` in the format ``name``, in ``out``'s language if it is for people."""
    fmt = get(name)
    if not fmt.people:
        out = Out(out.terminal, ENGLISH, out.today)
    writer(name, view)(out, *values)


def help_text(views: Iterable[str]) -> Message:
    """``--format``'s help for a command that writes ``views``: the formats' notes after it
    ("Output format; ics: the days that matter, for a calendar.")."""
    notes = [Message(N_("{format}: {note}"), format=name, note=Message(get(name).note or ""))
             for name in writing(views) if get(name).note]
    if not notes:
        return Message(N_("Output format."))
    from ...model.message import Joined

    return Message(N_("Output format; {notes}."), notes=Joined(notes, "; "))


#: Each view in words, for the usage error of a format that does not write it.
VIEWS = {"rows": N_("one row per portfolio"),
         "renewal-rows": N_("the renewal rows of --renewal"),
         "assess": N_("the assessment"), "gaps": N_("the gap checklist"),
         "timeline": N_("the timeline"), "credentials": N_("the credentials"),
         "renewal": N_("the renewal"), "rules": N_("the rules")}
