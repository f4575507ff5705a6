"""The reader's language: which one, its words (gettext catalogs), its numbers and its dates.

``choose(--lang, os.environ)`` picks the language; :class:`Language` carries its gettext
functions and the conventions people read and type in it. English is the tool's own
language and costs nothing: no catalog is read and ``gettext`` is not even imported. Any
other language loads its catalog once, on first use, from
``locale/<code>/LC_MESSAGES/endorse.mo`` (compiled by Babel when the wheel is built), or, in a
source checkout, by compiling the ``.po`` beside it in memory (Babel again, imported only
then). Numbers and dates in another language are Babel's too, which is imported only then.

What is machine-readable (JSON, the values in files, option names) never goes through here.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .model.message import N_, Nn_, english_number  # noqa: F401 - marks, from here too

DOMAIN = "endorse"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: The variables that name the reader's language, in the order gettext reads them.
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

#: The orders of a day typed with slashes, in words.
ORDER_WORDS = {"mdy": N_("month/day/year"), "dmy": N_("day/month/year")}
#: The month names in English (every other language's are Babel's).
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


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
    #
    # English is written here, as Babel would write it for "en", so that English imports
    # nothing; every other language's numbers, months and dates are Babel's, from the
    # conventions of its locale (CLDR), imported on first use.

    @functools.cached_property
    def _locale(self) -> Any:
        from babel import Locale

        return Locale.parse(self.code)

    @property
    def decimal_mark(self) -> str:
        """``.`` in English, ``,`` in Spanish."""
        if self.english:
            return "."
        from babel.numbers import get_decimal_symbol

        return get_decimal_symbol(self._locale)

    def number(self, value: object) -> str:
        """A number as the language writes it, to three decimals at most: ``1,234,567`` and
        ``1.5`` in English, ``1.234.567`` and ``1,5`` in Spanish."""
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return str(value)
        if self.english:
            return english_number(value)
        from babel.numbers import format_decimal

        # CLDR's minimum grouping digits (which Babel does not apply): Spanish groups a number
        # only from five digits on, "1827 días" but "12.345" (RAE, Ortografía, 2010).
        grouped = abs(value) >= 10 ** (2 + MIN_GROUPING.get(self.code, 1))
        return format_decimal(value, locale=self._locale, group_separator=grouped)

    def month(self, number: int) -> str:
        """A month's name: ``March``, ``marzo``."""
        if self.english:
            return MONTHS[number - 1]
        from babel.dates import get_month_names

        return get_month_names("wide", context="format", locale=self._locale)[number]

    def day(self, value: object) -> str:
        """A day as people read it: ``2025-03-15`` in English, ``15 de marzo de 2025``."""
        if not isinstance(value, dt.date):
            return str(value)
        if self.english:
            return value.isoformat()[:10]
        from babel.dates import format_date

        return format_date(value, "long", locale=self._locale)

    def month_year(self, value: dt.date) -> str:
        """``March 2025``, ``marzo de 2025``."""
        return self._skeleton("yMMMM", value, "{month} {year}".format(
            month=self.month(value.month), year=value.year))

    def short_month(self, value: dt.date) -> str:
        """A month short, as on a chart's axis: ``Nov 2026``, ``nov 2026``."""
        return self._skeleton("yMMM", value, f"{MONTHS[value.month - 1][:3]} {value.year}")

    def _skeleton(self, skeleton: str, value: dt.date, english: str) -> str:
        if self.english:
            return english
        from babel.dates import format_skeleton

        return format_skeleton(skeleton, value, locale=self._locale)

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
        return gettext.GNUTranslations(io.BytesIO(compile_po(source)))
    return gettext.NullTranslations()


def compile_po(source: Path) -> bytes:
    """A ``.po`` catalog as the ``.mo`` gettext loads, compiled by Babel: translated messages
    only, no fuzzy one. The wheel's catalogs are compiled so when it is built
    (``hatch_build.py``); a source checkout's, on first use."""
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with source.open("rb") as file:
        messages = read_po(file, abort_invalid=True)
    out = io.BytesIO()
    write_mo(out, messages, use_fuzzy=False)
    return out.getvalue()


#: The gettext domain typer looks its own words up in ("Options", "[default: ...]", "Missing
#: command."): the standard library's default one, ``messages``. endorse ships a catalog of
#: those words for each language, ``locale/<code>/LC_MESSAGES/messages.po``.
TYPER_DOMAIN = "messages"
_typer_bound = False


@contextmanager
def typer_words(language: Language) -> Iterator[None]:
    """While a command runs: typer's own words in ``language``, by the route gettext gives
    every program: the default domain bound to endorse's catalog, and ``LANGUAGE`` naming the
    language (as it is set back after). English binds nothing and reads no catalog."""
    global _typer_bound
    if language.english and not _typer_bound:
        yield
        return
    import gettext
    import os

    if not language.english:
        gettext.bindtextdomain(TYPER_DOMAIN, str(_compiled(language.code, TYPER_DOMAIN)))
        _typer_bound = True
    was = os.environ.get("LANGUAGE")
    os.environ["LANGUAGE"] = language.code
    try:
        yield
    finally:
        if was is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = was


@functools.cache
def _compiled(code: str, domain: str) -> Path:
    """The folder gettext finds ``<code>/LC_MESSAGES/<domain>.mo`` in: the package's own where
    the wheel carries it built; in a source checkout, a folder of the temporary directory that
    the ``.po`` is compiled into, named by what it holds (an edited catalog gets a new one)."""
    if (LOCALE_DIR / code / "LC_MESSAGES" / f"{domain}.mo").exists():
        return LOCALE_DIR
    import hashlib
    import os
    import tempfile

    data = compile_po(LOCALE_DIR / code / "LC_MESSAGES" / f"{domain}.po")
    digest = hashlib.sha256(data).hexdigest()[:16]
    user = os.getuid() if hasattr(os, "getuid") else "user"
    folder = Path(tempfile.gettempdir()) / f"endorse-{user}-locale-{digest}"
    target = folder / code / "LC_MESSAGES" / f"{domain}.mo"
    if not target.exists() or target.read_bytes() != data:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(data)
        partial.replace(target)
    return folder


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


#: CLDR's minimumGroupingDigits where it is not 1: the digits a number needs before its first
#: separator, beyond the group's three.
MIN_GROUPING = {"es": 2, "pt": 2, "pl": 2}


@functools.cache
def language(code: str) -> Language:
    return ENGLISH if code == "en" else Language(code)


def language_named(name: str) -> Language | None:
    """The language ``name`` names (``es``, ``es-MX``, ``es_ES.UTF-8``), or None when endorse
    does not speak it: the library's way to take a language by its code."""
    if _candidates(name)[-1:] == ["en"]:
        return ENGLISH
    code = _match(name, available())
    return None if code is None else language(code)


# -- dates people type -------------------------------------------------------------------------

_SLASHED = r"(\d{1,4})/(\d{1,2})/(\d{1,4})"
_ISO = r"(\d{4,6})-(\d{1,2})-(\d{1,2})"


def _plain_iso(text: str) -> tuple[int, int, int] | None:
    """``2026-11-21`` in ASCII digits, the form nearly every day is typed in, read as
    :data:`_ISO` reads it, without compiling a pattern at every start."""
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        return None
    parts = text[:4], text[5:7], text[8:]
    if not all(part.isascii() and part.isdigit() for part in parts):
        return None
    return int(parts[0]), int(parts[1]), int(parts[2])


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


class OffCalendar(ValueError):
    """A day whose year is before 1 or after 9999: no order of its parts would mend it."""


class NoSuchDay(ValueError):
    """A day written in a form that is read, but that no calendar has (2027-02-30): the
    sentence says the order its parts were read in."""


def off_calendar(text: str, language: Language = ENGLISH) -> OffCalendar:
    """The one refusal of a day whose year is before 1 or after 9999."""
    _ = language.gettext
    return OffCalendar(_("{text} is off the calendar: endorse reads days of the years 1 to "
                         "9999").format(text=text))


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
    if plain := _plain_iso(text):
        year, month, day = plain
    elif m := re.fullmatch(_ISO, text):
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
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise off_calendar(text, language)
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
                raise NoSuchDay(_("{text} is not a real date ({order}); did you mean "
                                  "{guess}?").format(text=text, order=order,
                                                     guess=language.typed_day(guess))) from None
            raise NoSuchDay(_("{text} is not a real date ({order})").format(
                text=text, order=order)) from None
        if re.fullmatch(_ISO, text):  # read as year, month, day in every language
            raise NoSuchDay(_("{text} is not a real date (year-month-day)").format(
                text=text)) from None
        raise NoSuchDay(_("{text} is not a real date").format(text=text)) from None
