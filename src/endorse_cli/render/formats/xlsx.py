"""xlsx: a batch's rows as a workbook with typed cells, headings in the reader's language;
bytes, written only into a file named with --output (openpyxl, loaded only when it writes)."""

from __future__ import annotations

from typing import Any

from . import Format, Out


def _rows(stream: Any, **options: Any) -> Any:
    from ..xlsx import Xlsx

    return Xlsx(stream, **options)


def _renewal_rows(out: Out, rows: Any) -> None:
    from ..renewal_rows import as_workbook

    as_workbook(out.terminal.stdout, rows, out.language)  # type: ignore[arg-type]


FORMAT = Format(
    "xlsx", people=True, binary=True, extension="xlsx",
    media="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    writes={"rows": _rows, "renewal-rows": _renewal_rows})
