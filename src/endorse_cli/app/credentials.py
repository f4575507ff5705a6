"""`endorse credentials`: the credentials and requirements in force."""

from __future__ import annotations

from .context import Application, Format


def credentials(app: Application, *, fmt: Format) -> None:
    loaded = app.loaded_rules
    app.show(fmt, "credentials", loaded.value, loaded.name)
