"""What start-up skips is read as the full way reads it: the patterns a light command no
longer compiles (README, "Start-up time") agree with the shortcuts taken in their place."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from endorse_cli.i18n import _ISO, _plain_iso, parse_day
from endorse_cli.io.rules_file import snapshot_module
from endorse_cli.render.terminal import STEERING, _escaped, printable

_CHARS = st.sampled_from(list("ab -é漢\n\t\x00\x1b\x7f\x85\x9b\u200b\u2028\u202a\u202e\u2066"
                              "\u2069\ufeff") + ["\udcff"])


@given(st.lists(_CHARS, max_size=40).map("".join), st.sampled_from(["", "\n", "\n\t", "\t"]))
@example("plain text", "")
@example("a\x1b[31mred", "\n")
def test_printable_is_the_pattern_s_escape(text: str, keep: str) -> None:
    clean = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    expected = re.sub(STEERING, lambda m: m[0] if m[0] in keep else _escaped(m), clean)
    assert printable(text, keep) == expected


_DIGITS = st.sampled_from(list("0123456789") + ["٣", "²", "a", "-", " "])


@given(st.lists(_DIGITS, max_size=12).map("".join))
@example("2026-11-21")
@example("2026-1-21")
@example("٢٠٢٦-11-21")
@example("0000-00-00")
def test_a_plain_iso_day_is_read_as_the_pattern_reads_it(text: str) -> None:
    plain = _plain_iso(text)
    match = re.fullmatch(_ISO, text)
    if plain is not None:
        assert match and plain == (int(match[1]), int(match[2]), int(match[3]))
    if len(text) == 10 and text.isascii() and match:  # the usual form always takes the shortcut
        assert plain is not None


def test_parse_day_reads_the_usual_form_and_the_others() -> None:
    import datetime as dt

    assert parse_day(" 2026-11-21 ") == dt.date(2026, 11, 21)
    assert parse_day("2026-1-5") == dt.date(2026, 1, 5)  # by the pattern
    assert parse_day("١٢٣٤-01-02") == dt.date(1234, 1, 2)  # digits of another script, too


@given(st.text(max_size=20))
@example("packs/imh-e-2025.toml")
def test_a_snapshot_module_name_is_the_path_with_every_other_character_an_underscore(
        path: str) -> None:
    assert snapshot_module(path) == "_rules_" + re.sub(r"[^A-Za-z0-9]", "_",
                                                       path.removesuffix(".toml"))
