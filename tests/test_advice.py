"""Advice said once per cause: many RS/C sessions of one provider whose endorsement does not
count are named once, with the count and the span, and one `endorse edit --provider` fixes
them all; a pace is never said to be nil when sessions were held but did not count."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from endorse_cli.io.portfolio_file import read_portfolio

AS_OF = "2026-12-01"


def nurse(sessions: int = 30, provider: str = "Dr. Ana Ortiz", **extra: str) -> str:
    """A nurse with ``sessions`` monthly hours of RS/C from March 2024 with one provider."""
    text = """format = 2

[applicant]
name = "Maria Nurse"
focus = "prevention"
target = "IFS"

[[education]]
degree = "bachelors"
completed = 2015-05-20

[[work]]
title = "NICU Nurse"
start = 2018-01-01
families_served = 12
"""
    for i in range(sessions):
        month = 3 + i
        year, month = 2024 + (month - 1) // 12, (month - 1) % 12 + 1
        text += (f'\n[[supervision]]\ndate = {year}-{month:02d}-05\nhours = 1\n'
                 f'provider = "{provider}"\n')
        text += "".join(f'{k} = "{v}"\n' for k, v in extra.items())
    return text


def rsc_step(cli, path, *more: str) -> str:
    run = cli("gaps", str(path), "--rules", "imh-e-2025", "--as-of", AS_OF, "--format", "json",
              *more)
    found = json.loads(run.out)
    credential = next(c for c in found["credentials"] if c["id"] == "IFS")
    rsc = next(r for r in credential["requirements"] if r["kind"] == "supervision")
    return rsc


def test_thirty_sessions_of_one_unendorsed_provider_are_one_sentence_and_one_edit(
        cli, write) -> None:
    path = write(nurse(30))
    rsc = rsc_step(cli, path)
    assert not rsc["met"]
    step = rsc["next_step"]
    # her name once, with the count and the span, not thirty entries
    assert step.count("Dr. Ana Ortiz") == 2  # the sessions, and the command that fixes them
    assert "30 RS/C sessions with Dr. Ana Ortiz, March 2024 to August 2026" in step
    assert "RS/C session," not in step and "5th" not in step
    # the endorsements that count come from the pack, by code
    assert "IFRS, ECFRS, IMHS, ECMHS, IMHM-C or ECMHM-C" in step
    command = re.search(r"`(endorse edit [^`]*)`", step)[1]
    assert command == f"endorse edit {path} --provider 'Dr. Ana Ortiz'" or \
        command.startswith("endorse edit ") and "--provider 'Dr. Ana Ortiz'" in command

    # the one edit, with the value the applicant gives, sets all thirty
    done = cli("edit", str(path), "--provider", "Dr. Ana Ortiz", "--set",
               "provider_credential=IMHS")
    assert done.code == 0, done.err
    assert "30 RS/C sessions with Dr. Ana Ortiz" in done.err
    held = read_portfolio(path).value.supervision
    assert [s.provider_credential for s in held] == ["IMHS"] * 30
    assert rsc_step(cli, path)["met"] is True


def test_the_pace_is_not_said_to_be_nil_when_sessions_were_held_but_do_not_count(
        cli, write) -> None:
    path = write(nurse(30))
    said = rsc_step(cli, path)["assumption"]
    assert "no RS/C in" not in said
    assert said.startswith("none of your RS/C in the last 6 months counts, because its "
                           "provider's endorsement")
    # with no session at all in the last six months, "none" is the truth and is said
    path = write(nurse(12), name="old.toml")
    assert rsc_step(cli, path)["assumption"].startswith("you have had no RS/C in the last 6")


def test_two_providers_are_two_groups_each_with_its_own_reason(cli, write) -> None:
    text = nurse(20) + "".join(
        f'\n[[supervision]]\ndate = 2026-0{m}-20\nhours = 1\nprovider = "Dana Lee"\n'
        'provider_credential = "IFS"\n' for m in (6, 7))
    text += '\n[[supervision]]\ndate = 2026-08-20\nhours = 1\nprovider = "Sam Roe"\n'
    step = rsc_step(cli, write(text))["next_step"]
    assert "20 RS/C sessions with Dr. Ana Ortiz, March 2024 to October 2025 (no endorsement " \
        "given)" in step
    assert "2 RS/C sessions with Dana Lee, June 2026 to July 2026 (given as 'IFS', which " \
        "is not one of them)" in step
    # a single session keeps its number, so that it can be found
    assert "your 23rd RS/C session, 2026-08-20, Sam Roe (no endorsement given)" in step
    assert step.count("--provider") == 3


def test_the_sentence_is_spanish_in_spanish(cli, write) -> None:
    step = rsc_step(cli, write(nurse(30)), "--lang", "es")["next_step"]
    # JSON is the same in every language: the words are checked in the text output instead
    text = cli("gaps", str(write(nurse(30), name="b.toml")), "--rules", "imh-e-2025",
               "--as-of", AS_OF, "--lang", "es").out
    flat = " ".join(text.split())
    assert "30 sesiones de RS/C con Dr. Ana Ortiz, marzo de 2024 a agosto de 2026" in flat
    assert "ninguna de sus sesiones de RS/C de los últimos 6 meses cuenta" in flat
    assert step  # and JSON still words it


def test_edit_without_set_changes_nothing_and_says_how(cli, write) -> None:
    path = write(nurse(3))
    before = path.read_bytes()
    run = cli("edit", str(path), "--provider", "Dr. Ana Ortiz")
    assert run.code == 2 and "--set" in run.err
    run = cli("edit", str(path), "--provider", "Ana Ortiz", "--set", "provider_credential=IMHS")
    assert run.code == 2 and "did you mean 'Dr. Ana Ortiz'" in run.err
    run = cli("edit", str(path), "--provider", "Dr. Ana Ortiz", "--set", "hours=0")
    assert run.code == 2 and "more than 0" in run.err
    assert path.read_bytes() == before


@pytest.mark.parametrize(("args", "check"), [
    (("--set", "mentor_track=policy"), lambda p: p.applicant.mentor_track == "policy"),
    (("--section", "work", "--number", "1", "--set", "families_served=20"),
     lambda p: p.work[0].families_served == 20),
    (("--section", "supervision", "--number", "2", "--set", "notes=group case"),
     lambda p: p.supervision[1].notes == "group case" and p.supervision[0].notes is None),
])
def test_every_field_a_next_step_asks_for_can_be_set_without_questions(cli, write, args,
                                                                        check) -> None:
    """The Mentor track whatever the field of work (a prevention nurse here)."""
    path = write(nurse(3))
    run = cli("edit", str(path), *args)
    assert run.code == 0, run.err
    assert check(read_portfolio(path).value)


def test_an_empty_value_removes_the_key(cli, write) -> None:
    path = write(nurse(2, provider_credential="IFS"))
    run = cli("edit", str(path), "--provider", "dr. ana   ortiz", "--set", "provider_credential=")
    assert run.code == 0, run.err
    assert "provider_credential" not in path.read_text()


def test_a_number_out_of_range_names_the_count_and_the_file(cli, write) -> None:
    path = write(nurse(2))
    run = cli("edit", str(path), "--section", "supervision", "--number", "3", "--set",
              "hours=2")
    assert run.code == 2
    assert "supervision has 2 entries: give --number 1 to 2" in run.err
    assert f"endorse edit {path}" in run.err


def test_today_is_not_in_the_words(cli, write) -> None:
    """The dates said are the sessions', never the day the test runs."""
    step = rsc_step(cli, write(nurse(30)))["next_step"]
    assert str(dt.date.today().year + 5) not in step


def test_a_second_session_that_takes_the_day_past_the_limit_is_flagged_when_saved(
        cli, write) -> None:
    path = write(nurse(1))
    first = cli("add", "supervision", str(path), "--date", "2025-05-01", "--hours", "5",
                "--provider", "Dana Lee")
    assert first.code == 0 and "in one day" not in first.err
    second = cli("add", "supervision", str(path), "--date", "2025-05-01", "--hours", "4",
                 "--provider", "Sam Roe")
    assert second.code == 0, second.err
    assert ("note: Your 3rd RS/C session, Sam Roe, 2025-05-01: 9 hours of RS/C on 2025-05-01, "
            "more than 8 in one day") in second.err


def test_a_warning_of_many_entries_is_said_once_with_the_count_and_span(cli, write) -> None:
    """Ten sessions before the job began: one warning for people, ten for scripts."""
    path = write(nurse(22).replace("start = 2018-01-01", "start = 2025-01-01"))
    text = " ".join(cli("gaps", str(path), "--as-of", AS_OF).out.split())
    assert ("! 10 RS/C sessions, March 2024 to December 2024, fall outside every period of "
            "work in the field, so they do not count. fix: check their dates with "
            "`endorse edit") in text
    assert text.count("outside every period of work") == 1
    markdown = cli("gaps", str(path), "--as-of", AS_OF, "--format", "markdown").out
    assert markdown.count("outside every period of work") == 1
    found = json.loads(cli("gaps", str(path), "--as-of", AS_OF, "--format", "json").out)
    assert [w["code"] for w in found["warnings"]].count("rsc-outside-field") == 10
    spanish = " ".join(cli("gaps", str(path), "--as-of", AS_OF, "--lang", "es").out.split())
    assert ("10 sesiones de RS/C, marzo de 2024 a diciembre de 2024, quedan fuera de todo "
            "periodo de trabajo en el campo") in spanish


def test_two_warnings_of_a_kind_are_each_said(cli, write) -> None:
    """Fewer than three: each entry by its number, as before."""
    path = write(nurse(12).replace("start = 2018-01-01", "start = 2024-05-01"))
    text = " ".join(cli("gaps", str(path), "--as-of", AS_OF).out.split())
    assert text.count("this session falls outside every period of work in the field") == 2


def test_a_timeline_with_only_steps_left_says_as_soon_as_you_take_them(cli) -> None:
    from conftest import EXAMPLES

    run = cli("gaps", str(EXAMPLES / "imhs-no-exam.toml"), "--timeline", "--as-of",
              "2026-11-21")
    text = " ".join(run.out.split())
    assert "IMHS can be met as soon as you take the steps above: Endorsement exam passed." \
        in text
    assert "your step Endorsement exam passed" in text
    assert "no date" not in text and "No date" not in text
    spanish = " ".join(cli("gaps", str(EXAMPLES / "imhs-no-exam.toml"), "--timeline",
                           "--as-of", "2026-11-21", "--lang", "es").out.split())
    assert "IMHS se puede cumplir en cuanto dé los pasos de arriba" in spanish


def test_the_cohort_page_sorts_a_person_with_only_steps_left_as_the_nearest(cli,
                                                                           tmp_path) -> None:
    import shutil

    from conftest import EXAMPLES

    folder = tmp_path / "cohort"
    folder.mkdir()
    for name in ("imhs-no-exam", "home-visitor", "clinician"):
        shutil.copy(EXAMPLES / f"{name}.toml", folder)
    run = cli("report", str(folder), "--as-of", "2026-11-21", "--out", str(tmp_path / "out"))
    assert run.code == 0, run.err
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    sorted_as = dict((word, key) for key, word in re.findall(
        r'data-sort="(\d{4}-\d\d-\d\d)">([^<]+)</td>', page))
    assert sorted_as == {"met": "0000-00-00", "after their steps": "0000-00-01",
                         "2027-04-06": "2027-04-06"}
    people = json.loads((tmp_path / "out" / "report.json").read_text())["people"]
    assert {p["file"].rsplit("/", 1)[-1]: p["steps_only"] for p in people} == {
        "imhs-no-exam.toml": True, "home-visitor.toml": False, "clinician.toml": False}


def _bundle_page(cli, write, tmp_path) -> str:
    """A bundle of thirty sessions with June and July 2025 missed, and two courses written
    latest first."""
    text = nurse(30, provider_credential="IMHS")
    for month in ("2025-06-05", "2025-07-05"):
        text = text.replace(f'\n[[supervision]]\ndate = {month}\nhours = 1\n'
                            'provider = "Dr. Ana Ortiz"\nprovider_credential = "IMHS"\n', "")
    text += ('\n[[training]]\ntitle = "Later course"\ndate = 2026-05-01\nhours = 3\n'
             '\n[[training]]\ntitle = "Earlier course"\ndate = 2024-02-01\nhours = 4\n')
    path = write(text)
    out = tmp_path / "out"
    run = cli("bundle", str(path), "--rules", "imh-e-2025", "--as-of", AS_OF, "--out", str(out))
    assert run.code == 0, run.err
    (folder,) = [p for p in out.iterdir() if p.is_dir()]
    return (folder / "summary.html").read_text(encoding="utf-8")


def test_the_bundles_chart_leaves_a_missed_month_empty_and_labels_the_window_above_it(
        cli, write, tmp_path) -> None:
    page = _bundle_page(cli, write, tmp_path)
    svg = page[page.index("<svg"):page.index("</svg>")]
    bars = re.findall(r'<rect [^>]*fill="#2f5d8a"><title>([^<]*)</title>', svg)
    assert len(bars) == 28  # 30 months of sessions, two missed: no bar for them
    assert not any(t.startswith(("June 2025", "July 2025")) for t in bars)
    window = re.search(r'<rect x="[\d.]+" y="([\d.]+)"[^>]*fill="none" stroke="#8a6d00"', svg)
    label = re.search(r'<text x="[\d.]+" y="([\d.]+)"[^>]*>best window: ', svg)
    assert window and label and float(label[1]) < float(window[1])  # above the bars, not on them


def test_the_bundles_tables_are_in_date_order_with_days_that_never_wrap(cli, write,
                                                                       tmp_path) -> None:
    page = _bundle_page(cli, write, tmp_path)
    assert page.index("Earlier course") < page.index("Later course")
    assert '<td class="day">2024-02-01</td>' in page and '<td class="day">2018-01-01</td>' in page
    assert "td.day { white-space: nowrap; }" in page


def test_no_day_wraps_in_the_bundle_printed_by_a_real_browser(cli, write, tmp_path) -> None:
    from browser import Browser, chromium

    executable = chromium()
    if executable is None:
        pytest.skip("no chromium here")
    _bundle_page(cli, write, tmp_path)
    (page_file,) = (tmp_path / "out").glob("*/summary.html")
    with Browser(executable, tmp_path / "print", width=703, height=1000) as page:
        page.page("Emulation.setEmulatedMedia", media="print")
        page.open(page_file.as_uri())
        # every day cell is one line high: its text is no taller than one line of it
        tall = page.js("Array.from(document.querySelectorAll('td.day')).filter(function (td) {"
                       " var r = document.createRange(); r.selectNodeContents(td);"
                       " return r.getClientRects().length > 1; }).length")
        cells = page.js("document.querySelectorAll('td.day').length")
    assert cells >= 30 and tall == 0


@pytest.mark.parametrize("lang", ["en", "es"])
def test_golden_thirty_unendorsed_sessions(cli, tmp_path, monkeypatch, golden, lang) -> None:
    """What the nurse reads, whole, in English and Spanish."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "nurse.toml").write_text(nurse(30), encoding="utf-8")
    run = cli("gaps", "nurse.toml", "--rules", "imh-e-2025", "--as-of", AS_OF, "--lang", lang)
    assert run.code == 0, run.err
    golden(f"gaps-nurse-unendorsed.imh-e-2025.{lang}.txt", run.out)
