"""The recommendation of credentials.md, branch by branch."""

from __future__ import annotations

from helpers import ALL_AREAS, D, assess, course, job, session

from endorse_cli.engine.recommend import checklist_for, recommend
from endorse_cli.model.results import CredentialResult, RequirementResult

CDA = [{"degree": "cda", "completed": D("2015-01-01")}]
BACHELORS = [{"degree": "bachelors", "completed": D("2015-01-01")}]
MASTERS = [{"degree": "masters", "completed": D("2015-01-01")}]
LONG_JOB = [job("2015-06-01")]


def test_focus_credential_qualified_is_recommended() -> None:
    rec = assess(applicant={"focus": "prevention"}, education=BACHELORS, work=LONG_JOB).recommended
    assert (rec.id, rec.qualified) == ("IFS", True)
    assert rec.why.code == "focus-qualified"
    assert rec.reason.startswith("You work in prevention and early intervention and meet every "
                                 "qualification for Infant Family Specialist (IFS).")
    assert rec.also_qualified == ("IFA",)
    assert rec.next_up == "IMHS"
    assert "Master's degree or PhD" in rec.next_up_needs


def test_focus_credential_not_qualified_falls_back_to_the_highest_qualified_below() -> None:
    rec = assess(applicant={"focus": "clinical"}, education=BACHELORS, work=LONG_JOB).recommended
    assert (rec.id, rec.qualified) == ("IFS", True)
    assert "do not yet meet the qualifications of Infant Mental Health Specialist (IMHS)" in rec.reason
    assert "Master's degree or PhD" in rec.reason and rec.why.code == "focus-below"


def test_a_higher_qualified_credential_is_not_recommended_over_the_focus() -> None:
    rec = assess(applicant={"focus": "promotion"}, education=MASTERS, work=LONG_JOB).recommended
    assert rec.id == "IFA"
    assert rec.also_qualified == ("IFS", "IMHS", "IMHM")


def test_focus_with_nothing_qualified_recommends_the_focus_credential_not_yet_qualified() -> None:
    rec = assess(applicant={"focus": "leadership"}).recommended
    assert (rec.id, rec.qualified) == ("IMHM", False)
    assert "not yet qualified" in rec.reason
    assert rec.next_up is None


def test_no_focus_recommends_the_highest_qualified() -> None:
    rec = assess(education=MASTERS, work=LONG_JOB).recommended
    assert (rec.id, rec.qualified) == ("IMHM", True)
    assert rec.why.code == "highest-qualified"
    assert "Name your field of work with `endorse edit` for a closer fit." in rec.reason


def test_no_focus_and_nothing_qualified_recommends_the_lowest_level() -> None:
    rec = assess().recommended
    assert (rec.id, rec.qualified) == ("IFA", False)
    assert rec.next_up == "IFS"


def test_leadership_falls_back_to_imhs_when_mentor_experience_is_short() -> None:
    rec = assess(applicant={"focus": "leadership"}, education=MASTERS,
                 work=[job("2024-01-01", "2026-06-30")]).recommended
    assert rec.id == "IMHS"  # 2.5 years: enough post-Masters for IMHS, not 3 years for IMHM


def test_a_fully_met_credential_says_so() -> None:
    everything = {
        "applicant": {"focus": "prevention"},
        "education": BACHELORS,
        "work": LONG_JOB,
        "training": [course("2024-01-01", 30, *ALL_AREAS)],
        "supervision": [session("2025-01-01", 12), session("2026-01-01", 12)],
        "reference": [{"name": n, "email": f"{n}@example.org"} for n in "abc"],
    }
    result = assess(**everything)
    assert result.credential("IFS").met
    assert "Every requirement is met." in result.recommended.reason


def _credential(cid: str, focus: str, level: int, qualified: bool) -> CredentialResult:
    requirement = RequirementResult(id="q", kind="education", label="Degree", qualification=True,
                                    met=qualified, have=None, need=None, unit=None, next_step=None)
    return CredentialResult.of(id=cid, name=cid, focus=focus, level=level, requirements=(requirement,))


def test_a_focus_no_credential_has_is_treated_as_no_focus() -> None:
    ladder = (_credential("A", "promotion", 1, True), _credential("B", "prevention", 2, True))
    rec = recommend(ladder, "clinical")
    assert rec.id == "B"
    assert rec.why.values["focus_unknown"] is True


def test_checklist_takes_the_named_then_the_target_then_the_recommended() -> None:
    result = assess(applicant={"target": "IMHS"})
    assert [c.id for c in (checklist_for(result, "IFS")[0], checklist_for(result)[0])] == ["IFS", "IMHS"]
    assert checklist_for(result)[1] == "target"
    plain = assess()
    assert checklist_for(plain) == (plain.credential("IFA"), "recommended")
