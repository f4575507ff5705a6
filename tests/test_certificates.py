"""Certificate files: checked when named, copied in from elsewhere, and warned about by
`endorse validate` when they are not where the portfolio says."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from conftest import EXAMPLES

from endorse_cli.interview.certificates import copy_in, place
from endorse_cli.render.sentences import ordinal
from endorse_cli.model.portfolio import Training


def test_place_names_a_file_inside_the_folder_relatively(tmp_path, monkeypatch) -> None:
    portfolio = tmp_path / "p.toml"
    (tmp_path / "certs").mkdir()
    (tmp_path / "certs" / "a.pdf").write_bytes(b"a")
    monkeypatch.chdir(tmp_path)
    assert place("certs/a.pdf", portfolio) == (tmp_path / "certs" / "a.pdf", "certs/a.pdf")
    assert place(str(tmp_path / "certs" / "a.pdf"), portfolio)[1] == "certs/a.pdf"
    monkeypatch.chdir(tmp_path / "certs")
    assert place("a.pdf", portfolio)[1] == "certs/a.pdf"  # from where it is typed
    assert place("../certs/a.pdf", portfolio)[1] == "certs/a.pdf"


def test_place_refuses_what_is_not_a_file_and_flags_what_is_outside(tmp_path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    portfolio = folder / "p.toml"
    (tmp_path / "out.pdf").write_bytes(b"x")
    with pytest.raises(ValueError, match="^there is no file nothere.pdf; check the name"):
        place("nothere.pdf", portfolio)
    with pytest.raises(ValueError, match="is a folder"):
        place(str(folder), portfolio)
    assert place(str(tmp_path / "out.pdf"), portfolio) == (tmp_path / "out.pdf", None)
    (folder / "link.pdf").symlink_to(tmp_path / "out.pdf")  # the bundle refuses links
    assert place(str(folder / "link.pdf"), portfolio)[1] is None


def test_copy_in_never_replaces_a_different_file_of_the_same_name(tmp_path) -> None:
    portfolio = tmp_path / "mine" / "p.toml"
    portfolio.parent.mkdir()
    one, two = tmp_path / "a" / "cert.pdf", tmp_path / "b" / "cert.pdf"
    for file, data in ((one, b"one"), (two, b"two")):
        file.parent.mkdir()
        file.write_bytes(data)
    assert copy_in(one, portfolio) == "certificates/cert.pdf"
    assert copy_in(one, portfolio) == "certificates/cert.pdf"  # the same file: once
    assert copy_in(two, portfolio) == "certificates/cert-2.pdf"
    folder = portfolio.parent / "certificates"
    assert sorted(p.name for p in folder.iterdir()) == ["cert-2.pdf", "cert.pdf"]
    assert (folder / "cert.pdf").read_bytes() == b"one"


@pytest.mark.parametrize(("n", "text"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"),
                                         (11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"),
                                         (102, "102nd"), (111, "111th")])
def test_ordinal(n, text) -> None:
    assert ordinal(n) == text


def test_validate_warns_about_certificates_the_bundle_could_not_take(cli, tmp_path) -> None:
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    (tmp_path / "certs").mkdir()
    (tmp_path / "certs" / "here.pdf").write_bytes(b"pdf")
    for title, file in (("Here", "certs/here.pdf"), ("Gone", "certs/gone.pdf"),
                        ("Away", "../away.pdf")):
        assert cli("add", "training", str(path), "--title", title, "--date", "2026-01-05",
                   "--hours", "1", "--certificate", "certs/here.pdf").code == 0
        text = path.read_text(encoding="utf-8")
        at = text.rindex('certificate = "certs/here.pdf"')
        path.write_text(text[:at] + f'certificate = "{file}"' + text[at + 30:], encoding="utf-8")
    run = cli("validate", str(path))
    assert run.code == 0, run.err  # valid: a warning, not an error
    assert run.out.splitlines()[1].split(None, 2)[1:] == [
        "valid", "warning: your 7th training, Gone, 2026-01-05: the certificate file "
        "certs/gone.pdf is missing; put it there, or name another with `endorse edit`; "
        "your 8th training, Away, 2026-01-05: the certificate ../away.pdf is outside the "
        "portfolio's folder; name it again with `endorse edit` to copy it in"]
    assert run.out.splitlines()[-1] == (
        "Validated 1 portfolio: 1 valid, 0 invalid; 1 with certificate files to see to.")


def test_problems_is_quiet_when_every_certificate_is_there(tmp_path) -> None:
    from endorse_cli.interview.certificates import problems

    (tmp_path / "c.pdf").write_bytes(b"")
    course = Training(title="T", date=dt.date(2025, 1, 1), hours=1, certificate="c.pdf")
    assert problems(tmp_path / "p.toml", [course, Training(title="U", date=dt.date(2025, 1, 1),
                                                           hours=1)]) == []


def test_add_refuses_a_certificate_over_the_bundle_s_limit(cli, tmp_path, monkeypatch) -> None:
    """`add` copied a 2 GB file that `bundle` then refused: the limit is told when it is named."""
    from endorse_cli.model import portfolio as model

    monkeypatch.setattr(model, "CERTIFICATE_MAX", 1024)
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    before = path.read_bytes()
    (tmp_path / "big.pdf").write_bytes(b"x" * 2048)
    elsewhere = tmp_path / "other"
    elsewhere.mkdir()
    (elsewhere / "far.pdf").write_bytes(b"x" * 4096)
    for given in ("big.pdf", str(elsewhere / "far.pdf")):
        run = cli("add", "training", str(path), "--title", "Big", "--date", "2026-01-05",
                  "--hours", "1", "--certificate", given)
        assert run.code == 2, run.err
        assert "more than the 0 MB a certificate can be" in run.err, run.err
    assert path.read_bytes() == before
    assert not (tmp_path / "certificates").exists()  # nothing copied in


def test_a_pipe_named_as_a_certificate_is_called_so_not_missing(cli, tmp_path) -> None:
    import os

    path = tmp_path / "p.toml"
    path.write_text('format = 1\n[applicant]\nname = "Ana"\n[[training]]\ntitle = "T"\n'
                    'date = 2024-01-01\nhours = 1\ncertificate = "pipe.pdf"\n', encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.pdf")
    run = cli("bundle", str(path), "--out", str(tmp_path / "out"))
    assert run.code == 1
    assert "the certificate 'pipe.pdf' is not a plain file (a pipe or a device?)" in run.err
    assert "missing" not in run.err
    run = cli("validate", str(path))
    assert "pipe.pdf is not a plain file" in run.out and "missing" not in run.out, run.out
    run = cli("add", "training", str(path), "--title", "P", "--date", "2024-01-01", "--hours",
              "1", "--certificate", "pipe.pdf")
    assert run.code == 2 and "pipe.pdf is not a plain file" in run.err, run.err


def test_a_backslash_in_a_certificate_s_name_is_bundled_and_escaped_in_the_sums(cli,
                                                                                 tmp_path) -> None:
    """The README says SHA256SUMS escapes a backslash: the bundle refused such a name."""
    import zipfile

    path = tmp_path / "p.toml"
    path.write_text('format = 1\n[applicant]\nname = "Ana"\n[[training]]\ntitle = "T"\n'
                    'date = 2024-01-01\nhours = 1\ncertificate = "a\\\\b.pdf"\n',
                    encoding="utf-8")
    (tmp_path / "a\\b.pdf").write_bytes(b"%PDF")
    run = cli("bundle", str(path), "--out", str(tmp_path / "out"), "--as-of", "2026-11-21")
    assert run.code == 0, run.err
    folder = next(p for p in (tmp_path / "out").iterdir() if p.is_dir())
    assert (folder / "attachments" / "a\\b.pdf").read_bytes() == b"%PDF"
    assert "\\" + "" in (folder / "SHA256SUMS").read_text()
    line = next(x for x in (folder / "SHA256SUMS").read_text().splitlines() if "b.pdf" in x)
    assert line.startswith("\\") and line.endswith("  attachments/a\\\\b.pdf")
    with zipfile.ZipFile(next((tmp_path / "out").glob("*.zip"))) as zf:
        assert f"{folder.name}/attachments/a\\b.pdf" in zf.namelist()


@pytest.mark.parametrize("name", ["..\\..\\evil.pdf", "a\\..\\..\\b.pdf"])
def test_a_backslash_never_makes_a_way_out_of_the_bundle(name) -> None:
    """A Windows unzip takes a backslash as a folder: no part may be `..` either way."""
    from endorse_cli.bundle.build import _safe_name
    from endorse_cli.errors import BundleError

    with pytest.raises(BundleError):
        _safe_name(f"attachments/{name}")
