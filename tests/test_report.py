"""`endorse report`: its numbers against `check --format jsonl`, its files, and its page in a
real browser."""

from __future__ import annotations

import csv
import io
import json
import re
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT
from typer.testing import CliRunner

from endorse_cli.cli import app
from endorse_cli.io.rules_file import load_rules

sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import write as write_cohort  # noqa: E402

AS_OF = "2025-09-30"  # early enough that many are not ready yet: forecasts fill the months
REVIEW = "2026-03-31"
COHORT = 120

BROKEN = "format = 1\n[applicant\n"
EVIL_NAME = "<script>alert('x')</script> \"Quoted\" & 'single' \x07bell\x1b[2J"
EVIL = ('format = 1\n[applicant]\nname = "<script>alert(\'x\')</script> \\"Quoted\\" & '
        '\'single\' \\u0007bell\\u001b[2J"\n')


def endorse(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def cohort(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated cohort, one file that is not TOML, and one with a hostile name."""
    folder = tmp_path_factory.mktemp("cohort")
    write_cohort(folder, COHORT)
    (folder / "broken.toml").write_text(BROKEN, encoding="utf-8")
    (folder / "evil.toml").write_text(EVIL, encoding="utf-8")
    (folder / "<img src=x onerror=alert(1)>.toml").write_text(
        'format = 1\n[applicant]\nname = "Odd File"\n', encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reported(cohort: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    code, stdout, stderr = endorse("report", str(cohort), "--as-of", AS_OF,
                                   "--review-date", REVIEW, "--out", str(out), "--jobs", "2")
    assert code == 0, stderr
    assert stdout == ""  # files and messages only: nothing on stdout
    assert f"{COHORT + 2} portfolios judged; 1 could not be read" in stderr
    assert f"not read: {cohort / 'broken.toml'}, line 2: the heading on this line is not closed with ']'" in stderr
    return out


@pytest.fixture(scope="module")
def documents(cohort: Path) -> list[dict]:
    code, stdout, _ = endorse("check", str(cohort), "--as-of", AS_OF, "-f", "jsonl",
                              "--jobs", "2")
    assert code == 1  # the broken file
    return [json.loads(line) for line in stdout.splitlines()]


def _judged(document: dict) -> dict:
    wanted = document.get("checklist", document["recommended"])["id"]
    return next(c for c in document["credentials"] if c["id"] == wanted)


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def test_the_counts_are_those_of_check(reported, documents) -> None:
    report = json.loads((reported / "report.json").read_text(encoding="utf-8"))
    valid = [d for d in documents if "error" not in d]
    assert (report["judged"], report["invalid"]) == (len(valid), len(documents) - len(valid))
    assert [u["file"] for u in report["unreadable"]] == [
        d["file"] for d in documents if "error" in d]
    assert [c["id"] for c in report["credentials"]] == ["IFA", "IFS", "IMHS", "IMHM"]
    for counted in report["credentials"]:
        results = [next(c for c in d["credentials"] if c["id"] == counted["id"]) for d in valid]
        assert counted["qualified"] == sum(r["qualified"] for r in results)
        assert counted["met"] == sum(r["met"] for r in results)
        assert counted["met_by_review"] == sum(
            r["met"] or (r["expected"] is not None and r["expected"] <= REVIEW) for r in results)
        assert counted["without_date"] == sum(
            not r["met"] and r["expected"] is None for r in results)
        assert counted["judged_for"] == sum(_judged(d)["id"] == counted["id"] for d in valid)
    assert sum(c["judged_for"] for c in report["credentials"]) == len(valid)


def test_readiness_month_by_month_is_that_of_check(reported, documents) -> None:
    report = json.loads((reported / "report.json").read_text(encoding="utf-8"))
    valid = [d for d in documents if "error" not in d]
    months = report["readiness"]["months"]
    assert months[0] == AS_OF[:7] and REVIEW[:7] in months
    # one month after another, with no gap
    assert all((int(b[:4]) * 12 + int(b[5:])) - (int(a[:4]) * 12 + int(a[5:])) == 1
               for a, b in zip(months, months[1:]))
    changed = 0
    for series in report["readiness"]["series"]:
        results = [next(c for c in d["credentials"] if c["id"] == series["id"]) for d in valid]
        want = [sum(r["met"] or (r["expected"] is not None and r["expected"][:7] <= month)
                    for r in results) for month in months]
        assert series["counts"] == want, series["id"]
        changed += want[0] != want[-1]
    assert changed >= 2  # the forecasts move the counts: a flat cohort would prove little


def test_what_holds_people_back_is_ranked_as_check_says(reported, documents) -> None:
    report = json.loads((reported / "report.json").read_text(encoding="utf-8"))
    rules = load_rules().value
    order = {(c.id, r.id): (i, j) for i, c in enumerate(rules.credential)
             for j, r in enumerate(c.requirement)}
    people: Counter[tuple[str, str]] = Counter()
    short: defaultdict[tuple[str, str], list[float]] = defaultdict(list)
    labels = {}
    for document in documents:
        if "error" in document:
            continue
        judged = _judged(document)
        for req in judged["requirements"]:
            if req["applies"] and not req["met"]:
                key = (judged["id"], req["id"])
                people[key] += 1
                labels[key] = req["label"]
                if _number(req["have"]) and _number(req["need"]):
                    short[key].append(req["need"] - req["have"])
    want = sorted(people, key=lambda k: (-people[k], order[k]))
    got = report["holding_back"]
    assert [(h["credential"], h["requirement"]) for h in got] == want
    assert [h["people"] for h in got] == [people[k] for k in want]
    assert len(set(h["people"] for h in got)) >= 3  # a real ranking, not a tie
    for h in got:
        key = (h["credential"], h["requirement"])
        assert h["label"] == labels[key]
        if short[key]:
            assert h["median_short"] == pytest.approx(statistics.median(short[key]), abs=0.01)
        else:
            assert h["median_short"] is None and h["unit"] is None


def test_one_row_per_person_in_the_order_of_check(reported, documents) -> None:
    report = json.loads((reported / "report.json").read_text(encoding="utf-8"))
    valid = [d for d in documents if "error" not in d]
    assert [(p["file"], p["credential"], p["met"], p["expected"]) for p in report["people"]] == [
        (d["file"], _judged(d)["id"], _judged(d)["met"],
         None if _judged(d)["met"] else _judged(d)["expected"]) for d in valid]
    html = (reported / "report.html").read_text(encoding="utf-8")
    body = html.split('<table id="people"', 1)[1].split("</table>", 1)[0]
    assert body.count("<tr>") == len(valid) + 1  # and the heading row


def test_the_csv_holds_the_same_numbers(reported) -> None:
    report = json.loads((reported / "report.json").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((reported / "report.csv").read_text(encoding="utf-8"))))
    readiness = {(r["credential"], r["what"]): int(r["people"]) for r in rows
                 if r["section"] == "readiness"}
    for series in report["readiness"]["series"]:
        for month, count in zip(report["readiness"]["months"], series["counts"]):
            assert readiness[(series["id"], month)] == count
    holding = [(r["credential"], r["what"], int(r["people"])) for r in rows
               if r["section"] == "holding back"]
    assert holding == [(h["credential"], h["label"], h["people"]) for h in report["holding_back"]]


def test_golden_csv(cli, tmp_path, golden) -> None:
    """A small fixed cohort (the examples, 30 generated, one broken file), as a file."""
    write_cohort(tmp_path / "in", 30)
    for example in EXAMPLES.glob("*.toml"):
        (tmp_path / "in" / example.name).write_bytes(example.read_bytes())
    (tmp_path / "in" / "broken.toml").write_text(BROKEN, encoding="utf-8")
    run = cli("report", str(tmp_path / "in"), "--as-of", AS_OF, "--review-date", REVIEW,
              "--out", str(tmp_path / "out"), "--jobs", "1")
    assert run.code == 0, run.err
    golden("report-cohort.csv", (tmp_path / "out" / "report.csv").read_text(encoding="utf-8"))


def test_text_from_files_is_escaped(reported) -> None:
    html = (reported / "report.html").read_text(encoding="utf-8")
    assert html.count("<script") == 1  # the page's own, at the end
    assert "alert('x')" not in html and "<img" not in html
    assert ("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &#34;Quoted&#34; &amp; "
            "&#39;single&#39; \\x07bell\\x1b[2J") in html  # written out, as every output does
    assert "&lt;img src=x onerror=alert(1)&gt;.toml" in html
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", html)
    people = json.loads((reported / "report.json").read_text(encoding="utf-8"))["people"]
    assert any(p["name"] == EVIL_NAME.replace("\x07", "\\x07").replace("\x1b", "\\x1b")
               for p in people)


def test_the_page_needs_nothing_from_elsewhere(reported) -> None:
    html = (reported / "report.html").read_text(encoding="utf-8")
    links = re.findall(r'(?:src|href)\s*=\s*"([^"]*)"', html)
    assert links and all(link.startswith("#") for link in links)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    assert re.findall(r"https?://[^\s\"']+", html) == ["http://www.w3.org/2000/svg"]
    assert "@page" in html and "@media print" in html and "max-width: 40rem" in html


def test_the_chart_marks_the_review_date_and_says_it_in_words(reported) -> None:
    report = json.loads((reported / "report.json").read_text(encoding="utf-8"))
    html = (reported / "report.html").read_text(encoding="utf-8")
    assert f"review {REVIEW}" in html and f"<th scope=\"row\">{REVIEW[:7]} (review date)</th>" in html
    desc = html.split('<desc id="chart-desc">', 1)[1].split("</desc>", 1)[0]
    first, last = report["readiness"]["months"][0], report["readiness"]["months"][-1]
    ifa = next(s for s in report["readiness"]["series"] if s["id"] == "IFA")
    assert f"IFA: {ifa['counts'][0]} by the end of {first}, {ifa['counts'][-1]} by the end of {last}" in desc
    assert html.count("<polyline") == 4


def test_files_are_written_whole_for_their_owner_and_replaced(cli, tmp_path) -> None:
    out = tmp_path / "new" / "folder"
    for _ in range(2):  # a second run replaces the first
        run = cli("report", str(EXAMPLES), "--as-of", AS_OF, "--out", str(out))
        assert run.code == 0, run.err
    assert sorted(p.name for p in out.iterdir()) == ["report.csv", "report.html", "report.json",
                                                     "report.xlsx"]
    assert {p.stat().st_mode & 0o777 for p in out.iterdir()} == {0o600}
    assert (f"written: {out / 'report.html'}, {out / 'report.csv'}, {out / 'report.json'}, "
            f"{out / 'report.xlsx'}") in run.err


def test_without_renewal_in_the_rules_there_is_no_renewal_section(reported) -> None:
    html = (reported / "report.html").read_text(encoding="utf-8")
    assert "Renewals due" not in html
    assert json.loads((reported / "report.json").read_text(encoding="utf-8"))["renewals"] is None


def test_the_renewal_section_shows_what_it_is_given(reported) -> None:
    import datetime as dt

    import msgspec

    from endorse_cli.report.cohort import Cohort, RenewalDue, Renewals
    from endorse_cli.report.page import to_html

    cohort = msgspec.json.decode((reported / "report.json").read_bytes(), type=Cohort)
    cohort.renewals = Renewals(due=[RenewalDue(name="<b>Ana</b>", file="a.toml", credential="IFS",
                                               due=dt.date(2025, 12, 1))])
    html = to_html(cohort)
    assert "Renewals due" in html and "Due in the next 90 days: 1" in html and "Lapsed: 0" in html
    assert "&lt;b&gt;Ana&lt;/b&gt;" in html and "2025-12-01" in html


def test_one_credential_for_everyone(cli, tmp_path) -> None:
    run = cli("report", str(EXAMPLES), "--as-of", AS_OF, "--credential", "imhs",
              "--out", str(tmp_path))
    assert run.code == 0, run.err
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["credential"] == "IMHS"
    assert [c["id"] for c in report["credentials"]] == ["IMHS"]
    assert {p["credential"] for p in report["people"]} == {"IMHS"}
    assert {h["credential"] for h in report["holding_back"]} == {"IMHS"}


@pytest.mark.parametrize(("args", "message"), [
    (["--as-of", "2026-13-01"], "--as-of '2026-13-01' is not a date"),
    (["--review-date", "soon"], "--review-date 'soon' is not a date"),
    (["--as-of", "2026-11-21", "--review-date", "2026-11-20"],
     "--review-date 2026-11-20 is before the day judged, 2026-11-21"),
    (["--credential", "IMSH"], "--credential 'IMSH' is not in the rules; did you mean \"IMHS\"?"),
])
def test_wrong_options_are_usage_errors_and_write_nothing(cli, tmp_path, args, message) -> None:
    run = cli("report", str(EXAMPLES), "--out", str(tmp_path / "out"), *args)
    assert run.code == 2 and message in run.err
    assert not (tmp_path / "out").exists()


def test_files_not_read_are_named_on_stderr_up_to_ten(cli, tmp_path) -> None:
    for n in range(12):
        (tmp_path / f"b{n:02d}.toml").write_text(BROKEN, encoding="utf-8")
    run = cli("report", str(tmp_path), "--out", str(tmp_path / "out"))
    assert run.code == 0, run.err
    named = [line for line in run.err.splitlines() if line.startswith("not read: ")]
    assert named[:10] == [f"not read: {tmp_path / f'b{n:02d}.toml'}, line 2: the heading on "
                          "this line is not closed with ']'" for n in range(10)]
    assert named[10:] == ["not read: 2 more, listed in the report"]
    assert "0 portfolios judged; 12 could not be read" in run.err


def test_a_folder_without_portfolios_is_a_usage_error(cli, tmp_path) -> None:
    run = cli("report", str(tmp_path), "--out", str(tmp_path / "out"))
    assert run.code == 2 and "no .toml files in" in run.err


def test_median_of_counted_values() -> None:
    from endorse_cli.report.cohort import median

    assert median(Counter()) is None
    assert median(Counter({9: 1})) == 9
    assert median(Counter({1: 1, 4: 1})) == 2.5
    assert median(Counter({2: 3, 10: 1})) == 2
    assert median(Counter({0.5: 1, 1.5: 1, 20: 2})) == 10.75
    assert median(Counter({3: 2, 1: 2})) == 2


def test_amounts_read_as_words() -> None:
    from endorse_cli.report.page import amount

    assert amount(9.0, "hours") == "9 hours"
    assert amount(1, "references") == "1 reference"
    assert amount(0.37, "years") == "0.37 years"
    assert amount(2.5, None) == "2.5"


# -- in a real browser ----------------------------------------------------------------------


def _rows(page) -> list[list]:
    return page.js("Array.from(document.querySelectorAll('#people tbody tr')).map(function (r)"
                   " { return [r.hidden, r.cells[0].textContent, r.cells[1].textContent,"
                   " r.cells[4].getAttribute('data-sort')]; })")


def test_the_page_in_a_real_browser(reported, tmp_path) -> None:
    """Sort by expected date, filter by a name, at 1000 and 360 pixels wide; then with
    JavaScript off. The screenshots go to $ENDORSE_SCREENSHOTS (to look at) or a temporary
    folder."""
    from browser import Browser, chromium

    executable = chromium()
    if executable is None:
        pytest.skip("no chromium here (.ci/run installs it)")
    import os

    shots = Path(os.environ.get("ENDORSE_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    report = json.loads((reported / "report.json").read_text(encoding="utf-8"))
    url = (reported / "report.html").as_uri()
    with Browser(executable, tmp_path / "profile") as page:
        page.open(url)
        assert page.js("document.getElementById('tools').hidden") is False
        assert len(_rows(page)) == report["judged"]

        page.click("#people thead th:nth-child(5) button")  # Expected
        keys = [row[3] for row in _rows(page)]
        assert keys == sorted(keys)
        assert keys[0] == "0000-00-00"  # met, then those with only steps left, then by day
        steps = [k for k in keys if k == "0000-00-01"]
        assert len(steps) == sum(p["steps_only"] for p in report["people"]) > 0
        assert keys.index("0000-00-01") < min(i for i, k in enumerate(keys) if k[0] == "2")
        assert any(re.fullmatch(r"20\d\d-\d\d-\d\d", k) for k in keys)  # dates in between
        assert page.js("document.querySelector('#people th[aria-sort]').textContent") == "Expected"
        page.screenshot(shots / "report-sorted.png")
        page.click("#people thead th:nth-child(5) button")  # again: latest first
        assert [row[3] for row in _rows(page)] == sorted(keys, reverse=True)

        page.click("#filter")
        page.type("rivera")
        page.wait_for("document.getElementById('shown').textContent.indexOf(' of ') > 0")
        shown = [row for row in _rows(page) if not row[0]]
        want = [p for p in report["people"] if "rivera" in (p["name"] + p["file"]).lower()]
        assert 0 < len(shown) < report["judged"]
        assert sorted(row[2] for row in shown) == sorted(p["file"] for p in want)
        assert page.js("document.getElementById('shown').textContent") == (
            f"{len(want)} of {report['judged']} shown")
        assert [row[3] for row in shown] == sorted((row[3] for row in shown), reverse=True)
        page.screenshot(shots / "report-filtered.png")

        page.page("Emulation.setDeviceMetricsOverride", width=360, height=780,
                  deviceScaleFactor=1, mobile=True)
        page.open(url)
        assert page.js("document.documentElement.scrollWidth") <= 360  # nothing to scroll sideways
        page.js("document.getElementById('everyone').scrollIntoView()")
        page.screenshot(shots / "report-360.png")

    # printed: A4 less its margins is the narrower page (186 mm, some 703 CSS pixels)
    with Browser(executable, tmp_path / "print", width=703, height=1000) as page:
        page.page("Emulation.setEmulatedMedia", media="print")
        page.open(url)
        assert page.js("document.documentElement.scrollWidth") <= 703
        assert page.js("getComputedStyle(document.getElementById('tools')).display") == "none"
        page.screenshot(shots / "report-print.png")
        for width, height in ((8.27, 11.69), (8.5, 11)):  # A4, Letter
            pdf = page.page("Page.printToPDF", paperWidth=width, paperHeight=height)["data"]
            assert len(pdf) > 10_000

    with Browser(executable, tmp_path / "plain", javascript=False) as page:
        page.open(url)
        dom = page.html()
        body = dom.split('<table id="people"', 1)[1].split("</table>", 1)[0]
        assert body.count("<tr>") == report["judged"] + 1
        assert '<div id="tools" hidden="">' in dom and "<button" not in dom
        assert "<th scope=\"col\">Expected</th>" in dom
        plain = page.screenshot(shots / "report-no-javascript.png")
    from PIL import Image

    with Image.open(plain) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50  # text, tables and the chart, not blank


@pytest.mark.parametrize("people", [None, 0, 1])
def test_the_json_written_a_person_at_a_time_is_the_whole_document(reported, people) -> None:
    import msgspec

    from endorse_cli.report.cohort import Cohort
    from endorse_cli.report.page import json_pieces

    cohort = msgspec.json.decode((reported / "report.json").read_bytes(), type=Cohort)
    if people is not None:
        cohort = msgspec.structs.replace(cohort, people=cohort.people[:people])
    whole = msgspec.json.format(msgspec.json.encode(cohort), indent=2).decode() + "\n"
    assert "".join(json_pieces(cohort)) == whole
    assert len(list(json_pieces(cohort))) == len(cohort.people) + 2


def test_median_of_counted_values_is_the_median_of_the_values() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    from endorse_cli.report.cohort import median

    @given(st.lists(st.integers(0, 400).map(lambda n: n / 4), min_size=1, max_size=60))
    def check(values: list[float]) -> None:
        assert median(Counter(values)) == statistics.median(values)

    check()


def test_months_run_on_without_a_gap_across_years() -> None:
    import datetime as dt

    from endorse_cli.report.cohort import _add_months, _months

    assert _add_months(dt.date(2026, 11, 21), 0) == "2026-11"
    assert _add_months(dt.date(2026, 11, 21), 2) == "2027-01"
    assert _add_months(dt.date(2026, 12, 31), 12) == "2027-12"
    assert _months(dt.date(2026, 11, 30), "2027-02") == ["2026-11", "2026-12", "2027-01", "2027-02"]
    assert _months(dt.date(2026, 11, 30), "2026-11") == ["2026-11"]


def test_renewals_due_and_lapsed_under_rules_with_a_yearly_renewal(cli, tmp_path) -> None:
    """The endorsed IFS renewing is due on 2026-12-31: within 90 days of 2026-11-21, not of
    2026-09-01; on 2027-02-01, after the late period (to 31 January), it has lapsed."""
    import shutil

    folder = tmp_path / "cohort"
    folder.mkdir()
    for name in ("ifs-renewing.toml", "home-visitor.toml"):
        shutil.copy(EXAMPLES / name, folder / name)

    def renewals(as_of: str) -> dict:
        out = tmp_path / f"out-{as_of}"
        run = cli("report", str(folder), "--rules", "imh-e-2025", "--as-of", as_of,
                  "--out", str(out))
        assert run.code == 0, run.err
        return json.loads((out / "report.json").read_text(encoding="utf-8"))["renewals"]

    now = renewals("2026-11-21")
    assert [(r["credential"], r["due"]) for r in now["due"]] == [("IFS", "2026-12-31")]
    assert now["lapsed"] == []
    assert renewals("2026-09-01") == {"due": [], "lapsed": []}
    later = renewals("2027-02-01")
    assert later["due"] == [] and [r["credential"] for r in later["lapsed"]] == ["IFS"]
    csv_text = (tmp_path / "out-2026-11-21" / "report.csv").read_text(encoding="utf-8")
    assert "renewals,,due in the next 90 days,1,," in csv_text
    default = cli("report", str(folder), "--as-of", "2026-11-21", "--out", str(tmp_path / "d"))
    assert json.loads((tmp_path / "d" / "report.json").read_text())["renewals"] is None


def test_each_person_is_judged_for_the_credential_check_judges_them_for(cli, tmp_path) -> None:
    """The home visitor's target is IFS: the report's row and counts are IFS's, 3 of 6, as in
    `check`, not the recommended IFA's numbers under IFS's name or the other way round."""
    import shutil

    folder = tmp_path / "c"
    folder.mkdir()
    shutil.copy(EXAMPLES / "home-visitor.toml", folder / "hv.toml")
    run = cli("report", str(folder), "--as-of", "2026-11-21", "--out", str(tmp_path / "o"))
    assert run.code == 0, run.err
    person = json.loads((tmp_path / "o" / "report.json").read_text())["people"][0]
    assert (person["credential"], person["requirements_met"], person["requirements_total"]) == (
        "IFS", 3, 6)
    import csv

    row = next(csv.DictReader(cli("check", str(folder), "--as-of", "2026-11-21", "-f",
                                  "csv").out.splitlines()))
    assert (row["credential"], row["requirements_met"], row["requirements_total"]) == (
        "IFS", "3", "6")


def test_the_csv_goes_through_the_one_guard_for_cells() -> None:
    """A requirement label from a rules file that starts like a formula, or holds a carriage
    return, is written as text, quoted whole, as every CSV endorse writes."""
    import csv
    import io

    from endorse_cli.report.cohort import Cohort, Holdback, Readiness
    from endorse_cli.report.page import to_csv

    import datetime as dt

    cohort = Cohort(as_of=dt.date(2026, 11, 21), review_date=None, rules="r", credential=None,
                    judged=1, invalid=0, credentials=[], readiness=Readiness(months=[],
                    series=[]), holding_back=[Holdback(credential="IFS", requirement="x",
                    label="=cmd|' /C calc'!A0\r=2+2", people=1, median_short=None, unit=None)],
                    people=[], unreadable=[], renewals=None)
    rows = list(csv.reader(io.StringIO(to_csv(cohort), newline="")))
    assert rows[-1][2] == "'=cmd|' /C calc'!A0\r=2+2"
    assert not any(row and row[0].startswith("=") for row in rows)
