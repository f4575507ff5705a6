"""Invariants, over many generated portfolios."""

from __future__ import annotations

import datetime as dt
import functools
import random
import re
import string

import msgspec
import pytest
import tomli_w
from conftest import EXAMPLES
from helpers import ALL_AREAS, D, rules
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from endorse_cli.engine import judge
from endorse_cli.model.portfolio import Portfolio
from endorse_cli.render.json_out import assessment_dict

AS_OF = D("2026-11-21")
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

days = st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2027, 12, 31))
hours = st.decimals(min_value="0.25", max_value="40", places=2).map(float)
areas = st.lists(st.sampled_from([*ALL_AREAS, "administration"]), max_size=4)


@st.composite
def jobs(draw):
    start = draw(days)
    entry = {"title": "Job", "start": start, "infant_family": draw(st.booleans()),
             "competencies": draw(areas)}
    if draw(st.booleans()):
        entry["end"] = start + dt.timedelta(days=draw(st.integers(0, 3000)))
    return entry


education = st.fixed_dictionaries(
    {"degree": st.sampled_from(["cda", "associate", "bachelors", "masters", "doctorate", "md"])},
    optional={"completed": days},
)
training = st.fixed_dictionaries({"title": st.just("Course"), "date": days, "hours": hours,
                                  "imh": st.booleans(), "competencies": areas})
supervision = st.fixed_dictionaries({"date": days, "hours": hours, "provider": st.just("P"),
                                     "format": st.sampled_from(["individual", "group"])})
reference = st.fixed_dictionaries(
    {"name": st.just("R"),
     "status": st.sampled_from(["planned", "requested", "received", "declined"])},
    optional={"email": st.just("r@example.org"), "phone": st.just("555-0100")},
)
exam = st.fixed_dictionaries({"status": st.sampled_from(["not-taken", "scheduled", "passed", "failed"])},
                             optional={"date": days})
SECTIONS = {"education": education, "work": jobs(), "training": training,
            "supervision": supervision, "reference": reference}


@st.composite
def portfolios(draw):
    applicant = draw(st.fixed_dictionaries(
        {"name": st.just("A")},
        optional={"focus": st.sampled_from(["promotion", "prevention", "clinical", "leadership"]),
                  "mentor_track": st.sampled_from(["clinical", "policy", "research"])}))
    data = {"format": 1, "applicant": applicant}
    for name, strategy in SECTIONS.items():
        data[name] = draw(st.lists(strategy, max_size=12 if name == "supervision" else 5))
    if draw(st.booleans()):
        data["exam"] = draw(exam)
    return data


def judged(data: dict) -> dict:
    result = assessment_dict(judge(msgspec.convert(data, Portfolio), rules(), AS_OF))
    # Warnings name entries by their place in the file, which a shuffle changes: compare kinds.
    result["warnings"] = sorted(w["code"] for w in result["warnings"])
    return result


@SETTINGS
@given(portfolios(), st.randoms(use_true_random=False))
def test_results_do_not_depend_on_the_order_of_entries(data, rnd: random.Random) -> None:
    shuffled = {k: (rnd.sample(v, len(v)) if isinstance(v, list) else v) for k, v in data.items()}
    assert judged(shuffled) == judged(data)


@SETTINGS
@given(portfolios(), st.sampled_from(sorted(SECTIONS)), st.data())
def test_adding_an_entry_never_unmeets_a_requirement(data, section, draw) -> None:
    before = judged(data)
    data[section] = [*data[section], draw.draw(SECTIONS[section])]
    after = judged(data)
    for old, new in zip(before["credentials"], after["credentials"], strict=True):
        for old_req, new_req in zip(old["requirements"], new["requirements"], strict=True):
            assert not (old_req["met"] and not new_req["met"]), (old["id"], old_req["id"])
        assert not (old["qualified"] and not new["qualified"])


# -- nothing a user can write makes the command line fail with a traceback -----------------

KEYS = ["format", "applicant", "name", "email", "focus", "mentor_track", "target", "education",
        "degree", "completed", "work", "title", "start", "end", "infant_family", "hours",
        "hours_per_week", "training", "date", "supervision", "provider", "reference", "status",
        "exam", "competencies", "extra", "families_served", "format", "role", "phone", "imh"]
scalars = st.one_of(
    st.integers(-5, 10**6), st.floats(allow_nan=True), st.booleans(), days,
    st.text(max_size=12), st.sampled_from(["clinical", "masters", "IFS", "reflection", "passed"]),
    st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2030, 1, 1)),
    st.times(),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.sampled_from(KEYS), inner, max_size=4)),
    max_leaves=12,
)
documents = st.dictionaries(st.sampled_from(KEYS), values, max_size=8)


@SETTINGS
@given(documents)
def test_any_toml_document_gets_an_answer_or_one_clear_error(cli, tmp_path, doc) -> None:
    path = tmp_path / "portfolio.toml"
    path.write_text(tomli_w.dumps(doc), encoding="utf-8")
    run = cli("assess", str(path), "--format", "json", "--as-of", "2026-11-21")
    assert run.code in (0, 1)
    if run.code == 1:
        assert run.err.startswith(f"error: {path}") and "\n  fix: " in run.err, run.err
        assert run.out == ""


@SETTINGS
@given(portfolios(), st.data())
def test_a_valid_portfolio_with_one_value_broken_gets_one_clear_error(cli, tmp_path, data, draw) -> None:
    """Take a valid portfolio and put a wrong value somewhere in it."""
    sections = [k for k, v in data.items() if isinstance(v, list) and v] + ["applicant"]
    section = draw.draw(st.sampled_from(sections))
    entry = data[section] if section == "applicant" else draw.draw(st.sampled_from(data[section]))
    key = draw.draw(st.sampled_from(sorted(entry)))
    entry[key] = draw.draw(scalars)
    path = tmp_path / "portfolio.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    run = cli("gaps", str(path), "--format", "json", "--as-of", "2026-11-21")
    assert run.code in (0, 1)
    if run.code == 1:
        assert "\n  fix: " in run.err and ", line " in run.err, run.err


@SETTINGS
@given(st.binary(max_size=200) | st.text(alphabet=string.printable + "[]=\"'#ü", max_size=200))
def test_any_bytes_get_an_answer_or_one_clear_error(cli, tmp_path, content) -> None:
    path = tmp_path / "portfolio.toml"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    run = cli("assess", str(path), "--format", "json")
    assert run.code in (0, 1)
    if run.code == 1:
        assert run.err.startswith(f"error: {path}"), run.err


@pytest.mark.parametrize("example", ["home-visitor", "clinician", "early-care-teacher", "program-director"])
def test_examples_are_valid_and_round_trip_through_the_model(example) -> None:
    import tomllib

    from conftest import EXAMPLES

    raw = tomllib.loads((EXAMPLES / f"{example}.toml").read_text(encoding="utf-8"))
    portfolio = msgspec.convert(raw, Portfolio)
    again = msgspec.convert(msgspec.to_builtins(portfolio, builtin_types=(dt.date,)), Portfolio)
    assert again == portfolio
    assert len(portfolio.work) >= 1 and portfolio.applicant.name


@SETTINGS
@given(portfolios(), st.dates())
def test_any_as_of_date_gets_an_answer(data, as_of) -> None:
    """From year 1 to 9999, judging and forecasting never fall off the calendar."""
    judge(msgspec.convert(data, Portfolio), rules(), as_of)


@SETTINGS
@given(documents)
def test_the_fast_toml_reader_reads_what_tomllib_reads(doc) -> None:
    import tomllib

    from endorse_cli.io.tomlfile import loads

    text = tomli_w.dumps(doc)
    assert repr(loads(text)) == repr(tomllib.loads(text))  # repr: nan equals nan


# -- the calendar's far end, and numbers a rules file should never hold ---------------------

PACKS = [None, "imh-e-2025", "ecmh-e-2025"]
far_days = st.dates(min_value=dt.date(9990, 1, 1)) | st.sampled_from(
    [dt.date.max, dt.date(9999, 12, 30), dt.date(9999, 2, 28), dt.date(9998, 12, 31)])


def _moved(data: dict, years: int) -> dict:
    """The portfolio with every date ``years`` later, held inside the calendar."""
    from endorse_cli.engine.dates import add_months

    def move(value):
        if isinstance(value, dt.date):
            return add_months(value, 12 * years)
        if isinstance(value, dict):
            return {k: move(v) for k, v in value.items()}
        if isinstance(value, list):
            return [move(v) for v in value]
        return value

    return move(data)


@functools.cache
def _rules(pack: str | None):
    from pathlib import Path

    from endorse_cli.io.rules_file import load_rules

    return load_rules(Path(pack) if pack else None).value


@settings(SETTINGS, max_examples=60)
@given(portfolios(), st.integers(0, 7_990), far_days, st.sampled_from(PACKS),
       st.sampled_from(["IFS", "IMHM", "ECFS", "nonsense"]))
def test_far_future_days_under_every_rules_file_get_an_answer(data, years, as_of, pack,
                                                              held) -> None:
    """Entries and the as-of day up to 31 December 9999, under every pack: judging, the
    forecast and every renewal year are worked out inside the calendar, in bounded time."""
    from endorse_cli.engine.renewal import renew
    from endorse_cli.render.sentences import word

    data = _moved(data, years)
    data["endorsement"] = [{"credential": held, "endorsed": _moved(dt.date(2015, 6, 14), years),
                            "membership_end": as_of}]
    portfolio = msgspec.convert(data, Portfolio)
    rules = _rules(pack)
    result = word(judge(portfolio, rules, as_of), rules)
    for credential in result.credentials:
        if credential.expected is not None:
            assert credential.expected >= as_of or credential.met
    if rules.renewal is not None:
        report = renew(portfolio, rules, as_of)
        for endorsement in report.endorsements:
            for year in endorsement.years:
                assert year.due <= year.late_until <= dt.date.max


rules_text = (EXAMPLES.parent / "data" / "credentials.toml").read_text("utf-8")
thresholds = sorted({m for m in re.findall(r"^\s*(\w+) = (\d+(?:\.\d+)?)\s*(?:#.*)?$",
                                           rules_text, re.M)})
odd_numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["inf", "-inf", "nan", "+inf", "1e308", "1e309", "-1e309", "0", "-0.0",
                     "99999999999999999999", "1e-320"]),
    st.integers(-(2**63), 2**63 - 1),
)


def _toml_number(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value != value:
        return "nan"
    if value in (float("inf"), float("-inf")):
        return "inf" if value > 0 else "-inf"
    return repr(value)


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(thresholds), odd_numbers, st.data())
def test_a_rules_file_with_any_number_is_refused_with_its_line_or_judged(cli, tmp_path, key,
                                                                        number, draw) -> None:
    """Non-finite, huge and tiny numbers in any threshold of a rules file: one message with
    the file and its line, or a judgement; never an overflow."""
    (name, written) = key
    lines = [i for i, line in enumerate(rules_text.splitlines())
             if re.match(rf"^\s*{name} = {re.escape(written)}\b", line)]
    at = draw.draw(st.sampled_from(lines))
    text = rules_text.splitlines()
    text[at] = re.sub(rf"= {re.escape(written)}", f"= {_toml_number(number)}", text[at], count=1)
    path = tmp_path / "rules.toml"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    for command in (["gaps", "--timeline"], ["assess", "-f", "json"]):
        run = cli(*command, str(EXAMPLES / "clinician.toml"), "--rules", str(path),
                  "--as-of", draw.draw(st.sampled_from(["2026-11-21", "9999-12-31"])))
        assert run.code in (0, 1), run.err
        if run.code == 1 and not run.out:
            assert re.match(rf"error: {re.escape(str(path))}, line \d+: ", run.err), run.err
