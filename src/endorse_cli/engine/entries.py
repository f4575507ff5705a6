"""Entries as a person knows them: "your 4th training, Attachment 101, 2025-01-15"."""

from __future__ import annotations

from typing import Any

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
