"""The one exception family of endorse, and the exit codes it maps to.

Every problem a person can act on is an :class:`EndorseError`. The CLI has exactly one
handler for it (``cli.main``): it prints ``str(error)`` to stderr and exits with
``error.exit_code``. Nothing else in the package prints or exits.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INVALID_INPUT = 1  # a portfolio or rules file that cannot be read or judged
    USAGE = 2  # a wrong option, a missing file, a command that needs a terminal
    CHECK_FAILED = 3  # endorse check: a credential unmet or a warning, as --fail-on asks
    INTERRUPTED = 130  # Ctrl-C
    TERMINATED = 143  # SIGTERM (128 + 15), as a shell reports it


class EndorseError(Exception):
    """A problem with what the user gave us, with a message that says how to fix it."""

    exit_code: ExitCode = ExitCode.INVALID_INPUT
    #: How the message starts on stderr.
    label = "error"

    def __init__(self, message: str, *, fix: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix

    def __str__(self) -> str:
        if self.fix:
            return f"{self.message}\n  fix: {self.fix}"
        return self.message


class UsageError(EndorseError):
    exit_code = ExitCode.USAGE


class FileProblem(EndorseError):
    """A problem at a known place in a file: the file, the line and the key path."""

    kind = "file"

    def __init__(
        self,
        message: str,
        *,
        file: str,
        where: str | None = None,
        line: int | None = None,
        fix: str | None = None,
    ) -> None:
        super().__init__(message, fix=fix)
        self.file = file
        self.where = where
        self.line = line

    def __str__(self) -> str:
        place = self.file if self.line is None else f"{self.file}, line {self.line}"
        key = f"{self.where}: " if self.where else ""
        text = f"{place}: {key}{self.message}"
        if self.fix:
            text += f"\n  fix: {self.fix}"
        return text


class PortfolioError(FileProblem):
    kind = "portfolio"


class RulesError(FileProblem):
    kind = "rules"
