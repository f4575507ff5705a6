"""The commands in sentences run as shown: they name the portfolio and, under rules the reader
named, those rules, so that `endorse add reference` under a pack asks what the pack counts."""

from __future__ import annotations

import pytest

from endorse_cli.render.sentences import name_commands


@pytest.mark.parametrize(("file", "rules", "expected"), [
    (None, None, "add each with `endorse add reference`."),
    ("portfolio.toml", None, "add each with `endorse add reference`."),
    ("my file.toml", None, "add each with `endorse add reference 'my file.toml'`."),
    (None, "imh-e-2025", "add each with `endorse add reference --rules imh-e-2025`."),
    ("nurse.toml", "imh-e-2025",
     "add each with `endorse add reference nurse.toml --rules imh-e-2025`."),
    ("nurse.toml", "my rules.toml",
     "add each with `endorse add reference nurse.toml --rules 'my rules.toml'`."),
])
def test_a_command_names_the_file_and_the_rules(file, rules, expected) -> None:
    assert name_commands("add each with `endorse add reference`.", file, rules) == expected


def test_a_sentence_of_named_sentences_is_named_once() -> None:
    once = name_commands("with `endorse edit --provider 'Ana'` or `endorse gaps`", "n.toml",
                         "imh-e-2025")
    assert once == ("with `endorse edit n.toml --rules imh-e-2025 --provider 'Ana'` or "
                    "`endorse gaps n.toml --rules imh-e-2025`")
    assert name_commands(once, "n.toml", "imh-e-2025") == once
    # A sentence named with the file alone gains the rules, not a second file.
    assert (name_commands("`endorse edit n.toml --section work`", "n.toml", "x")
            == "`endorse edit n.toml --rules x --section work`")


def test_the_gaps_of_a_pack_name_the_pack_in_every_command(cli) -> None:
    run = cli("gaps", "examples/home-visitor.toml", "--rules", "imh-e-2025",
              "--as-of", "2026-11-21")
    text = " ".join(run.out.split())  # the lines joined as read
    commands = [c for c in text.split("`") if c.startswith("endorse ")]
    assert commands and all("--rules imh-e-2025" in c for c in commands), commands
