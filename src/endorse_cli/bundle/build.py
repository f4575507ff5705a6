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
import tempfile
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import EndorseError, PortfolioError, UsageError
from ..i18n import ENGLISH, Language
from ..io.rules_file import shipped
from ..io.tomlfile import Loaded
from ..model.portfolio import Portfolio
from ..model.results import Assessment, CredentialResult
from ..model.rules import Rules
from . import content

#: The time every zip entry carries (the zip format cannot go earlier).
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class BundleError(EndorseError):
    """A bundle that cannot be made as asked (missing or unsafe attachments, a template)."""


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "applicant"


def _neutral(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def csv_text(section: str, portfolio: Portfolio) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([key for key, _ in content.COLUMNS[section]])
    for row in content.rows(portfolio, section):
        writer.writerow([_neutral(cell) for cell in row])
    return out.getvalue()


def attachments(loaded: Loaded[Portfolio], folder: Path) -> tuple[dict[str, Path], list[str]]:
    """The certificate files to copy ({name in the bundle: file}), and the missing ones.

    Only regular files inside the portfolio's folder are taken: an absolute path, a path that
    leaves the folder, or a symbolic link is refused, naming the entry.
    """
    found: dict[str, Path] = {}
    missing: list[str] = []
    root = folder.resolve()
    for i, course in enumerate(loaded.value.training):
        if not course.certificate:
            continue
        where = f"training[{i}].certificate"
        given = Path(course.certificate)
        refuse = None
        if given.is_absolute():
            refuse = "is an absolute path"
        elif ".." in given.parts and not (root / given).resolve().is_relative_to(root):
            refuse = "leaves the portfolio's folder"
        path = folder / given
        if refuse is None and any(p.is_symlink() for p in [path, *path.parents]
                                  if p.is_relative_to(folder) and p != folder):
            refuse = "is a symbolic link"
        if refuse:
            raise loaded.problem(PortfolioError, ("training", i, "certificate"),
                                 f"the certificate {course.certificate!r} {refuse}; only files "
                                 "inside the portfolio's folder are bundled",
                                 "move the file next to the portfolio and name it relatively")
        if not path.is_file():
            missing.append(f"{course.certificate} ({where}, line {loaded.line_of(('training', i, 'certificate'))})")
            continue
        found[given.as_posix()] = path
    return found, missing


def _environment(templates: Path | None, language: Language = ENGLISH) -> Any:
    import jinja2

    from ..render.markdown import esc

    folders = [str(templates)] if templates else []
    folders.append(str(shipped("templates")))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2")),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["md"] = esc
    env.filters["cell"] = lambda text: esc(text)
    # The reader's language: _() and ngettext() as in the code, `lang` for <html lang>, and
    # the filters `day` (a date as people read it) and `number` (1,5 in Spanish).
    env.globals.update(_=language.gettext, ngettext=language.ngettext, lang=language.code)
    env.filters["day"] = lambda value: language.day(
        dt.date.fromisoformat(value) if isinstance(value, str) else value)
    env.filters["number"] = language.number
    return env


def _render(env: Any, name: str, data: dict[str, Any]) -> str:
    import jinja2

    try:
        return env.get_template(name).render(**data)
    except jinja2.TemplateSyntaxError as exc:
        raise BundleError(f"template {exc.filename or exc.name}, line {exc.lineno}: {exc.message}",
                          fix="correct the template, or leave out --templates") from None
    except jinja2.TemplateError as exc:
        import traceback

        frames = [f for f in traceback.extract_tb(exc.__traceback__)
                  if f.filename.endswith(".j2")]
        place = f"template {frames[-1].filename}, line {frames[-1].lineno}" if frames \
            else f"template {name}"
        raise BundleError(f"{place}: {exc}",
                          fix="correct the template, or leave out --templates") from None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build(loaded: Loaded[Portfolio], source: Path, original: bytes, rules: Rules,
          rules_source: tuple[str, bytes],
          result: Assessment, chosen: CredentialResult, why: str, *, out: Path,
          templates: Path | None, force: bool, allow_missing: bool,
          language: Language = ENGLISH) -> tuple[Path, Path, list[str]]:
    """Write the bundle folder and zip; return their paths and the notes to show.

    ``original`` is the portfolio file's bytes as read for judging, copied as they are.
    """
    name = f"endorse-{slug(loaded.value.applicant.name)}-{chosen.id}"
    folder, archive = out / name, out / f"{name}.zip"
    if (folder.exists() or archive.exists()) and not force:
        raise UsageError(f"{folder} or its zip exists already; nothing was overwritten",
                         fix="add --force to replace them, or choose another --out")
    found, missing = attachments(loaded, source.parent)
    notes = []
    if missing and not allow_missing:
        raise BundleError("certificate files are missing: " + "; ".join(missing),
                          fix="put them in place, or add --allow-missing to bundle without them")
    notes += [f"missing certificate: {m}" for m in missing]

    data = content.context(loaded.value, rules, result, chosen, why,
                           attachments=sorted(found), missing=missing, version=__version__,
                           file_name=source.name, language=language)
    env = _environment(templates, language)
    files: dict[str, bytes] = {
        "summary.html": _render(env, "summary.html.j2", data).encode(),
        "summary.md": _render(env, "summary.md.j2", data).encode(),
        "checklist.md": _render(env, "checklist.md.j2", data).encode(),
        "portfolio.toml": original,  # the very bytes that were judged
    }
    for section, file_name in content.CSV_NAMES.items():
        files[file_name] = csv_text(section, loaded.value).encode()
    for inside, path in found.items():
        files[f"attachments/{inside}"] = path.read_bytes()
    rules_name, rules_bytes = rules_source
    manifest = {
        "format": 1,
        "tool": f"endorse {__version__}",
        "applicant": loaded.value.applicant.name,
        "credential": chosen.id,
        "as_of": result.as_of.isoformat(),
        "rules": {"name": rules_name, "sha256": _sha256(rules_bytes)},
        "files": [{"path": path, "size": len(body), "sha256": _sha256(body)}
                  for path, body in sorted(files.items())],
    }
    files["manifest.json"] = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode()
    files["SHA256SUMS"] = "".join(f"{_sha256(body)}  {path}\n"
                                  for path, body in sorted(files.items())).encode()

    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=out))
    try:
        for path, body in files.items():
            target = work / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(body)
            os.chmod(target, 0o644)
        zipped = Path(str(work) + ".zip.tmp")
        with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(files):
                info = zipfile.ZipInfo(f"{name}/{path}", date_time=ZIP_TIME)
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, files[path])
        for place in [work, *(p for p in work.rglob("*") if p.is_dir())]:
            os.chmod(place, 0o755)  # a folder anyone it is shared with can open
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(work, folder)
        os.replace(zipped, archive)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        Path(str(work) + ".zip.tmp").unlink(missing_ok=True)
        raise
    return folder, archive, notes
