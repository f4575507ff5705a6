"""Sentences said later, in the reader's language: an English template and its values.

The lower layers (``errors``, ``io``) cannot read the catalog, so what they say is a
:class:`Message`: the English template, marked for the catalog with ``N_`` (``Nn_`` for
plurals), with its values beside it. Whoever shows it, knowing the reader's language, says
it with :meth:`Message.say`: the template is translated, then filled. A value that is itself
words (a "did you mean", the name of a type) is a Message too, and is said in the same
language first. ``endorse_cli.i18n`` re-exports ``N_`` and ``Nn_``.
"""

from __future__ import annotations

from typing import Any, Protocol


def N_(message: str) -> str:
    """Marks ``message`` for the catalog where it is defined; it is translated where shown."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a message with a plural form for the catalog; ``ngettext`` picks the form."""
    return singular, plural


class Speaker(Protocol):
    """What says a message: an ``i18n.Language``."""

    def gettext(self, message: str) -> str: ...

    def ngettext(self, singular: str, plural: str, n: float) -> str: ...

    def number(self, value: object) -> str: ...


class Message:
    """An English ``template`` with ``{placeholders}`` and their ``values``.

    A template from ``Nn_`` (singular, plural) takes its form from the value ``n``. Without
    values, the template is taken as it is (no braces are read), so a sentence already made
    can be a Message too. Numbers are written as the language writes them (``1,5``).
    """

    __slots__ = ("template", "values")

    def __init__(self, template: str | tuple[str, str], /, **values: Any) -> None:
        self.template = template
        self.values = values

    def say(self, language: Speaker | None = None) -> str:
        """The sentence in ``language`` (None: English, the template's own words)."""
        if isinstance(self.template, tuple):
            singular, plural = self.template
            n = self.values["n"]
            if language is None:
                text = singular if n == 1 else plural
            else:
                text = language.ngettext(singular, plural, n)
        else:
            text = self.template if language is None else language.gettext(self.template)
        if not self.values:
            return text
        return text.format(**{key: _said(value, language) for key, value in self.values.items()})

    def __str__(self) -> str:
        return self.say()

    def __repr__(self) -> str:
        return f"Message({self.template!r}, **{self.values!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (other.template, other.values) == (
            self.template, self.values)

    __hash__ = None  # type: ignore[assignment]


class Joined:
    """Several values (Messages or plain strings) shown one after another, ``between`` each."""

    __slots__ = ("items", "between")

    def __init__(self, items: list[Any], between: str = ", ") -> None:
        self.items = list(items)
        self.between = between

    def say(self, language: Speaker | None = None) -> str:
        return self.between.join(str(_said(item, language)) for item in self.items)


def _said(value: Any, language: Speaker | None) -> Any:
    if isinstance(value, (Message, Joined)) or callable(getattr(value, "say", None)):
        return value.say(language)
    if isinstance(value, float):
        return english_number(value) if language is None else language.number(value)
    return value


def english_number(value: float) -> str:
    """A number as English writes it, to three decimals at most: ``1,234,567``, ``1.5``
    (as Babel writes it for English; another language's numbers are Babel's own)."""
    if isinstance(value, int):
        return f"{value:,}"
    text = f"{value:,.3f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def say(text: str | Message | None, language: Speaker | None = None) -> str | None:
    """``text`` in ``language``: a Message said, a plain string as it is."""
    if isinstance(text, Message):
        return text.say(language)
    return text
