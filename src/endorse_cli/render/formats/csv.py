"""csv: a batch's rows for a spreadsheet, English columns and values, every cell guarded
against formulas."""

from __future__ import annotations

from typing import Any

from . import Format, Out


def _rows(stream: Any, **options: Any) -> Any:
    from ..rows import Csv

    return Csv(stream, **options)


def _renewal_rows(out: Out, rows: Any) -> None:
    from ..renewal_rows import as_csv

    as_csv(out.terminal, rows)


FORMAT = Format("csv", people=False, media="text/csv", extension="csv",
                writes={"rows": _rows, "renewal-rows": _renewal_rows})
