"""``license``: a professional license of some kinds, held on the as-of date."""

from __future__ import annotations

from ...model.message import Nn_
from ...model.results import RequirementResult
from ...model.rules import LicenseReq
from . import Judging, Kind, Unit, register


def judge(req: LicenseReq, j: Judging) -> RequirementResult:
    p = j.portfolio
    assert p is not None
    held = sum(1 for lic in p.license if lic.kind in req.kinds
               and (lic.issued is None or lic.issued <= j.as_of)
               and (lic.expires is None or lic.expires >= j.as_of))
    return j.counted(req, have=held, need=1, unit="licenses")


LICENSES = Unit(name="licenses", count=Nn_("{count} license", "{count} licenses"),
                more=Nn_("{count} more license", "{count} more licenses"))

register(Kind(params=LicenseReq, judge=judge, units=(LICENSES,)))
