"""Read and validate a portfolio file (portfolio-format.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import PortfolioError
from ..model.message import Message, N_
from ..model.portfolio import FORMAT_VERSION, FORMATS, Portfolio
from .tomlfile import STDIN, STDIN_NAME, Loaded, convert, parse_toml, read_text

#: The most entries one portfolio may hold, all sections together. A career of weekly RS/C
#: sessions for forty years, with its training and jobs, stays well under it; a file past it
#: is not a portfolio a person keeps, and judging it would take minutes.
MAX_ENTRIES = 5_000


def read_portfolio(path: Path, *, name: str | None = None) -> Loaded[Portfolio]:
    """Read ``path`` (``-``: standard input); raise :class:`PortfolioError` with file, line,
    key and fix for bad input."""
    name = name or (STDIN_NAME if str(path) == STDIN else str(path))
    text = read_text(path, PortfolioError, name)
    return parse_portfolio(text, name=name)


def parse_portfolio(text: str, *, name: str, raw: dict[str, Any] | None = None,
                    ) -> Loaded[Portfolio]:
    """``text`` read and validated; ``raw``: what it was read as already, if it was."""
    if raw is None:
        raw = parse_toml(text, PortfolioError, name, Portfolio)
    if not raw:
        raise PortfolioError(N_("the file is empty"), file=name,
                             fix=Message(N_("start it with `endorse init {name}`"), name=name))
    if "credential" in raw and "applicant" not in raw:
        raise PortfolioError(N_("this is a rules file, not a portfolio"), file=name,
                             fix=N_("give it with --rules FILE, and name your portfolio as FILE"))
    _check_format(raw, name, text)
    _check_size(raw, name)
    loaded = convert(raw, Portfolio, PortfolioError, name=name, text=text)
    _check_values(loaded)
    return loaded


def parse_appended(before: Loaded[Portfolio], text: str, raw: dict[str, Any],
                   added: dict[str, int], *, name: str) -> Loaded[Portfolio]:
    """``text``, read as ``raw``, known to be ``before`` with ``added[section]`` entries put
    at the end of those sections: validated by converting only the new entries (the rest was
    when it was read). Anything refused is validated whole again, for the same message as
    every command gives."""
    import msgspec

    _check_size(raw, name)
    types = {field.name: field.type for field in msgspec.structs.fields(Portfolio)}
    changes = {}
    try:
        for section, count in added.items():
            entries = raw[section]
            new = msgspec.convert(entries[len(entries) - count:], types[section])
            changes[section] = [*getattr(before.value, section), *new]
    except (LookupError, TypeError, msgspec.ValidationError):
        return parse_portfolio(text, name=name, raw=raw)
    loaded = Loaded(msgspec.structs.replace(before.value, **changes), name, text, raw)
    _check_values(loaded)
    return loaded


def _check_size(raw: dict[str, Any], name: str) -> None:
    entries = sum(len(v) for v in raw.values() if isinstance(v, list))
    if entries > MAX_ENTRIES:
        raise PortfolioError(N_("the file holds {count} entries, more than the {most} a "
                                "portfolio can hold"), file=name,
                             fix=N_("check that this is the file you meant; split a cohort "
                                    "into one file per person"),
                             count=entries, most=MAX_ENTRIES)


def _check_format(raw: dict[str, Any], name: str, text: str) -> None:
    """A newer format is refused before its keys are judged by this format's rules."""
    version = raw.get("format")
    if type(version) is not int or version in FORMATS:
        return  # a missing or mistyped version is reported with the other keys
    problem = Loaded(None, name, text, raw).problem
    if version > max(FORMATS):
        raise problem(
            PortfolioError, ("format",),
            N_("this file is in format {version}, newer than this endorse reads ({newest})"),
            N_("upgrade endorse: pip install --upgrade endorse-cli"),
            version=version, newest=max(FORMATS))
    raise problem(PortfolioError, ("format",), N_("format {version} does not exist"),
                  N_("write `format = {newest}`"), version=version, newest=FORMAT_VERSION)


def _check_values(loaded: Loaded[Portfolio]) -> None:
    """What the types alone cannot say: an end after its start."""
    p = loaded.value
    fail = loaded.problem
    for i, job in enumerate(p.work):
        if job.end is not None and job.end < job.start:
            raise fail(PortfolioError, ("work", i, "end"),
                       N_("the end {end} is before the start {start}"),
                       N_("swap the two dates, or correct the one that is wrong"),
                       end=job.end.isoformat(), start=job.start.isoformat())
    for i, course in enumerate(p.training):
        if course.topics is not None and not course.imh and "imh" in course.topics:
            raise fail(PortfolioError, ("training", i, "topics"),
                       N_("the course is marked as not infant mental health training, but its "
                          "topics include it"),
                       N_("remove `imh = false`, or take imh out of its topics"))
