"""Text output wraps plain ASCII itself, as rich would, so that thousands of warnings print
quickly: the two must agree on every text and width."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from endorse_cli.render.text import _plain_lines

#: Words of every length (a long one is folded), with runs of spaces between and around.
TEXTS = st.lists(st.one_of(st.text(st.sampled_from("abc-,.;:()`"), min_size=1, max_size=90),
                           st.text(" ", min_size=1, max_size=4)), max_size=30).map("".join)
#: Sentences: words one space apart, none longer than the narrowest line.
SENTENCES = st.lists(st.text(st.sampled_from("abc-,.;:()`"), min_size=1, max_size=20),
                     min_size=1, max_size=40).map(" ".join)


def rich_lines(text: str, width: int) -> list[str]:
    lines = Text(text).wrap(Console(width=200), width)
    for line in lines:
        line.rstrip()
    return [line.plain for line in lines]


@settings(max_examples=400, deadline=None)
@given(st.one_of(TEXTS, SENTENCES, SENTENCES.map(lambda s: s + " ")), st.integers(20, 120))
def test_plain_ascii_is_wrapped_as_rich_wraps_it(text: str, width: int) -> None:
    assert _plain_lines(text, width) == rich_lines(text, width)


def test_a_warning_is_wrapped_where_rich_would() -> None:
    said = ("your 4,999th job, Home Visitor, 2015-01-01: 200 hours a week of work on "
            "2015-01-01 with Home Visitor and Home Visitor and 4,996 others, more than the 80 "
            "hours a person can work")
    assert _plain_lines(said, 76) == rich_lines(said, 76)
    assert len(_plain_lines(said, 76)) == 3


def test_other_text_is_left_to_rich() -> None:
    assert _plain_lines("año", 40) is None  # not ASCII: a character may be two cells
    assert _plain_lines("a\tb", 40) is None  # a tab: rich expands it


def test_thousands_of_warnings_print_whole_and_in_order(cli, tmp_path) -> None:
    """Printed in one go, the warnings of 400 overlapping jobs keep every line, in order,
    within 80 columns, the output ending with its newline."""
    jobs = "".join(f'[[work]]\ntitle = "Job {i}"\nstart = 2015-01-01\n\n' for i in range(400))
    path = tmp_path / "jobs.toml"
    path.write_text(f'format = 1\n[applicant]\nname = "A"\n\n{jobs}', encoding="utf-8")
    run = cli("gaps", str(path), "--as-of", "2026-11-21")
    assert run.out.endswith(")\n")
    flagged = [line for line in run.out.splitlines() if line.startswith("  ! ")]
    assert len(flagged) == 399
    assert flagged[0].startswith("  ! Your 2nd job, Job 1,")
    assert flagged[-1].startswith("  ! Your 400th job, Job 399,")
    assert max(map(len, run.out.splitlines())) <= 80
