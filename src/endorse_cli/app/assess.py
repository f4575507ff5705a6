"""`endorse assess`: every credential at a glance, and the one that fits best."""

from __future__ import annotations

from ..api import assess_loaded
from ..errors import UsageError
from ..i18n import N_
from ..io.portfolio_file import read_portfolio
from ..model.results import Assessment
from .context import Application, Format


def judged(app: Application, file: str | None, rsc_per_month: float | None) -> Assessment:
    """The portfolio ``file`` names, judged by the rules in force as of ``app.as_of``."""
    if rsc_per_month is not None and not (0 <= rsc_per_month <= 1000):
        raise UsageError(N_("--assume-rsc-per-month {pace} is not a pace"),
                         fix=N_("give the hours of RS/C a month, e.g. --assume-rsc-per-month 2"),
                         pace=f"{rsc_per_month:g}")
    rules = app.rules
    path = app.portfolio(file, stdin=True)
    return assess_loaded(read_portfolio(path), rules, app.as_of, today=app.today,
                         rsc_per_month=rsc_per_month, rules_option=app.rules_option)


def assess(app: Application, file: str | None, *, fmt: Format,
           rsc_per_month: float | None = None) -> None:
    app.show(fmt, "assess", app.worded(judged(app, file, rsc_per_month), fmt))
