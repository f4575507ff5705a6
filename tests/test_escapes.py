"""Text from a file is shown, never obeyed: escapes on a terminal, formulas in a spreadsheet,
structure in Markdown."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from conftest import AS_OF, EXAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from endorse_cli.render.rows import FORMULA_START, cell, csv_writer, md_cell
from endorse_cli.render.terminal import printable

#: What a hostile file puts in every text field: a screen clear, the 8-bit CSI, a lone CR
#: followed by a live formula, and a line break followed by Markdown structure.
HOSTILE = "\x1b[2J\x9b31m\r=cmd|' /C calc'!A0\n- item\r# heading"
FIELDS = {  # every text field a person can type, by section
    "applicant": ["name"],  # an email is checked for its shape: never hostile
    "education": ["field", "institution"],
    "work": ["title", "employer", "supervisor", "description"],
    "training": ["title", "provider"],
    "supervision": ["provider", "notes"],
    "reference": ["name", "phone"],  # a role is one of a list
}


def _toml(text: str) -> str:
    return '"' + text.encode("unicode_escape").decode().replace('"', '\\"').replace(
        "\\x", "\\u00") + '"'


def _hostile_portfolio(folder: Path) -> Path:
    """The clinician's portfolio with HOSTILE appended to every text field."""
    text = (EXAMPLES / "clinician.toml").read_text(encoding="utf-8")
    section = None
    out = []
    for line in text.splitlines():
        if m := re.match(r"^\[\[?(\w+)\]\]?", line):
            section = m[1]
        elif m := re.match(r'^(\w+) = "(.*)"$', line):
            if m[1] in FIELDS.get(section or "", []):
                line = f"{m[1]} = {_toml(m[2] + HOSTILE)}"
        out.append(line)
    path = folder / "hostile.toml"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def _assert_inert(text: str, where: str) -> None:
    assert "\x1b" not in text and "\x9b" not in text, where
    assert "\r" not in text, where


def test_printable_writes_every_control_out() -> None:
    assert printable("a\x1b[2Jb\x9bc\x07\x7f") == "a\\x1b[2Jb\\u009bc\\x07\\x7f"
    assert printable("one\ntwo\tthree\r", keep="\n\t") == "one\ntwo\tthree\\x0d"
    assert printable("\u202egnp.exe") == "\\u202egnp.exe"  # a right-to-left override
    assert printable("Jos\udce9") == "Jos\ufffd"  # a file name that is not UTF-8
    assert printable("José Ана 王") == "José Ана 王"


@pytest.mark.parametrize("command", [["assess"], ["gaps"], ["gaps", "--timeline"],
                                     ["assess", "-f", "markdown"], ["gaps", "-f", "markdown"]])
def test_every_text_field_is_shown_escaped(cli, tmp_path, command) -> None:
    path = _hostile_portfolio(tmp_path)
    run = cli(*command, str(path), "--as-of", AS_OF)
    assert run.code == 0, run.err
    _assert_inert(run.out + run.err, " ".join(command))
    if command != ["gaps", "--timeline"]:
        assert "Natarajan\\x1b\\[2J\\u009b31m" in run.out or \
            "Natarajan\\x1b[2J\\u009b31m" in run.out or \
            "Natarajan\\\\x1b\\[2J\\\\u009b31m" in run.out  # written out (in Markdown, \\ is \)


def test_unknown_keys_and_file_names_in_messages_are_escaped(cli, tmp_path) -> None:
    bad = tmp_path / "x\x1b]0;pwned\x07.toml"
    bad.write_text('format = 1\n[applicant]\nname = "A"\n"na\\u001b[2Jme\\u009b" = 1\n',
                   encoding="utf-8")
    for command in (["assess", str(bad)], ["gaps", str(bad)], ["validate", str(bad)],
                    ["check", str(bad), "-f", "csv"], ["check", str(bad), "-f", "markdown"],
                    ["check", str(bad)]):
        run = cli(*command)
        assert run.code == 1, command
        _assert_inert(run.out + run.err, command[0])
        assert re.search(r"x\\+x1b\\*\]0;pwned\\+x07", run.out + run.err), command
        assert re.search(r"na\\+x1b\\*\[2Jme\\+u009b", run.out + run.err), command


def test_a_carriage_return_is_quoted_and_never_starts_a_formula() -> None:
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(["ok", "a\r=cmd()", "=1+1", 3])
    writer.writerow(["\r=x", "-2", "@SUM(A1)", "\tx"])
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows == [["ok", "a\r=cmd()", "'=1+1", "3"], ["'\r=x", "'-2", "'@SUM(A1)", "'\tx"]]
    assert out.getvalue().startswith('"ok","a\r=cmd()"')  # the CR inside quotes: one cell
    assert cell("\x1b[2J") == "\\x1b[2J"
    assert md_cell("a\r- item\n# b\r\nc") == "a - item \\# b c"  # all on one line


def test_cr_in_every_csv_and_markdown_field_of_the_bundle(cli, tmp_path) -> None:
    path = _hostile_portfolio(tmp_path)
    (tmp_path / "certificates").mkdir()
    (tmp_path / "certificates" / "cpp-learning-collaborative.pdf").write_bytes(b"%PDF")
    out = tmp_path / "out"
    assert cli("bundle", str(path), "--out", str(out), "--as-of", AS_OF).code == 0
    folder = next(p for p in out.iterdir() if p.is_dir())
    portfolio = (EXAMPLES / "clinician.toml").read_text(encoding="utf-8")
    for name in ("education.csv", "work.csv", "training.csv", "supervision.csv",
                 "references.csv"):
        with (folder / name).open(encoding="utf-8", newline="") as file:
            text = file.read()
        section = name[:-4].replace("references", "reference")
        rows = list(csv.reader(io.StringIO(text)))
        assert len(rows) == 1 + len(re.findall(rf"^\[\[{section}\]\]", portfolio, re.M)), name
        assert "\x1b" not in text and "\x9b" not in text, name
        hostile = [c for row in rows[1:] for c in row if "\r=cmd" in c]
        assert hostile, name  # the text fields, each kept whole in one cell, CR and all
        assert not [c for row in rows for c in row if c.startswith(FORMULA_START)], name
    for name in ("summary.md", "checklist.md"):
        text = (folder / name).read_text(encoding="utf-8")
        _assert_inert(text, name)
        assert not re.search(r"^(- item|# heading|=cmd)", text, re.M), name


@pytest.mark.parametrize("fmt", ["csv", "markdown", "table", "junit"])
def test_check_rows_of_a_hostile_portfolio_are_inert(cli, tmp_path, fmt) -> None:
    _hostile_portfolio(tmp_path)
    (tmp_path / "fine.toml").write_bytes((EXAMPLES / "clinician.toml").read_bytes())
    run = cli("check", str(tmp_path), "--as-of", AS_OF, "-f", fmt)
    assert run.code == 0, run.err
    _assert_inert(run.out + run.err, fmt)
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(run.out)))
        assert [Path(r["file"]).name for r in rows] == ["fine.toml", "hostile.toml"]
        assert rows[1]["applicant"].startswith("Priya Natarajan\\x1b[2J\\u009b31m\\x0d=cmd")
    if fmt == "markdown":
        assert len(run.out.splitlines()) == 2 + 2 + 2  # header, rule, two rows, blank, summary


def test_markdown_keeps_the_tool_s_commands_as_code_and_escapes_the_rest() -> None:
    from endorse_cli.render.markdown import prose

    step = "Add an email for *Ana* [x] with `endorse edit my_file.toml`, then `endorse gaps`."
    assert prose(step) == ("Add an email for \\*Ana\\* \\[x\\] with `endorse edit my_file.toml`, "
                           "then `endorse gaps`.")
    assert prose("a name with `backticks` stays text") == (
        "a name with \\`backticks\\` stays text")


@pytest.mark.parametrize("text", ["  =1+1", "\u3000=cmd()", " \u00a0+1", "\uff1d1+1", "\uff0bA1",
                                  "\uff0dA1", "\uff20SUM(A1)", " \uff1dx", "\n=x"])
def test_the_formula_guard_sees_past_spaces_and_full_width_signs(text) -> None:
    """A spreadsheet skips leading spaces before a formula, and reads a full-width ＝ as =."""
    from endorse_cli.render.rows import formula_like

    assert formula_like(text)
    assert cell(text).startswith("'")


@pytest.mark.parametrize("text", ["Ana = Lopez", "1 + 1", "", "   ", "a-b", "３"])
def test_the_formula_guard_leaves_plain_text_alone(text) -> None:
    from endorse_cli.render.rows import formula_like

    assert not formula_like(text)
    assert cell(text) == text


#: What a name may carry that a page or a screen would obey: ESC, bell, the 8-bit CSI, a
#: right-to-left override and a left-to-right isolate.
STEERING = "\x1b[2J\x07\x9b31m\u202egnp.exe\u2066"


def _steering_portfolio(folder: Path, name: str = "Ana " + STEERING) -> Path:
    path = folder / "p.toml"
    path.write_text(f'format = 1\n[applicant]\nname = {_toml(name)}\n[[training]]\n'
                    f'title = {_toml("T" + STEERING)}\ndate = 2024-01-01\nhours = 1\n'
                    f'provider = {_toml(STEERING)}\n', encoding="utf-8")
    return path


def _raw_steering(text: str) -> list[str]:
    return [c for c in text if c in "\x1b\x07\x9b\u202e\u2066"]


def test_the_bundle_s_pages_write_steering_characters_out(cli, tmp_path) -> None:
    path = _steering_portfolio(tmp_path)
    run = cli("bundle", str(path), "--out", str(tmp_path / "out"), "--as-of", AS_OF)
    assert run.code == 0, run.err
    folder = next(p for p in (tmp_path / "out").iterdir() if p.is_dir())
    for page in folder.iterdir():
        if page.suffix in (".html", ".md", ".csv", ".json") or page.name == "SHA256SUMS":
            text = page.read_text(encoding="utf-8")
            assert _raw_steering(text) == [], page.name
    html = (folder / "summary.html").read_text(encoding="utf-8")
    assert "Ana \\x1b[2J\\x07\\u009b31m\\u202egnp.exe\\u2066" in html


def test_the_report_page_writes_steering_characters_out(cli, tmp_path) -> None:
    _steering_portfolio(tmp_path)
    out = tmp_path / "report"
    run = cli("report", str(tmp_path / "p.toml"), "--out", str(out), "--as-of", AS_OF)
    assert run.code == 0, run.err
    pages = [p for p in out.iterdir() if p.suffix in (".html", ".csv", ".json", ".md")]
    assert pages
    for page in pages:
        assert _raw_steering(page.read_text(encoding="utf-8")) == [], page.name


@pytest.mark.parametrize("command", [["assess", "-f", "json"], ["gaps", "-f", "json"],
                                     ["check", "-f", "json"], ["check", "-f", "jsonl"],
                                     ["check", "--renewal", "-f", "json"]])
def test_json_writes_c1_controls_and_bidi_overrides_as_u_escapes(cli, tmp_path, command) -> None:
    import json

    path = _steering_portfolio(tmp_path)
    run = cli(*command, str(path), "--as-of", AS_OF)
    assert _raw_steering(run.out) == [], command
    assert "\\u009b31m\\u202egnp.exe\\u2066" in run.out, command
    if command[0] in ("assess", "gaps"):  # the same JSON to a reader: the name as typed
        assert json.loads(run.out)["applicant"] == "Ana " + STEERING


@pytest.mark.parametrize("name", ["\tAna Lopez", "    Ana Lopez", " \t  Ana Lopez"])
@pytest.mark.parametrize("command", [["assess", "-f", "markdown"], ["gaps", "-f", "markdown"],
                                     ["gaps", "--timeline", "-f", "markdown"]])
def test_a_name_starting_with_a_tab_or_spaces_never_becomes_a_code_block(cli, tmp_path, name,
                                                                          command) -> None:
    path = _steering_portfolio(tmp_path, name)
    run = cli(*command, str(path), "--as-of", AS_OF)
    assert run.code == 0, run.err
    named = [line for line in run.out.splitlines() if "Ana Lopez" in line]
    assert named, command
    for line in named:  # indented four spaces or a tab, it would be a code block
        assert not line.startswith(("\t", "    ")), (command, line)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("a ®é—’\x7f\x85\x9b\u2028\u2029\u202a\u202e\u2066\u2069\u2027\u20ac")))
def test_json_lines_escape_what_indented_json_escapes(text: str) -> None:
    """The bytes of a JSON line are looked at only where an escaped character could start:
    they must come out as the text's own escaping does."""
    from endorse_cli.render.json_out import inert, inert_bytes

    assert inert_bytes(text.encode()) == inert(text).encode()
