"""Every command on generated hostile files: each answers with output or a message and an
exit code, never a traceback (the cli fixture raises any exception that is not an exit)."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import time
from pathlib import Path

import tomli_w
from conftest import EXAMPLES, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=25, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

#: The keys of the format, so that generated files reach past the first unknown key.
KEYS = {
    "applicant": ["name", "email", "focus", "target", "mentor_track"],
    "education": ["degree", "field", "institution", "completed", "in_progress"],
    "work": ["title", "employer", "start", "end", "infant_family", "paid", "hours_per_week",
             "families_served", "competencies"],
    "training": ["title", "provider", "date", "hours", "imh", "competencies", "certificate"],
    "supervision": ["date", "hours", "provider", "format", "provider_credential"],
    "reference": ["name", "email", "phone", "role", "status", "requested"],
    "exam": ["status", "date"],
}

hostile_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]),
                       max_size=12) | st.sampled_from(
    ["\x1b[2J", "\x9b31m", "=cmd|' /C calc'!A0", "\r- item", "../../etc/passwd", "",
     "IFS", "masters", "passed", "clinical", "a@b.org", "🙂" * 50, "x" * 300])
values = st.one_of(
    hostile_text,
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.sampled_from([0, -1, 10**15, 168, 169]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.sampled_from([dt.date.min, dt.date.max, dt.date(2024, 2, 29)]),
    st.datetimes(),
    st.times(),
    st.lists(hostile_text, max_size=3),
)


@st.composite
def portfolios(draw) -> bytes:
    data: dict = {"format": draw(st.sampled_from([1, 1, 1, 2, "1"]))}
    for section, keys in KEYS.items():
        def entry() -> dict:
            chosen = draw(st.lists(st.sampled_from(keys), max_size=len(keys), unique=True))
            return {key: draw(values) for key in chosen}

        if section in ("applicant", "exam"):
            if draw(st.booleans()):
                data[section] = entry()
        else:
            data[section] = [entry() for _ in range(draw(st.integers(0, 3)))]
    text = tomli_w.dumps(data)
    if draw(st.booleans()):  # a stray key, perhaps with control characters in its name
        text += f'\n"{draw(hostile_text).encode("unicode_escape").decode()}" = 1\n'
    return text.encode("utf-8")


deep = st.integers(1, 3000).map(lambda n: b"format = 1\nx = " + b"[" * n + b"]" * n + b"\n")
odd_dates = st.sampled_from([b"completed = 2024-02-30", b"date = 0000-01-01",
                             b"date = 9999-12-31T23:59:59Z", b"start = 2024-13-01"]).map(
    lambda line: b'format = 1\n[applicant]\nname = "A"\n[[work]]\ntitle = "J"\n' + line + b"\n")
files = st.one_of(portfolios(), st.binary(max_size=300), deep, odd_dates,
                  st.sampled_from([(EXAMPLES / "clinician.toml").read_bytes()]).map(
                      lambda b: b + b"\n[[training]]\ntitle = \"\\u001b]0;x\\u0007\"\n"))

COMMANDS = [
    ["assess"], ["assess", "-f", "json"], ["assess", "-f", "markdown"], ["gaps"],
    ["gaps", "--timeline"], ["gaps", "-f", "json", "--credential", "IFS"],
    ["gaps", "-f", "markdown"], ["bundle", "--allow-missing", "--force", "--out", "OUT"],
    ["add", "reference", "--name", "Sam", "--phone", "555", "--no-input"],
    ["check", "-f", "csv"], ["validate", "-f", "junit"], ["check", "-f", "markdown"],
]


@SETTINGS
@given(body=files, as_of=st.sampled_from(["2026-11-21", "9999-12-31", "0001-01-01"]))
def test_every_command_on_a_hostile_file_answers_without_a_traceback(cli, body, as_of) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.toml"
        path.write_bytes(body)
        for command in COMMANDS:
            args = [a.replace("OUT", str(Path(folder) / "out")) for a in command]
            if command[0] not in ("add", "validate"):
                args += ["--as-of", as_of]
            started = time.monotonic()
            run = cli(*args, str(path))
            assert time.monotonic() - started < 5, (command, body[:200])
            assert run.code in (0, 1, 2, 3), (command, run.code, run.err)
            assert "Traceback" not in run.err and "Error(" not in run.out, (command, run.err)
            if run.code:
                assert run.err.startswith("error: ") or command[0] in ("check", "validate"), (
                    command, run.err)
            assert "\x1b" not in run.out + run.err, command
        shutil.rmtree(Path(folder) / "out", ignore_errors=True)


# -- rules files with numbers no association writes, and days at the calendar's end --------

RULES_FILES = [ROOT / "data" / "credentials.toml", *sorted((ROOT / "data" / "packs").glob("*.toml"))]
non_finite = st.sampled_from(["inf", "-inf", "+inf", "nan", "-nan", "1e308", "1e309", "-1e309",
                              "1.7976931348623157e308", "99999999999999999999999"])
far_days = st.dates(min_value=dt.date(9990, 1, 1)).map(dt.date.isoformat) | st.sampled_from(
    ["9999-12-31", "9999-12-30", "9999-02-28", "0001-01-01"])


@SETTINGS
@given(rules=st.sampled_from(RULES_FILES), number=non_finite, nth=st.integers(0, 200),
       as_of=far_days, example=st.sampled_from(["clinician", "ifs-renewing", "home-visitor"]))
def test_a_rules_file_with_a_non_finite_number_and_a_far_day(cli, rules, number, nth, as_of,
                                                              example) -> None:
    """One of the rules file's numbers made non-finite or absurd, judged on a day near the
    end of the calendar, by every command that reads rules: one message with the file and
    its line, never a traceback or a hang."""
    import re

    text = rules.read_text(encoding="utf-8")
    spots = list(re.finditer(r"(?m)^(\s*\w+ = )(\d+(?:\.\d+)?)\b", text))
    spot = spots[nth % len(spots)]
    changed = text[:spot.start(2)] + number + text[spot.end(2):]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rules.toml"
        path.write_text(changed, encoding="utf-8")
        for command in (["assess"], ["gaps", "--timeline"], ["renew", "-f", "json"],
                        ["check", "--renewal", "-f", "csv"], ["credentials"]):
            args = [*command, str(EXAMPLES / f"{example}.toml"), "--rules", str(path)]
            if command[0] == "credentials":
                args = ["credentials", "--rules", str(path)]
            else:
                args += ["--as-of", as_of]
            started = time.monotonic()
            run = cli(*args)
            assert time.monotonic() - started < 5, (command, number)
            assert run.code in (0, 1, 2), (command, run.err)
            if run.code == 1 and command[0] != "check":
                assert re.match(rf"error: {re.escape(str(path))}, line \d+: ", run.err) or \
                    run.err.startswith("error: "), run.err


def test_a_short_fuzz_run_over_every_command() -> None:
    """benchmarks/fuzz.py, 40 runs: the long run (README, "Reliability") is not part of the
    suite, this short one is."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from fuzz import COMMANDS, fuzz

    summary = fuzz(40, seed=11, workers=1, limit=10)
    assert summary["runs"] == 40
    assert summary["failed"] == [], summary["failed"][:3]
    assert summary["commands"] >= len(COMMANDS) // 2
