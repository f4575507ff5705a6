"""The one object every command takes: the terminal, the dates, the rules, the environment.

Built once per command by the CLI; everything in it is read or parsed once, and the rules only
when a command first asks for them (``endorse schema`` never reads them).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import i18n
from ..errors import UsageError
from ..i18n import N_
from ..model.files import DEFAULT_PORTFOLIO
from ..render.terminal import Terminal

if TYPE_CHECKING:
    from ..api import Judged
    from ..io.tomlfile import Loaded
    from ..model.portfolio import Portfolio
    from ..model.rules import Rules

#: The portfolio a command uses when none is named: this variable's, else this file.
PORTFOLIO_ENV = "ENDORSE_PORTFOLIO"

#: A format's name, as ``--format`` takes it (the formats: :mod:`endorse_cli.render.formats`).
Format = str


def parse_as_of(value: str | None, today: dt.date,
                language: i18n.Language = i18n.ENGLISH) -> dt.date:
    """``--as-of``: ``2027-03-15``, or the day as the reader's language writes it with slashes
    (``3/15/2027`` in English, ``15/3/2027`` in Spanish); ``today`` when not given."""
    if value is None:
        return today
    return parse_day_option("--as-of", value, language, example="2026-06-30")


def parse_day_option(option: str, value: str, language: i18n.Language,
                     example: str) -> dt.date:
    """A day given to ``option`` (``--as-of``, ``--review-date``), read as the questionnaire
    reads one: :func:`endorse_cli.i18n.parse_day`. Else a usage error in ``language`` that
    says both forms and the order of the one with slashes."""
    try:
        return i18n.parse_day(value, language)
    except ValueError as reason:
        _ = language.gettext
        how = str(reason)
        if not isinstance(reason, (i18n.OffCalendar, i18n.NoSuchDay)):  # said its own order
            how += f" ({language.order_words})"
        fix = how if how.endswith("?") else _("{how}, e.g. {option} {example}").format(
            how=how, option=option, example=example)  # a guess is the example to follow
        raise UsageError(
            _("{option} {value} is not a date").format(option=option, value=repr(value)),
            fix=fix) from None


class Application:
    """What a command runs with. ``command`` is how the command is typed before its FILE
    (``gaps``, ``add supervision``): messages name it."""

    def __init__(self, command: str, *, as_of: str | None = None,
                 rules_file: Path | None = None, terminal: Terminal | None = None,
                 environ: Mapping[str, str] | None = None,
                 today: dt.date | None = None, lang: str | None = None) -> None:
        self.command = command
        self.terminal = terminal or Terminal()
        env = os.environ if environ is None else environ
        #: The reader's language: ``--lang``, else the locale's, else English.
        self.language = i18n.choose(lang, env, stderr=self.terminal.stderr)
        self.terminal.language = self.language
        #: The last day anything can have been logged.
        self.today = today or dt.date.today()
        #: The day the portfolio is judged as of.
        self.as_of = parse_as_of(as_of, self.today, self.language)
        self.rules_file = rules_file
        #: The portfolio named by $ENDORSE_PORTFOLIO, if any.
        self.portfolio_from_env = env.get(PORTFOLIO_ENV) or None

    # -- the rules ----------------------------------------------------------------------------

    @cached_property
    def loaded_rules(self) -> Loaded[Rules]:
        """The rules file in force, read and checked on first use."""
        from ..io.rules_file import load_rules

        return load_rules(self.rules_file)

    @property
    def rules_option(self) -> str | None:
        """The rules as the reader named them (a pack's name or a file), for the commands the
        sentences show; None for the default rules."""
        return str(self.rules_file) if self.rules_file else None

    @property
    def rules(self) -> Rules:
        return self.loaded_rules.value

    def credential(self, given: str | None, among: list[str] | None = None) -> str | None:
        """The id that ``--credential`` names, in any case, or a usage error with the closest:
        one of ``among``, else of the credentials of the rules in force."""
        if given is None:
            return None
        from ..errors import UnknownCredential
        from ..io.hints import credential_id

        try:
            return credential_id(given, among or [c.id for c in self.rules.credential])
        except UnknownCredential as unknown:
            if unknown.guess:
                raise UsageError(N_('--credential {given} is not in the rules; did you mean '
                                    '"{guess}"?'), fix=unknown.fix_said, given=repr(given),
                                 guess=unknown.guess) from None
            raise UsageError(N_("--credential {given} is not in the rules"),
                             fix=unknown.fix_said, given=repr(given)) from None

    # -- the portfolio ------------------------------------------------------------------------

    def portfolio_path(self, file: str | os.PathLike[str] | None) -> Path:
        """The portfolio a command works on: the one named, else $ENDORSE_PORTFOLIO's, else
        ./portfolio.toml; whether it exists or not."""
        return Path(file or self.portfolio_from_env or DEFAULT_PORTFOLIO)

    def portfolio(self, file: str | os.PathLike[str] | None, *, stdin: bool = False) -> Path:
        """:meth:`portfolio_path`, which must exist; else how to start or name one. With
        ``stdin``, ``-`` names standard input (read by :func:`~endorse_cli.io.portfolio_file.
        read_portfolio`)."""
        if stdin and file is not None and str(file) == "-":
            return Path("-")
        path = self.portfolio_path(file)
        if not path.exists():
            _ = self.language.gettext
            said = (_("no portfolio file {path}") if file
                    else _("no portfolio file {path} named by ${variable}")
                    if self.portfolio_from_env else _("no portfolio file {path} in this folder"))
            raise UsageError(
                said.format(path=repr(str(path)), variable=PORTFOLIO_ENV),
                fix=_("start one with `endorse init`, name your portfolio file "
                      "(`endorse {command} my-portfolio.toml`), or set {variable}").format(
                          command=self.command, variable=PORTFOLIO_ENV))
        return path

    # -- output -------------------------------------------------------------------------------

    def judge(self, portfolio: Path | Loaded[Portfolio], fmt: str = "text", *,
              credential: str | None = None, rsc_per_month: float | None = None) -> Judged:
        """The portfolio at ``portfolio`` (a path, or a file already read) through the
        library's one pipeline, :func:`~endorse_cli.api.judge_file` (``judge_loaded``), by the rules and days
        set here once; worded once: in the reader's language for the formats people read, in
        the English of the JSON contract for those scripts read, the same in every language."""
        from ..api import judge_file, judge_loaded
        from ..i18n import ENGLISH
        from ..render import formats

        language = self.language if formats.get(fmt).people else ENGLISH
        if isinstance(portfolio, Path):
            return judge_file(portfolio, self.rules, self.as_of, language, today=self.today,
                              credential=credential, rsc_per_month=rsc_per_month,
                              rules_option=self.rules_option)
        return judge_loaded(portfolio, self.rules, self.as_of, today=self.today,
                            language=language, credential=credential,
                            rsc_per_month=rsc_per_month, rules_option=self.rules_option)

    def show(self, fmt: str, view: str, *args: Any) -> None:
        """Write ``view`` (assess, gaps, timeline, credentials, renewal, rules) in the format
        ``fmt``, as the format registry has it: in the reader's language if people read it."""
        from ..render import formats

        formats.write(fmt, view, formats.Out(self.terminal, self.language, self.today), *args)
