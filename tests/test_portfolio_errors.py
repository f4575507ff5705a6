"""Every bad input gets one message naming the file, line, key path and fix, and exit 1."""

from __future__ import annotations

import pytest

HEAD = 'format = 1\n[applicant]\nname = "Ana"\n'

CASES = [
    # (name, file text, expected start of the message after "error: FILE")
    ("misspelt key", HEAD + '[[work]]\ntitle = "x"\nstart = 2020-01-01\nhours_per_weak = 3\n',
     ", line 7: your 1st job (x, 2020-01-01): unknown key `hours_per_weak`; did you mean `hours_per_week`?"),
    ("misspelt section", HEAD + '[[trainings]]\ntitle = "x"\n',
     ", line 4: unknown key `trainings`; did you mean `training`?"),
    ("unknown key, no close match", HEAD + "shoe_size = 9\n",
     ", line 4: your details: unknown key `shoe_size`\n  fix: the keys allowed here are: name,"),
    ("misspelt degree", HEAD + '[[education]]\ndegree = "bachelor"\n',
     ', line 5: your 1st degree, Degree: "bachelor" is not allowed here; did you mean "bachelors"?\n'
     "  fix: use one of: cda, associate, bachelors, masters, doctorate, md"),
    ("capitalised focus", HEAD + 'focus = "Clinical"\n',
     ', line 4: your details, Field of work: "Clinical" is not allowed here; did you mean "clinical"?'),
    ("misspelt area", HEAD + '[[training]]\ntitle = "t"\ndate = 2024-01-01\nhours = 1\n'
     'competencies = ["reflection", "thnking"]\n',
     ', line 8: your 1st training (t, 2024-01-01), Competency areas: "thnking" is not allowed here; did you mean "thinking"?'),
    ("misspelt status", HEAD + '[[reference]]\nname = "R"\nstatus = "recieved"\n',
     ', line 6: your 1st reference (R), Rating: "recieved" is not allowed here; did you mean "received"?'),
    ("negative hours", HEAD + '[[training]]\ntitle = "t"\ndate = 2024-01-01\nhours = -2\n',
     ", line 7: your 1st training (t, 2024-01-01), Hours: must be greater than 0 (found -2)"),
    ("zero hours", HEAD + '[[supervision]]\ndate = 2024-01-01\nhours = 0\nprovider = "P"\n',
     ", line 6: your 1st RS/C session (P, 2024-01-01), Hours: must be greater than 0 (found 0)"),
    ("infinite hours", HEAD + '[[training]]\ntitle = "t"\ndate = 2024-01-01\nhours = inf\n',
     ", line 7: your 1st training (t, 2024-01-01), Hours: must be at most 10000 (found inf)"),
    ("nan hours", HEAD + '[[training]]\ntitle = "t"\ndate = 2024-01-01\nhours = nan\n',
     ", line 7: your 1st training (t, 2024-01-01), Hours: must be greater than 0 (found nan)"),
    ("hours as text", HEAD + '[[training]]\ntitle = "t"\ndate = 2024-01-01\nhours = "3"\n',
     ', line 7: your 1st training (t, 2024-01-01), Hours: expected a number, found "3"\n'
     "  fix: write a number with no quotes, e.g. `hours = 1.5`"),
    ("bool as hours", HEAD + '[[training]]\ntitle = "t"\ndate = 2024-01-01\nhours = true\n',
     ", line 7: your 1st training (t, 2024-01-01), Hours: expected a number, found true"),
    ("date in words", HEAD + '[[training]]\ntitle = "t"\ndate = "March 3"\nhours = 1\n',
     ', line 6: your 1st training (t), Date: expected a date such as 2024-03-15, found "March 3"'),
    ("date with time", HEAD + '[[training]]\ntitle = "t"\ndate = 2024-03-03T10:00:00\nhours = 1\n',
     ", line 6: your 1st training (t), Date: expected a date such as 2024-03-15, found the date and time"),
    ("missing required key", HEAD + '[[supervision]]\ndate = 2024-01-01\nhours = 1\n',
     ", line 4: your 1st RS/C session (2024-01-01): Provider is missing; it is required\n"
     '  fix: add `provider = "..."` to this entry'),
    ("missing applicant", "format = 1\n",
     ": the required table [applicant] is missing"),
    ("missing format", '[applicant]\nname = "A"\n',
     ": the file's format number is missing; it is required\n"
     "  fix: add `format = 1` to the top of the file"),
    ("blank name", 'format = 1\n[applicant]\nname = "  "\n',
     ", line 3: your details, Your full name: must not be blank"),
    ("format as text", 'format = "1"\n[applicant]\nname = "A"\n',
     ', line 1: the file\'s format number: expected a whole number, found "1"'),
    ("format as a decimal", 'format = 1.0\n[applicant]\nname = "A"\n',
     ", line 1: the file's format number: expected a whole number, found 1.0\n  fix: write a whole number, e.g. `format = 1`"),
    ("newer format", 'format = 3\n[applicant]\nname = "A"\nnew_thing = 1\n',
     ", line 1: the file's format number: this file is in format 3, newer than this endorse reads (2)"),
    ("format zero", 'format = 0\n[applicant]\nname = "A"\n',
     ", line 1: the file's format number: format 0 does not exist"),
    ("end before start", HEAD + '[[work]]\ntitle = "x"\nstart = 2020-01-01\nend = 2019-01-01\n',
     ", line 7: your 1st job (x, 2020-01-01), End: the end 2019-01-01 is before the start 2020-01-01"),
    ("bad email", HEAD + 'email = "ana at example"\n',
     ', line 4: your details, Email: "ana at example" does not look like an email address'),
    ("unknown target", HEAD + 'target = "IFZ"\n',
     ', line 4: your details, Target credential: "IFZ" is not a credential of these rules; did you mean "IFS"?'),
    ("section of the wrong shape", HEAD.replace("[applicant]", "training = 3\n[applicant]"),
     ", line 2: your trainings: expected a list of entries, found 3\n"
     "  fix: take this line out, and add each entry with `endorse add training`"),
    ("entry of the wrong shape", 'format = 1\ntraining = [1]\n[applicant]\nname = "A"\n',
     ", line 2: your 1st training: expected a table, found 1\n"
     "  fix: take this line out, and add the entry with `endorse add training`"),
    ("families as a fraction", HEAD + '[[work]]\ntitle = "x"\nstart = 2020-01-01\nfamilies_served = 2.5\n',
     ", line 7: your 1st job (x, 2020-01-01), Families served: expected a whole number, found 2.5"),
    ("too many weekly hours", HEAD + '[[work]]\ntitle = "x"\nstart = 2020-01-01\nhours_per_week = 200\n',
     ", line 7: your 1st job (x, 2020-01-01), Hours a week: must be at most 168 (found 200)"),
    ("TOML syntax", 'format = 1\n[applicant\nname = "A"\n',
     ", line 2: the heading on this line is not closed with ']'\n"
     "  fix: end the heading with ']', as the other headings of the file end"),
    ("duplicate key", 'format = 1\n[applicant]\nname = "A"\nname = "B"\n',
     ", line 4: your details, Your full name: the key `name` is written twice in this table\n"
     "  fix: keep one of the two lines"),
    ("duplicate key after letters outside ASCII",
     'format = 1\n[applicant]\nname = "Ána Muñoz Pérez, née Łukasiewicz"\nname = "B"\n',
     ", line 4: your details, Your full name: the key `name` is written twice in this table\n"
     "  fix: keep one of the two lines"),
    ("two values on a line after accents", HEAD + '[[training]]\ntitle = "Vínculo y apego"\n'
     'date = 2024-01-01 hours = 2\n',
     ", line 6: your 1st training, Date: expected a new line or the end of the file after a "
     "statement\n"),
    ("duplicate table", 'format = 1\n[applicant]\nname = "A"\n[applicant]\nemail = "a@b.org"\n',
     ", line 4: your details: the table [applicant] is written twice\n"
     "  fix: merge the two into one\n"),
    ("duplicate entries' table", HEAD + '[training]\ntitle = "t"\n[training]\ntitle = "u"\n',
     ", line 6: your trainings: the table [training] is written twice\n"
     "  fix: merge the two into one; for several entries, write each heading as `endorse add` "
     "writes them, with two brackets each side\n"),
    ("US date", HEAD + '[[training]]\ntitle = "t"\ndate = 3/15/2024\nhours = 1\n',
     ", line 6: your 1st training, Date: 3/15/2024 is not written as a date the file can read\n"
     "  fix: write the date as YYYY-MM-DD, e.g. `date = 2024-03-15`"),
    ("unpadded date", HEAD + '[[work]]\ntitle = "t"\nstart = 2024-3-5\n',
     ", line 6: your 1st job, Start: 2024-3-5 is not written as a date the file can read"),
    ("impossible date", HEAD + '[[training]]\ntitle = "t"\ndate = 2024-02-30\nhours = 1\n',
     ", line 6: your 1st training, Date: 2024-02-30 is not a real date"),
    ("unquoted text", HEAD + '[[work]]\ntitle = Home Visitor\nstart = 2024-01-01\n',
     ', line 5: your 1st job, Job title: text must be in quotes\n  fix: write `title = "Home Visitor"`'),
    ("unquoted word for a number", HEAD + '[[training]]\ntitle = "t"\ndate = 2024-01-01\nhours = x\n',
     ", line 7: your 1st training, Hours: expected a number, found x\n"
     "  fix: write a number with no quotes, e.g. `hours = 1.5`\n"),
    ("unquoted word for a date", HEAD + '[[training]]\ntitle = "t"\ndate = soon\nhours = 1\n',
     ", line 6: your 1st training, Date: expected a date such as 2024-03-15, found soon\n"
     "  fix: write a date with no time and no quotes, e.g. `date = 2024-03-15`\n"),
    ("unquoted word for true or false", HEAD + '[[work]]\ntitle = "t"\nstart = 2024-01-01\n'
     'paid = maybe\n',
     ", line 7: your 1st job, Paid: expected true or false, found maybe\n"
     "  fix: write `paid = true` or `paid = false`, in lower case\n"),
    ("a list left open before the next entry", HEAD + '[[training]]\ntitle = "t"\n'
     'competencies = ["reflection",\n[[supervision]]\ndate = 2024-02-01\nhours = 1\n',
     ", line 6: your 1st training, Competency areas: a list is not closed with ']'\n"
     "  fix: separate the list's items with commas, and close it with ']'\n"),
    ("a list left open at the end", HEAD + '[[training]]\ntitle = "t"\n'
     'competencies = ["reflection",\n',
     ", line 6: your 1st training, Competency areas: a list is not closed with ']'\n"
     "  fix: separate the list's items with commas, and close it with ']'\n"),
    ("a list left open at the end, no last line break", HEAD + '[[training]]\ntitle = "t"\n'
     'competencies = ["reflection"',
     ", line 6: your 1st training, Competency areas: a list is not closed with ']'\n"),
    ("a comma missing in a closed list", HEAD + '[[training]]\ntitle = "t"\n'
     'competencies = ["reflection" "thinking"]\n',
     ", line 6: your 1st training, Competency areas: the value after `=` is not one the file "
     "can hold\n"),
    ("yes for true", HEAD + '[[work]]\ntitle = "t"\nstart = 2024-01-01\ninfant_family = yes\n',
     ", line 7: your 1st job, In the field: yes is not written as a yes or no the file can read\n"
     "  fix: write `infant_family = true` or `infant_family = false`, in lower case"),
    ("decimal comma", HEAD + '[[training]]\ntitle = "t"\ndate = 2024-01-01\nhours = 1,5\n',
     ", line 7: your 1st training, Hours: 1,5 has a decimal comma\n"
     "  fix: write decimals with a point, e.g. `hours = 1.5`"),
    ("empty file", "", ": the file is empty\n  fix: start it with `endorse init {path}`"),
    ("comments only", "# nothing yet\n", ": the file is empty"),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_portfolio(cli, write, text: str, expected: str) -> None:
    path = write(text)
    run = cli("assess", str(path), "--format", "json")
    assert run.code == 1
    assert run.out == ""
    assert run.err.startswith(f"error: {path}{expected.format(path=path)}"), run.err
    assert "Traceback" not in run.err
    assert run.err.count("error:") == 1


def test_every_message_has_a_fix(cli, write) -> None:
    for name, text, _ in CASES:
        run = cli("assess", str(write(text)))
        assert "\n  fix: " in run.err, name


def test_extra_tables_are_kept_anywhere(cli, write) -> None:
    path = write(HEAD + '[applicant.extra]\nlicence = "LMSW"\n[[training]]\ntitle = "t"\n'
                 'date = 2024-01-01\nhours = 1\n[training.extra]\nroom = 4\n[extra]\nnotes = ["x"]\n')
    assert cli("assess", str(path), "--format", "json").code == 0


def test_quoted_dates_are_read_as_dates(cli, write) -> None:
    path = write(HEAD + '[[training]]\ntitle = "t"\ndate = "2024-03-15"\nhours = 1\n')
    assert cli("assess", str(path), "--format", "json").code == 0


def test_binary_file(cli, tmp_path) -> None:
    path = tmp_path / "photo.toml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    run = cli("assess", str(path))
    assert (run.code, run.err) == (1, f"error: {path}: this is a binary file, not TOML text\n"
                                      "  fix: name the .toml file you meant\n")


def test_file_that_is_not_utf8(cli, tmp_path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'format = 1\n[applicant]\nname = "Jos\xe9"\n')
    run = cli("assess", str(path))
    assert run.code == 1
    assert run.err == (f"error: {path}, line 3: the file is not UTF-8 text: this line holds "
                       "the byte 0xe9\n  fix: save the file as UTF-8 in your editor\n")
    spanish = cli("assess", str(path), "--lang", "es")
    assert spanish.err == (f"error: {path}, línea 3: el archivo no es texto UTF-8: esta línea "
                           "tiene el byte 0xe9\n  cómo resolverlo: guarde el archivo como UTF-8 "
                           "en su editor\n")


def test_byte_order_mark_is_accepted(cli, tmp_path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b'\xef\xbb\xbfformat = 1\n[applicant]\nname = "A"\n')
    assert cli("assess", str(path), "--format", "json").code == 0


def test_folder_instead_of_file(cli, tmp_path) -> None:
    run = cli("assess", str(tmp_path))
    assert run.code == 1
    assert "this is a folder, not a file" in run.err


def test_huge_file_is_refused_before_reading(cli, tmp_path) -> None:
    path = tmp_path / "big.toml"
    path.write_bytes(b"#" * (5 * 1024 * 1024 + 1))
    run = cli("assess", str(path))
    assert run.code == 1
    assert "more than the 5 MB" in run.err


def test_unreadable_file(cli, tmp_path, monkeypatch) -> None:
    import os

    path = tmp_path / "secret.toml"
    path.write_text(HEAD)

    real = os.open

    def refuse(name: object, *args: object, **kwargs: object) -> int:
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied", str(name))
        return real(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    run = cli("assess", str(path))
    assert (run.code, run.err) == (1, f"error: {path}: cannot be read: Permission denied\n"
                                      "  fix: check the file's name and permissions\n")


def test_toml_1_1_conveniences_are_read(cli, write) -> None:
    path = write('format = 1\napplicant = { name = "Ana", email = "ana@example.org", }\n')
    assert cli("assess", str(path), "--format", "json").code == 0


def test_a_portfolio_over_the_entry_limit_is_one_clear_message(cli, tmp_path) -> None:
    """20,000 entries took 43 s in `gaps`: no career comes near the limit, so a file past it
    is refused at once, by every command that reads it."""
    from endorse_cli.io.portfolio_file import MAX_ENTRIES

    head = 'format = 1\n[applicant]\nname = "A"\n'
    entry = '[[supervision]]\ndate = 2024-01-01\nhours = 1\nprovider = "P"\n'
    path = tmp_path / "p.toml"
    path.write_text(head + entry * (MAX_ENTRIES + 1), encoding="utf-8")
    for command in (["gaps"], ["assess", "-f", "json"], ["renew"], ["check", "-f", "csv"]):
        run = cli(*command, str(path))
        assert run.code == 1, (command, run.err)
        said = run.err + run.out
        assert f"{MAX_ENTRIES + 1} entries, more than the {MAX_ENTRIES}" in said, said
    path.write_text(head + entry * 3, encoding="utf-8")
    assert cli("gaps", str(path), "--as-of", "2026-11-21").code == 0
