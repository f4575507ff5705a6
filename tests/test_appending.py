"""Entries added as text: written as tomlkit writes them, where tomlkit puts them, read back
before the file is replaced, and through tomlkit where the text cannot be changed for sure."""

from __future__ import annotations

import datetime as dt
import math

import pytest
import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from endorse_cli.errors import PortfolioError
from endorse_cli.io import appending
from endorse_cli.io.appending import value_text
from endorse_cli.io.document import ChangedOnDisk, PortfolioDocument
from endorse_cli.io.portfolio_file import parse_portfolio, read_portfolio
from endorse_cli.io.tomlfile import loads

HEAD = 'format = 1\n\n[applicant]\nname = "Ana Lopez"\n'
COURSE = {"title": "Attachment", "date": dt.date(2024, 3, 1), "hours": 3.0,
          "competencies": ["thinking", "reflection"]}
COURSE_TEXT = ('[[training]]\ntitle = "Attachment"\ndate = 2024-03-01\nhours = 3\n'
               'competencies = ["thinking", "reflection"]\n')


def same(got, meant) -> bool:
    """Equal and of the same type all the way down (1 is not 1.0, nor True)."""
    if type(got) is not type(meant):
        return False
    if isinstance(got, list):
        return len(got) == len(meant) and all(same(a, b) for a, b in zip(got, meant))
    if isinstance(got, float) and math.isnan(got):
        return math.isnan(meant)
    return got == meant


def write(tmp_path, text: str, name: str = "portfolio.toml"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def by_tomlkit(path, adds) -> str:
    """The text the tomlkit way makes of the same additions (the way every change took)."""
    doc = PortfolioDocument.open(path)
    doc.doc  # noqa: B018 - read with tomlkit: every change goes through its tree
    for section, entry in adds:
        doc.add_entry(section, entry)
    return doc.text


def as_text(path, adds) -> tuple[str, bool]:
    """The text made of the additions, and whether it was made as text (not by tomlkit)."""
    doc = PortfolioDocument.open(path)
    for section, entry in adds:
        doc.add_entry(section, entry)
    text = doc.text
    return text, doc._tree is None


# -- values, as tomlkit writes them -------------------------------------------------------------

#: Every character a str can hold in a file: quotes, backslashes, line breaks, control
#: characters, DEL, accents, emoji, right-to-left text (not lone surrogates, which no UTF-8
#: file holds).
hostile = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40) | st.sampled_from(
    ['"', "\\", '"""', "'''", "\\u0041", "a\r\nb", "\x00", "\x1b[31m", "\x7f", "# not a comment",
     "[[training]]", "é ñ 中文 🙂", "\u202eevil", "\t"])
scalars = (hostile | st.booleans() | st.integers(-2**63, 2**63 - 1)
           | st.floats(allow_nan=True, allow_infinity=True) | st.dates())


@given(scalars | st.lists(scalars, max_size=6))
def test_a_value_is_written_as_tomlkit_writes_it_and_reads_back_the_same(value) -> None:
    text = value_text(value)
    assert text == tomlkit.item(value).as_string()
    assert same(loads(f"key = {text}\n")["key"], value)


@given(st.dictionaries(hostile, scalars | st.lists(scalars, max_size=3), max_size=4))
def test_a_table_of_values_is_written_inline_as_tomlkit_writes_it(value) -> None:
    inline = tomlkit.inline_table()
    inline.update(value)
    text = value_text(value)
    assert text == inline.as_string()
    read = loads(f"extra = {text}\n")["extra"]
    assert list(read) == list(value) and all(same(read[k], value[k]) for k in value)


def test_an_imported_entry_with_extra_columns_is_written_as_text(tmp_path) -> None:
    path = write(tmp_path, HEAD + "\n" + COURSE_TEXT)
    entry = {"title": "Two", "date": dt.date(2024, 5, 1), "hours": 2.0,
             "extra": {"Session type": "Group", "Initials": "AL", "Minutes": 90.0}}
    made, was_text = as_text(path, [("training", entry)])
    assert was_text and made == by_tomlkit(path, [("training", entry)])
    assert made.endswith('\n[[training]]\ntitle = "Two"\ndate = 2024-05-01\nhours = 2\n'
                         'extra = {"Session type" = "Group", Initials = "AL", Minutes = 90}\n')


def test_values_are_written_exactly() -> None:
    assert value_text('She said "hi" \\ then\nleft\ttab\x01\x7f é') == (
        '"She said \\"hi\\" \\\\ then\\nleft\\ttab\\u0001\\u007f é"')
    assert value_text(dt.date(2024, 3, 1)) == "2024-03-01"
    assert value_text(1.5) == "1.5" and value_text(2) == "2" and value_text(False) == "false"
    assert value_text(["reflection", "thinking"]) == '["reflection", "thinking"]'
    # what the text does not write is left to tomlkit
    assert value_text(dt.datetime(2024, 3, 1, 9, 30)) is None
    assert value_text([{"a": 1}]) is None and value_text([["a"]]) is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=hostile.filter(lambda t: t.strip()), provider=hostile)
def test_a_hostile_entry_is_written_as_tomlkit_writes_it_and_saved_as_typed(tmp_path, title,
                                                                              provider) -> None:
    path = write(tmp_path, HEAD + "\n" + COURSE_TEXT)
    entry = {"title": title, "date": dt.date(2024, 5, 2), "hours": 1.5, "provider": provider}
    text, as_text_ = as_text(path, [("training", entry)])
    assert as_text_ and text == by_tomlkit(path, [("training", entry)])
    doc = PortfolioDocument.open(path)
    doc.add_entry("training", entry)
    assert doc.checked().value == parse_portfolio(doc.text, name="whole").value
    doc.save()
    saved = read_portfolio(path).value.training[-1]
    assert (saved.title, saved.provider, saved.hours) == (title, provider, 1.5)


# -- where entries go: the same text as the tomlkit way, over many layouts ----------------------

words = st.text("abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=12).filter(str.strip)
SHAPES = {
    "training": lambda w, d: f'title = "{w} # not a comment"\ndate = {d}\nhours = 1.5  # "#" two\n',
    "supervision": lambda w, d: f'date = {d}\nhours = 1\nprovider = "{w}"\n',
    "reference": lambda w, d: f'name = "{w}"\nphone = \'555-{len(w)}\'\t# a # b\n',
    "work": lambda w, d: f'title = "{w}"\nstart = {d}\n',
}
filler = st.sampled_from(["", "\n", "\n\n", "# a note\n", "\n# a note\n\n", "   \n", "\t# indented\n",
                          "# two\n# lines\n"])


@st.composite
def layouts(draw):
    """A valid portfolio written by hand: sections in any order, comments and blank lines
    anywhere, a comment after a header or a key, maybe no line ending at the end."""
    parts = [draw(filler), HEAD]
    for section in draw(st.lists(st.sampled_from(sorted(SHAPES)), unique=True, max_size=4)):
        for _ in range(draw(st.integers(1, 3))):
            header = f"[[{section}]]" + draw(st.sampled_from(["", "  # mine"]))
            body = SHAPES[section](draw(words), draw(st.dates(dt.date(2000, 1, 1),
                                                              dt.date(2024, 1, 1))))
            parts += [draw(filler), "\n", header, "\n", body, draw(filler)]
    text = "".join(parts)
    if draw(st.booleans()):
        text = text.rstrip("\n")
    return text


@st.composite
def additions(draw):
    adds = []
    for _ in range(draw(st.integers(1, 4))):
        section = draw(st.sampled_from(sorted(SHAPES)))
        entry = {"training": {"title": draw(hostile), "date": draw(st.dates()),
                              "hours": draw(st.floats(0.25, 40)),
                              "competencies": draw(st.lists(st.sampled_from(["thinking",
                                                                             "reflection"])))},
                 "supervision": {"date": draw(st.dates()), "hours": 1, "provider": draw(hostile)},
                 "reference": {"name": draw(hostile), "phone": None},
                 "work": {"title": draw(hostile), "start": draw(st.dates())}}[section]
        adds.append((section, {k: v for k, v in entry.items() if v not in (None, [])}))
    return adds


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(layouts(), additions(), st.booleans())
def test_entries_go_where_the_tomlkit_way_puts_them_in_any_layout(tmp_path, text, adds,
                                                                  crlf) -> None:
    if crlf:
        text = text.replace("\n", "\r\n")
    path = write(tmp_path, text)
    made, was_text = as_text(path, adds)
    assert was_text  # every one of these layouts is one the text is changed in
    assert made == by_tomlkit(path, adds)
    read, before = loads(made), loads(text)
    for section in SHAPES:
        meant = [{k: int(v) if isinstance(v, float) and v.is_integer() else v
                  for k, v in entry.items()} for name, entry in adds if name == section]
        got = read.get(section, [])
        assert got[:len(got) - len(meant)] == before.get(section, [])
        assert all(same(g[k], m[k]) and list(g) == list(m)
                   for g, m in zip(got[len(got) - len(meant):], meant) for k in m)


# -- exact files -------------------------------------------------------------------------------

def test_an_entry_goes_after_the_last_of_its_section_before_the_comments_after_it(tmp_path):
    path = write(tmp_path, HEAD + '''
# Courses, newest last
[[training]]
title = "Foundations"
date = 2024-01-10
hours = 12  # two days

# My RS/C log
[[supervision]]
date = 2024-02-01
hours = 1.5
provider = "Dana Lee"

# the end of my file
''')
    doc = PortfolioDocument.open(path)
    doc.add_entry("training", COURSE)
    doc.add_entry("supervision", {"date": dt.date(2024, 3, 1), "hours": 1, "provider": "Dana Lee",
                                  "format": None})
    doc.save()
    assert path.read_text(encoding="utf-8") == HEAD + '''
# Courses, newest last
[[training]]
title = "Foundations"
date = 2024-01-10
hours = 12  # two days

''' + COURSE_TEXT + '''
# My RS/C log
[[supervision]]
date = 2024-02-01
hours = 1.5
provider = "Dana Lee"

[[supervision]]
date = 2024-03-01
hours = 1
provider = "Dana Lee"

# the end of my file
'''


def test_a_windows_file_stays_crlf_on_every_line(tmp_path) -> None:
    original = HEAD + "\n[[training]]\ntitle = \"One\"\ndate = 2024-01-10\nhours = 1\n\n# after\n"
    path = write(tmp_path, original.replace("\n", "\r\n"))
    doc = PortfolioDocument.open(path)
    doc.add_entry("training", COURSE)
    doc.add_entry("work", {"title": "Home Visitor", "start": dt.date(2020, 1, 6)})
    doc.save()
    assert path.read_bytes() == (
        HEAD + "\n[[training]]\ntitle = \"One\"\ndate = 2024-01-10\nhours = 1\n\n" + COURSE_TEXT
        + "\n# after\n\n[[work]]\ntitle = \"Home Visitor\"\nstart = 2020-01-06\n"
    ).replace("\n", "\r\n").encode()


def test_a_last_line_without_its_line_ending_gets_one(tmp_path) -> None:
    path = write(tmp_path, HEAD + '\n[[training]]\ntitle = "One"\ndate = 2024-01-10\nhours = 1')
    doc = PortfolioDocument.open(path)
    doc.add_entry("training", COURSE)
    doc.save()
    assert path.read_text(encoding="utf-8") == (
        HEAD + '\n[[training]]\ntitle = "One"\ndate = 2024-01-10\nhours = 1\n\n' + COURSE_TEXT)
    path = write(tmp_path, 'format = 1\n\n[applicant]\nname = "Ana"  # me', "new.toml")
    doc = PortfolioDocument.open(path)
    doc.add_entry("training", COURSE)
    doc.save()
    assert path.read_text(encoding="utf-8") == (
        'format = 1\n\n[applicant]\nname = "Ana"  # me\n\n' + COURSE_TEXT)


def test_a_section_written_inline_gets_one_more_inline_entry(tmp_path) -> None:
    path = write(tmp_path, 'format = 1\ntraining = []\n\n[applicant]\nname = "Ana"\n')
    doc = PortfolioDocument.open(path)
    doc.add_entry("training", COURSE)
    doc.save()
    assert path.read_text(encoding="utf-8") == (
        'format = 1\ntraining = [{title = "Attachment", date = 2024-03-01, hours = 3, '
        'competencies = ["thinking", "reflection"]}]\n\n[applicant]\nname = "Ana"\n')
    path = write(tmp_path, 'format = 1\ntraining = [\n  {title = "One", date = 2024-01-10, '
                           'hours = 1},  # first\n]\n\n[applicant]\nname = "Ana"\n', "b.toml")
    doc = PortfolioDocument.open(path)
    doc.add_entry("training", {"title": "Two", "date": dt.date(2024, 2, 1), "hours": 2})
    doc.save()
    assert path.read_text(encoding="utf-8") == (
        'format = 1\ntraining = [\n  {title = "One", date = 2024-01-10, hours = 1},  # first\n'
        '  {title = "Two", date = 2024-02-01, hours = 2},\n]\n\n[applicant]\nname = "Ana"\n')


def test_entries_apart_stay_where_they_are_and_the_new_one_follows_the_last(tmp_path) -> None:
    """tomlkit would move the second course up beside the first and drop a blank line; as
    text, nothing that was written moves."""
    text = (HEAD + '\n[[training]]\ntitle = "One"\ndate = 2024-01-10\nhours = 1\n\n'
            '[[work]]\ntitle = "Visitor"\nstart = 2020-01-06\n\n'
            '[[training]]\ntitle = "Two"\ndate = 2024-02-10\nhours = 1\n\n# end\n')
    path = write(tmp_path, text)
    made, was_text = as_text(path, [("training", COURSE)])
    assert was_text
    assert made == text.replace("\n\n# end", "\n\n" + COURSE_TEXT + "\n# end")
    assert [t["title"] for t in loads(made)["training"]] == ["One", "Two", "Attachment"]


def test_a_header_inside_a_note_is_not_taken_for_one(tmp_path) -> None:
    """The note's last line looks like a table header: written after it as text, the new
    entry would land inside the note. Read back, that is seen, and tomlkit writes it."""
    text = (HEAD + '\n[[supervision]]\ndate = 2024-02-01\nhours = 1\nprovider = "Dana"\n'
            'notes = """\nCopied from my log:\n[[reference]]\n"""\n')
    path = write(tmp_path, text)
    adds = [("supervision", {"date": dt.date(2024, 3, 1), "hours": 1, "provider": "Dana"})]
    made, was_text = as_text(path, adds)
    assert not was_text and made == by_tomlkit(path, adds)
    read = loads(made)
    assert read["supervision"][0]["notes"] == "Copied from my log:\n[[reference]]\n"
    assert read["supervision"][1] == {"date": dt.date(2024, 3, 1), "hours": 1, "provider": "Dana"}


def test_what_is_read_back_must_be_what_was_meant(tmp_path, monkeypatch) -> None:
    """The text way is only kept when its result reads as the file plus the new entries."""
    path = write(tmp_path, HEAD + "\n" + COURSE_TEXT)
    real = appending.loads
    monkeypatch.setattr(appending, "loads",
                        lambda text: {**real(text), "applicant": {"name": "Someone Else"}})
    made, was_text = as_text(path, [("training", COURSE)])
    assert not was_text and made == HEAD + "\n" + COURSE_TEXT + "\n" + COURSE_TEXT

    def hours_as_float(text):
        read = real(text)
        read["training"][-1]["hours"] = 3.0
        return read

    monkeypatch.setattr(appending, "loads", hours_as_float)
    assert not as_text(path, [("training", COURSE)])[1]  # the 3.0 read is not the 3 written


def test_many_entries_then_one_save_read_the_file_once_and_never_with_tomlkit(
        tmp_path, monkeypatch) -> None:
    path = write(tmp_path, HEAD + "\n" + COURSE_TEXT)
    doc = PortfolioDocument.open(path)
    reads = []
    real = appending.loads
    monkeypatch.setattr(appending, "loads", lambda text: reads.append(1) or real(text))

    def no_tomlkit(*_a, **_k):
        raise AssertionError("the whole file went through tomlkit")

    monkeypatch.setattr(tomlkit, "parse", no_tomlkit)
    for n in range(1000):
        doc.add_entry("supervision", {"date": dt.date(2024, 1, 1) + dt.timedelta(days=n),
                                      "hours": 1.0, "provider": f"Provider {n}"})
    assert len(doc.entries("supervision")) == 1000 and len(doc.entries("training")) == 1
    doc.save()
    assert len(reads) == 1
    saved = read_portfolio(path).value.supervision
    assert [s.provider for s in saved] == [f"Provider {n}" for n in range(1000)]
    assert path.read_text(encoding="utf-8").endswith(
        '\n[[supervision]]\ndate = 2026-09-26\nhours = 1\nprovider = "Provider 999"\n')


def test_a_change_made_meanwhile_is_kept_and_the_entry_added_to_it(tmp_path) -> None:
    path = write(tmp_path, HEAD + "\n" + COURSE_TEXT)
    doc = PortfolioDocument.open(path)
    change = (lambda d: d.add_entry("reference", {"name": "Dana Lee"}))
    change(doc)
    edited = HEAD.replace('"Ana Lopez"', '"Ana Lopez"  # changed in an editor') + "\n" + COURSE_TEXT
    path.write_text(edited, encoding="utf-8")
    with pytest.raises(ChangedOnDisk):
        doc.save()
    assert path.read_text(encoding="utf-8") == edited
    assert doc.save(reapply=change) is True
    assert path.read_text(encoding="utf-8") == edited + '\n[[reference]]\nname = "Dana Lee"\n'
    assert (tmp_path / "portfolio.toml.bak").read_text(encoding="utf-8") == edited


def test_an_invalid_entry_is_refused_with_its_line_and_nothing_is_written(tmp_path) -> None:
    original = HEAD + "\n" + COURSE_TEXT + "\n# notes\n"
    path = write(tmp_path, original)
    doc = PortfolioDocument.open(path)
    doc.add_entry("training", {"title": "Bad", "date": dt.date(2024, 1, 1), "hours": -2})
    with pytest.raises(PortfolioError, match=r"line 15: your 2nd training \(Bad, 2024-01-01\), "
                                             r"Hours: must be greater than 0") as refused:
        doc.save()
    assert refused.value.where == "training[1].hours"
    assert path.read_text(encoding="utf-8") == original


def test_a_job_that_ends_before_it_starts_is_refused_as_every_command_refuses_it(tmp_path):
    path = write(tmp_path, HEAD + "\n" + COURSE_TEXT)
    doc = PortfolioDocument.open(path)
    doc.add_entry("work", {"title": "Visitor", "start": dt.date(2020, 5, 1),
                           "end": dt.date(2020, 1, 1)})
    with pytest.raises(PortfolioError, match=r"line 15: your 1st job \(Visitor, 2020-05-01\), End: "
                                             r"the end 2020-01-01 is before the start "
                                             r"2020-05-01") as refused:
        doc.save()
    assert refused.value.where == "work[0].end"


def test_other_changes_after_an_addition_keep_it(tmp_path) -> None:
    path = write(tmp_path, HEAD + "\n" + COURSE_TEXT)
    doc = PortfolioDocument.open(path)
    doc.add_entry("training", {"title": "Two", "date": dt.date(2024, 5, 1), "hours": 2})
    doc.set_field("training", 1, "provider", "State Association")
    doc.set_field("applicant", None, "email", "ana@example.org")
    doc.save()
    assert path.read_text(encoding="utf-8") == (
        HEAD + 'email = "ana@example.org"\n\n' + COURSE_TEXT + '\n[[training]]\ntitle = "Two"\n'
        'date = 2024-05-01\nhours = 2\nprovider = "State Association"\n')


def test_the_bak_is_the_file_as_it_was_and_apart_from_the_new_one(tmp_path) -> None:
    path = write(tmp_path, HEAD + "\n" + COURSE_TEXT)
    path.chmod(0o640)
    doc = PortfolioDocument.open(path)
    doc.add_entry("reference", {"name": "Dana Lee"})
    doc.save()
    backup = tmp_path / "portfolio.toml.bak"
    assert backup.read_text(encoding="utf-8") == HEAD + "\n" + COURSE_TEXT
    assert (backup.stat().st_mode & 0o777, path.stat().st_mode & 0o777) == (0o640, 0o640)
    backup.write_text("scribbled over", encoding="utf-8")  # one is not the other
    assert path.read_text(encoding="utf-8").endswith('[[reference]]\nname = "Dana Lee"\n')
    doc.add_entry("reference", {"name": "Sam Roe"})
    doc.save()
    assert backup.read_text(encoding="utf-8").endswith('[[reference]]\nname = "Dana Lee"\n')
    assert sorted(p.name for p in tmp_path.iterdir()) == ["portfolio.toml", "portfolio.toml.bak"]


def test_where_the_disk_has_no_links_the_bak_is_a_copy(tmp_path, monkeypatch) -> None:
    path = write(tmp_path, HEAD + "\n" + COURSE_TEXT)
    path.chmod(0o604)

    def no_links(*_args, **_kwargs):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr("os.link", no_links)
    doc = PortfolioDocument.open(path)
    doc.add_entry("reference", {"name": "Dana Lee"})
    doc.save()
    backup = tmp_path / "portfolio.toml.bak"
    assert backup.read_text(encoding="utf-8") == HEAD + "\n" + COURSE_TEXT
    assert backup.stat().st_mode & 0o777 == 0o604
    assert sorted(p.name for p in tmp_path.iterdir()) == ["portfolio.toml", "portfolio.toml.bak"]


# -- one key of one entry changed: only that line -----------------------------------------------

def by_tomlkit_edit(path, section, index, key, value) -> str:
    doc = PortfolioDocument.open(path)
    doc.doc  # noqa: B018
    doc.set_field(section, index, key, value)
    return doc.text


def edited(path, section, index, key, value) -> tuple[str, bool]:
    doc = PortfolioDocument.open(path)
    doc.set_field(section, index, key, value)
    text = doc.text
    return text, doc._tree is None


EDITS = {
    "training": st.sampled_from(["title", "provider", "hours", "date", "competencies"]),
    "supervision": st.sampled_from(["provider", "hours", "notes", "format"]),
    "reference": st.sampled_from(["name", "phone", "email"]),
    "work": st.sampled_from(["title", "employer", "start"]),
}


@st.composite
def an_edit(draw, text):
    read = loads(text)
    choices = [(name, i) for name in SHAPES for i in range(len(read.get(name, [])))]
    section, index = draw(st.sampled_from([*choices, ("applicant", None)]))
    key = draw(EDITS.get(section, st.sampled_from(["email", "name", "focus"])))
    value = draw(st.none() | hostile | st.dates() | st.floats(0.25, 40)
                 | st.lists(st.sampled_from(["thinking", "reflection"]), max_size=2))
    return section, index, key, value


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data(), layouts(), st.booleans())
def test_a_key_changes_as_the_tomlkit_way_changes_it_in_any_layout(tmp_path, data, text,
                                                                   crlf) -> None:
    if crlf:
        text = text.replace("\n", "\r\n")
    path = write(tmp_path, text)
    section, index, key, value = data.draw(an_edit(text.replace("\r\n", "\n")))
    made, was_text = edited(path, section, index, key, value)
    assert was_text
    assert made == by_tomlkit_edit(path, section, index, key, value)


def test_a_changed_value_keeps_its_comment_and_nothing_else_moves(tmp_path) -> None:
    original = HEAD + '''
# Courses, newest last
[[training]]
title = "Foundations"
date = 2024-01-10
hours = 12  # two days, see "#2"

[[training]]   # the second
title = "Two"
date = 2024-02-10
hours = 1

# RS/C next
'''
    path = write(tmp_path, original)
    doc = PortfolioDocument.open(path)
    doc.set_field("training", 0, "hours", 13.0)
    doc.save()
    assert path.read_text(encoding="utf-8") == original.replace(
        'hours = 12  # two days', 'hours = 13  # two days')
    doc.set_field("training", 1, "provider", 'State "IMH" Association')
    doc.save()
    doc.set_field("applicant", None, "email", "ana@example.org")
    doc.save()
    doc.set_field("training", 0, "date", None)  # refused: a course needs its day
    with pytest.raises(PortfolioError, match=r"line 8: your 1st training \(Foundations\): "
                                             r"Date is missing"):
        doc.save()
    doc = PortfolioDocument.open(path)
    doc.set_field("training", 1, "hours", None)
    doc.set_field("training", 1, "hours", 2)  # two changes: the tomlkit way
    doc.save()
    assert path.read_text(encoding="utf-8") == HEAD + '''email = "ana@example.org"

# Courses, newest last
[[training]]
title = "Foundations"
date = 2024-01-10
hours = 13  # two days, see "#2"

[[training]]   # the second
title = "Two"
date = 2024-02-10
provider = "State \\"IMH\\" Association"
hours = 2

# RS/C next
'''


def test_a_key_over_several_lines_is_changed_by_tomlkit(tmp_path) -> None:
    path = write(tmp_path, HEAD + '\n[[training]]\ntitle = "One"\ndate = 2024-01-10\nhours = 1\n'
                                  'competencies = [\n  "thinking",\n]\n')
    made, was_text = edited(path, "training", 0, "competencies", ["reflection"])
    assert not was_text
    assert made == by_tomlkit_edit(path, "training", 0, "competencies", ["reflection"])
    assert loads(made)["training"][0]["competencies"] == ["reflection"]


def test_editing_a_long_portfolio_never_reads_it_with_tomlkit(tmp_path, monkeypatch) -> None:
    body = "".join(f'\n[[supervision]]\ndate = 2024-01-01\nhours = 1\nprovider = "P{n}"\n'
                   for n in range(300))
    path = write(tmp_path, HEAD + body)
    doc = PortfolioDocument.open(path)

    def no_tomlkit(*_a, **_k):
        raise AssertionError("the whole file went through tomlkit")

    monkeypatch.setattr(tomlkit, "parse", no_tomlkit)
    doc.set_field("supervision", 150, "notes", "moved to March")
    doc.save()
    assert doc.entries("supervision")[150]["notes"] == "moved to March"
    assert doc.table("applicant") == {"name": "Ana Lopez"} and doc.table("exam") is None
    doc.set_field("supervision", 299, "provider", "Dana Lee")
    doc.save()
    doc.add_entry("supervision", {"date": dt.date(2024, 2, 1), "hours": 1, "provider": "Dana"})
    doc.save()
    text = path.read_text(encoding="utf-8")
    assert text == HEAD + body.replace('provider = "P150"\n',
                                       'provider = "P150"\nnotes = "moved to March"\n').replace(
        'provider = "P299"\n', 'provider = "Dana Lee"\n') + (
        '\n[[supervision]]\ndate = 2024-02-01\nhours = 1\nprovider = "Dana"\n')


def test_entries_added_past_the_most_a_portfolio_holds_are_refused(tmp_path, monkeypatch) -> None:
    from endorse_cli.io import portfolio_file

    monkeypatch.setattr(portfolio_file, "MAX_ENTRIES", 3)
    original = HEAD + "\n" + COURSE_TEXT
    path = write(tmp_path, original)
    doc = PortfolioDocument.open(path)
    for n in range(3):
        doc.add_entry("reference", {"name": f"Reference {n}"})
    with pytest.raises(PortfolioError, match="holds 4 entries, more than the 3"):
        doc.save()
    assert path.read_text(encoding="utf-8") == original
