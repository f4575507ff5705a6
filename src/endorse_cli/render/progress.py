"""A one-line progress count on stderr, for long batches at a terminal; silent otherwise."""

from __future__ import annotations

from typing import IO

#: Fewer files than this finish before a count would help.
SHOW_FROM = 200


class Progress:
    def __init__(self, stream: IO[str], total: int, *, quiet_for: IO[str] | None = None) -> None:
        """Shown on ``stream`` when it is a terminal, unless ``quiet_for`` (the rows) is one
        too: then the rows themselves show the progress, and a count would break them."""
        def tty(s: IO[str] | None) -> bool:
            isatty = getattr(s, "isatty", None)
            return bool(isatty and isatty())

        self.stream = stream
        self.total = total
        self.shown = tty(stream) and not tty(quiet_for) and total >= SHOW_FROM
        self.count = 0
        self.every = max(1, total // 100)

    def step(self) -> None:
        self.count += 1
        if self.shown and (self.count % self.every == 0 or self.count == self.total):
            self.stream.write(f"\rchecked {self.count} of {self.total}")
            self.stream.flush()

    def done(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
