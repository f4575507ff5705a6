"""The calendar's last days: every date the tool works out is held inside year 9999, so a far
as-of date, a far entry or a renewal in the last year answers in time, never with a traceback."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES
from helpers import D

from endorse_cli.engine.dates import shift
from endorse_cli.engine.renewal import due_day, late_day, renew
from endorse_cli.io.portfolio_file import read_portfolio
from endorse_cli.io.rules_file import load_rules

PACKS = ["imh-e-2025", "ecmh-e-2025", "data/credentials.toml"]
LAST = ["9999-12-31", "9999-12-30", "9999-06-01", "9999-01-01"]


def test_shift_holds_at_the_calendar_s_ends() -> None:
    assert shift(D("9999-12-31"), 1) == dt.date.max
    assert shift(D("0001-01-01"), -1) == dt.date.min
    assert shift(D("2024-02-28"), 1) == D("2024-02-29")


@pytest.mark.parametrize("pack", PACKS)
@pytest.mark.parametrize("command", [["assess"], ["gaps"], ["gaps", "--timeline"],
                                     ["assess", "-f", "json"]])
def test_assess_and_gaps_under_every_pack_at_the_calendar_s_end(cli, pack, command) -> None:
    for example in ("clinician", "home-visitor", "ifs-renewing"):
        for as_of in ("9999-12-31", "9999-12-30"):
            run = cli(*command, str(EXAMPLES / f"{example}.toml"), "--rules", pack,
                      "--as-of", as_of)
            assert run.code in (0, 1), (example, as_of, run.err)
            assert run.out if run.code == 0 else run.err.startswith("error: "), (example, as_of)


def test_renewal_days_in_the_calendar_s_last_year_are_held_there() -> None:
    pack = load_rules(Path("imh-e-2025")).value.renewal
    assert due_day(pack, 9999).year == 9999
    assert late_day(pack, 9999) == dt.date.max  # the late period would end in year 10000
    assert due_day(pack, 10000) == dt.date.max


@pytest.mark.parametrize("as_of", LAST)
def test_renew_answers_at_the_calendar_s_end(cli, as_of) -> None:
    """It looped for ever: a date helper stepped back one day at a time from year 10000."""
    report = renew(read_portfolio(EXAMPLES / "ifs-renewing.toml").value,
                   load_rules(Path("imh-e-2025")).value, D(as_of))
    assert report.endorsements[0].status == "lapsed"
    for fmt in ("text", "json", "markdown"):
        run = cli("renew", str(EXAMPLES / "ifs-renewing.toml"), "--as-of", as_of, "-f", fmt)
        assert run.code in (0, 1), run.err
        assert "lapsed" in run.out.lower(), fmt


def test_an_endorsement_and_sessions_in_the_last_year(cli, tmp_path) -> None:
    text = (EXAMPLES / "ifs-renewing.toml").read_text(encoding="utf-8")
    text = text.replace("2023-06-14", "9999-02-14").replace("2026-12-31", "9999-12-31")
    text += ('\n[[supervision]]\ndate = 9999-12-31\nhours = 2\nprovider = "Ana"\n'
             '\n[[work]]\ntitle = "Home Visitor"\nstart = 9999-12-01\n')
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    for command in (["renew"], ["assess"], ["gaps", "--timeline"], ["check", "--renewal"]):
        run = cli(*command, str(path), "--as-of", "9999-12-31")
        assert run.code in (0, 1), (command, run.err)
        assert "Traceback" not in run.err
    shutil.copy(EXAMPLES / "certificates" / next(
        p.name for p in (EXAMPLES / "certificates").iterdir()), tmp_path)
    run = cli("bundle", str(path), "--as-of", "9999-12-31", "--allow-missing",
              "--out", str(tmp_path / "out"))
    assert run.code == 0, run.err


@pytest.mark.parametrize("as_of", ["10000-01-01", "0000-12-31", "99999-01-01"])
def test_a_day_off_the_calendar_is_one_clear_message(cli, as_of) -> None:
    run = cli("assess", str(EXAMPLES / "clinician.toml"), "--as-of", as_of)
    assert run.code == 2, run.err
    assert run.out == ""
    assert "years 1 to 9999" in run.err, run.err
    assert run.err.count("error:") == 1


@pytest.mark.parametrize(("text", "day"), [("December 9999", "9999-12-31"), ("9999", "9999-12-31"),
                                           ("12/9999", "9999-12-31")])
def test_a_month_in_the_calendar_s_last_year(text, day) -> None:
    from endorse_cli.interview.values import parse_month

    assert parse_month(text, today=D("2026-11-21")) == D(day)


@pytest.mark.parametrize("text", ["0000", "May 0000", "10000-01-01"])
def test_a_month_off_the_calendar_is_refused_in_words(text) -> None:
    from endorse_cli.interview.values import parse_month

    with pytest.raises(ValueError, match="years 1 to 9999"):
        parse_month(text, today=D("2026-11-21"))


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_the_years_after_a_lapse_are_said_once(cli, fmt) -> None:
    """At --as-of 9999 a lapsed endorsement listed some 8,000 years one by one ("2027:
    lapsed", "2028: lapsed"...), 16,000 lines that took seconds to print: they are one line."""
    run = cli("renew", str(EXAMPLES / "ifs-renewing.toml"), "--as-of", "9999-06-01", "-f", fmt)
    assert run.code == 0, run.err
    assert len(run.out.splitlines()) < 60
    assert "2027 to 9999: lapsed" in run.out
    json_run = cli("renew", str(EXAMPLES / "ifs-renewing.toml"), "--as-of", "9999-06-01",
                   "-f", "json")
    import json

    years = json.loads(json_run.out)["endorsements"][0]["years"]
    assert [y["year"] for y in years] == list(range(2023, 10000))  # JSON keeps every year
