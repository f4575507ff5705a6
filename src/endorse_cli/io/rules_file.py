"""Find, read and check a credential rules file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import RulesError, UsageError, choices
from ..model.message import Message, N_
from ..model.rules import (NEXT_STEP_FIELDS, RULES_FORMATS, Application, Rules, from_snapshot,
                           kinds, rules_type)
from .tomlfile import Loaded, convert, decode, load, parse_toml, read_bytes, read_text

if TYPE_CHECKING:
    from .locate import Path as KeyPath

_PACKAGE = Path(__file__).resolve().parent.parent


def shipped(relative: str) -> Path:
    """A file shipped with endorse: inside the installed package, or at the top of a checkout."""
    installed = _PACKAGE / relative
    return installed if installed.exists() else _PACKAGE.parent.parent / relative


def default_rules_path() -> Path:
    return shipped("data/credentials.toml")


DEFAULT_NAME = "the default rules (data/credentials.toml)"


def packs_dir() -> Path:
    return shipped("data/packs")


def pack_names() -> list[str]:
    """The names of the rules packs shipped with endorse, sorted."""
    folder = packs_dir()
    return sorted(p.stem for p in folder.glob("*.toml")) if folder.is_dir() else []


def resolve_rules(path: Path | None) -> Path | None:
    """``--rules``: a file, or the name of a shipped pack (``imh-e-2025``); None: the default."""
    if path is None or path.exists():
        return path
    text = str(path)
    if "/" not in text and "\\" not in text and not text.endswith(".toml"):
        pack = packs_dir() / f"{text}.toml"
        if pack.exists():
            return pack
    return path


def load_rules(path: Path | None = None) -> Loaded[Rules]:
    """Read the rules in ``path`` (the shipped default when None) and check them whole. A
    shipped file (the default, a pack named by its name) that is byte for byte the one the
    wheel was built with comes from its snapshot, read and checked whole when it was made."""
    if path is None:
        return (_from_snapshot(default_rules_path(), DEFAULT_NAME) or _checked(
            load(default_rules_path(), rules_type(), RulesError, name=DEFAULT_NAME)))
    found = resolve_rules(path) or path
    if found == path:
        return _checked(_read(path))
    shown = f"the rules pack {path} (data/packs/{found.name})"
    return _from_snapshot(found, shown) or _checked(_read(found, shown))


def _checked(loaded: Loaded[Rules]) -> Loaded[Rules]:
    _check(loaded)
    return loaded


def snapshot_module(relative: str) -> str:
    """The module the wheel holds a shipped rules file in, by the file's path inside data/:
    ``packs/imh-e-2025.toml`` is in ``endorse_cli.io._rules_packs_imh_e_2025``."""
    return "_rules_" + "".join(c if c.isascii() and c.isalnum() else "_"
                               for c in relative.removesuffix(".toml"))


def _from_snapshot(path: Path, name: str) -> Loaded[Rules] | None:
    """A shipped rules file (the default, a pack) from the snapshot the wheel carries (made by
    hatch_build.py), when the file is byte for byte the one validated when the wheel was
    built; else None, and the file is read and validated whole."""
    data_dir = default_rules_path().parent
    if not path.is_relative_to(data_dir):
        return None
    from importlib import import_module

    try:
        snapshot = import_module(f".{snapshot_module(path.relative_to(data_dir).as_posix())}",
                                 __package__)
    except ImportError:  # a source checkout, or a file the wheel did not ship
        return None
    from .. import __version__

    if snapshot.VERSION != __version__:
        return None
    data = read_bytes(path, RulesError, name)
    if data != snapshot.SOURCE:
        return None
    return Loaded(from_snapshot(snapshot.make, snapshot.REFS), name,
                  decode(data, RulesError, name), {})


def _read(path: Path, shown: str | None = None) -> Loaded[Rules]:
    """A rules file named with --rules, told apart from a portfolio given by mistake."""
    name = shown or str(path)
    if not path.exists():
        names = pack_names()
        fix = (Message(N_("name a rules file, such as a copy of data/credentials.toml, or a "
                          "rules pack: {packs}; `endorse rules` lists them"),
                       packs=", ".join(names)) if names else
               Message(N_("name a rules file, such as a copy of data/credentials.toml; "
                          "`endorse rules` lists them")))
        raise UsageError(N_("no rules file {name}"), fix=fix, name=repr(name))
    text = read_text(path, RulesError, name)
    raw = parse_toml(text, RulesError, name, rules_type())
    if not raw:
        raise RulesError(N_("the file is empty"), file=name,
                         fix=N_("start from a copy of the shipped data/credentials.toml"))
    if "applicant" in raw and "credential" not in raw:
        raise RulesError(N_("this is a portfolio, not a rules file"), file=name,
                         fix=N_("give the portfolio as FILE, and --rules a credentials file"))
    return convert(raw, rules_type(), RulesError, name=name, text=text)


def _check(loaded: Loaded[Rules]) -> None:
    rules = loaded.value

    def fail(path: KeyPath, message: str | Message, fix: str | Message | None = None,
             **values: Any) -> RulesError:
        return loaded.problem(RulesError, path, message, fix,  # type: ignore[return-value]
                              **values)

    if rules.format not in RULES_FORMATS:
        raise fail(("format",), N_("rules format {format} is not one this endorse reads"),
                   N_("write `format = {newest}`, or `format = {oldest}` for a file in the "
                      "first format"), format=rules.format, newest=max(RULES_FORMATS),
                   oldest=min(RULES_FORMATS))
    if rules.format == 1:
        for key in ("pack", "renewal"):
            if getattr(rules, key) is not None:
                raise fail((key,), N_("[{key}] needs format = 2"), N_("write `format = 2`"),
                           key=key)
        if rules.application != Application():
            raise fail(("application",), N_("[{key}] needs format = 2"),
                       N_("write `format = 2`"), key="application")
        if rules.endorsements:
            raise fail(("endorsements",), N_("[{key}] needs format = 2"),
                       N_("write `format = 2`"), key="endorsements")
    kinds_used: dict[str, KeyPath] = {}
    seen_ids: dict[str, int] = {}
    seen_levels: dict[int, str] = {}
    seen_focus: dict[str, str] = {}
    for c, credential in enumerate(rules.credential):
        here = ("credential", c)
        if credential.id in seen_ids:
            raise fail(here + ("id",), N_("the credential id {id} is used twice"),
                       N_("give every credential its own id"), id=repr(credential.id))
        seen_ids[credential.id] = c
        if credential.level in seen_levels:
            raise fail(here + ("level",), N_("level {level} is also {other}'s"),
                       N_("give every credential its own level"), level=credential.level,
                       other=seen_levels[credential.level])
        seen_levels[credential.level] = credential.id
        if credential.focus in seen_focus:
            raise fail(here + ("focus",), N_("the focus {focus} is also {other}'s"),
                       N_("give every credential its own focus, so the recommendation can pick "
                          "one"), focus=repr(credential.focus),
                       other=seen_focus[credential.focus])
        seen_focus[credential.focus] = credential.id
        requirement_ids: set[str] = set()
        for r, req in enumerate(credential.requirement):
            nested = [(("requirement", r), req)]
            for o, opt in enumerate(getattr(req, "option", ())):
                nested.append((("requirement", r, "option", o), opt))
            for sub, item in nested:
                if item.id in requirement_ids:
                    raise fail(here + sub + ("id",),
                               N_("the requirement id {id} is used twice in {credential}"),
                               N_("give every requirement its own id"), id=repr(item.id),
                               credential=credential.id)
                requirement_ids.add(item.id)
                kinds_used.setdefault(item.__struct_config__.tag, here + sub + ("kind",))
                _check_requirement(fail, here + sub, item, renewal=False)
                if rules.format == 1:
                    _check_format_1(fail, here + sub, item)
                if item.next_step is not None:
                    _check_wording(fail, here + sub + ("next_step",), item.next_step)

    if rules.renewal is not None:
        for r, item in enumerate(rules.renewal.requirement):
            where = ("renewal", "requirement", r)
            _check_requirement(fail, where, item, renewal=True)
            kinds_used.setdefault(item.__struct_config__.tag, where + ("kind",))
    all_kinds = list(kinds())
    for key, wording in rules.next_steps.items():
        kind = key.split(".", 1)[0]
        if kind == "renewal" and "." in key:  # renewal.training: the renewal year's words
            kind = key.split(".")[1]
        if kind not in all_kinds:
            from .hints import did_you_mean

            guess = did_you_mean(kind, all_kinds)
            raise fail(("next_steps", key),
                       N_("{kind} is not a requirement kind; did you mean {guess}?") if guess
                       else N_("{kind} is not a requirement kind"),
                       N_("name a kind: {kinds}"), kind=repr(kind), guess=repr(guess),
                       kinds=", ".join(all_kinds))
        _check_wording(fail, ("next_steps", key), wording)
    for kind, where in kinds_used.items():
        if kind not in rules.next_steps:
            raise fail(where, N_("no next-step wording for the kind {kind}"),
                       N_('add `{name} = "..."` under [next_steps]'), kind=repr(kind),
                       name=kind)
    _check_languages(rules, fail)


def _check_languages(rules: Rules, fail) -> None:  # noqa: ANN001
    """Each ``[i18n.<language>]`` table words only what the file itself has."""
    from .hints import did_you_mean

    def unknown(path: KeyPath, what: Message, name: str, known: list[str]) -> RulesError:
        guess = did_you_mean(name, known)
        said = (N_("{what} {name} is not in this rules file; did you mean {guess}?") if guess
                else N_("{what} {name} is not in this rules file"))
        return fail(path, said, choices(known), what=what, name=repr(name), guess=repr(guess))

    for code, text in rules.i18n.items():
        here = ("i18n", code)
        for key, values in text.choices.items():
            if key not in rules.choices:
                raise unknown(here + ("choices", key), Message(N_("the choice list")), key,
                              list(rules.choices))
            for value in values:
                if value not in rules.choices[key]:
                    raise unknown(here + ("choices", key, value),
                                  Message(N_("the {key} value"), key=key), value,
                                  list(rules.choices[key]))
        for key, wording in text.next_steps.items():
            if key not in rules.next_steps:
                raise unknown(here + ("next_steps", key), Message(N_("the next step")), key,
                              list(rules.next_steps))
            _check_wording(fail, here + ("next_steps", key), wording)
        ids = [c.id for c in rules.credential]
        for credential_id, ctext in text.credential.items():
            spec = rules.get(credential_id)
            if spec is None:
                raise unknown(here + ("credential", credential_id),
                              Message(N_("the credential")), credential_id, ids)
            reqs = [r.id for r in spec.requirement]
            reqs += [o.id for r in spec.requirement for o in getattr(r, "option", ()) or ()]
            for req_id, rtext in ctext.requirement.items():
                where = here + ("credential", credential_id, "requirement", req_id)
                if req_id not in reqs:
                    raise unknown(where, Message(N_("the requirement of {credential}"),
                                                 credential=credential_id), req_id, reqs)
                if rtext.next_step is not None:
                    _check_wording(fail, where + ("next_step",), rtext.next_step)
        _check_pack_words(rules, text, here, fail, unknown)


def _check_pack_words(rules: Rules, text, here, fail, unknown) -> None:  # noqa: ANN001
    """The words of format 2's tables: the pack's title, endorsements, renewal requirements."""
    if text.pack.title and rules.pack is None:
        raise fail(here + ("pack",), "this rules file has no [pack] to give a title to",
                   "remove the table")
    for held in text.endorsements:
        if held not in rules.endorsements:
            raise unknown(here + ("endorsements", held), "the endorsement", held,
                          list(rules.endorsements))
    renewal = rules.renewal.requirement if rules.renewal is not None else []
    ids = list(dict.fromkeys(r.id for r in renewal))
    for req_id, rtext in text.renewal.requirement.items():
        where = here + ("renewal", "requirement", req_id)
        if not ids:
            raise fail(where, "this rules file has no [renewal] to give words to",
                       "remove the table")
        if req_id not in ids:
            raise unknown(where, "the renewal requirement", req_id, ids)
        codes = list(dict.fromkeys(c for r in renewal if r.id == req_id
                                   for c in r.credentials or ()))
        for held, words in [(None, rtext), *rtext.credentials.items()]:
            at = where if held is None else where + ("credentials", held)
            if held is not None and held not in codes:
                raise unknown(at, f"the endorsement of the renewal requirement {req_id}", held,
                              codes)
            if words.next_step is not None:
                _check_wording(fail, at + ("next_step",), words.next_step)


#: What format 2 added to the kinds of format 1: a format-1 file that uses it is refused.
FORMAT_2_KINDS = ("families", "license", "membership")
FORMAT_2_PARAMETERS = (
    "after_license", "paid_only", "supervised_only", "roles", "ages", "internship_max_years",
    "internship_supervisor", "topics", "min_by_topic", "topics_separate",
    "provider_endorsements", "about_providing_hours", "while_ages", "min_by_role", "endorsed",
    "rater_endorsements")


def _check_format_1(fail, path: KeyPath, item) -> None:  # noqa: ANN001
    tag = item.__struct_config__.tag
    if tag in FORMAT_2_KINDS:
        raise fail(path + ("kind",), N_("the kind {kind} needs format = 2"),
                   N_("write `format = 2`"), kind=repr(tag))
    for name in FORMAT_2_PARAMETERS:
        if name not in item.__struct_fields__:
            continue
        value = getattr(item, name)
        if value not in (None, False, 0, [], {}) and not (name == "topics" and value == ["imh"]):
            raise fail(path + (name,), N_("{key} needs format = 2"), N_("write `format = 2`"),
                       key=name)


#: The kinds a renewal year is judged by.
RENEWAL_KINDS = ("training", "supervision", "membership")


def _check_requirement(fail, path: KeyPath, item, *, renewal: bool) -> None:  # noqa: ANN001
    """Parameters that belong to a credential's requirements, or to the renewal's only."""
    tag = item.__struct_config__.tag
    if renewal:
        if tag not in RENEWAL_KINDS:
            raise fail(path + ("kind",), N_("a renewal requirement cannot be of the kind {kind}"),
                       choices(list(RENEWAL_KINDS)), kind=repr(tag))
        return
    if tag == "membership":
        raise fail(path + ("kind",), N_("membership is judged for renewal years only"),
                   N_("move it under [[renewal.requirement]]"))
    if item.credentials is not None or item.only_if_provides_rsc:
        key = "credentials" if item.credentials is not None else "only_if_provides_rsc"
        raise fail(path + (key,), N_("{key} is for renewal requirements only"),
                   N_("remove it, or move the requirement under [[renewal.requirement]]"),
                   key=key)
    if tag == "supervision":
        if item.window_months is None:
            raise fail(path + ("window_months",),
                       N_("a supervision requirement needs window_months"),
                       N_("write `window_months = 24` (or the period the association gives)"))
        if item.reduced is not None:
            raise fail(path + ("reduced",), N_("{key} is for renewal requirements only"),
                       N_("remove it"), key="reduced")


def _check_wording(fail, path: KeyPath, wording: str) -> None:  # noqa: ANN001
    bare = re.sub(r"\{\{|\}\}", "", wording)
    names = re.findall(r"\{([^{}]*)\}", bare)
    if re.sub(r"\{[^{}]*\}", "", bare).count("{") or re.sub(r"\{[^{}]*\}", "", bare).count("}"):
        raise fail(path, N_("the wording has an unmatched brace"),
                   N_("write placeholders as {name}; double a brace to show it: {{"))
    for field in names:
        if field not in NEXT_STEP_FIELDS:
            from .hints import did_you_mean

            guess = did_you_mean(field, list(NEXT_STEP_FIELDS))
            raise fail(path, N_("unknown placeholder {{{field}}}; did you mean {{{guess}}}?")
                       if guess else N_("unknown placeholder {{{field}}}"),
                       choices([f"{{{n}}}" for n in NEXT_STEP_FIELDS]), field=field,
                       guess=guess)
