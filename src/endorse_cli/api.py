"""The library's front, and the one pipeline every command goes through: a portfolio file
read, validated, judged and worded in one call, without the command line.

    >>> import datetime as dt
    >>> from endorse_cli.api import assess_file
    >>> result = assess_file("examples/home-visitor.toml", as_of=dt.date(2026, 11, 21))
    >>> result.recommended.id
    'IFA'

:func:`judge_file` (and :func:`judge_loaded`, for a file already read) goes down the layers
once: ``io`` reads, ``engine`` judges and picks the checklist, ``render`` words the result
once, in the reader's language. Nothing here reads the environment or decides for the
command line (which portfolio file is the default, what fails a batch): that is
:mod:`endorse_cli.app`'s. The only clock read is the default date, for a caller who gives none.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any, Literal

from msgspec import Struct
from msgspec.structs import replace

from .engine import judge
from .engine.recommend import checklist_for
from .errors import EndorseError, PortfolioError, UnknownCredential, UsageError
from .i18n import ENGLISH, Language
from .io.hints import credential_id
from .io.portfolio_file import read_portfolio
from .io.rules_file import load_rules
from .io.tomlfile import Loaded
from .model.portfolio import Portfolio
from .model.results import Assessment, CredentialResult
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


#: What words a result is given: ``all`` (every sentence, for people), ``json`` (the sentences
#: of the JSON contract, without each requirement's standing) or ``none`` (codes only, for a
#: table that shows none).
Wording = Literal["all", "json", "none"]


class Judged(Struct, frozen=True):
    """One portfolio judged and worded: its assessment, and the credential its checklist is
    about (``checklist``) with ``why`` that one: ``named``, ``target`` or ``recommended``."""

    assessment: Assessment
    checklist: CredentialResult
    why: str


def judge_loaded(loaded: Loaded[Portfolio], rules: Rules, as_of: dt.date, *,
                 language: Language = ENGLISH, words: Wording = "all",
                 credential: str | None = None, today: dt.date | None = None,
                 rsc_per_month: float | None = None, lines: bool = True,
                 rules_option: str | None = None) -> Judged:
    """Judge an already read portfolio as of ``as_of``, find the lines its warnings point at,
    word the result once in ``language`` and pick its checklist: the one way every command
    goes from a portfolio to its words.

    ``language``: the language of the sentences (the JSON contract's are English: give
    ``ENGLISH`` for them). ``words``: see :data:`Wording`. ``credential``: the checklist's
    credential (an id of the rules, checked by the caller); None: the applicant's target, else
    the recommendation. ``today`` is the last day anything can have been logged: paces are
    measured up to it when ``as_of`` is later (None: ``as_of`` itself). ``rsc_per_month``
    replaces the applicant's measured RS/C pace in the forecasts. ``lines``: False leaves the
    warnings without their lines (finding them reads the file), for a caller that shows none.
    ``rules_option``: the rules as the reader named them, which the commands in the sentences
    repeat (``--rules imh-e-2025``).
    """
    check_target(loaded, rules)
    result = judge(loaded.value, rules, as_of, rsc_per_month=rsc_per_month, today=today)
    if result.warnings and lines:
        from .io.locate import parse_where

        located = [replace(w, line=loaded.line_of(parse_where(w.where))) for w in result.warnings]
        warnings = tuple(sorted(located, key=lambda w: (w.line or 0, w.where)))
        result = replace(result, warnings=warnings)
    result = replace(result, file=loaded.name, rules_option=rules_option)
    checklist, why = checklist_for(result, credential)
    if words == "none":
        return Judged(result, checklist, why)
    from .render.sentences import word

    result = word(result, rules, language, standing=words == "all")
    return Judged(result, result.credential(checklist.id) or checklist, why)


def judge_file(file: str | os.PathLike[str],
               rules: Rules | str | os.PathLike[str] | None = None,
               as_of: dt.date | None = None, language: Language | str = ENGLISH, *,
               words: Wording = "all", credential: str | None = None,
               today: dt.date | None = None, rsc_per_month: float | None = None,
               rules_option: str | None = None, name: str | None = None) -> Judged:
    """Read, validate, judge and word one portfolio file (``-``: standard input), as
    :func:`judge_loaded` does. Raises an :class:`~endorse_cli.errors.EndorseError`.

    ``rules``: the rules, or a rules file (default: the shipped rules). ``as_of`` and
    ``today``: the clock's date when not given. ``name``: the file as messages name it.
    ``language``: a :class:`~endorse_cli.i18n.Language` or its code (``"es"``).
    ``credential``: an id of the rules, in any case; one the rules lack raises
    :class:`~endorse_cli.errors.UnknownCredential` with the closest id.

        >>> import datetime as dt
        >>> from endorse_cli.api import judge_file
        >>> from endorse_cli.i18n import language
        >>> judged = judge_file("examples/home-visitor.toml", as_of=dt.date(2026, 11, 21),
        ...                     language=language("es"), credential="IFS")
        >>> judged.checklist.id, judged.why, judged.checklist.met
        ('IFS', 'named', False)
        >>> judged.assessment.recommended.id, judged.assessment.recommended.reason.split()[0]
        ('IFA', 'Trabaja')
    """
    if not isinstance(rules, Rules):
        rules = load_rules(Path(rules) if rules is not None else None).value
    if isinstance(language, str):
        language = _language(language)
    if credential is not None:
        credential = credential_id(credential, [c.id for c in rules.credential])
    if as_of is None or today is None:
        clock = dt.date.today()
        as_of, today = as_of or clock, today or clock
    return judge_loaded(read_portfolio(Path(file), name=name), rules, as_of, language=language,
                        words=words, credential=credential, today=today,
                        rsc_per_month=rsc_per_month, rules_option=rules_option)


def _language(code: str) -> Language:
    """The language of ``code``, or a usage error that lists those endorse speaks."""
    from .i18n import N_, available, language_named

    found = language_named(code)
    if found is None:
        raise UsageError(N_("endorse has no text in {language}"),
                         fix=N_("give one of these languages: {codes}"),
                         language=repr(code), codes=", ".join(available()))
    return found


def assess_loaded(loaded: Loaded[Portfolio], rules: Rules, as_of: dt.date, *,
                  today: dt.date | None = None,
                  rsc_per_month: float | None = None, words: Wording = "all",
                  language: Language = ENGLISH, lines: bool = True,
                  rules_option: str | None = None) -> Assessment:
    """The assessment of :func:`judge_loaded` alone (the same arguments)."""
    return judge_loaded(loaded, rules, as_of, today=today, rsc_per_month=rsc_per_month,
                        words=words, language=language, lines=lines,
                        rules_option=rules_option).assessment


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
    return judge_file(file, rules, as_of, today=today, rsc_per_month=rsc_per_month).assessment


# -- renewal ------------------------------------------------------------------------------


def pack_for(portfolio: Any) -> Path | None:
    """The shipped pack whose credentials hold the portfolio's first endorsement, if any."""
    from .engine.work import Endorsements
    from .io.rules_file import load_rules, pack_names, packs_dir

    for name in pack_names():
        rules = load_rules(packs_dir() / f"{name}.toml").value
        code = Endorsements(rules).code(portfolio.endorsement[0].credential)
        info = rules.endorsements.get(code or "")
        ids = {c.id for c in rules.credential}
        if code in ids or (info is not None and info.credential in ids):
            return packs_dir() / f"{name}.toml"
    return None


def _pack_rules(path: Path) -> Rules:
    """A shipped pack's rules, read once a process."""
    from functools import cache

    from .io.rules_file import load_rules

    global _pack_rules  # noqa: PLW0603
    _pack_rules = cache(lambda p: load_rules(p).value)  # type: ignore[assignment]
    return _pack_rules(path)


def renewal_rows(path: str, rules: Rules | None, day: dt.date,
                 language: Language = ENGLISH) -> list[dict[str, Any]]:
    """The rows of `check --renewal` for the portfolio at ``path``: one per endorsement held,
    judged by ``rules`` (None: the shipped pack that holds the endorsement) as of ``day``,
    with its ``missing`` words (and, for people, its status) in ``language``: English for the
    formats scripts read. A file that cannot be read is one row, ``invalid``."""
    from .engine.renewal import renew as judge_renewal
    from .io.portfolio_file import read_portfolio

    try:
        portfolio = read_portfolio(Path(path)).value
    except EndorseError as exc:
        return [{"file": path, "name": "", "credential": "", "status": "invalid", "due": "",
                 "days_left": "", "missing": str(exc)}]
    if not portfolio.endorsement:
        return [{"file": path, "name": portfolio.applicant.name, "credential": "",
                 "status": "not endorsed", "due": "", "days_left": "", "missing": ""}]
    if rules is None:  # no --rules: the pack that holds the endorsement
        found = pack_for(portfolio)
        if found is None:
            return [{"file": path, "name": portfolio.applicant.name,
                     "credential": portfolio.endorsement[0].credential, "status": "unknown",
                     "due": "", "days_left": "",
                     "missing": language.gettext("no rules pack holds this endorsement; "
                                                 "choose one with --rules")}]
        rules = _pack_rules(found)
    from .render.sentences import RenewalWords

    words = RenewalWords(rules, language)
    report = words.renewal(judge_renewal(portfolio, rules, day))
    return [{"file": path, "name": report.applicant, "credential": e.credential or e.written,
             "status": e.status, "due": e.due.isoformat() if e.due else "",
             "days_left": "" if e.days_left is None else e.days_left,
             "missing": "; ".join(words.short_missing(r) for r in e.missing_now)
             if e.status in ("due", "late") else e.summary}
            for e in report.endorsements]
