"""The one place that talks to questionary.

Every question goes through :class:`Asker`, which shows the right kind of prompt for a
:class:`~.fields.Field`, checks the answer with :func:`~.fields.parse` while it is typed, and
turns Ctrl-C and Ctrl-D into :class:`Interrupted`. Tests give it a prompt_toolkit pipe input.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import questionary
from questionary import Choice

from ..errors import Interrupted, UsageError  # Interrupted: also imported from here
from .fields import AREAS, Field, parse


def require_terminal(command: str) -> None:
    """Stop at once, naming the way without questions, when there is no one to ask."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            f"`endorse {command}` asks questions and needs a terminal",
            fix="to add entries from a script, use `endorse add SECTION --FIELD VALUE ...` "
                "(see `endorse add --help`)")


#: questionary takes a choice whose value is None to mean "the title is the value"; this
#: stands for "none of these" instead, and comes back as None.
NOTHING = "\0nothing"


class Asker:
    """Asks the questions of :mod:`.fields` with questionary."""

    def __init__(self, today: dt.date, labels: dict[str, dict[str, str]],
                 portfolio: Path | None = None) -> None:
        self.today = today
        #: The portfolio file: a certificate is looked for beside it.
        self.portfolio = portfolio
        #: Words for choices, by field key: {"degree": {"masters": "Masters degree"}}.
        self.labels = labels

    @staticmethod
    def _run(question: questionary.Question) -> Any:
        """Ask; Ctrl-C, and Ctrl-D at any prompt (not only an empty one), stop the session."""
        from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

        stop = KeyBindings()

        @stop.add("c-d", eager=True)
        def _(event: Any) -> None:
            event.app.exit(exception=EOFError())

        app = question.application
        app.key_bindings = merge_key_bindings([app.key_bindings, stop])
        try:
            return question.unsafe_ask()
        except (KeyboardInterrupt, EOFError):
            raise Interrupted("stopped") from None

    def confirm(self, message: str, default: bool = True) -> bool:
        return bool(self._run(questionary.confirm(message, default=default)))

    def choose(self, message: str, choices: list[tuple[str, Any]]) -> Any:
        """One of ``choices`` (title, value); a value of None comes back as None."""
        answer = self._run(questionary.select(message, choices=[
            Choice(title=title, value=NOTHING if value is None else value)
            for title, value in choices]))
        return None if answer == NOTHING else answer

    def field(self, field: Field, answers: dict[str, Any], default: Any = None) -> Any:
        """Ask ``field``; ``default`` is offered (Enter keeps it). Returns the parsed value."""
        optional = not field.required and field.kind != "yesno"
        message = field.prompt + (" (optional)" if optional and "optional" not in field.prompt
                                  else "")
        hint = f" [{field.help}]" if field.help else ""
        if field.kind == "yesno":  # questionary shows (Y/n) itself; the help goes first
            question = f"{field.help} {field.prompt}" if field.help else field.prompt
            return self._run(questionary.confirm(question, default=bool(default)))
        if field.kind == "choice":
            words = self.labels.get(field.key, {})
            explain = self.labels.get(field.key + "_explain", {})
            choices = [Choice(title=words.get(c, c), value=c,
                              description=_wrapped(explain.get(c)))
                       for c in field.choices or tuple(words)]
            if optional:  # first when there is no answer yet, so that Enter leaves it out
                skip = Choice(title=field.skip, value=NOTHING)
                choices = [skip, *choices] if default is None else [*choices, skip]
            start = next((c for c in choices if c.value == default), None)
            answer = self._run(questionary.select(message + hint, choices=choices,
                                                  default=start))
            return None if answer == NOTHING else answer
        if field.kind == "many":
            words = self.labels.get(field.words or field.key, {})
            chosen = set(default or [])
            choices = [Choice(title=words.get(c, c), value=c, checked=c in chosen)
                       for c in field.choices]
            return self._run(questionary.checkbox(
                message + hint, choices=choices,
                instruction="(space to tick, enter when done)")) or None
        if field.kind == "areas":
            words = self.labels.get("areas", {})
            explain = self.labels.get("areas_explain", {})
            chosen = set(default or [])
            choices = [Choice(title=words.get(a, a), value=a, checked=a in chosen,
                              description=_wrapped(explain.get(a))) for a in AREAS]
            return self._run(questionary.checkbox(
                message + hint, choices=choices,
                instruction="(space to tick, enter when done)")) or None
        return self.typed(field, message, hint, answers, default)

    def typed(self, field: Field, message: str, hint: str, answers: dict[str, Any],
              default: Any) -> Any:
        """A typed answer. The default is shown in the question, never typed in for the
        applicant: Enter takes it, anything typed replaces it, and "-" leaves an optional
        answer out."""
        shown = default.isoformat() if isinstance(default, dt.date) else (
            "" if default is None else str(default))
        if shown:
            clear = "" if field.required else ", - for none"
            message = f"{message} (Enter for {shown}{clear})"
        message += hint + ":"

        def read(text: str) -> Any:
            if not text.strip() and shown:
                return default
            if text.strip() == "-" and not field.required:
                return None
            value = parse(field, text, today=self.today, answers=answers)
            if field.kind == "file" and value is not None and self.portfolio is not None:
                from .certificates import place

                place(value, self.portfolio)  # it must exist
            return value

        def check(text: str) -> bool | str:
            try:
                read(text)
            except ValueError as reason:
                return str(reason)
            return True

        return read(self._run(questionary.text(message, validate=check)))


def _wrapped(text: str | None) -> str | None:
    """A long explanation cut into lines that fit the terminal, rather than cut off at its edge."""
    if not text:
        return text
    import shutil
    import textwrap

    # questionary writes "  Description: " before the first line
    width = max(30, shutil.get_terminal_size().columns - len("  Description: ") - 2)
    return "\n".join(textwrap.wrap(text, width))
