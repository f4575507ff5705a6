"""`endorse rules` in words: the default rules and each rules pack shipped, with their sources
and dates, for a person (text or Markdown); JSON writes the listing's entries as they are."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from ..i18n import N_, Language

#: What an application may ask besides the requirements (a rules file's ``[application]``).
ASKS = {"code_of_ethics": N_("a signed Code of Ethics"),
        "endorsement_agreement": N_("a signed Endorsement Agreement"),
        "membership": N_("a current membership")}


class Listing(NamedTuple):
    """What `endorse rules` shows: an entry per rules file (its JSON), and the words people
    read in their language: each pack's title and what its sources show, the default rules'
    title and where they come from."""

    entries: list[dict[str, Any]]
    titles: dict[str, str]
    shows_said: dict[str, list[str]]
    default_title: str
    default_source: str


def _day(iso: str | None, language: Language) -> str:
    return language.day(dt.date.fromisoformat(iso)) if iso else ""


def said(listing: Listing, language: Language, *, md: bool) -> str:
    """The listing as text (``md``: Markdown), in ``language``."""
    _ = language.gettext
    lines: list[str] = []
    for e in listing.entries:
        default_entry = e["name"] == "(default)"
        name = _("(default)") if default_entry else e["name"]
        title = listing.default_title if default_entry else listing.titles[e["name"]]
        head = f"{name}: {title}"
        lines.append(f"## {head}" if md else head)
        if md:
            lines.append("")
        details = [_("credentials: {ids}").format(ids=", ".join(e["credentials"])),
                   _("yearly renewal: {answer}").format(
                       answer=_("yes") if e["renewal"] else _("no")),
                   _("asked at application besides the requirements: {what}").format(
                       what=", ".join(_(ASKS[a]) for a in e["application"]) or _("nothing"))]
        if default_entry:
            details.insert(0, _("{rules}; used when --rules is not given").format(
                rules=listing.default_source))
        else:
            details.insert(0, _("use with --rules {name}; applies from {effective}, sources "
                                "checked {checked}").format(
                name=e["name"], effective=_day(e["effective"], language),
                checked=_day(e["checked"], language)))
        lines += [("- " if md else "  ") + d for d in details]
        if e["sources"]:
            lines.append(("- " if md else "  ") + _("sources:"))
            shows = listing.shows_said.get(e["name"])
            for i, s in enumerate(e["sources"]):
                shown = shows[i] if shows else s["shows"]
                shown = f" ({shown})" if shown else ""
                title = s["title"] if shows is None else _("“{title}”").format(title=s["title"])
                lines.append(("  - " if md else "    - ") + f"{title}{shown}: {s['url']}")
        lines.append("")
    return "\n".join(lines)
