"""What a kind's or a red flag's sentences are said with: the words of one rules file in one
language (``render.sentences.Words``), as the engine's modules may name it.

A requirement kind (``engine/kinds/``) and a red flag (``engine/redflags.py``) hold their own
sentences, the English source strings that the gettext catalog translates, as functions that
take this object: its ``_``/``n_`` translate a template (``pybabel extract`` finds the calls),
and the rest says the values of a sentence (numbers, days, counts in a unit, entries) in the
reader's language. The engine never imports the renderer; it is handed one of these.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol


class Wording(Protocol):
    """The words a sentence of a kind or a red flag is made with."""

    #: The reader's language (an ``i18n.Language``).
    language: Any

    def _(self, message: str) -> str: ...

    def n_(self, singular: str, plural: str, n: float) -> str: ...

    def number(self, value: object) -> str: ...

    def day(self, value: object) -> str: ...

    def quantity(self, count: object, unit: str, *, more: bool = False) -> str:
        """``1 hour``, ``5.5 hours``; with ``more``, ``5.5 more hours``."""
        ...

    def ordinal(self, n: int) -> str: ...

    def nth(self, section: str, n: int) -> str:
        """"your 2nd RS/C session": the ``n``-th entry of ``section``."""
        ...

    def listing(self, items: Iterable[str], last: str | None = None) -> str: ...

    def command(self, section: str | None = None) -> str:
        """The command that adds an entry to ``section`` (None: `endorse edit`)."""
        ...

    def choice(self, key: str, value: str) -> str: ...

    def degree(self, slug: str | None) -> str: ...

    def pack_field(self, key: str, value: Any) -> str: ...

    def session(self, entry: dict[str, Any]) -> str: ...

    def against(self, req: Any, middle: str = "", tail: str = "") -> str:
        """``20 of 24 hours``-style standing: what is had in its unit, ``middle``, "(needs
        N)", ``tail``."""
        ...

    def assumption(self, said: Any, req: Any) -> str: ...
