"""`endorse gaps`: the checklist of one credential, or its timeline."""

from __future__ import annotations

from ..engine.recommend import checklist_for
from .assess import judged
from .context import Application, Format


def gaps(app: Application, file: str | None, *, credential: str | None, fmt: Format,
         rsc_per_month: float | None = None, timeline: bool = False) -> None:
    named = app.credential(credential)  # a misspelt id is reported before the file is read
    result = app.worded(judged(app, file, rsc_per_month), fmt)
    picked, why = checklist_for(result, named)  # named, else the target, else recommended
    app.show(fmt, "timeline" if timeline else "gaps", result, picked, why)
