"""`endorse credentials`: the credentials and requirements in force."""

from __future__ import annotations

import re

from ..i18n import Language
from .context import Application, Format


def source_words(name: str, language: Language) -> str:
    """Where the rules come from, as the loader names them ("the default rules
    (data/credentials.toml)", "the rules pack NAME (data/packs/NAME.toml)"), in ``language``;
    a file of one's own keeps its path."""
    from ..io.rules_file import DEFAULT_NAME

    _ = language.gettext
    if name == DEFAULT_NAME:
        return _("the default rules ({file})").format(file="data/credentials.toml")
    if m := re.fullmatch(r"the rules pack (.+) \((data/packs/[^)]+)\)", name):
        return _("the rules pack {name} ({file})").format(name=m[1], file=m[2])
    return name


def credentials(app: Application, *, fmt: Format) -> None:
    loaded = app.loaded_rules
    rules, source = loaded.value, loaded.name
    from ..render import formats

    if formats.get(fmt).people:  # the rules file's words, in the language; no machine values
        from msgspec.structs import replace

        from ..render.sentences import Words

        words = Words(rules, app.language)
        rules = replace(words.rules, credential=[
            replace(c, focus=words.focus(c.focus)) for c in words.rules.credential])
        source = source_words(source, app.language)
    app.show(fmt, "credentials", rules, source)
