"""A format of one's own is one module: the two made up here (``tsv``, rows for `check`; and
``yaml-ish``, for `assess`, read by people) are registered in this module alone, and the real
commands write them, list them, refuse them where they do not fit, and offer them to the
shell, with nothing else in the tree touched."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import AS_OF

from endorse_cli.i18n import N_
from endorse_cli.render import formats
from endorse_cli.render.rows import Summary, Writer


class Tsv(Writer):
    """Tab-separated rows, the same in every language, and a count at the end."""

    def start(self) -> None:
        self.out.write("file\tapplicant\tcredential\tmet\n")

    def row(self, row: Any) -> None:
        met = {True: "yes", False: "no", None: ""}[row.met]
        self.out.write(f"{row.file}\t{row.applicant or ''}\t{row.credential or ''}\t{met}\n")

    def end(self, summary: Summary) -> None:
        self.out.write(f"# {summary.total} portfolios, {summary.met} met\n")


def _yaml_assess(out: formats.Out, assessment: Any) -> None:
    lines = [f"applicant: {assessment.applicant}", f"as_of: {assessment.as_of}",
             f"language: {out.language.code}", "credentials:"]
    lines += [f"  {c.id}: {c.name}, " + out.language.gettext("{met} of {total}").format(
        met=c.met_count, total=c.total) for c in assessment.credentials]
    out.terminal.data("\n".join(lines) + "\n")


TSV = formats.Format("tsv", people=False, media="text/tab-separated-values", extension="tsv",
                     writes={"rows": Tsv})
YAML_ISH = formats.Format("yaml-ish", people=True, media="text/plain", extension="yaml",
                          note=N_("keys and values, for a quick look"),
                          writes={"assess": _yaml_assess})


@pytest.fixture(autouse=True)
def _registered() -> Iterator[None]:
    formats.register(TSV)
    formats.register(YAML_ISH)
    yield
    formats.unregister("tsv")
    formats.unregister("yaml-ish")


def test_check_writes_a_format_registered_in_one_module(cli) -> None:
    run = cli("check", "examples", "--as-of", AS_OF, "--jobs", "1", "--format", "tsv")
    assert (run.code, run.err) == (0, "")
    assert run.out == (
        "file\tapplicant\tcredential\tmet\n"
        "examples/clinician.toml\tPriya Natarajan\tIMHS\tyes\n"
        "examples/early-care-teacher.toml\tMaya Thompson\tIFA\tno\n"
        "examples/home-visitor.toml\tJordan Rivera\tIFS\tno\n"
        "examples/ifs-renewing.toml\tMaya Chen\tIFS\tno\n"
        "examples/imhs-no-exam.toml\tSamuel Okafor\tIMHS\tno\n"
        "examples/program-director.toml\tRenee Jackson\tIMHM\tno\n"
        "# 6 portfolios, 1 met\n")
    # validate writes rows too, in any case of the name; and into a file named with -o
    assert cli("validate", "examples/clinician.toml", "-f", "TSV").out == (
        "file\tapplicant\tcredential\tmet\n"
        "examples/clinician.toml\tPriya Natarajan\t\t\n"
        "# 1 portfolios, 0 met\n")


def test_a_format_written_into_a_file_names_its_own_ending(cli, tmp_path) -> None:
    folder = tmp_path / "out.tsv"
    folder.mkdir()
    run = cli("check", "examples/clinician.toml", "--as-of", AS_OF, "-f", "tsv", "-o",
              str(folder))
    assert run.code == 2
    assert run.err == (f"error: {folder} is a folder\n"
                       f"  fix: give a file name, such as {folder / 'check.tsv'}\n")


def test_assess_writes_a_format_for_people_in_their_language(cli) -> None:
    args = ("assess", "examples/home-visitor.toml", "--as-of", AS_OF, "--format", "yaml-ish")
    assert cli(*args).out == (
        "applicant: Jordan Rivera\n"
        "as_of: 2026-11-21\n"
        "language: en\n"
        "credentials:\n"
        "  IFA: Infant Family Associate, 3 of 4\n"
        "  IFS: Infant Family Specialist, 3 of 6\n"
        "  IMHS: Infant Mental Health Specialist, 2 of 7\n"
        "  IMHM: Infant Mental Health Mentor, 1 of 7\n")
    spanish = cli(*args, "--lang", "es").out
    assert spanish.splitlines()[2:5] == ["language: es", "credentials:",
                                          "  IFA: Asociado en Infancia y Familia, 3 de 4"]
    # the same writer declared for scripts: the fixed English, whatever the reader's language
    formats.register(YAML_ISH.replace(name="yaml-en", people=False))
    try:
        english = cli(*args[:-1], "yaml-en", "--lang", "es").out
    finally:
        formats.unregister("yaml-en")
    assert english.splitlines()[2:5] == ["language: en", "credentials:",
                                          "  IFA: Infant Family Associate, 3 of 4"]


def test_the_help_lists_the_new_formats_and_their_notes(cli) -> None:
    check = " ".join(cli("check", "--help").out.split())
    assert "-f, --format <table|json|jsonl|csv|junit|markdown|xlsx|tsv> Output format." in check
    assess = " ".join(cli("assess", "--help").out.split())
    assert ("-f, --format <text|json|markdown|yaml-ish> Output format; yaml-ish: keys and "
            "values, for a quick look. [default: text]") in assess
    # a format that writes no gap checklist is not offered for gaps
    assert "yaml-ish" not in cli("gaps", "--help").out


def test_a_format_that_does_not_fit_the_command_is_a_usage_error(cli) -> None:
    run = cli("gaps", "examples/home-visitor.toml", "--format", "yaml-ish")
    assert (run.code, run.out) == (2, "")
    assert run.err.endswith("Error: Invalid value for '--format' / '-f': 'yaml-ish' is not one "
                            "of 'text', 'json', 'markdown', 'ics'.\n")
    run = cli("check", "examples", "--renewal", "--format", "tsv")
    assert (run.code, run.out) == (2, "")
    assert run.err == ("error: --format tsv does not write the renewal rows of --renewal\n"
                       "  fix: use --format table, json, jsonl, csv, markdown or xlsx\n")
    spanish = cli("check", "examples", "--renewal", "--format", "tsv", "--lang", "es")
    assert spanish.code == 2
    assert "use --format table, json, jsonl, csv, markdown o xlsx" in spanish.err


def test_the_shell_is_offered_the_new_formats() -> None:
    import typer

    from endorse_cli.cli import app

    group = typer.main.get_command(app)
    ctx = group.make_context("endorse", ["check", "x"], resilient_parsing=True)
    check = group.get_command(ctx, "check")
    option = next(p for p in check.params if p.name == "format")
    sub = check.make_context("check", ["x"], parent=ctx, resilient_parsing=True)
    assert [c.value for c in option.shell_complete(sub, "t")] == ["table", "tsv"]
    formats.unregister("tsv")
    assert [c.value for c in option.shell_complete(sub, "t")] == ["table"]


def test_once_unregistered_a_format_is_refused(cli) -> None:
    formats.unregister("tsv")
    run = cli("check", "examples", "--format", "tsv")
    assert run.code == 2
    assert "'tsv' is not one of 'table', 'json', 'jsonl', 'csv', 'junit', 'markdown', " \
        "'xlsx'." in run.err


def test_reading_every_format_s_declaration_loads_no_writer_s_library() -> None:
    """A help page reads every declaration; none loads rich, openpyxl or icalendar."""
    import json
    import subprocess
    import sys

    probe = ("import json, sys\n"
             "from endorse_cli.render import formats\n"
             "named = [(n, formats.get(n).name) for n in formats.names()]\n"
             "print(json.dumps([named, sorted(m.split('.')[0] for m in sys.modules)]))\n")
    named, modules = json.loads(subprocess.run([sys.executable, "-c", probe], check=True,
                                               capture_output=True, text=True).stdout)
    assert [n for n, declared in named if n != declared] == []
    assert len(named) == 9
    assert {"rich", "openpyxl", "icalendar", "jinja2", "babel"} & set(modules) == set()
