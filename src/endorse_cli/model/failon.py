"""`--fail-on`: which portfolios of a batch fail, the one policy behind both the exit code of
`endorse check` and the failures of its JUnit report, so that the two never disagree."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Literal

from .exits import ExitCode

if TYPE_CHECKING:
    from .results import CheckRow

Failure = Literal["invalid", "unmet", "unready", "warning"]


class FailOn(str, Enum):
    """What makes a portfolio of a batch fail."""

    invalid = "invalid"  # only a file that cannot be read or judged
    unmet = "unmet"  # also a credential not met
    unready = "unready"  # also a credential met but not ready (waiting on ratings...)
    warning = "warning"  # also a portfolio with warnings
    never = "never"  # nothing

    @classmethod
    def default(cls, credential: str | None) -> FailOn:
        """``unmet`` when a credential is named (the question asked is "is it met?"), else
        ``invalid``."""
        return cls.unmet if credential else cls.invalid

    def failure(self, row: CheckRow) -> Failure | None:
        """Why ``row`` fails under this policy, or None when it passes."""
        if self is FailOn.never:
            return None
        if row.invalid:
            return "invalid"
        if self in (FailOn.unmet, FailOn.unready) and row.met is False:
            return "unmet"
        if self is FailOn.unready and row.ready is False:
            return "unready"
        if self is FailOn.warning and row.warnings:
            return "warning"
        return None

    def renewal_failure(self, status: str) -> Failure | None:
        """Why a row of `check --renewal` with ``status`` fails under this policy: a file that
        cannot be read is ``invalid``; with ``unmet``, ``unready`` or ``warning`` (a renewal
        has no readiness or warnings of its own), a renewal that is not current (``due``,
        ``late``, ``lapsed``, or ``unknown`` to the rules) is ``unmet``. A portfolio that holds
        no endorsement (``not endorsed``) has nothing to renew and never fails."""
        if self is FailOn.never:
            return None
        if status == "invalid":
            return "invalid"
        if self is not FailOn.invalid and status in ("due", "late", "lapsed", "unknown"):
            return "unmet"
        return None

    @staticmethod
    def exit_code(failures: set[Failure]) -> ExitCode:
        """The exit code of a batch whose rows failed for ``failures``: an invalid file
        outranks an unmet credential or a warning."""
        if "invalid" in failures:
            return ExitCode.INVALID_INPUT
        return ExitCode.CHECK_FAILED if failures else ExitCode.OK
