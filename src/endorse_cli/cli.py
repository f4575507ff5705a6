"""The `endorse` command line: thin typer commands that parse options, build one
:class:`~endorse_cli.app.context.Application` and call one function of :mod:`endorse_cli.app`.

Exit codes: 0 done; 1 invalid portfolio or rules file; 2 usage error; 130 interrupted.
"""

# No `from __future__ import annotations` here: typer would have to evaluate every
# annotation as a string, which doubles the time it takes to build the commands.
import functools
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperCommand, TyperGroup
from typer.main import get_current_context

from . import __version__
from .app.context import Application
from .errors import EndorseError, ExitCode
from .i18n import N_, Language
from .model.sections import ADDABLE, LOGGED, ORDER
from .model.failon import FailOn
from .render.terminal import COLOUR_CHOICES, Terminal


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


def _language(ctx: typer.Context) -> Language:
    """The language the command was asked in: its ``--lang``, else the locale's (chosen as the
    command chooses it, without a second note on an unknown --lang)."""
    import io
    import os

    from .i18n import choose

    return choose(_lang_in(ctx.meta.get("endorse.args", [])), os.environ, stderr=io.StringIO())


# -- the help and the usage errors in the reader's language -----------------------------------
#
# The help texts and placeholders below are English, marked with N_ and said in the reader's
# language only when a help page or a usage error is shown, so that a command that shows none
# reads no catalog. typer looks its own words up with the standard library's gettext ("Options",
# "[default: ...]"): endorse's catalog of them is bound to gettext's default domain while the
# command runs (`i18n.typer_words`). The click that typer carries has no gettext: the usage line,
# the help option and the usage errors are worded here, from what each error holds.

#: The words of a usage line and of a usage error that endorse writes itself.
USAGE_WORDS = (N_("Usage:"), N_("[OPTIONS]"), N_("COMMAND [ARGS]..."),
               N_("Show this message and exit."), N_("Try '{command} {option}' for help."),
               N_("Error: {message}"))


class Worded(str):
    """A help text with names in it (the sections): English as it is, and in another language
    its message translated, with the same names. typer may keep a plain copy of the text, so
    each is also found by its English text."""

    message: str
    names: tuple[str, ...]

    def __new__(cls, message: str, names: tuple[str, ...]) -> "Worded":
        text = super().__new__(cls, message.format(names=_either(names, None)))
        text.message, text.names = message, names
        _WORDED[str(text)] = text
        return text

    def said(self, language: Language) -> str:
        return language.gettext(self.message).format(names=_either(self.names, language))


_WORDED: dict[str, Worded] = {}


def _either(names: tuple[str, ...], language: Optional[Language]) -> str:
    """``a, b or c``, with the language's word for "or"."""
    pattern = "{names} or {last}" if language is None else language.gettext(
        N_("{names} or {last}"))
    return pattern.format(names=", ".join(names[:-1]), last=names[-1])


def _said(text: str, language: Language) -> str:
    """A help text in ``language``."""
    worded = _WORDED.get(text)
    return language.gettext(text) if worded is None else worded.said(language)


def _placeholders(command, ctx: typer.Context, language: Language) -> None:  # noqa: ANN001
    """The command's placeholders (``FILE``, ``YYYY-MM-DD``) in ``language``, once; typer
    builds the commands anew for each command line."""
    if language.english or ctx.meta.get(("endorse.placeholders", id(command))):
        return
    ctx.meta[("endorse.placeholders", id(command))] = True
    for param in command.get_params(ctx):
        if param.metavar:
            param.metavar = language.gettext(param.metavar)


@contextmanager
def _spoken(language: Language, shown: list):  # noqa: ANN202
    """While a help page is written: the help of each command and parameter in ``shown`` in
    ``language``."""
    texts = [(thing, thing.help) for thing in shown if thing is not None and thing.help]
    try:
        for thing, text in texts:
            thing.help = _said(text, language)
        yield
    finally:
        for thing, text in texts:
            thing.help = text


#: click's exceptions, wherever this version of typer keeps click.
_click = __import__(typer.BadParameter.__module__, fromlist=["UsageError"])


def _hint(error: Exception, ctx: typer.Context) -> str:
    """How a usage error names its parameter: ``'--format' / '-f'``, ``'PATH...'``."""
    hint = getattr(error, "param_hint", None)
    if isinstance(hint, str):
        return hint
    if hint is not None:
        return " / ".join(repr(x) for x in hint)
    param = getattr(error, "param", None)
    if param is None:
        return ""
    try:
        return param.get_error_hint(ctx)
    except TypeError:  # typer 0.29 asks for no context
        return param.get_error_hint()


def _choices(param) -> list[str]:  # noqa: ANN001
    """The values a parameter takes, where it takes a choice (typer keeps them as its type, or
    as its type's description)."""
    kind = getattr(param, "type_descriptor", None) or getattr(param, "type", None)
    return [str(getattr(c, "value", c)) for c in (getattr(kind, "choices", None) or ())]


def _worded(error: Exception, ctx: typer.Context, language: Language) -> str:
    """A usage error in ``language``, worded from what it holds (which option, which
    parameter, which values), else as typer says it."""
    _ = language.gettext
    if isinstance(error, _click.NoSuchOption):
        if error.possibilities:
            return _("No such option: {option} (Possible options: {options})").format(
                option=error.option_name, options=", ".join(sorted(error.possibilities)))
        return _("No such option: {option}").format(option=error.option_name)
    if isinstance(error, _click.BadOptionUsage):
        flag = any(error.option_name in p.opts and getattr(p, "is_flag", False)
                   for p in ctx.command.get_params(ctx))
        form = N_("Option {option} does not take a value.") if flag else N_(
            "Option {option} requires an argument.")
        return _(form).format(option=repr(error.option_name))
    if isinstance(error, _click.MissingParameter):
        return _("Missing argument {argument}.").format(argument=_hint(error, ctx))
    if isinstance(error, _click.BadParameter):
        if choices := _choices(error.param):
            listed = ", ".join(map(repr, choices))
            for tail in (f" is not one of {listed}.", f" is not {listed}."):  # click's words
                if error.message.endswith(tail) and error.message != tail:
                    return _("Invalid value for {name}: {value} is not one of {choices}."
                             ).format(name=_hint(error, ctx), choices=listed,
                                      value=error.message.removesuffix(tail))
            return _("Invalid value for {name}: choose one of {choices}.").format(
                name=_hint(error, ctx), choices=listed)
        return _("Invalid value for {name}: {reason}").format(name=_hint(error, ctx),
                                                           reason=error.message)
    return error.format_message()


class SpokenUsageError(_click.UsageError):
    """A usage error in the reader's language; shown as typer shows its own."""

    def __init__(self, message: str, ctx: typer.Context, exit_code: int,
                 language: Language) -> None:
        super().__init__(message, ctx)
        self.exit_code = exit_code
        self.language = language

    def show(self, file=None) -> None:  # noqa: ANN001
        _ = self.language.gettext
        ctx = self.ctx
        if ctx is not None:
            hint = ""
            if ctx.command.get_help_option(ctx) is not None:
                hint = _("Try '{command} {option}' for help.").format(
                    command=ctx.command_path, option=ctx.help_option_names[0]) + "\n"
            typer.echo(f"{ctx.get_usage()}\n{hint}", file=file, err=True, color=ctx.color)
        typer.echo(_("Error: {message}").format(message=self.message), file=file, err=True,
                   color=None if ctx is None else ctx.color)


def _in_language(error: Exception, ctx: typer.Context, message: Optional[str] = None
                 ) -> Exception:
    language = _language(ctx)
    if language.english:
        return error
    shown = getattr(error, "ctx", None)  # None: the error is shown without a usage line
    _placeholders((shown or ctx).command, shown or ctx, language)
    return SpokenUsageError(message or _worded(error, shown or ctx, language), shown,
                            error.exit_code, language)


class Spoken:
    """What endorse's commands and group share: their help, their usage line and their usage
    errors in the reader's language; ``--color`` and ``--quiet``; examples that end the help."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.params.extend(_shell_options())

    def format_epilog(self, ctx, formatter):  # noqa: ANN001, ANN201
        super().format_epilog(ctx, formatter)
        _write_examples(self, ctx, formatter)

    def shown(self, ctx: typer.Context) -> list:
        """What has help on this command's page: the command and its parameters."""
        return [self, *self.get_params(ctx)]

    def get_help_option(self, ctx):  # noqa: ANN001, ANN201
        option = super().get_help_option(ctx)
        if option is not None and not getattr(option, "endorse_help", False):
            option.help, option.endorse_help = N_("Show this message and exit."), True
        return option

    def format_help(self, ctx, formatter):  # noqa: ANN001, ANN201
        params = self.get_params(ctx)
        for param in params:  # --format and --output: their help from the formats registered
            if isinstance(getattr(param, "type", None), Formats):
                param.help = param.type.help()
                for output in (p for p in params if p.name == "output"):
                    output.help = param.type.output_help()
        language = _language(ctx)
        if language.english:
            return super().format_help(ctx, formatter)
        _placeholders(self, ctx, language)
        with _spoken(language, self.shown(ctx)):
            return super().format_help(ctx, formatter)

    def format_usage(self, ctx, formatter):  # noqa: ANN001, ANN201
        language = _language(ctx)
        if language.english:
            return super().format_usage(ctx, formatter)
        _placeholders(self, ctx, language)
        pieces = [language.gettext(N_("[OPTIONS]"))]
        for param in self.get_params(ctx):  # the arguments, by their placeholders
            if param.param_type_name == "argument":
                name = param.metavar or param.name.upper()
                pieces.append(f"{{{name}}}" if param.required else f"[{name}]")
        if isinstance(self, TyperGroup):
            pieces.append(language.gettext(N_("COMMAND [ARGS]...")))
        formatter.write_usage(ctx.command_path, " ".join(pieces),
                              prefix=language.gettext("Usage:") + " ")
        return None

    def parse_args(self, ctx, args):  # noqa: ANN001, ANN201
        allowed = ctx.allow_extra_args
        ctx.allow_extra_args = True  # the extra arguments are said below, in the language
        try:
            rest = super().parse_args(ctx, args)
        except _click.UsageError as error:
            raise _in_language(error, ctx) from None
        finally:
            ctx.allow_extra_args = allowed
        if ctx.args and not allowed and not ctx.resilient_parsing and not isinstance(
                self, TyperGroup):
            extra = " ".join(ctx.args)
            error = _click.UsageError(f"Got unexpected extra argument(s) ({extra})", ctx)
            raise _in_language(error, ctx, _language(ctx).gettext(
                "Got unexpected extra argument(s) ({arguments})").format(arguments=extra))
        return rest


# -- the shell's habits: --color, --quiet, examples and completion ---------------------------

def _chosen(ctx: typer.Context, param: typer.CallbackParam, value: object) -> object:
    """``--color`` or ``--quiet``, for the terminal of the command run (given before the command
    or after it)."""
    from .render.terminal import CHOICES

    if value is None or value is False:
        return value
    if param.name == "color":  # type: ignore[attr-defined]
        value = str(value).lower()
        if value not in COLOUR_CHOICES:
            raise typer.BadParameter(_language(ctx).gettext(
                "{value} is not one of {choices}").format(
                    value=repr(value), choices=", ".join(COLOUR_CHOICES)), ctx, param)
        CHOICES["colour"] = value
    else:
        CHOICES["quiet"] = True
    return value


def _colours(incomplete: str) -> list[str]:
    return [c for c in COLOUR_CHOICES if c.startswith(incomplete)]


@functools.cache
def _shell_options() -> tuple:
    """``--color`` and ``--quiet``, declared as every other option is and built once by typer
    itself (its public ``get_command``), so that they follow typer's own way of making an
    option whatever its version."""
    shell = typer.Typer(add_completion=False)

    @shell.command()
    def options(
        color: Optional[str] = typer.Option(
            None, "--color", expose_value=False, callback=_chosen, metavar="auto|always|never",
            autocompletion=_colours,
            help=N_("Colour: auto (on a terminal, unless NO_COLOR or TERM=dumb; "
                    "FORCE_COLOR forces it), always or never.")),
        quiet: bool = typer.Option(
            False, "--quiet", "-q", expose_value=False, callback=_chosen,
            help=N_("Only the data and the errors: no notes, warnings or progress.")),
    ) -> None:
        """Never run: its options are taken."""

    return tuple(typer.main.get_command(shell).params)


def _write_examples(command: object, ctx: typer.Context, formatter: object) -> None:
    """The examples at the end of ``command``'s help; under `endorse --help`, the exit codes
    and the language too."""
    from .app import shell

    language = _language(ctx)
    _ = language.gettext
    name = "" if isinstance(command, TyperGroup) else command.name  # type: ignore[attr-defined]
    indent = " " * (formatter.current_indent + 2)  # type: ignore[attr-defined]
    lines = []
    for what, example in shell.examples(name, language):
        lines += [f"{indent}{what}:", f"{indent}  {example}"]
    f: Any = formatter
    f.write_paragraph()
    f.write_text(_("Examples") + ":")
    f.write("\n".join(lines) + "\n")  # as they are typed: never wrapped
    if name:
        return
    with f.section(_("Exit codes")):
        f.write_dl(shell.exit_codes(language))
    with f.section(_("Language")):
        f.write_text(_("--lang en or --lang es, before the command or after it; default: the "
                       "locale's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else English."))


def _rules_given(ctx: typer.Context) -> Optional[str]:
    value = ctx.params.get("rules")
    return None if value is None else str(value)


def _complete_credential(ctx: typer.Context, incomplete: str) -> list:
    from .app.shell import credential_ids

    return credential_ids(_rules_given(ctx), incomplete)


def _complete_rules(incomplete: str) -> list:
    from .app.shell import rules_names

    return rules_names(incomplete)


def _complete_portfolio(incomplete: str) -> list:
    from .app.shell import toml_files

    return toml_files(incomplete)


def _complete_section(ctx: typer.Context, incomplete: str) -> list:
    from .app.shell import section_words

    return section_words(incomplete, _language(ctx))



class EndorseCommand(Spoken, TyperCommand):
    """One command; see :class:`Spoken`."""


class AddCommand(EndorseCommand):
    """`endorse add`: its help ends with the options of each section, worked out from the
    questions only when the help is shown, so that no other command pays for reading them."""

    def format_epilog(self, ctx, formatter):  # noqa: ANN001, ANN201
        from .interview.adding import options_help

        language = _language(ctx)
        heading = language.gettext("Options of each section:")
        width = max(40, (formatter.width or 80) - formatter.current_indent - 2)
        self.epilog = heading + "\n\n" + options_help(language, width)
        return super().format_epilog(ctx, formatter)


class EndorseGroup(Spoken, TyperGroup):
    """The one place where an EndorseError becomes a message on stderr and an exit code."""

    def parse_args(self, ctx, args):  # noqa: ANN001, ANN201
        ctx.meta["endorse.args"] = list(args)  # for the language of the messages below
        from .render.terminal import CHOICES

        CHOICES.update(colour="auto", quiet=False)  # until --color or --quiet says otherwise
        return super().parse_args(ctx, args)

    def shown(self, ctx: typer.Context) -> list:
        """The group's page also has each command's short help."""
        return [*super().shown(ctx), *(self.get_command(ctx, name)
                                       for name in self.list_commands(ctx))]

    def main(self, args=None, *rest, **options):  # noqa: ANN001, ANN002, ANN003, ANN201
        """typer's own words in the language of the command line, while it runs."""
        import io
        import os
        import sys

        from .i18n import choose, typer_words

        args = list(sys.argv[1:] if args is None else args)
        language = choose(_lang_in(args), os.environ, stderr=io.StringIO())
        with typer_words(language):
            return super().main(args, *rest, **options)

    def resolve_command(self, ctx, args):  # noqa: ANN001, ANN201
        try:
            return super().resolve_command(ctx, args)
        except _click.UsageError as error:
            language = _language(ctx)
            if language.english or not args or self.get_command(ctx, args[0]) is not None:
                raise _in_language(error, ctx) from None
            from difflib import get_close_matches

            _ = language.gettext
            said = _("No such command {command}.").format(command=repr(args[0]))
            if near := get_close_matches(args[0], self.list_commands(ctx)):
                said = _("No such command {command}. Did you mean {commands}?").format(
                    command=repr(args[0]), commands=", ".join(map(repr, near)))
            raise _in_language(error, ctx, said) from None

    def invoke(self, ctx):  # noqa: ANN001, ANN201
        try:
            return super().invoke(ctx)
        except EndorseError as error:
            stop = error.exit_code == ExitCode.INTERRUPTED
            term = _terminal(ctx)
            term.message(error.shown(term.language), label=error.label,
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
            term.message(problem.shown(term.language), label=problem.label,
                         style="31")
            ctx.exit(int(problem.exit_code))
        except KeyboardInterrupt:
            term = _terminal(ctx)
            term.message(term.language.gettext("stopped (Ctrl-C)"), label="stopped",
                         style="33")
            ctx.exit(int(ExitCode.INTERRUPTED))


def _terminal(ctx: typer.Context) -> Terminal:
    """stderr, in the language the command was asked in."""
    return Terminal(language=_language(ctx))


app = typer.Typer(
    cls=EndorseGroup,
    name="endorse",
    help=N_("Build, judge and plan an Infant Mental Health Endorsement® application."),
    invoke_without_command=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# -- numbers typed in options, with the decimal mark of the reader's language -------------------

def _decimal_point(value: object, ctx: object) -> object:
    """``0,5`` as ``0.5`` when the reader's language writes decimals with a comma (Spanish);
    English reads numbers as it always did."""
    if (isinstance(value, str) and value.count(",") == 1 and "." not in value
            and ctx is not None and _language(ctx).decimal_mark == ","):
        return value.replace(",", ".")
    return value


def _typed_number(text: str, *, whole: bool = False, least: float = 0) -> float:
    """A number typed in an option: with a point, or with the reader's decimal comma
    (``0,5`` with --lang es); refused, in the reader's language, when it is none or is under
    ``least``."""
    ctx = get_current_context()
    value = _decimal_point(text, ctx) if isinstance(text, str) else text
    language = _language(ctx)
    try:
        number = int(value) if whole else float(value)
    except (TypeError, ValueError):
        raise typer.BadParameter(language.gettext(
            N_("{value} is not a whole number") if whole else N_("{value} is not a number")
        ).format(value=repr(text))) from None
    if number != number or number < least:  # NaN, or too small
        raise typer.BadParameter(language.gettext(N_("{value} is less than {least}")).format(
            value=repr(text), least=language.number(least)))
    return number


def _hours(text: str) -> float:
    return _typed_number(text)


def _seconds(text: str) -> float:
    return _typed_number(text)


def _processes(text: str) -> int:
    return int(_typed_number(text, whole=True, least=1))


def _choice_type() -> type:
    """The type typer gives an option with choices: its own, or click's."""
    try:
        from typer._types import TyperChoice
    except ImportError:  # a typer that uses click's
        return _click.Choice
    return TyperChoice


class Formats(_choice_type()):  # type: ignore[misc]
    """What ``--format`` takes: the formats registered (`render.formats`) that write one of
    the command's ``views``, read from the registry when asked, not when the command line is
    built. A format named is checked alone (only its module is read); the list of them, for a
    help page, a usage error or the shell's completion, reads them all."""

    def __init__(self, *views: str, switches: dict[str, tuple[str, ...]] | None = None) -> None:
        super().__init__((), case_sensitive=False)
        self.views = views
        #: A flag that narrows the views written (`check --renewal`: only its renewal rows).
        self.switches = switches or {}

    def shell_complete(self, ctx, param, incomplete):  # noqa: ANN001, ANN201
        """Tab's choices: the formats of the views the flags on the line leave."""
        from click.shell_completion import CompletionItem

        from .app.shell import format_names

        views = next((views for flag, views in self.switches.items() if ctx.params.get(flag)),
                     self.views)
        return [CompletionItem(name) for name in format_names(views, incomplete)]

    @property
    def choices(self) -> tuple[str, ...]:
        from .render import formats

        return formats.writing(self.views)

    @choices.setter
    def choices(self, value: object) -> None:
        pass  # never set: the registry has them

    def convert(self, value, param, ctx):  # noqa: ANN001, ANN201
        from .render import formats

        typed = str(value).casefold()
        for name in formats.names():
            if name.casefold() == typed and any(formats.writes(name, v) for v in self.views):
                return name
        return super().convert(value, param, ctx)  # the usage error that lists them

    def help(self) -> "Said":
        """``--format``'s help: the formats' own notes after it."""
        from .render import formats

        return Said(formats.help_text(self.views))

    def output_help(self) -> "Said":
        """``--output``'s help: the formats that write only into a file."""
        from .model.message import Message
        from .render import formats

        binary = [name for name in self.choices if formats.get(name).binary]
        return Said(Message(N_("Write the rows into this file instead of printing them (needed "
                               "for --format {formats})."), formats=formats.either(binary))
                    if binary else Message(N_("Write the rows into this file instead of "
                                              "printing them.")))


class Said(str):
    """A help text made when the help is shown, from a message: English as it is, and in
    another language the message said in it (found by its English text, as :class:`Worded`)."""

    message: Any

    def __new__(cls, message: Any) -> "Said":
        text = super().__new__(cls, message.say())
        text.message = message
        _WORDED[str(text)] = text  # type: ignore[assignment]
        return text

    def said(self, language: Language) -> str:
        return self.message.say(language)


def _format_option(*views: str, switches: dict[str, tuple[str, ...]] | None = None) -> Any:
    """``--format``, for a command that writes ``views`` (``switches``: a flag that narrows
    them)."""
    return typer.Option("--format", "-f", click_type=Formats(*views, switches=switches),
                        help=N_("Output format."))


FileArg = Annotated[
    Optional[str],
    typer.Argument(metavar=N_("FILE"), show_default=False, autocompletion=_complete_portfolio,
                   help=N_("Portfolio file. Default: $ENDORSE_PORTFOLIO, then ./portfolio.toml.")),
]
AsOf = Annotated[
    Optional[str],
    typer.Option("--as-of", metavar=N_("YYYY-MM-DD"),
                 help=N_("Judge as of this date, YYYY-MM-DD or with slashes in the language's "
                      "order: 3/15/2027, or 15/3/2027 with --lang es (default: today). Later "
                      "entries are not counted."),
                 show_default=False),
]
RulesOpt = Annotated[
    Optional[Path],
    typer.Option("--rules", metavar=N_("FILE|NAME"), envvar="ENDORSE_RULES",
                 help=N_("Credential rules: a file, or a rules pack by name (`endorse rules` "
                      "lists them). Default: the shipped rules."), show_default=False,
                 autocompletion=_complete_rules),
]
CredentialOpt = Annotated[
    Optional[str],
    typer.Option("--credential", "-c", metavar=N_("ID"),
                 help=N_("The credential to judge by (default: applicant.target, else the "
                      "recommended one; for check, each portfolio's recommendation)."),
                 autocompletion=_complete_credential,
                 show_default=False),
]
LangOpt = Annotated[
    Optional[str],
    typer.Option("--lang", metavar=N_("CODE"),
                 help=N_("The language to write in: en or es (default: the locale's, from "
                      "LANGUAGE, LC_ALL, LC_MESSAGES or LANG; else English). JSON is the same "
                      "in every language."), show_default=False),
]
PaceOpt = Annotated[
    Optional[float],
    typer.Option("--assume-rsc-per-month", metavar=N_("HOURS"), parser=_hours,
                 help=N_("Forecast RS/C at this many hours a month instead of your recent pace."),
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
                                          help=N_("Show the version and exit."))] = False,
    lang: Annotated[Optional[str], typer.Option("--lang", hidden=True)] = None,
) -> None:
    """Judge a portfolio against the Endorsement® credentials, and plan what is left.

    ``endorse --lang es ...`` is taken as the command's own --lang (which wins when given too),
    so that the language may be named anywhere on the command line."""
    if lang is not None:
        ctx.default_map = {name: {"lang": lang} for name in ctx.command.list_commands(ctx)}
    if ctx.invoked_subcommand is None:  # `endorse` alone: the help, as asked for
        print(ctx.get_help())
        raise typer.Exit()


@app.command(cls=EndorseCommand,
             help=N_("Every credential at a glance, and the one that fits you best."))
def assess(file: FileArg = None, as_of: AsOf = None, rules: RulesOpt = None,
           lang: LangOpt = None,
           format: Annotated[str, _format_option("assess")] = "text",
           assume_rsc_per_month: PaceOpt = None) -> None:
    from .app.assess import assess as run

    run(Application("assess", as_of=as_of, rules_file=rules, lang=lang), file,
        fmt=format, rsc_per_month=assume_rsc_per_month)


@app.command(cls=EndorseCommand, help=N_(
    "The gap checklist: what is met, what is missing, what to do next, and when."))
def gaps(
    file: FileArg = None,
    credential: CredentialOpt = None,
    as_of: AsOf = None,
    rules: RulesOpt = None,
    lang: LangOpt = None,
    format: Annotated[str, _format_option("gaps", "timeline")] = "text",
    timeline: Annotated[bool, typer.Option(
        "--timeline",
        help=N_("When each missing requirement will be met, soonest first."))] = False,
    assume_rsc_per_month: PaceOpt = None,
) -> None:
    from .app.gaps import gaps as run

    run(Application("gaps", as_of=as_of, rules_file=rules, lang=lang), file,
        credential=credential, fmt=format, rsc_per_month=assume_rsc_per_month,
        timeline=timeline)


@app.command(cls=EndorseCommand, help=N_("The credentials and requirements in force."))
def credentials(rules: RulesOpt = None, lang: LangOpt = None,
                format: Annotated[str, _format_option("credentials")] = "text") -> None:
    from .app.credentials import credentials as run

    run(Application("credentials", rules_file=rules, lang=lang), fmt=format)


#: What asks for shell completion: its options, and the variable the shell sets to complete.
COMPLETION_OPTIONS = ("--install-completion", "--show-completion")
COMPLETION_VARIABLE = "_ENDORSE_COMPLETE"


@app.command(cls=EndorseCommand, help=N_(
    "For an endorsed professional: each renewal year's training and RS/C against the yearly\n"
    "minimums, what the year now running still needs, and the day it is due."))
def renew(file: FileArg = None, as_of: AsOf = None, rules: RulesOpt = None,
          lang: LangOpt = None,
          format: Annotated[str, _format_option("renewal")] = "text") -> None:
    from .app.renew import renew as run

    run(Application("renew", as_of=as_of, rules_file=rules, lang=lang), file, fmt=format)


@app.command("rules", cls=EndorseCommand, help=N_(
    "The default rules and every rules pack shipped, with their sources and dates."))
def rules_(format: Annotated[str, _format_option("rules")] = "text",
           lang: LangOpt = None) -> None:
    from .app.renew import list_rules

    list_rules(Application("rules", lang=lang), fmt=format)


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
    if args and args[0].split("=")[0] in COMPLETION_OPTIONS:
        _completion_for_shell(args)
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


def _completion_for_shell(args: list[str]) -> None:
    """`endorse --install-completion bash` (or `--show-completion zsh`): for the shell named,
    whichever shell runs the command. Without a name, typer finds the shell that runs it."""
    import os

    from .app.shell import SHELLS

    option, _, shell = args[0].partition("=")
    shell = shell or (args[1] if len(args) > 1 else "")
    if shell not in SHELLS:
        return
    from .app.shell import install
    from .i18n import choose

    language = choose(_lang_in(args), os.environ)
    print(install(shell, show=option == "--show-completion", language=language,
                  variable=COMPLETION_VARIABLE))
    raise SystemExit(0)


PathsArg = Annotated[
    list[str],
    typer.Argument(metavar=N_("PATH..."), help=N_("Portfolio files, folders (searched for *.toml) "
                   "and globs."), show_default=False, autocompletion=_complete_portfolio),
]
ExcludeOpt = Annotated[
    Optional[list[str]],
    typer.Option("--exclude", "-x", metavar=N_("GLOB"),
                 help=N_("Leave out files whose path matches (repeat it); pyproject.toml is "
                      "always left out."), show_default=False),
]
TimeLimitOpt = Annotated[
    Optional[float],
    typer.Option("--time-limit", metavar=N_("SECONDS"), parser=_seconds,
                 help=N_("Stop judging a file after this long and report it (default: 10; "
                      "0: no limit)."), show_default=False),
]
OutputOpt = Annotated[
    Optional[Path],
    typer.Option("--output", "-o", metavar="FILE",
                 help=N_("Write the rows into this file instead of printing them."),
                 show_default=False),
]
JobsOpt = Annotated[
    Optional[int],
    typer.Option("--jobs", "-j", parser=_processes, metavar=N_("N"),
                 help=N_("Processes to use (default: the number of CPUs)."), show_default=False),
]


@app.command(cls=EndorseCommand,
             help=N_("Judge many portfolios: one row each, and a summary."))
def check(
    paths: PathsArg,
    credential: CredentialOpt = None,
    fail_on: Annotated[Optional[FailOn], typer.Option(
        "--fail-on", help=N_("What makes the exit code non-zero (and a JUnit failure). "
        "Default: invalid; with --credential, unmet."), case_sensitive=False,
        show_default=False)] = None,
    jobs: JobsOpt = None,
    exclude: ExcludeOpt = None,
    time_limit: TimeLimitOpt = None,
    as_of: AsOf = None,
    rules: RulesOpt = None,
    lang: LangOpt = None,
    format: Annotated[str, _format_option("rows", "renewal-rows",
                                                switches={"renewal": ("renewal-rows",)})] = "table",
    output: OutputOpt = None,
    renewal: Annotated[bool, typer.Option(
        "--renewal", help=N_("Renewal instead: one row per endorsement held, with its status, "
        "due day and what is missing (needs rules with a yearly renewal)."))] = False,
) -> None:
    if renewal:
        from .app.renew import check_renewal

        raise typer.Exit(int(check_renewal(
            Application("check", as_of=as_of, rules_file=rules, lang=lang),
            paths, fmt=format, exclude=exclude or [], output=output, jobs=jobs,
            time_limit=time_limit, credential=credential, fail_on=fail_on)))
    from .app.check import check as run

    code = run(Application("check", as_of=as_of, rules_file=rules, lang=lang), paths,
               credential=credential, fmt=format, fail_on=fail_on, jobs=jobs,
               exclude=exclude or [], time_limit=time_limit, output=output)
    raise typer.Exit(int(code))


@app.command(cls=EndorseCommand,
             help=N_("Check the format of many portfolios, without judging them."))
def validate(paths: PathsArg, jobs: JobsOpt = None, exclude: ExcludeOpt = None,
             time_limit: TimeLimitOpt = None, rules: RulesOpt = None,
             lang: LangOpt = None,
             format: Annotated[str, _format_option("rows")] = "table",
             output: OutputOpt = None) -> None:
    from .app.check import validate as run

    code = run(Application("validate", rules_file=rules, lang=lang), paths, fmt=format,
               jobs=jobs,
               exclude=exclude or [], time_limit=time_limit, output=output)
    raise typer.Exit(int(code))


@app.command(cls=EndorseCommand, help=N_(
    "Print the portfolio format's JSON Schema (draft-07), for editors and validators."))
def schema(lang: LangOpt = None) -> None:
    from .app.schema import schema as run

    run(Application("schema", lang=lang))


@app.command(cls=EndorseCommand, help=N_(
    "Write the submission bundle: summary, checklist, CSV files, certificates and a zip."))
def bundle(
    file: FileArg = None,
    credential: CredentialOpt = None,
    out: Annotated[Optional[Path], typer.Option(
        "--out", "-o", metavar=N_("DIR"), help=N_("Where to write (default: this folder)."),
        show_default=False)] = None,
    as_of: AsOf = None,
    templates: Annotated[Optional[Path], typer.Option(
        "--templates", metavar=N_("DIR"), help=N_("Your own templates, in place of the shipped ones."),
        show_default=False)] = None,
    force: Annotated[bool, typer.Option(
        "--force", help=N_("Replace a bundle already there."))] = False,
    allow_missing: Annotated[bool, typer.Option(
        "--allow-missing", help=N_("Bundle even when certificate files are missing."))] = False,
    rules: RulesOpt = None,
    lang: LangOpt = None,
) -> None:
    from .app.bundle import bundle as run

    run(Application("bundle", as_of=as_of, rules_file=rules, lang=lang), file,
        credential=credential,
        out=out, templates=templates, force=force, allow_missing=allow_missing)


@app.command(cls=EndorseCommand, help=N_(
    "One page for a whole cohort: who is ready when, and what holds them back."))
def report(
    paths: PathsArg,
    out: Annotated[Optional[Path], typer.Option(
        "--out", "-o", metavar=N_("DIR"), help=N_("Where to write report.html, report.csv and "
        "report.json (default: this folder)."), show_default=False)] = None,
    as_of: AsOf = None,
    credential: Annotated[Optional[str], typer.Option(
        "--credential", "-c", metavar=N_("ID"), help=N_("Judge everyone for this credential "
        "(default: each portfolio's recommended one)."), show_default=False,
        autocompletion=_complete_credential)] = None,
    review_date: Annotated[Optional[str], typer.Option(
        "--review-date", metavar=N_("YYYY-MM-DD"), help=N_("The next review date: who will be ready "
        "by then."), show_default=False)] = None,
    rules: RulesOpt = None,
    lang: LangOpt = None,
    jobs: JobsOpt = None,
    exclude: ExcludeOpt = None,
) -> None:
    from .app.report import report as run

    run(Application("report", as_of=as_of, rules_file=rules, lang=lang), paths, out=out,
        credential=credential, review_date=review_date, jobs=jobs, exclude=exclude or [])


# -- the questionnaire (questionary and tomlkit load only here) ----------------------------

#: The sections `add` takes, from the one list (interview/adding.py), and those the interview
#: walks, in its order (a prefix of it).
Section = Enum("Section", {name: name for name in ADDABLE}, type=str)  # type: ignore[misc]
WALKED = ORDER

SectionOpt = Annotated[
    Optional[str],
    typer.Option("--section", "-s", metavar=N_("SECTION"),
                 help=Worded(N_("Go straight to one section: {names}."), WALKED),
                 show_default=False, autocompletion=_complete_section),
]


@app.command(cls=EndorseCommand, help=N_(
    "Start a new portfolio: a few questions, then the interview if you like; or, with\n"
    "--name (and --no-input), from options alone."))
def init(
    file: FileArg = None,
    name: Annotated[Optional[str], typer.Option(
        "--name", help=N_("Your full name: with it, nothing is asked (for scripts)."),
        show_default=False)] = None,
    email: Annotated[Optional[str], typer.Option("--email", show_default=False,
                                                 help=N_("Your email address."))] = None,
    focus: Annotated[Optional[str], typer.Option(
        "--focus", metavar=N_("FIELD"), show_default=False,
        help=N_("Your field of work: promotion, prevention, clinical or leadership."))] = None,
    target: Annotated[Optional[str], typer.Option(
        "--target", metavar=N_("ID"), show_default=False, autocompletion=_complete_credential,
        help=N_("The credential you are applying for."))] = None,
    no_input: Annotated[bool, typer.Option(
        "--no-input", help=N_("Never ask: start the portfolio from the options alone."))] = False,
    rules: RulesOpt = None,
    lang: LangOpt = None,
) -> None:
    from .app.questionnaire import init as run

    options = {"name": name, "email": email, "focus": focus, "target": target}
    given = {k: v for k, v in options.items() if v is not None}
    run(Application("init", rules_file=rules, lang=lang), file,
        given if (given or no_input) else None)


@app.command(cls=EndorseCommand, help=N_(
    "Add to your portfolio, section by section; every entry is saved as you go."))
def interview(file: FileArg = None, section: SectionOpt = None, rules: RulesOpt = None,
              lang: LangOpt = None) -> None:
    from .app.questionnaire import interview as run

    run(Application("interview", rules_file=rules, lang=lang), file,
        section=section)


@app.command(cls=EndorseCommand, help=N_(
    "Change or remove any entry of your portfolio.\n\n"
    "With --set, a change without questions, e.g. `endorse edit --provider \"Ana Lopez\"\n"
    "--set provider_credential=IMHS` (every RS/C session with her at once)."))
def edit(
    file: FileArg = None,
    provider: Annotated[Optional[str], typer.Option(
        "--provider", metavar="NAME", show_default=False,
        help=N_("Change every RS/C session with this provider (any case or spacing); "
                "without --set, the provider's Endorsement is asked once."))] = None,
    section: Annotated[Optional[str], typer.Option(
        "--section", "-s", metavar="SECTION", show_default=False,
        help=N_("With --number, the entry to change; `exam` for the exam. Default: your "
                "details."))] = None,
    number: Annotated[Optional[int], typer.Option(
        "--number", "-n", metavar="N", min=1, show_default=False,
        help=N_("The entry of --section to change, counted from 1."))] = None,
    set_: Annotated[Optional[list[str]], typer.Option(
        "--set", metavar="KEY=VALUE", show_default=False,
        help=N_("Set KEY to VALUE, read as its question reads it; an empty VALUE removes "
                "it (repeatable)."))] = None,
    rules: RulesOpt = None,
    lang: LangOpt = None,
) -> None:
    from .app.questionnaire import edit as run

    given = {"provider": provider, "section": section, "number": number, "set": set_}
    run(Application("edit", rules_file=rules, lang=lang), file,
        {k: v for k, v in given.items() if v is not None} or None)


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    cls=AddCommand,
    help=N_("Add one entry without the questionnaire, e.g.\n"
            "`endorse add supervision --date 2025-03-04 --hours 1.5 --provider \"Ana Lopez\"`.\n"
            "Give the portfolio FILE anywhere among the options."),
)
def add(
    ctx: typer.Context,
    section: Annotated[Section, typer.Argument(
        metavar=N_("SECTION"), help=Worded(N_("{names}."), ADDABLE), show_default=False,
        show_choices=False)],  # named in its help, in the reader's "or"
    no_input: Annotated[bool, typer.Option(
        "--no-input", help=N_("Never ask: a missing required option is an error."))] = False,
    rules: RulesOpt = None,
    lang: LangOpt = None,
) -> None:
    from .app.questionnaire import add as run

    run(Application(f"add {section.value}", rules_file=rules, lang=lang), section.value,
        list(ctx.args), no_input=no_input)


# -- records from spreadsheets (python-calamine and openpyxl load only here) -----------------



@app.command("import", cls=EndorseCommand, help=N_(
    "Add the rows of a spreadsheet (CSV, .xlsx or .ods) to your portfolio: a log of RS/C\n"
    "sessions, a training transcript, your jobs, degrees or references. Shows them first."))
def import_(
    source: Annotated[str, typer.Argument(
        metavar=N_("SOURCE"), help=N_("The spreadsheet: .csv, .xlsx, .xls or .ods."),
        show_default=False)],
    file: FileArg = None,
    section: Annotated[Optional[str], typer.Option(
        "--section", "-s", metavar=N_("SECTION"),
        help=Worded(N_("What the rows are: {names} (default: guessed from the columns)."),
                    LOGGED), show_default=False)] = None,
    sheet: Annotated[Optional[str], typer.Option(
        "--sheet", metavar=N_("NAME"), help=N_("The sheet of a workbook to read (default: the "
                                           "first)."), show_default=False)] = None,
    map_: Annotated[Optional[list[str]], typer.Option(
        "--map", metavar=N_("COLUMN=FIELD"), help=N_("Read a column the tool does not know as "
        "this field, e.g. --map \"Facilitator=provider\" (repeat it)."),
        show_default=False)] = None,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help=N_("Only show what would be added; write nothing."))] = False,
    yes: Annotated[bool, typer.Option(
        "--yes", "-y", help=N_("Add them without asking."))] = False,
    skip_bad: Annotated[bool, typer.Option(
        "--skip-bad", help=N_("Add the rows that can be read and list the others (by default "
                              "a row that cannot be read stops the import)."))] = False,
    rules: RulesOpt = None,
    lang: LangOpt = None,
) -> None:
    from .app.records import import_ as run

    run(Application("import", rules_file=rules, lang=lang), source, file, section=section,
        sheet=sheet, maps=map_ or [], dry_run=dry_run, yes=yes, skip_bad=skip_bad)


@app.command(cls=EndorseCommand, help=N_(
    "Write a blank log to fill in a spreadsheet (.xlsx or .csv), with the columns\n"
    "`endorse import` reads, in your language."))
def template(
    section: Annotated[str, typer.Argument(
        metavar=N_("SECTION"), help=Worded(N_("{names}."), LOGGED), show_default=False)],
    out: Annotated[Path, typer.Option(
        "--output", "-o", metavar=N_("FILE"), help=N_("The file to write: .xlsx or .csv."),
        show_default=False)],
    rules: RulesOpt = None,
    lang: LangOpt = None,
) -> None:
    from .app.records import template as run

    run(Application("template", rules_file=rules, lang=lang), section, out)
