"""jsonl: a batch's rows as JSON Lines, one JSON document a line, for scripts."""

from __future__ import annotations

from typing import Any

from . import Format, Out


def _rows(stream: Any, **options: Any) -> Any:
    from ..rows import JsonLines

    return JsonLines(stream, **options)


def _renewal_rows(out: Out, rows: Any) -> None:
    from ..renewal_rows import as_jsonl

    as_jsonl(out.terminal, rows)


FORMAT = Format("jsonl", people=False, media="application/jsonl", extension="jsonl",
                documents=True, writes={"rows": _rows, "renewal-rows": _renewal_rows})
