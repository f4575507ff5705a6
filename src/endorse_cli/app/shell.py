"""What the shell asks of endorse: Tab completion's answers, the completion script installed
for the shell named, and the examples that end each command's help.

Loaded only when the shell completes a word, a completion is installed, or help is shown.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..i18n import N_, Language

#: The shells typer writes a completion script for.
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


# -- completion ----------------------------------------------------------------------------

def credential_ids(rules: str | None, incomplete: str) -> list[tuple[str, str]]:
    """The credentials of the rules in force (``--rules``, else $ENDORSE_RULES, else the
    shipped ones) that start with ``incomplete`` (any case), each with its name."""
    from ..errors import EndorseError
    from ..io.rules_file import load_rules

    given = rules or os.environ.get("ENDORSE_RULES") or None
    try:
        loaded = load_rules(Path(given) if given else None).value
    except EndorseError:
        return []  # rules that cannot be read complete nothing; the command will say why
    typed = incomplete.casefold()
    return [(c.id, c.name) for c in loaded.credential if c.id.casefold().startswith(typed)]


def rules_names(incomplete: str) -> list[tuple[str, str]]:
    """The shipped rules packs by name, then the rules files (``.toml``) that ``incomplete``
    starts."""
    from ..io.rules_file import pack_names

    packs = [(name, "rules pack") for name in pack_names() if name.startswith(incomplete)]
    return packs + [(f, "") for f in toml_files(incomplete)]


def format_names(views: tuple[str, ...], incomplete: str) -> list[str]:
    """The output formats that write one of ``views`` and start with ``incomplete`` (any
    case), in the registry's order."""
    from ..render import formats

    typed = incomplete.casefold()
    return [name for name in formats.writing(views) if name.casefold().startswith(typed)]


def toml_files(incomplete: str) -> list[str]:
    """The ``.toml`` files (portfolios) whose path starts with ``incomplete``, sorted, and
    then its folders: but only when some ``.toml`` file matches. With none, nothing, so that
    the shell offers every file as it always does (the script asks for its own file names
    when endorse has none)."""
    folder, _, start = incomplete.rpartition(os.sep)
    base = Path(folder or ".")
    if folder and not incomplete.startswith(os.sep) and folder.startswith("~"):
        base = Path(folder).expanduser()
    try:
        names = sorted(os.scandir(base), key=lambda e: e.name)
    except OSError:
        return []
    prefix = f"{folder}{os.sep}" if folder else ""
    hidden = start.startswith(".")
    shown = [e for e in names if e.name.startswith(start) and (hidden or e.name[0] != ".")]
    files = [prefix + e.name for e in shown if e.name.endswith(".toml") and _is_file(e)]
    if not files:
        return []
    return files + [prefix + e.name + os.sep for e in shown if _is_dir(e)]


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def section_words(incomplete: str, language: Language) -> list[str]:
    """The sections ``--section`` takes that start with ``incomplete``: their names, and in
    another language also the names the reader types in it (``capacitación``)."""
    from ..interview.fields import typed_sections

    typed = incomplete.casefold()
    return [word for word in typed_sections(language) if word.casefold().startswith(typed)]


def install(shell: str, *, show: bool, language: Language, command: str = "endorse",
            variable: str = "_ENDORSE_COMPLETE") -> str:
    """The completion script for ``shell`` (``show``), or where it was installed, said."""
    from typer._completion_shared import get_completion_script
    from typer._completion_shared import install as typer_install

    if show:
        return get_completion_script(prog_name=command, complete_var=variable, shell=shell)
    shell, path = typer_install(shell=shell, prog_name=command, complete_var=variable)
    return language.gettext(N_("{shell} completion installed in {path}; it works in the next "
                               "terminal you open.")).format(shell=shell, path=path)


# -- the help's examples ----------------------------------------------------------------------

#: One or two real examples per command, each with what it does, shown at the end of its help.
EXAMPLES: dict[str, tuple[tuple[str, str], ...]] = {
    "": ((N_("The gap checklist of a portfolio"), "endorse gaps portfolio.toml"),
         (N_("Every command's options"), "endorse gaps --help")),
    "assess": ((N_("Every credential, and the recommendation"), "endorse assess portfolio.toml"),
               (N_("The same for a script, from standard input"),
                "cat portfolio.toml | endorse assess - --format json")),
    "gaps": ((N_("When each missing requirement will be met"),
              "endorse gaps portfolio.toml --timeline"),
             (N_("The days that matter, for your calendar"),
              "endorse gaps portfolio.toml --format ics > endorse.ics")),
    "credentials": ((N_("The credentials of a rules pack"),
                     "endorse credentials --rules imh-e-2025"),),
    "renew": ((N_("What this year's renewal still needs"), "endorse renew portfolio.toml"),
              (N_("The due date and the end of the late period, for your calendar"),
               "endorse renew portfolio.toml --format ics > renewal.ics")),
    "rules": ((N_("The rules packs shipped"), "endorse rules"),),
    "check": ((N_("Every portfolio in a folder, for one credential"),
               "endorse check cohort/ --credential IFS"),
              (N_("A JUnit report for CI"), "endorse check cohort/ --format junit > report.xml")),
    "validate": ((N_("The format of every portfolio in a folder"), "endorse validate cohort/"),
                 (N_("One portfolio, from standard input"),
                  "cat portfolio.toml | endorse validate -")),
    "schema": ((N_("The schema, for your editor"),
                "endorse schema > portfolio.schema.json"),),
    "bundle": ((N_("The bundle of the credential you apply for"),
                "endorse bundle portfolio.toml --out submissions/"),),
    "report": ((N_("One page about a cohort, with the next review date"),
                "endorse report cohort/ --review-date 2027-03-31 --out report/"),),
    "init": ((N_("Start a portfolio, answering a few questions"), "endorse init"),
             (N_("Start one from a script"),
              'endorse init portfolio.toml --name "Ana Lopez" --no-input')),
    "interview": ((N_("Add RS/C sessions"), "endorse interview portfolio.toml --section rsc"),),
    "edit": ((N_("Change or remove an entry"), "endorse edit portfolio.toml"),),
    "import": ((N_("See what a log of RS/C sessions would add, then add it"),
                "endorse import rsc-log.xlsx portfolio.toml --dry-run"),),
    "template": ((N_("A blank log of RS/C sessions to fill in"),
                  "endorse template supervision --output rsc-log.xlsx"),),
    "add": ((N_("Log an RS/C session"),
             'endorse add supervision --date 2025-03-04 --hours 2 --provider "Ana Lopez"'),
            (N_("Log a training"),
             'endorse add training --title "Attachment 101" --date 2025-03-15 --hours 3')),
}

#: The exit codes, listed at the end of `endorse --help` (the README's table, in short).
EXIT_CODES = (
    ("0", N_("done")),
    ("1", N_("a portfolio or rules file is invalid, or a file could not be read or written")),
    ("2", N_("usage error: an unknown option or credential, a bad date, no portfolio")),
    ("3", N_("`endorse check`: what --fail-on fails on was found")),
    ("130", N_("interrupted (Ctrl-C); the entries completed before it are saved")),
    ("143", N_("`endorse check` or `validate` stopped by SIGTERM")),
)


def examples(command: str, language: Language) -> list[tuple[str, str]]:
    """``command``'s examples, each as (what it does in ``language``, the command line)."""
    return [(language.gettext(what), line) for what, line in EXAMPLES.get(command, ())]


def exit_codes(language: Language) -> list[tuple[str, str]]:
    return [(code, language.gettext(meaning)) for code, meaning in EXIT_CODES]
