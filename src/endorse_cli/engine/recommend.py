"""The best-fitting credential (credentials.md, "The recommendation")."""

from __future__ import annotations

from ..model.results import Assessment, CredentialResult, Recommendation, Said


def _missing(result: CredentialResult) -> list[str]:
    """The labels of the qualifications ``result`` still lacks."""
    return [r.label for r in result.unmet if r.qualification]


def recommend(results: tuple[CredentialResult, ...], focus: str | None) -> Recommendation:
    """Recommend one credential of ``results`` for an applicant working in ``focus``.

    Why is said as a code with values: ``focus-qualified``, ``focus-below``,
    ``focus-not-qualified``, ``highest-qualified`` and ``none-qualified``; the last two carry
    ``focus_unknown`` (a focus no credential has) or ``no_focus``.
    """
    ladder = sorted(results, key=lambda c: c.level)
    qualified = [c for c in ladder if c.qualified]
    of_focus = next((c for c in ladder if focus is not None and c.focus == focus), None)
    values: dict[str, object] = {"focus": focus}

    if of_focus is not None:
        below = [c for c in qualified if c.level < of_focus.level]
        if of_focus.qualified:
            pick, code = of_focus, "focus-qualified"
        elif below:
            pick, code = below[-1], "focus-below"
            values.update(focus_id=of_focus.id, focus_name=of_focus.name,
                          missing=_missing(of_focus))
        else:
            pick, code = of_focus, "focus-not-qualified"
            values.update(missing=_missing(pick))
    else:
        values.update(focus_unknown=focus is not None)
        if qualified:
            pick, code = qualified[-1], "highest-qualified"
        else:
            pick, code = ladder[0], "none-qualified"
            values.update(missing=_missing(pick))
    values.update(id=pick.id, name=pick.name, met=pick.met, met_count=pick.met_count,
                  total=pick.total)

    higher = [c for c in ladder if c.level > pick.level]
    next_up = higher[0] if higher else None
    return Recommendation(
        id=pick.id,
        qualified=pick.qualified,
        why=Said(code=code, values=values),
        also_qualified=tuple(c.id for c in qualified if c.id != pick.id),
        next_up=next_up.id if next_up else None,
        next_up_needs=tuple(r.label for r in next_up.unmet) if next_up else (),
    )


def checklist_for(assessment: Assessment, named: str | None = None) -> tuple[CredentialResult, str]:
    """The credential a gap checklist is about, and why: named, the target, or recommended.

    Raises ``KeyError`` for a named id that the rules do not have.
    """
    for wanted, why in ((named, "named"), (assessment.target, "target"),
                        (assessment.recommended.id, "recommended")):
        if wanted is not None:
            result = assessment.credential(wanted)
            if result is None:
                raise KeyError(wanted)
            return result, why
    raise AssertionError("a recommendation always names a credential")
