"""The questionnaire through the real CLI, typed into a prompt_toolkit pipe."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from conftest import EXAMPLES
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from endorse_cli.io.portfolio_file import read_portfolio

ENTER, DOWN, SPACE, CTRL_C, CLEAR = "\r", "\x1b[B", " ", "\x03", "\x15"
TODAY = dt.date.today().isoformat()


@pytest.fixture
def typed(cli, monkeypatch):
    """Run `endorse ARGS` with KEYS typed at its prompts, as if on a terminal."""
    monkeypatch.setattr("endorse_cli.interview.flows.require_terminal", lambda command: None)

    def run(keys: str, *args: str):
        with create_pipe_input() as pipe:
            pipe.send_text(keys)
            pipe.close()  # the end of the keys is the end of input: never a wait
            with create_app_session(input=pipe, output=DummyOutput()):
                return cli(*args)

    return run


def training(title: str, hours: str) -> str:
    """Keys for one training: title, provider (kept), date (today), hours, IMH (yes),
    the first competency area, no certificate."""
    return (title + ENTER + ENTER + ENTER + hours + ENTER + ENTER + SPACE + ENTER + ENTER)


def test_init_asks_and_writes_a_new_portfolio(typed, tmp_path) -> None:
    path = tmp_path / "portfolio.toml"
    keys = "Ana Lopez" + ENTER + "ana@example.org" + ENTER + DOWN * 2 + ENTER + "n"
    run = typed(keys, "init", str(path))
    assert run.code == 0, run.err
    assert path.read_text(encoding="utf-8") == (
        "#:schema ./portfolio.schema.json\n"
        f"# Endorsement® portfolio of Ana Lopez, started on {TODAY}.\n"
        "# Add to it with `endorse interview`, or edit it by hand: comments are kept.\n\n"
        "format = 1\n\n"
        '[applicant]\nname = "Ana Lopez"\nemail = "ana@example.org"\nfocus = "prevention"\n')
    assert (tmp_path / "portfolio.schema.json").exists()
    assert "endorse interview" in run.out


def test_init_refuses_an_existing_file(typed, tmp_path) -> None:
    path = tmp_path / "portfolio.toml"
    path.write_text("keep me", encoding="utf-8")
    run = typed("", "init", str(path))
    assert run.code == 2
    assert "already exists; it was not touched" in run.err
    assert path.read_text(encoding="utf-8") == "keep me"


def test_interview_adds_trainings_and_shows_progress(typed, tmp_path) -> None:
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    keys = ("y" + training("Attachment Basics", "3") + "y" + training("Play and Learning", "2.5")
            + "n")
    run = typed(keys, "interview", str(path), "--section", "training")
    assert run.code == 0, run.err
    portfolio = read_portfolio(path).value
    assert [(t.title, t.hours, t.competencies) for t in portfolio.training[-2:]] == [
        ("Attachment Basics", 3, ["theoretical-foundations"]),
        ("Play and Learning", 2.5, ["theoretical-foundations"]),
    ]
    assert portfolio.training[-1].date.isoformat() == TODAY
    assert portfolio.training[-1].provider == "State Association for Infant Mental Health"  # last used
    assert ("Toward IFA, recommended for you: 2 of 4 requirements met; training 30 of 30 hours"
            in " ".join(run.out.split()))
    assert "Gap checklist for IFA" in run.out


def test_dates_in_us_form_and_impossible_ones_asked_again(typed, tmp_path) -> None:
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    keys = ("y" + "Later Course" + ENTER + ENTER
            + CLEAR + "2/30/2024" + ENTER       # not a real date: asked again
            + CLEAR + "3/15/2024" + ENTER       # the US form is read
            + "0" + ENTER + CLEAR + "1.5" + ENTER  # 0 hours refused, then 1.5
            + ENTER + SPACE + ENTER + ENTER + "n")
    run = typed(keys, "interview", str(path), "-s", "training")
    assert run.code == 0, run.err
    last = read_portfolio(path).value.training[-1]
    assert (last.title, last.date.isoformat(), last.hours) == ("Later Course", "2024-03-15", 1.5)


def test_ctrl_c_in_the_third_entry_keeps_the_first_two(typed, tmp_path) -> None:
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    before = len(read_portfolio(path).value.training)
    keys = ("y" + training("One", "1") + "y" + training("Two", "1") + "y" + "Thr" + CTRL_C)
    run = typed(keys, "interview", str(path), "-s", "training")
    assert run.code == 130
    assert run.err.startswith(f"stopped: 2 entries saved in {path} this time; "
                              "the one being typed was not.\n"
                              f"  fix: run `endorse interview {path}` to go on")
    titles = [t.title for t in read_portfolio(path).value.training]  # valid, and has both
    assert len(titles) == before + 2 and titles[-2:] == ["One", "Two"]


def test_edit_changes_a_field_and_removes_an_entry(typed, tmp_path) -> None:
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    # About you > name: replace it; then References (3) > the third > remove > yes; then Done.
    keys = (ENTER + ENTER + CLEAR + "Maya T. Thompson" + ENTER
            + DOWN * 4 + ENTER + DOWN * 2 + ENTER + DOWN * 5 + ENTER + "y"
            + DOWN * 5 + ENTER)
    run = typed(keys, "edit", str(path))
    assert run.code == 0, run.err
    portfolio = read_portfolio(path).value
    assert portfolio.applicant.name == "Maya T. Thompson"
    assert [r.name for r in portfolio.reference] == ["Rosa Delgado", "Kevin Osei"]
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Maya Thompson's Endorsement® portfolio")  # comments kept
    assert (tmp_path / "p.toml.bak").exists()


@pytest.mark.parametrize("command", ["init", "interview", "edit"])
def test_no_terminal_means_an_error_naming_the_way_without_questions(cli, tmp_path, command) -> None:
    path = tmp_path / "p.toml"
    if command != "init":
        shutil.copy(EXAMPLES / "clinician.toml", path)
    run = cli(command, str(path))
    assert run.code == 2
    assert f"`endorse {command}` asks questions and needs a terminal" in run.err
    assert "endorse add SECTION" in run.err
    assert "\x1b" not in run.out + run.err


def test_init_in_a_real_terminal(tmp_path) -> None:
    """`endorse init` in a pseudo-terminal, answered as a person types."""
    import os
    import sys

    pexpect = pytest.importorskip("pexpect")
    path = tmp_path / "portfolio.toml"
    env = dict(os.environ, TERM="xterm", NO_COLOR="1", COLUMNS="80", LINES="30")
    child = pexpect.spawn(sys.executable, ["-m", "endorse_cli", "init", str(path)], env=env,
                          encoding="utf-8", timeout=20, dimensions=(30, 80))
    try:
        child.expect("Your full name")
        child.send("Jordan Rivera\r")
        child.expect("Your email address")
        child.send("jordan@example.org\r")
        child.expect("Which field do you work in")
        child.send("\x1b[B\x1b[B\r")  # past "(leave it out)" and promotion, to prevention
        child.expect("Go on with the interview now")
        child.send("n")
        child.expect("endorse interview")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    text = path.read_text(encoding="utf-8")
    assert 'name = "Jordan Rivera"\nemail = "jordan@example.org"\nfocus = "prevention"\n' in text
    assert read_portfolio(path).value.applicant.focus == "prevention"


def test_ctrl_d_stops_at_any_prompt(typed, tmp_path) -> None:
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    # Ctrl-D at the provider question, which has a default filled in
    run = typed("y" + "One" + ENTER + "\x04", "interview", str(path), "-s", "training")
    assert run.code == 130
    assert run.err.startswith("stopped: 0 entries saved")


def test_edit_asks_again_when_a_change_clashes_with_another_key(typed, tmp_path) -> None:
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    # Work history > the second job (2020-01-06 to 2022-08-12) > Last day: before the first
    # day is refused by the question itself; then a good one is saved.
    keys = (DOWN * 2 + ENTER + DOWN + ENTER + DOWN * 3 + ENTER
            + CLEAR + "1/1/2019" + ENTER + CLEAR + "2022-08-31" + ENTER + DOWN * 5 + ENTER)
    run = typed(keys, "edit", str(path))
    assert run.code == 0, run.err
    assert read_portfolio(path).value.work[1].end.isoformat() == "2022-08-31"


def test_a_reference_without_contact_gets_a_note(typed, tmp_path) -> None:
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    # name, role (leave it out), no email, no phone, status planned, then no more
    keys = "y" + "Sam Roe" + ENTER + ENTER + ENTER + ENTER + ENTER + "n"
    run = typed(keys, "interview", str(path), "-s", "reference")
    assert run.code == 0, run.err
    assert "Note: a reference counts only with an email or a phone" in " ".join(run.out.split())
