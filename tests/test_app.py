"""The application layer's policies, each in one place: dates, the portfolio, the rules, the
credential resolver, --fail-on, the sections; and the library face without the CLI's policy."""

from __future__ import annotations

import datetime as dt
import doctest
import io
import re

import pytest
from conftest import AS_OF, EXAMPLES, ROOT
from hypothesis import given
from hypothesis import strategies as st

from endorse_cli import api
from endorse_cli.app.context import Application, parse_as_of
from endorse_cli.errors import ExitCode, UnknownCredential, UsageError
from endorse_cli.io.hints import credential_id
from endorse_cli.model.failon import FailOn
from endorse_cli.model.results import CheckRow
from endorse_cli.render.rows import JUnit, Summary

TODAY = dt.date(2026, 11, 21)

# -- --as-of ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "day"), [
    ("2027-03-01", dt.date(2027, 3, 1)),
    ("3/1/2027", dt.date(2027, 3, 1)),  # month first, as in the US
    ("03/01/2027", dt.date(2027, 3, 1)),
    ("12/31/2026", dt.date(2026, 12, 31)),
    ("2/29/2028", dt.date(2028, 2, 29)),
    (" 3/1/2027 ", dt.date(2027, 3, 1)),
    (None, TODAY),
])
def test_as_of_takes_iso_and_us_dates(text, day) -> None:
    assert parse_as_of(text, TODAY) == day


@pytest.mark.parametrize("text", ["2/29/2027", "13/1/2027", "31/12/2026", "3/1/27", "3-1-2027",
                                  "2026-02-30", "yesterday", "", "1/1/2027/1"])
def test_as_of_refuses_what_is_not_a_day(text) -> None:
    with pytest.raises(UsageError) as caught:
        parse_as_of(text, TODAY)
    assert caught.value.message == f"--as-of {text!r} is not a date"
    # the order of the form written: year-month-day for a year first, else the slashed one's
    order = "year-month-day" if text == "2026-02-30" else "month/day/year"
    assert order in (caught.value.fix or "")
    assert ("month/day/year" in (caught.value.fix or "")) == (order == "month/day/year")


def test_a_us_date_judges_as_the_same_day_iso(cli) -> None:
    iso = cli("gaps", "examples/home-visitor.toml", "--as-of", "2027-03-01", "-f", "json")
    us = cli("gaps", "examples/home-visitor.toml", "--as-of", "3/1/2027", "-f", "json")
    assert (us.code, us.err) == (0, "")
    assert us.out == iso.out
    assert '"as_of": "2027-03-01"' in us.out


# -- the Application ---------------------------------------------------------------------------


def test_the_rules_are_read_once_and_only_when_asked(monkeypatch) -> None:
    from endorse_cli.io import rules_file

    reads = []
    real = rules_file.load_rules
    monkeypatch.setattr(rules_file, "load_rules", lambda path=None: reads.append(path) or real(path))
    app = Application("gaps", today=TODAY)
    assert reads == []
    assert app.rules is app.rules and app.credential("imhs") == "IMHS"
    assert reads == [None]


def test_the_portfolio_comes_from_the_argument_then_the_environment_then_here(tmp_path) -> None:
    app = Application("gaps", environ={"ENDORSE_PORTFOLIO": "env.toml"}, today=TODAY)
    assert str(app.portfolio_path("named.toml")) == "named.toml"
    assert str(app.portfolio_path(None)) == "env.toml"
    assert str(Application("gaps", environ={}, today=TODAY).portfolio_path(None)) == "portfolio.toml"


@pytest.mark.parametrize(("args", "shown"), [
    (["gaps"], "endorse gaps my-portfolio.toml"),
    (["assess"], "endorse assess my-portfolio.toml"),
    (["bundle"], "endorse bundle my-portfolio.toml"),
    (["interview"], "endorse interview my-portfolio.toml"),
    (["edit"], "endorse edit my-portfolio.toml"),
    (["add", "exam", "--status", "passed", "--date", "2025-01-01"],
     "endorse add exam my-portfolio.toml"),
])
def test_the_no_portfolio_hint_names_the_command_that_was_run(cli, tmp_path, monkeypatch,
                                                              args, shown) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli(*args)
    assert run.code == 2
    assert run.err == (
        "error: no portfolio file 'portfolio.toml' in this folder\n"
        "  fix: start one with `endorse init`, name your portfolio file "
        f"(`{shown}`), or set ENDORSE_PORTFOLIO\n")


# -- one credential resolver -----------------------------------------------------------------


@given(st.sampled_from(["IFA", "IFS", "IMHS", "IMHM"]), st.data())
def test_an_id_is_found_in_any_case(known, data) -> None:
    flips = data.draw(st.lists(st.booleans(), min_size=len(known), max_size=len(known)))
    given_id = "".join(c.lower() if flip else c for c, flip in zip(known, flips))
    assert credential_id(given_id, ["IFA", "IFS", "IMHS", "IMHM"]) == known


def test_a_miss_has_the_closest_id_and_the_list() -> None:
    with pytest.raises(UnknownCredential) as caught:
        credential_id("IMSH", ["IFA", "IFS", "IMHS", "IMHM"])
    assert (caught.value.guess, caught.value.hint) == ("IMHS", '; did you mean "IMHS"?')
    assert caught.value.fix == "use one of: IFA, IFS, IMHS, IMHM"
    with pytest.raises(UnknownCredential) as far:
        credential_id("Z", ["IFA", "IFS"])
    assert (far.value.guess, far.value.hint) == (None, "")


@pytest.mark.parametrize("command", [["gaps", "examples/home-visitor.toml"],
                                     ["bundle", "examples/home-visitor.toml"],
                                     ["check", "examples"]])
def test_every_credential_option_says_the_same(cli, command) -> None:
    run = cli(*command, "--credential", "IMSH")
    assert run.code == 2
    assert run.err == ("error: --credential 'IMSH' is not in the rules; did you mean \"IMHS\"?\n"
                       "  fix: use one of: IFA, IFS, IMHS, IMHM\n")


def test_a_target_not_in_the_rules_is_the_same_resolver_at_its_line(cli, write) -> None:
    path = write('format = 1\n[applicant]\nname = "Ana"\ntarget = "IMSH"\n')
    run = cli("gaps", str(path))
    assert run.code == 1
    assert run.err == (f"error: {path}, line 4: your details, Target credential: \"IMSH\" is not a credential "
                       "of these rules; did you mean \"IMHS\"?\n"
                       "  fix: use one of: IFA, IFS, IMHS, IMHM\n")


# -- one --fail-on policy ----------------------------------------------------------------------

rows = st.builds(
    CheckRow,
    file=st.from_regex(r"[a-z]{1,8}\.toml", fullmatch=True),
    credential=st.just("IFS"),
    met=st.one_of(st.none(), st.booleans()),
    requirements_met=st.just(2), requirements_total=st.just(6),
    warnings=st.integers(0, 3),
    error=st.one_of(st.none(), st.just("the file is empty")),
)


@given(st.lists(rows, max_size=12), st.sampled_from(list(FailOn)))
def test_junit_fails_exactly_the_rows_the_exit_code_counts(batch, policy) -> None:
    out = io.StringIO()
    writer = JUnit(out, validate=False, credential=None, files=[r.file for r in batch],
                   fail_on=policy)
    writer.start()
    summary = Summary()
    for row in batch:
        summary.add(row)
        writer.row(row)
    writer.end(summary)
    kinds = {policy.failure(r) for r in batch} - {None}
    failed = [r for r in batch if policy.failure(r)]
    assert f'failures="{len(failed)}"' in out.getvalue()
    assert out.getvalue().count("<failure ") == len(failed)
    code = FailOn.exit_code(kinds)  # type: ignore[arg-type]
    assert (code == ExitCode.OK) == (not failed)
    assert (code == ExitCode.INVALID_INPUT) == any(r.invalid for r in failed)


@pytest.mark.parametrize(("policy", "row", "failure"), [
    (FailOn.never, CheckRow(file="a", error="bad"), None),
    (FailOn.invalid, CheckRow(file="a", error="bad"), "invalid"),
    (FailOn.invalid, CheckRow(file="a", met=False, warnings=2), None),
    (FailOn.unmet, CheckRow(file="a", met=False), "unmet"),
    (FailOn.unmet, CheckRow(file="a", met=True, warnings=2), None),
    (FailOn.unmet, CheckRow(file="a"), None),  # validated only: nothing judged
    (FailOn.warning, CheckRow(file="a", met=False, warnings=1), "warning"),
    (FailOn.warning, CheckRow(file="a", error="bad", warnings=1), "invalid"),
])
def test_fail_on_at_each_edge(policy, row, failure) -> None:
    assert policy.failure(row) == failure


def test_fail_on_defaults_to_unmet_only_with_a_credential() -> None:
    assert (FailOn.default(None), FailOn.default("IFS")) == (FailOn.invalid, FailOn.unmet)


# -- one list of sections --------------------------------------------------------------------


def test_the_cli_sections_are_the_interviews(cli) -> None:
    from endorse_cli.cli import Section
    from endorse_cli.interview.flows import ORDER

    from endorse_cli.interview.adding import ADDABLE

    assert [s.value for s in Section] == list(ADDABLE)
    assert list(ADDABLE[:len(ORDER)]) == list(ORDER)  # the interview's, then add's own
    listed = "education, work, training, supervision, reference or exam"
    assert listed in " ".join(cli("interview", "--help").out.split())
    assert ("education, work, training, supervision, reference, exam, license or endorsement"
            in " ".join(cli("add", "--help").out.split()))
    run = cli("interview", "--section", "trainings")  # the interview guesses at a misspelt one
    assert run.code == 2


# -- endorse alone ---------------------------------------------------------------------------


def test_endorse_alone_shows_the_help_on_stdout(cli) -> None:
    run = cli()
    assert (run.code, run.err) == (0, "")
    assert run.out == cli("--help").out
    assert run.out.startswith("Usage: endorse [OPTIONS] COMMAND [ARGS]...")


# -- the library face --------------------------------------------------------------------------


def test_the_library_example_runs(monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    failed, tried = doctest.testmod(api, raise_on_error=False)
    assert failed == 0 and tried >= 3


def test_the_library_reads_no_environment(monkeypatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ENDORSE_PORTFOLIO", str(EXAMPLES / "home-visitor.toml"))
    import ast

    tree = ast.parse((ROOT / "src" / "endorse_cli" / "api.py").read_text(encoding="utf-8"))
    names = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    names |= {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    assert not names & {"environ", "getenv", "environb"}
    with pytest.raises(TypeError):
        api.assess_file()  # type: ignore[call-arg]  # no default file: that is the CLI's


def test_the_library_takes_today_and_as_of() -> None:
    """Judged as of a later day, RS/C paces are measured up to the ``today`` given (nothing
    can be logged after it), not up to the machine's clock; without one, up to ``as_of``."""
    from endorse_cli.io.portfolio_file import read_portfolio
    from endorse_cli.io.rules_file import load_rules

    day, later = dt.date.fromisoformat(AS_OF), dt.date(2027, 6, 1)
    file = EXAMPLES / "home-visitor.toml"  # no RS/C logged in the six months before `later`
    up_to_today = api.assess_file(file, as_of=later, today=day)
    up_to_later = api.assess_file(file, as_of=later, today=later)
    assert up_to_today != up_to_later
    assert up_to_today == api.assess_file(file, as_of=later, today=day)
    loaded, rules = read_portfolio(file), load_rules().value
    assert api.assess_loaded(loaded, rules, later) == up_to_later


def test_application_judges_with_its_own_today(cli) -> None:
    assert re.search(r"\bas of 2026-11-21\b", cli("gaps", "examples/home-visitor.toml",
                                                    "--as-of", "11/21/2026").out)
