"""Progress of a long batch (`check`, `validate`, `report`) on stderr: a bar with the count,
the rate and the time left, in the reader's language, drawn by rich. Only on a terminal that
can redraw a line (not ``TERM=dumb``, not ``--quiet``), and never when the rows go to the same
terminal (the rows themselves show the progress there, and a bar would break them); silent
otherwise, whatever FORCE_COLOR says. Its colour follows :func:`.terminal.colour_wanted`."""

from __future__ import annotations

from typing import IO, Any

from ..i18n import ENGLISH, N_, Language
from .terminal import colour_wanted, is_terminal, live_wanted

#: Fewer files than this finish before a count would help.
SHOW_FROM = 200


def _clock(seconds: float) -> str:
    """``1:05`` (minutes and seconds), ``1:02:05`` past an hour."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def rate_words(speed: float | None, language: Language = ENGLISH) -> str:
    """``12 files a second`` (``12 archivos por segundo``); empty until there is a rate."""
    if not speed:
        return ""
    shown = round(speed) if speed >= 10 else round(speed, 1)
    return language.ngettext("{rate} file a second", "{rate} files a second",
                             1 if shown == 1 else 2).format(rate=language.number(shown))


def left_words(seconds: float | None, language: Language = ENGLISH) -> str:
    """``0:12 left`` (``faltan 0:12``); empty until it can be told."""
    if seconds is None:
        return ""
    return language.gettext(N_("{time} left")).format(time=_clock(seconds))


class Progress:
    def __init__(self, stream: IO[str], total: int, *, quiet_for: IO[str] | None = None,
                 language: Language = ENGLISH) -> None:
        """Shown on ``stream`` when it can show it (:func:`.terminal.live_wanted`), unless
        ``quiet_for`` (the rows) is a terminal too."""
        self.stream = stream
        self.total = total
        self.language = language
        self.shown = live_wanted(stream) and not is_terminal(quiet_for) and total >= SHOW_FROM
        self.count = 0
        self.every = max(1, total // 100)
        self._bar: Any = None
        self._task: Any = None
        if self.shown:
            self._start()

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, ProgressColumn, TextColumn
        from rich.progress import Progress as Bar
        from rich.text import Text

        language = self.language

        class Rate(ProgressColumn):
            def render(self, task: Any) -> Text:
                return Text(rate_words(task.finished_speed or task.speed, language),
                            style="progress.data.speed")

        class Left(ProgressColumn):
            def render(self, task: Any) -> Text:
                return Text(left_words(0 if task.finished else task.time_remaining,
                                       language), style="progress.remaining")

        colour = colour_wanted(self.stream)
        console = Console(file=self.stream, no_color=not colour,
                          color_system="auto" if colour else None, highlight=False)
        self._bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        Rate(), Left(), console=console, transient=True,
                        redirect_stdout=False, redirect_stderr=False)
        self._task = self._bar.add_task(language.gettext(N_("Checking")), total=self.total)
        self._bar.start()

    def step(self) -> None:
        self.count += 1
        if self.shown:  # drawn now at every hundredth, and in between by rich's own clock
            self._bar.update(self._task, completed=self.count,
                             refresh=self.count % self.every == 0 or self.count == self.total)

    def done(self) -> None:
        """Wipe the bar (also when the batch was stopped), before any message is shown."""
        if self.shown and self._bar is not None:
            self._bar.stop()
            self._bar = None
