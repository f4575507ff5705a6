"""Saving never loses a byte: comments kept, checked before writing, atomic, .bak, no clobbering."""

from __future__ import annotations

import datetime as dt
import os
import stat

import pytest

from endorse_cli.errors import PortfolioError
from endorse_cli.io.document import ChangedOnDisk, PortfolioDocument

ORIGINAL = '''# Ana's portfolio -- my notes stay here
format = 1

[applicant]
name = "Ana Lopez"   # as on my licence
focus = "prevention"

# Courses, newest last
[[training]]
title = "Foundations"
date = 2024-01-10
hours = 12  # two days
competencies = ["reflection"]

# My RS/C log (Ana Lopez, monthly)
[[supervision]]
date = 2024-02-01
hours = 1.5
provider = "Dana Lee"
'''


@pytest.fixture
def path(tmp_path):
    file = tmp_path / "portfolio.toml"
    file.write_text(ORIGINAL, encoding="utf-8")
    file.chmod(0o640)
    return file


def test_adding_entries_keeps_every_comment_and_blank_line(path) -> None:
    doc = PortfolioDocument.open(path)
    doc.add_entry("training", {"title": "Attachment", "date": dt.date(2024, 3, 1), "hours": 3.0,
                               "competencies": ["thinking", "reflection"]})
    doc.save()
    doc.add_entry("work", {"title": "Home Visitor", "start": dt.date(2020, 1, 6)})
    doc.save()
    doc.set_table("exam", {"status": "scheduled", "date": dt.date(2027, 1, 15)})
    doc.save()
    assert path.read_text(encoding="utf-8") == '''# Ana's portfolio -- my notes stay here
format = 1

[applicant]
name = "Ana Lopez"   # as on my licence
focus = "prevention"

# Courses, newest last
[[training]]
title = "Foundations"
date = 2024-01-10
hours = 12  # two days
competencies = ["reflection"]

[[training]]
title = "Attachment"
date = 2024-03-01
hours = 3
competencies = ["thinking", "reflection"]

# My RS/C log (Ana Lopez, monthly)
[[supervision]]
date = 2024-02-01
hours = 1.5
provider = "Dana Lee"

[[work]]
title = "Home Visitor"
start = 2020-01-06

[exam]
status = "scheduled"
date = 2027-01-15
'''


def test_changing_and_removing_keep_the_rest(path) -> None:
    doc = PortfolioDocument.open(path)
    doc.set_field("training", 0, "provider", "State Association")
    doc.set_field("training", 0, "competencies", None)
    doc.remove_entry("supervision", 0)
    doc.save()
    assert path.read_text(encoding="utf-8") == '''# Ana's portfolio -- my notes stay here
format = 1

[applicant]
name = "Ana Lopez"   # as on my licence
focus = "prevention"

# Courses, newest last
[[training]]
title = "Foundations"
date = 2024-01-10
hours = 12  # two days
provider = "State Association"

# My RS/C log (Ana Lopez, monthly)
'''


def test_the_previous_version_is_kept_as_bak(path) -> None:
    doc = PortfolioDocument.open(path)
    doc.add_entry("reference", {"name": "Dana Lee", "email": "dana@example.org"})
    doc.save()
    first = path.read_text(encoding="utf-8")
    assert (path.parent / "portfolio.toml.bak").read_text(encoding="utf-8") == ORIGINAL
    doc.add_entry("reference", {"name": "Sam Roe", "phone": "555-0100"})
    doc.save()
    assert (path.parent / "portfolio.toml.bak").read_text(encoding="utf-8") == first


def test_the_file_keeps_its_permissions_and_no_temporary_file_is_left(path) -> None:
    doc = PortfolioDocument.open(path)
    doc.add_entry("reference", {"name": "Dana Lee", "email": "dana@example.org"})
    doc.save()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(os.listdir(path.parent)) == ["portfolio.toml", "portfolio.toml.bak"]


def test_a_new_portfolio_is_readable_by_its_owner_only(tmp_path) -> None:
    path = tmp_path / "new.toml"
    doc = PortfolioDocument.new(path, {"name": "Ana", "email": None, "focus": "clinical"},
                                header="#:schema ./portfolio.schema.json\nAna's portfolio.")
    doc.save()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text(encoding="utf-8") == (
        '#:schema ./portfolio.schema.json\n# Ana\'s portfolio.\n\nformat = 1\n\n'
        '[applicant]\nname = "Ana"\nfocus = "clinical"\n')
    assert not (tmp_path / "new.toml.bak").exists()


def test_an_invalid_change_is_never_written(path) -> None:
    doc = PortfolioDocument.open(path)
    doc.set_field("training", 0, "hours", -2)
    with pytest.raises(PortfolioError, match="must be greater than 0"):
        doc.save()
    assert path.read_text(encoding="utf-8") == ORIGINAL


def test_a_file_changed_by_hand_meanwhile_is_not_overwritten(path) -> None:
    doc = PortfolioDocument.open(path)
    edited = ORIGINAL.replace('focus = "prevention"', 'focus = "clinical"  # changed by hand')
    path.write_text(edited, encoding="utf-8")
    doc.add_entry("reference", {"name": "Dana Lee", "email": "dana@example.org"})
    with pytest.raises(ChangedOnDisk, match="was changed on disk"):
        doc.save()
    assert path.read_text(encoding="utf-8") == edited
    doc.reload_and(lambda d: d.add_entry("reference", {"name": "Dana Lee",
                                                       "email": "dana@example.org"}))
    doc.save()
    text = path.read_text(encoding="utf-8")
    assert 'focus = "clinical"  # changed by hand' in text and 'name = "Dana Lee"' in text


def test_a_new_file_never_replaces_one_that_appeared(tmp_path) -> None:
    path = tmp_path / "p.toml"
    doc = PortfolioDocument.new(path, {"name": "Ana"}, header="x")
    path.write_text("format = 1\n", encoding="utf-8")
    with pytest.raises(ChangedOnDisk, match="exists now"):
        doc.save()
    assert path.read_text(encoding="utf-8") == "format = 1\n"


def test_removing_the_first_or_only_entry_keeps_the_comments_after_it(tmp_path) -> None:
    path = tmp_path / "p.toml"
    path.write_text('''format = 1

[applicant]
name = "A"

[[education]]
degree = "cda"

# ---- Work history ----
[[work]]
title = "x"
start = 2020-01-01

[[training]]
title = "one"
date = 2024-01-01
hours = 1

# my note: certificate is in the blue folder
[[training]]
title = "two"
date = 2024-01-02
hours = 1
''', encoding="utf-8")
    doc = PortfolioDocument.open(path)
    doc.remove_entry("education", 0)
    doc.remove_entry("training", 0)
    doc.save()
    assert path.read_text(encoding="utf-8") == '''format = 1

[applicant]
name = "A"

# ---- Work history ----
[[work]]
title = "x"
start = 2020-01-01

# my note: certificate is in the blue folder
[[training]]
title = "two"
date = 2024-01-02
hours = 1
'''


def test_a_file_with_windows_line_endings_keeps_them_on_every_line(tmp_path) -> None:
    path = tmp_path / "portfolio.toml"
    path.write_bytes(ORIGINAL.replace("\n", "\r\n").encode("utf-8"))
    doc = PortfolioDocument.open(path)
    doc.add_entry("training", {"title": "Attachment", "date": dt.date(2024, 3, 1), "hours": 3.0})
    doc.save()
    doc.set_table("exam", {"status": "passed", "date": dt.date(2024, 5, 2)})
    doc.save()
    doc.set_field("applicant", None, "email", "ana@example.org")
    doc.save()
    data = path.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n")  # not one bare LF
    assert data == ORIGINAL.replace(
        'focus = "prevention"\n', 'focus = "prevention"\nemail = "ana@example.org"\n').replace(
        'competencies = ["reflection"]\n',
        'competencies = ["reflection"]\n\n[[training]]\ntitle = "Attachment"\n'
        'date = 2024-03-01\nhours = 3\n').replace("\r\n", "\n").__add__(
        '\n[exam]\nstatus = "passed"\ndate = 2024-05-02\n').replace("\n", "\r\n").encode()


def test_a_file_with_unix_line_endings_gets_no_crlf(path) -> None:
    doc = PortfolioDocument.open(path)
    doc.add_entry("training", {"title": "Attachment", "date": dt.date(2024, 3, 1), "hours": 3.0})
    doc.save()
    assert b"\r" not in path.read_bytes()


def test_a_blank_file_can_be_replaced_by_a_new_portfolio(tmp_path) -> None:
    path = tmp_path / "portfolio.toml"
    path.write_bytes(b"\n \n")
    doc = PortfolioDocument.new(path, {"name": "Ana Lopez"}, header="Mine", over=b"\n \n")
    doc.save()
    assert path.read_text(encoding="utf-8") == (
        '# Mine\n\nformat = 1\n\n[applicant]\nname = "Ana Lopez"\n')
    other = tmp_path / "other.toml"
    other.write_bytes(b"\n")
    with pytest.raises(ChangedOnDisk):  # without `over`, an existing file is never replaced
        PortfolioDocument.new(other, {"name": "Ana Lopez"}, header="Mine").save()
