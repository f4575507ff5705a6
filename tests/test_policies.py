"""Each counting policy the spec names is worked out in one place, and every command that uses
it gives the same answer: the reference that can be reached, the post-degree cut, the pace
window's edge, the field periods and the best RS/C window."""

from __future__ import annotations

import datetime as dt

import pytest
from test_packs import for_pack, ifs, pack

from endorse_cli.engine import judge

D = dt.date.fromisoformat
AS_OF = D("2026-11-21")
SIGNED = {"code_of_ethics": D("2026-10-01"), "endorsement_agreement": D("2026-10-01"),
          "membership_end": D("2026-12-31")}


def _ifs(**contact: object) -> dict:
    """The IFS portfolio of test_packs (met exactly under imh-e-2025, 3 references: the
    supervisor Luis Ortega, the endorsed Ana Lopez, Grace Kim), with Luis Ortega's email and
    phone replaced by ``contact`` and his rating still requested."""
    p = ifs()
    p["applicant"] = dict(SIGNED)
    luis = p["reference"][0]
    del luis["email"]
    luis.update(contact, status="requested")
    return p


# -- a reference counts only with an email or a phone that is more than spaces --------------

@pytest.mark.parametrize("contact,counts", [
    ({}, False),
    ({"phone": "  "}, False),
    ({"phone": "555-0100"}, True),
    ({"email": "luis@example.org"}, True),
    ({"phone": " 555-0100 "}, True),
])
def test_a_reference_counts_with_contact_in_the_count_the_roles_and_the_wait(
        contact, counts) -> None:
    """Under imh-e-2025, IFS counts references by role (a supervisor among them): the count,
    the supervisor's role and the ratings the application waits on follow one rule."""
    c = judge(for_pack("imh-e-2025", _ifs(**contact)), pack("imh-e-2025"),
              AS_OF).credential("IFS")
    refs = next(r for r in c.requirements if r.kind == "references")
    assert refs.have == (3 if counts else 2)
    assert refs.details.by_role.get("supervisor", 0) == (1 if counts else 0)
    assert refs.met is counts
    waits = {w.code: w.values for w in c.waiting_on}
    if counts:  # met, and waiting on the one rating requested, from the one who can be reached
        assert c.met and waits["ratings"]["requested"] == ["Luis Ortega"]
        assert waits["ratings"]["count"] == 1
    else:  # a rating asked of no one who can be reached is no wait: the requirement is unmet
        assert not c.met
        assert "Luis Ortega" not in waits.get("ratings", {}).get("requested", [])


# -- the default portfolio: the one a command opens is the one a sentence needs not name -----

@pytest.mark.parametrize("named,shown", [
    ("portfolio.toml", "`endorse edit`"),
    ("<stdin>", "`endorse edit`"),
    ("mine.toml", "`endorse edit mine.toml`"),
])
def test_the_file_a_command_opens_unnamed_is_the_one_its_sentences_leave_unnamed(
        named, shown) -> None:
    from pathlib import Path

    from endorse_cli.app.context import Application
    from endorse_cli.render.sentences import name_commands

    opened = Application("gaps", environ={}).portfolio_path(None)
    assert opened == Path("portfolio.toml")  # portfolio-format.md: "by default portfolio.toml"
    assert name_commands("fix it with `endorse edit`", named) == f"fix it with {shown}"
