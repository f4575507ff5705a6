"""`endorse init`, `interview`, `edit` and `add`: the commands that write the portfolio.

Each hands over to :mod:`endorse_cli.interview`; questionary and tomlkit load only here.
"""

from __future__ import annotations

from .context import Application


def init(app: Application, file: str | None, given: dict[str, str] | None = None) -> None:
    """The questions on a terminal; with ``given`` (options such as --name), none."""
    from ..interview import flows

    flows.init(app.terminal, app.portfolio_path(file), rules_file=app.rules_file, given=given)


def interview(app: Application, file: str | None, *, section: str | None) -> None:
    from ..interview import flows

    flows.interview(app.terminal, app.portfolio(file), section=section,
                    rules_file=app.rules_file)


def edit(app: Application, file: str | None, given: dict[str, object] | None = None) -> None:
    """The menus on a terminal; with ``given`` (--provider, --set...), the change it asks."""
    if given:
        from ..interview import editing

        line = editing.edit({**given, "file": file}, default_file=app.portfolio,
                            rules_file=app.rules_file, language=app.language)
        app.terminal.message(line, label="done", style="32")
        return
    from ..interview import flows

    flows.edit(app.terminal, app.portfolio(file), rules_file=app.rules_file)


def add(app: Application, section: str, args: list[str], *, no_input: bool) -> None:
    from ..interview import adding

    line = adding.add(section, args, no_input=no_input, default_file=app.portfolio,
                      language=app.language)
    app.terminal.message(line, label="done", style="32")
