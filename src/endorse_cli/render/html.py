"""The tool's sentences in an HTML page: escaped, with the commands they name as code."""

from __future__ import annotations

import re
from typing import Any

_COMMAND = re.compile(r"`(endorse [^`\r\n]*)`")


def shown(value: object) -> object:
    """A value a page shows (a Jinja ``finalize``): control characters (ESC, the bell, the
    8-bit CSI) and bidirectional overrides written out as ``\\x1b``, ``\\u202e``, so that
    a name reads as it was typed and nothing around it is reordered. Markup stays Markup:
    the escapes add no ``<`` or ``&``."""
    if not isinstance(value, str):
        return value
    from .terminal import printable

    clean = printable(value, keep="\n\t")
    if clean == value:
        return value
    from markupsafe import Markup

    return Markup(clean) if isinstance(value, Markup) else clean


def code(text: object) -> Any:
    """``text`` escaped for HTML, each command it names (`` `endorse gaps my.toml` ``) set as
    ``<code>`` rather than shown with its backticks. A Jinja filter of the bundle's and the
    report's pages."""
    from markupsafe import Markup, escape

    return Markup(_COMMAND.sub(r"<code>\1</code>", str(escape(text))))
