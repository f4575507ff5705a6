"""`endorse renew` and `endorse check --renewal`: the renewal years of an endorsed professional,
with the numbers of examples/ifs-renewing.toml worked out by hand (IFS endorsed 2023-06-14,
membership to 2026-12-31, renewed through 2024)."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import msgspec
import pytest
from conftest import EXAMPLES
from helpers import D

from endorse_cli.engine.renewal import late_day, renew
from endorse_cli.io.portfolio_file import read_portfolio
from endorse_cli.io.rules_file import load_rules
from endorse_cli.model.portfolio import Portfolio

PACK = load_rules(Path("imh-e-2025")).value


def maya() -> Portfolio:
    return read_portfolio(EXAMPLES / "ifs-renewing.toml").value


def changed(**sections) -> Portfolio:
    raw = msgspec.to_builtins(maya())
    for key, extra in sections.items():
        if isinstance(extra, list):
            raw[key] = raw.get(key, []) + extra
        else:
            raw[key][0].update(extra)
    return msgspec.convert(raw, Portfolio, dec_hook=lambda t, v: dt.date.fromisoformat(v))


def years(p: Portfolio, as_of: str) -> dict:
    e = renew(p, PACK, D(as_of)).endorsements[0]
    return e, {y.year: (y.status, {r.id: (r.met, r.have) for r in y.requirements if r.applies})
               for y in e.years}


def test_as_of_2026_11_21() -> None:
    e, by_year = years(maya(), "2026-11-21")
    assert by_year == {
        2023: ("endorsed", {}),
        2024: ("renewed", {"training": (True, 16), "rsc": (True, 12)}),
        2025: ("met", {"training": (True, 15), "rsc": (True, 12)}),  # Dana Lee's hour left out
        2026: ("due", {"membership": (True, "2026-12-31"), "training": (False, 13),
                       "rsc": (False, 10)}),
    }
    assert (e.status, e.due, e.days_left) == ("due", D("2026-12-31"), 40)
    training, rsc = e.missing_now
    assert training.step.values["more"] == {"count": 2, "unit": "hours"}
    assert training.step.values["topics"] == {"dei": 1}
    assert rsc.step.values["more"] == {"count": 2, "unit": "hours"}
    assert rsc.details.logged == 10


def test_what_is_missing_added_in_december_meets_the_year() -> None:
    p = changed(training=[{"title": "Equity", "date": "2026-12-03", "hours": 2,
                           "topics": ["imh", "dei"], "competencies": ["reflection"]}],
                supervision=[{"date": "2026-12-05", "hours": 1, "provider": "Ana Lopez",
                              "provider_credential": "IMHM-C"},
                             {"date": "2026-12-19", "hours": 1, "provider": "Ana Lopez",
                              "provider_credential": "I/ECMHM-C"}])  # an alias
    e, by_year = years(p, "2026-12-31")
    assert by_year[2026][0] == "met"
    assert e.status == "current"
    # a quarter hour less of DEI: 1.75 hours do not make the year
    p = changed(training=[{"title": "Equity", "date": "2026-12-03", "hours": 1.75,
                           "topics": ["dei"]}])
    assert years(p, "2026-12-31")[1][2026][1]["training"] == (False, 14.75)


def test_late_then_lapsed() -> None:
    e, by_year = years(maya(), "2027-01-15")
    assert by_year[2026][0] == "late"
    assert by_year[2027] == ("due", {"membership": (False, "2026-12-31"),
                                     "training": (False, 0), "rsc": (False, 0)})
    assert (e.status, e.due, e.days_left) == ("late", D("2027-01-31"), 16)
    e, by_year = years(maya(), "2027-01-31")
    assert by_year[2026][0] == "late"  # the last day of the late period
    e, by_year = years(maya(), "2027-02-01")
    assert by_year[2026][0] == "lapsed" and by_year[2027][0] == "lapsed"
    assert (e.status, e.lapsed_on) == ("lapsed", D("2027-02-01"))


def test_renewed_through_the_running_year() -> None:
    p = changed(endorsement={"renewed_through": 2026})
    e, by_year = years(p, "2026-11-21")
    assert by_year[2026][0] == "renewed"
    assert by_year[2026][1]["training"] == (False, 13)  # the gaps are still shown
    assert e.status == "current"


def _mentor(*rsc_course_years: int) -> Portfolio:
    raw = msgspec.to_builtins(maya())
    raw["endorsement"][0]["credential"] = "IMHM-C"
    raw["training"] += [{"title": "Supervising reflectively", "date": f"{year}-05-05",
                         "hours": 3, "topics": ["rsc"]} for year in rsc_course_years]
    return msgspec.convert(raw, Portfolio, dec_hook=lambda t, v: dt.date.fromisoformat(v))


def test_clinical_mentor_needs_ten_hours_after_three_years() -> None:
    # 2026-06-14, the third anniversary, is before 2026-12-31: 10 hours, and 10 received
    _, by_year = years(_mentor(2025, 2026), "2026-12-31")
    assert by_year[2025][0] == "met"
    assert by_year[2026][1]["rsc"] == (True, 10)
    assert by_year[2026][1]["training-rsc"] == (True, 3)
    # a Clinical Mentor gives RS/C: 3 hours of training on giving it, every year
    e, by_year = years(_mentor(2025), "2026-12-31")
    assert by_year[2026][1]["training-rsc"] == (False, 0)
    assert by_year[2026][0] == "due"
    # an IFS does not give RS/C: no such training asked
    assert "training-rsc" not in years(maya(), "2026-11-21")[1][2026][1]


def test_late_day_after_due_in_the_same_year() -> None:
    assert late_day(PACK.renewal, 2026) == D("2027-01-31")


def test_renew_in_words(cli) -> None:
    run = cli("renew", "examples/ifs-renewing.toml", "--as-of", "2026-11-21")
    assert run.code == 0
    out = run.out
    for year in ("2023:", "2024: renewed", "2025: every minimum met", "2026: due 2026-12-31"):
        assert year in out
    assert "Renewal due 2026-12-31 (40 days left)." in out
    assert ("For 2026: attend 2 more hours of training by 2026-12-31, at least 1 hour on\n"
            "    diversity, equity and inclusion") in out
    assert "receive 2 more hours of reflective supervision/consultation by" in out
    for machine in ("[[", "dei", "rsc-provider", "supervision[", "training["):
        assert machine not in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_renew_json(cli) -> None:
    data = json.loads(cli("renew", "examples/ifs-renewing.toml", "--as-of", "2026-11-21",
                          "--rules", "imh-e-2025", "-f", "json").out)
    e = data["endorsements"][0]
    assert (e["credential"], e["status"], e["due"], e["days_left"]) == \
        ("IFS", "due", "2026-12-31", 40)
    assert [y["status"] for y in e["years"]] == ["endorsed", "renewed", "met", "due"]
    assert [m["id"] for m in e["missing_now"]] == ["training", "rsc"]


def test_renew_refuses_what_it_cannot_judge(cli, write) -> None:
    run = cli("renew", "examples/ifs-renewing.toml", "--rules", "data/credentials.toml")
    assert run.code == 2 and "no yearly renewal" in run.err
    run = cli("renew", "examples/home-visitor.toml", "--rules", "imh-e-2025")
    assert run.code == 2 and "names no Endorsement" in run.err


def test_check_renewal_one_row_per_person(cli) -> None:
    run = cli("check", "--renewal", "examples/ifs-renewing.toml", "examples/clinician.toml",
              "--as-of", "2026-11-21", "-f", "jsonl")
    rows = [json.loads(line) for line in run.out.splitlines()]
    assert [(r["name"], r["status"], r["due"]) for r in rows] == [
        ("Priya Natarajan", "not endorsed", ""), ("Maya Chen", "due", "2026-12-31")]
    assert rows[1]["missing"] == ("2 more hours of training (at least 1 hour on diversity, "
                                  "equity and inclusion) for 2026; 2 more hours of RS/C for 2026")


def test_rules_lists_every_pack_with_its_sources(cli) -> None:
    out = cli("rules").out
    assert "(default): " in out
    for name in ("imh-e-2025", "ecmh-e-2025"):
        assert f"use with --rules {name}; applies from 2025-01-01" in out
    assert ("https://ct-aimh.org/updates-for-the-endorsement-requirements-i-ec-mental-health-"
            "specialist") in out
    data = json.loads(cli("rules", "-f", "json").out)
    assert [e["name"] for e in data] == ["(default)", "ecmh-e-2025", "imh-e-2025"]
    assert cli("credentials", "--rules", "ecmh-e-2025").out.count("ECFA") >= 1


def test_add_a_license_and_an_endorsement(cli, write) -> None:
    path = write('format = 1\n[applicant]\nname = "A"\n')
    assert cli("add", "license", str(path), "--title", "LCSW", "--kind", "mental-health",
               "--issued", "2024-11-21", "--no-input").code == 0
    assert cli("add", "endorsement", str(path), "--credential", "IFS", "--endorsed",
               "2025-06-01", "--membership-end", "2026-12-31", "--no-input").code == 0
    assert path.read_text() == (
        'format = 1\n[applicant]\nname = "A"\n\n'
        '[[license]]\ntitle = "LCSW"\nkind = "mental-health"\nissued = 2024-11-21\n\n'
        '[[endorsement]]\ncredential = "IFS"\nendorsed = 2025-06-01\n'
        'membership_end = 2026-12-31\n')
    run = cli("add", "license", str(path), "--title", "RN", "--kind", "nurse", "--no-input")
    assert run.code == 2 and "--kind 'nurse'" in run.err


def test_the_rsc_session_not_counted_is_named(cli) -> None:
    out = cli("renew", "examples/ifs-renewing.toml", "--as-of", "2026-11-21").out
    assert ("1 hour not counted (your 25th RS/C session, 2025-07-23,\n    Dana Lee): the "
            "provider's endorsement is not one that counts") in out


def test_an_endorsement_the_rules_do_not_know(cli, write) -> None:
    path = write('format = 2\n[applicant]\nname = "A"\n[[endorsement]]\ncredential = "MSW"\n'
                 'endorsed = 2024-01-02\n')
    run = cli("renew", str(path), "--rules", "imh-e-2025", "--as-of", "2026-11-21")
    assert run.code == 0
    assert ("Your 1st endorsement, 'MSW', is not an Endorsement® these rules know; correct "
            f"its name with `endorse edit {path}`.") in run.out.replace("\n", " ")
    bad = write('format = 2\n[applicant]\nname = "A"\nnew_key = 1\n', name="bad.toml")
    run = cli("check", "--renewal", str(path), str(bad), "--rules", "imh-e-2025", "-f", "csv")
    assert run.code == 1
    import csv

    rows = list(csv.DictReader(run.out.splitlines()))
    assert [r["status"] for r in rows] == ["invalid", "unknown"]
    assert "new_key" in rows[0]["missing"]


def test_renew_s_commands_name_the_portfolio_as_gaps_s_do(cli, tmp_path, monkeypatch) -> None:
    """Each step names the file, so that running it as shown adds to this portfolio; the
    default portfolio.toml, found without being named, is not named."""
    source = Path("examples/ifs-renewing.toml").read_text(encoding="utf-8")
    out = cli("renew", "examples/ifs-renewing.toml", "--as-of", "2026-11-21").out
    said = " ".join(out.split())
    assert ("diversity, equity and inclusion; add each course with `endorse add training "
            "examples/ifs-renewing.toml`.") in said
    assert "add each session with `endorse add supervision examples/ifs-renewing.toml`." in said
    markdown = cli("renew", "examples/ifs-renewing.toml", "--as-of", "2026-11-21",
                   "-f", "markdown").out
    assert "`endorse add training examples/ifs-renewing.toml`" in markdown
    monkeypatch.chdir(tmp_path)
    (tmp_path / "portfolio.toml").write_text(source, encoding="utf-8")
    default = " ".join(cli("renew", "--as-of", "2026-11-21").out.split())
    assert "add each course with `endorse add training`." in default
    assert "add each session with `endorse add supervision`." in default


def test_rules_without_a_renewal_name_the_packs_that_have_one(cli) -> None:
    run = cli("renew", "examples/ifs-renewing.toml", "--rules", "data/credentials.toml")
    assert run.code == 2
    assert run.err.endswith("  fix: use a rules pack that has one, with --rules NAME: "
                            "ecmh-e-2025, imh-e-2025 (`endorse rules` lists them)\n")


def test_a_portfolio_with_no_endorsement_gets_an_example_from_the_rules(cli) -> None:
    run = cli("renew", "examples/home-visitor.toml")
    assert run.code == 2
    assert ("e.g. `endorse add endorsement examples/home-visitor.toml --credential IFA "
            "--endorsed 2023-06-14 --membership-end 2026-12-31`") in run.err


@pytest.mark.parametrize(("lang", "said"), [("en", "invalid"), ("es", "no válido")])
def test_a_file_that_cannot_be_read_names_no_one_in_the_renewal_table(cli, write, lang, said,
                                                                       monkeypatch) -> None:
    """It was "broken.toml: : invalid", an empty name between two colons."""
    bad = write('format = 1\n[applicant\n', name="broken.toml")
    monkeypatch.chdir(bad.parent)
    run = cli("check", "--renewal", "broken.toml", "--lang", lang)
    assert run.code == 1
    assert run.out.splitlines()[0] == f"broken.toml: {said}", run.out
