"""The association's words in other languages: the ``[i18n.<language>]`` tables of a rules file.

A rules file is written in one language. Each ``[i18n.es]`` table (any language code) may
give that language's words for what a person reads: the rules' name, degree names, areas,
the words for the format's values, next steps, and each credential's name, audience and
requirement labels and next steps::

    [i18n.es]
    name = "..."
    [i18n.es.degrees]
    bachelors = "Licenciatura"
    [i18n.es.areas.thinking]
    label = "Pensamiento"
    [i18n.es.choices.status]
    passed = "Aprobado"
    [i18n.es.next_steps]
    training = "Asista a {more} ..."
    [i18n.es.credential.IFS]
    name = "Especialista en Infancia y Familia"
    [i18n.es.credential.IFS.requirement.degree]
    label = "Licenciatura o maestría"

Whatever a language leaves out is shown in the file's own words, never blank.
"""

from __future__ import annotations

from typing import Annotated

from msgspec import Meta, Struct
from msgspec.structs import replace

from .portfolio import Area, Degree

#: A language code: ``es``, ``pt_BR``.
LanguageCode = Annotated[str, Meta(pattern=r"^[a-z]{2,3}(_[A-Z]{2})?$")]
Words = Annotated[str, Meta(min_length=1)]


class AreaText(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    label: Words | None = None
    explain: Words | None = None


class RequirementText(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    label: Words | None = None
    next_step: Words | None = None


class CredentialText(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    name: Words | None = None
    audience: Words | None = None
    #: By requirement id; the options of an ``any`` requirement too (ids are unique
    #: within a credential).
    requirement: dict[str, RequirementText] = {}


class LanguageText(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    name: Words | None = None
    degrees: dict[Degree, Words] = {}
    areas: dict[Area, AreaText] = {}
    choices: dict[str, dict[str, Words]] = {}
    next_steps: dict[str, Words] = {}
    credential: dict[str, CredentialText] = {}


def _requirement(req, text: CredentialText):  # noqa: ANN001, ANN202
    own = text.requirement.get(req.id, RequirementText())
    changes = {}
    if own.label:
        changes["label"] = own.label
    if own.next_step:
        changes["next_step"] = own.next_step
    if getattr(req, "option", None):
        changes["option"] = [_requirement(o, text) for o in req.option]
    return replace(req, **changes) if changes else req


_MADE: dict[tuple[int, str], tuple[object, object]] = {}


def localized(rules, code: str):  # noqa: ANN001, ANN201
    """``rules`` with every word the ``code`` table gives in place of the file's own;
    ``rules`` itself when it has no such table. Made once per rules and language."""
    key = (id(rules), code)
    made = _MADE.get(key)
    if made is None or made[0] is not rules:
        made = _MADE[key] = (rules, _localized(rules, code))
    return made[1]


def _localized(rules, code: str):  # noqa: ANN001, ANN202
    text: LanguageText | None = rules.i18n.get(code) or rules.i18n.get(code.split("_")[0])
    if text is None:
        return rules
    areas = {slug: replace(info, **{k: v for k, v in (("label", t.label), ("explain", t.explain))
                                    if v})
             for slug, info in rules.areas.items()
             if (t := text.areas.get(slug)) is not None}
    credentials = []
    for credential in rules.credential:
        ctext = text.credential.get(credential.id, CredentialText())
        changes = {k: v for k, v in (("name", ctext.name), ("audience", ctext.audience)) if v}
        changes["requirement"] = [_requirement(r, ctext) for r in credential.requirement]
        credentials.append(replace(credential, **changes))
    return replace(
        rules,
        name=text.name or rules.name,
        degrees={**rules.degrees, **text.degrees},
        areas={**rules.areas, **areas},
        choices={key: {**values, **text.choices.get(key, {})}
                 for key, values in rules.choices.items()},
        next_steps={**rules.next_steps, **text.next_steps},
        credential=credentials,
    )
