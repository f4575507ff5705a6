"""Lines of key paths: the quick way from the headers agrees with reading every line."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES

from endorse_cli.io.locate import LineIndex, QuickLines, parse_where

TEXT = '''format = 1
# a comment
[applicant]
name = "Ana"
  email = "ana@example.org"   # indented

[[training]]
title = "One"
date = 2024-01-01
hours = 1

[[training]] # the second
title = "Two"
"date" = 2024-02-01
hours = 2
competencies = [
  "reflection",
]

[exam]
status = "passed"
'''


@pytest.mark.parametrize(("where", "line"), [
    ("format", 1), ("applicant", 3), ("applicant.name", 4), ("applicant.email", 5),
    ("training[0]", 7), ("training[0].hours", 10), ("training[1]", 12),
    ("training[1].date", 14), ("training[1].competencies[0]", 16), ("exam.status", 21),
    ("training[1].nothing", 12),
])
def test_lines(where, line) -> None:
    path = parse_where(where)
    assert QuickLines(TEXT).line_of(path) == line
    assert LineIndex(TEXT).line_of(path) == line


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.toml")))
def test_both_ways_agree_on_every_key_of_the_examples(example) -> None:
    text = (EXAMPLES / example).read_text(encoding="utf-8")
    full = LineIndex(text)
    quick = QuickLines(text)
    for path in full._lines:  # every key path the full reading found
        assert quick.line_of(path) in (None, full.line_of(path)), path
