"""text: one portfolio's results and the rules, for a person at a terminal, in the reader's
language (rich, loaded only for colour, a terminal or assess's table)."""

from __future__ import annotations

from typing import Any

from . import Format, Out


def _view(name: str) -> Any:
    def write(out: Out, *values: Any) -> None:
        from .. import text

        terminal = out.terminal
        console = terminal.console if name == "assess" else terminal.text_console
        getattr(text, name)(console, *values, language=out.language)

    return write


def _renewal(out: Out, report: Any, file: str) -> None:
    from ..renewal import text

    text(out.terminal.console, report, file, out.language)


def _rules(out: Out, listing: Any) -> None:
    from ..packs import said

    out.terminal.data(said(listing, out.language, md=False))


FORMAT = Format(
    "text", people=True, media="text/plain", extension="txt",
    writes={"assess": _view("assess"), "gaps": _view("gaps"), "timeline": _view("timeline"),
            "credentials": _view("credentials"), "renewal": _renewal, "rules": _rules})
