"""Build portfolios from plain dicts and judge them, for the engine's tests."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

import msgspec

from endorse_cli.engine import judge
from endorse_cli.io.rules_file import load_rules
from endorse_cli.model.portfolio import Portfolio
from endorse_cli.model.results import Assessment, RequirementResult
from endorse_cli.model.rules import Rules

D = dt.date.fromisoformat


@cache
def rules() -> Rules:
    return load_rules().value


def portfolio(**sections: Any) -> Portfolio:
    data: dict[str, Any] = {"format": 1, "applicant": {"name": "Test Applicant"}}
    applicant = sections.pop("applicant", {})
    data["applicant"].update(applicant)
    data.update(sections)
    return msgspec.convert(data, Portfolio)


def assess(as_of: str = "2026-11-21", **sections: Any) -> Assessment:
    """Judged, and put into words as every command shows it."""
    from endorse_cli.render.sentences import word

    return word(judge(portfolio(**sections), rules(), D(as_of)), rules())


def req(result: Assessment, credential: str, requirement: str) -> RequirementResult:
    found = result.credential(credential)
    assert found is not None, credential
    for item in found.requirements:
        if item.id == requirement:
            return item
        for option in item.options:
            if option.id == requirement:
                return option
    raise AssertionError(f"{credential} has no requirement {requirement}")


def job(start: str, end: str | None = None, **extra: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"title": "Home Visitor", "start": D(start), **extra}
    if end is not None:
        entry["end"] = D(end)
    return entry


def session(date: str, hours: float = 1, **extra: Any) -> dict[str, Any]:
    return {"date": D(date), "hours": hours, "provider": "Ana Lopez", **extra}


def course(date: str, hours: float, *areas: str, **extra: Any) -> dict[str, Any]:
    return {"title": "Course", "date": D(date), "hours": hours, "competencies": list(areas), **extra}


ALL_AREAS = ("theoretical-foundations", "law-regulation-policy", "systems-expertise",
             "direct-service-skills", "working-with-others", "communicating", "thinking",
             "reflection")
