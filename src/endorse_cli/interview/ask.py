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
from ..i18n import ENGLISH, N_, Language
from .fields import AREAS, Field, Offered, choice_words, parse


def require_terminal(command: str, language: Language = ENGLISH) -> None:
    """Stop at once, naming the way without questions, when there is no one to ask."""
    _ = language.gettext
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            _("{command} asks questions and needs a terminal").format(
                command=f"`endorse {command}`"),
            fix=_("to add entries from a script, use {add} (see {help})").format(
                add="`endorse add SECTION --FIELD VALUE ...`", help="`endorse add --help`"))


#: questionary takes a choice whose value is None to mean "the title is the value"; this
#: stands for "none of these" instead, and comes back as None.
NOTHING = "\0nothing"


class Asker:
    """Asks the questions of :mod:`.fields` with questionary, in ``language``."""

    def __init__(self, today: dt.date, labels: dict[str, dict[str, str]],
                 portfolio: Path | None = None, language: Language = ENGLISH) -> None:
        self.today = today
        #: The portfolio file: a certificate is looked for beside it.
        self.portfolio = portfolio
        #: Words for choices, by field key: {"degree": {"masters": "Masters degree"}}.
        self.labels = labels
        self.language = language
        self._ = language.gettext

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
        from ..render.terminal import colour_wanted

        if not colour_wanted(sys.stdout):  # --color never, NO_COLOR, TERM=dumb: no colour
            from prompt_toolkit.output import ColorDepth

            app._color_depth = ColorDepth.DEPTH_1_BIT  # what Application(color_depth=) sets
        try:
            return question.unsafe_ask()
        except (KeyboardInterrupt, EOFError):
            stopped = Interrupted("stopped")
            #: What was typed at the question but not yet taken, to show it is not lost.
            stopped.typed = app.current_buffer.text.strip()  # type: ignore[attr-defined]
            raise stopped from None

    def confirm(self, message: str, default: bool = True) -> bool:
        return bool(self._run(yes_or_no(message, default, self.language)))

    def choose(self, message: str, choices: list[tuple[str, Any]]) -> Any:
        """One of ``choices`` (title, value); a value of None comes back as None."""
        answer = self._run(_spoken(lambda: questionary.select(
            message, instruction=self._(SELECT), choices=[
                Choice(title=title, value=NOTHING if value is None else value)
                for title, value in choices]), self.language))
        return None if answer == NOTHING else answer

    def field(self, field: Field, answers: dict[str, Any], default: Any = None) -> Any:
        """Ask ``field``; ``default`` is offered (Enter keeps it). Returns the parsed value."""
        _ = self._
        offered = None
        if isinstance(default, Offered):  # the last answer: a list starts on it, Tab types it
            offered, default = (None, default.value) if field.kind != "text" else (
                default.value, None)
        optional = not field.required and field.kind != "yesno"
        prompt = _(field.prompt)
        message = _("{question} (optional)").format(question=prompt) if (
            optional and "optional" not in field.prompt) else prompt
        hint = f" [{_(field.help)}]" if field.help else ""
        if field.kind == "yesno":  # the help goes first, then the question and (Y/n)
            question = f"{_(field.help)} {prompt}" if field.help else prompt
            return self._run(yes_or_no(question, bool(default), self.language))
        if field.kind == "choice":
            words = choice_words(field, self.labels)
            explain = self.labels.get(field.key + "_explain", {})
            choices = [Choice(title=words.get(c, c), value=c,
                              description=_wrapped(explain.get(c), self.language))
                       for c in field.choices or tuple(words)]
            if optional:  # first when there is no answer yet, so that Enter leaves it out
                skip = Choice(title=_(field.skip), value=NOTHING)
                choices = [skip, *choices] if default is None else [*choices, skip]
            start = next((c for c in choices if c.value == default), None)
            answer = self._run(_spoken(lambda: questionary.select(
                message + hint, choices=choices, default=start, instruction=_(SELECT)),
                self.language))
            return None if answer == NOTHING else answer
        if field.kind in ("many", "areas"):
            areas = field.kind == "areas"
            words = choice_words(field, self.labels)
            explain = self.labels.get("areas_explain", {}) if areas else {}
            chosen = set(default or [])
            choices = [Choice(title=words.get(c, c), value=c, checked=c in chosen,
                              description=_wrapped(explain.get(c), self.language))
                       for c in (AREAS if areas else field.choices)]
            return self._run(_spoken(lambda: questionary.checkbox(
                message + hint, choices=choices, instruction=_(TICK)), self.language)) or None
        return self.typed(field, message, hint, answers, default, offered)

    def typed(self, field: Field, message: str, hint: str, answers: dict[str, Any],
              default: Any, offered: str | None = None) -> Any:
        """A typed answer. The default (today, or the entry's own answer when it is changed)
        is shown in the question, never typed in for the applicant: Enter takes it, anything
        typed replaces it, and "-" leaves an optional answer out. The last entry's answer
        (``offered``) is a choice: Tab types it in; Enter on nothing leaves an optional
        question out."""
        _ = self._
        shown = self.language.day(default) if isinstance(default, dt.date) else (
            "" if default is None else self.language.number(default))
        if shown:
            message = (_("{question} (Enter for {answer})") if field.required
                       else _("{question} (Enter for {answer}, - for none)")).format(
                question=message, answer=shown)
        elif offered:
            message = _("{question} (Tab for {answer})").format(question=message,
                                                                answer=offered)
        message += hint + ":"

        def read(text: str) -> Any:
            if shown and text.strip() in ("", shown):
                return default
            if text.strip() == "-" and not field.required:
                return None
            if offered and field.required and not text.strip():
                raise ValueError(_("an answer is needed here; Tab types {answer}").format(
                    answer=offered))
            value = parse(field, text, today=self.today, answers=answers,
                          language=self.language)
            if field.kind == "file" and value is not None and self.portfolio is not None:
                from .certificates import place

                place(value, self.portfolio, self.language)  # it must exist
            return value

        typed = ""
        while True:  # a refused answer is said right under it, and asked again as typed
            question = questionary.text(message, default=typed)
            if shown:
                _show_default_when_taken(question, shown)
            elif offered:
                _type_offered_on_tab(question, offered)
            text = self._run(question)
            try:
                value = read(text)
                break
            except ValueError as reason:
                questionary.print("  " + _("Not taken: {reason}").format(reason=reason),
                                  style="fg:ansired")
                typed = text
        if field.kind == "date" and isinstance(value, dt.date) and value != default:
            from .values import month_taken

            said = month_taken(text, value, self.language)
            if said:  # a month (or a year) typed: say which day is kept, right under it
                questionary.print("  " + said)
        return value


def _type_offered_on_tab(question: questionary.Question, offered: str) -> None:
    """Tab puts the last entry's answer in the line, to take with Enter or change."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    keys = KeyBindings()

    @keys.add("tab", eager=True)
    def _type(event: Any) -> None:
        event.current_buffer.text = offered
        event.current_buffer.cursor_position = len(offered)

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings, keys])


def _show_default_when_taken(question: questionary.Question, shown: str) -> None:
    """Enter on an empty answer puts the offered answer in the line before taking it, so that
    the question, once answered, shows what it took (never an empty line)."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    keys = KeyBindings()

    @keys.add("enter", eager=True)
    def _take(event: Any) -> None:
        buffer = event.current_buffer
        if not buffer.text.strip():
            buffer.text = shown
        buffer.validate_and_handle()

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings, keys])


#: The instructions under a list and a checkbox.
SELECT = N_("(use the arrow keys, then Enter)")
TICK = N_("(space to tick, enter when done)")
#: questionary writes "  Description: " before a choice's explanation, and "done" (or
#: "done (3 selections)") after a checkbox is answered.
EXPLANATION = N_("  Explanation: ")


def _spoken_tokens(tokens: Any, language: Language) -> Any:
    """questionary's own words among ``tokens``, in ``language``: the label before a choice's
    explanation, and what a checkbox shows once answered ("done", "done (3 selections)")."""
    import re

    from prompt_toolkit.formatted_text import to_formatted_text

    _ = language.gettext
    out = []
    for style, text, *rest in to_formatted_text(tokens):
        if text.startswith("  Description: "):
            text = _(EXPLANATION) + text[len("  Description: "):]
        elif "class:answer" in style and text == "done":
            text = language.pgettext("a checkbox answered", "done")
        elif "class:answer" in style and (m := re.fullmatch(r"done \((\d+) selections\)", text)):
            n = int(m[1])
            text = language.ngettext("done ({n} chosen)", "done ({n} chosen)", n).format(n=n)
        out.append((style, text, *rest))
    return out


def _spoken(make: Any, language: Language) -> questionary.Question:
    """The question ``make()`` builds, with questionary's own words in ``language``.

    questionary writes a few words of its own, in English: they are put into the reader's
    language as they are drawn, in the question line (its prompt session's message) and in
    the list (its choices' control). English questions are left exactly as questionary
    makes them."""
    if language.english:
        return make()
    from prompt_toolkit.layout.controls import FormattedTextControl
    from questionary.prompts import common

    made = common.PromptSession

    class Spoken(made):  # type: ignore[misc, valid-type]
        def __init__(self, message: Any = "", *args: Any, **kwargs: Any) -> None:
            if callable(message):
                original = message
                message = lambda: _spoken_tokens(original(), language)  # noqa: E731
            super().__init__(message, *args, **kwargs)

    common.PromptSession = Spoken
    try:
        question = make()
    finally:
        common.PromptSession = made
    for window in question.application.layout.find_all_windows():
        control = window.content
        if isinstance(control, common.InquirerControl):
            drawn = control.text
            control.text = lambda drawn=drawn: _spoken_tokens(drawn(), language)
    return question


def _wrapped(text: str | None, language: Language = ENGLISH) -> str | None:
    """A long explanation cut into lines that fit the terminal, rather than cut off at its edge."""
    if not text:
        return text
    import shutil
    import textwrap

    # questionary writes "  Description: " (or its words in the language) before the first line
    label = language.gettext(EXPLANATION) if not language.english else "  Description: "
    width = max(30, shutil.get_terminal_size().columns - max(len(label), 15) - 2)
    return "\n".join(textwrap.wrap(text, width))


#: A yes-or-no question's keys, its hint and its answers, in each language.
YES_NO_HINT = (N_("(Y/n)"), N_("(y/N)"))
YES, NO = N_("Yes"), N_("No")


def yes_or_no(message: str, default: bool, language: Language = ENGLISH) -> questionary.Question:
    """A yes-or-no question, as questionary's ``confirm`` asks it, in ``language``: its hint
    (``(S/n)``) and the answer it shows (``Sí``).

    The answer is typed, then Enter takes it: a clear word for yes or no in either language
    (``s``, ``sí``, ``si``, ``y``, ``yes``, ``n``, ``no``: :func:`.fields.yes_word`), or
    nothing for the default. Anything else (``no sé``, ``quizás``) is said not to be an
    answer and asked again: a word that only starts or ends with a key never answers."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.formatted_text import to_formatted_text
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.keys import Keys
    from questionary.constants import DEFAULT_QUESTION_PREFIX
    from questionary.question import Question
    from questionary.styles import merge_styles_default

    from .fields import yes_word

    _ = language.gettext
    status: dict[str, Any] = {"answer": None, "complete": False, "unclear": None}

    def tokens() -> Any:
        shown = [("class:qmark", DEFAULT_QUESTION_PREFIX), ("class:question", f" {message} ")]
        if not status["complete"]:
            if status["unclear"] is not None:
                shown.append(("class:instruction", _(
                    "{typed} is not yes or no; type {yes} or {no}").format(
                        typed=repr(status["unclear"]), yes=language.pgettext("key for yes", "y"),
                        no=language.pgettext("key for no", "n")) + " "))
            shown.append(("class:instruction", _(YES_NO_HINT[0 if default else 1]) + " "))
        if status["answer"] is not None:
            shown.append(("class:answer", _(YES) if status["answer"] else _(NO)))
        return to_formatted_text(shown)

    keys = KeyBindings()

    @keys.add(Keys.ControlQ, eager=True)
    @keys.add(Keys.ControlC, eager=True)
    def _stop(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    @keys.add(Keys.ControlM, eager=True)
    def _enter(event: Any) -> None:
        buffer = event.current_buffer
        typed = buffer.text.strip()
        answer = default if not typed else yes_word(typed, language)
        buffer.reset()
        if answer is None:  # asked again, saying what was not an answer
            status["unclear"] = typed
            return
        status["answer"], status["complete"] = answer, True
        event.app.exit(result=answer)

    return Question(PromptSession(tokens, key_bindings=keys,
                                  style=merge_styles_default([None])).app)
