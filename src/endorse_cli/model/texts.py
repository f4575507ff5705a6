"""The association's words in other languages: the ``[i18n.<language>]`` tables of a rules file.

A rules file is written in one language. Each ``[i18n.es]`` table (any language code) may
give that language's words for what a person reads: the rules' name, degree names, areas,
the words for the format's values, next steps, each credential's name, audience and
requirement labels and next steps, and (format 2) the endorsements' names, the renewal
requirements' labels and next steps, the pack's title and what its sources' pages show
of their dates::

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
    [i18n.es.pack]
    title = "..."
    [i18n.es.pack.shows]
    CT-2025 = "desde el 1 de enero de 2025"
    [i18n.es.endorsements.IMHM-C]
    label = "Mentor en Salud Mental Infantil - Clínico"
    [i18n.es.renewal.requirement.rsc]
    label = "12 horas de RS/C en el año"
    [i18n.es.renewal.requirement.rsc.credentials.IMHM-C]
    label = "12 horas de RS/C en el año (10 después de tres años)"

A renewal requirement's id may be used by several requirements, each for the holders of
other endorsements (``credentials = [...]``): the words of its id are theirs, unless a
``credentials.<code>`` table gives other words to the one that names that code.

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


class RenewalRequirementText(RequirementText, kw_only=True, forbid_unknown_fields=True,
                             frozen=True):
    #: Other words for the requirement of this id that applies to holders of the code.
    credentials: dict[str, RequirementText] = {}


class RenewalText(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    #: By requirement id.
    requirement: dict[str, RenewalRequirementText] = {}


class EndorsementText(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    label: Words | None = None


class PackText(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    title: Words | None = None
    #: What each source's page shows of its dates, by the source's key.
    shows: dict[str, Words] = {}


class LanguageText(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    name: Words | None = None
    pack: PackText = PackText()
    degrees: dict[Degree, Words] = {}
    areas: dict[Area, AreaText] = {}
    choices: dict[str, dict[str, Words]] = {}
    next_steps: dict[str, Words] = {}
    credential: dict[str, CredentialText] = {}
    endorsements: dict[str, EndorsementText] = {}
    renewal: RenewalText = RenewalText()


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


def renewal_text(req, text: RenewalText) -> RequirementText:  # noqa: ANN001
    """The words a language gives one renewal requirement: those of a code it applies to,
    else those of its id."""
    own = text.requirement.get(req.id)
    if own is None:
        return RequirementText()
    specific = next((own.credentials[c] for c in req.credentials or () if c in own.credentials),
                    RequirementText())
    return RequirementText(label=specific.label or own.label,
                           next_step=specific.next_step or own.next_step)


def _renewal_requirement(req, text: RenewalText):  # noqa: ANN001, ANN202
    own = renewal_text(req, text)
    changes = {k: v for k, v in (("label", own.label), ("next_step", own.next_step)) if v}
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
    endorsements = {held: replace(info, label=t.label)
                    for held, info in rules.endorsements.items()
                    if (t := text.endorsements.get(held)) is not None and t.label}
    renewal = rules.renewal
    if renewal is not None and text.renewal.requirement:
        renewal = replace(renewal, requirement=[_renewal_requirement(r, text.renewal)
                                                for r in renewal.requirement])
    pack = rules.pack
    if pack is not None and text.pack.title:
        pack = replace(pack, title=text.pack.title)
    if pack is not None and text.pack.shows:
        pack = replace(pack, source=[replace(s, shows=text.pack.shows.get(s.key, s.shows))
                                     for s in pack.source])
    return replace(
        rules,
        name=text.name or rules.name,
        pack=pack,
        endorsements={**rules.endorsements, **endorsements},
        renewal=renewal,
        degrees={**rules.degrees, **text.degrees},
        areas={**rules.areas, **areas},
        choices={key: {**values, **text.choices.get(key, {})}
                 for key, values in rules.choices.items()},
        next_steps={**rules.next_steps, **text.next_steps},
        credential=credentials,
    )
