"""junit: a batch as JUnit XML for CI, one test case per portfolio, failing as --fail-on says."""

from __future__ import annotations

from typing import Any

from . import Format


def _rows(stream: Any, **options: Any) -> Any:
    from ..rows import JUnit

    return JUnit(stream, **options)


FORMAT = Format("junit", people=False, media="application/xml", extension="xml",
                writes={"rows": _rows})
