"""When each requirement will be met: table tests with the dates worked out by hand."""

from __future__ import annotations

from helpers import D, assess, course, job, req, session

from endorse_cli.engine.forecast import day_window_reached, window_drops, window_end
from endorse_cli.engine.facts import UNITS

MONTHLY_2026 = [session(f"2026-{m:02d}-01", 2) for m in range(1, 7)]  # 12 hours, Jan to Jun


# -- experience --------------------------------------------------------------------------


def test_a_current_job_reaches_two_years_on_the_day_worked_out() -> None:
    # 2025-01-01 to 2026-06-01 is 517 days; 213 more end on 2026-12-31 (the example).
    exp = req(assess(as_of="2026-06-01", work=[job("2025-01-01")]), "IFS", "experience")
    assert exp.details.days == 517
    assert exp.expected == D("2026-12-31")
    assert exp.assumption == "if your current work in the field goes on"


def test_a_job_that_ends_too_soon_gives_no_date() -> None:
    exp = req(assess(as_of="2026-06-01", work=[job("2025-01-01", "2026-09-30")]), "IFS", "experience")
    assert exp.expected is None
    assert exp.assumption == "your work in the field ends on 2026-09-30, before the 213 more days are done"


def test_no_current_field_job_gives_no_date() -> None:
    result = assess(as_of="2026-06-01", work=[job("2025-01-01", "2025-12-31"),
                                               job("2026-01-01", infant_family=False)])
    exp = req(result, "IFS", "experience")
    assert exp.expected is None
    assert exp.assumption.startswith("no work in the field goes on after 2026-06-01")


def test_post_masters_experience_counts_on_from_the_days_already_after_the_degree() -> None:
    # After 2025-06-30: 2025-07-01 to 2026-06-30 is 365 days; 365 more end on 2027-06-30.
    result = assess(as_of="2026-06-30", work=[job("2020-01-01")],
                    education=[{"degree": "masters", "completed": D("2025-06-30")}])
    assert req(result, "IMHS", "experience").expected == D("2027-06-30")


def test_post_masters_experience_without_the_degree_waits_on_the_degree() -> None:
    exp = req(assess(work=[job("2020-01-01")]), "IMHS", "experience")
    assert (exp.expected, exp.assumption) == (None, None)


def test_an_any_requirement_takes_its_soonest_option() -> None:
    # 2025-06-01 to 2026-06-01 is 366 days (2026 is not a leap year: 365 + 1); 364 more.
    entry = req(assess(as_of="2026-06-01", work=[job("2025-06-01")]), "IFA", "entry")
    assert entry.expected == D("2027-05-31")
    assert entry.assumption == ("if your current work in the field goes on (by: 2+ years of "
                                "work experience in the Infant/Early Childhood & Family field)")


# -- RS/C within a window -----------------------------------------------------------------


def test_rsc_at_a_steady_pace() -> None:
    # 12 hours in the 182 days to 2026-06-30; 12 more take 182 days: 2026-12-29. But the
    # sessions must stretch over 12 months from the first, 2026-01-01: so 2027-01-01.
    rsc = req(assess(as_of="2026-06-30", work=[job("2020-01-01")], supervision=MONTHLY_2026),
              "IFS", "rsc")
    assert rsc.have == 12
    assert rsc.expected == D("2027-01-01")
    assert rsc.assumption == "at your pace of the last 6 months, about 2 hours a month"


def test_rsc_sessions_leaving_the_window_push_the_day_back() -> None:
    # 10 hours on 2024-09-01 leave the window on 2026-09-01, before the 8 hours missing come
    # in (242.7 days at 6 hours in 182 days). Then 18 are missing: 546 days, 2027-12-28,
    # before the first monthly session leaves on 2028-01-01.
    sessions = [session("2024-09-01", 10)] + [session(f"2026-{m:02d}-01", 1) for m in range(1, 7)]
    rsc = req(assess(as_of="2026-06-30", work=[job("2020-01-01")], supervision=sessions), "IFS", "rsc")
    assert rsc.have == 16
    assert rsc.expected == D("2027-12-28")
    no_dropout = req(assess(as_of="2026-06-30", work=[job("2020-01-01")],
                            supervision=[session("2025-09-01", 10), *sessions[1:]]), "IFS", "rsc")
    assert no_dropout.expected == D("2027-02-28")  # 243 days, nothing leaves the window


def test_a_pace_that_never_gets_there_says_so_and_names_one_that_does() -> None:
    # 0.5 hour a month tops out near 12 hours in a window. At 1 hour a month, the last of the
    # old sessions leaves on 2028-06-01 and 24 hours are in by 2028-06-29 (730 days).
    sessions = [session(f"2026-{m:02d}-01", 0.5) for m in range(1, 7)]
    rsc = req(assess(as_of="2026-06-30", work=[job("2020-01-01")], supervision=sessions), "IFS", "rsc")
    assert rsc.expected is None
    assert rsc.assumption == (
        "at your pace of the last 6 months, about 0.5 hours a month: that will not reach "
        "24 hours within one 24-month period over at least 12 months; 1 hour a month reaches it "
        "on 2028-06-29")


def test_no_recent_rsc_names_a_pace_that_works() -> None:
    rsc = req(assess(as_of="2026-06-30", work=[job("2020-01-01")]), "IFS", "rsc")
    assert rsc.expected is None
    # 24 hours at 1 hour a month take 730 days: 2028-06-29.
    assert rsc.assumption.endswith("; 1 hour a month reaches it on 2028-06-29")


def test_an_assumed_pace_replaces_the_measured_one() -> None:
    # 12 hours missing at 2 hours a month (24 a year): 182.5 days, so 183: 2026-12-30; the
    # 12 months from the first session, 2026-01-01, take to 2027-01-01.
    from endorse_cli.engine import judge
    from helpers import portfolio, rules

    p = portfolio(work=[job("2020-01-01")], supervision=MONTHLY_2026)
    from endorse_cli.render.sentences import word

    result = word(judge(p, rules(), D("2026-06-30"), rsc_per_month=2), rules())
    rsc = req(result, "IFS", "rsc")
    assert rsc.expected == D("2027-01-01")
    assert rsc.assumption == "at the 2 hours a month you assumed"


def test_rsc_needs_field_work_ahead() -> None:
    rsc = req(assess(as_of="2026-06-30", work=[job("2020-01-01", "2026-06-30")],
                     supervision=MONTHLY_2026), "IFS", "rsc")
    assert rsc.expected is None
    assert rsc.assumption.startswith("no work in the field goes on after 2026-06-30")


def test_window_reached_counts_only_until_field_work_ends() -> None:
    as_of = D("2026-06-30")
    drops = window_drops([(D("2026-06-01"), 12 * UNITS)], 24, as_of)
    pace = (12 * UNITS, 365)  # 1 hour a month
    assert day_window_reached(drops, 24 * UNITS, pace, as_of, window_end(as_of, 24, None)) == D("2027-06-30")
    assert day_window_reached(drops, 24 * UNITS, pace, as_of, window_end(as_of, 24, D("2027-06-29"))) is None


# -- training -------------------------------------------------------------------------------


def test_training_at_the_pace_of_the_last_12_months() -> None:
    # 12 hours in the 365 days to 2026-11-30; 8 more take 243.3 days, so 244: 2027-08-01.
    training = [course("2020-01-01", 10), course("2026-03-01", 6), course("2026-09-01", 6)]
    t = req(assess(as_of="2026-11-30", training=training), "IFS", "training")
    assert t.expected == D("2027-08-01")
    assert t.assumption == "at your pace of the last 12 months, about 1 hour a month"


def test_no_recent_training_gives_no_date() -> None:
    t = req(assess(as_of="2026-11-30", training=[course("2020-01-01", 10)]), "IFS", "training")
    assert t.expected is None
    assert t.assumption == "no specialized training in the last 12 months to set a pace"


def test_steps_no_pace_can_meet_get_no_date() -> None:
    result = assess()
    for credential, requirement in (("IFS", "degree"), ("IMHS", "exam"), ("IFS", "references"),
                                    ("IFS", "portfolio")):
        r = req(result, credential, requirement)
        assert (r.met, r.expected, r.assumption) == (False, None, None)
        assert r.next_step


# -- the whole credential ------------------------------------------------------------------


def test_the_credential_is_expected_when_its_last_dated_requirement_is() -> None:
    result = assess(as_of="2026-06-30", applicant={"focus": "prevention"},
                    education=[{"degree": "bachelors", "completed": D("2015-01-01")}],
                    work=[job("2025-01-01")], supervision=MONTHLY_2026,
                    training=[course("2026-01-01", 30)])
    ifs = result.credential("IFS")
    assert req(result, "IFS", "experience").expected == D("2026-12-31")
    assert req(result, "IFS", "rsc").expected == D("2027-01-01")
    assert ifs.expected == D("2027-01-01")  # if the references and areas are done by then
    assert [r.id for r in ifs.undated] == ["references", "portfolio"]


def test_no_day_for_the_credential_while_a_requirement_that_takes_time_has_none() -> None:
    # No training in the last 12 months: training has no day, so neither has IFS.
    result = assess(as_of="2026-06-30", education=[{"degree": "bachelors", "completed": D("2015-01-01")}],
                    work=[job("2025-01-01")], supervision=MONTHLY_2026)
    assert req(result, "IFS", "training").expected is None
    assert result.credential("IFS").expected is None
    # Post-Masters experience waits on the degree: no day for IMHS either.
    assert result.credential("IMHS").expected is None


def test_six_months_before_the_end_of_a_month_takes_in_its_first_day() -> None:
    # Six months before 31 August is 28 February: a session on 1 March is in the pace.
    rsc = req(assess(as_of="2026-08-31", work=[job("2020-01-01")],
                     supervision=[session("2026-03-01", 6)]), "IFS", "rsc")
    assert rsc.assumption.startswith("at your pace of the last 6 months, about 1 hour a month")


def test_forecasts_at_the_end_of_the_calendar_do_not_fail() -> None:
    result = assess(as_of="9999-01-01", work=[job("9990-01-01")],
                    supervision=[session("9998-06-01", 2)], training=[course("9998-06-01", 5)])
    assert req(result, "IFS", "rsc").expected is None  # no whole window is left
    assert req(result, "IFS", "training").expected is None
