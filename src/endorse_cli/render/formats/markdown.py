"""markdown: one portfolio's results, the rules and a batch's rows as Markdown, in the reader's
language."""

from __future__ import annotations

from typing import Any

from . import Format, Out


def _view(name: str) -> Any:
    def write(out: Out, *values: Any) -> None:
        from .. import markdown

        out.terminal.data(getattr(markdown, name)(*values, language=out.language))

    return write


def _renewal(out: Out, report: Any, file: str) -> None:
    from ..renewal import markdown

    out.terminal.data(markdown(report, file, out.language))


def _rules(out: Out, listing: Any) -> None:
    from ..packs import said

    out.terminal.data(said(listing, out.language, md=True))


def _renewal_rows(out: Out, rows: Any) -> None:
    from ..renewal_rows import as_markdown

    as_markdown(out.terminal, rows, out.language)


def _rows(stream: Any, **options: Any) -> Any:
    from ..rows import Markdown

    return Markdown(stream, **options)


FORMAT = Format(
    "markdown", people=True, media="text/markdown", extension="md",
    writes={"assess": _view("assess"), "gaps": _view("gaps"), "timeline": _view("timeline"),
            "credentials": _view("credentials"), "renewal": _renewal, "rules": _rules,
            "rows": _rows, "renewal-rows": _renewal_rows})
