"""Date arithmetic behind the counting rules."""

import datetime as dt

import pytest

from endorse_cli.engine.dates import add_months, contains, days_in, merge

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ("2024-03-15", 24, "2026-03-15"),
        ("2024-01-31", 1, "2024-03-01"),  # no 31 February: the window takes in all of February
        ("2024-02-29", 24, "2026-03-01"),  # no 29 February in 2026
        ("2024-02-29", 48, "2028-02-29"),
        ("2023-12-01", 1, "2024-01-01"),
        ("2023-12-31", 2, "2024-03-01"),  # 31 February 2024 -> 1 March
        ("2025-11-30", 3, "2026-03-01"),  # 30 February 2026 -> 1 March
    ],
)
def test_add_months(start: str, months: int, expected: str) -> None:
    assert add_months(D(start), months) == D(expected)


def test_merge_joins_overlapping_and_touching_periods_but_not_gaps() -> None:
    periods = [
        (D("2020-01-01"), D("2020-06-30")),
        (D("2020-07-01"), D("2020-12-31")),  # touches the first
        (D("2020-03-01"), D("2020-04-01")),  # inside the first
        (D("2021-01-02"), D("2021-01-10")),  # one day of gap: stays apart
    ]
    assert merge(periods) == [
        (D("2020-01-01"), D("2020-12-31")),
        (D("2021-01-02"), D("2021-01-10")),
    ]


def test_days_are_inclusive_and_counted_once() -> None:
    assert days_in([(D("2024-01-01"), D("2024-01-01"))]) == 1
    assert days_in(merge([(D("2024-01-01"), D("2024-01-10")), (D("2024-01-05"), D("2024-01-15"))])) == 15


def test_days_after_a_date_exclude_that_date() -> None:
    periods = [(D("2020-01-01"), D("2020-01-10"))]
    assert days_in(periods, after=D("2020-01-05")) == 5  # the 6th to the 10th
    assert days_in(periods, after=D("2019-12-31")) == 10
    assert days_in(periods, after=D("2020-01-10")) == 0
    assert days_in(periods, after=D("2021-01-01")) == 0


def test_contains_is_inclusive_at_both_ends() -> None:
    periods = [(D("2020-01-01"), D("2020-01-10")), (D("2020-03-01"), D("2020-03-02"))]
    assert contains(periods, D("2020-01-01"))
    assert contains(periods, D("2020-01-10"))
    assert contains(periods, D("2020-03-02"))
    assert not contains(periods, D("2020-01-11"))
    assert not contains(periods, D("2019-12-31"))
    assert not contains(periods, D("2020-03-03"))


def test_the_calendar_ends_hold() -> None:
    from endorse_cli.engine.dates import shift

    assert add_months(D("9999-06-15"), 24) == dt.date.max
    assert add_months(D("9999-12-31"), 0) == D("9999-12-31")
    assert add_months(D("0001-03-01"), -12) == dt.date.min
    assert shift(dt.date.max, 1) == dt.date.max
    assert shift(dt.date.min, -1) == dt.date.min
