"""The one exception family of endorse, and the exit codes it maps to.

Every problem a person can act on is an :class:`EndorseError`. The CLI has exactly one
handler for it (``EndorseGroup.invoke``): it prints ``error.shown(language)``, the message in
the reader's language, to stderr and exits with ``error.exit_code``. Nothing else in the
package prints or exits. This layer cannot read the catalog: an error carries its English
template and values, and is translated where it is shown.
"""

from __future__ import annotations

from typing import Any

from .model.exits import ExitCode  # the codes are a type (model); here, what raises each
from .model.message import Message, N_, Speaker


class EndorseError(Exception):
    """A problem with what the user gave us, with a message that says how to fix it.

    ``message`` and ``fix`` are English templates marked with ``N_``, filled with ``values``
    and translated where they are shown, in the reader's language (:meth:`shown`); or
    :class:`~endorse_cli.model.message.Message` objects; or, without values, sentences
    already made, shown as they are.
    """

    exit_code: ExitCode = ExitCode.INVALID_INPUT
    #: How the message starts on stderr.
    label = "error"

    def __init__(self, message: str | Message, *, fix: str | Message | None = None,
                 **values: Any) -> None:
        self.said = _message(message, values)
        self.fix_said = None if fix is None else _message(fix, values)
        super().__init__(self.said.say())

    @property
    def message(self) -> str:
        """The message in English."""
        return self.said.say()

    @property
    def fix(self) -> str | None:
        """How to fix it, in English."""
        return None if self.fix_said is None else self.fix_said.say()

    def __str__(self) -> str:
        return self.shown()

    def shown(self, language: Speaker | None = None) -> str:
        """The message, and how to fix it, in ``language`` (None: English)."""
        text = self.said.say(language)
        if self.fix_said is not None:
            text += "\n  " + _fix_line(self.fix_said, language)
        return text


def _message(text: str | Message, values: dict[str, Any]) -> Message:
    return text if isinstance(text, Message) else Message(text, **values)


def _fix_line(fix: Message, language: Speaker | None) -> str:
    label = "fix" if language is None else language.gettext("fix")
    return f"{label}: {fix.say(language)}"


class UsageError(EndorseError):
    exit_code = ExitCode.USAGE


class FileProblem(EndorseError):
    """A problem at a known place in a file: the file, the line and the key path."""

    kind = "file"

    def __init__(
        self,
        message: str | Message,
        *,
        file: str,
        where: str | None = None,
        line: int | None = None,
        fix: str | Message | None = None,
        place: Any = None,
        **values: Any,
    ) -> None:
        super().__init__(message, fix=fix, **values)
        self.file = file
        #: The key path (``training[1].hours``), for scripts: JSON's ``where``.
        self.where = where
        self.line = line
        #: The same place in words (``your 2nd training (...), Hours``): something with
        #: ``say(language)``, such as a :class:`~endorse_cli.model.places.Place`; None to
        #: show the key path.
        self.place = place

    def described(self, language: Speaker | None = None) -> str:
        """The message after its place (the entry and key in words), without the file."""
        if self.place is not None:
            where = self.place.say(language) if self.place else ""
        else:
            where = self.where or ""
        said = self.said.say(language)
        return f"{where}: {said}" if where else said

    def shown(self, language: Speaker | None = None) -> str:
        """The file and line, the entry and key in words (the key path, in a rules file),
        then the message and its fix, in ``language`` (None: English)."""
        if self.line is None:
            place = self.file
        else:
            place = Message(N_("{file}, line {line}"), file=self.file, line=self.line).say(
                language)
        text = f"{place}: {self.described(language)}"
        if self.fix_said is not None:
            text += "\n  " + _fix_line(self.fix_said, language)
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
        if guess:
            message = Message(N_('"{given}" is not a credential of these rules; did you mean '
                                 '"{guess}"?'), given=given, guess=guess)
        else:
            message = Message(N_('"{given}" is not a credential of these rules'), given=given)
        super().__init__(message, fix=choices(ids))


def choices(values: list[str]) -> Message:
    """``use one of: a, b, c``: the fix of a value that is not one of ``values``."""
    return Message(N_("use one of: {choices}"), choices=", ".join(values))


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


#: The fix of each refusal of the operating system.
_OS_FIXES = {
    "ENOSPC": N_("free some space on that disk, or write somewhere else"),
    "EDQUOT": N_("free some space (your disk quota is used up), or write somewhere else"),
    "EROFS": N_("that disk is read-only: write somewhere else"),
    "EACCES": N_("you may not do this there: check the permissions, or choose another place"),
    "EPERM": N_("you may not do this there: check the permissions, or choose another place"),
    "ENOTDIR": N_("a plain file stands where a folder is needed: move it, or choose another "
                  "place"),
    "EEXIST": N_("something is in the way there: move it, or choose another place"),
    "EISDIR": N_("a folder stands where a file is needed: move it, or choose another place"),
    "ENOTEMPTY": N_("a folder is in the way there: move it, or choose another place"),
    "ENAMETOOLONG": N_("the name is too long for the disk: use a shorter name or folder"),
    "ENOENT": N_("check the path: a folder in it does not exist"),
    "ELOOP": N_("the path goes round in a circle of links: check them"),
}

#: The operating system's reasons, in the catalog: its own words (strerror) are English.
_OS_REASONS = {
    "ENOSPC": N_("No space left on device"),
    "EDQUOT": N_("Disk quota exceeded"),
    "EROFS": N_("Read-only file system"),
    "EACCES": N_("Permission denied"),
    "EPERM": N_("Operation not permitted"),
    "ENOTDIR": N_("Not a directory"),
    "EEXIST": N_("File exists"),
    "EISDIR": N_("Is a directory"),
    "ENOTEMPTY": N_("Directory not empty"),
    "ENAMETOOLONG": N_("File name too long"),
    "ENOENT": N_("No such file or directory"),
    "ELOOP": N_("Too many levels of symbolic links"),
}

#: What was being done when the disk refused (``doing`` of :func:`os_problem`).
DOING = {
    "read a certificate": N_("cannot read a certificate"),
    "write the bundle": N_("cannot write the bundle"),
    "save here": N_("cannot save here"),
}


def os_problem(error: OSError, doing: str | None = None, path: object = None) -> EndorseError:
    """An operating system's refusal (a full disk, a read-only folder, a file in the way) as
    one message that names the path and the fix, instead of a traceback.

    ``doing``: what could not be done, as :data:`DOING` names it (``"write the bundle"``)."""
    import errno

    where = path if path is not None else (error.filename or "?")
    fix = _OS_FIXES.get(errno.errorcode.get(error.errno or 0, ""),
                        N_("check the path and its permissions"))
    reason = os_reason(error)
    named = error.filename if error.filename and path is not None \
        and str(error.filename) != str(path) else None
    what = Message(DOING.get(doing, N_("cannot {doing}")), doing=doing) if doing else None
    # The one handler shows every message through the terminal's sanitiser. Only words are
    # in the catalog: these layouts of a path, a colon and a reason are the same in each.
    if what is not None and named is not None:
        message = Message("{path}: {doing}: {reason} ({file})", path=str(where), doing=what,
                          reason=reason, file=str(named))
    elif what is not None:
        message = Message("{path}: {doing}: {reason}", path=str(where), doing=what,
                          reason=reason)
    elif named is not None:
        message = Message("{path}: {reason} ({file})", path=str(where), reason=reason,
                          file=str(named))
    else:
        message = Message("{path}: {reason}", path=str(where), reason=reason)
    return EndorseError(message, fix=Message(fix))


def os_reason(error: OSError) -> str | Message:
    """Why the operating system refused, in the catalog's words when it gave its usual reason
    (its own words are English), else as it said it."""
    import errno
    import os

    name = errno.errorcode.get(error.errno or 0, "")
    if error.strerror and name in _OS_REASONS and error.strerror == os.strerror(error.errno):
        return Message(_OS_REASONS[name])
    return error.strerror or str(error)
