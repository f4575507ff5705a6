"""What the judging says about one entry, to be shown as soon as that entry is saved."""

from __future__ import annotations

import re

from msgspec.structs import replace

from ..i18n import Language
from ..model.results import Assessment, PortfolioWarning
from ..model.rules import Rules


def entry_notices(assessment: Assessment, section: str, index: int) -> list[str]:
    """The warnings and red flags that point at ``section[index]`` (0-based), each with its
    fix, as sentences to show under the entry just saved."""
    return [warning.message + (f" ({warning.fix})" if warning.fix else "")
            for warning in _about(assessment, section, index)]


def judged_notices(assessment: Assessment, rules: Rules, language: Language, section: str,
                   index: int) -> list[str]:
    """:func:`entry_notices` of an assessment judged without words (``words="none"``): only
    the warnings about the entry are put into words, not the whole portfolio's."""
    from ..render.sentences import Words

    worded = Words(rules, language).warnings(assessment, _about(assessment, section, index))
    return entry_notices(replace(assessment, warnings=worded), section, index)


def _about(assessment: Assessment, section: str, index: int) -> list[PortfolioWarning]:
    here = re.compile(rf"{re.escape(section)}\[{index}\](?:\.|$)")
    return [warning for warning in assessment.warnings if here.match(warning.where)]
