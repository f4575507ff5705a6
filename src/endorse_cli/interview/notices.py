"""What the judging says about one entry, to be shown as soon as that entry is saved."""

from __future__ import annotations

import re

from ..model.results import Assessment


def entry_notices(assessment: Assessment, section: str, index: int) -> list[str]:
    """The warnings and red flags that point at ``section[index]`` (0-based), each with its
    fix, as sentences to show under the entry just saved."""
    here = re.compile(rf"{re.escape(section)}\[{index}\](?:\.|$)")
    lines = []
    for warning in assessment.warnings:
        if here.match(warning.where):
            lines.append(warning.message + (f" ({warning.fix})" if warning.fix else ""))
    return lines
