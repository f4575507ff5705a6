"""`endorse schema`: the portfolio format's JSON Schema."""

from __future__ import annotations

from .context import Application


def schema(app: Application) -> None:
    """The schema, its descriptions in the reader's language (what an editor shows her)."""
    from ..model.schema import portfolio_schema
    from ..render.json_out import dumps

    language = app.language
    app.terminal.data(dumps(portfolio_schema(None if language.english else language)))
