"""`endorse assess`: every credential at a glance, and the one that fits best."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import UsageError
from ..i18n import N_
from .context import Application, Format

if TYPE_CHECKING:
    from ..api import Judged


def judged(app: Application, file: str | None, fmt: str, *, credential: str | None = None,
           rsc_per_month: float | None = None) -> Judged:
    """The portfolio ``file`` names (``-``: standard input), judged and worded for ``fmt``."""
    if rsc_per_month is not None and not (0 <= rsc_per_month <= 1000):
        raise UsageError(N_("--assume-rsc-per-month {pace} is not a pace"),
                         fix=N_("give the hours of RS/C a month, e.g. --assume-rsc-per-month 2"),
                         pace=f"{rsc_per_month:g}")
    app.rules  # a rules file that cannot be read is said before the portfolio is looked for
    path = app.portfolio(file, stdin=True)
    return app.judge(path, fmt, credential=credential, rsc_per_month=rsc_per_month)


def assess(app: Application, file: str | None, *, fmt: Format,
           rsc_per_month: float | None = None) -> None:
    app.show(fmt, "assess", judged(app, file, fmt, rsc_per_month=rsc_per_month).assessment)
