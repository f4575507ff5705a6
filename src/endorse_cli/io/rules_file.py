"""Find, read and check a credential rules file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from ..errors import RulesError, UsageError
from ..model.rules import NEXT_STEP_FIELDS, RULES_FORMAT_VERSION, Rules, kinds, rules_type
from .tomlfile import Loaded, convert, load, parse_toml, read_text

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


def load_rules(path: Path | None = None) -> Loaded[Rules]:
    """Read the rules in ``path`` (the shipped default when None) and check them whole."""
    if path is None:
        snapshot = _PACKAGE / "data" / "credentials.json"
        if snapshot.exists():  # made from credentials.toml when the wheel was built
            loaded = Loaded(msgspec.json.decode(snapshot.read_bytes(), type=rules_type()),
                            DEFAULT_NAME, "", {})
        else:
            loaded = load(default_rules_path(), rules_type(), RulesError, name=DEFAULT_NAME)
    else:
        loaded = _read(path)
    _check(loaded)
    return loaded


def _read(path: Path) -> Loaded[Rules]:
    """A rules file named with --rules, told apart from a portfolio given by mistake."""
    name = str(path)
    if not path.exists():
        raise UsageError(f"no rules file {name!r}",
                         fix="name a rules file, such as a copy of data/credentials.toml")
    text = read_text(path, RulesError, name)
    raw = parse_toml(text, RulesError, name)
    if not raw:
        raise RulesError("the file is empty", file=name,
                         fix="start from a copy of the shipped data/credentials.toml")
    if "applicant" in raw and "credential" not in raw:
        raise RulesError("this is a portfolio, not a rules file", file=name,
                         fix="give the portfolio as FILE, and --rules a credentials file")
    return convert(raw, rules_type(), RulesError, name=name, text=text)


def _check(loaded: Loaded[Rules]) -> None:
    rules = loaded.value

    def fail(path: KeyPath, message: str, fix: str | None = None) -> RulesError:
        return loaded.problem(RulesError, path, message, fix)  # type: ignore[return-value]

    if rules.format != RULES_FORMAT_VERSION:
        raise fail(("format",), f"rules format {rules.format} is not one this endorse reads",
                   f"write `format = {RULES_FORMAT_VERSION}`")
    kinds_used: dict[str, KeyPath] = {}
    seen_ids: dict[str, int] = {}
    seen_levels: dict[int, str] = {}
    seen_focus: dict[str, str] = {}
    for c, credential in enumerate(rules.credential):
        here = ("credential", c)
        if credential.id in seen_ids:
            raise fail(here + ("id",), f"the credential id {credential.id!r} is used twice",
                       "give every credential its own id")
        seen_ids[credential.id] = c
        if credential.level in seen_levels:
            raise fail(here + ("level",), f"level {credential.level} is also "
                       f"{seen_levels[credential.level]}'s", "give every credential its own level")
        seen_levels[credential.level] = credential.id
        if credential.focus in seen_focus:
            raise fail(here + ("focus",), f"the focus {credential.focus!r} is also "
                       f"{seen_focus[credential.focus]}'s",
                       "give every credential its own focus, so the recommendation can pick one")
        seen_focus[credential.focus] = credential.id
        requirement_ids: set[str] = set()
        for r, req in enumerate(credential.requirement):
            nested = [(("requirement", r), req)]
            for o, opt in enumerate(getattr(req, "option", ())):
                nested.append((("requirement", r, "option", o), opt))
            for sub, item in nested:
                if item.id in requirement_ids:
                    raise fail(here + sub + ("id",), f"the requirement id {item.id!r} is used "
                               f"twice in {credential.id}", "give every requirement its own id")
                requirement_ids.add(item.id)
                kinds_used.setdefault(item.__struct_config__.tag, here + sub + ("kind",))
                if item.next_step is not None:
                    _check_wording(fail, here + sub + ("next_step",), item.next_step)

    all_kinds = list(kinds())
    for key, wording in rules.next_steps.items():
        kind = key.split(".", 1)[0]
        if kind not in all_kinds:
            from .hints import did_you_mean

            guess = did_you_mean(kind, all_kinds)
            raise fail(("next_steps", key), f"{kind!r} is not a requirement kind" +
                       (f"; did you mean {guess!r}?" if guess else ""),
                       "name a kind: " + ", ".join(all_kinds))
        _check_wording(fail, ("next_steps", key), wording)
    for kind, where in kinds_used.items():
        if kind not in rules.next_steps:
            raise fail(where, f"no next-step wording for the kind {kind!r}",
                       f'add `{kind} = "..."` under [next_steps]')
    _check_languages(rules, fail)


def _check_languages(rules: Rules, fail) -> None:  # noqa: ANN001
    """Each ``[i18n.<language>]`` table words only what the file itself has."""
    from .hints import did_you_mean

    def unknown(path: KeyPath, what: str, name: str, known: list[str]) -> RulesError:
        guess = did_you_mean(name, known)
        return fail(path, f"{what} {name!r} is not in this rules file" +
                    (f"; did you mean {guess!r}?" if guess else ""),
                    "use one of: " + ", ".join(known))

    for code, text in rules.i18n.items():
        here = ("i18n", code)
        for key, values in text.choices.items():
            if key not in rules.choices:
                raise unknown(here + ("choices", key), "the choice list", key, list(rules.choices))
            for value in values:
                if value not in rules.choices[key]:
                    raise unknown(here + ("choices", key, value), f"the {key} value", value,
                                  list(rules.choices[key]))
        for key, wording in text.next_steps.items():
            if key not in rules.next_steps:
                raise unknown(here + ("next_steps", key), "the next step", key,
                              list(rules.next_steps))
            _check_wording(fail, here + ("next_steps", key), wording)
        ids = [c.id for c in rules.credential]
        for credential_id, ctext in text.credential.items():
            spec = rules.get(credential_id)
            if spec is None:
                raise unknown(here + ("credential", credential_id), "the credential",
                              credential_id, ids)
            reqs = [r.id for r in spec.requirement]
            reqs += [o.id for r in spec.requirement for o in getattr(r, "option", ()) or ()]
            for req_id, rtext in ctext.requirement.items():
                where = here + ("credential", credential_id, "requirement", req_id)
                if req_id not in reqs:
                    raise unknown(where, f"the requirement of {credential_id}", req_id, reqs)
                if rtext.next_step is not None:
                    _check_wording(fail, where + ("next_step",), rtext.next_step)


def _check_wording(fail, path: KeyPath, wording: str) -> None:  # noqa: ANN001
    bare = re.sub(r"\{\{|\}\}", "", wording)
    names = re.findall(r"\{([^{}]*)\}", bare)
    if re.sub(r"\{[^{}]*\}", "", bare).count("{") or re.sub(r"\{[^{}]*\}", "", bare).count("}"):
        raise fail(path, "the wording has an unmatched brace",
                   "write placeholders as {name}; double a brace to show it: {{")
    for field in names:
        if field not in NEXT_STEP_FIELDS:
            from .hints import did_you_mean

            guess = did_you_mean(field, list(NEXT_STEP_FIELDS))
            raise fail(path, f"unknown placeholder {{{field}}}" +
                       (f"; did you mean {{{guess}}}?" if guess else ""),
                       "use one of: " + ", ".join(f"{{{n}}}" for n in NEXT_STEP_FIELDS))
