"""The names of files as a person meets them, shared by the layers that read files (``io``) and
those that name them in sentences (``render``) or find them (``app``)."""

from __future__ import annotations

#: The portfolio a command uses when none is named (portfolio-format.md: "by default
#: `portfolio.toml` in the current folder"); ``$ENDORSE_PORTFOLIO`` comes first. A bundle's
#: copy of the portfolio is named so, and a batch knows a bundle's folder by it.
DEFAULT_PORTFOLIO = "portfolio.toml"
#: A file named so is read from standard input (`cat portfolio.toml | endorse gaps -`)...
STDIN = "-"
#: ... and named so in messages and rows.
STDIN_NAME = "<stdin>"
