"""Languages: the choice, the catalogs and their completeness, plurals, dates and numbers, the
rules file's own words, and the Spanish checklist, timeline and bundle pages."""

from __future__ import annotations

import datetime as dt
import gettext
import io
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import AS_OF, EXAMPLES, ROOT
from hypothesis import given
from hypothesis import strategies as st

from endorse_cli import i18n
from endorse_cli.i18n import ENGLISH, choose, language, parse_day
from endorse_cli.io.rules_file import load_rules

SPANISH = language("es")
CATALOG = ROOT / "src" / "endorse_cli" / "locale" / "es" / "LC_MESSAGES" / "endorse.po"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.toml"))


# -- choosing the language -------------------------------------------------------------------


@pytest.mark.parametrize(("option", "environ", "code"), [
    (None, {}, "en"),
    (None, {"LANG": "es_US.UTF-8"}, "es"),
    (None, {"LANG": "es_MX"}, "es"),
    (None, {"LANG": "es"}, "es"),
    (None, {"LANG": "en_US.UTF-8"}, "en"),
    (None, {"LANG": "fr_FR.UTF-8"}, "en"),  # not spoken: English, quietly
    (None, {"LANG": "C.UTF-8"}, "en"),
    (None, {"LC_ALL": "es_ES.UTF-8", "LANG": "en_US.UTF-8"}, "es"),  # LC_ALL before LANG
    (None, {"LC_MESSAGES": "es_ES", "LANG": "en_US"}, "es"),
    (None, {"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "es_ES"}, "en"),
    (None, {"LANGUAGE": "fr:es:en", "LANG": "en_US"}, "es"),  # the first one spoken
    (None, {"LANGUAGE": "en:es", "LANG": "es_ES"}, "en"),
    (None, {"LANGUAGE": "", "LANG": "es_ES"}, "es"),  # empty is not set
    ("es", {"LANG": "en_US"}, "es"),  # --lang before the environment
    ("en", {"LANG": "es_ES"}, "en"),
    ("ES", {}, "es"),
    ("es-MX", {}, "es"),
    ("es_US.UTF-8", {}, "es"),
])
def test_the_language_comes_from_lang_then_the_environment(option, environ, code) -> None:
    err = io.StringIO()
    assert choose(option, environ, stderr=err).code == code
    assert err.getvalue() == ""


def test_an_unknown_lang_is_a_note_then_english() -> None:
    err = io.StringIO()
    assert choose("klingon", {"LANG": "es_ES"}, stderr=err) is ENGLISH
    assert err.getvalue() == ("note: endorse has no text in 'klingon'; English is used "
                              "(--lang en or es)\n")


def test_english_reads_no_catalog_and_imports_no_gettext() -> None:
    probe = ("import sys\nfrom endorse_cli.i18n import choose\n"
             "l = choose(None, {'LANG': 'en_US.UTF-8'})\n"
             "print(l.ngettext('{count} hour', '{count} hours', 2), l.day(__import__('datetime').date(2025, 3, 15)))\n"
             "print('gettext' in sys.modules, 'babel' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.splitlines() == ["{count} hours 2025-03-15", "False False"]


def test_spanish_reads_the_built_catalog_with_gettext_and_babel_only_for_numbers(
        tmp_path: Path) -> None:
    """As installed from the wheel (the .mo built): words need gettext alone; numbers and
    dates bring Babel, on first use. In a source checkout Babel compiles the .po too."""
    built = tmp_path / "es" / "LC_MESSAGES"
    built.mkdir(parents=True)
    (built / "endorse.mo").write_bytes(i18n.compile_po(CATALOG))
    probe = ("import sys, pathlib\nfrom endorse_cli import i18n\n"
             f"i18n.LOCALE_DIR = pathlib.Path({str(tmp_path)!r})\n"
             "l = i18n.choose(None, {'LANG': 'es_US.UTF-8'})\n"
             "print(l.gettext('Warnings'))\n"
             "print('gettext' in sys.modules, 'babel' in sys.modules)\n"
             "print(l.number(1234567.5), l.day(__import__('datetime').date(2025, 3, 15)))\n"
             "print('babel' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.splitlines() == ["Advertencias", "True False",
                                       "1.234.567,5 15 de marzo de 2025", "True"]


def test_numbers_are_written_whole_in_both_languages() -> None:
    """Never ``1.23457e+06``: every digit, grouped as the language groups them."""
    assert ENGLISH.number(1234567.0) == "1,234,567"
    assert ENGLISH.number(1234567) == "1,234,567"
    assert ENGLISH.number(0.125) == "0.125"
    assert SPANISH.number(1234567.0) == "1.234.567"
    # Spanish groups from five digits on: four stay whole, in days and in hours alike.
    assert (SPANISH.number(1827), SPANISH.number(9999.5), SPANISH.number(10000),
            SPANISH.number(-12345)) == ("1827", "9999,5", "10.000", "-12.345")
    assert SPANISH.number(2.5) == "2,5"
    from endorse_cli.model.message import Message

    assert Message("{hours} hours", hours=1234567.0).say() == "1,234,567 hours"
    assert Message("{hours} hours", hours=1234567.0).say(SPANISH) == "1.234.567 hours"


# -- plurals, numbers and dates ---------------------------------------------------------------


@pytest.mark.parametrize(("lang", "count", "text"), [
    (ENGLISH, 1, "1 hour"), (ENGLISH, 2, "2 hours"), (ENGLISH, 0, "0 hours"),
    (ENGLISH, 1.5, "1.5 hours"), (ENGLISH, 1.0, "1 hour"),
    (SPANISH, 1, "1 hora"), (SPANISH, 2, "2 horas"), (SPANISH, 0, "0 horas"),
    (SPANISH, 1.5, "1,5 horas"), (SPANISH, 0.25, "0,25 horas"),
])
def test_plural_forms_and_decimal_marks(lang, count, text) -> None:
    from endorse_cli.render.sentences import quantity

    assert quantity(count, "hours", lang) == text


@pytest.mark.parametrize(("unit", "one", "two"), [
    ("references", "1 referencia más", "2 referencias más"),
    ("days", "1 día más", "2 días más"),
    ("areas", "1 área más", "2 áreas más"),
    ("licenses", "1 licencia más", "2 licencias más"),
])
def test_what_is_missing_in_spanish(unit, one, two) -> None:
    from endorse_cli.render.sentences import quantity

    assert (quantity(1, unit, SPANISH, more=True),
            quantity(2, unit, SPANISH, more=True)) == (one, two)


def test_dates_people_read() -> None:
    day = dt.date(2025, 3, 15)
    assert ENGLISH.day(day) == "2025-03-15"
    assert SPANISH.day(day) == "15 de marzo de 2025"
    assert SPANISH.day(dt.date(2026, 9, 1)) == "1 de septiembre de 2026"
    assert SPANISH.month_year(day) == "marzo de 2025"
    assert ENGLISH.month_year(day) == "March 2025"
    assert (ENGLISH.number(1.5), SPANISH.number(1.5), SPANISH.number(24)) == ("1.5", "1,5", "24")


@pytest.mark.parametrize(("text", "lang", "day"), [
    ("2025-03-15", ENGLISH, "2025-03-15"), ("3/15/2025", ENGLISH, "2025-03-15"),
    ("2025-03-15", SPANISH, "2025-03-15"), ("15/3/2025", SPANISH, "2025-03-15"),
    (" 1/2/2025 ", ENGLISH, "2025-01-02"), ("1/2/2025", SPANISH, "2025-02-01"),
    ("29/02/2024", SPANISH, "2024-02-29"),
])
def test_dates_people_type(text, lang, day) -> None:
    assert parse_day(text, lang) == dt.date.fromisoformat(day)


@pytest.mark.parametrize(("text", "lang", "day"), [
    ("2025-03-15", ENGLISH, "2025-03-15"), ("3/15/2025", ENGLISH, "2025-03-15"),
    ("2025-03-15", SPANISH, "2025-03-15"), ("15/3/2025", SPANISH, "2025-03-15"),
    (" 1/2/2025 ", ENGLISH, "2025-01-02"), ("1/2/2025", SPANISH, "2025-02-01"),
    ("29/02/2024", SPANISH, "2024-02-29"),
])
def test_dates_people_type(text, lang, day) -> None:
    assert parse_day(text, lang) == dt.date.fromisoformat(day)


@pytest.mark.parametrize(("text", "lang", "day"), [
    ("15 de marzo de 2025", SPANISH, dt.date(2025, 3, 15)),
    ("5 mar. 2025", SPANISH, dt.date(2025, 3, 5)),
    ("1 de setiembre de 2024", SPANISH, dt.date(2024, 9, 1)),
    ("March 15, 2025", ENGLISH, dt.date(2025, 3, 15)),
    ("15 March 2025", ENGLISH, dt.date(2025, 3, 15)),
    ("Dec 1 2025", ENGLISH, dt.date(2025, 12, 1)),
])
def test_a_day_as_the_tool_writes_it_is_read_back(text, lang, day) -> None:
    assert parse_day(text, lang) == day


@pytest.mark.parametrize(("text", "lang", "message"), [
    ("15/3/2025", ENGLISH, "15/3/2025 is not a real date (month/day/year); did you mean "
                           "3/15/2025?"),
    ("3/15/2025", SPANISH, "3/15/2025 no es una fecha real (día/mes/año); ¿quiso decir "
                           "15/3/2025?"),
    ("31/2/2025", SPANISH, "31/2/2025 no es una fecha real (día/mes/año)"),
    ("2025-02-30", SPANISH, "2025-02-30 no es una fecha real (año-mes-día)"),
    ("2025-02-30", ENGLISH, "2025-02-30 is not a real date (year-month-day)"),
    ("15.3.2025", SPANISH, "escriba la fecha como 2024-03-15 o 15/3/2024"),
    ("March 15", ENGLISH, "write the date as 2024-03-15 or 3/15/2024"),
    ("32 de marzo de 2025", SPANISH, "32 de marzo de 2025 no es una fecha real"),
    ("15 de marzzo de 2025", SPANISH, "escriba la fecha como 2024-03-15 o 15/3/2024"),
    ("15/3/25", SPANISH, "escriba la fecha como 2024-03-15 o 15/3/2024"),
])
def test_a_date_that_is_not_one_says_how_to_write_it(text, lang, message) -> None:
    with pytest.raises(ValueError) as caught:
        parse_day(text, lang)
    assert str(caught.value) == message


@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_every_day_reads_back_in_both_forms_and_languages(day: dt.date) -> None:
    iso = day.isoformat()
    us = f"{day.month}/{day.day}/{day.year}"
    local = f"{day.day}/{day.month}/{day.year}"
    assert parse_day(iso, ENGLISH) == parse_day(iso, SPANISH) == day
    assert parse_day(us, ENGLISH) == parse_day(local, SPANISH) == day


# -- the catalogs ----------------------------------------------------------------------------


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


class _Message:
    """One message of the catalog, as Babel reads it: its msgid, its translations (one, or
    each plural form), its plural, context and fuzziness."""

    def __init__(self, m) -> None:  # noqa: ANN001
        self.msgid = m.id if isinstance(m.id, str) else m.id[0]
        self.plural = None if isinstance(m.id, str) else m.id[1]
        self.msgstr = (m.string,) if isinstance(m.string, str) else tuple(m.string)
        self.context, self.fuzzy = m.context, m.fuzzy


def _messages() -> list[_Message]:
    from babel.messages.pofile import read_po

    with CATALOG.open("rb") as file:
        return [_Message(m) for m in read_po(file) if m.id]


#: The date patterns may use any of these, whatever the English pattern uses.
DATE_FIELDS = {"day", "month", "year", "mm", "dd"}


def test_every_message_has_a_spanish_translation() -> None:
    missing = [m.msgid for m in _messages() if m.fuzzy or not all(m.msgstr)]
    assert missing == []
    plural = [m.msgid for m in _messages() if m.plural is not None and len(m.msgstr) != 2]
    assert plural == []


def test_placeholders_are_the_same_in_both_languages() -> None:
    differ = []
    for m in _messages():
        english = _placeholders(m.msgid) | (_placeholders(m.plural) if m.plural else set())
        for text in m.msgstr:
            spanish = _placeholders(text)
            if m.context == "date" and spanish <= DATE_FIELDS:
                continue
            if spanish != english and not (m.plural and spanish <= english):
                differ.append((m.msgid, sorted(english), sorted(spanish)))
    assert differ == []


def test_the_catalog_is_in_step_with_the_code_and_templates() -> None:
    """What `pybabel extract` (README, "Languages") finds is exactly what the catalog has:
    a new sentence in the code or a template fails here until it is in the catalog."""
    extract = pytest.importorskip("babel.messages.extract")
    keywords = dict(extract.DEFAULT_KEYWORDS, N_=None, Nn_=(1, 2), n_=(1, 2))
    method_map = [("src/endorse_cli/**.py", "python"), ("templates/**.j2", "jinja2")]
    found = set()
    for _file, _line, message, _comments, context in extract.extract_from_dir(
            str(ROOT), method_map, keywords=keywords):
        found.add((context, message if isinstance(message, str) else message[0]))
    in_catalog = {(m.context, m.msgid) for m in _messages()}
    assert sorted(found - in_catalog, key=str) == []  # in the code, not yet in the catalog
    assert sorted(in_catalog - found, key=str) == []  # in the catalog, gone from the code


def test_the_compiled_catalog_gives_gettext_every_translation() -> None:
    translations = gettext.GNUTranslations(io.BytesIO(i18n.compile_po(CATALOG)))
    for m in _messages():
        if m.plural is not None:
            assert translations.ngettext(m.msgid, m.plural, 1) == m.msgstr[0]
            assert translations.ngettext(m.msgid, m.plural, 2) == m.msgstr[1]
        elif m.context is not None:
            assert translations.pgettext(m.context, m.msgid) == m.msgstr[0]
        else:
            assert translations.gettext(m.msgid) == m.msgstr[0]
    assert translations.info()["plural-forms"] == "nplurals=2; plural=(n != 1);"


def test_a_fuzzy_or_empty_translation_is_left_out(tmp_path: Path) -> None:
    source = tmp_path / "x.po"
    source.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=utf-8\\n"\n\n'
                      '#, fuzzy\nmsgid "Warnings"\nmsgstr "Avisos"\n\nmsgid "Met"\nmsgstr ""\n\n'
                      'msgid "Exam"\nmsgstr ""\n"Exa"\n"men"\n', encoding="utf-8")
    translations = gettext.GNUTranslations(io.BytesIO(i18n.compile_po(source)))
    assert [translations.gettext(m) for m in ("Warnings", "Met", "Exam")] == [
        "Warnings", "Met", "Examen"]


# -- the association's words -----------------------------------------------------------------


def _english_keys(rules) -> set[tuple]:
    keys = {("name",)}
    keys |= {("degrees", d) for d in rules.degrees}
    keys |= {("areas", a, f) for a, info in rules.areas.items()
             for f in ("label", "explain") if getattr(info, f)}
    keys |= {("choices", k, v) for k, values in rules.choices.items() for v in values}
    keys |= {("next_steps", k) for k in rules.next_steps}
    for c in rules.credential:
        keys.add(("credential", c.id, "name"))
        if c.audience:
            keys.add(("credential", c.id, "audience"))
        for r in c.requirement:
            for item in [r, *(getattr(r, "option", None) or ())]:
                keys.add(("credential", c.id, "requirement", item.id, "label"))
                if item.next_step:
                    keys.add(("credential", c.id, "requirement", item.id, "next_step"))
    # format 2: the pack's title, the endorsements and the renewal's requirements
    if rules.pack is not None:
        keys.add(("pack", "title"))
    keys |= {("endorsements", code) for code in rules.endorsements}
    for n, r in enumerate(rules.renewal.requirement if rules.renewal else ()):
        keys.add(("renewal", n, r.id, "label"))
        if r.next_step:
            keys.add(("renewal", n, r.id, "next_step"))
    return keys


def _translated_keys(text, rules) -> set[tuple]:
    from endorse_cli.model.texts import renewal_text

    keys = {("name",)} if text.name else set()
    keys |= {("degrees", d) for d in text.degrees}
    keys |= {("areas", a, f) for a, info in text.areas.items()
             for f in ("label", "explain") if getattr(info, f)}
    keys |= {("choices", k, v) for k, values in text.choices.items() for v in values}
    keys |= {("next_steps", k) for k in text.next_steps}
    for cid, c in text.credential.items():
        keys |= {("credential", cid, f) for f in ("name", "audience") if getattr(c, f)}
        keys |= {("credential", cid, "requirement", rid, f) for rid, r in c.requirement.items()
                 for f in ("label", "next_step") if getattr(r, f)}
    if text.pack.title:
        keys.add(("pack", "title"))
    keys |= {("endorsements", code) for code, e in text.endorsements.items() if e.label}
    for n, r in enumerate(rules.renewal.requirement if rules.renewal else ()):
        words = renewal_text(r, text.renewal)
        keys |= {("renewal", n, r.id, f) for f in ("label", "next_step") if getattr(words, f)}
    return keys


#: The default rules and every rules pack shipped: each speaks Spanish whole.
SHIPPED_RULES = [None, *sorted((ROOT / "data" / "packs").glob("*.toml"))]
SHIPPED_IDS = ["default", *(p.stem for p in SHIPPED_RULES[1:])]


@pytest.mark.parametrize("path", SHIPPED_RULES, ids=SHIPPED_IDS)
def test_the_rules_shipped_have_spanish_words_for_everything_they_say(path) -> None:
    rules = load_rules(path).value
    assert sorted(_english_keys(rules) - _translated_keys(rules.i18n["es"], rules),
                  key=str) == []


def _labels(rules) -> list[str]:
    reqs = [o for c in rules.credential for r in c.requirement
            for o in [r, *(getattr(r, "option", None) or ())]]
    return [r.label for r in reqs + list(rules.renewal.requirement if rules.renewal else ())]


@pytest.mark.parametrize("path", SHIPPED_RULES, ids=SHIPPED_IDS)
def test_labels_worded_apart_in_english_are_worded_apart_in_spanish(path) -> None:
    """A renewal requirement for some endorsements only (the Clinical Mentor's 12 hours, 10
    after three years) is not shown in the words of the others with its id."""
    from endorse_cli.model.texts import localized

    rules = load_rules(path).value
    pairs = set(zip(_labels(rules), _labels(localized(rules, "es")), strict=True))
    for side in (0, 1):
        seen: dict[str, str] = {}
        clash = [(pair, seen[pair[side]]) for pair in sorted(pairs)
                 if seen.setdefault(pair[side], pair[1 - side]) != pair[1 - side]]
        assert clash == []


@pytest.mark.parametrize("path", SHIPPED_RULES, ids=SHIPPED_IDS)
def test_spanish_next_steps_keep_the_placeholders_of_the_english(path) -> None:
    rules = load_rules(path).value
    differ = {k: (sorted(_placeholders(v)), sorted(_placeholders(rules.next_steps[k])))
              for k, v in rules.i18n["es"].next_steps.items()
              if _placeholders(v) != _placeholders(rules.next_steps[k])}
    assert differ == {}


def test_words_a_language_leaves_out_stay_in_the_files_own(tmp_path: Path) -> None:
    """Never blank: what the [i18n.es] table does not give is shown as the file has it."""
    from endorse_cli.model.texts import localized

    source = (ROOT / "data" / "credentials.toml").read_text(encoding="utf-8")
    cut = source[:source.index("[i18n.es]")] + (
        '[i18n.es]\n[i18n.es.degrees]\nmasters = "Maestría"\n'
        '[i18n.es.credential.IFS.requirement.rsc]\nlabel = "24 horas de RS/C"\n')
    path = tmp_path / "rules.toml"
    path.write_text(cut, encoding="utf-8")
    rules = load_rules(path).value
    shown = localized(rules, "es")
    assert shown.name == rules.name
    assert shown.degrees["masters"] == "Maestría"
    assert shown.degrees["bachelors"] == "Bachelor's degree"
    ifs = shown.get("IFS")
    assert [r.label for r in ifs.requirement][-2:] == [
        "Professional portfolio covering the IFS competency areas", "24 horas de RS/C"]
    assert ifs.name == "Infant Family Specialist"
    assert localized(rules, "fr") is rules


@pytest.mark.parametrize(("change", "message"), [
    (("[i18n.es.credential.IMHM]", "[i18n.es.credential.IMHX]"),
     "line {line}: i18n.es.credential.IMHX: the credential 'IMHX' is not in this rules file; "
     "did you mean 'IMHS'?"),
    (('group = "Grupal"', 'grupo = "Grupal"'),
     "line {line}: i18n.es.choices.format.grupo: the format value 'grupo' is not in this rules "
     "file; did you mean 'group'?"),
    (('any = "Cumpla una de estas opciones: {options}"',
      'any = "Cumpla una de estas opciones: {opciones}"'),
     "line {line}: i18n.es.next_steps.any: unknown placeholder {{opciones}}; did you mean "
     "{{options}}?"),
    (('requirement.rsc.label = "24 horas', 'requirement.rcs.label = "24 horas'),
     "line {line}: i18n.es.credential.IFS.requirement.rcs: the requirement of IFS 'rcs' is not "
     "in this rules file; did you mean 'rsc'?"),
    (('name = "Mentor en Salud Mental Infantil"', 'nombre = "Mentor en Salud Mental Infantil"'),
     "line {line}: i18n.es.credential.IMHM.nombre: unknown key `nombre`; did you mean `name`?"),
    (("[i18n.es.degrees]", '[i18n.es.renewal.requirement.rsc]\nlabel = "12 horas"\n'
      "[i18n.es.degrees]"),
     "line {line}: i18n.es.renewal.requirement.rsc: this rules file has no [renewal] to give "
     "words to"),
    (("[i18n.es.degrees]", '[i18n.es.pack]\ntitle = "Reglas"\n[i18n.es.degrees]'),
     "line {line}: i18n.es.pack: this rules file has no [pack] to give a title to"),
])
def test_a_wrong_key_in_the_spanish_words_is_refused_at_its_line(cli, tmp_path, change,
                                                                  message) -> None:
    source = (ROOT / "data" / "credentials.toml").read_text(encoding="utf-8")
    old, new = change
    assert source.count(old) == 1
    changed = source.replace(old, new)
    line = changed[:changed.index(new)].count("\n") + 1
    path = tmp_path / "rules.toml"
    path.write_text(changed, encoding="utf-8")
    run = cli("credentials", "--rules", str(path))
    assert run.code == 1
    assert message.format(line=line) in run.err


@pytest.mark.parametrize(("change", "message"), [
    (('rsc.label = "12 horas', 'rcs.label = "12 horas'),
     "line {line}: i18n.es.renewal.requirement.rcs: the renewal requirement 'rcs' is not in "
     "this rules file; did you mean 'rsc'?"),
    (("rsc.credentials.IMHM-C.label", "rsc.credentials.IMHM-X.label"),
     "line {line}: i18n.es.renewal.requirement.rsc.credentials.IMHM-X: the endorsement of the "
     "renewal requirement rsc 'IMHM-X' is not in this rules file; did you mean 'IMHM-C'?"),
    (("membership.label = ", "membership.labl = "),
     "line {line}: i18n.es.renewal.requirement.membership.labl: unknown key `labl`; did you "
     "mean `label`?"),
    (('IMHM-RF.label = "Mentor', 'IMHM-FR.label = "Mentor'),
     "line {line}: i18n.es.endorsements.IMHM-FR: the endorsement 'IMHM-FR' is not in this "
     "rules file; did you mean 'IMHM-RF'?"),
    (('"renewal.supervision" = "Para {year}', '"renewal.supervision" = "Para {año}'),
     "line {line}: i18n.es.next_steps.renewal.supervision: unknown placeholder {{año}}"),
    (('training.label = "15 horas', 'training.next_step = "Asista a {mroe} horas"\n'
      'training.label = "15 horas'),
     "line {line}: i18n.es.renewal.requirement.training.next_step: unknown placeholder "
     "{{mroe}}; did you mean {{more}}?"),
])
def test_a_wrong_key_in_a_pack_s_spanish_words_is_refused_at_its_line(cli, tmp_path, change,
                                                                       message) -> None:
    source = (ROOT / "data" / "packs" / "imh-e-2025.toml").read_text(encoding="utf-8")
    old, new = change
    assert source.count(old) == 1
    changed = source.replace(old, new)
    line = changed[:changed.index(new)].count("\n") + 1
    path = tmp_path / "rules.toml"
    path.write_text(changed, encoding="utf-8")
    run = cli("credentials", "--rules", str(path))
    assert run.code == 1
    assert message.format(line=line) in run.err


def _cut_pack(tmp_path: Path, spanish: str):
    """imh-e-2025 with ``spanish`` as its whole [i18n.es] table, and ``next_step`` for its
    first renewal RS/C requirement."""
    source = (ROOT / "data" / "packs" / "imh-e-2025.toml").read_text(encoding="utf-8")
    source = source[:source.index("[i18n.es]")] + "[i18n.es]\n" + spanish
    old = 'credentials = ["IFS", "IFRS"]\n'
    assert source.count(old) == 1
    source = source.replace(old, old + 'next_step = "Get {more} of RS/C by {due}."\n')
    path = tmp_path / "rules.toml"
    path.write_text(source, encoding="utf-8")
    return load_rules(path).value


def test_a_pack_s_words_a_language_leaves_out_stay_in_the_files_own(tmp_path: Path) -> None:
    from endorse_cli.model.texts import localized

    rules = _cut_pack(tmp_path, '[i18n.es.endorsements]\nIFS.label = "Especialista"\n'
                      '[i18n.es.renewal.requirement.rsc]\nlabel = "12 horas de RS/C"\n')
    shown = localized(rules, "es")
    assert shown.endorsements["IFS"].label == "Especialista"
    assert shown.endorsements["IMHS"].label == "Infant Mental Health Specialist"
    assert shown.endorsements["IFS"].aliases == rules.endorsements["IFS"].aliases
    assert shown.pack.title == rules.pack.title
    assert [(r.id, r.label) for r in shown.renewal.requirement] == [
        ("membership", "Membership in an infant mental health association"),
        ("training", "15 clock hours of training in the year, at least 1 of them on diversity, "
                     "equity and inclusion"),
        ("training-rsc", "3 of those hours about providing reflective supervision/consultation "
                         "(for those who provide it)"),
        ("rsc", "12 horas de RS/C"), ("rsc", "12 horas de RS/C"), ("rsc", "12 horas de RS/C")]
    # the requirement's own next step stays the file's when the language gives none
    assert shown.renewal.requirement[3].next_step == "Get {more} of RS/C by {due}."


def test_words_for_the_holders_of_one_endorsement_are_theirs_alone(tmp_path: Path) -> None:
    from endorse_cli.model.texts import localized

    rules = _cut_pack(tmp_path, '[i18n.es.renewal.requirement.rsc]\nlabel = "12 horas"\n'
                      'next_step = "Reciba {more} antes del {due}."\n'
                      '[i18n.es.renewal.requirement.rsc.credentials.IMHM-C]\n'
                      'label = "12 horas (10 después de tres años)"\n')
    shown = localized(rules, "es")
    assert [(r.credentials, r.label, r.next_step) for r in shown.renewal.requirement[3:]] == [
        (["IFS", "IFRS"], "12 horas", "Reciba {more} antes del {due}."),
        (["IMHS"], "12 horas", "Reciba {more} antes del {due}."),
        (["IMHM-C"], "12 horas (10 después de tres años)", "Reciba {more} antes del {due}.")]


def test_a_renewal_requirement_s_own_next_step_is_the_one_shown(tmp_path: Path) -> None:
    """In the reader's language when the table gives it, else in the file's words."""
    from endorse_cli.engine.renewal import renew
    from endorse_cli.io.portfolio_file import read_portfolio
    from endorse_cli.render.sentences import word_renewal

    portfolio = read_portfolio(EXAMPLES / "ifs-renewing.toml").value
    day = dt.date(2026, 11, 21)

    def said(rules, lang):
        report = word_renewal(renew(portfolio, rules, day), rules, lang)
        return [r.next_step for r in report.endorsements[0].missing_now if r.id == "rsc"]

    english = _cut_pack(tmp_path, "")
    assert said(english, ENGLISH) == ["Get 2 more hours of RS/C by 2026-12-31."]
    assert said(english, SPANISH) == ["Get 2 horas más of RS/C by 31 de diciembre de 2026."]
    spanish = _cut_pack(tmp_path, '[i18n.es.renewal.requirement.rsc]\n'
                        'next_step = "Reciba {more} de RS/C a más tardar el {due}."\n')
    assert said(spanish, SPANISH) == ["Reciba 2 horas más de RS/C a más tardar el 31 de "
                                      "diciembre de 2026."]


def test_the_questionnaire_under_a_pack_offers_its_spanish_choices() -> None:
    from endorse_cli.interview.fields import labels
    from endorse_cli.io.rules_file import packs_dir

    words = labels(load_rules(packs_dir() / "imh-e-2025.toml").value, SPANISH)
    assert list(words["topic"].values()) == [
        "Salud mental infantil y de la primera infancia",
        "Cómo brindar supervisión/consulta reflexiva", "Diversidad, equidad e inclusión"]
    assert words["work_role"]["rsc-provider"] == ("Brindar supervisión/consulta reflexiva a "
                                                  "otras personas")
    assert words["ages"]["3-6"] == "Niños de 3 a 6 años, y sus familias"
    assert words["role"]["supervisee"] == "Alguien que recibe RS/C o supervisión de mi parte"


# -- the Spanish checklist, timeline and pages -----------------------------------------------


def spanish(example: str):
    from endorse_cli.render.sentences import word

    return word(load_english(example), load_rules().value, SPANISH)


def _text(render, *args) -> str:
    from rich.console import Console

    out = io.StringIO()
    render(Console(file=out, width=80, no_color=True, color_system=None, highlight=False,
                   emoji=False), *args, SPANISH)
    return out.getvalue()


def _checklist(example: str, timeline: bool = False) -> str:
    from endorse_cli.engine.recommend import checklist_for
    from endorse_cli.render import text

    result = spanish(example)
    chosen, why = checklist_for(result)
    return _text(text.timeline if timeline else text.gaps, result, chosen, why)


def test_golden_spanish_checklist(golden) -> None:
    golden("gaps-home-visitor.es.txt", _checklist("home-visitor.toml"))


def test_golden_spanish_timeline(golden) -> None:
    golden("timeline-home-visitor.es.txt", _checklist("home-visitor.toml", timeline=True))


def test_golden_spanish_markdown(golden) -> None:
    from endorse_cli.engine.recommend import checklist_for
    from endorse_cli.render import markdown

    result = spanish("early-care-teacher.toml")
    chosen, why = checklist_for(result)
    golden("gaps-early-care-teacher.es.md", markdown.gaps(result, chosen, why, SPANISH)
           + "\n" + markdown.timeline(result, chosen, why, SPANISH))


@pytest.mark.parametrize("example", [p.name for p in EXAMPLE_FILES])
def test_spanish_text_fits_80_columns(example) -> None:
    from endorse_cli.render import text

    result = spanish(example)
    pages = [_checklist(example), _checklist(example, timeline=True),
             _text(text.assess, result)]
    wide = [line for page in pages for line in page.splitlines() if len(line) > 80]
    assert wide == []


def test_nothing_english_is_left_in_the_spanish_checklist() -> None:
    """Every example's checklist and timeline: no sentence of the English layout remains."""
    english_words = re.compile(r"\b(the|your|of|and|with|needs|expected|next|hours?|"
                               r"requirements?|met|qualified|Warnings|fix|note)\b")
    for example in EXAMPLE_FILES:
        for page in (_checklist(example.name), _checklist(example.name, timeline=True)):
            left = [line for line in page.splitlines()
                    if english_words.search(re.sub(r"`[^`]*`|\([^)]*'s\)", "", line))]
            assert left == [], example.name


def test_the_rules_words_reach_the_checklist_in_spanish() -> None:
    result = spanish("home-visitor.toml")
    ifs = result.credential("IFS")
    assert ifs.name == "Especialista en Infancia y Familia"
    rsc = next(r for r in ifs.requirements if r.id == "rsc")
    assert rsc.label.startswith("24 horas de supervisión/consulta reflexiva")
    assert rsc.next_step.startswith("Reciba 4 horas más de supervisión/consulta reflexiva")
    # The codes and values scripts read are the same in every language.
    english = load_english("home-visitor.toml")
    assert [w.code for w in result.warnings] == [w.code for w in english.warnings]
    assert rsc.step == next(r for r in english.credential("IFS").requirements
                            if r.id == "rsc").step


def load_english(example: str):
    """Judged as `endorse gaps examples/NAME` does from the top of the repository."""
    from msgspec.structs import replace

    from endorse_cli.api import assess_file

    result = assess_file(EXAMPLES / example, as_of=dt.date.fromisoformat(AS_OF))
    return replace(result, file=f"examples/{example}")


def test_the_json_document_does_not_change_with_the_reader_s_language() -> None:
    """JSON is worded in English whatever the language: the command layer passes ENGLISH."""
    from endorse_cli.render.sentences import word

    english = load_english("clinician.toml")
    assert word(english, load_rules().value, ENGLISH) is english


# -- the bundle in Spanish -------------------------------------------------------------------


@pytest.fixture(scope="module")
def spanish_bundle(tmp_path_factory) -> Path:
    from endorse_cli.bundle.build import build
    from endorse_cli.engine.recommend import checklist_for
    from endorse_cli.io.portfolio_file import read_portfolio

    source = EXAMPLES / "clinician.toml"
    loaded = read_portfolio(source)
    rules = load_rules().value
    result = spanish("clinician.toml")
    chosen, why = checklist_for(result)
    out = tmp_path_factory.mktemp("bundle")
    folder, _zip, _notes = build(loaded, source, source.read_bytes(), rules,
                                 ("data/credentials.toml", b""), result, chosen, why, out=out,
                                 templates=None, force=False, allow_missing=True,
                                 language=SPANISH)
    return folder


@pytest.mark.parametrize("name", ["summary.html", "summary.md", "checklist.md"])
def test_golden_spanish_bundle(spanish_bundle, golden, name) -> None:
    golden(f"bundle-clinician.es-{name}", (spanish_bundle / name).read_text(encoding="utf-8"))


def test_the_spanish_page_says_it_is_spanish_and_the_csv_stays_as_it_is(spanish_bundle) -> None:
    html = (spanish_bundle / "summary.html").read_text(encoding="utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="es">')
    assert (spanish_bundle / "training.csv").read_text(encoding="utf-8").startswith(
        "date,title,provider,hours,imh,competencies,certificate\n")


CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
def test_the_spanish_summary_page_in_a_real_browser(spanish_bundle, tmp_path) -> None:
    """The page as a browser shows it: the Spanish text laid out, and a screenshot kept in
    tests/screenshots/ for a person to look at."""
    from PIL import Image

    page = spanish_bundle / "summary.html"
    run = subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
                          "--dump-dom", page.as_uri()], capture_output=True, text=True,
                         timeout=60, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    assert 'lang="es"' in run.stdout
    shown = re.sub(r"<[^>]+>", " ", run.stdout.split("<body>", 1)[1])
    assert "Lo que falta" in shown and "Historial laboral" in shown
    english = ["Gap checklist", "Work history", "Training:", "References", "Exam", "Met:",
               "Competency areas", "as of", "requirements met", "yes", "hours"]
    assert [words for words in english if re.search(rf"\b{re.escape(words)}(?!\w)", shown)] == []
    shot = tmp_path / "summary-es.png"
    run = subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
                          "--hide-scrollbars", "--window-size=1000,2600",
                          f"--screenshot={shot}", page.as_uri()], capture_output=True,
                         text=True, timeout=60, check=False)
    assert run.returncode == 0 and shot.exists(), run.stderr[-2000:]
    with Image.open(shot) as image:
        assert image.size == (1000, 2600)
        # Ink on the page: the text rendered, not a blank or an error page.
        assert image.convert("L").getextrema()[0] < 100
    keep = ROOT / "tests" / "screenshots"
    if keep.is_dir():
        (keep / "summary-es.png").write_bytes(shot.read_bytes())


# -- every sentence, over many portfolios ----------------------------------------------------


def _sentences(result) -> list[str]:
    said = [result.recommended.reason, *result.recommended.next_up_needs]
    for w in result.warnings:
        said += [w.message, w.fix or "fix"]
    for c in result.credentials:
        said.append(c.name)
        for r in c.requirements:
            for item in [r, *r.options]:
                said += [item.label, item.standing]
                said += [s for s in (item.next_step, item.note, item.assumption) if s is not None]
    return said


def test_every_sentence_of_many_portfolios_is_made_in_spanish() -> None:
    """Generated portfolios reach every warning, note and forecast: in Spanish each is made
    (no placeholder left unfilled, none blank), from the same codes as in English."""
    import msgspec
    from hypothesis import HealthCheck, settings
    from test_properties import AS_OF as PROPERTY_DAY
    from test_properties import portfolios

    from endorse_cli.engine import judge
    from endorse_cli.model.portfolio import Portfolio
    from endorse_cli.render.sentences import word

    rules = load_rules().value

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(portfolios())
    def check(data) -> None:
        judged = judge(msgspec.convert(data, Portfolio), rules, PROPERTY_DAY)
        english, spanish = word(judged, rules), word(judged, rules, SPANISH)
        assert [w.code for w in spanish.warnings] == [w.code for w in english.warnings]
        said = _sentences(spanish)
        assert len(said) == len(_sentences(english))
        assert [s for s in said if not s.strip() or re.search(r"\{\w*\}", s)] == []
        codes = {w.code for w in judged.warnings}
        assert [s for s in said if s in codes] == []  # a code never stands in for a sentence

    check()


#: What names the command in a next step: a command in backticks, or a placeholder the code
#: fills with one ({options}: each option's own step, which names its command).
_NAMES_A_COMMAND = re.compile(r"`endorse [a-z]+[^`]*`|\{command\}|\{edit\}|\{options\}")


@pytest.mark.parametrize("path", SHIPPED_RULES, ids=SHIPPED_IDS)
def test_every_next_step_names_the_command_that_does_it(path) -> None:
    rules = load_rules(path).value
    steps = {("en", k): v for k, v in rules.next_steps.items()}
    for lang, words in rules.i18n.items():
        steps.update({(lang, k): v for k, v in words.next_steps.items()})
    assert [key for key, step in steps.items() if not _NAMES_A_COMMAND.search(step)] == []


def test_a_pack_s_application_is_a_solicitud_in_spanish() -> None:
    """The packs' competencies requirement is the application ("Application covering the
    ECFS competency areas"), not the default rules' professional portfolio."""
    rules = load_rules(ROOT / "data" / "packs" / "ecmh-e-2025.toml").value
    ecfs = next(c for c in rules.credential if c.id == "ECFS")
    assert next(r.label for r in ecfs.requirement if r.id == "portfolio") == (
        "Application covering the ECFS competency areas")
    assert rules.i18n["es"].credential["ECFS"].requirement["portfolio"].label == (
        "Solicitud que cubra las áreas de competencia de ECFS")

