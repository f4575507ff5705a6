"""Ready apart from met: what an application waits on besides its requirements, each cause
under the default rules and under a pack, with the edges of the as-of day."""

from __future__ import annotations

import datetime as dt
import json
D = dt.date.fromisoformat

import pytest
from test_packs import for_pack, ifs, pack

from endorse_cli.engine import judge
from endorse_cli.i18n import Language
from endorse_cli.render.json_out import assessment_dict
from endorse_cli.render.sentences import word
from endorse_cli.render.words import status, timeline_end

AS_OF = D("2026-11-21")
SIGNED = {"code_of_ethics": D("2026-10-01"), "endorsement_agreement": D("2026-10-01"),
          "membership_end": D("2026-12-31")}


def ifs_with(*, applicant: dict | None = None, statuses: tuple[str, ...] = ("received",) * 3,
             name: str = "imh-e-2025"):
    """The IFS portfolio of test_packs (met exactly under both packs), with the references'
    statuses and the applicant's signatures and membership given."""
    p = ifs()
    p["applicant"] = {**SIGNED, **(applicant or {})}
    for ref, status_ in zip(p["reference"], statuses, strict=True):
        ref["status"] = status_
    result = judge(for_pack(name, p), pack(name), AS_OF)
    return result.credential("IFS" if name == "imh-e-2025" else "ECFS"), result


def codes(credential) -> list[str]:
    return [w.code for w in credential.waiting_on]


@pytest.mark.parametrize("name", ["imh-e-2025", "ecmh-e-2025"])
def test_met_and_ready_with_everything_in(name) -> None:
    c, _ = ifs_with(name=name)
    assert (c.met, c.ready, c.waiting_on) == (True, True, ())


@pytest.mark.parametrize("statuses,count,planned,requested", [
    (("received", "planned", "requested"), 2, ["Ana Lopez"], ["Grace Kim"]),
    (("received", "received", "requested"), 1, [], ["Grace Kim"]),
    (("planned", "planned", "planned"), 3, ["Luis Ortega", "Ana Lopez", "Grace Kim"], []),
])
def test_ratings_not_received_keep_a_met_credential_waiting(statuses, count, planned,
                                                             requested) -> None:
    c, _ = ifs_with(statuses=statuses)
    assert c.met and not c.ready
    assert codes(c) == ["ratings"]
    assert c.waiting_on[0].values == {"count": count, "received": 3 - count, "need": 3,
                                      "planned": planned, "requested": requested}


def test_a_fourth_reference_still_waiting_does_not_hold_back_three_received() -> None:
    p = ifs()
    p["applicant"] = SIGNED
    p["reference"].append({"name": "Dee Park", "role": "colleague", "email": "d@example.org",
                           "status": "planned"})
    c = judge(for_pack("imh-e-2025", p), pack("imh-e-2025"), AS_OF).credential("IFS")
    assert (c.ready, c.waiting_on) == (True, ())


@pytest.mark.parametrize("key,code", [("code_of_ethics", "code-of-ethics"),
                                      ("endorsement_agreement", "endorsement-agreement")])
@pytest.mark.parametrize("signed,waits", [(None, True), (D("2026-11-22"), True),
                                          (D("2026-11-21"), False), (D("2026-11-20"), False)])
def test_a_signature_counts_from_its_day(key, code, signed, waits) -> None:
    c, _ = ifs_with(applicant={key: signed})
    assert c.met
    assert codes(c) == ([code] if waits else [])
    assert c.ready is not waits
    if waits:
        assert c.waiting_on[0].values == {"date": signed, "as_of": AS_OF}


@pytest.mark.parametrize("end,waits", [(None, True), (D("2026-11-20"), True),
                                       (D("2026-11-21"), False), (D("2027-06-30"), False)])
def test_a_membership_must_run_on_the_as_of_day(end, waits) -> None:
    c, _ = ifs_with(applicant={"membership_end": end})
    assert codes(c) == (["membership"] if waits else [])
    assert c.ready is not waits


def test_every_cause_at_once_in_order() -> None:
    c, _ = ifs_with(applicant={"code_of_ethics": None, "endorsement_agreement": None,
                               "membership_end": D("2026-10-31")},
                    statuses=("received", "requested", "received"))
    assert codes(c) == ["ratings", "code-of-ethics", "endorsement-agreement", "membership"]


def test_the_default_rules_ask_no_signature_and_no_membership() -> None:
    from helpers import rules as default_rules

    p = ifs()
    result = judge(for_pack("imh-e-2025", p), default_rules(), AS_OF)
    assert all(c.ready == c.met for c in result.credentials)
    assert result.credential("IFA").ready  # no signature, no membership: still ready
    p["reference"][2]["status"] = "requested"
    c = judge(for_pack("imh-e-2025", p), default_rules(), AS_OF).credential("IFA")
    assert (c.met, c.ready, codes(c)) == (True, False, ["ratings"])


def test_an_unmet_credential_is_never_ready_but_says_what_it_waits_on() -> None:
    p = ifs()
    p["applicant"] = {}
    p["training"] = p["training"][:1]  # 12 of 30 hours
    c = judge(for_pack("imh-e-2025", p), pack("imh-e-2025"), AS_OF).credential("IFS")
    assert not c.met and not c.ready
    assert codes(c) == ["code-of-ethics", "endorsement-agreement", "membership"]


def test_references_not_listed_yet_are_no_ratings_to_wait_on() -> None:
    """One reference received of three: nothing is on its way, so the application waits on no
    rating (the references requirement asks for two more); one requested: one rating, not
    two."""
    from helpers import rules as default_rules

    p = ifs()
    p["reference"] = [dict(p["reference"][0], status="received")]
    c = judge(for_pack("imh-e-2025", p), default_rules(), AS_OF).credential("IFA")
    assert "ratings" not in codes(c)
    p["reference"].append(dict(p["reference"][0], name="Lee Park", email="lee@example.org",
                               status="requested"))
    c = judge(for_pack("imh-e-2025", p), default_rules(), AS_OF).credential("IFA")
    (ratings,) = [w for w in c.waiting_on if w.code == "ratings"]
    assert (ratings.values["count"], ratings.values["requested"]) == (1, ["Lee Park"])


def test_the_words_never_say_ready_to_apply_before_it_is() -> None:
    c, result = ifs_with(statuses=("received", "planned", "requested"),
                         applicant={"code_of_ethics": None})
    worded = word(result, pack("imh-e-2025")).credential("IFS")
    line = status(worded)
    assert line == ("every requirement met (7 of 7); ready once your 2 remaining ratings are "
                    "received and you have signed the Code of Ethics")
    assert "ready to apply" not in line
    assert worded.waiting_on[0].step == ("Ask Ana Lopez for a rating; when each rating comes "
                                         "in, mark it received with `endorse edit`.")
    assert worded.waiting_on[1].step.startswith("Sign the association's Code of Ethics")
    assert timeline_end(worded) == ("Every requirement of IFS is met; it is ready once your 2 "
                                    "remaining ratings are received and you have signed the "
                                    "Code of Ethics.")
    ready, result = ifs_with()
    assert status(word(result, pack("imh-e-2025")).credential("IFS")).endswith(
        ": ready to apply")


def test_the_words_in_spanish() -> None:
    _c, result = ifs_with(statuses=("received", "received", "requested"),
                          applicant={"membership_end": D("2026-11-20")})
    es = Language("es")
    worded = word(result, pack("imh-e-2025"), es).credential("IFS")
    line = status(worded, es)
    assert "lista para solicitar" not in line
    assert line == ("todos los requisitos cumplidos (7 de 7); estará lista cuando llegue la "
                    "evaluación pendiente y su membresía en la asociación esté vigente")
    assert "Ready" not in line and "ready" not in line
    assert all(w.step and w.once for w in worded.waiting_on)
    assert "20 de noviembre de 2026" in worded.waiting_on[1].step


def test_the_json_has_ready_and_waiting_on_with_codes_and_values() -> None:
    _c, result = ifs_with(statuses=("received", "received", "requested"),
                          applicant={"membership_end": D("2026-11-20")})
    data = json.loads(json.dumps(assessment_dict(word(result, pack("imh-e-2025"),
                                                      standing=False)),
                                 default=lambda d: d.isoformat()))
    ifs_ = next(c for c in data["credentials"] if c["id"] == "IFS")
    assert (ifs_["met"], ifs_["ready"]) == (True, False)
    assert [(w["code"], w["values"]) for w in ifs_["waiting_on"]] == [
        ("ratings", {"count": 1, "received": 2, "need": 3, "planned": [],
                     "requested": ["Grace Kim"]}),
        ("membership", {"date": "2026-11-20", "as_of": "2026-11-21"})]
    assert ifs_["waiting_on"][1]["step"] == (
        "Your association membership ended on 2026-11-20: renew it and give its new last day "
        "with `endorse edit`.")


def test_readiness_is_judged_in_one_engine_module() -> None:
    """The rule and its words live together in engine/ready.py; no other module words it."""
    from pathlib import Path

    from endorse_cli.engine import ready

    src = Path(ready.__file__).parent.parent
    others = [p for p in src.rglob("*.py") if p.name != "ready.py"
              and "you have signed the Code of Ethics" in p.read_text(encoding="utf-8")]
    assert others == []
    assert set(ready.ONCE) == set(ready.CODES)
    assert dt  # the module's dates are the format's dates


# -- what people read: golden files, in English and Spanish ------------------------------------

def _waiting_clinician(tmp_path, monkeypatch):
    """examples/clinician.toml (IMHS met) with one rating asked for and one not asked yet."""
    from conftest import EXAMPLES

    monkeypatch.chdir(tmp_path)
    text = (EXAMPLES / "clinician.toml").read_text(encoding="utf-8")
    text = text.replace('status = "received"', 'status = "planned"', 1)
    text = text.replace('status = "received"', 'status = "requested"', 1)
    (tmp_path / "clinician.toml").write_text(text, encoding="utf-8")
    return "clinician.toml"


@pytest.mark.parametrize("lang,suffix", [("en", "txt"), ("es", "es.txt")])
def test_golden_ready_once_under_the_default_rules(cli, golden, tmp_path, monkeypatch, lang,
                                                   suffix) -> None:
    name = _waiting_clinician(tmp_path, monkeypatch)
    out = cli("gaps", name, "--as-of", "2026-11-21", "--lang", lang).out
    golden(f"gaps-clinician-waiting.{suffix}", out)
    assert "ready to apply" not in out and "lista para solicitar" not in out


def test_golden_ready_once_in_markdown(cli, golden, tmp_path, monkeypatch) -> None:
    name = _waiting_clinician(tmp_path, monkeypatch)
    golden("gaps-clinician-waiting.md",
           cli("gaps", name, "--as-of", "2026-11-21", "-f", "markdown").out)


@pytest.mark.parametrize("lang,suffix", [("en", "txt"), ("es", "es.txt")])
def test_golden_ready_once_under_a_pack(cli, golden, tmp_path, monkeypatch, lang,
                                        suffix) -> None:
    """The IFS portfolio of test_packs, met under imh-e-2025, with a rating still requested,
    the Endorsement Agreement not signed and the membership ended the day before."""
    import rtoml

    p = ifs()
    p["reference"][2]["status"] = "requested"
    p["applicant"] = {"name": "Maya Chen", "code_of_ethics": D("2026-10-01"),
                      "membership_end": D("2026-11-20")}
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ifs.toml").write_text(rtoml.dumps({"format": 2, **p}), encoding="utf-8")
    out = cli("gaps", "ifs.toml", "--as-of", "2026-11-21", "--rules", "imh-e-2025",
              "--lang", lang).out
    golden(f"gaps-ifs-waiting.imh-e-2025.{suffix}", out)


# -- the questions: asked under a pack that asks them, never under the default rules -----------

def _spawn(*args: str, log):
    import os
    import sys

    pexpect = pytest.importorskip("pexpect")
    env = {k: v for k, v in os.environ.items()
           if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "ENDORSE_RULES")}
    env.update(LANG="C.UTF-8", TERM="xterm", NO_COLOR="1", COLUMNS="100", LINES="30")
    child = pexpect.spawn(sys.executable, ["-m", "endorse_cli", *args], env=env,
                          encoding="utf-8", timeout=20, dimensions=(30, 100))
    child.logfile_read = log
    return child


def test_init_under_a_pack_asks_the_signatures_and_the_membership(tmp_path) -> None:
    import io

    from endorse_cli.io.portfolio_file import read_portfolio

    path = tmp_path / "p.toml"
    screen = io.StringIO()
    child = _spawn("init", str(path), "--rules", "imh-e-2025", log=screen)
    try:
        child.expect("Your full name")
        child.send("Maya Chen\r")
        child.expect("Your email address")
        child.send("\r")
        child.expect(r"Which field do you work in\?")
        child.send("\r")
        child.expect(r"Which credential are you applying for\?")
        child.send("\r")
        child.expect("The day you signed the Code of Ethics")
        child.send("2026-10-01\r")
        child.expect("The day you signed the Endorsement Agreement")
        child.send("\r")  # not signed yet: left out
        child.expect("The last day of your membership")
        child.send("2026-12-31\r")
        child.expect(r"Go on with the interview now\?")
        child.send("n\r")
        child.expect(pytest.importorskip("pexpect").EOF)
    finally:
        child.close()
    applicant = read_portfolio(path).value.applicant
    assert (applicant.code_of_ethics, applicant.endorsement_agreement,
            applicant.membership_end) == (D("2026-10-01"), None, D("2026-12-31"))


def test_init_under_the_default_rules_asks_none_of_them(tmp_path) -> None:
    import io

    path = tmp_path / "p.toml"
    screen = io.StringIO()
    child = _spawn("init", str(path), log=screen)
    try:
        child.expect("Your full name")
        child.send("Maya Chen\r")
        child.expect("Your email address")
        child.send("\r")
        child.expect(r"Which field do you work in\?")
        child.send("\r")
        child.expect(r"Which credential are you applying for\?")
        child.send("\r")
        child.expect(r"Go on with the interview now\?")
        child.send("n\r")
        child.expect(pytest.importorskip("pexpect").EOF)
    finally:
        child.close()
    assert "Code of Ethics" not in screen.getvalue()
    assert "membership" not in screen.getvalue()


def test_add_reference_under_a_pack_asks_the_role_the_contact_and_the_endorsement(
        tmp_path) -> None:
    import io

    from endorse_cli.io.portfolio_file import read_portfolio

    path = tmp_path / "p.toml"
    path.write_text('format = 2\n[applicant]\nname = "Maya Chen"\n', encoding="utf-8")
    screen = io.StringIO()
    child = _spawn("add", "reference", str(path), "--name", "Ana Lopez", "--rules",
                   "imh-e-2025", log=screen)
    try:
        child.expect(r"Who are they to you\?")
        child.send("\x1b[B\x1b[B\r")  # after "(leave it out)" and the supervisor
        child.expect("Their email address")
        child.send("\r")  # no email: the phone is asked
        child.expect("Their phone number")
        child.send("555-0100\r")
        child.expect("Their Endorsement")
        child.send("IMHM-C\r")
        child.expect("added to")
        child.expect(pytest.importorskip("pexpect").EOF)
    finally:
        child.close()
    ref = read_portfolio(path).value.reference[0]
    assert (ref.name, ref.role, ref.email, ref.phone, ref.endorsement, ref.status) == (
        "Ana Lopez", "rsc-provider", None, "555-0100", "IMHM-C", "planned")


def test_add_reference_under_the_default_rules_asks_nothing_more(cli, tmp_path) -> None:
    path = tmp_path / "p.toml"
    path.write_text('format = 1\n[applicant]\nname = "Maya Chen"\n', encoding="utf-8")
    run = cli("add", "reference", str(path), "--name", "Ana Lopez")
    assert run.code == 0
    assert path.read_text(encoding="utf-8").endswith(
        '[[reference]]\nname = "Ana Lopez"\n')


# -- check, report and the bundle count met and ready apart ------------------------------------

def _folder(tmp_path, monkeypatch):
    """Two portfolios met under the default rules: one ready, one waiting on two ratings."""
    name = _waiting_clinician(tmp_path, monkeypatch)
    from conftest import EXAMPLES

    (tmp_path / "ready.toml").write_text(
        (EXAMPLES / "clinician.toml").read_text(encoding="utf-8"), encoding="utf-8")
    return [name, "ready.toml"]


def test_check_counts_met_and_ready_apart(cli, tmp_path, monkeypatch) -> None:
    import csv
    import io

    files = _folder(tmp_path, monkeypatch)
    table = cli("check", *files, "--as-of", "2026-11-21", "--credential", "IMHS").out
    assert table.splitlines()[-1] == ("2 portfolios: 0 invalid; credential met 2 (ready 1), "
                                      "not yet 0; 0 with warnings.")
    rows = {r["file"]: r for r in csv.DictReader(io.StringIO(cli(
        "check", *files, "--as-of", "2026-11-21", "-f", "csv").out))}
    assert (rows["clinician.toml"]["met"], rows["clinician.toml"]["ready"]) == ("yes", "no")
    assert rows["clinician.toml"]["credentials_ready"] == ""
    assert rows["ready.toml"]["credentials_ready"] == "IFA IFS IMHS"
    data = json.loads(cli("check", *files, "--as-of", "2026-11-21", "-f", "json").out)
    assert data["summary"]["met"] == 2 and data["summary"]["ready"] == 1
    md = cli("check", *files, "--as-of", "2026-11-21", "-f", "markdown").out
    assert "| clinician.toml | Priya Natarajan | IMHS | yes | yes | no | 7 of 7 | 0 |  |" in md


def test_fail_on_unready_fails_a_met_credential_that_waits(cli, tmp_path, monkeypatch) -> None:
    import xml.etree.ElementTree as ET

    files = _folder(tmp_path, monkeypatch)
    assert cli("check", *files, "--as-of", "2026-11-21", "--fail-on", "unmet").code == 0
    run = cli("check", *files, "--as-of", "2026-11-21", "--fail-on", "unready", "-f", "junit")
    assert run.code == 3  # CHECK_FAILED
    failures = ET.fromstring(run.out).findall(".//failure")
    assert [(f.get("type"), f.get("message")) for f in failures] == [
        ("unready", "IMHS is met but not ready: waiting on ratings")]


def test_the_cohort_report_counts_ready_apart(cli, tmp_path, monkeypatch) -> None:
    files = _folder(tmp_path, monkeypatch)
    run = cli("report", *files, "--as-of", "2026-11-21", "-o", "out")
    assert run.code == 0
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "Ready now" in page and ">met, not ready<" in page and ">ready<" in page
    text = (tmp_path / "out" / "report.csv").read_text(encoding="utf-8")
    assert "credential,IMHS,met,2,," in text and "credential,IMHS,ready,1,," in text
    cohort = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    imhs = next(c for c in cohort["credentials"] if c["id"] == "IMHS")
    assert (imhs["met"], imhs["ready"]) == (2, 1)


def test_the_bundle_carries_the_same_line_and_the_signatures(cli, tmp_path,
                                                              monkeypatch) -> None:
    import rtoml

    p = ifs()
    p["reference"][2]["status"] = "requested"
    p["applicant"] = {"name": "Maya Chen", "code_of_ethics": D("2026-10-01"),
                      "membership_end": D("2026-11-20")}
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ifs.toml").write_text(rtoml.dumps({"format": 2, **p}), encoding="utf-8")
    run = cli("bundle", "ifs.toml", "--as-of", "2026-11-21", "--rules", "imh-e-2025")
    assert run.code == 0
    assert "ready once your remaining rating is received" in " ".join(run.err.split())
    folder = tmp_path / "endorse-maya-chen-IFS"
    checklist = (folder / "checklist.md").read_text(encoding="utf-8")
    line = ("Every requirement met (7 of 7); ready once your remaining rating is received, "
            "you have signed the Endorsement Agreement and your association membership is "
            "current.")
    assert line in checklist
    assert "- Code of Ethics signed: 2026-10-01\n" in checklist
    assert "- Endorsement Agreement signed: not given yet\n" in checklist
    assert "- Association membership runs to: 2026-11-20\n" in checklist
    html = (folder / "summary.html").read_text(encoding="utf-8")
    assert line in html and "ready to apply" not in html
    assert "Draft: every requirement of IFS is met" in html


def test_endorse_rules_lists_the_pages_the_new_rules_follow(cli) -> None:
    out = cli("rules").out
    for url in ("https://mi-aimh.org/endorsement/early-childhood-mental-health-endorsement/"
                "early-childhood-family-associate-ecfa/",
                "https://ct-aimh.org/ecfa-endorsement-requirements-and-guidelines",
                "https://infancyonward.org/i-ecmh-endorsement/early-childhood-family-associate-ecfa/",
                "https://www.infancyonward.org/i-ecmh-endorsement-new/imh-e-requirements/"
                "infant-family-associate-ifa/"):
        assert url in out
    assert out.count("asked at application besides the requirements: a signed Code of Ethics, "
                     "a signed Endorsement Agreement, a current membership") == 2
    assert "asked at application besides the requirements: nothing" in out


@pytest.mark.parametrize("name", ["imh-e-2025", "ecmh-e-2025"])
def test_each_changed_rule_is_cited_in_its_pack(name) -> None:
    """Every [CITE] a pack's comments use is one of its header's sources, and the new rules
    carry theirs beside them."""
    import re

    from conftest import ROOT

    text = (ROOT / "data" / "packs" / f"{name}.toml").read_text(encoding="utf-8")
    header = text.split("\nformat = 2", 1)[0]
    defined = set(re.findall(r"\[([A-Z][A-Z0-9]*-[A-Z0-9-]+)\]", header))
    used = set(re.findall(r"\[([A-Z][A-Z0-9]*-[A-Z0-9-]+)\]", text.split("\nformat = 2", 1)[1]))
    assert used <= defined, used - defined
    application = text.split("\n[application]", 1)[0].rsplit("\n\n", 1)[1]
    assert re.search(r"\[(IO|MI|CT|IA)-", application)
    if name == "ecmh-e-2025":
        ecfa = text.split('id = "ECFA"', 1)[1].split("[[credential]]", 1)[0]
        assert "[CT-ECFA]" in ecfa and "[MI-ECFA]" in ecfa and "[IO-ECFA]" in ecfa
        assert "paid_only = true" in ecfa and '"IFA", "ECFA"' in ecfa


def test_interview_under_a_pack_asks_what_is_not_given_yet_at_its_end(tmp_path) -> None:
    import io

    from endorse_cli.io.portfolio_file import read_portfolio

    pexpect = pytest.importorskip("pexpect")
    path = tmp_path / "p.toml"
    path.write_text('format = 2\n[applicant]\nname = "Maya Chen"\ncode_of_ethics = 2026-10-01\n',
                    encoding="utf-8")
    screen = io.StringIO()
    child = _spawn("interview", str(path), "--rules", "imh-e-2025", log=screen)
    try:
        for prompt in ("Add a degree", "Add a job", "Add a training", "Add an RS/C session",
                       "Add a reference", "Record the exam now"):
            child.expect(prompt)
            child.send("n\r")
        child.expect("What the association asks with the application")
        child.expect("The day you signed the Endorsement Agreement")  # not the Code of Ethics
        child.send("2026-11-02\r")
        child.expect("The last day of your membership")
        child.send("\r")  # left out
        child.expect("Gap checklist for")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert "The day you signed the Code of Ethics" not in screen.getvalue()
    applicant = read_portfolio(path).value.applicant
    assert (applicant.code_of_ethics, applicant.endorsement_agreement,
            applicant.membership_end) == (D("2026-10-01"), D("2026-11-02"), None)


def test_the_golden_files_say_ready_to_apply_only_for_a_ready_credential() -> None:
    """The golden files that say "ready to apply" are the clinician's IMHS, every rating in."""
    from conftest import EXAMPLES, GOLDEN
    from helpers import rules as default_rules

    from endorse_cli.io.portfolio_file import read_portfolio

    saying = sorted(p.name for p in GOLDEN.iterdir()
                    if "ready to apply" in p.read_text(encoding="utf-8", errors="replace"))
    assert saying == ["bundle-clinician-checklist.md", "bundle-clinician-summary.md",
                      "gaps-clinician.txt"]
    clinician = read_portfolio(EXAMPLES / "clinician.toml").value
    assert judge(clinician, default_rules(), AS_OF).credential("IMHS").ready
