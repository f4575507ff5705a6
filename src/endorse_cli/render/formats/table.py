"""table: a batch's rows for a person at a terminal, 80 columns, in the reader's language."""

from __future__ import annotations

from typing import Any

from . import Format, Out


def _rows(stream: Any, **options: Any) -> Any:
    from ..rows import Table

    return Table(stream, **options)


def _renewal_rows(out: Out, rows: Any) -> None:
    from ..renewal_rows import as_table

    as_table(out.terminal, rows, out.language)


FORMAT = Format("table", people=True, media="text/plain", extension="txt",
                writes={"rows": _rows, "renewal-rows": _renewal_rows})
