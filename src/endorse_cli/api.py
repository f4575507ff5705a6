"""The library's front: judge a portfolio file in one call, without the command line.

    >>> from endorse_cli.api import assess_file
    >>> result = assess_file("examples/home-visitor.toml")      # doctest: +SKIP
    >>> result.recommended.id                                      # doctest: +SKIP
    'IFS'
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from msgspec.structs import replace

from .engine import judge
from .errors import PortfolioError, UsageError
from .io.portfolio_file import read_portfolio
from .io.rules_file import load_rules
from .io.tomlfile import Loaded
from .model.portfolio import Portfolio
from .model.results import Assessment
from .model.rules import Rules

DEFAULT_PORTFOLIO = "portfolio.toml"
PORTFOLIO_ENV = "ENDORSE_PORTFOLIO"


def find_portfolio(file: str | os.PathLike[str] | None) -> Path:
    """The portfolio to use: the one named, else ``$ENDORSE_PORTFOLIO``, else ./portfolio.toml."""
    chosen = file or os.environ.get(PORTFOLIO_ENV) or DEFAULT_PORTFOLIO
    path = Path(chosen)
    if not path.exists():
        source = ("named by $" + PORTFOLIO_ENV) if not file and os.environ.get(PORTFOLIO_ENV) \
            else ("in this folder" if not file else "")
        raise UsageError(
            f"no portfolio file {str(path)!r} {source}".rstrip(),
            fix="start one with `endorse init`, name your portfolio file "
                f"(`endorse gaps my-portfolio.toml`), or set {PORTFOLIO_ENV}",
        )
    return path


def check_target(loaded: Loaded[Portfolio], rules: Rules) -> None:
    """``applicant.target`` must name a credential of the rules in force."""
    target = loaded.value.applicant.target
    ids = [c.id for c in rules.credential]
    if target is not None and target.casefold() not in [i.casefold() for i in ids]:
        from .io.hints import did_you_mean

        guess = did_you_mean(target, ids)
        message = f'"{target}" is not a credential of these rules'
        if guess:
            message += f'; did you mean "{guess}"?'
        raise loaded.problem(PortfolioError, ("applicant", "target"), message,
                             "use one of: " + ", ".join(ids))


def assess_loaded(loaded: Loaded[Portfolio], rules: Rules, as_of: dt.date, *,
                  rsc_per_month: float | None = None) -> Assessment:
    """Judge an already read portfolio; warnings get the lines they point at."""
    check_target(loaded, rules)
    result = judge(loaded.value, rules, as_of, rsc_per_month=rsc_per_month,
                   today=dt.date.today())
    if result.warnings:
        from .io.locate import parse_where

        located = [replace(w, line=loaded.line_of(parse_where(w.where))) for w in result.warnings]
        warnings = tuple(sorted(located, key=lambda w: (w.line or 0, w.where)))
        result = replace(result, warnings=warnings)
    from .render.sentences import word

    return word(replace(result, file=loaded.name), rules)


def assess_file(
    file: str | os.PathLike[str] | None = None,
    *,
    rules: Rules | str | os.PathLike[str] | None = None,
    as_of: dt.date | None = None,
    rsc_per_month: float | None = None,
) -> Assessment:
    """Read and judge one portfolio file. Raises an :class:`~endorse_cli.errors.EndorseError`.

    ``rsc_per_month`` replaces the applicant's measured RS/C pace in the forecasts.
    """
    if not isinstance(rules, Rules):
        rules = load_rules(Path(rules) if rules is not None else None).value
    path = find_portfolio(file)
    return assess_loaded(read_portfolio(path), rules, as_of or dt.date.today(),
                         rsc_per_month=rsc_per_month)
