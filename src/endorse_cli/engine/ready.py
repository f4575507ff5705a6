"""Ready: a credential whose requirements are all met, with nothing else its application waits on.

"Met" is the requirements (``CredentialResult.met``); "ready" is met, and nothing the
application asks at submission is missing (credentials.md, "ready"). What it waits on is a
code with values, in this order:

- ``ratings``: the references counted toward the requirement whose ratings are not received
  yet (planned or requested ones count toward the requirement, so it can be met while the
  application still waits on their ratings);
- under rules whose ``[application]`` table asks them (the default rules ask none):
  ``code-of-ethics`` and ``endorsement-agreement``, each signed on or before the as-of day,
  and ``membership``, a membership whose last day is the as-of day or later.

The words of each wait are here too, beside the rule they word: the clause of "met; ready
once ..." and the step that ends the wait, marked for the catalog and said in the reader's
language by ``render.sentences``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..model.message import N_, Nn_
from ..model.portfolio import Portfolio
from ..model.results import CredentialResult, Waiting
from ..model.rules import Rules
from .facts import not_counted

#: The codes, in the order they are said.
CODES = ("ratings", "code-of-ethics", "endorsement-agreement", "membership")

#: "Met; ready once {clauses}": one clause for each code (a plural for ``ratings``).
ONCE: dict[str, Any] = {
    "ratings": Nn_("your remaining rating is received",
                   "your {count} remaining ratings are received"),
    "code-of-ethics": N_("you have signed the Code of Ethics"),
    "endorsement-agreement": N_("you have signed the Endorsement Agreement"),
    "membership": N_("your association membership is current"),
}

#: The step that ends each wait; ``code.situation`` when the values call for other words.
STEP: dict[str, str] = {
    "ratings": N_("As the ratings come in ({requested}), mark each received with {command}."),
    "ratings.planned": N_("Ask {planned} for a rating; when each rating comes in, mark it "
                          "received with {command}."),
    "code-of-ethics": N_("Sign the association's Code of Ethics and give the day you signed it "
                         "with {command}."),
    "code-of-ethics.later": N_("Your Code of Ethics is dated {date}, after {as_of}: it counts "
                               "from that day; if the day is wrong, correct it with {command}."),
    "endorsement-agreement": N_("Sign the Endorsement Agreement and give the day you signed it "
                                "with {command}."),
    "endorsement-agreement.later": N_("Your Endorsement Agreement is dated {date}, after "
                                      "{as_of}: it counts from that day; if the day is wrong, "
                                      "correct it with {command}."),
    "membership": N_("Join an infant mental health association and give the last day of your "
                     "membership with {command}."),
    "membership.ended": N_("Your association membership ended on {date}: renew it and give its "
                           "new last day with {command}."),
}


def situation(waiting: Waiting) -> str:
    """The key of :data:`STEP` that words ``waiting``."""
    v = waiting.values
    if waiting.code == "ratings":
        return "ratings.planned" if v.get("planned") else "ratings"
    if waiting.code in ("code-of-ethics", "endorsement-agreement") and v.get("date"):
        return f"{waiting.code}.later"
    if waiting.code == "membership" and v.get("date"):
        return "membership.ended"
    return waiting.code


def _ratings(result: CredentialResult, portfolio: Portfolio) -> Waiting | None:
    """The ratings still to come for the references requirement of ``result``: of the
    references that count toward it (planned or requested), those it needs. References not
    listed yet are no rating to wait on: the requirement's own next step asks for them."""
    reqs = [r for r in result.applicable if r.kind == "references"]
    if not reqs:
        return None
    need = max(int(r.need or 0) for r in reqs)
    received = max(int(getattr(r.details, "received", 0)) for r in reqs)
    if received >= need:
        return None
    pending = [ref for ref in portfolio.reference
               if ref.status in ("planned", "requested") and not_counted(ref) is None]
    count = min(len(pending), need - received)
    if not count:
        return None
    return Waiting(code="ratings", values={
        "count": count, "received": received, "need": need,
        "planned": [ref.name for ref in pending if ref.status == "planned"],
        "requested": [ref.name for ref in pending if ref.status == "requested"]})


def _signed(code: str, day: dt.date | None, as_of: dt.date) -> Waiting | None:
    """A signature asked for: none on or before ``as_of`` is a wait (its day, if later)."""
    if day is not None and day <= as_of:
        return None
    return Waiting(code=code, values={"date": day, "as_of": as_of})


def waiting_on(result: CredentialResult, portfolio: Portfolio, rules: Rules,
               as_of: dt.date) -> tuple[Waiting, ...]:
    """What the application for ``result`` waits on besides its requirements, in order."""
    found: list[Waiting | None] = [_ratings(result, portfolio)]
    asks, applicant = rules.application, portfolio.applicant
    if asks.code_of_ethics:
        found.append(_signed("code-of-ethics", applicant.code_of_ethics, as_of))
    if asks.endorsement_agreement:
        found.append(_signed("endorsement-agreement", applicant.endorsement_agreement, as_of))
    if asks.membership:
        end = applicant.membership_end
        if end is None or end < as_of:
            found.append(Waiting(code="membership", values={"date": end, "as_of": as_of}))
    return tuple(w for w in found if w is not None)


def with_readiness(result: CredentialResult, portfolio: Portfolio, rules: Rules,
                   as_of: dt.date) -> CredentialResult:
    """``result`` with ``ready`` and ``waiting_on`` worked out."""
    from msgspec.structs import replace

    waits = waiting_on(result, portfolio, rules, as_of)
    return replace(result, ready=result.met and not waits, waiting_on=waits)
