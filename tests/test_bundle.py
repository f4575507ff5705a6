"""The submission bundle: contents, safety, reproducibility, and the page in a real browser."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import AS_OF, EXAMPLES

NAME = "endorse-priya-natarajan-IMHS"


@pytest.fixture
def made(cli, tmp_path):
    """The clinician's bundle, written to a fresh folder."""
    out = tmp_path / "out"
    run = cli("bundle", str(EXAMPLES / "clinician.toml"), "--as-of", AS_OF, "--out", str(out))
    assert run.code == 0, run.err
    return out


def test_the_bundle_holds_every_file(made) -> None:
    folder = made / NAME
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) == [
        "SHA256SUMS", "attachments/certificates/cpp-learning-collaborative.pdf", "checklist.md",
        "education.csv", "manifest.json", "portfolio.toml", "references.csv", "summary.html",
        "summary.md", "supervision.csv", "training.csv", "work.csv"]
    assert (folder / "portfolio.toml").read_bytes() == (EXAMPLES / "clinician.toml").read_bytes()
    assert (made / f"{NAME}.zip").exists()


@pytest.mark.parametrize("name", ["summary.md", "checklist.md", "education.csv", "work.csv",
                                  "training.csv", "supervision.csv", "references.csv"])
def test_golden(made, golden, name) -> None:
    golden(f"bundle-clinician-{name}", (made / NAME / name).read_text(encoding="utf-8"))


def test_the_manifest_verifies_with_sha256sum(made) -> None:
    folder = made / NAME
    run = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=folder, capture_output=True,
                         text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["as_of"] == AS_OF
    assert manifest["rules"]["name"] == "data/credentials.toml"
    for entry in manifest["files"]:
        body = (folder / entry["path"]).read_bytes()
        assert (entry["size"], entry["sha256"]) == (len(body), hashlib.sha256(body).hexdigest())


def test_the_zip_is_the_same_bytes_every_time(cli, made, tmp_path) -> None:
    first = (made / f"{NAME}.zip").read_bytes()
    again = tmp_path / "again"
    assert cli("bundle", str(EXAMPLES / "clinician.toml"), "--as-of", AS_OF,
               "--out", str(again)).code == 0
    assert (again / f"{NAME}.zip").read_bytes() == first
    with zipfile.ZipFile(made / f"{NAME}.zip") as zf:
        names = zf.namelist()
        assert names == sorted(names)
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_an_existing_bundle_is_kept_without_force(cli, made) -> None:
    marker = made / NAME / "mine.txt"
    marker.write_text("keep")
    run = cli("bundle", str(EXAMPLES / "clinician.toml"), "--as-of", AS_OF, "--out", str(made))
    assert run.code == 2 and "nothing was overwritten" in run.err
    assert marker.exists()
    assert cli("bundle", str(EXAMPLES / "clinician.toml"), "--as-of", AS_OF, "--out", str(made),
               "--force").code == 0
    assert not marker.exists()
    assert not [p for p in made.iterdir() if p.name.startswith(".")]  # no half-built folder


EVIL = '''format = 1
[applicant]
name = "<script>alert('x')</script> & \\"Co\\""
email = "a@example.org"

[[training]]
title = "=HYPERLINK(\\"http://x\\")"
provider = "+Evil | pipe"
date = 2024-01-01
hours = 2
competencies = ["reflection"]
'''


def test_text_never_runs_as_code_or_formula(cli, tmp_path) -> None:
    (tmp_path / "p.toml").write_text(EVIL, encoding="utf-8")
    run = cli("bundle", str(tmp_path / "p.toml"), "--out", str(tmp_path), "--as-of", AS_OF)
    assert run.code == 0, run.err
    folder = next(p for p in tmp_path.iterdir() if p.is_dir() and p.name.startswith("endorse-"))
    html = (folder / "summary.html").read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;Co&#34;" in html
    row = list(csv.reader(io.StringIO((folder / "training.csv").read_text(encoding="utf-8"))))[1]
    assert row[1] == "'=HYPERLINK(\"http://x\")" and row[2] == "'+Evil | pipe"
    md = (folder / "summary.md").read_text(encoding="utf-8")
    assert "\\<script\\>" in md and "+Evil \\| pipe" in md


def _with_certificate(tmp_path, certificate: str) -> Path:
    path = tmp_path / "p.toml"
    path.write_text('format = 1\n[applicant]\nname = "Ana"\n[[training]]\ntitle = "T"\n'
                    f'date = 2024-01-01\nhours = 1\ncertificate = "{certificate}"\n',
                    encoding="utf-8")
    return path


@pytest.mark.parametrize(("certificate", "message"), [
    ("/etc/passwd", "is an absolute path"),
    ("../secret.pdf", "leaves the portfolio's folder"),
    ("link.pdf", "is a symbolic link"),
])
def test_unsafe_certificates_are_refused(cli, tmp_path, certificate, message) -> None:
    (tmp_path / "secret.pdf").write_text("x")
    (tmp_path / "in").mkdir()
    os.symlink(tmp_path / "secret.pdf", tmp_path / "in" / "link.pdf")
    path = _with_certificate(tmp_path / "in", certificate)
    run = cli("bundle", str(path), "--out", str(tmp_path / "out"))
    assert run.code == 1
    assert "line 8: training[0].certificate:" in run.err and message in run.err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_missing_certificates_are_listed_or_allowed(cli, tmp_path) -> None:
    path = _with_certificate(tmp_path, "certs/none.pdf")
    run = cli("bundle", str(path), "--out", str(tmp_path / "out"))
    assert run.code == 1
    assert "certificate files are missing: certs/none.pdf (training[0].certificate, line 8)" in run.err
    run = cli("bundle", str(path), "--out", str(tmp_path / "out"), "--allow-missing")
    assert run.code == 0
    assert "warning: missing certificate: certs/none.pdf" in run.err
    summary = next((tmp_path / "out").glob("*/summary.md")).read_text(encoding="utf-8")
    assert "The certificate certs/none.pdf" in summary


def test_a_template_error_names_the_template_and_line(cli, tmp_path) -> None:
    templates = tmp_path / "looks"
    templates.mkdir()
    (templates / "checklist.md.j2").write_text("# {{ credential.id }}\n{{ no_such_thing }}\n")
    run = cli("bundle", str(EXAMPLES / "clinician.toml"), "--out", str(tmp_path / "out"),
              "--templates", str(templates))
    assert run.code == 1
    assert "checklist.md.j2, line 2" in run.err and "no_such_thing" in run.err
    (templates / "checklist.md.j2").write_text("# {{ credential.id }\n")
    run = cli("bundle", str(EXAMPLES / "clinician.toml"), "--out", str(tmp_path / "out"),
              "--templates", str(templates))
    assert run.code == 1 and "checklist.md.j2, line 1" in run.err


def test_an_association_template_replaces_the_shipped_one(cli, tmp_path) -> None:
    templates = tmp_path / "looks"
    templates.mkdir()
    (templates / "checklist.md.j2").write_text("Association checklist for {{ applicant.name }}\n")
    assert cli("bundle", str(EXAMPLES / "clinician.toml"), "--out", str(tmp_path / "out"),
               "--templates", str(templates), "--as-of", AS_OF).code == 0
    text = (tmp_path / "out" / NAME / "checklist.md").read_text(encoding="utf-8")
    assert text == "Association checklist for Priya Natarajan\n"


def test_the_summary_page_in_a_real_browser(made, tmp_path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("no chromium here (.ci/run installs it)")
    page = (made / NAME / "summary.html").as_uri()
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp_path / 'c'}"]
    dom = subprocess.run([browser, *flags, "--dump-dom", page], capture_output=True, text=True,
                         timeout=120, check=True).stdout
    for text in ("Priya Natarajan: IMHS Infant Mental Health Specialist", "Gap checklist",
                 "Competency areas covered", "RS/C hours by month", "best window"):
        assert text in dom, text
    shot = tmp_path / "page.png"
    subprocess.run([browser, *flags, f"--screenshot={shot}", "--window-size=1000,1400", page],
                   capture_output=True, timeout=120, check=True)
    from PIL import Image

    with Image.open(shot) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50  # text, tables and the chart, not blank


def test_a_bundle_for_a_credential_not_met_says_it_is_a_draft(cli, tmp_path) -> None:
    run = cli("bundle", str(EXAMPLES / "home-visitor.toml"), "--as-of", AS_OF, "--out",
              str(tmp_path))
    assert run.code == 0
    err = " ".join(run.err.split())
    assert ("IFS is not met yet (3 of 6 requirements): this bundle is a draft to review, not "
            "ready to submit. See what is missing with `endorse gaps") in err
    assert "--credential IFS`" in err
    ready = cli("bundle", str(EXAMPLES / "clinician.toml"), "--as-of", AS_OF, "--out",
                str(tmp_path), "--allow-missing")
    assert "not ready" not in ready.err
