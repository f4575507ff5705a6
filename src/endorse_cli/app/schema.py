"""`endorse schema`: the portfolio format's JSON Schema."""

from __future__ import annotations

from .context import Application


def schema(app: Application) -> None:
    from ..model.schema import portfolio_schema
    from ..render.json_out import dumps

    app.terminal.data(dumps(portfolio_schema()))
