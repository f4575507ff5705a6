"""Pure judging: counting rules, requirement kinds and the recommendation. No I/O."""

from .judge import judge

__all__ = ["judge"]
