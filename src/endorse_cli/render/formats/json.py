"""json: the JSON contract (format 1), the same in every language, for scripts."""

from __future__ import annotations

from typing import Any

from . import Format, Out


def _view(name: str) -> Any:
    def write(out: Out, *values: Any) -> None:
        from .. import json_out

        out.terminal.data(getattr(json_out, name)(*values))

    return write


def _renewal(out: Out, report: Any, file: str) -> None:
    from ..renewal import as_json

    out.terminal.data(as_json(report, file))


def _rules(out: Out, listing: Any) -> None:
    import json

    from ..json_out import inert

    out.terminal.data(inert(json.dumps(listing.entries, ensure_ascii=False, indent=2)) + "\n")


def _rows(stream: Any, **options: Any) -> Any:
    from ..rows import Json

    return Json(stream, **options)


def _renewal_rows(out: Out, rows: Any) -> None:
    from ..renewal_rows import as_json

    as_json(out.terminal, rows)


FORMAT = Format(
    "json", people=False, media="application/json", extension="json", documents=True,
    writes={"assess": _view("assess"), "gaps": _view("gaps"), "timeline": _view("timeline"),
            "credentials": _view("credentials"), "renewal": _renewal, "rules": _rules,
            "rows": _rows, "renewal-rows": _renewal_rows})
