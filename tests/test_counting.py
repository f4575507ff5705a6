"""Every counting rule of portfolio-format.md, at its edges. Dates are worked out by hand."""

from __future__ import annotations

import pytest
from helpers import ALL_AREAS, D, assess, course, job, req, session


def later(result) -> list[str]:
    """Where the warnings about entries dated after the as-of date point."""
    return [w.where for w in result.warnings if w.code == "later-date"]


# -- work experience -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "days", "met"),
    [
        ("2023-01-01", "2024-12-29", 729, False),  # 365 + 364 (2024 is a leap year)
        ("2023-01-01", "2024-12-30", 730, True),
        ("2024-01-01", "2025-12-30", 730, True),  # 366 + 364: 29 February counts as a day
        ("2025-01-01", "2026-12-31", 730, True),  # the forecast example: 2 years on 2026-12-31
        ("2025-01-01", "2026-12-30", 729, False),
    ],
)
def test_two_years_is_730_inclusive_days(start: str, end: str, days: int, met: bool) -> None:
    result = assess(as_of="2027-06-01", work=[job(start, end)])
    exp = req(result, "IFS", "experience")
    assert exp.details.days == days
    assert exp.met is met
    assert exp.unit == "years"


def test_years_are_cut_to_two_decimals_never_rounded_up_to_the_goal() -> None:
    exp = req(assess(as_of="2027-01-01", work=[job("2023-01-01", "2024-12-29")]), "IFS", "experience")
    assert exp.have == 1.99  # 729 / 365 = 1.9973
    assert exp.need == 2
    assert "1 more day (about 0.01 years)" in exp.next_step


def test_a_current_job_counts_up_to_the_as_of_date() -> None:
    work = [job("2024-11-22")]
    assert req(assess(as_of="2026-11-21", work=work), "IFS", "experience").details.days == 730
    assert req(assess(as_of="2026-11-20", work=work), "IFS", "experience").met is False


def test_touching_periods_merge_and_overlapping_days_count_once() -> None:
    touching = [job("2020-01-01", "2020-12-31"), job("2021-01-01", "2021-12-31")]
    assert req(assess(work=touching), "IFS", "experience").details.days == 366 + 365
    overlapping = [job("2020-01-01", "2020-12-31"), job("2020-07-01", "2021-06-30")]
    assert req(assess(work=overlapping), "IFS", "experience").details.days == 366 + 181


def test_only_infant_family_work_counts() -> None:
    work = [job("2018-01-01", "2022-12-31", infant_family=False), job("2023-01-01", "2023-01-31")]
    assert req(assess(work=work), "IFS", "experience").details.days == 31


def test_a_job_ending_after_the_as_of_date_counts_to_the_as_of_date() -> None:
    result = assess(as_of="2024-01-31", work=[job("2024-01-01", "2025-12-31")])
    assert req(result, "IFS", "experience").details.days == 31
    assert later(result) == []


def test_a_job_starting_after_the_as_of_date_is_ignored_with_a_warning() -> None:
    result = assess(as_of="2024-01-31", work=[job("2020-01-01", "2020-01-10"), job("2024-02-01")])
    assert req(result, "IFS", "experience").details.days == 10
    assert later(result) == ["work[1].start"]
    assert "2024-02-01" in result.warnings[0].message


# -- post-degree experience ----------------------------------------------------------------


def test_post_masters_days_are_strictly_after_the_completed_date() -> None:
    education = [{"degree": "masters", "completed": D("2020-06-15")}]
    work = [job("2018-01-01")]
    on_day = req(assess(as_of="2022-06-15", education=education, work=work), "IMHS", "experience")
    assert (on_day.details.days, on_day.details.need_days) == (730, 730)
    assert on_day.details.counted_after == D("2020-06-15")
    assert on_day.met
    day_before = req(assess(as_of="2022-06-14", education=education, work=work), "IMHS", "experience")
    assert day_before.details.days == 729
    assert not day_before.met


def test_post_masters_counts_from_the_earliest_degree_at_masters_level_or_above() -> None:
    education = [
        {"degree": "masters", "completed": D("2021-06-01")},
        {"degree": "doctorate", "completed": D("2019-05-01")},
        {"degree": "bachelors", "completed": D("2010-05-01")},
    ]
    exp = req(assess(education=education, work=[job("2015-01-01")]), "IMHS", "experience")
    assert exp.details.counted_after == D("2019-05-01")


def test_a_degree_without_a_completed_date_is_in_progress_and_does_not_count() -> None:
    result = assess(education=[{"degree": "masters"}], work=[job("2015-01-01")])
    degree = req(result, "IMHS", "degree")
    assert not degree.met
    assert degree.details.in_progress is True
    assert "once it is conferred" in degree.next_step
    exp = req(result, "IMHS", "experience")
    assert not exp.met and exp.have == 0
    assert "counts only from the day after your Master's degree is conferred" in exp.next_step


def test_a_degree_completed_after_the_as_of_date_does_not_count_yet() -> None:
    result = assess(as_of="2026-01-01", education=[{"degree": "bachelors", "completed": D("2026-05-01")}])
    assert not req(result, "IFS", "degree").met
    assert later(result) == ["education[0].completed"]


@pytest.mark.parametrize(
    ("degree", "ifa", "ifs", "imhs"),
    [
        ("cda", True, False, False),
        ("associate", True, False, False),
        ("bachelors", True, True, False),
        ("masters", True, True, True),
        ("doctorate", True, True, True),
        ("md", True, True, True),
    ],
)
def test_degree_levels(degree: str, ifa: bool, ifs: bool, imhs: bool) -> None:
    result = assess(education=[{"degree": degree, "completed": D("2015-01-01")}])
    assert req(result, "IFA", "entry").met is ifa
    assert req(result, "IFS", "degree").met is ifs
    assert req(result, "IMHS", "degree").met is imhs


# -- the IFA entry: any of education or experience ------------------------------------------


def test_ifa_entry_is_met_by_experience_alone() -> None:
    entry = req(assess(work=[job("2020-01-01", "2021-12-31")]), "IFA", "entry")
    assert entry.met and entry.kind == "any"
    assert [o.met for o in entry.options] == [False, True]
    assert entry.next_step is None


def test_ifa_entry_unmet_names_every_option() -> None:
    entry = req(assess(), "IFA", "entry")
    assert not entry.met
    assert entry.next_step.startswith("Meet one of these: Complete a CDA credential")
    assert " Or: Keep working" in entry.next_step


# -- specialized training ------------------------------------------------------------------


def test_training_hours_sum_only_imh_training() -> None:
    training = [course("2024-01-01", 20), course("2024-02-01", 9.5), course("2024-03-01", 8, imh=False)]
    t = req(assess(training=training), "IFS", "training")
    assert (t.have, t.need, t.met) == (29.5, 30, False)
    assert "0.5 more hours" in t.next_step


def test_training_sums_are_exact_decimals() -> None:
    training = [course(f"2024-01-{d:02d}", 0.1) for d in range(1, 31)] * 10  # 300 x 0.1 hours
    t = req(assess(training=training), "IFS", "training")
    assert t.have == 30 and t.met


def test_training_after_the_as_of_date_is_ignored_with_a_warning() -> None:
    result = assess(as_of="2024-06-30", training=[course("2024-06-30", 30), course("2024-07-01", 30)])
    assert req(result, "IFS", "training").have == 30
    assert later(result) == ["training[1].date"]


# -- RS/C within a window ------------------------------------------------------------------

FIELD = [job("2020-01-01")]


def test_rsc_counts_only_sessions_during_field_work() -> None:
    work = [job("2024-01-01"), job("2018-01-01", "2023-12-30", infant_family=False)]
    sessions = [session("2023-12-31", 10), session("2024-01-01", 5)]
    rsc = req(assess(work=work, supervision=sessions), "IFS", "rsc")
    assert rsc.have == 5
    assert rsc.details.hours_outside_field_work == 10


def test_rsc_window_ends_before_the_same_day_24_months_later() -> None:
    apart = [session("2024-01-10", 12), session("2026-01-10", 12)]
    assert req(assess(work=FIELD, supervision=apart), "IFS", "rsc").have == 12
    inside = [session("2024-01-10", 12), session("2026-01-09", 12)]
    rsc = req(assess(work=FIELD, supervision=inside), "IFS", "rsc")
    assert rsc.met and rsc.have == 24
    assert rsc.details.window_start == D("2024-01-10")
    assert rsc.details.window_end == D("2026-01-09")
    assert (rsc.details.first_session, rsc.details.last_session) == (D("2024-01-10"), D("2026-01-09"))


def test_rsc_window_from_29_february_takes_in_28_february() -> None:
    sessions = [session("2024-02-29", 12), session("2026-02-28", 12)]
    assert req(assess(work=FIELD, supervision=sessions), "IFS", "rsc").met


def test_rsc_best_window_is_the_one_with_most_hours() -> None:
    sessions = [session("2020-02-01", 10), session("2021-06-01", 5),  # 15 in 2020-2022
                session("2022-03-01", 8), session("2023-01-01", 9), session("2023-12-01", 2)]
    rsc = req(assess(work=FIELD, supervision=sessions), "IMHS", "rsc")
    # windows: from 2020-02-01: 10+5 = 15; from 2021-06-01: 5+8+9 = 22; from 2022-03-01: 8+9+2 = 19
    assert rsc.have == 22
    assert (rsc.details.first_session, rsc.details.last_session) == (D("2021-06-01"), D("2023-01-01"))
    assert rsc.details.sessions == 3
    assert "28 more hours" in rsc.next_step


def test_rsc_equal_windows_prefer_the_most_recent() -> None:
    sessions = [session("2020-01-01", 5), session("2023-01-01", 5)]
    rsc = req(assess(work=FIELD, supervision=sessions), "IFS", "rsc")
    assert rsc.details.first_session == D("2023-01-01")


def test_rsc_hours_are_exact_decimals() -> None:
    # 239 tenths of an hour on the first day and one a year later: exactly 24 hours.
    sessions = [session("2024-01-01", 0.1)] * 239 + [session("2025-01-01", 0.1)]
    assert req(assess(work=FIELD, supervision=sessions), "IFS", "rsc").met


def test_rsc_after_the_as_of_date_is_ignored_with_a_warning() -> None:
    result = assess(as_of="2024-01-01", work=FIELD,
                    supervision=[session("2024-01-01", 24), session("2024-01-02", 30)])
    assert req(result, "IFS", "rsc").have == 24
    assert later(result) == ["supervision[1].date"]


def test_rsc_group_and_individual_both_count() -> None:
    sessions = [session("2024-01-01", 12, format="group"), session("2025-01-01", 12)]
    assert req(assess(work=FIELD, supervision=sessions), "IFS", "rsc").met


# -- mentor tracks ---------------------------------------------------------------------------


def test_mentor_rsc_does_not_apply_on_the_policy_track() -> None:
    result = assess(applicant={"mentor_track": "policy"})
    rsc = req(result, "IMHM", "rsc")
    assert rsc.applies is False and rsc.met is True
    imhm = result.credential("IMHM")
    assert imhm.total == 6


def test_mentor_rsc_without_a_track_counts_as_clinical_and_says_so() -> None:
    rsc = req(assess(), "IMHM", "rsc")
    assert rsc.applies is True and not rsc.met
    assert "counted on the Clinical track" in rsc.note
    assert req(assess(applicant={"mentor_track": "clinical"}), "IMHM", "rsc").note is None


# -- references, portfolio, exam -----------------------------------------------------------


def test_references_need_contact_and_a_status_other_than_declined() -> None:
    refs = [
        {"name": "A", "email": "a@example.org", "status": "received"},
        {"name": "B", "phone": "555-0100", "status": "requested"},
        {"name": "C"},  # no way to reach them
        {"name": "D", "email": "d@example.org", "status": "declined"},
    ]
    r = req(assess(reference=refs), "IFS", "references")
    assert (r.have, r.need, r.met) == (2, 3, False)
    assert r.details.received == 1
    assert [(n.name, n.why) for n in r.details.not_counted] == [("C", "no email or phone"),
                                                               ("D", "declined")]
    assert r.next_step.startswith("Add an email or phone for C with `endorse edit`: a reference "
                                  "counts only")
    refs.append({"name": "E", "email": "e@example.org"})
    assert req(assess(reference=refs), "IFS", "references").met


def test_portfolio_areas_come_from_training_and_work_and_name_what_is_missing() -> None:
    training = [course("2024-01-01", 1, *ALL_AREAS[:4], imh=False)]
    work = [job("2020-01-01", competencies=list(ALL_AREAS[4:7]), infant_family=False)]
    p = req(assess(training=training, work=work), "IFS", "portfolio")
    assert (p.have, p.need, p.met) == (7, 8, False)
    assert p.details.missing == ("reflection",)
    assert p.next_step == ("Add training or work that covers: Reflection. Name the areas of a "
                           "course or job you have with `endorse edit`, or add one with "
                           "`endorse interview --section training`.")
    training.append(course("2024-02-01", 1, "reflection"))
    result = assess(training=training, work=work)
    assert req(result, "IFS", "portfolio").met
    assert req(result, "IMHM", "portfolio").details.missing == ("administration",)


def test_portfolio_areas_of_later_entries_do_not_count() -> None:
    result = assess(as_of="2024-01-01", training=[course("2024-01-02", 1, *ALL_AREAS)])
    assert req(result, "IFS", "portfolio").have == 0


@pytest.mark.parametrize(
    ("exam", "met", "step"),
    [
        (None, False, "Register for the Endorsement exam"),
        ({"status": "not-taken"}, False, "Register for the Endorsement exam"),
        ({"status": "scheduled", "date": D("2026-12-01")}, False, "Take the Endorsement exam"),
        ({"status": "failed"}, False, "retake"),
        ({"status": "passed", "date": D("2026-10-01")}, True, None),
        ({"status": "passed"}, True, None),
    ],
)
def test_exam(exam: dict | None, met: bool, step: str | None) -> None:
    sections = {"exam": exam} if exam else {}
    e = req(assess(**sections), "IMHS", "exam")
    assert e.met is met
    assert (e.next_step is None) if step is None else (step in e.next_step)


def test_an_exam_passed_after_the_as_of_date_is_not_passed_yet() -> None:
    result = assess(as_of="2026-01-01", exam={"status": "passed", "date": D("2026-03-01")})
    assert not req(result, "IMHS", "exam").met
    assert later(result) == ["exam.date"]
