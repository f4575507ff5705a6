"""`endorse bundle`: one folder and one zip holding all a coordinator needs, built whole.

The folder is built in a temporary folder beside its place and renamed into place at the end,
so a failure leaves nothing half written. The zip is reproducible: the same portfolio, rules
and as-of date give the same bytes (sorted entries, fixed times and modes).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import stat
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import BundleError, PortfolioError, Terminated, UsageError, os_problem  # BundleError: also from here
from ..i18n import ENGLISH, Language
from ..render.json_out import inert
from ..io.locking import clean_leftovers
from ..io.rules_file import shipped
from ..io.tomlfile import Loaded
from ..model.files import DEFAULT_PORTFOLIO
from ..model.message import Joined, Message, N_
from ..model import portfolio as portfolio_model
from ..model.portfolio import Portfolio
from ..model.results import Assessment, CredentialResult
from ..model.rules import Rules
from ..render.rows import csv_writer
from . import content

#: The time every zip entry carries (the zip format cannot go earlier).
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


#: The longest applicant part of a bundle's name, in characters (a file name has 255 bytes).
SLUG_MAX = 60
#: A certificate larger than this (in bytes) is refused: a scan of a page is far smaller.
CERTIFICATE_MAX = portfolio_model.CERTIFICATE_MAX


def slug(name: str) -> str:
    """The applicant's part of the bundle's name: Latin letters and digits. A name with few
    Latin letters (Chinese, Cyrillic...) or cut short gets a short hash of the whole name, so
    that two applicants never share a folder."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    plain = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    letters = sum(c.isalpha() for c in name)
    if plain and len(plain) <= SLUG_MAX and len(re.sub(r"[^a-z]", "", plain)) >= letters / 2:
        return plain
    digest = hashlib.sha256(name.strip().encode("utf-8")).hexdigest()[:8]
    short = plain[:SLUG_MAX].strip("-")
    return f"{short}-{digest}" if short else f"applicant-{digest}"


def rsc_log_names(logs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each provider's log to sign under its file name, ``rsc-log-ana-lopez.html``: two
    providers whose names make the same name (Ana Lopez, Ana López) get ``-2``, ``-3``..."""
    named: dict[str, dict[str, Any]] = {}
    for log in logs:
        base = f"rsc-log-{slug(log['provider'])}"
        name, n = f"{base}.html", 1
        while name in named:
            n += 1
            name = f"{base}-{n}.html"
        named[name] = log
    return named


def csv_text(section: str, portfolio: Portfolio) -> str:
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow([key for key, _ in content.COLUMNS[section]])
    for row in content.rows(portfolio, section):
        writer.writerow(row)
    return out.getvalue()


def attachments(loaded: Loaded[Portfolio], folder: Path) -> tuple[dict[str, Path],
                                                                  list[Message]]:
    """The certificate files to copy ({name in the bundle: file}), and the missing ones.

    Only regular files inside the portfolio's folder are taken, each under its place relative
    to the folder once resolved (``certs/../c.pdf`` is ``c.pdf``): an absolute path, a path
    that leaves the folder, a symbolic link, a hard link (the same file may have a name
    outside the folder) or a file over :data:`CERTIFICATE_MAX` is refused, naming the entry.
    """
    found: dict[str, Path] = {}
    missing: list[str] = []
    root = folder.resolve()
    for i, course in enumerate(loaded.value.training):
        if not course.certificate:
            continue
        where = ("training", i, "certificate")
        given = Path(course.certificate)
        path = Path(os.path.normpath(folder.absolute() / given))  # certs/../c.pdf is c.pdf
        written = folder.absolute() / given
        refuse = None
        file = repr(course.certificate)
        if given.is_absolute() or given.drive or given.root:
            refuse = Message(N_("the certificate {file} is an absolute path"), file=file)
        elif not os.path.normpath(root / given).startswith(str(root) + os.sep):
            refuse = Message(N_("the certificate {file} leaves the portfolio's folder"), file=file)
        elif any(p.is_symlink() for p in [path, *path.parents, written, *written.parents]
                 if p.is_relative_to(folder.absolute()) and p != folder.absolute()):
            refuse = Message(N_("the certificate {file} is a symbolic link"), file=file)
        elif path.exists() and not path.is_file():
            refuse = Message(N_("the certificate {file} is a folder") if path.is_dir() else
                             N_("the certificate {file} is not a plain file (a pipe or a "
                                "device?)"), file=file)
        elif path.is_file():
            info = path.stat()
            if info.st_nlink > 1:
                refuse = Message(N_("the certificate {file} is a hard link (the same file may "
                                    "have another name outside the folder)"), file=file)
            elif info.st_size > CERTIFICATE_MAX:
                refuse = Message(N_("the certificate {file} is {size} MB, more than the {most} "
                                    "MB a certificate can be"),
                                 file=file, size=float(round(info.st_size / 1e6)),
                                 most=CERTIFICATE_MAX // 2**20)
        if refuse:  # the entry by its number from 1, title and date, never a key path
            raise PortfolioError(
                N_("training {number}, {title}, {date}: {refusal}; only files inside the "
                   "portfolio's folder are bundled"), file=loaded.name,
                line=loaded.line_of(where), number=i + 1, title=course.title,
                date=course.date.isoformat(), refusal=refuse,
                fix=Message(N_("put a copy of the file (a plain file, not a link) in the "
                               "portfolio's folder and name it relatively")))
        if not path.is_file():
            missing.append(Message(N_("{file} (training {number}, {title}, {date}; line "
                                      "{line})"), file=course.certificate, number=i + 1,
                                   title=course.title, date=course.date.isoformat(),
                                   line=loaded.line_of(where)))
            continue
        inside = Path(os.path.normpath(root / given)).relative_to(root).as_posix()
        found[inside] = path
    return found, missing


def _environment(templates: Path | None, language: Language = ENGLISH) -> Any:
    import jinja2

    from ..render.html import shown
    from ..render.rows import md_cell

    folders = [str(templates)] if templates else []
    folders.append(str(shipped("templates")))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2")),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        finalize=shown,  # control characters and bidi overrides written out, on every page
    )
    env.filters["md"] = md_cell
    env.filters["cell"] = md_cell
    env.filters["prose"] = _prose
    from ..render.html import code

    env.filters["code"] = code  # the tool's sentences: commands as <code>
    # The reader's language: _() and ngettext() as in the code, `lang` for <html lang>, and
    # the filters `day` (a date as people read it) and `number` (1,5 in Spanish).
    env.globals.update(_=language.gettext, ngettext=language.ngettext, lang=language.code)
    env.filters["day"] = lambda value: language.day(
        dt.date.fromisoformat(value) if isinstance(value, str) else value)
    env.filters["number"] = language.number
    # For the printed page's margins: a text as a CSS string, and "page x of y".
    env.filters["css_string"] = css_string
    env.filters["nowrap"] = content.nowrap
    env.globals["page_of"] = page_of(language)
    return env


def css_string(text: object) -> Any:
    """``text`` as a CSS string, safe inside <style>: every character but ASCII letters and
    digits as a six-digit escape (a space too: one after an escape would be taken as its end)."""
    from markupsafe import Markup

    return Markup('"{}"'.format("".join(
        c if c.isascii() and c.isalnum() else f"\\{ord(c):06X}"
        for c in str(text))))


def page_of(language: Language) -> Any:
    """CSS content for "page x of y" in ``language``: its words around the page counters."""
    from markupsafe import Markup

    counters = {"{page}": "counter(page)", "{pages}": "counter(pages)"}
    words = language.gettext("Page {page} of {pages}")
    return Markup(" ".join(counters.get(piece) or css_string(piece)
                           for piece in re.split(r"(\{pages?\})", words) if piece))


def _prose(text: object) -> str:
    """One of the tool's sentences in Markdown: escaped as ``md`` escapes, but the commands
    it names stay code (`` `endorse gaps` ``), as `gaps --format markdown` writes them."""
    from ..render.markdown import prose
    from ..render.terminal import printable

    return prose(printable(str(text), keep="\r\n"))


def _render(env: Any, name: str, data: dict[str, Any]) -> str:
    import jinja2

    try:
        return env.get_template(name).render(**data)
    except jinja2.TemplateSyntaxError as exc:
        raise BundleError(N_("template {template}, line {line}: {reason}"),
                          fix=N_("correct the template, or leave out --templates"),
                          template=exc.filename or exc.name, line=exc.lineno,
                          reason=exc.message) from None
    except jinja2.TemplateError as exc:
        import traceback

        frames = [f for f in traceback.extract_tb(exc.__traceback__)
                  if f.filename.endswith(".j2")]
        if frames:
            raise BundleError(N_("template {template}, line {line}: {reason}"),
                              fix=N_("correct the template, or leave out --templates"),
                              template=frames[-1].filename, line=frames[-1].lineno,
                              reason=str(exc)) from None
        raise BundleError(N_("template {template}: {reason}"),
                          fix=N_("correct the template, or leave out --templates"),
                          template=name, reason=str(exc)) from None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _sha256_file(path: Path) -> tuple[int, str]:
    """The size and SHA-256 of a file, read in pieces."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as file:
        while piece := file.read(1 << 20):
            digest.update(piece)
            size += len(piece)
    return size, digest.hexdigest()


def _safe_name(name: str) -> str:
    """A name inside the bundle: relative, without ``..`` (checked again, whatever built it)."""
    parts = name.replace("\\", "/").split("/")  # a backslash is a folder to a Windows unzip
    if name.startswith(("/", "\\")) or any(p in ("", ".", "..") for p in parts):
        raise BundleError(N_("{name} cannot be a name inside the bundle"),
                          fix=N_("rename the certificate file to a plain relative name"),
                          name=repr(name))
    return name


def sums_line(digest: str, name: str) -> str:
    """One line of SHA256SUMS, as sha256sum writes it: a name holding a backslash, a newline
    or a carriage return is escaped, and the line starts with a backslash."""
    if any(c in name for c in "\\\n\r"):
        escaped = name.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
        return f"\\{digest}  {escaped}\n"
    return f"{digest}  {name}\n"


def _replaceable(place: Path, applicant: str, kind: str) -> Message | None:
    """Why ``place`` may not be replaced by --force, or None when it may: only an endorse
    bundle (folder or zip) of the same applicant is replaced."""
    if place.is_symlink():
        return Message(N_("{place} is a symbolic link"), place=str(place))
    if kind == "folder":
        if not place.is_dir():
            return Message(N_("{place} is not a folder"), place=str(place))
        try:
            manifest = json.loads((place / "manifest.json").read_text(encoding="utf-8"))
            owner = manifest["applicant"]
        except (OSError, ValueError, KeyError, TypeError):
            return Message(N_("{place} is not a bundle written by endorse"), place=str(place))
        if owner != applicant:
            return Message(N_("{place} is the bundle of another applicant"), place=str(place))
        return None
    if not place.is_file():
        return Message(N_("{place} is not a file"), place=str(place))
    try:
        with zipfile.ZipFile(place) as zf:
            manifest = json.loads(zf.read(f"{place.name[:-4]}/manifest.json"))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        return Message(N_("{place} is not a bundle written by endorse"), place=str(place))
    if not isinstance(manifest, dict) or manifest.get("applicant") != applicant:
        return Message(N_("{place} is the bundle of another applicant"), place=str(place))
    return None


def build(loaded: Loaded[Portfolio], source: Path, original: bytes, rules: Rules,
          rules_source: tuple[str, bytes],
          result: Assessment, chosen: CredentialResult, why: str, *, out: Path,
          templates: Path | None, force: bool, allow_missing: bool,
          language: Language = ENGLISH) -> tuple[Path, Path, list[str]]:
    """Write the bundle folder and zip; return their paths and the notes to show.

    ``original`` is the portfolio file's bytes as read for judging, copied as they are.
    """
    applicant = loaded.value.applicant.name
    name = f"endorse-{slug(applicant)}-{chosen.id}"
    folder, archive = out / name, out / f"{name}.zip"
    there = [p for p in (folder, archive) if p.exists() or p.is_symlink()]
    if there and not force:
        raise UsageError(N_("{folder} or its zip exists already; nothing was overwritten"),
                         fix=N_("add --force to replace them, or choose another --out"),
                         folder=str(folder))
    for place, kind in ((folder, "folder"), (archive, "zip")):
        if place in there and (why_not := _replaceable(place, applicant, kind)):
            raise UsageError(N_("{refusal}; --force replaces only a bundle of the same "
                                "applicant, so nothing was overwritten"),
                             fix=N_("move it away, or choose another --out"), refusal=why_not)
    found, missing = attachments(loaded, source.parent)
    notes = []
    if missing and not allow_missing:
        raise BundleError(N_("certificate files are missing: {files}"),
                          fix=N_("put them in place, or add --allow-missing to bundle without "
                                 "them"), files=Joined(missing, "; "))
    notes += [language.gettext("missing certificate: {file}").format(file=m.say(language))
              for m in missing]

    data = content.context(loaded.value, rules, result, chosen, why,
                           attachments=sorted(found), missing=missing, version=__version__,
                           file_name=source.name, language=language)
    logs = rsc_log_names(data["rsc_logs"])
    data["rsc_logs"] = [{**log, "file": file_name} for file_name, log in logs.items()]
    env = _environment(templates, language)
    files: dict[str, bytes] = {
        "summary.html": _render(env, "summary.html.j2", data).encode(),
        "summary.md": _render(env, "summary.md.j2", data).encode(),
        "checklist.md": _render(env, "checklist.md.j2", data).encode(),
        DEFAULT_PORTFOLIO: original,  # the very bytes that were judged, read by a command run here
    }
    for section, file_name in content.CSV_NAMES.items():
        files[file_name] = csv_text(section, loaded.value).encode()
    for file_name, log in logs.items():
        files[file_name] = _render(env, "rsc-log.html.j2", {**data, "log": log}).encode()
    copies = {_safe_name(f"attachments/{inside}"): path for inside, path in found.items()}
    sizes = {path: (len(body), _sha256(body)) for path, body in files.items()}
    try:
        sizes.update({inside: _sha256_file(path) for inside, path in copies.items()})
    except OSError as exc:
        raise os_problem(exc, "read a certificate") from None
    rules_name, rules_bytes = rules_source
    manifest = {
        "format": 1,
        "tool": f"endorse {__version__}",
        "applicant": applicant,
        "credential": chosen.id,
        "as_of": result.as_of.isoformat(),
        "rules": {"name": rules_name, "sha256": _sha256(rules_bytes)},
        "files": [{"path": path, "size": size, "sha256": digest}
                  for path, (size, digest) in sorted(sizes.items())],
    }
    files["manifest.json"] = (inert(json.dumps(manifest, indent=2, ensure_ascii=False))
                              + "\n").encode()
    sizes["manifest.json"] = (0, _sha256(files["manifest.json"]))
    files["SHA256SUMS"] = "".join(sums_line(digest, path)
                                  for path, (_, digest) in sorted(sizes.items())).encode()

    # The bundle is as private as the portfolio: a file only its owner reads stays so.
    file_mode = stat.S_IMODE(source.stat().st_mode) & 0o666 | 0o600
    folder_mode = file_mode | (file_mode & 0o444) >> 2
    everything = sorted([*files, *copies])
    try:
        out.mkdir(parents=True, exist_ok=True)
        clean_leftovers(folder, folders=True)  # what a bundle stopped for good left behind
        work = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".tmp", dir=out))
    except OSError as exc:
        raise os_problem(exc, "write the bundle", out) from None
    zipped = Path(str(work) + ".zip.tmp")
    with _stopped_by_sigterm():
        _write(work, zipped, folder, archive, name, files, copies, everything, file_mode,
               folder_mode, out)
    return folder, archive, notes


@contextmanager
def _stopped_by_sigterm() -> Iterator[None]:
    """SIGTERM while the bundle is written raises :class:`Terminated`, so that the work folder
    and the .zip.tmp are removed before the exit (a SIGKILL's are cleaned by the next run)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Terminated(N_("stopped (SIGTERM); no bundle was written"))

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _write(work: Path, zipped: Path, folder: Path, archive: Path, name: str,
           files: dict[str, bytes], copies: dict[str, Path], everything: list[str],
           file_mode: int, folder_mode: int, out: Path) -> None:
    """Write the bundle into ``work`` and ``zipped``, then move them in place of ``folder``
    and ``archive``; on any stop, remove both."""
    try:
        for path in everything:
            target = work / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if path in files:
                target.write_bytes(files[path])
            else:
                shutil.copyfile(copies[path], target)  # in pieces, never whole in memory
            os.chmod(target, file_mode)
        with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in everything:
                info = zipfile.ZipInfo(f"{name}/{path}", date_time=ZIP_TIME)
                info.external_attr = file_mode << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                with zf.open(info, "w") as entry, (work / path).open("rb") as body:
                    shutil.copyfileobj(body, entry, 1 << 20)
        with zipped.open("rb+") as written:
            os.fsync(written.fileno())
        os.chmod(zipped, file_mode)
        for place in [work, *(p for p in work.rglob("*") if p.is_dir())]:
            os.chmod(place, folder_mode)
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(work, folder)
        os.replace(zipped, archive)
    except BaseException as exc:
        shutil.rmtree(work, ignore_errors=True)
        zipped.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise os_problem(exc, "write the bundle", out) from None
        raise
