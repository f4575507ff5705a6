"""`endorse bundle`: the submission bundle of one portfolio (jinja2 loads only here)."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import PortfolioError, UsageError
from ..i18n import N_
from ..io.portfolio_file import parse_portfolio
from ..io.rules_file import default_rules_path, resolve_rules
from ..io.tomlfile import decode, read_bytes
from .context import Application


def bundle(app: Application, file: str | None, *, credential: str | None, out: Path | None,
           templates: Path | None, force: bool, allow_missing: bool) -> None:
    from ..bundle.build import build

    rules = app.rules
    named = app.credential(credential)  # a misspelt id is reported before anything is read
    path = app.portfolio(file)
    original = read_bytes(path, PortfolioError, str(path))  # read once: judged and bundled
    loaded = parse_portfolio(decode(original, PortfolioError, str(path)), name=str(path))
    judged = app.judge(loaded, credential=named)
    result, picked, why = judged.assessment, judged.checklist, judged.why
    source = resolve_rules(app.rules_file) or default_rules_path()
    name = str(app.rules_file) if app.rules_file else "data/credentials.toml"
    if templates is not None and not templates.is_dir():
        raise UsageError(N_("--templates {folder} is not a folder"),
                         fix=N_("name a folder of templates like the shipped templates/"),
                         folder=repr(str(templates)))
    folder, archive, notes = build(
        loaded, path, original, rules, (name, source.read_bytes()), result, picked, why,
        out=out or Path.cwd(), templates=templates, force=force, allow_missing=allow_missing,
        language=app.language)
    for note in notes:
        app.terminal.message(note, label="warning", style="33")
    app.terminal.message(app.language.gettext("{folder} and {archive}").format(
        folder=f"{folder}{os.sep}", archive=archive), label="written", style="32")
    if not picked.ready:
        from ..render.words import not_ready

        app.terminal.message(not_ready(picked, path, language=app.language), label="not ready",
                             style="33")
