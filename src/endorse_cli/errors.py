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
        return self.shown()

    def shown(self, fix: str = "fix") -> str:
        """The message, and how to fix it after ``fix`` (the label in the reader's language)."""
        if self.fix:
            return f"{self.message}\n  {fix}: {self.fix}"
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

    def shown(self, fix: str = "fix") -> str:
        place = self.file if self.line is None else f"{self.file}, line {self.line}"
        key = f"{self.where}: " if self.where else ""
        text = f"{place}: {key}{self.message}"
        if self.fix:
            text += f"\n  {fix}: {self.fix}"
        return text


class PortfolioError(FileProblem):
    kind = "portfolio"


class RulesError(FileProblem):
    kind = "rules"


class UnknownCredential(UsageError):
    """A credential id that the rules in force do not have (``--credential``, a target)."""

    def __init__(self, given: str, ids: list[str], guess: str | None) -> None:
        self.given = given
        self.ids = ids
        self.guess = guess
        #: ``; did you mean "IMHS"?``, or nothing when no id is close.
        self.hint = f'; did you mean "{guess}"?' if guess else ""
        super().__init__(f'"{given}" is not a credential of these rules{self.hint}',
                         fix="use one of: " + ", ".join(ids))


class Terminated(EndorseError):
    """A batch stopped by SIGTERM: the files not yet checked are left out."""

    exit_code = ExitCode.TERMINATED
    label = "stopped"


class ChangedOnDisk(EndorseError):
    """The file was changed by someone else (an editor window) since it was read."""


class Interrupted(EndorseError):
    """The applicant pressed Ctrl-C or Ctrl-D: a stop, not an error."""

    exit_code = ExitCode.INTERRUPTED
    label = "stopped"


class BundleError(EndorseError):
    """A bundle that cannot be made as asked (missing or unsafe attachments, a template)."""


def os_problem(error: OSError, doing: str | None = None, path: object = None) -> EndorseError:
    """An operating system's refusal (a full disk, a read-only folder, a file in the way) as
    one message that names the path and the fix, instead of a traceback."""
    import errno

    where = path if path is not None else (error.filename or "?")
    fixes = {
        errno.ENOSPC: "free some space on that disk, or write somewhere else",
        errno.EDQUOT: "free some space (your disk quota is used up), or write somewhere else",
        errno.EROFS: "that disk is read-only: write somewhere else",
        errno.EACCES: "you may not do this there: check the permissions, or choose another place",
        errno.EPERM: "you may not do this there: check the permissions, or choose another place",
        errno.ENOTDIR: "a plain file stands where a folder is needed: move it, or choose "
                       "another place",
        errno.EEXIST: "something is in the way there: move it, or choose another place",
        errno.EISDIR: "a folder stands where a file is needed: move it, or choose another place",
        errno.ENOTEMPTY: "a folder is in the way there: move it, or choose another place",
        errno.ENAMETOOLONG: "the name is too long for the disk: use a shorter name or folder",
        errno.ENOENT: "check the path: a folder in it does not exist",
        errno.ELOOP: "the path goes round in a circle of links: check them",
    }
    fix = fixes.get(error.errno or 0, "check the path and its permissions")
    reason = error.strerror or str(error)
    named = f" ({error.filename})" if error.filename and path is not None \
        and str(error.filename) != str(path) else ""
    what = f"cannot {doing}: " if doing else ""
    # The one handler shows every message through the terminal's sanitiser.
    return EndorseError(f"{where}: {what}{reason}{named}", fix=fix)
