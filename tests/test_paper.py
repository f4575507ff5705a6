"""On paper, printed by headless Chromium: the cohort report's table of people has its header
on every page, scripts on (the sort buttons are not printed, their words are); the bundle's
page never leaves a heading, a caption or a table header alone at a page's foot. Each page of
the PDF is read back as text (pdftotext)."""

from __future__ import annotations

import base64
import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import AS_OF, EXAMPLES

PAPERS = {"A4": (8.27, 11.69), "Letter": (8.5, 11)}


@pytest.fixture(scope="module")
def browser_and_text(tmp_path_factory):
    """One headless Chromium for every page printed here (scripts on, as a browser has them)."""
    from browser import Browser, chromium

    executable = chromium()
    if executable is None:
        pytest.skip("no chromium here (.ci/run installs it)")
    if shutil.which("pdftotext") is None:
        pytest.skip("no pdftotext (poppler-utils) here")
    with Browser(executable, tmp_path_factory.mktemp("chromium")) as browser:
        yield browser


def printed(browser, page: Path, profile: Path, paper: str) -> list[str]:
    """The text of each printed page of ``page``, its lines with their spaces collapsed."""
    browser.open(page.as_uri())
    width, height = PAPERS[paper]
    pdf = base64.b64decode(browser.page("Page.printToPDF", paperWidth=width,
                                        paperHeight=height)["data"])
    path = profile.parent / f"{profile.name}.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [[" ".join(line.split()) for line in sheet.splitlines() if line.strip()]
            for sheet in text.split("\f") if sheet.strip()]


def run(*args: str) -> None:
    from typer.testing import CliRunner

    from endorse_cli.cli import app

    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def cohort_report(tmp_path_factory) -> Path:
    """The report of 120 portfolios, their files named `cohort/...` (short enough for a row)."""
    import os

    folder = tmp_path_factory.mktemp("paper")
    cohort = folder / "cohort"
    cohort.mkdir()
    for i in range(30):
        for name in ("clinician", "home-visitor", "early-care-teacher", "program-director"):
            shutil.copy(EXAMPLES / f"{name}.toml", cohort / f"{name}-{i:02d}.toml")
    here = os.getcwd()
    os.chdir(folder)
    try:
        run("report", "cohort", "--as-of", AS_OF, "--out", str(folder), "--jobs", "1", "-q")
    finally:
        os.chdir(here)
    return folder / "report.html"


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_cohort_table_has_its_header_on_every_page(browser_and_text, cohort_report,
                                                       tmp_path, paper) -> None:
    pages = printed(browser_and_text, cohort_report, tmp_path / "profile", paper)
    header = "Name File Credential Requirements met Expected Red flags".split()
    row = re.compile(r"cohort/[a-z-]+-\d\d\.toml")
    with_rows = [lines for lines in pages if any(row.search(line) for line in lines)]
    assert len(with_rows) >= 3  # the table runs over several pages
    for lines in with_rows:
        first_row = next(i for i, line in enumerate(lines) if row.search(line))
        above = " ".join(lines[:first_row]).split()  # a heading's words may wrap in its cell
        assert all(word in above for word in header), lines[:first_row + 1]
    assert sum(len(row.findall(line)) for lines in pages for line in lines) == 120


@pytest.mark.parametrize(("example", "paper"), [("clinician", "A4"), ("clinician", "Letter"),
                                               ("home-visitor", "Letter")])
def test_the_bundle_leaves_no_heading_or_header_at_a_pages_foot(browser_and_text, tmp_path,
                                                                 example, paper) -> None:
    run("bundle", str(EXAMPLES / f"{example}.toml"), "--as-of", AS_OF, "--out", str(tmp_path),
        "-q", "--allow-missing")
    pages_written = sorted(tmp_path.glob("endorse-*/*.html"))  # the summary, the RS/C logs
    assert pages_written[-1].name == "summary.html"
    for number_of_page, page in enumerate(pages_written):
        _no_heading_alone(browser_and_text, page, tmp_path / f"profile-{number_of_page}", paper,
                          many_pages=page.name == "summary.html")


def _no_heading_alone(browser, page: Path, profile: Path, paper: str, *,
                      many_pages: bool) -> None:
    source = page.read_text(encoding="utf-8")

    def words(pattern: str) -> set[str]:
        return {" ".join(html.unescape(re.sub(r"<[^>]+>", " ", m)).split())
                for m in re.findall(pattern, source, flags=re.S)}

    alone = (words(r"<h[12][^>]*>(.*?)</h[12]>") | words(r"<caption>(.*?)</caption>"))
    headers = words(r"<thead>(.*?)</thead>")
    pages = printed(browser, page, profile, paper)
    assert len(pages) >= (2 if many_pages else 1)
    for number, lines in enumerate(pages[:-1], 1):
        foot = lines[-1]
        assert foot not in alone, (page.name, number, foot)
        # a header row at the foot: its words, with no row of the table after them
        assert not any(foot and header.startswith(foot.split()[0]) and set(foot.split()) <= set(
            header.split()) for header in headers), (page.name, number, foot)
