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
