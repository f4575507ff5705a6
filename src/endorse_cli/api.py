"""The library's front: judge a portfolio file in one call, without the command line.

    >>> import datetime as dt
    >>> from endorse_cli.api import assess_file
    >>> result = assess_file("examples/home-visitor.toml", as_of=dt.date(2026, 11, 21))
    >>> result.recommended.id
    'IFA'

Nothing here reads the environment or decides for the command line (which portfolio file is
the default, what fails a batch): that is :mod:`endorse_cli.app`'s. The only clock read is
:func:`assess_file`'s default date, for a caller who gives none.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from msgspec.structs import replace

from .engine import judge
from .errors import PortfolioError, UnknownCredential
from .i18n import ENGLISH, Language
from .io.hints import credential_id
from .io.portfolio_file import read_portfolio
from .io.rules_file import load_rules
from .io.tomlfile import Loaded
from .model.portfolio import Portfolio
from .model.results import Assessment
from .model.rules import Rules


def check_target(loaded: Loaded[Portfolio], rules: Rules) -> None:
    """``applicant.target`` must name a credential of the rules in force."""
    target = loaded.value.applicant.target
    if target is None:
        return
    try:
        credential_id(target, [c.id for c in rules.credential])
    except UnknownCredential as unknown:
        raise loaded.problem(PortfolioError, ("applicant", "target"), unknown.said,
                             unknown.fix_said) from None


def assess_loaded(loaded: Loaded[Portfolio], rules: Rules, as_of: dt.date, *,
                  today: dt.date | None = None,
                  rsc_per_month: float | None = None, words: str = "all",
                  language: Language = ENGLISH, lines: bool = True,
                  rules_option: str | None = None) -> Assessment:
    """Judge an already read portfolio as of ``as_of``; warnings get the lines they point at.

    ``today`` is the last day anything can have been logged: paces are measured up to it when
    ``as_of`` is later. None: ``as_of`` itself. ``rsc_per_month`` replaces the applicant's
    measured RS/C pace in the forecasts. ``words``: ``all`` (every sentence, for people),
    ``json`` (the sentences of the JSON contract) or ``none`` (codes only, for a table).
    ``language``: the language of the sentences (the JSON contract's are always English).
    ``lines``: False leaves the warnings without their lines (finding them reads the file),
    for a caller that shows none. ``rules_option``: the rules as the reader named them, which
    the commands in the sentences repeat (``--rules imh-e-2025``).
    """
    check_target(loaded, rules)
    result = judge(loaded.value, rules, as_of, rsc_per_month=rsc_per_month, today=today)
    if result.warnings and lines:
        from .io.locate import parse_where

        located = [replace(w, line=loaded.line_of(parse_where(w.where))) for w in result.warnings]
        warnings = tuple(sorted(located, key=lambda w: (w.line or 0, w.where)))
        result = replace(result, warnings=warnings)
    result = replace(result, file=loaded.name, rules_option=rules_option)
    if words == "none":
        return result
    from .render.sentences import word

    return word(result, rules, language, standing=words == "all")


def assess_file(
    file: str | os.PathLike[str],
    *,
    rules: Rules | str | os.PathLike[str] | None = None,
    as_of: dt.date | None = None,
    today: dt.date | None = None,
    rsc_per_month: float | None = None,
) -> Assessment:
    """Read and judge one portfolio file. Raises an :class:`~endorse_cli.errors.EndorseError`.

    ``rules``: the rules, or a rules file (default: the shipped rules). ``as_of`` and
    ``today``: the clock's date when not given.
    """
    if not isinstance(rules, Rules):
        rules = load_rules(Path(rules) if rules is not None else None).value
    if as_of is None or today is None:
        clock = dt.date.today()
        as_of, today = as_of or clock, today or clock
    return assess_loaded(read_portfolio(Path(file)), rules, as_of, today=today,
                         rsc_per_month=rsc_per_month)
