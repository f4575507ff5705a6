"""`endorse credentials`: the credentials and requirements in force."""

from __future__ import annotations

from .context import Application, Format


def credentials(app: Application, *, fmt: Format) -> None:
    loaded = app.loaded_rules
    rules = loaded.value
    if fmt != "json" and not app.language.english:  # the rules file's words in the language
        from ..render.sentences import Words

        rules = Words(rules, app.language).rules
    app.show(fmt, "credentials", rules, loaded.name)
