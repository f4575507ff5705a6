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

ENTER, DOWN, SPACE, CTRL_C, CLEAR, TAB = "\r", "\x1b[B", " ", "\x03", "\x15", "\t"


def today() -> str:
    """Today as the tool sees it now: read when compared, not when the tests are collected,
    so a run that crosses midnight compares like with like."""
    return dt.date.today().isoformat()


@pytest.fixture
def typed(cli, monkeypatch):
    """Run `endorse ARGS` with KEYS typed at its prompts, as if on a terminal."""
    monkeypatch.setattr("endorse_cli.interview.flows.require_terminal", lambda *args: None)

    def run(keys: str, *args: str):
        with create_pipe_input() as pipe:
            pipe.send_text(keys)
            pipe.close()  # the end of the keys is the end of input: never a wait
            with create_app_session(input=pipe, output=DummyOutput()):
                return cli(*args)

    return run


def training(title: str, hours: str) -> str:
    """Keys for one training: title, provider (Enter: left out), date (today), hours, IMH (yes),
    the first competency area, no certificate."""
    return (title + ENTER + ENTER + ENTER + hours + ENTER + ENTER + SPACE + ENTER + ENTER)


def test_init_asks_and_writes_a_new_portfolio(typed, tmp_path) -> None:
    path = tmp_path / "portfolio.toml"
    keys = "Ana Lopez" + ENTER + "ana@example.org" + ENTER + DOWN * 2 + ENTER + ENTER + "n\r"
    run = typed(keys, "init", str(path))
    assert run.code == 0, run.err
    assert path.read_text(encoding="utf-8") == (
        "#:schema ./portfolio.schema.json\n"
        f"# Endorsement® portfolio of Ana Lopez, started on {today()}.\n"
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
    keys = ("y\r" + training("Attachment Basics", "3") + "y\r" + training("Play and Learning", "2.5")
            + "n\r")
    run = typed(keys, "interview", str(path), "--section", "training")
    assert run.code == 0, run.err
    portfolio = read_portfolio(path).value
    assert [(t.title, t.hours, t.competencies) for t in portfolio.training[-2:]] == [
        ("Attachment Basics", 3, ["theoretical-foundations"]),
        ("Play and Learning", 2.5, ["theoretical-foundations"]),
    ]
    assert portfolio.training[-1].date.isoformat() == today()
    # Enter on the optional provider leaves it out: the last one is offered, never taken unseen
    assert [t.provider for t in portfolio.training[-2:]] == [None, None]
    assert ("Toward IFA, recommended for you: 2 of 4 requirements met; training 30 of 30 hours"
            in " ".join(run.out.split()))
    assert "Gap checklist for IFA" in run.out


def test_dates_in_us_form_and_impossible_ones_asked_again(typed, tmp_path) -> None:
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    keys = ("y\r" + "Later Course" + ENTER + ENTER
            + CLEAR + "2/30/2024" + ENTER       # not a real date: asked again
            + CLEAR + "3/15/2024" + ENTER       # the US form is read
            + "0" + ENTER + CLEAR + "1.5" + ENTER  # 0 hours refused, then 1.5
            + ENTER + SPACE + ENTER + ENTER + "n\r")
    run = typed(keys, "interview", str(path), "-s", "training")
    assert run.code == 0, run.err
    last = read_portfolio(path).value.training[-1]
    assert (last.title, last.date.isoformat(), last.hours) == ("Later Course", "2024-03-15", 1.5)


def test_ctrl_c_in_the_third_entry_keeps_the_first_two(typed, tmp_path) -> None:
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    before = len(read_portfolio(path).value.training)
    keys = ("y\r" + training("One", "1") + "y\r" + training("Two", "1") + "y\r" + "Thr" + CTRL_C)
    run = typed(keys, "interview", str(path), "-s", "training")
    assert run.code == 130
    assert run.err == (f"stopped: 2 entries saved in {path} this time; the one being typed "
                       "was not.\n  What you had typed, to type again: Name of the course, "
                       "workshop or session: Thr\n"
                       f"  fix: run `endorse interview {path} --section training` to go on\n")
    titles = [t.title for t in read_portfolio(path).value.training]  # valid, and has both
    assert len(titles) == before + 2 and titles[-2:] == ["One", "Two"]


def test_edit_changes_a_field_and_removes_an_entry(typed, tmp_path) -> None:
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    # About you > name: replace it; then References (3) > the third > remove > yes; then Done.
    keys = (ENTER + ENTER + CLEAR + "Maya T. Thompson" + ENTER
            + DOWN * 4 + ENTER + DOWN * 2 + ENTER + DOWN * 5 + ENTER + "y\r"
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
        child.expect("Which credential are you applying for")
        child.send("\r")  # not decided yet
        child.expect("Go on with the interview now")
        child.send("n\r")
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
    run = typed("y\r" + "One" + ENTER + "\x04", "interview", str(path), "-s", "training")
    assert run.code == 130
    assert run.err.startswith("stopped: 0 entries saved")


def test_edit_refuses_an_end_before_the_start_at_the_question(typed, tmp_path) -> None:
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    # Work history > the second job (2020-01-06 to 2022-08-12) > Last day: before the first
    # day is refused by the question itself; then a good one is saved.
    keys = (DOWN * 2 + ENTER + DOWN + ENTER + DOWN * 3 + ENTER
            + CLEAR + "1/1/2019" + ENTER + CLEAR + "2022-08-31" + ENTER + DOWN * 5 + ENTER)
    run = typed(keys, "edit", str(path))
    assert run.code == 0, run.err
    assert "Not saved" not in run.out
    assert read_portfolio(path).value.work[1].end.isoformat() == "2022-08-31"


def test_edit_asks_again_when_the_save_refuses_a_change(typed, tmp_path, monkeypatch) -> None:
    """Were a question ever to take what the file refuses (here the last day's question is
    made to forget the first day), the change is asked again, not dropped or written."""
    from endorse_cli.interview import fields, flows

    loose = tuple(msgspec_replace(f, not_before=None) if f.key == "end" else f
                  for f in fields.SECTIONS["work"])
    monkeypatch.setitem(flows.SECTIONS, "work", loose)
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    keys = (DOWN * 2 + ENTER + DOWN + ENTER + DOWN * 3 + ENTER
            + CLEAR + "1/1/2019" + ENTER              # taken by the question, refused by the save
            + CLEAR + "2022-08-31" + ENTER + DOWN * 5 + ENTER)
    run = typed(keys, "edit", str(path))
    assert run.code == 0, run.err
    out = " ".join(run.out.split())
    assert "Not saved: the end 2019-01-01 is before the start 2020-01-06. Try again." in out
    assert "line" not in out.split("Not saved")[1].split(".")[0]
    assert read_portfolio(path).value.work[1].end.isoformat() == "2022-08-31"


def msgspec_replace(field, **changes):
    import msgspec

    return msgspec.structs.replace(field, **changes)


def test_a_new_entry_is_added_to_the_file_as_changed_on_disk(typed, tmp_path, monkeypatch) -> None:
    from endorse_cli.interview import flows

    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    real = flows.Session.entry

    def entry_then_edit_elsewhere(self, section, current=None):
        answers = real(self, section, current)
        with path.open("a", encoding="utf-8") as other_window:
            other_window.write("\n# written in another window meanwhile\n")
        return answers

    monkeypatch.setattr(flows.Session, "entry", entry_then_edit_elsewhere)
    run = typed("y\r" + training("One", "1") + "y\r" + training("Two", "2") + "n\r",
                "interview", str(path), "-s", "training")
    assert run.code == 0, run.err
    assert " ".join(run.out.split()).count(
        "had changed on disk: your entry was added to it as it is now") == 2
    text = path.read_text(encoding="utf-8")
    assert text.count("# written in another window meanwhile") == 2  # nothing of it lost
    assert [t.title for t in read_portfolio(path).value.training][-2:] == ["One", "Two"]


def test_edit_stops_when_the_file_changed_on_disk(typed, tmp_path, monkeypatch) -> None:
    from endorse_cli.interview import flows

    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    real = flows.Asker.field

    def field_then_edit_elsewhere(self, *args, **kwargs):
        value = real(self, *args, **kwargs)
        with path.open("a", encoding="utf-8") as other_window:
            other_window.write("# mine\n")
        return value

    monkeypatch.setattr(flows.Asker, "field", field_then_edit_elsewhere)
    run = typed(ENTER + ENTER + CLEAR + "Maya T. Thompson" + ENTER, "edit", str(path))
    assert run.code == 1
    assert "was changed on disk since it was read" in run.err
    assert path.read_text(encoding="utf-8").endswith("# mine\n")  # the other change kept
    assert read_portfolio(path).value.applicant.name != "Maya T. Thompson"


def test_a_reference_without_contact_gets_a_note(typed, tmp_path) -> None:
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    # name, role (leave it out), no email, no phone, status planned, then no more
    keys = "y\r" + "Sam Roe" + ENTER + ENTER + ENTER + ENTER + ENTER + "n\r"
    run = typed(keys, "interview", str(path), "-s", "reference")
    assert run.code == 0, run.err
    assert (f"Note: your 4th reference, Sam Roe, counts only with an email or a phone; add one "
            f"with `endorse edit {path}` when you have it") in " ".join(run.out.split())


def job(hours_per_week: str) -> str:
    """Keys for one job: title, employer, first day, no last day, in the field (yes), HOURS
    a week, 12 families, no supervisor, no areas."""
    return ("Home Visitor" + ENTER + "Family Services" + ENTER + "2021-09-01" + ENTER + ENTER
            + ENTER + hours_per_week + ENTER)


def test_hours_a_week_the_file_refuses_are_asked_again_and_the_job_kept(typed, tmp_path) -> None:
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    keys = "y\r" + job("200") + CLEAR + "40" + ENTER + "12" + ENTER + ENTER + ENTER + "n\r"
    run = typed(keys, "interview", str(path), "-s", "work")
    assert run.code == 0, run.err
    last = read_portfolio(path).value.work[-1]
    assert (last.title, last.employer, last.start.isoformat(), last.hours_per_week,
            last.families_served) == ("Home Visitor", "Family Services", "2021-09-01", 40, 12)


def test_typing_over_a_default_replaces_it(typed, tmp_path) -> None:
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)  # last provider: State Association...
    keys = ("y\r" + "Home Visiting 101" + ENTER + "Rosa Martinez" + ENTER + "3/1/2026" + ENTER
            + "2" + ENTER + ENTER + SPACE + ENTER + ENTER + "n\r")
    run = typed(keys, "interview", str(path), "-s", "training")
    assert run.code == 0, run.err
    last = read_portfolio(path).value.training[-1]
    assert (last.provider, last.date.isoformat()) == ("Rosa Martinez", "2026-03-01")


def test_a_providers_credential_is_offered_only_for_the_same_provider(typed, tmp_path) -> None:
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "home-visitor.toml", path)  # the last provider: Ana Lopez
    session = ENTER + "1" + ENTER + "{provider}" + ENTER + ENTER + "{credential}" + ENTER + ENTER
    keys = ("y\r" + session.format(provider=TAB, credential="IMHM-C")     # Ana Lopez, IMHM-C
            + "y\r" + session.format(provider="Rosa Martinez", credential=TAB)  # nothing carried
            + "y\r" + session.format(provider="Ana Lopez", credential=TAB)  # hers is offered
            + "y\r" + session.format(provider=TAB, credential="")  # Enter: left out
            + "n\r")
    run = typed(keys, "interview", str(path), "-s", "rsc")
    assert run.code == 0, run.err
    added = read_portfolio(path).value.supervision[-4:]
    assert [(s.provider, s.provider_credential) for s in added] == [
        ("Ana Lopez", "IMHM-C"), ("Rosa Martinez", None), ("Ana Lopez", "IMHM-C"),
        ("Ana Lopez", None)]


def test_a_dash_leaves_out_an_optional_default(typed, tmp_path) -> None:
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    keys = ("y\r" + "Solo Study" + ENTER + "-" + ENTER + ENTER + "1:30" + ENTER + ENTER + SPACE
            + ENTER + ENTER + "n\r")
    run = typed(keys, "interview", str(path), "-s", "training")
    assert run.code == 0, run.err
    last = read_portfolio(path).value.training[-1]
    assert (last.title, last.provider, last.hours) == ("Solo Study", None, 1.5)


def test_a_red_flag_is_said_as_the_entry_is_saved(typed, tmp_path) -> None:
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "home-visitor.toml", path)
    keys = "y\r" + ENTER + "9 hrs" + ENTER + TAB + ENTER + ENTER + ENTER + ENTER + "n\r"
    run = typed(keys, "interview", str(path), "-s", "supervision")
    assert run.code == 0, run.err
    out = " ".join(run.out.split())
    saved = out.index("Saved: ")
    assert out.index(f"9 hours of RS/C on {today()}, more than 8 in one day") > saved
    assert "Note: Your " in out
    assert "log each day apart" in out


# -- certificates ------------------------------------------------------------------------------


def test_a_certificate_must_exist_and_one_elsewhere_is_copied_in(typed, tmp_path) -> None:
    folder = tmp_path / "portfolio"
    folder.mkdir()
    path = folder / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    elsewhere = tmp_path / "Downloads" / "attachment cert.pdf"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(b"%PDF-1.4 certificate")
    keys = ("y\r" + "Attachment" + ENTER + ENTER + ENTER + "3" + ENTER + ENTER + SPACE + ENTER
            + "no-such-file.pdf" + ENTER                # refused: there is no such file
            + CLEAR + f"'{elsewhere}'" + ENTER          # as a terminal pastes a dropped file
            + "y\r"                                       # copy it in
            + "n\r")
    run = typed(keys, "interview", str(path), "-s", "training")
    assert run.code == 0, run.err
    assert read_portfolio(path).value.training[-1].certificate == "certificates/attachment cert.pdf"
    assert (folder / "certificates" / "attachment cert.pdf").read_bytes() == b"%PDF-1.4 certificate"
    assert elsewhere.exists()


def test_a_certificate_inside_the_folder_is_named_relatively(typed, tmp_path, monkeypatch) -> None:
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    (tmp_path / "certs").mkdir()
    (tmp_path / "certs" / "one.pdf").write_bytes(b"pdf")
    monkeypatch.chdir(tmp_path / "certs")  # typed from another folder
    keys = ("y\r" + "One" + ENTER + ENTER + ENTER + "3" + ENTER + ENTER + SPACE + ENTER
            + "one.pdf" + ENTER + "n\r")
    run = typed(keys, "interview", str(path), "-s", "training")
    assert run.code == 0, run.err
    assert read_portfolio(path).value.training[-1].certificate == "certs/one.pdf"


# -- the flows ---------------------------------------------------------------------------------

INIT_KEYS = "Ana Lopez" + ENTER + ENTER + ENTER + ENTER


@pytest.mark.parametrize("blank", ["", "  \n\n", "\r\n"])
def test_init_starts_an_empty_file_and_gaps_points_there(typed, cli, tmp_path, blank) -> None:
    path = tmp_path / "portfolio.toml"
    path.write_text(blank, encoding="utf-8", newline="")
    assert f"start it with `endorse init {path}`" in cli("gaps", str(path)).err
    run = typed(INIT_KEYS + "n\r", "init", str(path))
    assert run.code == 0, run.err
    assert read_portfolio(path).value.applicant.name == "Ana Lopez"
    assert not (tmp_path / "portfolio.toml.bak").exists()  # nothing was there to keep


def test_a_file_name_with_spaces_is_quoted_in_the_next_step(typed, tmp_path) -> None:
    path = tmp_path / "my portfolio.toml"
    run = typed(INIT_KEYS + "n\r", "init", str(path))
    assert run.code == 0, run.err
    assert f"Later, run `endorse interview '{path}'` to go on." in " ".join(run.out.split())


def test_ctrl_c_in_init_says_stopped_once(typed, tmp_path) -> None:
    path = tmp_path / "portfolio.toml"
    run = typed("Ana" + CTRL_C, "init", str(path))
    assert run.code == 130
    assert run.err == f"stopped: nothing was saved; {path} was not created\n"
    assert not path.exists()


def test_ctrl_c_in_edit_speaks_of_changes_and_points_to_edit(typed, tmp_path) -> None:
    path = tmp_path / "my p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    run = typed(ENTER + ENTER + CLEAR + "Maya T. Thompson" + ENTER + ENTER + ENTER + CTRL_C,
                "edit", str(path))
    assert run.code == 130
    assert run.err == (f"stopped: 1 change saved in {path} this time; the one being made was "
                       f"not.\n  fix: run `endorse edit '{path}'` to change more\n")
    assert "interview" not in run.err


def test_the_target_credential_is_chosen_in_init(typed, tmp_path) -> None:
    from endorse_cli.io.rules_file import load_rules

    first = load_rules().value.credential[0].id
    path = tmp_path / "portfolio.toml"
    run = typed("Ana Lopez" + ENTER + ENTER + ENTER + DOWN + ENTER + "n\r", "init", str(path))
    assert run.code == 0, run.err
    assert read_portfolio(path).value.applicant.target == first
    assert f'target = "{first}"' in path.read_text(encoding="utf-8")


def test_section_aliases_and_guesses(typed, tmp_path) -> None:
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "home-visitor.toml", path)
    run = typed("n\r", "interview", str(path), "--section", "rsc")
    assert run.code == 0, run.err
    assert "Reflective supervision/consultation (RS/C)" in run.out
    run = typed("", "interview", str(path), "--section", "refrences")
    assert run.code == 2
    assert "there is no section 'refrences'; did you mean reference?" in run.err


# -- in a real terminal ------------------------------------------------------------------------


def spawn(*args: str):
    """`endorse ARGS` in a pseudo-terminal, 100 columns wide."""
    import os
    import sys

    pexpect = pytest.importorskip("pexpect")
    env = dict(os.environ, TERM="xterm", NO_COLOR="1", COLUMNS="100", LINES="30")
    return pexpect.spawn(sys.executable, ["-m", "endorse_cli", *args], env=env,
                         encoding="utf-8", timeout=20, dimensions=(30, 100))


def test_a_refused_answer_is_asked_again_in_a_real_terminal(tmp_path) -> None:
    """Hours a week past the format's bound are refused at the question, with the range;
    what is typed next replaces them; the whole job is saved."""
    import pexpect

    path = tmp_path / "my portfolio.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    child = spawn("interview", str(path), "--section", "work")
    try:
        child.expect(r"Add another job\?")
        child.send("y\r")
        for prompt, answer in (("Job title", "Home Visitor"), ("Organization", "Family Services"),
                               ("First day", "9/1/2021"), ("Last day", "")):
            child.expect(prompt)
            child.send(answer + "\r")
        child.expect("Is this work with infants")
        child.send("\r")
        child.expect("Hours a week")
        child.send("200\r")
        child.expect("200 is not allowed: the hours a week must be more than 0 and at most 168")
        child.expect("Hours a week")  # asked again, under the reason
        child.send(CLEAR + "40 hrs\r")
        child.expect("Number of families")
        child.send("12\r")
        child.expect("supervisor's name")
        child.send("\r")
        child.expect("Competency areas")
        child.send("\r")
        child.expect("Saved: Home Visitor")
        child.expect(r"Add another job\?")
        child.send("n\r")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    last = read_portfolio(path).value.work[-1]
    assert (last.title, last.hours_per_week, last.families_served) == ("Home Visitor", 40, 12)


def test_a_default_is_shown_and_never_merged_in_a_real_terminal(tmp_path) -> None:
    """The last provider is offered in the question; typing a new one replaces it. Ctrl-C then
    names the file as a shell needs it."""
    import pexpect

    path = tmp_path / "my portfolio.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    child = spawn("interview", str(path), "--section", "training")
    try:
        child.expect(r"Add another training\?")
        child.send("y\r")
        child.expect("Name of the course")
        child.send("Home Visiting 101\r")
        child.expect(r"Who gave it \(optional\) \(Tab for State Association for Infant Mental "
                     r"Health\):")
        child.send("Rosa Martinez\r")
        child.expect(rf"Date completed \(Enter for {today()}\)")
        child.send("\r")
        # the question, answered, shows the day Enter took (never an empty answer)
        child.expect(rf"\(Enter for {today()}\):(?:\x1b\[[0-9;?]*[A-Za-z]|\s)*{today()}")
        child.expect("Clock hours")
        child.send("1:30\r")
        child.expect("Was it specialized training")
        child.send("\r")
        child.expect("Competency areas it covered")
        child.send(" \r")
        child.expect("Certificate file")
        child.send("\r")
        child.expect(r"Add another training\?")
        child.send("y\r")
        child.expect("Name of the course")
        child.send("Half typ")
        child.sendcontrol("c")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 130
    text = " ".join(child.before.split())
    assert (f"stopped: 1 entry saved in {path} this time; the one being typed was not. "
            "What you had typed, to type again: Name of the course, workshop or session: "
            f"Half typ fix: run `endorse interview '{path}' --section training` to go on"
            ) in text
    last = read_portfolio(path).value.training[-1]
    assert (last.title, last.provider, last.date.isoformat(), last.hours) == (
        "Home Visiting 101", "Rosa Martinez", today(), 1.5)


def test_init_starts_an_empty_file_in_a_real_terminal(tmp_path) -> None:
    import pexpect

    path = tmp_path / "portfolio.toml"
    path.write_text("\n", encoding="utf-8")
    child = spawn("init", str(path))
    try:
        child.expect(r"is\s+empty:\s+your\s+portfolio\s+starts\s+in\s+it")
        child.expect("Your full name")
        child.send("Jordan Rivera\r")
        child.expect("Your email address")
        child.send("\r")
        child.expect("Which field do you work in")
        child.send("\r")
        child.expect("Which credential are you applying for")
        child.sendcontrol("c")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 130
    assert " ".join(child.before.split()).endswith(
        f"stopped: nothing was saved; {path} was left as it was")
    assert path.read_text(encoding="utf-8") == "\n"


def test_an_entry_the_save_refuses_is_asked_again_with_every_answer_kept(
        typed, tmp_path, monkeypatch) -> None:
    """Were a question ever to take what the file refuses (the last day's question made to
    forget the first day), the entry is asked again with each answer offered: Enter keeps it."""
    from endorse_cli.interview import fields, flows

    loose = tuple(msgspec_replace(f, not_before=None) if f.key == "end" else f
                  for f in fields.SECTIONS["work"])
    monkeypatch.setitem(flows.SECTIONS, "work", loose)
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    answers = ("Home Visitor" + ENTER + "Family Services" + ENTER + "2021-09-01" + ENTER
               + "{end}" + ENTER + ENTER + "{hours}" + ENTER + "12" + ENTER + ENTER + ENTER)
    keys = ("y\r" + answers.format(end="2020-01-01", hours="30")
            + ENTER + ENTER + ENTER + "2022-01-01" + ENTER + ENTER + ENTER + ENTER + ENTER
            + ENTER + "n\r")
    run = typed(keys, "interview", str(path), "-s", "work")
    assert run.code == 0, run.err
    out = " ".join(run.out.split())
    assert ("Not saved: the end 2020-01-01 is before the start 2021-09-01. Check the answers "
            "again: Enter keeps each one.") in out
    jobs = read_portfolio(path).value.work
    assert len(jobs) == 3  # the two of the example, and this one once
    last = jobs[-1]
    assert (last.title, last.employer, last.start.isoformat(), last.end.isoformat(),
            last.hours_per_week, last.families_served) == (
        "Home Visitor", "Family Services", "2021-09-01", "2022-01-01", 30, 12)


def test_a_file_broken_on_disk_meanwhile_shows_the_answers_not_saved(
        typed, tmp_path, monkeypatch) -> None:
    from endorse_cli.interview import flows

    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "early-care-teacher.toml", path)
    real = flows.Session.entry

    def entry_then_break_the_file(self, section, current=None):
        answers = real(self, section, current)
        path.write_text("format = 1\n[applicant\n", encoding="utf-8")  # half saved elsewhere
        return answers

    monkeypatch.setattr(flows.Session, "entry", entry_then_break_the_file)
    run = typed("y\r" + training("Attachment Basics", "3"), "interview", str(path), "-s", "training")
    assert run.code == 1
    out = " ".join(run.out.split())
    assert ("Not saved, to type again later: Name of the course, workshop or session: Attachment "
            "Basics; Date completed: "
            f"{today()}; Clock hours: 3; ") in out
    assert path.read_text(encoding="utf-8") == "format = 1\n[applicant\n"  # not overwritten


def test_the_progress_line_is_toward_the_applicants_target(typed, tmp_path) -> None:
    """The home visitor's target is IFS (IFA is recommended): progress is counted toward IFS."""
    path = tmp_path / "p.toml"
    shutil.copy(EXAMPLES / "home-visitor.toml", path)
    run = typed("y\r" + training("Attachment Basics", "3") + "n\r", "interview", str(path),
                "--section", "training")
    assert run.code == 0, run.err
    said = " ".join(run.out.split())
    assert "Toward IFS, your target: 3 of 6 requirements met; training 37 of 30 hours" in said
    assert "recommended for you" not in said
