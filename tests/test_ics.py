"""`gaps --format ics` and `renew --format ics`: the days that matter, read back by the
icalendar library, each with a reminder, and UIDs that stay when the days move."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF, EXAMPLES

icalendar = pytest.importorskip("icalendar")


def events(text: str) -> list:
    calendar = icalendar.Calendar.from_ical(text)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"].startswith("-//endorse//")
    return list(calendar.walk("VEVENT"))


def by_day(found: list) -> dict[dt.date, object]:
    return {e.decoded("DTSTART"): e for e in found}


def test_gaps_writes_each_expected_day_with_a_reminder(cli) -> None:
    from typer.testing import CliRunner

    from endorse_cli.cli import app

    run = CliRunner().invoke(app, ["gaps", str(EXAMPLES / "home-visitor.toml"), "--as-of",
                                   AS_OF, "-f", "ics"])
    assert run.exit_code == 0 and run.stderr == ""
    written = run.stdout_bytes  # lines end in CRLF, as RFC 5545 asks
    assert written.startswith(b"BEGIN:VCALENDAR\r\n") and written.endswith(b"END:VCALENDAR\r\n")
    assert written.count(b"\n") == written.count(b"\r\n")
    days = by_day(events(written))
    # the timeline's two days: RS/C at the applicant's pace, then two years of work
    assert sorted(days) == [dt.date(2027, 3, 24), dt.date(2027, 4, 6)]
    rsc = days[dt.date(2027, 3, 24)]
    assert str(rsc["SUMMARY"]).startswith("IFS: 24 hours of reflective supervision")
    assert "at your pace of the last 6 months" in str(rsc["DESCRIPTION"])
    assert rsc.decoded("DTEND") == dt.date(2027, 3, 25)  # a whole day
    alarms = list(rsc.walk("VALARM"))
    assert len(alarms) == 1 and alarms[0]["ACTION"] == "DISPLAY"
    assert alarms[0].decoded("TRIGGER") == -dt.timedelta(days=7)


def test_the_scheduled_exam_is_an_event(cli) -> None:
    run = cli("gaps", str(EXAMPLES / "program-director.toml"), "--as-of", AS_OF, "-f", "ics")
    exams = [e for e in events(run.out) if str(e["SUMMARY"]).endswith("exam day")]
    assert len(exams) == 1
    import tomllib

    scheduled = tomllib.loads((EXAMPLES / "program-director.toml").read_text(encoding="utf-8"))["exam"]["date"]
    assert exams[0].decoded("DTSTART") == scheduled


def test_uids_stay_when_the_days_move_and_differ_between_requirements(cli) -> None:
    path = str(EXAMPLES / "home-visitor.toml")
    now = by_day(events(cli("gaps", path, "--as-of", AS_OF, "-f", "ics").out))
    later = events(cli("gaps", path, "--as-of", AS_OF, "--assume-rsc-per-month", "0,75",
                       "--lang", "es", "-f", "ics").out)
    uids = sorted(str(e["UID"]) for e in now.values())
    assert len(set(uids)) == 2
    assert sorted(str(e["UID"]) for e in later) == uids  # same events, in another language
    assert {e.decoded("DTSTART") for e in later} != set(now)  # the RS/C day moved
    assert all(str(e["SUMMARY"]).startswith("IFS: ") and "cumplido" in str(e["SUMMARY"])
               for e in later if "supervisión" in str(e["SUMMARY"]))


def test_renew_writes_the_due_day_and_the_end_of_the_late_period(cli) -> None:
    run = cli("renew", str(EXAMPLES / "ifs-renewing.toml"), "--as-of", AS_OF, "-f", "ics")
    assert run.code == 0
    days = by_day(events(run.out))
    assert sorted(days) == [dt.date(2026, 12, 31), dt.date(2027, 1, 31)]
    due, late = days[dt.date(2026, 12, 31)], days[dt.date(2027, 1, 31)]
    assert "renewal due" in str(due["SUMMARY"]) and "(IFS)" in str(due["SUMMARY"])
    assert "lapses" in str(late["SUMMARY"])
    assert "attend 2 more hours of training by 2026-12-31" in str(due["DESCRIPTION"])
    assert list(due.walk("VALARM"))[0].decoded("TRIGGER") == -dt.timedelta(days=30)


def test_text_from_a_file_cannot_steer_the_calendar(cli, write) -> None:
    path = write("""
        format = 1
        [applicant]
        name = "Ana\\u001b[2J\\r\\nBEGIN:VEVENT"
        focus = "prevention"
        [[work]]
        title = "Home Visitor"
        start = 2026-01-05
        """)
    run = cli("gaps", str(path), "--as-of", AS_OF, "-f", "ics")
    assert run.code == 0
    lines = run.out.splitlines()
    assert lines.count("BEGIN:VEVENT") == len(events(run.out)) == 1
    assert "\x1b" not in run.out


def test_without_the_library_it_says_how_to_add_it(cli, monkeypatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "icalendar", None)  # not installed
    run = cli("gaps", str(EXAMPLES / "home-visitor.toml"), "--as-of", AS_OF, "-f", "ics")
    assert run.code == 2 and run.out == ""
    assert "--format ics needs the icalendar library" in run.err
    assert "pip install 'endorse-cli[calendar]'" in run.err
