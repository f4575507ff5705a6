"""`endorse gaps`: the checklist of one credential, or its timeline."""

from __future__ import annotations

from .assess import judged
from .context import Application, Format


def gaps(app: Application, file: str | None, *, credential: str | None, fmt: Format,
         rsc_per_month: float | None = None, timeline: bool = False) -> None:
    named = app.credential(credential)  # a misspelt id is reported before the file is read
    # named, else the target, else the recommended credential
    result = judged(app, file, fmt, credential=named, rsc_per_month=rsc_per_month)
    app.show(fmt, "timeline" if timeline else "gaps", result.assessment, result.checklist,
             result.why)
