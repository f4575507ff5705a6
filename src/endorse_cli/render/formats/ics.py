"""ics: the days that matter, as an iCalendar file for a calendar, in the reader's language."""

from __future__ import annotations

from typing import Any

from . import Format, Out
from ...i18n import N_


def _gaps(out: Out, assessment: Any, picked: Any, why: str) -> None:
    from .. import ics

    out.terminal.calendar(ics.gaps(assessment, picked, out.language, out.today))


def _renewal(out: Out, report: Any, file: str) -> None:
    from .. import ics

    out.terminal.calendar(ics.renewal(report, out.language, out.today))


FORMAT = Format("ics", people=True, media="text/calendar", extension="ics",
                note=N_("the days that matter, for a calendar"),
                writes={"gaps": _gaps, "timeline": _gaps, "renewal": _renewal})
