"""The `endorse` command line: thin typer commands that parse options, build one
:class:`~endorse_cli.app.context.Application` and call one function of :mod:`endorse_cli.app`.

Exit codes: 0 done; 1 invalid portfolio or rules file; 2 usage error; 130 interrupted.
"""

# No `from __future__ import annotations` here: typer would have to evaluate every
# annotation as a string, which doubles the time it takes to build the commands.
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperCommand, TyperGroup

from . import __version__
from .app.context import Application
from .errors import EndorseError, ExitCode
from .model.sections import ADDABLE, ORDER
from .model.failon import FailOn
from .render.terminal import Terminal


def _lang_in(args: list[str]) -> Optional[str]:
    """The value of the last ``--lang`` among ``args`` (``--lang es``, ``--lang=es``)."""
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith("--lang="):
            found = arg.split("=", 1)[1]
    return found


class AddCommand(TyperCommand):
    """`endorse add`: its help ends with the options of each section, worked out from the
    questions only when the help is shown, so that no other command pays for reading them."""

    def format_help(self, ctx, formatter):  # noqa: ANN001, ANN201
        if not self.epilog:
            from .interview.adding import options_help

            self.epilog = "Options of each section:\n\n" + options_help()
        return super().format_help(ctx, formatter)


class EndorseGroup(TyperGroup):
    """The one place where an EndorseError becomes a message on stderr and an exit code."""

    def parse_args(self, ctx, args):  # noqa: ANN001, ANN201
        ctx.meta["endorse.args"] = list(args)  # for the language of the messages below
        return super().parse_args(ctx, args)

    def invoke(self, ctx):  # noqa: ANN001, ANN201
        try:
            return super().invoke(ctx)
        except EndorseError as error:
            stop = error.exit_code == ExitCode.INTERRUPTED
            term = _terminal(ctx)
            term.message(error.shown(fix=term.language.gettext("fix")), label=error.label,
                         style="33" if stop else "31")
            ctx.exit(int(error.exit_code))
        except BrokenPipeError:
            # The reader stopped early (`endorse ... | head`): not a problem with the input.
            Terminal.silence_stdout()
            ctx.exit(0)
        except OSError as error:  # a disk, a folder or a file refused: said plainly, no traceback
            from .errors import os_problem

            problem = os_problem(error)
            term = _terminal(ctx)
            term.message(problem.shown(fix=term.language.gettext("fix")), label=problem.label,
                         style="31")
            ctx.exit(int(problem.exit_code))
        except KeyboardInterrupt:
            term = _terminal(ctx)
            term.message(term.language.gettext("stopped (Ctrl-C)"), label="stopped",
                         style="33")
            ctx.exit(int(ExitCode.INTERRUPTED))


def _terminal(ctx: typer.Context) -> Terminal:
    """stderr, in the language the command was asked in: its ``--lang``, else the locale's
    (chosen as the command chooses it, without a second note on an unknown --lang)."""
    import io
    import os

    from .i18n import choose

    lang = _lang_in(ctx.meta.get("endorse.args", []))
    return Terminal(language=choose(lang, os.environ, stderr=io.StringIO()))


app = typer.Typer(
    cls=EndorseGroup,
    name="endorse",
    help="Build, judge and plan an Infant Mental Health Endorsement® application.",
    invoke_without_command=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


FileArg = Annotated[
    Optional[str],
    typer.Argument(help="Portfolio file. Default: $ENDORSE_PORTFOLIO, then ./portfolio.toml.",
                   show_default=False),
]
AsOf = Annotated[
    Optional[str],
    typer.Option("--as-of", metavar="YYYY-MM-DD",
                 help="Judge as of this date, YYYY-MM-DD or with slashes in the language's "
                      "order: 3/15/2027, or 15/3/2027 with --lang es (default: today). Later "
                      "entries are not counted.",
                 show_default=False),
]
RulesOpt = Annotated[
    Optional[Path],
    typer.Option("--rules", metavar="FILE|NAME", envvar="ENDORSE_RULES",
                 help="Credential rules: a file, or a rules pack by name (`endorse rules` "
                      "lists them). Default: the shipped rules.", show_default=False),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.",
                                           case_sensitive=False)]
CredentialOpt = Annotated[
    Optional[str],
    typer.Option("--credential", "-c", metavar="ID",
                 help="The credential to judge by (default: applicant.target, else the "
                      "recommended one; for check, each portfolio's recommendation).",
                 show_default=False),
]
LangOpt = Annotated[
    Optional[str],
    typer.Option("--lang", metavar="CODE",
                 help="The language to write in: en or es (default: the locale's, from "
                      "LANGUAGE, LC_ALL, LC_MESSAGES or LANG; else English). JSON is the same "
                      "in every language.", show_default=False),
]
PaceOpt = Annotated[
    Optional[float],
    typer.Option("--assume-rsc-per-month", metavar="HOURS",
                 help="Forecast RS/C at this many hours a month instead of your recent pace.",
                 show_default=False),
]


def _version(value: bool) -> None:
    if value:
        print(f"endorse {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Judge a portfolio against the Endorsement® credentials, and plan what is left."""
    if ctx.invoked_subcommand is None:  # `endorse` alone: the help, as asked for
        print(ctx.get_help())
        raise typer.Exit()


@app.command()
def assess(file: FileArg = None, as_of: AsOf = None, rules: RulesOpt = None,
           lang: LangOpt = None, format: FormatOpt = Format.text,
           assume_rsc_per_month: PaceOpt = None) -> None:
    """Every credential at a glance, and the one that fits you best."""
    from .app.assess import assess as run

    run(Application("assess", as_of=as_of, rules_file=rules, lang=lang), file,
        fmt=format.value, rsc_per_month=assume_rsc_per_month)


@app.command()
def gaps(
    file: FileArg = None,
    credential: CredentialOpt = None,
    as_of: AsOf = None,
    rules: RulesOpt = None,
    lang: LangOpt = None,
    format: FormatOpt = Format.text,
    timeline: Annotated[bool, typer.Option(
        "--timeline", help="When each missing requirement will be met, soonest first.")] = False,
    assume_rsc_per_month: PaceOpt = None,
) -> None:
    """The gap checklist: what is met, what is missing, what to do next, and when."""
    from .app.gaps import gaps as run

    run(Application("gaps", as_of=as_of, rules_file=rules, lang=lang), file,
        credential=credential, fmt=format.value, rsc_per_month=assume_rsc_per_month,
        timeline=timeline)


@app.command()
def credentials(rules: RulesOpt = None, lang: LangOpt = None,
                format: FormatOpt = Format.text) -> None:
    """The credentials and requirements in force."""
    from .app.credentials import credentials as run

    run(Application("credentials", rules_file=rules, lang=lang), fmt=format.value)


#: What asks for shell completion: its options, and the variable the shell sets to complete.
COMPLETION_OPTIONS = ("--install-completion", "--show-completion")
COMPLETION_VARIABLE = "_ENDORSE_COMPLETE"


@app.command()
def renew(file: FileArg = None, as_of: AsOf = None, rules: RulesOpt = None,
          lang: LangOpt = None, format: FormatOpt = Format.text) -> None:
    """For an endorsed professional: each renewal year's training and RS/C against the yearly
    minimums, what the year now running still needs, and the day it is due."""
    from .app.renew import renew as run

    run(Application("renew", as_of=as_of, rules_file=rules, lang=lang), file, fmt=format.value)


@app.command("rules")
def rules_(format: FormatOpt = Format.text, lang: LangOpt = None) -> None:
    """The default rules and every rules pack shipped, with their sources and dates."""
    from .app.renew import list_rules

    list_rules(Application("rules", lang=lang), fmt=format.value)


def main(argv: list[str] | None = None) -> None:
    """The console script (Ctrl-C exits 130, as typer does).

    Shell completion (`endorse --install-completion`) loads its code only when it is asked
    for, so that no other command pays for it at start-up. Typer works out the options of
    every command when it builds the command line, which costs more than a judging command's
    own work: `endorse assess ...` builds the command line with `assess` alone; anything
    else (`endorse --help`, a mistyped command) with every command."""
    import os
    import sys

    args = sys.argv[1:] if argv is None else argv
    if COMPLETION_VARIABLE in os.environ or any(
            a.split("=")[0] in COMPLETION_OPTIONS for a in args[:2]):
        app._add_completion = True  # typer reads it when it builds the command line
    run = app
    if args and not app._add_completion:
        from copy import copy

        from typer.main import get_command_name

        asked = [c for c in app.registered_commands
                 if (c.name or get_command_name(c.callback.__name__)) == args[0]]
        if asked:
            run = copy(app)
            run.registered_commands = asked
    run(args=argv, prog_name="endorse")


class RowFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    junit = "junit"
    markdown = "markdown"


PathsArg = Annotated[
    list[str],
    typer.Argument(metavar="PATH...", help="Portfolio files, folders (searched for *.toml) "
                   "and globs.", show_default=False),
]
ExcludeOpt = Annotated[
    Optional[list[str]],
    typer.Option("--exclude", "-x", metavar="GLOB",
                 help="Leave out files whose path matches (repeat it); pyproject.toml is "
                      "always left out.", show_default=False),
]
RowFormatOpt = Annotated[RowFormat, typer.Option("--format", "-f", help="Output format.",
                                                 case_sensitive=False)]
TimeLimitOpt = Annotated[
    Optional[float],
    typer.Option("--time-limit", min=0, metavar="SECONDS",
                 help="Stop judging a file after this long and report it (default: 10; "
                      "0: no limit).", show_default=False),
]
JobsOpt = Annotated[
    Optional[int],
    typer.Option("--jobs", "-j", min=1, metavar="N",
                 help="Processes to use (default: the number of CPUs).", show_default=False),
]


@app.command()
def check(
    paths: PathsArg,
    credential: CredentialOpt = None,
    fail_on: Annotated[Optional[FailOn], typer.Option(
        "--fail-on", help="What makes the exit code non-zero (and a JUnit failure). "
        "Default: invalid; with --credential, unmet.", case_sensitive=False,
        show_default=False)] = None,
    jobs: JobsOpt = None,
    exclude: ExcludeOpt = None,
    time_limit: TimeLimitOpt = None,
    as_of: AsOf = None,
    rules: RulesOpt = None,
    lang: LangOpt = None,
    format: RowFormatOpt = RowFormat.table,
    renewal: Annotated[bool, typer.Option(
        "--renewal", help="Renewal instead: one row per endorsement held, with its status, "
        "due day and what is missing (needs rules with a yearly renewal).")] = False,
) -> None:
    """Judge many portfolios: one row each, and a summary."""
    if renewal:
        from .app.renew import check_renewal

        raise typer.Exit(int(check_renewal(
            Application("check", as_of=as_of, rules_file=rules, lang=lang),
            paths, fmt=format.value, exclude=exclude or [])))
    from .app.check import check as run

    code = run(Application("check", as_of=as_of, rules_file=rules, lang=lang), paths,
               credential=credential, fmt=format.value, fail_on=fail_on, jobs=jobs,
               exclude=exclude or [], time_limit=time_limit)
    raise typer.Exit(int(code))


@app.command()
def validate(paths: PathsArg, jobs: JobsOpt = None, exclude: ExcludeOpt = None,
             time_limit: TimeLimitOpt = None, rules: RulesOpt = None,
             lang: LangOpt = None, format: RowFormatOpt = RowFormat.table) -> None:
    """Check the format of many portfolios, without judging them."""
    from .app.check import validate as run

    code = run(Application("validate", rules_file=rules, lang=lang), paths, fmt=format.value,
               jobs=jobs,
               exclude=exclude or [], time_limit=time_limit)
    raise typer.Exit(int(code))


@app.command()
def schema(lang: LangOpt = None) -> None:
    """Print the portfolio format's JSON Schema (draft-07), for editors and validators."""
    from .app.schema import schema as run

    run(Application("schema", lang=lang))


@app.command()
def bundle(
    file: FileArg = None,
    credential: CredentialOpt = None,
    out: Annotated[Optional[Path], typer.Option(
        "--out", "-o", metavar="DIR", help="Where to write (default: this folder).",
        show_default=False)] = None,
    as_of: AsOf = None,
    templates: Annotated[Optional[Path], typer.Option(
        "--templates", metavar="DIR", help="Your own templates, in place of the shipped ones.",
        show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace a bundle already there.")] = False,
    allow_missing: Annotated[bool, typer.Option(
        "--allow-missing", help="Bundle even when certificate files are missing.")] = False,
    rules: RulesOpt = None,
    lang: LangOpt = None,
) -> None:
    """Write the submission bundle: summary, checklist, CSV files, certificates and a zip."""
    from .app.bundle import bundle as run

    run(Application("bundle", as_of=as_of, rules_file=rules, lang=lang), file,
        credential=credential,
        out=out, templates=templates, force=force, allow_missing=allow_missing)


@app.command()
def report(
    paths: PathsArg,
    out: Annotated[Optional[Path], typer.Option(
        "--out", "-o", metavar="DIR", help="Where to write report.html, report.csv and "
        "report.json (default: this folder).", show_default=False)] = None,
    as_of: AsOf = None,
    credential: Annotated[Optional[str], typer.Option(
        "--credential", "-c", metavar="ID", help="Judge everyone for this credential "
        "(default: each portfolio's recommended one).", show_default=False)] = None,
    review_date: Annotated[Optional[str], typer.Option(
        "--review-date", metavar="YYYY-MM-DD", help="The next review date: who will be ready "
        "by then.", show_default=False)] = None,
    rules: RulesOpt = None,
    lang: LangOpt = None,
    jobs: JobsOpt = None,
    exclude: ExcludeOpt = None,
) -> None:
    """One page for a whole cohort: who is ready when, and what holds them back."""
    from .app.report import report as run

    run(Application("report", as_of=as_of, rules_file=rules, lang=lang), paths, out=out,
        credential=credential, review_date=review_date, jobs=jobs, exclude=exclude or [])


# -- the questionnaire (questionary and tomlkit load only here) ----------------------------

#: The sections `add` takes, from the one list (interview/adding.py), and those the interview
#: walks, in its order (a prefix of it).
Section = Enum("Section", {name: name for name in ADDABLE}, type=str)  # type: ignore[misc]
SECTIONS_HELP = ", ".join(ADDABLE[:-1]) + " or " + ADDABLE[-1]
WALKED = ORDER
WALKED_HELP = ", ".join(WALKED[:-1]) + " or " + WALKED[-1]

SectionOpt = Annotated[
    Optional[str],
    typer.Option("--section", "-s", metavar="SECTION",
                 help=f"Go straight to one section: {WALKED_HELP}.", show_default=False),
]


@app.command()
def init(
    file: FileArg = None,
    name: Annotated[Optional[str], typer.Option(
        "--name", help="Your full name: with it, nothing is asked (for scripts).",
        show_default=False)] = None,
    email: Annotated[Optional[str], typer.Option("--email", show_default=False,
                                                 help="Your email address.")] = None,
    focus: Annotated[Optional[str], typer.Option(
        "--focus", metavar="FIELD", show_default=False,
        help="Your field of work: promotion, prevention, clinical or leadership.")] = None,
    target: Annotated[Optional[str], typer.Option(
        "--target", metavar="ID", show_default=False,
        help="The credential you are applying for.")] = None,
    no_input: Annotated[bool, typer.Option(
        "--no-input", help="Never ask: start the portfolio from the options alone.")] = False,
    rules: RulesOpt = None,
    lang: LangOpt = None,
) -> None:
    """Start a new portfolio: a few questions, then the interview if you like; or, with
    --name (and --no-input), from options alone."""
    from .app.questionnaire import init as run

    options = {"name": name, "email": email, "focus": focus, "target": target}
    given = {k: v for k, v in options.items() if v is not None}
    run(Application("init", rules_file=rules, lang=lang), file,
        given if (given or no_input) else None)


@app.command()
def interview(file: FileArg = None, section: SectionOpt = None, rules: RulesOpt = None,
              lang: LangOpt = None) -> None:
    """Add to your portfolio, section by section; every entry is saved as you go."""
    from .app.questionnaire import interview as run

    run(Application("interview", rules_file=rules, lang=lang), file,
        section=section)


@app.command()
def edit(file: FileArg = None, rules: RulesOpt = None, lang: LangOpt = None) -> None:
    """Change or remove any entry of your portfolio."""
    from .app.questionnaire import edit as run

    run(Application("edit", rules_file=rules, lang=lang), file)


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    cls=AddCommand,
)
def add(
    ctx: typer.Context,
    section: Annotated[Section, typer.Argument(
        metavar="SECTION", help=f"{SECTIONS_HELP}.", show_default=False)],
    no_input: Annotated[bool, typer.Option(
        "--no-input", help="Never ask: a missing required option is an error.")] = False,
    lang: LangOpt = None,
) -> None:
    """Add one entry without the questionnaire, e.g.
    `endorse add supervision --date 2025-03-04 --hours 1.5 --provider "Ana Lopez"`.
    Give the portfolio FILE anywhere among the options."""
    from .app.questionnaire import add as run

    run(Application(f"add {section.value}", lang=lang), section.value, list(ctx.args),
        no_input=no_input)
