"""The "did you mean" of every message about a misspelt key, value or id."""

from __future__ import annotations


def did_you_mean(word: str, choices: list[str]) -> str | None:
    """The choice closest to ``word`` (ignoring case), or None when none is close."""
    import difflib  # only on the way to an error message

    lowered = {c.lower(): c for c in choices}
    if word.lower() in lowered:
        return lowered[word.lower()]
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[close[0]] if close else None


def credential_id(given: str, ids: list[str]) -> str:
    """The id among ``ids`` that ``given`` names, in any case: the one credential resolver.

    Raises :class:`~endorse_cli.errors.UnknownCredential`, with the closest id as its guess.
    """
    for known in ids:
        if known.casefold() == given.casefold():
            return known
    from ..errors import UnknownCredential

    raise UnknownCredential(given, list(ids), did_you_mean(given, list(ids)))
