"""The submission bundle: contents, safety, reproducibility, and the page in a real browser."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
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
        "education.csv", "manifest.json", "portfolio.toml", "references.csv",
        "rsc-log-dr-helen-cho.html", "summary.html",
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
    assert "line 8: training 1, T, 2024-01-01: the certificate" in run.err
    assert message in run.err and "training[" not in run.err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_missing_certificates_are_listed_or_allowed(cli, tmp_path) -> None:
    path = _with_certificate(tmp_path, "certs/none.pdf")
    run = cli("bundle", str(path), "--out", str(tmp_path / "out"))
    assert run.code == 1
    # the entry by its number from 1, its title and date: never a key path
    assert ("certificate files are missing: certs/none.pdf (training 1, T, 2024-01-01; line 8)"
            in run.err)
    assert "training[" not in run.err
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


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_draft_s_summaries_say_so_at_the_top_and_keep_commands_as_code(
        cli, tmp_path, golden, monkeypatch, lang) -> None:
    """Not met: one plain line at the top of both summaries says it is a draft; the next
    steps' commands stay code in Markdown (not escaped), as `gaps --format markdown` has them."""
    monkeypatch.chdir(EXAMPLES)  # the steps name the file as it was given
    run = cli("bundle", "home-visitor.toml", "--as-of", AS_OF, "--out", str(tmp_path),
              "--lang", lang)
    assert run.code == 0, run.err
    folder = tmp_path / "endorse-jordan-rivera-IFS"
    md = (folder / "summary.md").read_text(encoding="utf-8")
    html = (folder / "summary.html").read_text(encoding="utf-8")
    draft = {
        "en": "Draft: IFS is not met yet (3 of 6 requirements met). This bundle is for review, "
              "not yet for submission: the checklist below shows what is missing.",
        "es": "Borrador: IFS aún no se cumple (3 de 6 requisitos cumplidos). Este paquete es "
              "para revisar, todavía no para presentar: la lista de abajo muestra lo que falta.",
    }[lang]
    assert md.startswith(f"**{draft}**\n\n# ")
    assert f'<header>\n<p class="draft" role="note"><strong>{draft}</strong></p>\n<h1>' in html
    command = "`endorse interview home-visitor.toml --section reference`"
    for text in (md, (folder / "checklist.md").read_text(encoding="utf-8")):
        assert command in text and "\\`" not in text
    golden(f"bundle-home-visitor.{lang}-summary.md", md)


def test_a_met_credential_s_summaries_say_nothing_of_a_draft(made) -> None:
    md = (made / NAME / "summary.md").read_text(encoding="utf-8")
    html = (made / NAME / "summary.html").read_text(encoding="utf-8")
    assert md.startswith("# Gap checklist: IMHS")
    assert "Draft" not in md and 'class="draft"' not in html


@pytest.mark.parametrize(("lang", "month"), [("en", "Nov 2026"), ("es", "nov 2026")])
def test_one_month_of_rsc_is_one_bar_labelled_as_the_language_writes_months(
        cli, tmp_path, lang, month) -> None:
    path = tmp_path / "p.toml"
    path.write_text('format = 1\n[applicant]\nname = "Ana"\n[[supervision]]\n'
                    'date = 2026-11-03\nhours = 1.5\nprovider = "Dana Lee"\n', encoding="utf-8")
    run = cli("bundle", str(path), "--as-of", AS_OF, "--out", str(tmp_path / "out"),
              "--lang", lang)
    assert run.code == 0, run.err
    html = (tmp_path / "out" / "endorse-ana-IFA" / "summary.html").read_text(encoding="utf-8")
    svg = html.split("<svg", 1)[1].split("</svg>", 1)[0]
    bars = re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="[\d.]+" '
                      r'fill="#2f5d8a"><title>([^<]*)</title>', svg)
    assert bars == [("46", {"en": "November 2026: 1.5 h",
                              "es": "noviembre de 2026: 1,5 h"}[lang])]
    labels = re.findall(r'<text x="[\d.]+" y="192"[^>]*>([^<]*)</text>', svg)
    assert labels == [month]  # the one month, once
    assert "2026-11" not in svg


def test_months_on_a_chart_s_axis_are_short_in_each_language() -> None:
    import datetime as dt

    from endorse_cli.i18n import ENGLISH, language

    spanish = language("es")
    assert [ENGLISH.short_month(dt.date(2026, m, 1)) for m in (1, 5, 9, 11)] == [
        "Jan 2026", "May 2026", "Sep 2026", "Nov 2026"]
    assert [spanish.short_month(dt.date(2026, m, 1)) for m in (1, 5, 9, 11)] == [
        "ene 2026", "may 2026", "sept 2026", "nov 2026"]
    assert spanish.month(5) == "mayo"  # the short name is its own message, not the full one's


# -- paths, links, sizes, names and modes -------------------------------------------------


def _cert_portfolio(folder: Path, certificates: list[str], name: str = "Ana") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "p.toml"
    courses = "".join(f'\n[[training]]\ntitle = "T{i}"\ndate = 2024-01-01\nhours = 1\n'
                      f"certificate = {json.dumps(c)}\n" for i, c in enumerate(certificates))
    path.write_text(f'format = 1\n[applicant]\nname = {json.dumps(name)}\n{courses}',
                    encoding="utf-8")
    return path


def _bundle_of(out: Path) -> Path:
    return next(p for p in out.iterdir() if p.is_dir() and not p.name.startswith("."))


def test_a_dotted_certificate_is_bundled_at_its_resolved_place_inside_out(cli, tmp_path) -> None:
    home = tmp_path / "a" / "b" / "c"
    (home / "x").mkdir(parents=True)
    (home / "certs").mkdir()
    (home / "x" / "c.pdf").write_bytes(b"%PDF certificate")
    given = "certs/../../c/x/c.pdf"  # up out of certs and out of c, then into c again
    path = _cert_portfolio(home, [given])
    out = tmp_path / "out"
    run = cli("bundle", str(path), "--out", str(out), "--as-of", AS_OF)
    assert run.code == 0, run.err
    folder = _bundle_of(out)
    assert (folder / "attachments" / "x" / "c.pdf").read_bytes() == b"%PDF certificate"
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert all(w.startswith(("a/", "out/")) for w in written), written  # nothing outside --out
    with zipfile.ZipFile(out / f"{folder.name}.zip") as zf:
        names = zf.namelist()
    assert f"{folder.name}/attachments/x/c.pdf" in names
    assert not [n for n in names if ".." in n.split("/") or n.startswith("/")]
    sums = (folder / "SHA256SUMS").read_text(encoding="utf-8")
    assert "  attachments/x/c.pdf\n" in sums and ".." not in sums


def test_a_name_with_a_newline_cannot_break_sha256sums(cli, tmp_path) -> None:
    home = tmp_path / "in"
    home.mkdir()
    (home / "two\nlines.pdf").write_bytes(b"a")
    (home / "back\\slash.pdf").write_bytes(b"b")
    path = _cert_portfolio(home, ["two\nlines.pdf"])
    out = tmp_path / "out"
    assert cli("bundle", str(path), "--out", str(out), "--as-of", AS_OF).code == 0
    folder = _bundle_of(out)
    digest = hashlib.sha256(b"a").hexdigest()
    sums = (folder / "SHA256SUMS").read_text(encoding="utf-8")
    assert f"\\{digest}  attachments/two\\nlines.pdf\n" in sums
    assert len(sums.splitlines()) == 11  # one line per file, the name's newline escaped
    check = subprocess.run(["sha256sum", "-c", "--strict", "SHA256SUMS"], cwd=folder,
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    taken = cli("bundle", str(_cert_portfolio(home, ["back\\slash.pdf"])), "--out",
                str(tmp_path / "out2"), "--as-of", AS_OF)  # escaped, as the README says
    assert taken.code == 0, taken.err
    folder = _bundle_of(tmp_path / "out2")
    assert f"\\{hashlib.sha256(b'b').hexdigest()}  attachments/back\\\\slash.pdf\n" in (
        folder / "SHA256SUMS").read_text(encoding="utf-8")
    check = subprocess.run(["sha256sum", "-c", "--strict", "SHA256SUMS"], cwd=folder,
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_hard_link_and_a_huge_certificate_are_refused(cli, tmp_path, monkeypatch) -> None:
    from endorse_cli.bundle import build

    home = tmp_path / "in"
    home.mkdir()
    (tmp_path / "secret.txt").write_text("outside")
    os.link(tmp_path / "secret.txt", home / "cert.pdf")
    run = cli("bundle", str(_cert_portfolio(home, ["cert.pdf"])), "--out", str(tmp_path / "o"))
    assert run.code == 1
    assert "line 9: training 1, T0, 2024-01-01: the certificate 'cert.pdf' is a hard link" \
        in run.err
    (home / "cert.pdf").unlink()
    (home / "cert.pdf").write_bytes(b"x" * 2048)
    monkeypatch.setattr(build, "CERTIFICATE_MAX", 1024)
    run = cli("bundle", str(_cert_portfolio(home, ["cert.pdf"])), "--out", str(tmp_path / "o"))
    assert run.code == 1
    assert "the certificate 'cert.pdf' is 0 MB, more than the 0 MB a certificate can be" in run.err
    assert not (tmp_path / "o").exists()


def test_the_bundle_is_as_private_as_the_portfolio(cli, tmp_path) -> None:
    import stat

    home = tmp_path / "in"
    home.mkdir()
    (home / "c.pdf").write_bytes(b"%PDF")
    path = _cert_portfolio(home, ["c.pdf"])
    os.chmod(path, 0o600)
    out = tmp_path / "out"
    old = os.umask(0o077)
    try:
        assert cli("bundle", str(path), "--out", str(out), "--as-of", AS_OF).code == 0
    finally:
        os.umask(old)
    folder = _bundle_of(out)
    modes = {str(p.relative_to(out)): stat.S_IMODE(p.stat().st_mode) for p in out.rglob("*")}
    assert modes[f"{folder.name}/portfolio.toml"] == 0o600
    assert modes[f"{folder.name}/references.csv"] == 0o600
    assert modes[f"{folder.name}/attachments/c.pdf"] == 0o600
    assert modes[folder.name] == modes[f"{folder.name}/attachments"] == 0o700
    assert modes[f"{folder.name}.zip"] == 0o600
    with zipfile.ZipFile(out / f"{folder.name}.zip") as zf:
        assert {i.external_attr >> 16 for i in zf.infolist()} == {0o600}


def test_names_without_latin_letters_get_folders_of_their_own(cli, tmp_path) -> None:
    from endorse_cli.bundle.build import slug

    assert slug("王小明") != slug("李华") and slug("王小明").startswith("applicant-")
    assert slug("Иван Петров") != slug("Пётр Иванов")
    assert slug("Priya Natarajan") == "priya-natarajan"
    assert slug("A" * 300) == "a" * 60 + "-" + hashlib.sha256(b"A" * 300).hexdigest()[:8]
    out = tmp_path / "out"
    for name in ("王小明", "李华"):
        assert cli("bundle", str(_cert_portfolio(tmp_path / name, [], name=name)),
                   "--out", str(out), "--as-of", AS_OF, "--allow-missing").code == 0
    assert len([p for p in out.iterdir() if p.is_dir()]) == 2


def test_force_never_replaces_another_applicants_bundle(cli, tmp_path, monkeypatch) -> None:
    from endorse_cli.bundle import build

    monkeypatch.setattr(build, "slug", lambda name: "same")  # two names that meet
    out = tmp_path / "out"
    first = _cert_portfolio(tmp_path / "one", [], name="Ana One")
    second = _cert_portfolio(tmp_path / "two", [], name="Ana Two")
    assert cli("bundle", str(first), "--out", str(out), "--as-of", AS_OF).code == 0
    before = (out / "endorse-same-IFA" / "manifest.json").read_bytes()
    run = cli("bundle", str(second), "--out", str(out), "--as-of", AS_OF, "--force")
    assert run.code == 2
    assert "is the bundle of another applicant" in run.err
    assert (out / "endorse-same-IFA" / "manifest.json").read_bytes() == before
    assert cli("bundle", str(first), "--out", str(out), "--as-of", AS_OF, "--force").code == 0


@pytest.mark.parametrize("in_the_way", ["file", "link", "folder"])
def test_force_over_something_that_is_not_a_bundle(cli, tmp_path, in_the_way) -> None:
    out = tmp_path / "out"
    out.mkdir()
    place = out / NAME
    if in_the_way == "file":
        place.write_text("mine")
    elif in_the_way == "link":
        (tmp_path / "elsewhere").mkdir()
        place.symlink_to(tmp_path / "elsewhere")
    else:
        place.mkdir()
        (place / "notes.txt").write_text("mine")
    run = cli("bundle", str(EXAMPLES / "clinician.toml"), "--out", str(out), "--as-of", AS_OF,
              "--force")
    assert run.code == 2, run.err
    why = {"file": "is not a folder", "link": "is a symbolic link",
           "folder": "is not a bundle written by endorse"}[in_the_way]
    assert f"error: {place} {why}; --force replaces only a bundle" in run.err
    assert "Traceback" not in run.err


# -- the disk says no ----------------------------------------------------------------------


def test_out_is_a_plain_file(cli, tmp_path) -> None:
    (tmp_path / "out").write_text("a file")
    run = cli("bundle", str(EXAMPLES / "clinician.toml"), "--out", str(tmp_path / "out" / "x"),
              "--as-of", AS_OF)
    assert run.code == 1
    assert run.err.startswith(f"error: {tmp_path / 'out' / 'x'}: cannot write the bundle: "
                              "Not a directory")
    assert "fix: a plain file stands where a folder is needed" in run.err


@pytest.mark.parametrize(("code", "fix"), [
    (28, "free some space on that disk, or write somewhere else"),        # ENOSPC
    (30, "that disk is read-only: write somewhere else"),                # EROFS
    (13, "you may not do this there: check the permissions"),            # EACCES
])
def test_a_full_read_only_or_forbidden_disk_is_a_clear_error(cli, tmp_path, monkeypatch,
                                                             code, fix) -> None:
    out = tmp_path / "out"
    real = Path.write_bytes

    def refuse(self, data):
        if self.name == "summary.md":
            raise OSError(code, os.strerror(code), str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", refuse)
    run = cli("bundle", str(EXAMPLES / "clinician.toml"), "--out", str(out), "--as-of", AS_OF)
    assert run.code == 1
    assert run.err.startswith(f"error: {out}: cannot write the bundle: {os.strerror(code)}")
    assert f"fix: {fix}" in run.err
    assert list(out.iterdir()) == []  # nothing half written left behind


@pytest.fixture
def small_disk(tmp_path):
    """A real 64 KB disk (tmpfs), where the system allows mounting one; else skipped."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("mounting a small disk needs privileges this machine does not give")
    yield disk
    subprocess.run(["umount", str(disk)], check=False)


def test_a_real_full_then_read_only_disk(cli, small_disk) -> None:
    out = small_disk / "out"
    run = cli("bundle", str(EXAMPLES / "clinician.toml"), "--out", str(out), "--as-of", AS_OF)
    assert run.code == 1
    assert run.err == (f"error: {out}: cannot write the bundle: No space left on device\n"
                       "  fix: free some space on that disk, or write somewhere else\n")
    assert list(out.iterdir()) == []  # the half-built folder and zip are gone
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    run = cli("bundle", str(EXAMPLES / "clinician.toml"), "--out", str(small_disk / "o2"),
              "--as-of", AS_OF)
    assert run.code == 1
    assert run.err == (f"error: {small_disk / 'o2'}: cannot write the bundle: Read-only file "
                       "system\n  fix: that disk is read-only: write somewhere else\n")


def test_the_summary_page_shows_the_commands_of_its_sentences_as_code(cli, tmp_path) -> None:
    out = tmp_path / "b"
    run = cli("bundle", str(EXAMPLES / "home-visitor.toml"), "--as-of", AS_OF, "--out", str(out))
    assert run.code == 0, run.err
    page = (out / "endorse-jordan-rivera-IFS" / "summary.html").read_text(encoding="utf-8")
    assert "<code>endorse interview " in page
    assert "`endorse" not in page


def test_code_escapes_what_a_person_typed_and_sets_commands_as_code() -> None:
    from endorse_cli.render.html import code

    assert str(code("Add <b>Ana</b> with `endorse edit my.toml`")) == (
        "Add &lt;b&gt;Ana&lt;/b&gt; with <code>endorse edit my.toml</code>")


def test_the_pages_leave_out_a_pack_s_question_the_rules_in_force_never_asked(cli, tmp_path) -> None:
    """The default rules never ask whether a job was paid: the pages do not say it was."""
    out = tmp_path / "b"
    cli("bundle", str(EXAMPLES / "home-visitor.toml"), "--as-of", AS_OF, "--out", str(out))
    folder = out / "endorse-jordan-rivera-IFS"
    assert "Paid" not in (folder / "summary.md").read_text(encoding="utf-8")
    assert "paid" in (folder / "work.csv").read_text(encoding="utf-8").splitlines()[0]
    packed = tmp_path / "p"
    cli("bundle", str(EXAMPLES / "home-visitor.toml"), "--as-of", AS_OF, "--out", str(packed),
        "--rules", "imh-e-2025")
    summary = next(packed.glob("*/summary.md")).read_text(encoding="utf-8")
    assert "| Paid |" in summary


def test_a_stopped_bundle_s_leftovers_are_cleaned_by_the_next_run(cli, tmp_path) -> None:
    """A bundle killed part-way left its work folder and .zip.tmp in --out for good: copies of
    the applicant's data. The next bundle into that folder removes those over five minutes
    old (a fresh one may be another bundle's, at work now), whatever their age in name."""
    import time

    out = tmp_path / "out"
    out.mkdir()
    old, fresh = time.time() - 3600, time.time()
    leftovers = {  # as this version names them, and as versions before it did
        f".{NAME}.k2j4h1ab.tmp": old, f".{NAME}.k2j4h1ab.tmp.zip.tmp": old,
        f".{NAME}.x8y7z6w5": old, f".{NAME}.x8y7z6w5.zip.tmp": old,
        f".{NAME}.fresh123.tmp": fresh,
    }
    for name, when in leftovers.items():
        place = out / name
        if name.endswith(".zip.tmp"):
            place.write_bytes(b"PK")
        else:
            (place / "attachments").mkdir(parents=True)
            (place / "portfolio.toml").write_text("copy")
        os.utime(place, (when, when))
    (out / ".unrelated.tmp").write_text("not ours")
    os.utime(out / ".unrelated.tmp", (old, old))
    run = cli("bundle", str(EXAMPLES / "clinician.toml"), "--as-of", AS_OF, "--out", str(out))
    assert run.code == 0, run.err
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f".{NAME}.fresh123.tmp", ".unrelated.tmp", NAME, f"{NAME}.zip"])


def test_a_bundle_stopped_by_sigterm_removes_its_work_at_once(tmp_path) -> None:
    """SIGTERM in the middle of copying: the work folder and the .zip.tmp go with it."""
    import signal
    import sys
    import time

    script = (
        "import os, signal, sys, shutil\n"
        "from endorse_cli.bundle import build\n"
        "real = shutil.copyfileobj\n"
        "def slow(*a, **k):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    return real(*a, **k)\n"
        "build.shutil.copyfileobj = slow\n"
        "from endorse_cli.cli import main\n"
        "main(sys.argv[1:])\n")
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-c", script, "bundle", str(EXAMPLES / "clinician.toml"),
                          "--as-of", AS_OF, "--out", str(out)], capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 143, run.stderr
    assert "Traceback" not in run.stderr
    assert list(out.iterdir()) == []
# -- the RS/C logs to sign -----------------------------------------------------------------


def test_each_rsc_provider_gets_a_log_to_sign_listed_in_the_manifest(made) -> None:
    folder = made / NAME
    logs = sorted(p.name for p in folder.glob("rsc-log-*.html"))
    assert logs == ["rsc-log-dr-helen-cho.html"]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert "rsc-log-dr-helen-cho.html" in [f["path"] for f in manifest["files"]]
    assert "rsc-log-dr-helen-cho.html" in (folder / "SHA256SUMS").read_text(encoding="utf-8")
    page = (folder / "rsc-log-dr-helen-cho.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr><td class="n">(\d+)</td><td class="date">([^<]*)</td>'
                      r'<td class="n">([^<]*)</td><td>([^<]*)</td>', page)
    assert len(rows) == 26 and [int(r[0]) for r in rows] == list(range(1, 27))
    assert [r[1] for r in rows] == sorted(r[1] for r in rows)  # by date
    for text in ("Priya Natarajan", "IMHS Infant Mental Health Specialist", "Dr. Helen Cho",
                 "Provider&#39;s signature", "Endorsement® number", "Printed name"):
        assert text in page, text


LOG = '''\
format = 1
[applicant]
name = "Ana <b>Ruiz</b>"
target = "IFS"
[[supervision]]
date = 2025-01-10
hours = 1.5
provider = "Ana López"
provider_credential = "IMHM-C"
[[supervision]]
date = 2024-01-05
hours = 2
provider = "Ana Lopez"
format = "group"
[[supervision]]
date = 2025-03-01
hours = 1
provider = "Ana López"
provider_credential = "<i>IMHM</i>"
[[supervision]]
date = 2022-06-01
hours = 3
provider = "Ana López"
'''


def test_a_log_has_the_sessions_the_totals_and_the_best_window_escaped(cli, tmp_path) -> None:
    """Two providers whose names make the same file name get two logs; the one with three
    sessions has them by date, the totals by format, and the 24 months with the most hours
    (2024-01 to 2026 holds 2.5 of the 5.5 hours, 2022-06 holds 3): the engine's scan."""
    (tmp_path / "p.toml").write_text(LOG, encoding="utf-8")
    run = cli("bundle", str(tmp_path / "p.toml"), "--as-of", AS_OF, "--out", str(tmp_path))
    assert run.code == 0, run.err
    folder = tmp_path / "endorse-ana-b-ruiz-b-IFS"
    one = (folder / "rsc-log-ana-lopez.html").read_text(encoding="utf-8")
    two = (folder / "rsc-log-ana-lopez-2.html").read_text(encoding="utf-8")
    assert "<b>" not in one + two and "<i>" not in one
    assert "Ana &lt;b&gt;Ruiz&lt;/b&gt;" in one and "IMHM-C, &lt;i&gt;IMHM&lt;/i&gt;" in one
    assert "Ana López" in one and "Ana Lopez" in two and "Ana López" not in two
    dates = re.findall(r'<td class="date">([^<]*)</td>', one)
    assert dates == ["2022-06-01", "2025-01-10", "2025-03-01"]
    marks = re.findall(r"<td>(Individual|Group)</td><td>(✓?)</td>", one)
    assert marks == [("Individual", "✓"), ("Individual", ""), ("Individual", "")]
    assert "Total: 3 sessions, 5.5 hours in all.</strong> Individual: 5.5 hours." in one
    assert ("The 24 months with the most hours hold 3 hours in 1 session (<span "
            'class="date">2022-06-01</span>, marked in the last column).') in " ".join(one.split())
    assert "Total: 1 session, 2 hours in all.</strong> Group: 2 hours." in two
    assert "none given" in two


def test_a_logs_window_is_named_by_its_sessions_never_past_the_as_of_day(cli, tmp_path) -> None:
    """Sessions on the 8th of each month from 2025-04 to 2026-11, and one after the as-of day
    (2026-11-21): the window is named as `gaps` names it, by its first and last sessions
    (2025-04-08 to 2026-11-08, 20 sessions), not by the window's last day (2027-04-07), and the
    session after the as-of day is on the log but not counted in it."""
    lines = ['format = 1', '[applicant]', 'name = "Ana Ruiz"', 'target = "IFS"']
    days = [f"{2025 + (m + 3) // 12}-{(m + 3) % 12 + 1:02d}-08" for m in range(20)]
    for day in days + ["2026-12-01"]:
        lines += ["[[supervision]]", f"date = {day}", "hours = 1", 'provider = "Ana López"']
    (tmp_path / "p.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert days[0] == "2025-04-08" and days[-1] == "2026-11-08"
    run = cli("bundle", str(tmp_path / "p.toml"), "--as-of", AS_OF, "--out", str(tmp_path))
    assert run.code == 0, run.err
    page = " ".join((tmp_path / "endorse-ana-ruiz-IFS" / "rsc-log-ana-lopez.html").read_text(
        encoding="utf-8").split())
    assert ('The 24 months with the most hours hold 20 hours in 20 sessions (sessions <span '
            'class="date">2025-04-08</span> to <span class="date">2026-11-08</span>, marked in '
            "the last column).") in page
    assert "2027" not in page
    marks = re.findall(r'<td class="date">([^<]*)</td><td class="n">1</td><td>[^<]*</td>'
                       r"<td>(✓?)</td>", page)
    assert marks == [(day, "✓") for day in days] + [("2026-12-01", "")]


def test_a_log_in_spanish(cli, tmp_path) -> None:
    (tmp_path / "p.toml").write_text(LOG, encoding="utf-8")
    run = cli("bundle", str(tmp_path / "p.toml"), "--as-of", AS_OF, "--out", str(tmp_path),
              "--lang", "es")
    assert run.code == 0, run.err
    page = (tmp_path / "endorse-ana-b-ruiz-b-IFS" / "rsc-log-ana-lopez.html").read_text(
        encoding="utf-8")
    assert '<html lang="es">' in page
    assert "10 de enero de 2025" in page and "<td class=\"n\">1,5</td>" in page
    assert "Total: 3 sesiones, 5,5 horas en total." in page


def _many_sessions(path: Path, count: int) -> Path:
    """A portfolio with ``count`` sessions of one provider, every 10 days from 2024-01-03."""
    import datetime as dt

    lines = ['format = 1', '[applicant]', 'name = "Jordan Rivera"', 'target = "IFS"']
    day = dt.date(2024, 1, 3)
    for n in range(count):
        lines += ["[[supervision]]", f"date = {day + dt.timedelta(days=10 * n)}",
                  f"hours = {1.5 if n % 3 else 1}", 'provider = "Dr. Rosa Alvarez"',
                  f'format = "{"group" if n % 4 == 0 else "individual"}"']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _page_texts(pdf: bytes, tmp_path: Path, *, margins: bool = False) -> list[str]:
    """The text of each page of ``pdf``, as pdftotext lays it out; without what is printed in
    the page's margins (the names at its top, "Page x of y" at its foot) unless ``margins``."""
    (tmp_path / "log.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "log.pdf"), "-"],
                          capture_output=True, text=True, check=True, timeout=60).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    if margins:
        return pages
    bodies = []
    for page in pages:
        lines = [line for line in page.splitlines() if line.strip()]
        assert lines[0].strip().startswith("RS/C log to sign:"), page
        assert re.fullmatch(r"Page \d+ of \d+", lines[-1].strip()), page
        bodies.append("\n".join(lines[1:-1]))
    return bodies


#: A session's line on a printed page: its number, its date, its hours.
SESSION_LINE = re.compile(r"^\s*(\d+)\s+(20\d\d-\d\d-\d\d)\s+([\d.]+)\s+(Individual|Group)")


def test_the_log_prints_on_a4_and_letter_with_its_heading_on_every_page(cli, tmp_path) -> None:
    """66 sessions, printed by Chromium on A4 and on Letter: every session once, whole, on
    one line; the column headings at the top of every page that has sessions, never last on
    a page; the heading of the table never alone at the foot of a page, wherever the table
    starts (the space above it is made larger step by step, across a page's foot); the
    totals and the signature lines on the last page."""
    import base64

    from browser import Browser, chromium

    executable = chromium()
    if executable is None or shutil.which("pdftotext") is None:
        pytest.skip("no chromium or pdftotext here (.ci/run installs them)")
    path = _many_sessions(tmp_path / "p.toml", 66)
    assert cli("bundle", str(path), "--as-of", AS_OF, "--out", str(tmp_path)).code == 0
    page_url = (tmp_path / "endorse-jordan-rivera-IFS" / "rsc-log-dr-rosa-alvarez.html").as_uri()
    with Browser(executable, tmp_path / "profile") as browser:
        browser.open(page_url)
        for paper in ((8.27, 11.69), (8.5, 11)):  # A4, Letter
            def printed() -> list[str]:
                pdf = browser.page("Page.printToPDF", paperWidth=paper[0], paperHeight=paper[1],
                                   preferCSSPageSize=False)["data"]
                return _page_texts(base64.b64decode(pdf), tmp_path)

            pages = printed()
            assert len(pages) >= 2, paper
            seen = []
            for text in pages:
                lines = [line for line in text.splitlines() if line.strip()]
                numbers = [int(m[1]) for line in lines if (m := SESSION_LINE.match(line))]
                seen += numbers
                if numbers:
                    heading = next(i for i, line in enumerate(lines)
                                   if line.split()[:3] == ["No.", "Date", "Hours"])
                    assert SESSION_LINE.match(lines[heading + 1]), (paper, text)
                assert lines[-1].split()[:3] != ["No.", "Date", "Hours"], (paper, text)
            assert seen == list(range(1, 67)), paper
            assert "Provider's signature" in pages[-1] and "Total: 66 sessions" in pages[-1]

            # Push the table down across the foot of the first page, 12 pixels at a time.
            foot = browser.js("document.querySelector('table.sessions').getBoundingClientRect()"
                              ".top")
            room = paper[1] * 96 - 2 * 15 / 25.4 * 96  # the page less its margins, in pixels
            for step in range(8):
                spacer = room - foot - 60 + 12 * step
                browser.js("document.querySelector('h1').style.marginBottom = "
                           f"'{spacer:.0f}px'")
                first = [line for line in printed()[0].splitlines() if line.strip()]
                assert first[-1].strip() not in ("Sessions",), (paper, step)
                assert first[-1].split()[:3] != ["No.", "Date", "Hours"], (paper, step)
                assert not first[-1].strip().endswith("sign below."), (paper, step)
            browser.js("document.querySelector('h1').style.marginBottom = ''")


def test_the_signature_lines_never_print_without_sessions_and_every_page_names_both(
        cli, tmp_path) -> None:
    """36 to 60 sessions (the counts at which the totals and the signature lines once fell
    alone onto a last page, 48 on Letter and 54 on A4), printed on A4 and Letter: the page with
    the signature lines also has the last sessions; every page names the applicant and the
    provider and says "Page x of y"; the dates of the window's sentence stay on one line."""
    import base64

    from browser import Browser, chromium

    executable = chromium()
    if executable is None or shutil.which("pdftotext") is None:
        pytest.skip("no chromium or pdftotext here (.ci/run installs them)")
    with Browser(executable, tmp_path / "profile") as browser:
        for count in range(36, 61, 2):
            path = _many_sessions(tmp_path / f"p{count}.toml", count)
            out = tmp_path / str(count)
            assert cli("bundle", str(path), "--as-of", AS_OF, "--out", str(out)).code == 0
            browser.open((out / "endorse-jordan-rivera-IFS" / "rsc-log-dr-rosa-alvarez.html")
                         .as_uri())
            for paper in ((8.27, 11.69), (8.5, 11)):  # A4, Letter
                pdf = browser.page("Page.printToPDF", paperWidth=paper[0], paperHeight=paper[1],
                                   preferCSSPageSize=False)["data"]
                pages = _page_texts(base64.b64decode(pdf), tmp_path, margins=True)
                where = (count, paper)
                for n, text in enumerate(pages, 1):
                    lines = [line.strip() for line in text.splitlines() if line.strip()]
                    assert lines[0] == ("RS/C log to sign: Jordan Rivera with Dr. Rosa "
                                        "Alvarez"), (where, n, text)
                    assert lines[-1] == f"Page {n} of {len(pages)}", (where, n, text)
                signed = [text for text in pages if "Provider's signature" in text]
                assert len(signed) == 1 and signed[0] is pages[-1], where
                rows = [int(m[1]) for line in signed[0].splitlines()
                        if (m := SESSION_LINE.match(line))]
                assert rows[-3:] == [count - 2, count - 1, count], (where, signed[0])
                window = re.search(r"\(sessions (\S+) to (\S+), marked", " ".join(
                    signed[0].split()))
                assert window is not None and all(re.fullmatch(r"20\d\d-\d\d-\d\d", day)
                                                  for day in window.groups()), where
