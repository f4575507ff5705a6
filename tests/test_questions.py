"""Every question accepts exactly what the portfolio format accepts; dates and hours are read
as people write them."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, get_type_hints

import msgspec
import msgspec.inspect as mi
import pytest
from hypothesis import given
from hypothesis import strategies as st

from endorse_cli.interview.fields import ORDER, SECTIONS, Field, bounds, model_type, parse, section_named
from endorse_cli.interview.values import parse_day, parse_hours, parse_month
from endorse_cli.model import portfolio as p

TODAY = dt.date(2026, 11, 21)
DAY = dt.date(2024, 3, 15)
#: One valid entry of each section, the field under test put in it.
BASE: dict[str, dict[str, Any]] = {
    "applicant": {"name": "Ana Lopez"},
    "education": {"degree": "masters"},
    "work": {"title": "Home Visitor", "start": DAY},
    "training": {"title": "Attachment", "date": DAY, "hours": 2},
    "supervision": {"date": DAY, "hours": 1, "provider": "Dana Lee"},
    "reference": {"name": "Sam Roe"},
    "exam": {"status": "passed"},
}
ENTRY_TYPE = {name: (t.__args__ or (t,))[0] if hasattr(t, "__args__") else t
              for name, t in get_type_hints(p.Portfolio).items() if name in BASE}


def model_takes(field: Field, value: Any) -> bool:
    """Whether the portfolio format takes ``value`` for ``field`` (in an otherwise valid entry)."""
    try:
        msgspec.convert(BASE[field.section] | {field.key: value}, ENTRY_TYPE[field.section])
    except msgspec.ValidationError:
        return False
    return True


def question_takes(field: Field, text: str) -> bool:
    try:
        parse(field, text, today=TODAY, answers={})
    except ValueError:
        return False
    return True


def every_field() -> list[Field]:
    return [f for name in ("applicant", *ORDER) for f in SECTIONS[name]]


def test_every_question_is_a_key_of_the_format() -> None:
    for field in every_field():
        assert field.section in BASE
        assert field.key in get_type_hints(ENTRY_TYPE[field.section]), field
        model_type(field.section, field.key)


def _cases(field: Field) -> list[tuple[str, Any, bool]]:
    """(typed text, the value it stands for, whether the format allows it), at each edge."""
    limits = bounds(field.section, field.key)
    step = 1 if field.kind == "count" else 0.01
    cases = []
    for name, edge in limits.items():
        if name in ("gt", "lt"):
            cases.append((str(edge), edge, False))
            inside = edge + step if name == "gt" else edge - step
            cases.append((str(round(inside, 2)), inside, True))
        elif name in ("ge", "le"):
            cases.append((str(edge), edge, True))
            outside = edge - step if name == "ge" else edge + step
            cases.append((str(round(outside, 2)), outside, False))
    if "pattern" in limits and field.kind == "email":
        cases += [("ana@example.org", "ana@example.org", True), ("ana@example", "ana@example", False)]
    if "pattern" in limits and field.kind == "text":
        cases += [("x", "x", True), ("   ", "   ", False)]
    if field.kind == "choice" and field.choices:
        cases += [(c, c, True) for c in field.choices] + [("nonsense", "nonsense", False)]
    return cases


def test_each_question_and_the_format_agree_at_every_edge() -> None:
    """For each constraint the format puts on a key, the value at its edge is taken by both,
    and the value just past it refused by both."""
    tried = 0
    for field in every_field():
        for text, value, allowed in _cases(field):
            assert model_takes(field, value) is allowed, (field.section, field.key, value)
            assert question_takes(field, text) is allowed, (field.section, field.key, text)
            tried += 1
    assert tried >= 40  # the bounds of hours, hours a week, families, every name and email...


@pytest.mark.parametrize(("section", "key", "edge", "past"), [
    ("work", "hours_per_week", "168", "168.01"),
    ("work", "families_served", "0", "-1"),
    ("training", "hours", "10000", "10000.01"),
    ("supervision", "hours", "0.01", "0"),
])
def test_the_worked_edges(section, key, edge, past) -> None:
    field = next(f for f in SECTIONS[section] if f.key == key)
    assert question_takes(field, edge) and not question_takes(field, past)


def test_a_refused_number_says_the_range_the_format_allows() -> None:
    field = next(f for f in SECTIONS["work"] if f.key == "hours_per_week")
    with pytest.raises(ValueError, match="^200 is not allowed: the hours a week must be more "
                                         "than 0 and at most 168$"):
        parse(field, "200", today=TODAY, answers={})


def test_the_bounds_are_read_from_the_model() -> None:
    assert bounds("work", "hours_per_week") == {"gt": 0, "le": 168}
    assert bounds("training", "hours") == {"gt": 0, "le": 10_000}
    assert bounds("work", "families_served") == {"ge": 0}
    assert isinstance(mi.type_info(model_type("applicant", "name")), mi.StrType)


# -- dates and hours as people write them ----------------------------------------------------


@pytest.mark.parametrize(("text", "day"), [
    ("2025-03-15", dt.date(2025, 3, 15)),
    ("3/15/2025", dt.date(2025, 3, 15)),
    (" 3/1/2027 ", dt.date(2027, 3, 1)),
    ("2024-2-29", dt.date(2024, 2, 29)),
])
def test_parse_day(text, day) -> None:
    assert parse_day(text) == day


@pytest.mark.parametrize(("text", "reason"), [
    ("2/30/2024", "2/30/2024 is not a real date (month/day/year)"),
    ("15/3/2025", "15/3/2025 is not a real date (month/day/year); did you mean 3/15/2025?"),
    ("March 15", "write the date as 2024-03-15 or 3/15/2024"),
])
def test_parse_day_refuses_with_a_reason(text, reason) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(reason)}$"):
        parse_day(text)


@pytest.mark.parametrize(("text", "day"), [
    ("May 2016", dt.date(2016, 5, 31)),      # a month: its last day
    ("may 2016", dt.date(2016, 5, 31)),
    ("Feb 2024", dt.date(2024, 2, 29)),
    ("Sept. 2020", dt.date(2020, 9, 30)),
    ("5/2016", dt.date(2016, 5, 31)),
    ("2016-05", dt.date(2016, 5, 31)),
    ("2016", dt.date(2016, 12, 31)),         # a year: 31 December
    ("November 2026", TODAY),                # not over yet: today, never a day to come
    ("2026", TODAY),
    ("2016-05-12", dt.date(2016, 5, 12)),    # a whole date stays itself
])
def test_parse_month(text, day) -> None:
    assert parse_month(text, today=TODAY) == day


def test_a_degree_conferred_in_may_2016_through_the_question() -> None:
    field = next(f for f in SECTIONS["education"] if f.key == "completed")
    assert parse(field, "May 2016", today=TODAY, answers={}) == dt.date(2016, 5, 31)
    with pytest.raises(ValueError, match="is after today"):
        parse(field, "2027", today=TODAY, answers={})
    other = next(f for f in SECTIONS["training"] if f.key == "date")  # a month, not a year
    with pytest.raises(ValueError):
        parse(other, "2016", today=TODAY, answers={})


@pytest.mark.parametrize("language_code", ["en", "es"])
@pytest.mark.parametrize(("section", "key"), [
    (section, f.key) for section, fields in SECTIONS.items() for f in fields if f.kind == "date"])
def test_a_month_alone_is_taken_for_every_date_by_the_degrees_rule(section, key,
                                                                    language_code) -> None:
    """One rule, one place: every date question stores a month as the degree's does."""
    from endorse_cli.i18n import language
    from endorse_cli.interview.values import month_taken

    lang = language(language_code)
    field = next(f for f in SECTIONS[section] if f.key == key)
    degree = next(f for f in SECTIONS["education"] if f.key == "completed")
    typed = ["March 2023", "3/2023"] + (["marzo de 2023"] if language_code == "es" else [])
    for text in typed:
        day = parse(field, text, today=TODAY, answers={}, language=lang)
        assert day == parse(degree, text, today=TODAY, answers={}, language=lang) == \
            dt.date(2023, 3, 31)
        said = month_taken(text, day, lang)
        assert said is not None and lang.day(day) in said
    assert month_taken("2023-03-15", dt.date(2023, 3, 15), lang) is None  # a day: nothing said


@pytest.mark.parametrize(("text", "hours"), [
    ("1.5", 1.5), ("1:30", 1.5), ("0:45", 0.75), ("6 hrs", 6), ("6hrs", 6), ("1.5 hours", 1.5),
    ("90 min", 1.5), ("1h 30m", 1.5), ("1 hour 30 minutes", 1.5), ("80 min", 1.33), ("2H", 2),
])
def test_parse_hours(text, hours) -> None:
    assert parse_hours(text) == hours


@pytest.mark.parametrize("text", ["", "abc", "1,5", "1:75", "hours", "1.5.2"])
def test_parse_hours_refuses(text) -> None:
    with pytest.raises(ValueError):
        parse_hours(text)


@given(st.integers(0, 200), st.integers(0, 59))
def test_every_way_of_writing_a_time_gives_the_same_hours(h, m) -> None:
    expected = round(h + m / 60, 2)
    assert parse_hours(f"{h}:{m:02d}") == expected
    assert parse_hours(f"{h * 60 + m} min") == expected
    assert parse_hours(f"{h}h {m}m") == expected


# -- sections by the names people use -----------------------------------------------------------


@pytest.mark.parametrize(("word", "section"), [
    ("rsc", "supervision"), ("RS/C", "supervision"), ("references", "reference"),
    ("ref", "reference"), ("jobs", "work"), ("Training", "training"),
])
def test_section_aliases(word, section) -> None:
    assert section_named(word) == section


def test_an_unknown_section_gets_a_guess() -> None:
    from endorse_cli.errors import UsageError

    with pytest.raises(UsageError, match="there is no section 'refrences'; did you mean "
                                         "reference?") as caught:
        section_named("refrences")
    assert caught.value.fix == "use one of: " + ", ".join(ORDER)
    with pytest.raises(UsageError, match="did you mean supervision"):
        section_named("rcs")


def test_long_explanations_are_wrapped_not_cut(monkeypatch) -> None:
    import os

    from endorse_cli.interview import ask

    monkeypatch.setattr("shutil.get_terminal_size", lambda *a: os.terminal_size((50, 20)))
    text = ("Knows the theories of development, attachment and relationships, and how culture "
            "and trauma shape the lives of infants and their families.")
    wrapped = ask._wrapped(text)
    assert max(map(len, wrapped.splitlines())) <= 50 - len("  Description: ") - 2
    assert wrapped.split() == text.split()  # every word kept
