"""The `endorse` command line: thin typer commands that parse options and call one function.

Exit codes: 0 done; 1 invalid portfolio or rules file; 2 usage error; 130 interrupted.
"""

# No `from __future__ import annotations` here: typer would have to evaluate every
# annotation as a string, which doubles the time it takes to build the commands.
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from . import __version__, reports
from .interview.adding import options_help as add_help
from .errors import EndorseError, ExitCode
from .render.terminal import Terminal


class EndorseGroup(TyperGroup):
    """The one place where an EndorseError becomes a message on stderr and an exit code."""

    def invoke(self, ctx):  # noqa: ANN001, ANN201
        try:
            return super().invoke(ctx)
        except EndorseError as error:
            stop = error.exit_code == ExitCode.INTERRUPTED
            Terminal().message(str(error), label=error.label, style="33" if stop else "31")
            ctx.exit(int(error.exit_code))
        except BrokenPipeError:
            # The reader stopped early (`endorse ... | head`): not a problem with the input.
            Terminal.silence_stdout()
            ctx.exit(0)
        except KeyboardInterrupt:
            Terminal().message("stopped (Ctrl-C)", label="stopped", style="33")
            ctx.exit(int(ExitCode.INTERRUPTED))


app = typer.Typer(
    cls=EndorseGroup,
    name="endorse",
    help="Build, judge and plan an Infant Mental Health Endorsement® application.",
    no_args_is_help=True,
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
                 help="Judge as of this date (default: today). Later entries are not counted.",
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
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Judge a portfolio against the Endorsement® credentials, and plan what is left."""


@app.command()
def assess(file: FileArg = None, as_of: AsOf = None, rules: RulesOpt = None,
           format: FormatOpt = Format.text, assume_rsc_per_month: PaceOpt = None) -> None:
    """Every credential at a glance, and the one that fits you best."""
    reports.assess(Terminal(), file, rules_file=rules, as_of=as_of, fmt=format.value,
                   rsc_per_month=assume_rsc_per_month)


@app.command()
def gaps(
    file: FileArg = None,
    credential: CredentialOpt = None,
    as_of: AsOf = None,
    rules: RulesOpt = None,
    format: FormatOpt = Format.text,
    timeline: Annotated[bool, typer.Option(
        "--timeline", help="When each missing requirement will be met, soonest first.")] = False,
    assume_rsc_per_month: PaceOpt = None,
) -> None:
    """The gap checklist: what is met, what is missing, what to do next, and when."""
    reports.gaps(Terminal(), file, credential=credential, rules_file=rules, as_of=as_of,
                 fmt=format.value, rsc_per_month=assume_rsc_per_month, timeline=timeline)


@app.command()
def credentials(rules: RulesOpt = None, format: FormatOpt = Format.text) -> None:
    """The credentials and requirements in force."""
    reports.credentials(Terminal(), rules_file=rules, fmt=format.value)


@app.command()
def renew(file: FileArg = None, as_of: AsOf = None, rules: RulesOpt = None,
          format: FormatOpt = Format.text) -> None:
    """For an endorsed professional: each renewal year's training and RS/C against the yearly
    minimums, what the year now running still needs, and the day it is due."""
    from .renewal_command import renew as run

    run(Terminal(), file, rules_file=rules, as_of=as_of, fmt=format.value)


@app.command("rules")
def rules_(format: FormatOpt = Format.text) -> None:
    """The default rules and every rules pack shipped, with their sources and dates."""
    from .renewal_command import list_rules

    list_rules(Terminal(), fmt=format.value)


def main(argv: list[str] | None = None) -> None:
    """The console script (Ctrl-C exits 130, as typer does)."""
    app(args=argv, prog_name="endorse")


class RowFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    junit = "junit"
    markdown = "markdown"


class FailOn(str, Enum):
    invalid = "invalid"
    unmet = "unmet"
    warning = "warning"
    never = "never"


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
    as_of: AsOf = None,
    rules: RulesOpt = None,
    format: RowFormatOpt = RowFormat.table,
    renewal: Annotated[bool, typer.Option(
        "--renewal", help="Renewal instead: one row per endorsement held, with its status, "
        "due day and what is missing (needs rules with a yearly renewal).")] = False,
) -> None:
    """Judge many portfolios: one row each, and a summary."""
    if renewal:
        from .renewal_command import check_renewal

        raise typer.Exit(int(check_renewal(Terminal(), paths, rules_file=rules, as_of=as_of,
                                           fmt=format.value, exclude=exclude or [])))
    code = reports.check(Terminal(), paths, credential=credential, rules_file=rules,
                         as_of=as_of, fmt=format.value,
                         fail_on=fail_on.value if fail_on else ("unmet" if credential else "invalid"),
                         jobs=jobs,
                         exclude=exclude or [])
    raise typer.Exit(int(code))


@app.command()
def validate(paths: PathsArg, jobs: JobsOpt = None, exclude: ExcludeOpt = None,
             rules: RulesOpt = None, format: RowFormatOpt = RowFormat.table) -> None:
    """Check the format of many portfolios, without judging them."""
    code = reports.check(Terminal(), paths, credential=None, rules_file=rules, as_of=None,
                         fmt=format.value, fail_on="invalid", jobs=jobs, validate_only=True,
                         exclude=exclude or [])
    raise typer.Exit(int(code))


@app.command()
def schema() -> None:
    """Print the portfolio format's JSON Schema (draft-07), for editors and validators."""
    reports.schema(Terminal())


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
) -> None:
    """Write the submission bundle: summary, checklist, CSV files, certificates and a zip."""
    reports.bundle(Terminal(), file, credential=credential, rules_file=rules, as_of=as_of,
                   out=out, templates=templates, force=force, allow_missing=allow_missing)


# -- the questionnaire (questionary and tomlkit load only here) ----------------------------

SectionOpt = Annotated[
    Optional[str],
    typer.Option("--section", "-s", metavar="SECTION",
                 help="Go straight to one section: education, work, training, supervision, "
                      "reference or exam.", show_default=False),
]


def _portfolio(file: Optional[str]) -> Path:
    from .api import DEFAULT_PORTFOLIO, PORTFOLIO_ENV
    import os

    return Path(file or os.environ.get(PORTFOLIO_ENV) or DEFAULT_PORTFOLIO)


@app.command()
def init(file: FileArg = None, rules: RulesOpt = None) -> None:
    """Start a new portfolio: a few questions, then the interview if you like."""
    from .interview import flows

    flows.init(Terminal(), _portfolio(file), rules_file=rules)


@app.command()
def interview(file: FileArg = None, section: SectionOpt = None, rules: RulesOpt = None) -> None:
    """Add to your portfolio, section by section; every entry is saved as you go."""
    from .api import find_portfolio
    from .interview import flows

    if section is not None and section not in flows.ORDER:
        from .errors import UsageError

        raise UsageError(f"--section {section!r} is not a section",
                         fix="use one of: " + ", ".join(flows.ORDER))
    flows.interview(Terminal(), find_portfolio(file), section=section, rules_file=rules)


@app.command()
def edit(file: FileArg = None, rules: RulesOpt = None) -> None:
    """Change or remove any entry of your portfolio."""
    from .api import find_portfolio
    from .interview import flows

    flows.edit(Terminal(), find_portfolio(file), rules_file=rules)


class AddSection(str, Enum):
    education = "education"
    work = "work"
    training = "training"
    supervision = "supervision"
    reference = "reference"
    exam = "exam"
    license = "license"
    endorsement = "endorsement"


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    epilog="Options of each section:\n\n" + add_help(),
)
def add(
    ctx: typer.Context,
    section: Annotated[AddSection, typer.Argument(
        metavar="SECTION", help="education, work, training, supervision, reference, exam, "
        "license or endorsement.",
        show_default=False)],
    no_input: Annotated[bool, typer.Option(
        "--no-input", help="Never ask: a missing required option is an error.")] = False,
) -> None:
    """Add one entry without the questionnaire, e.g.
    `endorse add supervision --date 2025-03-04 --hours 1.5 --provider "Ana Lopez"`.
    Give the portfolio FILE anywhere among the options."""
    from .api import find_portfolio
    from .interview import adding

    line = adding.add(section.value, list(ctx.args), no_input=no_input,
                      default_file=find_portfolio)
    Terminal().message(line, label="done", style="32")
