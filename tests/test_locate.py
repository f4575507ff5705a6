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


def test_finding_the_lines_of_many_entries_stays_fast() -> None:
    """Each lookup used to read every header again: 40,000 references took 85 s."""
    import time

    from endorse_cli.io.locate import LineIndex, QuickLines

    count = 20_000
    text = 'format = 1\n[applicant]\nname = "A"\n' + "".join(
        f'\n[[reference]]\nname = "R {i}"\nphone = "555"\n' for i in range(count))
    start = time.perf_counter()
    quick = QuickLines(text)
    lines = [quick.line_of(("reference", i, "phone")) for i in range(count)]
    index = LineIndex(text)
    paths = [index.path_at(line) for line in lines]
    assert time.perf_counter() - start < 5  # quadratic: about 20 s here
    assert lines[:2] == [7, 11] and lines[-1] == 4 * count + 3
    assert paths[0] == ("reference", 0, "phone") and paths[-1] == ("reference", count - 1, "phone")
    assert quick.line_of(("reference", count, "phone")) is None  # no such entry
