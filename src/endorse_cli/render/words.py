"""Plain-language phrases shared by the text and Markdown renderings."""

from __future__ import annotations

from ..model.results import Assessment, CredentialResult, PortfolioWarning, RequirementResult


def areas_of(req: object, rules: object) -> str | None:
    """For a competencies requirement, the names of its areas; None for other kinds."""
    areas = getattr(req, "areas", None)
    if not areas:
        return None
    labels = rules.areas  # type: ignore[attr-defined]
    return ", ".join(labels[a].label if a in labels else a for a in areas)


def number(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def place(w: PortfolioWarning) -> str:
    """Where a hand-editor finds what a warning is about: its line."""
    return f" (line {w.line})" if w.line else ""


def status(result: CredentialResult) -> str:
    if result.met:
        return f"every requirement met ({result.met_count} of {result.total}): ready to apply"
    qualified = "qualified" if result.qualified else "not yet qualified"
    return f"{qualified}; {result.met_count} of {result.total} requirements met"


def heading(assessment: Assessment) -> str:
    where = f" ({assessment.file})" if assessment.file else ""
    return f"{assessment.applicant}{where}, as of {assessment.as_of.isoformat()}"


SOONEST = ("Soonest: when the requirements that take time (experience, RS/C, training) can "
           "be met at your pace; the others wait on a step from you.")

#: Why a checklist shows the credential it shows.
WHY = {"named": "as asked", "target": "your target", "recommended": "recommended"}


def expectation(req: RequirementResult) -> str | None:
    """When an unmet requirement will be met, and on what assumption; None when met."""
    if req.met or not req.applies:
        return None
    if req.expected is not None:
        return f"expected {req.expected.isoformat()}, {req.assumption}"
    return f"no date: {req.assumption}" if req.assumption else None


def timeline_rows(result: CredentialResult) -> list[tuple[str, str, str]]:
    """(date or "no date", label, why) for each unmet requirement, soonest first."""
    dated = sorted((r for r in result.unmet if r.expected), key=lambda r: (r.expected, r.label))
    rows = [(r.expected.isoformat(), r.label, r.assumption or "") for r in dated]
    rows += [("no date", r.label, " ".join(filter(None, [r.assumption and r.assumption + ".",
                                                           r.next_step])))
             for r in result.undated]
    return rows


def timeline_end(result: CredentialResult) -> str:
    """The day the whole credential is expected to be met, in a sentence."""
    if result.met:
        return f"Every requirement of {result.id} is met."
    undated = [r.label for r in result.undated]
    if result.expected is None:
        return f"No date for {result.id} yet: see the requirements without a date."
    day = result.expected.isoformat()
    if not undated:
        return f"{result.id} is expected to be met on {day}."
    return f"{result.id} can be met on {day} at the soonest, once the steps without a date are done."


def not_ready(result: CredentialResult, path: object) -> str:
    """Said after a bundle is written for a credential not met yet."""
    import shlex

    return (f"{result.id} is not met yet ({result.met_count} of {result.total} requirements): "
            "this bundle is a draft to review, not ready to submit. See what is missing with "
            f"`endorse gaps {shlex.quote(str(path))} --credential {result.id}`.")
