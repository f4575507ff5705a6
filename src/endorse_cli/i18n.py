"""The reader's language: which one, its words (gettext catalogs), its numbers and its dates.

``choose(--lang, os.environ)`` picks the language; :class:`Language` carries its gettext
functions and the conventions people read and type in it. English is the tool's own
language and costs nothing: no catalog is read and ``gettext`` is not even imported. Any
other language loads its catalog once, on first use, from
``locale/<code>/LC_MESSAGES/endorse.mo`` (built into the wheel), or, in a source checkout,
by compiling the ``.po`` beside it in memory.

What is machine-readable (JSON, the values in files, option names) never goes through here.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from .model.message import N_, Nn_  # noqa: F401 - marks, imported from here too

DOMAIN = "endorse"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: The variables that name the reader's language, in the order gettext reads them.
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

#: The month names, in the catalog so that each language names its months.
#: The orders of a day typed with slashes, in words.
ORDER_WORDS = {"mdy": N_("month/day/year"), "dmy": N_("day/month/year")}
MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
          N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
          N_("December"))

#: A month and its year, short, as on a chart's axis: "Nov 2026", "nov. 2026". Each is its own
#: message (not "May" alone, which is the month's full name too).
SHORT_MONTHS = (N_("Jan {year}"), N_("Feb {year}"), N_("Mar {year}"), N_("Apr {year}"),
                N_("May {year}"), N_("Jun {year}"), N_("Jul {year}"), N_("Aug {year}"),
                N_("Sep {year}"), N_("Oct {year}"), N_("Nov {year}"), N_("Dec {year}"))


class Language:
    """One language: its gettext functions, numbers, dates people read and dates they type."""

    def __init__(self, code: str) -> None:
        self.code = code

    def __repr__(self) -> str:
        return f"Language({self.code!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Language) and other.code == self.code

    def __hash__(self) -> int:
        return hash(self.code)

    @property
    def english(self) -> bool:
        return self.code == "en"

    @functools.cached_property
    def _catalog(self) -> Any:
        return None if self.english else catalog(self.code)

    # -- gettext ----------------------------------------------------------------------------

    def gettext(self, message: str) -> str:
        return message if self._catalog is None else self._catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, n: float) -> str:
        """The form for ``n``; a fraction (1.5 hours) takes the plural, as in English and
        Spanish (gettext's plural rules are for whole numbers)."""
        whole = int(n) if float(n).is_integer() else 2
        if self._catalog is None:
            return singular if whole == 1 else plural
        return self._catalog.ngettext(singular, plural, whole)

    def pgettext(self, context: str, message: str) -> str:
        return message if self._catalog is None else self._catalog.pgettext(context, message)

    # -- what people read -------------------------------------------------------------------

    @property
    def decimal_mark(self) -> str:
        """``.`` in English, ``,`` in Spanish."""
        return self.pgettext("decimal mark", ".")

    def number(self, value: object) -> str:
        """``1.5`` in English, ``1,5`` in Spanish: the decimal mark of the language."""
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return str(value)
        text = f"{value:g}" if isinstance(value, float) else str(value)
        mark = self.decimal_mark
        return text.replace(".", mark) if mark != "." else text

    def month(self, number: int) -> str:
        return self.gettext(MONTHS[number - 1])

    def day(self, value: object) -> str:
        """A day as people read it: ``2025-03-15`` in English, ``15 de marzo de 2025``."""
        if not isinstance(value, dt.date):
            return str(value)
        pattern = self.pgettext("date", "{year}-{mm}-{dd}")
        return pattern.format(year=value.year, mm=f"{value.month:02d}", dd=f"{value.day:02d}",
                              day=value.day, month=self.month(value.month))

    def month_year(self, value: dt.date) -> str:
        """``March 2025``, ``marzo de 2025``."""
        return self.pgettext("month and year", "{month} {year}").format(
            month=self.month(value.month), year=value.year)

    def short_month(self, value: dt.date) -> str:
        """A month short, as on a chart's axis: ``Nov 2026``, ``nov. 2026``."""
        return self.gettext(SHORT_MONTHS[value.month - 1]).format(year=value.year)

    # -- what people type -------------------------------------------------------------------

    @property
    def order(self) -> str:
        """The order of a day typed with slashes: ``mdy`` (3/15/2025) or ``dmy`` (15/3/2025)."""
        order = self.pgettext("order of day, month and year in a date typed with slashes",
                              "mdy")
        return order if sorted(order) == ["d", "m", "y"] else "mdy"

    @property
    def order_words(self) -> str:
        """The order of a day typed with slashes, in words: ``month/day/year``."""
        return self.words_of_order(self.order)

    def words_of_order(self, order: str) -> str:
        """An order of a day typed with slashes (``dmy``), in this language's words."""
        return self.gettext(ORDER_WORDS[order]) if order in ORDER_WORDS else order

    def typed_example(self) -> str:
        """The local form of 2024-03-15 (``3/15/2024``, ``15/3/2024``)."""
        return self.typed_day(dt.date(2024, 3, 15))

    def typed_day(self, value: dt.date) -> str:
        """A day as it is typed with slashes in the language: ``3/15/2024``, ``15/3/2024``."""
        parts = {"d": value.day, "m": value.month, "y": value.year}
        return "/".join(str(parts[c]) for c in self.order)


ENGLISH = Language("en")


@functools.cache
def catalog(code: str) -> Any:
    """The gettext catalog of ``code``: the built ``.mo``, else the ``.po`` compiled now."""
    import gettext
    import io

    folder = LOCALE_DIR / code / "LC_MESSAGES"
    built = folder / f"{DOMAIN}.mo"
    if built.exists():
        with built.open("rb") as file:
            return gettext.GNUTranslations(file)
    source = folder / f"{DOMAIN}.po"
    if source.exists():
        from .po import compile_po

        return gettext.GNUTranslations(io.BytesIO(compile_po(source.read_text(encoding="utf-8"))))
    return gettext.NullTranslations()


def available() -> tuple[str, ...]:
    """The languages endorse speaks: English and each one with a catalog."""
    found = {"en"}
    if LOCALE_DIR.is_dir():
        found |= {p.name for p in LOCALE_DIR.iterdir()
                  if (p / "LC_MESSAGES" / f"{DOMAIN}.po").exists()
                  or (p / "LC_MESSAGES" / f"{DOMAIN}.mo").exists()}
    return tuple(sorted(found))


def _candidates(name: str) -> list[str]:
    """``es_US.UTF-8@euro`` -> ``es_us``, ``es``; ``es-MX`` -> ``es_mx``, ``es``."""
    base = re.split(r"[.@]", name.strip(), maxsplit=1)[0].replace("-", "_").lower()
    if not base:
        return []
    return list(dict.fromkeys([base, base.split("_", 1)[0]]))


def _match(name: str, known: tuple[str, ...]) -> str | None:
    for candidate in _candidates(name):
        if candidate in known:
            return candidate
    return None


def choose(lang_option: str | None, environ: Mapping[str, str], *,
           stderr: IO[str] | None = None) -> Language:
    """The reader's language: ``--lang`` when given, else the environment's locale
    (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``: the first one set), else English.

    A ``--lang`` endorse does not speak is not an error: a one-line note on stderr, then
    English. A locale it does not speak (``fr_FR.UTF-8``) gives English quietly, as gettext
    does, so that such a reader is not told so on every command.
    """
    if lang_option is not None and lang_option.strip():
        if _candidates(lang_option)[-1:] == ["en"]:
            return ENGLISH
        known = available()
        code = _match(lang_option, known)
        if code is None:
            (stderr or sys.stderr).write(
                f"note: endorse has no text in {lang_option.strip()!r}; English is used "
                f"(--lang {' or '.join(known)})\n")
            return ENGLISH
        return language(code)
    for variable in ENVIRONMENT:
        value = environ.get(variable, "")
        if not value:
            continue
        names = value.split(":") if variable == "LANGUAGE" else [value]
        if value in ("C", "POSIX") or value.startswith(("C.", "POSIX.")):
            return ENGLISH
        known = available()
        for name in names:
            if _candidates(name)[-1:] == ["en"]:
                return ENGLISH
            if (code := _match(name, known)) is not None:
                return language(code)
        return ENGLISH
    return ENGLISH


@functools.cache
def language(code: str) -> Language:
    return ENGLISH if code == "en" else Language(code)


# -- dates people type -------------------------------------------------------------------------

_SLASHED = r"(\d{1,4})/(\d{1,2})/(\d{1,4})"
_ISO = r"(\d{4})-(\d{1,2})-(\d{1,2})"


def month_number(word: str, language: Language = ENGLISH) -> int | None:
    """The month ``word`` names, in English or in ``language``, whole or by its first three
    letters, without regard to case or accents (``May``, ``mayo``, ``sept``, ``dic.``)."""
    plain = _plain(word.rstrip("."))
    return _month_names(language).get(plain)


@functools.cache
def _month_names(language: Language) -> dict[str, int]:
    names: dict[str, int] = {"sept": 9, "setiembre": 9}
    for i, english in enumerate(MONTHS, 1):
        for name in (english, language.month(i)):
            plain = _plain(name)
            names[plain] = i
            names.setdefault(plain[:3], i)
    return names


def _plain(word: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


#: ``15 de marzo de 2025``, ``15 March 2025``; ``March 15, 2025``: a day as it is read.
#: (Patterns, compiled on first use: importing this module must cost nothing.)
_DAY_MONTH_YEAR = r"(\d{1,2})\.?\s+(?:de\s+)?([^\W\d_]+)\.?,?\s+(?:de\s+)?(\d{4})"
_MONTH_DAY_YEAR = r"([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})"


def parse_day(text: str, language: Language = ENGLISH) -> dt.date:
    """A day as a person types it: ``2025-03-15`` in every language, the language's own form
    with slashes (``3/15/2025`` in English, ``15/3/2025`` in Spanish), or as the tool writes it
    (``15 de marzo de 2025``, ``March 15, 2025``, ``15 March 2025``).

    Raises ValueError with a sentence, in ``language``, that says how to write it. The one
    reader of typed days: ``--as-of``, ``--review-date`` and the questionnaire use it.
    """
    _ = language.gettext
    text = text.strip()

    def how() -> ValueError:  # only when refused: an ISO day reads no catalog
        forms = _("{iso} or {local}").format(iso="2024-03-15", local=language.typed_example())
        return ValueError(_("write the date as {forms}").format(forms=forms))

    swapped = None
    if m := re.fullmatch(_ISO, text):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := re.fullmatch(_SLASHED, text):
        parts = dict(zip(language.order, (int(m[1]), int(m[2]), int(m[3])), strict=True))
        year, month, day = parts["y"], parts["m"], parts["d"]
        if len(m[language.order.index("y") + 1]) != 4:
            raise how()
        swapped = (year, day, month)
    elif (m := re.fullmatch(_DAY_MONTH_YEAR, text)) and month_number(m[2], language):
        year, month, day = int(m[3]), month_number(m[2], language) or 0, int(m[1])
    elif (m := re.fullmatch(_MONTH_DAY_YEAR, text)) and month_number(m[1], language):
        year, month, day = int(m[3]), month_number(m[1], language) or 0, int(m[2])
    else:
        raise how()
    try:
        return dt.date(year, month, day)
    except ValueError:
        if "/" in text:
            order = language.order_words
            try:
                guess = dt.date(*swapped) if swapped else None
            except ValueError:
                guess = None
            if guess is not None:
                raise ValueError(_("{text} is not a real date ({order}); did you mean "
                                   "{guess}?").format(text=text, order=order,
                                                      guess=language.typed_day(guess))) from None
            raise ValueError(_("{text} is not a real date ({order})").format(
                text=text, order=order)) from None
        raise ValueError(_("{text} is not a real date").format(text=text)) from None
