"""endorse: judge and plan an Infant Mental Health Endorsement® application.

The library works without the command line: see :func:`endorse_cli.api.judge_file`.
"""

__version__ = "0.1.0"
