"""Hostile and unlucky input: every command answers with a message, never a traceback."""

from __future__ import annotations

import pytest

TWO_JOBS = '''format = 1
[applicant]
name = "Ana"
[[work]]
title = "A"
employer = "X"
start = 2020-01-01
infant_family = true
[[work]]
title = "B"
employer = "Y"
start = 2021-01-01
end = 9999-12-31
infant_family = true
[[supervision]]
date = 2021-03-03
hours = 2
provider = "P"
'''


@pytest.mark.parametrize("as_of", ["9999-12-31", "9999-12-30", "0001-01-01"])
@pytest.mark.parametrize("command", [["assess"], ["gaps"], ["gaps", "--timeline"],
                                     ["assess", "-f", "json"], ["gaps", "-f", "markdown"]])
def test_the_calendars_last_and_first_days(cli, write, as_of, command) -> None:
    path = write(TWO_JOBS)
    run = cli(*command, str(path), "--as-of", as_of)
    assert run.code == 0, run.err


def test_saving_where_the_folder_refuses_is_a_clear_error(cli, tmp_path, monkeypatch) -> None:
    import errno
    import os
    import shutil

    from conftest import EXAMPLES

    from endorse_cli.io import locking

    path = tmp_path / "portfolio.toml"
    shutil.copy(EXAMPLES / "home-visitor.toml", path)
    before = path.read_bytes()
    real = os.open

    def refuse(name, *args, **kwargs):
        if str(name).endswith(".lock"):
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real(name, *args, **kwargs)

    monkeypatch.setattr(locking.os, "open", refuse)
    run = cli("add", "reference", str(path), "--name", "Sam Roe", "--phone", "555-0100")
    assert run.code == 1
    assert run.err == (f"error: {tmp_path}: cannot save here: Permission denied "
                       f"({tmp_path / '.portfolio.toml.lock'})\n"
                       "  fix: you may not do this there: check the permissions, or choose "
                       "another place\n")
    assert path.read_bytes() == before


def test_any_other_refusal_of_the_system_is_a_message_not_a_traceback(cli, tmp_path,
                                                                       monkeypatch) -> None:
    import errno

    from endorse_cli.app import schema

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "x"))

    monkeypatch.setattr(schema, "schema", full)
    run = cli("schema")
    assert run.code == 1
    assert run.err == (f"error: {tmp_path / 'x'}: No space left on device\n"
                       "  fix: free some space on that disk, or write somewhere else\n")


def test_proc_files_and_long_names(cli, tmp_path) -> None:
    import shutil

    from conftest import EXAMPLES

    run = cli("assess", "/proc/self/status")
    assert run.code == 1 and "line 1: a key has no `=` and value after it" in run.err
    long = tmp_path / ("p" * 245 + ".toml")
    shutil.copy(EXAMPLES / "home-visitor.toml", long)
    assert cli("add", "reference", str(long), "--name", "Sam Roe", "--phone", "555").code == 0
    longer = tmp_path / ("q" * 300 + ".toml")
    run = cli("assess", str(longer))
    assert run.code == 1
    assert run.err.endswith(": File name too long\n  fix: the name is too long for the disk: "
                            "use a shorter name or folder\n")
