"""Entries as a person knows them: "your 4th training, Attachment 101, 2025-01-15"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from msgspec import Struct

from ..model.results import Entry, PortfolioWarning

#: What names an entry of each section, and its date.
_NAME = {"education": "degree", "work": "title", "training": "title",
         "supervision": "provider", "reference": "name"}
_DATE = {"education": "completed", "work": "start", "training": "date", "supervision": "date",
         "exam": "date"}


def entry(section: str, index: int, item: Any) -> Entry:
    """The entry ``item``, at 0-based ``index`` of ``section``."""
    name = getattr(item, _NAME[section], None) if section in _NAME else None
    day = getattr(item, _DATE[section], None) if section in _DATE else None
    return Entry(section=section, number=index + 1, name=name, date=day)


def warning(code: str, section: str, index: int | None, item: Any, key: str | None = None,
            **values: Any) -> PortfolioWarning:
    """A warning about one entry (``index`` None for a table such as ``exam``), pointing at
    its ``key`` when the problem is in one key."""
    where = section if index is None else f"{section}[{index}]"
    if key:
        where += f".{key}"
    ref = entry(section, 0 if index is None else index, item)
    if index is None:
        ref = Entry(section=section, number=0, name=ref.name, date=ref.date)
    return PortfolioWarning(code=code, where=where, entry=ref, values=values)


class Flag(Struct, frozen=True, kw_only=True):
    """A warning's sentences, registered with its code beside the check that raises it: the
    English source strings the gettext catalog translates, as functions of a
    :class:`~endorse_cli.model.wording.Wording` (the renderer's words, handed in)."""

    code: str
    #: What is wrong, of (words, the warning, its entry in words: "Your 4th training, ...").
    message: Callable[[Any, PortfolioWarning, str], str]
    #: What to do about it, of (words, the warning).
    fix: Callable[[Any, PortfolioWarning], str]
    #: A cause many entries of a section share, said once: (message, fix) of (words, the
    #: warnings, the span of their dates: "March 2024 to September 2026").
    many: Callable[[Any, list[PortfolioWarning], str], tuple[str, str]] | None = None


#: Every warning's sentences, by code.
FLAGS: dict[str, Flag] = {}


def fix_with(template: str, section: str | None = None) -> Callable[[Any, PortfolioWarning], str]:
    """A fix that names one command: the one that adds to ``section``, else `endorse edit`
    (``template``, marked ``N_``, has ``{command}``)."""
    return lambda w, flagged: w._(template).format(command=w.command(section))


def flag(spec: Flag) -> Flag:
    FLAGS[spec.code] = spec
    return spec


def flag_named(code: str) -> Flag:
    """The sentences of the warning ``code`` (the modules that raise warnings loaded). A code
    without words is a fault of its check, said loudly."""
    if code not in FLAGS:
        from . import facts, redflags  # noqa: F401 - they register their flags
    spec = FLAGS.get(code)
    if spec is None:
        raise LookupError(f"no words for the warning {code!r}")
    return spec
