"""The judging commands start without the modules only other commands need."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import AS_OF, EXAMPLES, ROOT

import typer

#: typer 0.29 converts every option with pydantic (README, "Dependencies": why endorse holds
#: typer below it); on it, pydantic is typer's own cost, not endorse's.
_TYPER = tuple(int(p) for p in typer.__version__.split(".")[:2])
HEAVY = ("questionary", "jinja2", "tomlkit", "prompt_toolkit", "babel", "python_calamine",
         "openpyxl", *(() if _TYPER >= (0, 29) else ("pydantic",)))

PROBE = """
import json, sys
from endorse_cli.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


@pytest.mark.parametrize("fmt", ["json", "text", "markdown"])
@pytest.mark.parametrize("command", ["assess", "gaps"])
def test_judging_imports_no_heavy_module(command: str, fmt: str) -> None:
    run = subprocess.run(
        [sys.executable, "-c", PROBE, command, str(EXAMPLES / "clinician.toml"),
         "--as-of", AS_OF, "--format", fmt],
        capture_output=True, text=True, check=False,
    )
    modules = json.loads(run.stderr.strip().splitlines()[-1])
    assert "endorse_cli.engine" in modules  # the probe did judge
    loaded = sorted({m.split(".")[0] for m in modules} & set(HEAVY))
    assert loaded == []


def test_json_output_does_not_load_rich() -> None:
    run = subprocess.run(
        [sys.executable, "-c", PROBE, "assess", str(EXAMPLES / "clinician.toml"),
         "--as-of", AS_OF, "--format", "json"],
        capture_output=True, text=True, check=False,
    )
    modules = json.loads(run.stderr.strip().splitlines()[-1])
    assert not [m for m in modules if m == "rich" or m.startswith("rich.")]


# -- The shipped rules come from the snapshot the wheel carries --------------------------------

def _build_hook():
    """hatch_build.py, loaded with a stand-in for hatchling (which only the build has)."""
    import importlib.util
    import types

    hatchling = {name: types.ModuleType(name) for name in (
        "hatchling", "hatchling.builders", "hatchling.builders.hooks",
        "hatchling.builders.hooks.plugin", "hatchling.builders.hooks.plugin.interface")}
    hatchling["hatchling.builders.hooks.plugin.interface"].BuildHookInterface = object
    saved = {name: sys.modules.get(name) for name in hatchling}
    sys.modules.update(hatchling)
    try:
        spec = importlib.util.spec_from_file_location("hatch_build", ROOT / "hatch_build.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        for name, was in saved.items():
            if was is None:
                del sys.modules[name]
            else:
                sys.modules[name] = was


@pytest.fixture
def snapshots(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[int]]:
    """The modules the wheel build makes, installed as if from the wheel; what each ``make``
    was called for is counted."""
    import types

    import endorse_cli

    if Path(endorse_cli.__file__).resolve().parent != ROOT / "src" / "endorse_cli":
        pytest.skip("endorse is installed from a wheel here: the build hook reads the source tree")
    made: dict[str, list[int]] = {}
    for file, source in _build_hook().rules_snapshots(ROOT).items():
        name = f"endorse_cli.io.{file.removesuffix('.py')}"
        module = types.ModuleType(name)
        exec(compile(source, file, "exec"), module.__dict__)  # noqa: S102 - our own build's
        calls = made.setdefault(name, [])
        module.make = (lambda make, calls: lambda C: calls.append(1) or make(C))(
            module.make, calls)
        monkeypatch.setitem(sys.modules, name, module)
    return made


def _whole(path, name=None):  # noqa: ANN001, ANN202
    """The rules in ``path`` read and validated whole, as any other file is."""
    from endorse_cli.io.rules_file import _checked, _read

    return _checked(_read(path, name)).value


def test_every_shipped_rules_file_has_a_snapshot_equal_to_reading_it(snapshots) -> None:
    from endorse_cli.io.rules_file import load_rules, pack_names

    assert sorted(snapshots) == sorted(
        ["endorse_cli.io._rules_credentials"] +
        [f"endorse_cli.io._rules_packs_{n.replace('-', '_')}" for n in pack_names()])
    default = load_rules()
    assert snapshots["endorse_cli.io._rules_credentials"] == [1]
    whole = _whole(ROOT / "data" / "credentials.toml")
    assert default.value == whole and type(default.value) is type(whole)
    assert default.text == (ROOT / "data" / "credentials.toml").read_text(encoding="utf-8")
    for name in pack_names():
        loaded = load_rules(Path(name))
        assert snapshots[f"endorse_cli.io._rules_packs_{name.replace('-', '_')}"] == [1]
        assert loaded.value == _whole(ROOT / "data" / "packs" / f"{name}.toml")
        assert loaded.name == f"the rules pack {name} (data/packs/{name}.toml)"


def _copy_of_data(tmp_path, monkeypatch) -> Path:  # noqa: ANN001
    """The shipped data folder copied, and taken for the installed one."""
    import shutil

    from endorse_cli.io import rules_file

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    monkeypatch.setattr(rules_file, "default_rules_path", lambda: data / "credentials.toml")
    monkeypatch.setattr(rules_file, "packs_dir", lambda: data / "packs")
    return data


def test_a_changed_shipped_file_is_validated_whole_with_its_line(
        snapshots, tmp_path, monkeypatch) -> None:
    from endorse_cli.errors import RulesError
    from endorse_cli.io.rules_file import load_rules

    data = _copy_of_data(tmp_path, monkeypatch)
    default = data / "credentials.toml"
    text = default.read_text(encoding="utf-8")
    assert load_rules().value.name == "Infant Mental Health Endorsement® (default rules)"
    default.write_text(text.replace('level = 2', 'level = "two"', 1), encoding="utf-8")
    with pytest.raises(RulesError) as error:
        load_rules()
    assert error.value.line == text[:text.index('level = 2')].count("\n") + 1
    default.write_text(text.replace("(default rules)", "(edited)", 1), encoding="utf-8")
    assert load_rules().value.name == "Infant Mental Health Endorsement® (edited)"
    assert snapshots["endorse_cli.io._rules_credentials"] == [1]  # only the unchanged file

    pack = data / "packs" / "imh-e-2025.toml"
    pack.write_text(pack.read_text(encoding="utf-8") + "\nsurprise = 1\n", encoding="utf-8")
    with pytest.raises(RulesError) as error:
        load_rules(Path("imh-e-2025"))
    assert "surprise" in str(error.value) and error.value.line is not None
    assert snapshots["endorse_cli.io._rules_packs_imh_e_2025"] == []


def test_a_file_given_by_its_path_or_a_snapshot_of_another_version_is_read_whole(
        snapshots, monkeypatch) -> None:
    from endorse_cli.io.rules_file import load_rules

    load_rules(ROOT / "data" / "credentials.toml")  # named by the user: read as any file is
    monkeypatch.setattr(sys.modules["endorse_cli.io._rules_credentials"], "VERSION", "0.0.1")
    load_rules()
    assert snapshots["endorse_cli.io._rules_credentials"] == []


def test_the_installed_snapshots_are_the_shipped_files() -> None:
    """Run against an installed wheel: what it carries is what its data folder holds."""
    import importlib

    from endorse_cli.io import rules_file

    try:
        importlib.import_module("endorse_cli.io._rules_credentials")
    except ImportError:
        pytest.skip("running from a source checkout: snapshots are made when the wheel is built")
    for path in [rules_file.default_rules_path(), *sorted(rules_file.packs_dir().glob("*.toml"))]:
        relative = path.relative_to(rules_file.default_rules_path().parent).as_posix()
        snapshot = importlib.import_module(
            f"endorse_cli.io.{rules_file.snapshot_module(relative)}")
        assert snapshot.SOURCE == path.read_bytes()
        assert rules_file._from_snapshot(path, "x").value == _whole(path)


# -- The kinds load as the rules use them ------------------------------------------------------

def test_judging_the_default_rules_loads_only_the_kinds_they_use() -> None:
    run = subprocess.run(
        [sys.executable, "-c", PROBE, "assess", str(EXAMPLES / "home-visitor.toml"),
         "--as-of", AS_OF, "--format", "json"],
        capture_output=True, text=True, check=False,
    )
    modules = json.loads(run.stderr.strip().splitlines()[-1])
    prefix = "endorse_cli.engine.kinds."
    loaded = {m.removeprefix(prefix) for m in modules if m.startswith(prefix)}
    assert {"any_of", "education", "experience", "supervision", "exam"} <= loaded
    assert not loaded & {"families", "license", "membership"}


def test_every_kind_of_the_model_is_judged_by_a_module_found_by_its_tag() -> None:
    import msgspec

    from endorse_cli.engine.kinds import kind_of
    from endorse_cli.model.rules import REQUIREMENT_KINDS, kinds

    for tag in REQUIREMENT_KINDS:
        params = kinds()[tag]
        fields = {f.name: "x" for f in msgspec.structs.fields(params) if f.required}
        assert kind_of(params(**fields)).params is params


def test_a_kind_module_added_to_the_folder_is_found_without_a_list(tmp_path, monkeypatch) -> None:
    from endorse_cli.engine import kinds as package
    from endorse_cli.engine.kinds import KINDS, kind_of
    from endorse_cli.model.rules import Requirement

    (tmp_path / "home_visits.py").write_text(
        "from endorse_cli.model.rules import Requirement\n"
        "from . import Kind, register\n\n"
        "class VisitsReq(Requirement, tag='home-visits'):\n    count: int\n\n"
        "register(Kind(params=VisitsReq, judge=lambda req, j: None))\n", encoding="utf-8")
    monkeypatch.setattr(package, "__path__", [*package.__path__, str(tmp_path)])
    try:
        class Visits(Requirement, tag="home-visits"):
            count: int

        kind = kind_of(Visits(id="v", label="Visits", count=3))
        assert kind.tag == "home-visits"
        assert kind.params.__module__ == "endorse_cli.engine.kinds.home_visits"
    finally:
        KINDS.pop("home-visits", None)
        sys.modules.pop("endorse_cli.engine.kinds.home_visits", None)
        gc.collect()  # the module's made-up kind leaves Requirement's subclasses


# -- The command line is built with the command asked for ---------------------------------------

def _main(monkeypatch, capsys, *args: str) -> tuple[int, str, int]:  # noqa: ANN001
    """``endorse ARGS`` in this process: the exit code, stdout, and how many of endorse's
    commands typer built."""
    import typer.main

    from endorse_cli.cli import app, main

    built = []
    real = typer.main.get_command_from_info
    ours = {id(info) for info in app.registered_commands}

    def counted(*a, **k):  # noqa: ANN002, ANN003, ANN202
        if id(a[0] if a else k.get("command_info")) in ours:
            built.append(1)
        return real(*a, **k)

    monkeypatch.setattr(typer.main, "get_command_from_info", counted)
    capsys.readouterr()
    try:
        main(list(args))
        code = 0
    except SystemExit as done:
        code = done.code or 0
    return code, capsys.readouterr().out, len(built)


def test_a_command_is_run_with_only_itself_built(monkeypatch, capsys) -> None:
    from endorse_cli.cli import app

    code, out, built = _main(monkeypatch, capsys, "gaps", str(EXAMPLES / "home-visitor.toml"),
                             "--as-of", AS_OF, "--format", "json")
    assert (code, built) == (0, 1)
    assert json.loads(out)["applicant"] == "Jordan Rivera"

    code, alone, built = _main(monkeypatch, capsys, "assess", "--help")
    assert (code, built) == (0, 1)
    try:
        app(args=["assess", "--help"], prog_name="endorse")  # every command built
    except SystemExit:
        pass
    assert alone == capsys.readouterr().out
    assert "Usage: endorse assess [OPTIONS]" in alone

    code, out, built = _main(monkeypatch, capsys, "--help")
    assert (code, built) == (0, len(app.registered_commands))
    assert "gaps" in out and "renew" in out


def test_a_mistyped_command_is_still_told_apart_from_every_command() -> None:
    run = subprocess.run(
        [sys.executable, "-c", PROBE, "asses", str(EXAMPLES / "home-visitor.toml")],
        capture_output=True, text=True, check=False,
    )
    assert "No such command 'asses'. Did you mean 'assess'?" in run.stderr
