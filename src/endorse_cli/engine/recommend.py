"""The best-fitting credential (credentials.md, "The recommendation")."""

from __future__ import annotations

from ..model.results import Assessment, CredentialResult, Recommendation


def _missing(result: CredentialResult, *, qualifications_only: bool) -> str:
    labels = [r.label for r in result.unmet if r.qualification or not qualifications_only]
    return "; ".join(labels)


def _status(result: CredentialResult) -> str:
    if result.met:
        return "Every requirement is met."
    return f"Requirements met: {result.met_count} of {result.total}."


def recommend(results: tuple[CredentialResult, ...], focus: str | None) -> Recommendation:
    """Recommend one credential of ``results`` for an applicant working in ``focus``."""
    ladder = sorted(results, key=lambda c: c.level)
    qualified = [c for c in ladder if c.qualified]
    of_focus = next((c for c in ladder if focus is not None and c.focus == focus), None)

    if of_focus is not None:
        below = [c for c in qualified if c.level < of_focus.level]
        if of_focus.qualified:
            pick = of_focus
            reason = (f"You work in the {focus} field and meet every qualification for "
                      f"{pick.name} ({pick.id}). {_status(pick)}")
        elif below:
            pick = below[-1]
            reason = (f"You work in the {focus} field, but do not yet meet the qualifications "
                      f"of {of_focus.name} ({of_focus.id}): "
                      f"{_missing(of_focus, qualifications_only=True)}. {pick.id} is the "
                      f"highest credential below it that you qualify for. {_status(pick)}")
        else:
            pick = of_focus
            reason = (f"You work in the {focus} field, the field of {pick.name} ({pick.id}); "
                      f"you are not yet qualified for it: "
                      f"{_missing(pick, qualifications_only=True)}.")
    else:
        unknown = (f"No credential in the rules is for the {focus} field. " if focus else
                   "Set applicant.focus to your field of work for a closer fit. ")
        if qualified:
            pick = qualified[-1]
            reason = (f"{pick.name} ({pick.id}) is the highest-level credential whose "
                      f"qualifications you meet. {_status(pick)} {unknown}").strip()
        else:
            pick = ladder[0]
            reason = (f"You do not yet meet the qualifications of any credential; "
                      f"{pick.name} ({pick.id}) is the first level: "
                      f"{_missing(pick, qualifications_only=True)}. {unknown}").strip()

    higher = [c for c in ladder if c.level > pick.level]
    next_up = higher[0] if higher else None
    return Recommendation(
        id=pick.id,
        qualified=pick.qualified,
        reason=reason,
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
