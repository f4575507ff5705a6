"""The exit codes of endorse: a type every layer may name (``--fail-on`` maps a batch's failures
to one; ``errors`` maps each exception to one)."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INVALID_INPUT = 1  # a portfolio or rules file that cannot be read or judged
    USAGE = 2  # a wrong option, a missing file, a command that needs a terminal
    CHECK_FAILED = 3  # endorse check: a credential unmet or a warning, as --fail-on asks
    INTERRUPTED = 130  # Ctrl-C
    TERMINATED = 143  # SIGTERM (128 + 15), as a shell reports it
