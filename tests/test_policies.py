"""Each counting policy the spec names is worked out in one place, and every command that uses
it gives the same answer: the reference that can be reached, the post-degree cut, the pace
window's edge, the field periods and the best RS/C window."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_packs import for_pack, ifs, pack

from endorse_cli.engine import judge

D = dt.date.fromisoformat
AS_OF = D("2026-11-21")
SIGNED = {"code_of_ethics": D("2026-10-01"), "endorsement_agreement": D("2026-10-01"),
          "membership_end": D("2026-12-31")}


def _ifs(**contact: object) -> dict:
    """The IFS portfolio of test_packs (met exactly under imh-e-2025, 3 references: the
    supervisor Luis Ortega, the endorsed Ana Lopez, Grace Kim), with Luis Ortega's email and
    phone replaced by ``contact`` and his rating still requested."""
    p = ifs()
    p["applicant"] = dict(SIGNED)
    luis = p["reference"][0]
    del luis["email"]
    luis.update(contact, status="requested")
    return p


# -- a reference counts only with an email or a phone that is more than spaces --------------

@pytest.mark.parametrize("contact,counts", [
    ({}, False),
    ({"phone": "  "}, False),
    ({"phone": "555-0100"}, True),
    ({"email": "luis@example.org"}, True),
    ({"phone": " 555-0100 "}, True),
])
def test_a_reference_counts_with_contact_in_the_count_the_roles_and_the_wait(
        contact, counts) -> None:
    """Under imh-e-2025, IFS counts references by role (a supervisor among them): the count,
    the supervisor's role and the ratings the application waits on follow one rule."""
    c = judge(for_pack("imh-e-2025", _ifs(**contact)), pack("imh-e-2025"),
              AS_OF).credential("IFS")
    refs = next(r for r in c.requirements if r.kind == "references")
    assert refs.have == (3 if counts else 2)
    assert refs.details.by_role.get("supervisor", 0) == (1 if counts else 0)
    assert refs.met is counts
    waits = {w.code: w.values for w in c.waiting_on}
    if counts:  # met, and waiting on the one rating requested, from the one who can be reached
        assert c.met and waits["ratings"]["requested"] == ["Luis Ortega"]
        assert waits["ratings"]["count"] == 1
    else:  # a rating asked of no one who can be reached is no wait: the requirement is unmet
        assert not c.met
        assert "Luis Ortega" not in waits.get("ratings", {}).get("requested", [])


# -- the default portfolio: the one a command opens is the one a sentence needs not name -----

@pytest.mark.parametrize("named,shown", [
    ("portfolio.toml", "`endorse edit`"),
    ("<stdin>", "`endorse edit`"),
    ("mine.toml", "`endorse edit mine.toml`"),
])
def test_the_file_a_command_opens_unnamed_is_the_one_its_sentences_leave_unnamed(
        named, shown) -> None:
    from pathlib import Path

    from endorse_cli.app.context import Application
    from endorse_cli.render.sentences import name_commands

    opened = Application("gaps", environ={}).portfolio_path(None)
    assert opened == Path("portfolio.toml")  # portfolio-format.md: "by default portfolio.toml"
    assert name_commands("fix it with `endorse edit`", named) == f"fix it with {shown}"


# -- the pace window: the months up to the as-of day, the day exactly that far back out -------
# As of 2026-11-21, "the last 6 months" are 2026-05-22 to 2026-11-21: 184 days, the days the
# hours are divided by. A session on 2026-05-21, exactly 6 months back, belongs to the window
# that ended the day before (a window runs from D up to, not including, D + months, as the RS/C
# window does in portfolio-format.md); counted, it would be counted over 185 days in 184.

def _pace(requirement: str, **sections):
    from helpers import judge, portfolio, req, rules

    result = judge(portfolio(**sections), rules(), AS_OF)
    return req(result, "IFS", requirement).assumed


@pytest.mark.parametrize("day,per_month", [
    ("2026-05-20", 4.5),  # a day before the edge: out
    ("2026-05-21", 4.5),  # exactly 6 months back: out; 27 hours in 184 days, 4.46 a month
    ("2026-05-22", 5.5),  # the first day in: 33 hours in 184 days, 5.46 a month
])
def test_an_rsc_session_exactly_six_months_back_is_out_of_the_pace(day, per_month) -> None:
    """27 hours over 185 days would be 4.44 a month: the days counted show too."""
    from helpers import job, session

    said = _pace("rsc", work=[job("2024-01-01")],
                 supervision=[session(day, 6), session("2026-11-21", 27)])
    assert said.values["months"] == 6
    assert said.values["per_month"] == per_month


@pytest.mark.parametrize("day,per_month", [
    ("2025-11-21", 0.3),  # exactly 12 months back: out; 4 hours in 365 days
    ("2025-11-22", 1.3),  # the first day in: 16 hours in 365 days, 1.33 a month
])
def test_a_course_exactly_twelve_months_back_is_out_of_the_training_pace(day, per_month) -> None:
    from helpers import course

    said = _pace("training", training=[course(day, 12, imh=True),
                                       course("2026-11-21", 4, imh=True)])
    assert said.values["months"] == 12
    assert said.values["per_month"] == per_month  # 4 / 365 * 365 / 12 = 0.33; 16: 1.33


# -- post-degree work counts strictly after the degree's day -------------------------------
# The Master's is conferred on 2024-11-21; as of 2026-11-20, a job that starts that very day
# has 729 days after it (2024-11-22 to 2026-11-20), one short of 2 years (730 days).

@pytest.mark.parametrize("start,days", [
    ("2024-11-20", 729),  # the day before the degree: cut at the degree
    ("2024-11-21", 729),  # the degree's own day does not count
    ("2024-11-22", 729),  # the day after: every day counts
    ("2024-11-23", 728),
])
def test_a_job_that_starts_on_the_day_of_the_masters_counts_from_the_next_day(start,
                                                                              days) -> None:
    from helpers import job, judge, portfolio, req, rules

    p = portfolio(education=[{"degree": "masters", "completed": D("2024-11-21")}],
                  work=[job(start)])
    experience = req(judge(p, rules(), D("2026-11-20")), "IMHS", "experience")
    assert experience.details.days == days
    assert experience.details.counted_after == D("2024-11-21")
    assert experience.met is False and experience.have == 1.99  # never rounded up to 2
    tomorrow = req(judge(p, rules(), D("2026-11-21")), "IMHS", "experience")
    assert tomorrow.met is (days + 1 >= 730)


@pytest.mark.parametrize("start,days", [("2024-11-21", 729), ("2024-11-22", 729),
                                        ("2024-11-23", 728)])
def test_the_filtered_count_cuts_at_the_degree_as_the_plain_one_does(start, days) -> None:
    """imh-e-2025's IMHS counts paid, supervised dyadic work after the Master's (or a
    license): the same cut, by the other road through the code."""
    from helpers import job, portfolio

    p = portfolio(education=[{"degree": "masters", "completed": D("2024-11-21")}],
                  work=[job(start, paid=True, supervisor="Marcus Hill",
                            roles=["dyadic-treatment"], ages=["0-3"])])
    result = judge(p, pack("imh-e-2025"), D("2026-11-20"))
    experience = next(r for r in result.credential("IMHS").requirements
                      if r.id == "experience")
    assert (experience.details.days, experience.details.counted_after) == (days, D("2024-11-21"))


# -- the field periods: experience, the RS/C that counts and the bundle's days agree ---------
# As of 2026-11-21: two field jobs overlapping, 2025-01-01 to 01-10 and 01-08 to 01-20 (20 days
# once merged); a job out of the field in February 2025; a current field job from 2026-11-01
# (21 days); a field job that starts after the as-of day (none). 41 days in all.

FIELD_WORK = [
    {"title": "A", "start": D("2025-01-01"), "end": D("2025-01-10")},
    {"title": "B", "start": D("2025-01-08"), "end": D("2025-01-20")},
    {"title": "C", "start": D("2025-02-01"), "end": D("2025-03-01"), "infant_family": False},
    {"title": "D", "start": D("2026-11-01")},
    {"title": "E", "start": D("2026-12-01")},
]
#: (day, in the field): the last day of B, the day after, during C, D's first day, the as-of day.
SESSIONS = [("2025-01-20", True), ("2025-01-21", False), ("2025-02-15", False),
            ("2026-11-01", True), ("2026-11-21", True)]


def test_every_count_of_field_work_takes_the_same_days() -> None:
    from helpers import portfolio, rules, session

    from endorse_cli.bundle.content import field_days
    from endorse_cli.engine.facts import count_facts
    from endorse_cli.engine.facts import field_ahead, field_periods

    p = portfolio(work=FIELD_WORK, supervision=[session(day, 1) for day, _ in SESSIONS])
    assert field_periods(p.work, AS_OF) == [(D("2025-01-01"), D("2025-01-20")),
                                            (D("2026-11-01"), AS_OF)]
    assert field_periods(p.work, AS_OF, after=D("2025-01-19")) == [
        (D("2025-01-20"), D("2025-01-20")), (D("2026-11-01"), AS_OF)]
    assert field_ahead(p.work, AS_OF) == [(D("2026-11-22"), None)]
    assert field_days(p, AS_OF) == 41
    experience = next(r for r in judge(p, rules(), AS_OF).credential("IFS").requirements
                      if r.id == "experience")
    assert experience.details.days == 41
    facts = count_facts(p, AS_OF)
    assert [day for day, _ in facts.sessions] == [D(d) for d, field in SESSIONS if field]
    assert facts.outside_field == [1, 2]


def test_rsc_counted_only_during_work_with_some_ages_takes_the_same_days() -> None:
    """ecmh-e-2025 counts some RS/C only while the work is with children 3-6: the same days of
    field work, among the jobs with those ages."""
    from helpers import portfolio

    from endorse_cli.engine.kinds.supervision import counted_sessions
    from endorse_cli.model.rules import SupervisionReq

    work = [dict(job, ages=["3-6"] if job["title"] in ("B", "C", "D") else ["0-3"])
            for job in FIELD_WORK]
    p = portfolio(work=work, supervision=[
        {"date": D(day), "hours": 1, "provider": "Ana Lopez", "provider_credential": "IMHM-C"}
        for day, _ in SESSIONS + [("2025-01-05", True)]])
    rules = pack("ecmh-e-2025")
    req = next(r for c in rules.credential for r in c.requirement
               if isinstance(r, SupervisionReq) and r.while_ages)
    judging = _judging(p, rules)
    kept, _ = counted_sessions(req, judging)
    # B's days (01-08 to 01-20) and D's: not 2025-01-05 (A, 0-3), nor the days out of the field
    assert [day for day, _, _ in kept] == [D("2025-01-20"), D("2026-11-01"), D("2026-11-21")]


def _judging(p, rules):
    from endorse_cli.engine.facts import count_facts
    from endorse_cli.engine.kinds import Judging

    return Judging(rules=rules, facts=count_facts(p, AS_OF), portfolio=p)


# -- the RS/C window: one scan, one order, the same answer for every rule and page ----------
# 24 hours from 2020-01-01 to 2021-01-01 (a window that stretches over a year: it meets the
# rule), then 35 hours from 2023-01-01 to 2023-03-01 (more hours, over two months only).
# As of 2023-04-01 the rule is met, by the first window; the most hours in any window are 35.

TWO_WINDOWS = [("2020-01-01", 12), ("2021-01-01", 12), ("2023-01-01", 10), ("2023-03-01", 25)]


def _rsc(rules, credential: str, **applicant):
    from helpers import portfolio

    p = portfolio(
        applicant=applicant,
        work=[{"title": "Home Visitor", "start": D("2019-01-01"), "ages": ["0-3"]}],
        supervision=[{"date": D(day), "hours": hours, "provider": "Ana Lopez",
                      "provider_credential": "IMHM-C"} for day, hours in TWO_WINDOWS])
    result = judge(p, rules, D("2023-04-01"))
    return next(r for r in result.credential(credential).requirements if r.id == "rsc"), p


def test_a_window_that_meets_the_rule_is_named_with_the_most_hours_of_any_for_every_rule(
        ) -> None:
    """The default rules count every session in the field; imh-e-2025 counts only those with
    an endorsed provider during work with infants (all of these): one scan and one order name
    the same window and the same hours. (The second road once said 24 hours here.)"""
    from helpers import rules

    plain, p = _rsc(rules(), "IFS")
    filtered, _ = _rsc(pack("imh-e-2025"), "IFS")
    for found in (plain, filtered):
        assert found.met is True
        assert found.have == 35  # portfolio-format.md: "the most hours found in any window"
        d = found.details
        assert (d.first_session, d.last_session, d.sessions) == (D("2020-01-01"),
                                                                 D("2021-01-01"), 2)
        assert (d.window_start, d.window_end, d.spans) == (D("2020-01-01"), D("2021-12-31"),
                                                           True)
        assert d.window_hours == 24


def test_the_standing_gives_the_window_named_its_own_hours() -> None:
    """35 hours are the most in any window, but the window named (over a year) holds 24: the
    standing says both, never "35 hours, sessions 2020-01-01 to 2021-01-01"."""
    from helpers import rules

    from endorse_cli.render.sentences import Words

    found, _ = _rsc(rules(), "IFS")
    assert Words(rules()).standing(found) == (
        "35 hours; 24 hours in sessions 2020-01-01 to 2021-01-01 (needs 24)")
    one_window = found.__class__(**{**{f: getattr(found, f) for f in found.__struct_fields__},
                                    "have": 24})
    assert Words(rules()).standing(one_window) == (
        "24 hours, sessions 2020-01-01 to 2021-01-01 (needs 24)")


def test_the_bundles_rsc_log_names_the_window_the_engine_scans() -> None:
    """Ana Lopez's log, over her sessions alone and no hours asked: the months with most
    hours are the last two sessions' (35 hours), as the engine's scan finds them."""
    from helpers import rules

    from endorse_cli.bundle.content import rsc_logs

    found, p = _rsc(rules(), "IFS")
    credential = judge(p, rules(), D("2023-04-01")).credential("IFS")
    (log,) = rsc_logs(p, rules(), credential, as_of=D("2023-04-01"))
    assert [row["in_window"] for row in log["rows"]] == [False, False, True, True]
    assert "hold 35 hours in 2 sessions" in str(log["window"])


def _oracle(sessions, months, span, need, about_need, about):
    """The module's words, followed to the letter over every window, slowly."""
    from endorse_cli.engine.dates import add_months

    windows = []
    for i, (start, _) in enumerate(sessions):
        if i and sessions[i - 1][0] == start:
            continue
        inside = [n for n, (day, _) in enumerate(sessions)
                  if start <= day < add_months(start, months)]
        total = sum(sessions[n][1] for n in inside)
        about_total = sum(about[n] for n in inside)
        spans = sessions[inside[-1]][0] >= add_months(start, span)
        short = max(0, need - total) + max(0, about_need - about_total)
        windows.append((start, total, short == 0 and spans, short))
    most = max(windows, key=lambda w: (w[1], w[0]))
    best = max(windows, key=lambda w: (w[2], -w[3], w[1], w[0]))
    met = best[2]
    return most[0], best[0], met, most[1] if met else best[1]


_DAY = st.sampled_from([0, 31, 200, 365, 366, 400, 731, 800, 1100, 1500])


@settings(max_examples=300, deadline=None)
@given(sessions=st.lists(st.tuples(_DAY, st.sampled_from([1, 2, 5]), st.sampled_from([0, 1, 2])),
                         min_size=1, max_size=10),
       need=st.sampled_from([0, 3, 6, 10]), about_need=st.sampled_from([0, 2, 4]),
       span=st.sampled_from([0, 12]))
def test_the_scan_follows_its_order_on_any_sessions(sessions, need, about_need, span) -> None:
    from endorse_cli.engine.windows import scan

    sessions = sorted((D("2020-01-01") + dt.timedelta(days=day), h, a) for day, h, a in sessions)
    about = [a for _, _, a in sessions]
    sessions = [(day, h) for day, h, _ in sessions]
    found = scan(sessions, 24, span, need, about_need, about=about)
    assert (found.most.start, found.best.start, found.met, found.have) == _oracle(
        sessions, 24, span, need, about_need, about)
    if not about_need:  # "have is the most hours found in any window", met or not
        assert found.have == found.most.hours


def test_the_bundles_chart_says_the_hours_its_window_holds() -> None:
    """The window named holds 24 hours; 35 are the most in any window (the requirement's
    have): the chart said 35 for the window from 2020-01-01 to 2021-12-31."""
    from helpers import rules

    from endorse_cli.bundle.content import chart

    found, p = _rsc(rules(), "IFS")
    credential = judge(p, rules(), D("2023-04-01")).credential("IFS")
    drawn = chart(p, credential, D("2023-04-01"), rules=rules())
    assert drawn["window"]["hours"] == 24
    assert drawn["summary"].endswith(
        "The best window, 2020-01-01 to 2021-12-31, holds 24 hours.")
    filtered = judge(p, pack("imh-e-2025"), D("2023-04-01")).credential("IFS")
    assert chart(p, filtered, D("2023-04-01"), rules=pack("imh-e-2025"))["window"]["hours"] == 24
