"""The tool's sentences in an HTML page: escaped, with the commands they name as code."""

from __future__ import annotations

import re
from typing import Any

_COMMAND = re.compile(r"`(endorse [^`\r\n]*)`")


def code(text: object) -> Any:
    """``text`` escaped for HTML, each command it names (`` `endorse gaps my.toml` ``) set as
    ``<code>`` rather than shown with its backticks. A Jinja filter of the bundle's and the
    report's pages."""
    from markupsafe import Markup, escape

    return Markup(_COMMAND.sub(r"<code>\1</code>", str(escape(text))))
