"""RS/C over a period of one to two years: the 12 months at their edges, 29 February, and
what the checklist and the forecast say when the hours are there but the period is short."""

from __future__ import annotations

from helpers import D, assess, job, req, session

FIELD = [job("2020-01-01")]


def rsc(*sessions, as_of: str = "2026-11-21"):
    return req(assess(as_of=as_of, work=FIELD, supervision=list(sessions)), "IFS", "rsc")


def test_24_hours_in_one_month_do_not_meet_it() -> None:
    found = rsc(session("2024-03-01", 12), session("2024-03-29", 12))
    assert (found.have, found.met) == (24, False)
    assert found.details.period_short is True
    assert found.step.code == "supervision.period-short"
    assert found.note == ("the hours are there, but your sessions from 2024-03-01 to 2024-03-29 "
                          "stretch over less than 12 months; a session on or after 2025-03-01 "
                          "completes the period")


def test_exactly_twelve_months_meets_it() -> None:
    found = rsc(session("2024-03-15", 12), session("2025-03-15", 12))
    assert found.met and found.details.spans
    assert (found.details.first_session, found.details.last_session) == (D("2024-03-15"),
                                                                         D("2025-03-15"))


def test_one_day_short_of_twelve_months_does_not() -> None:
    found = rsc(session("2024-03-15", 12), session("2025-03-14", 12))
    assert not found.met
    assert found.have == 24 and found.details.period_short
    assert "completes the period" in found.note and "2025-03-15" in found.note


def test_the_forecast_gives_the_day_the_period_reaches_a_year() -> None:
    # As of 2025-03-20 the 24 hours are in, from 2024-03-15 to 2025-03-14; RS/C goes on at
    # the pace of the last six months, so the next session, tomorrow, completes the year.
    found = rsc(session("2024-03-15", 12), session("2025-03-14", 12), as_of="2025-03-20")
    assert found.expected == D("2025-03-21")
    # All 24 hours in one month, as of its last day: the year is reached on 2025-03-01.
    found = rsc(session("2024-03-01", 12), session("2024-03-29", 12), as_of="2024-03-31")
    assert found.expected == D("2025-03-01")


def test_29_february_reads_as_1_march_for_12_and_24_months() -> None:
    # 12 months after 2024-02-29 is 2025-03-01 (2025 has no 29 February).
    assert not rsc(session("2024-02-29", 12), session("2025-02-28", 12)).met
    assert rsc(session("2024-02-29", 12), session("2025-03-01", 12)).met
    # The window from 2024-02-29 ends before 2026-03-01: 2026-02-28 is in it, 2026-03-01 not.
    inside = rsc(session("2024-02-29", 12), session("2026-02-28", 12))
    assert inside.met and inside.details.window_end == D("2026-02-28")
    outside = rsc(session("2024-02-29", 12), session("2026-03-01", 12))
    assert (outside.have, outside.met) == (12, False)


def test_the_most_hours_are_had_even_when_another_window_meets_it() -> None:
    # 30 hours in one month (no year), and 12 + 12 a year apart, later: met by the second.
    found = rsc(session("2020-06-01", 15), session("2020-06-02", 15),
                session("2023-01-01", 12), session("2024-01-01", 12))
    assert found.met and found.have == 30
    assert found.details.window_start == D("2023-01-01")


def test_a_contact_of_only_spaces_is_no_contact() -> None:
    refs = [{"name": "A", "phone": "   "}, {"name": "B", "email": "b@example.org", "phone": " "},
            {"name": "C", "phone": "\t"}]
    found = req(assess(reference=refs), "IFS", "references")
    assert found.have == 1
    assert [(n.name, n.why) for n in found.details.not_counted] == [
        ("A", "no email or phone"), ("C", "no email or phone")]
    assert found.next_step.startswith("Add an email or phone for A and C with `endorse edit`")


# -- the rule read independently, against the engine -----------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def _same_day_later(day, months: int):
    """The same calendar day ``months`` later; the 1st of the next month when it has none."""
    import calendar
    import datetime as dt

    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    if day.day <= calendar.monthrange(year, month)[1]:
        return dt.date(year, month, day.day)
    return dt.date(year + (month == 12), month % 12 + 1, 1)


def _met_by_reading(sessions, need: float) -> bool:
    """portfolio-format.md, read literally: some window from a session's day D up to, not
    including, D + 24 months holds ``need`` hours, and a session in it falls on or after
    D + 12 months."""
    for start, _ in sessions:
        end, year = _same_day_later(start, 24), _same_day_later(start, 12)
        inside = [(d, h) for d, h in sessions if start <= d < end]
        if round(sum(h for _, h in inside) * 10) >= need * 10 and any(d >= year for d, _ in inside):
            return True
    return False


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.dates(min_value=D("2023-01-01"), max_value=D("2026-11-21")),
                          st.sampled_from([0.5, 1, 1.5, 2, 4, 8])), max_size=30))
def test_the_engine_meets_rsc_exactly_when_the_rule_read_literally_does(sessions) -> None:
    found = rsc(*[session(d.isoformat(), h) for d, h in sessions])
    assert found.met == _met_by_reading(sessions, 24)
    most = max((sum(h for d, h in sessions if s <= d < _same_day_later(s, 24))
                for s, _ in sessions), default=0)
    assert found.have == most or abs(found.have - most) < 0.01
