"""Text without colour through a pipe is written without rich (render/plain.py): byte for byte
what rich's console writes, for the same views of render/text.py."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys

import pytest
from conftest import AS_OF, EXAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from endorse_cli.i18n import ENGLISH, language
from endorse_cli.render import terminal, text
from endorse_cli.render.plain import PlainConsole
from endorse_cli.render.terminal import Terminal

LANGUAGES = {"en": ENGLISH, "es": language("es")}


@pytest.fixture(autouse=True)
def _no_colour_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setitem(terminal.CHOICES, "colour", "auto")


def _both(render) -> tuple[str, str]:  # noqa: ANN001
    """What ``render(console)`` writes with rich's console and with the one without rich, as
    a text command chooses them for a pipe."""
    pages = []
    for rich in (True, False):
        out = io.StringIO()
        term = Terminal(stdout=out)
        console = term.console if rich else term.text_console
        assert isinstance(console, PlainConsole) is (not rich)
        render(console)
        pages.append(out.getvalue())
    return pages[0], pages[1]


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.toml")))
def test_every_view_of_every_example_is_the_same_without_rich(example: str, lang: str) -> None:
    from msgspec.structs import replace

    from endorse_cli.api import assess_file
    from endorse_cli.engine.recommend import checklist_for
    from endorse_cli.io.rules_file import load_rules
    from endorse_cli.render.sentences import word

    words = LANGUAGES[lang]
    rules = load_rules().value
    result = replace(assess_file(EXAMPLES / example, as_of=dt.date.fromisoformat(AS_OF)),
                     file=f"examples/{example}")
    if lang != "en":
        result = word(result, rules, words)
    chosen, why = checklist_for(result)
    for view in (text.gaps, text.timeline):
        rich, plain = _both(lambda c, view=view: view(c, result, chosen, why, language=words))
        assert plain == rich and plain.count("\n") > 3
    rich, plain = _both(lambda c: text.credentials(c, rules, "data/credentials.toml", words))
    assert plain == rich


# Text from a file: accents, wide characters, tabs, escapes, long words, runs of spaces.
_PIECES = st.lists(st.sampled_from(
    list("abc xyz .,-'") + ["\t", "é", "ñ", "漢", "\x1b", "\u202e", "  ", "w" * 30]),
    max_size=60).map("".join)


@settings(max_examples=150, deadline=None)
@given(body=_PIECES, title=_PIECES, indent=st.integers(0, 12), style=st.sampled_from(
    ["", "dim", "bold cyan"]), gathered=st.booleans())
def test_any_text_said_is_the_same_without_rich(body, title, indent, style, gathered) -> None:
    def render(console) -> None:  # noqa: ANN001
        Text = text._text(console)  # noqa: N806
        lines: list = []
        out = lines if gathered else None
        text.say(console, body, indent=indent, first=" " * indent, style=style, out=out)
        heading = Text(title)
        heading.append(" (qualification)", style="dim")
        text.say(console, heading, indent=indent + 4,
                 first=Text.assemble(" " * indent, text._mark(Text, _Req())), out=out)
        console.print()
        text.say(console, f"{body}.", indent=4, first="  ! ", out=out)
        if gathered:
            text.print_lines(console, lines)

    rich, plain = _both(render)
    assert plain == rich


class _Req:
    applies, met = True, False


def test_gaps_through_a_pipe_never_loads_rich_and_with_colour_does() -> None:
    probe = ("import json, sys\nfrom endorse_cli.cli import main\ntry:\n    main(sys.argv[1:])\n"
             "except SystemExit:\n    pass\n"
             "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n")
    argv = [sys.executable, "-c", probe, "gaps", str(EXAMPLES / "home-visitor.toml"),
            "--as-of", AS_OF]
    for extra, loaded in (([], False), (["--color", "always"], True)):
        run = subprocess.run([*argv, *extra], capture_output=True, text=True, check=False)
        modules = json.loads(run.stderr.strip().splitlines()[-1])
        assert ("rich.console" in modules) is loaded
        assert "Gap checklist for IFS" in run.stdout
