"""The rules packs, credential by credential: a portfolio that meets each exactly, and one that
misses each requirement by the smallest step (a day, a quarter hour, a family, a reference, a
yes/no turned over), with the numbers worked out by hand. As of 2026-11-21.

The ECMH-E pack has the same numbers: its portfolios are the IMH-E ones with the codes of the
3-6 band and every job's ages given as 3-6.
"""

from __future__ import annotations

import copy
import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any, Callable

import msgspec
import pytest
from helpers import D

from endorse_cli.engine import judge
from endorse_cli.io.rules_file import load_rules
from endorse_cli.model.portfolio import Portfolio
from endorse_cli.render.sentences import word

AS_OF = D("2026-11-21")
EIGHT = ["theoretical-foundations", "law-regulation-policy", "systems-expertise",
         "direct-service-skills", "working-with-others", "communicating", "thinking",
         "reflection"]
NINE = EIGHT + ["administration"]
PACKS = ["imh-e-2025", "ecmh-e-2025"]
EC = {"IFA": "ECFA", "IFS": "ECFS", "IMHS": "ECMHS", "IMHM": "ECMHM"}


@cache
def pack(name: str):
    return load_rules(Path(name)).value


def monthly(first: str, count: int, hours: float, **extra: Any) -> list[dict]:
    day = D(first)
    out = []
    for n in range(count):
        month = day.month - 1 + n
        out.append({"date": dt.date(day.year + month // 12, month % 12 + 1, day.day),
                    "hours": hours, **extra})
    return out


def rsc(provider: str, credential: str, sessions: list[dict]) -> list[dict]:
    return [{"provider": provider, "provider_credential": credential, **s} for s in sessions]


def ref(name: str, role: str, **extra: Any) -> dict:
    return {"name": name, "role": role, "email": f"{name.split()[0].lower()}@example.org",
            "status": "received", **extra}


def course(hours: float, *topics: str, date: str = "2025-06-01") -> dict:
    return {"title": "Course", "date": D(date), "hours": hours,
            "topics": list(topics or ("imh",))}


def ifa() -> dict:
    return {
        "education": [{"degree": "cda", "completed": D("2026-11-21")}],
        "work": [{"title": "Teacher", "start": D("2025-08-01"), "ages": ["0-3"],
                  "competencies": EIGHT}],
        "training": [course(18), course(12)],
        "reference": [ref("Luis Ortega", "supervisor"),
                      ref("Ana Lopez", "colleague", endorsement="vetted"),
                      ref("Grace Kim", "colleague")]}


def ifs() -> dict:
    return {
        "education": [{"degree": "bachelors", "completed": D("2024-11-21")}],
        "work": [{"title": "Home Visitor", "start": D("2024-01-08"), "families_served": 10,
                  "ages": ["0-3"], "supervisor": "Luis Ortega", "competencies": EIGHT}],
        "training": [course(12), course(12), course(6)],
        "supervision": rsc("Ana Lopez", "IMHM-C", [{"date": D("2025-11-21"), "hours": 1}]
                           + monthly("2025-12-21", 11, 2)
                           + [{"date": D("2026-11-21"), "hours": 1}]),
        "reference": [ref("Luis Ortega", "supervisor"),
                      ref("Ana Lopez", "rsc-provider", endorsement="IMHM-C"),
                      ref("Grace Kim", "colleague")]}


def imhs() -> dict:
    return {
        "education": [{"degree": "bachelors", "completed": D("2019-05-18")},
                      {"degree": "masters", "completed": D("2024-11-21")}],
        "work": [{"title": "Infant-Parent Psychotherapist", "start": D("2024-06-03"),
                  "supervisor": "Marcus Hill", "roles": ["dyadic-treatment"], "ages": ["0-3"],
                  "competencies": EIGHT}],
        "training": [course(12), course(12), course(6), course(3, "imh", "dei")],
        "supervision": rsc("Rosa Alvarez", "IMHM-C", [{"date": D("2025-11-21"), "hours": 2}]
                           + monthly("2025-12-21", 11, 4)
                           + [{"date": D("2026-11-21"), "hours": 4}]),
        "reference": [ref("Marcus Hill", "supervisor"),
                      ref("Rosa Alvarez", "rsc-provider", endorsement="IMHM-C"),
                      ref("Priya Shah", "colleague")]}


LEAD_ROLE = {"clinical": "rsc-provider", "policy": "policy-leadership",
             "research": "teaching-research"}


def imhm(track: str) -> dict:
    p = {
        "applicant": {"mentor_track": track},
        "education": [{"degree": "masters", "completed": D("2020-11-21")}],
        "work": [{"title": "Director", "start": D("2023-11-23"), "roles": [LEAD_ROLE[track]],
                  "ages": ["0-3"], "competencies": NINE}],
        "training": [course(12), course(12), course(6), course(3, "dei")],
        "exam": {"status": "passed", "date": D("2026-01-10")},
        "reference": [ref("Marcus Hill", "supervisor"),
                      ref("Rosa Alvarez", "colleague", endorsement="IMHM-C"),
                      ref("Priya Shah", "colleague")]}
    if track == "clinical":
        p["work"].append({"title": "Therapist", "start": D("2020-09-08"),
                          "end": D("2023-06-30"), "supervisor": "Marcus Hill",
                          "roles": ["dyadic-treatment"], "ages": ["0-3"]})
        p["training"] += [course(8, "rsc"), course(7, "rsc")]
        p["supervision"] = rsc("Rosa Alvarez", "IMHM-C",
                               [{"date": D("2025-11-21"), "hours": 1, "about_providing": True}]
                               + monthly("2025-12-21", 6, 4, about_providing=True)
                               + monthly("2026-06-21", 5, 4)
                               + [{"date": D("2026-11-21"), "hours": 5}])
        p["reference"] = [ref("Rosa Alvarez", "rsc-provider", endorsement="IMHM-C"),
                          ref("Jordan Rivera", "supervisee"), ref("Marcus Hill", "supervisor")]
    return p


def for_pack(name: str, sections: dict) -> Portfolio:
    """The IMH-E portfolio as the ECMH-E pack's twin: 3-6 codes and ages."""
    data = copy.deepcopy(sections)
    if name == "ecmh-e-2025":
        for job in data.get("work", []):
            if job.get("ages") == ["0-3"]:
                job["ages"] = ["3-6"]
        for entry in data.get("supervision", []) + data.get("reference", []):
            for key in ("provider_credential", "endorsement"):
                if entry.get(key, "").startswith("IMH"):
                    entry[key] = "EC" + entry[key][1:]
                elif entry.get(key) == "IFS":
                    entry[key] = "ECFS"
        for job in data.get("work", []):
            if str(job.get("supervisor_endorsement", "")).startswith("IMH"):
                job["supervisor_endorsement"] = "EC" + job["supervisor_endorsement"][1:]
    applicant = {"name": "Test Applicant", **data.pop("applicant", {})}
    return msgspec.convert({"format": 2, "applicant": applicant, **data}, Portfolio)


def unmet(name: str, credential: str, sections: dict) -> set[str]:
    code = EC[credential] if name == "ecmh-e-2025" else credential
    result = word(judge(for_pack(name, sections), pack(name), AS_OF), pack(name))
    found = result.credential(code)
    assert found is not None
    for r in found.requirements:  # every unmet requirement has a next step in words
        assert r.met or (r.next_step and "{" not in r.next_step), (r.id, r.next_step)
    return {r.id for r in found.requirements if r.applies and not r.met}


def requirement(name: str, credential: str, sections: dict, rid: str):
    code = EC[credential] if name == "ecmh-e-2025" else credential
    result = word(judge(for_pack(name, sections), pack(name), AS_OF), pack(name))
    return next(r for r in result.credential(code).requirements if r.id == rid)


def changed(base: Callable[[], dict], change: Callable[[dict], Any]) -> dict:
    p = base()
    change(p)
    return p


def setitem(path: tuple, value: Any) -> Callable[[dict], None]:
    def apply(p: dict) -> None:
        target = p
        for key in path[:-1]:
            target = target[key]
        if value is DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value
    return apply


DELETE = object()


@pytest.mark.parametrize("name", PACKS)
@pytest.mark.parametrize("credential,base", [
    ("IFA", ifa), ("IFS", ifs), ("IMHS", imhs),
    ("IMHM", lambda: imhm("clinical")), ("IMHM", lambda: imhm("policy")),
    ("IMHM", lambda: imhm("research"))])
def test_each_credential_is_met_exactly(name, credential, base) -> None:
    assert unmet(name, credential, base()) == set()


def _drop_area(p: dict, area: str = "reflection") -> None:
    for job in p["work"]:
        job["competencies"] = [a for a in job.get("competencies", []) if a != area]


IFA_MISSES = [
    ("CDA a day later, job 478 days", setitem(("education", 0, "completed"), D("2026-11-22")),
     {"entry"}),
    ("2nd course 11.75", setitem(("training", 1, "hours"), 11.75), {"training"}),
    ("no supervisor among references", setitem(("reference", 0, "role"), "colleague"),
     {"references"}),
    ("no endorsed or vetted rater", setitem(("reference", 1, "endorsement"), DELETE),
     {"references"}),
    ("an area missing", _drop_area, {"portfolio"}),
]


@pytest.mark.parametrize("name", PACKS)
@pytest.mark.parametrize("why,change,expected", IFA_MISSES, ids=[m[0] for m in IFA_MISSES])
def test_ifa_missed_by_the_smallest_step(name, why, change, expected) -> None:
    assert unmet(name, "IFA", changed(ifa, change)) == expected


def _work_path(start: str, **job: Any) -> dict:
    p = ifa()
    p["education"] = []
    p["work"][0].update(start=D(start), **job)
    return p


def test_ifa_by_two_years_of_unpaid_work() -> None:
    assert unmet("imh-e-2025", "IFA", _work_path("2024-11-22", paid=False)) == set()  # 730 days
    assert unmet("imh-e-2025", "IFA", _work_path("2024-11-23", paid=False)) == {"entry"}  # 729


@pytest.mark.parametrize("job", [{"paid": False}, {"paid": False, "supervised": True},
                                 {"paid": False, "supervisor": "Luis Ortega"}])
def test_ecfa_never_counts_volunteer_work_supervised_or_not(job) -> None:
    """CT-AIMH and MI-AIMH ask two years of *paid* work for ECFA: 730 days of unpaid work,
    supervised or not, do not meet it; the same days paid do, and one day fewer does not."""
    assert unmet("ecmh-e-2025", "IFA", _work_path("2024-11-22", **job)) == {"entry"}
    assert unmet("ecmh-e-2025", "IFA", _work_path("2024-11-22", paid=True)) == set()
    assert unmet("ecmh-e-2025", "IFA", _work_path("2024-11-23", paid=True)) == {"entry"}


@pytest.mark.parametrize("held,met", [("IFA", True), ("ECFA", True), ("I/ECFA", True),
                                      ("CDA", False)])
def test_an_ecfa_rater_may_hold_ifa_or_ecfa(held, met) -> None:
    """MI-AIMH's ECFA page: the endorsed rater may be an IFA or an ECFA too."""
    p = ifa()
    p["reference"][1] = ref("Ana Lopez", "colleague", endorsement=held)
    assert unmet("ecmh-e-2025", "IFA", p) == (set() if met else {"references"})
    assert unmet("imh-e-2025", "IFA", p) == {"references"}  # IFA raters: Level II and above


@pytest.mark.parametrize("name,words", [
    ("imh-e-2025", "at least one rater endorsed at IFS or above"),
    ("ecmh-e-2025", "at least one rater endorsed at IFS, ECFS or above")])
def test_the_references_step_names_the_rule_in_the_packs_words(name, words) -> None:
    p = ifs()
    p["reference"][1] = ref("Ana Lopez", "rsc-provider")  # no endorsement given
    step = requirement(name, "IFS", p, "references").next_step
    assert f"Your raters must include your current supervisor and your RS/C provider, and {words}" \
        in step, step
    assert "`endorse edit`" in step and "`endorse add reference`" in step


def _ifs_all_sessions(p: dict) -> None:
    for s in p["supervision"]:
        del s["provider_credential"]


IFS_MISSES = [
    ("Bachelor's not conferred", setitem(("education", 0, "completed"), DELETE),
     {"degree", "experience", "families"}),
    ("Bachelor's a day later: 729 days", setitem(("education", 0, "completed"), D("2024-11-22")),
     {"experience"}),
    ("unpaid", setitem(("work", 0, "paid"), False), {"experience", "families"}),
    ("9 families", setitem(("work", 0, "families_served"), 9), {"families"}),
    ("3rd course 5.75", setitem(("training", 2, "hours"), 5.75), {"training"}),
    ("last session 0.75", setitem(("supervision", -1, "hours"), 0.75), {"rsc"}),
    ("last session a day early: span short", setitem(("supervision", -1, "date"), D("2026-11-20")),
     {"rsc"}),
    ("first session's provider is an IFS", setitem(("supervision", 0, "provider_credential"),
                                                   "IFS"), {"rsc"}),
    ("no provider endorsement at all", _ifs_all_sessions, {"rsc"}),
    ("Grace declined", setitem(("reference", 2, "status"), "declined"), {"references"}),
    ("no RS/C provider among references", setitem(("reference", 1, "role"), "colleague"),
     {"references"}),
    ("no endorsed rater", setitem(("reference", 1, "endorsement"), DELETE), {"references"}),
    ("an area missing", _drop_area, {"portfolio"}),
]


@pytest.mark.parametrize("name", PACKS)
@pytest.mark.parametrize("why,change,expected", IFS_MISSES, ids=[m[0] for m in IFS_MISSES])
def test_ifs_missed_by_the_smallest_step(name, why, change, expected) -> None:
    assert unmet(name, "IFS", changed(ifs, change)) == expected


def test_ifs_numbers_in_words() -> None:
    short = requirement("imh-e-2025", "IFS", changed(ifs, setitem(("supervision", -1, "hours"),
                                                                 0.75)), "rsc")
    assert (short.have, short.need) == (23.75, 24)
    assert "0.25 more hours" in short.next_step
    ifs_provider = requirement("imh-e-2025", "IFS", changed(
        ifs, setitem(("supervision", 0, "provider_credential"), "IFS")), "rsc")
    assert ifs_provider.have == 23
    assert "your 1st RS/C session, 2025-11-21, Ana Lopez (given as 'IFS'" in \
        ifs_provider.next_step
    families = requirement("imh-e-2025", "IFS", changed(ifs, setitem(
        ("work", 0, "families_served"), 9)), "families")
    assert (families.have, families.need) == (9, 10)


def test_an_ifs_whose_rsc_provider_is_not_endorsed_is_not_met() -> None:
    p = changed(ifs, _ifs_all_sessions)
    assert unmet("imh-e-2025", "IFS", p) == {"rsc"}
    assert requirement("imh-e-2025", "IFS", p, "rsc").have == 0
    # the default rules do not ask who gave the RS/C
    from helpers import rules as default_rules

    result = judge(for_pack("imh-e-2025", p), default_rules(), AS_OF)
    assert next(r for r in result.credential("IFS").requirements if r.id == "rsc").met


def test_ifs_job_without_ages() -> None:
    p = changed(ifs, setitem(("work", 0, "ages"), DELETE))
    assert unmet("imh-e-2025", "IFS", p) == set()  # read as 0-3
    data = copy.deepcopy(p)
    result = judge(msgspec.convert({"format": 2, "applicant": {"name": "A"}, **data},
                                   Portfolio), pack("ecmh-e-2025"), AS_OF)
    assert {r.id for r in result.credential("ECFS").requirements if not r.met} == \
        {"experience", "families", "rsc"}
    both = changed(ifs, setitem(("work", 0, "ages"), ["0-3", "3-6"]))
    assert unmet("imh-e-2025", "IFS", both) == set()
    assert unmet("ecmh-e-2025", "IFS", both) == set()


def _license_path(kind: str, issued: str) -> Callable[[dict], None]:
    def apply(p: dict) -> None:
        del p["education"][1]
        p["license"] = [{"title": "LCSW", "kind": kind, "issued": D(issued)}]
    return apply


def _unsupervised(p: dict) -> None:
    del p["work"][0]["supervisor"]


IMHS_MISSES = [
    ("exam failed: no exam asked", setitem(("exam",), {"status": "failed"}), set()),
    ("license instead of a Master's", _license_path("mental-health", "2024-11-21"), set()),
    ("a license of another kind", _license_path("other", "2024-11-21"),
     {"degree", "experience"}),
    ("license a day later", _license_path("mental-health", "2024-11-22"), {"experience"}),
    ("Master's a day later", setitem(("education", 1, "completed"), D("2024-11-22")),
     {"experience"}),
    ("said not supervised", setitem(("work", 0, "supervised"), False), {"experience"}),
    ("no supervisor named", _unsupervised, {"experience"}),
    ("not dyadic", setitem(("work", 0, "roles"), ["direct-service"]), {"experience"}),
    ("unpaid", setitem(("work", 0, "paid"), False), {"experience"}),
    ("4th course 2.75", setitem(("training", 3, "hours"), 2.75), {"training"}),
    ("last session 3.75", setitem(("supervision", -1, "hours"), 3.75), {"rsc"}),
    ("2nd session from an IFS", setitem(("supervision", 1, "provider_credential"), "IFS"),
     {"rsc"}),
    ("no supervisor among references", setitem(("reference", 0, "role"), "colleague"),
     {"references"}),
    ("an area missing", _drop_area, {"portfolio"}),
]


@pytest.mark.parametrize("name", PACKS)
@pytest.mark.parametrize("why,change,expected", IMHS_MISSES, ids=[m[0] for m in IMHS_MISSES])
def test_imhs_missed_by_the_smallest_step(name, why, change, expected) -> None:
    assert unmet(name, "IMHS", changed(imhs, change)) == expected


def _internship(end: str = "2025-08-31", start: str = "2024-09-01", masters: str = "2025-11-21",
                endorsement: str = "IMHM-C") -> Callable[[dict], None]:
    def apply(p: dict) -> None:
        p["education"][1]["completed"] = D(masters)
        p["work"][0]["start"] = D("2025-09-02")
        p["work"].append({"title": "Intern", "start": D(start), "end": D(end), "paid": False,
                          "internship": True, "supervisor": "Rosa Alvarez",
                          "supervisor_endorsement": endorsement,
                          "roles": ["dyadic-treatment"], "ages": ["0-3"]})
    return apply


@pytest.mark.parametrize("name", PACKS)
@pytest.mark.parametrize("change,days,met", [
    (_internship(), 730, True),  # 365 regular + 365 internship
    (_internship(end="2025-08-30"), 729, False),  # 365 + 364
    (_internship(endorsement="IFS"), 365, False),  # the internship does not count
    (_internship(start="2024-08-01"), 730, True),  # 396 days, 365 counted
    (_internship(start="2024-08-01", masters="2025-11-22"), 729, False),  # 364 + 365
])
def test_imhs_internship(name, change, days, met) -> None:
    got = requirement(name, "IMHS", changed(imhs, change), "experience")
    assert (got.details.days, got.met) == (days, met)


def _imhm_about(p: dict) -> None:
    p["supervision"][0]["hours"] = 0.75
    p["supervision"][-1]["hours"] = 5.25


def _imhm_rsc_short(p: dict) -> None:
    p["training"][4]["hours"] = 7.75
    p["training"][2]["hours"] = 6.25


IMHM_CLINICAL_MISSES = [
    ("leadership a day shorter", setitem(("work", 0, "start"), D("2023-11-24")),
     {"experience-rsc"}),
    ("dyadic job without supervisor", setitem(("work", 1, "supervisor"), DELETE),
     {"experience-clinical"}),
    ("DEI 2.75", setitem(("training", 3, "hours"), 2.75), {"training-clinical"}),
    ("RS/C training 14.75, total still 48", _imhm_rsc_short, {"training-clinical"}),
    ("24.75 hours about providing", _imhm_about, {"rsc"}),
    ("last session 4.75", setitem(("supervision", -1, "hours"), 4.75), {"rsc"}),
    ("no supervisee among references", setitem(("reference", 1, "role"), "colleague"),
     {"references-clinical"}),
    ("exam scheduled", setitem(("exam", "status"), "scheduled"), {"exam"}),
    ("administration missing", lambda p: _drop_area(p, "administration"), {"portfolio"}),
]


@pytest.mark.parametrize("name", PACKS)
@pytest.mark.parametrize("why,change,expected", IMHM_CLINICAL_MISSES,
                         ids=[m[0] for m in IMHM_CLINICAL_MISSES])
def test_imhm_clinical_missed_by_the_smallest_step(name, why, change, expected) -> None:
    assert unmet(name, "IMHM", changed(lambda: imhm("clinical"), change)) == expected


@pytest.mark.parametrize("name", PACKS)
@pytest.mark.parametrize("track,rid", [("policy", "experience-policy"),
                                       ("research", "experience-research")])
def test_imhm_leadership_tracks(name, track, rid) -> None:
    assert unmet(name, "IMHM", changed(lambda: imhm(track), setitem(
        ("work", 0, "start"), D("2023-11-24")))) == {rid}
    assert unmet(name, "IMHM", changed(lambda: imhm(track), setitem(
        ("training", 3, "hours"), 2.75))) == {"training"}


def test_training_topics_shared_between_minimums() -> None:
    """Separate minimums: a course on two topics may split its hours (30 imh, 15 rsc, 3 dei)."""
    def clinical(shared: float, imh_last: float) -> dict:
        p = imhm("clinical")
        p["training"] = [course(12), course(12), course(imh_last), course(1, "dei"),
                         course(7, "rsc"), course(shared, "rsc", "dei")]
        return p

    assert unmet("imh-e-2025", "IMHM", clinical(10, 6)) == set()
    assert unmet("imh-e-2025", "IMHM", clinical(9.75, 6.25)) == {"training-clinical"}


def test_the_imhs_example_without_exam() -> None:
    from conftest import ROOT

    from endorse_cli.io.portfolio_file import read_portfolio
    from helpers import rules as default_rules

    p = read_portfolio(ROOT / "examples" / "imhs-no-exam.toml").value
    under_pack = judge(p, pack("imh-e-2025"), AS_OF).credential("IMHS")
    assert under_pack.met
    under_default = judge(p, default_rules(), AS_OF).credential("IMHS")
    assert [r.id for r in under_default.requirements if not r.met] == ["exam"]
    exp = next(r for r in under_pack.requirements if r.id == "experience")
    assert (exp.details.regular_days, exp.details.internship_days) == (1601, 235)


OLD_EXAMPLES = ["clinician", "early-care-teacher", "home-visitor", "program-director"]


@pytest.mark.parametrize("example", OLD_EXAMPLES)
def test_an_old_file_means_what_it_meant(example) -> None:
    """A format-1 file, and the same file with format 2's fields written at their defaults,
    are judged alike under the default rules (and under a pack)."""
    from conftest import ROOT
    from helpers import rules as default_rules

    from endorse_cli.io.portfolio_file import read_portfolio

    old = read_portfolio(ROOT / "examples" / f"{example}.toml").value
    assert old.format == 1
    raw = msgspec.to_builtins(old)
    raw["format"] = 2
    for c in raw.get("training", []):
        c["topics"] = ["imh"] if c.get("imh", True) else []
    for s in raw.get("supervision", []):
        s["about_providing"] = False
    for job in raw.get("work", []):
        job.update(roles=[], internship=False)
    new = msgspec.convert(raw, Portfolio)
    for rules in (default_rules(), pack("imh-e-2025")):
        assert msgspec.json.encode(judge(old, rules, AS_OF)) == \
            msgspec.json.encode(judge(new, rules, AS_OF))


def test_the_questions_of_the_packs_are_asked_only_under_rules_that_read_them() -> None:
    from helpers import rules as default_rules

    from endorse_cli.interview.fields import ASKED_WHEN, asked_in_force

    assert asked_in_force(default_rules()) == frozenset()
    assert asked_in_force(pack("imh-e-2025")) == frozenset(ASKED_WHEN)
    # a pack without the renewal and the license does not ask for them
    from msgspec.structs import replace

    rules = pack("imh-e-2025")
    imhs = rules.get("IMHS")
    plain = replace(rules, renewal=None, credential=[replace(imhs, requirement=[
        r for r in imhs.requirement if r.id not in ("degree", "experience")])],
                    application=type(rules.application)())
    # IMHS without its degree and experience: topics of training, the ages of jobs (RS/C
    # counts during work with infants), raters' endorsements; no license, roles or internship
    assert asked_in_force(plain) == {("training", "topics"), ("work", "ages"),
                                     ("reference", "endorsement")}
    # one flag of [application] asks its one question
    one = replace(plain, application=type(rules.application)(membership=True))
    assert asked_in_force(one) - asked_in_force(plain) == {("applicant", "membership_end")}


def _courses():
    from hypothesis import strategies as st

    topic_sets = st.sets(st.sampled_from(["imh", "rsc", "dei"]), min_size=1).map(frozenset)
    return st.lists(st.tuples(topic_sets, st.integers(1, 20).map(lambda h: h * 250_000)),
                    max_size=8)


def _mentor_training(separate: bool):
    from endorse_cli.model.rules import TrainingReq

    return TrainingReq(id="t", label="t", hours=48, topics=["imh", "rsc", "dei"],
                       min_by_topic={"imh": 30, "rsc": 15, "dei": 3}, topics_separate=separate)


def test_more_training_never_misses_more() -> None:
    from hypothesis import given, settings

    from endorse_cli.engine.kinds.training import shortfall

    @settings(max_examples=300, deadline=None)
    @given(_courses(), _courses())
    def check(courses, more_courses) -> None:
        for separate in (True, False):
            req = _mentor_training(separate)
            before = sum(shortfall(req, courses).values())
            after = sum(shortfall(req, courses + more_courses).values())
            assert after <= before

    check()


def test_courses_of_one_topic_each_split_as_they_overlap() -> None:
    """With no course on two topics there is nothing to split: separate and overlapping
    minimums miss the same hours."""
    from hypothesis import given, settings

    from endorse_cli.engine.kinds.training import shortfall

    @settings(max_examples=300, deadline=None)
    @given(_courses())
    def check(courses) -> None:
        single = [(frozenset([min(ts)]), h) for ts, h in courses]
        assert sum(shortfall(_mentor_training(True), single).values()) == \
            sum(shortfall(_mentor_training(False), single).values())

    check()


def test_a_shortfall_is_put_on_the_topic_that_lacks_hours() -> None:
    from endorse_cli.engine.kinds.training import shortfall

    # 30 imh and 3 dei, but 10 shared hours for rsc and dei beside 7 rsc and 1 dei: the
    # {rsc, dei} pair needs 18 and has 17.75; rsc alone has 17 of 15, dei alone 10.75 of 3
    hours = 1_000_000
    courses = [(frozenset({"imh"}), 30 * hours), (frozenset({"dei"}), 1 * hours),
               (frozenset({"rsc"}), 7 * hours), (frozenset({"rsc", "dei"}), 9_750_000)]
    assert shortfall(_mentor_training(True), courses) == {"dei": 250_000}
    # an IMHM-C 0.25 short of RS/C training: the rsc topic, not imh, is named
    courses = [(frozenset({"imh"}), 30_250_000), (frozenset({"rsc"}), 14_750_000),
               (frozenset({"dei"}), 3 * hours)]
    assert shortfall(_mentor_training(True), courses) == {"rsc": 250_000}


def test_a_format_1_rules_file_may_not_use_format_2(tmp_path) -> None:
    from conftest import ROOT

    from endorse_cli.errors import RulesError

    text = (ROOT / "data" / "credentials.toml").read_text(encoding="utf-8")
    assert "format = 1" in text
    path = tmp_path / "rules.toml"
    path.write_text(text.replace("hours = 24\n", "hours = 24\nprovider_endorsements = [\"IMHS\"]\n",
                                 1), encoding="utf-8")
    with pytest.raises(RulesError, match="provider_endorsements needs format = 2"):
        load_rules(path)
    path.write_text(text.replace("format = 1", "format = 2", 1).replace(
        "hours = 24\n", "hours = 24\nprovider_endorsements = [\"IMHS\"]\n", 1), encoding="utf-8")
    assert load_rules(path).value.format == 2
