"""`endorse gaps`: the checklist of one credential, or its timeline."""

from __future__ import annotations

from ..engine.recommend import checklist_for
from ..model.results import Assessment, CredentialResult
from .assess import judged
from .context import Application, Format


def chosen(app: Application, result: Assessment,
           credential: str | None) -> tuple[CredentialResult, str]:
    """The credential a checklist is about (named, target, recommended), and why."""
    return checklist_for(result, app.credential(credential))


def gaps(app: Application, file: str | None, *, credential: str | None, fmt: Format,
         rsc_per_month: float | None = None, timeline: bool = False) -> None:
    app.credential(credential)  # a misspelt id is reported before the portfolio is read
    result = judged(app, file, rsc_per_month)
    picked, why = chosen(app, result, credential)
    app.show(fmt, "timeline" if timeline else "gaps", result, picked, why)
