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
    assert line == ("todos los requisitos cumplidos (7 de 7); estará lista cuando llegue 1 "
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
