"""Plain-language phrases shared by the text and Markdown renderings, in the reader's language."""

from __future__ import annotations

from ..i18n import ENGLISH, Language, N_
from ..model.results import Assessment, CredentialResult, PortfolioWarning, RequirementResult


#: Each kind of requirement in plain words, for the listing of the rules (`endorse credentials`).
KINDS = {"any": N_("any one of these"), "education": N_("degree"),
         "experience": N_("work experience"), "training": N_("training"),
         "supervision": N_("RS/C"), "references": N_("references"),
         "competencies": N_("competency areas"), "exam": N_("exam"),
         "families": N_("families served"), "license": N_("license"),
         "membership": N_("membership")}


def kind_of(req: object, language: Language = ENGLISH) -> str:
    """A requirement's kind in plain words: "degree", "RS/C"."""
    tag = req.__struct_config__.tag  # type: ignore[attr-defined]
    return language.gettext(KINDS[tag]) if tag in KINDS else str(tag)


def areas_of(req: object, rules: object) -> str | None:
    """For a competencies requirement, the names of its areas; None for other kinds."""
    areas = getattr(req, "areas", None)
    if not areas:
        return None
    labels = rules.areas  # type: ignore[attr-defined]
    return ", ".join(labels[a].label if a in labels else a for a in areas)


def number(value: object, language: Language = ENGLISH) -> str:
    return language.number(value)


def place(w: PortfolioWarning, language: Language = ENGLISH) -> str:
    """Where a hand-editor finds what a warning is about: its line."""
    return " " + language.gettext("(line {line})").format(line=w.line) if w.line else ""


def status(result: CredentialResult, language: Language = ENGLISH) -> str:
    _ = language.gettext
    if result.met:
        return _("every requirement met ({met} of {total}): ready to apply").format(
            met=result.met_count, total=result.total)
    if result.qualified:
        return _("qualified; {met} of {total} requirements met").format(
            met=result.met_count, total=result.total)
    return _("not yet qualified; {met} of {total} requirements met").format(
        met=result.met_count, total=result.total)


def heading(assessment: Assessment, language: Language = ENGLISH) -> str:
    _ = language.gettext
    day = language.day(assessment.as_of)
    if assessment.file:
        return _("{applicant} ({file}), as of {date}").format(
            applicant=assessment.applicant, file=assessment.file, date=day)
    return _("{applicant}, as of {date}").format(applicant=assessment.applicant, date=day)


SOONEST = N_("Soonest: when the requirements that take time (experience, RS/C, training) can "
             "be met at your pace; the others wait on a step from you.")

#: Why a checklist shows the credential it shows.
WHY = {"named": N_("as asked"), "target": N_("your target"), "recommended": N_("recommended")}


def expectation(req: RequirementResult, language: Language = ENGLISH) -> str | None:
    """When an unmet requirement will be met, and on what assumption; None when met."""
    _ = language.gettext
    if req.met or not req.applies:
        return None
    if req.expected is not None:
        return _("expected {date}, {assumption}").format(date=language.day(req.expected),
                                                         assumption=req.assumption)
    return _("no date: {assumption}").format(assumption=req.assumption) if req.assumption \
        else None


def timeline_rows(result: CredentialResult,
                  language: Language = ENGLISH) -> list[tuple[str, str, str]]:
    """(date or "no date", label, why) for each unmet requirement, soonest first."""
    dated = sorted((r for r in result.unmet if r.expected), key=lambda r: (r.expected, r.label))
    rows = [(language.day(r.expected), r.label, r.assumption or "") for r in dated]
    # a step that takes no time is done when the applicant does it: "your step", not "no date"
    rows += [(language.gettext("no date") if r.timed else
              language.pgettext("the date column of a step that takes no time", "your step"),
              r.label, " ".join(filter(None, [r.assumption and r.assumption + ".",
                                              r.next_step])))
             for r in sorted(result.undated, key=lambda r: not r.timed)]
    return rows


def steps_only(result: CredentialResult) -> bool:
    """Nothing that takes time is missing: the credential is met as soon as the applicant
    takes the steps left (references, the exam...)."""
    return (not result.met and result.expected is None
            and not any(r.timed for r in result.unmet))


def timeline_end(result: CredentialResult, language: Language = ENGLISH) -> str:
    """The day the whole credential is expected to be met, in a sentence."""
    _ = language.gettext
    if result.met:
        return _("Every requirement of {id} is met.").format(id=result.id)
    if steps_only(result):
        return _("{id} can be met as soon as you take the steps above: {steps}.").format(
            id=result.id, steps="; ".join(r.label for r in result.unmet))
    if result.expected is None:
        return _("No date for {id} yet: see the requirements without a date.").format(
            id=result.id)
    day = language.day(result.expected)
    if not result.undated:
        return _("{id} is expected to be met on {date}.").format(id=result.id, date=day)
    return _("{id} can be met on {date} at the soonest, once your steps are done.").format(
        id=result.id, date=day)


def not_ready(result: CredentialResult, path: object, language: Language = ENGLISH) -> str:
    """Said after a bundle is written for a credential not met yet."""
    import shlex

    return language.gettext(
        "{id} is not met yet ({met} of {total} requirements): this bundle is a draft to "
        "review, not ready to submit. See what is missing with {command}.").format(
            id=result.id, met=result.met_count, total=result.total,
            command=f"`endorse gaps {shlex.quote(str(path))} --credential {result.id}`")

