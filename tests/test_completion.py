"""Shell completion: there when asked for (`endorse --install-completion`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ENDORSE = str(Path(sys.executable).with_name("endorse"))

def test_the_completion_script_is_shown_when_asked() -> None:
    run = subprocess.run([ENDORSE, "--show-completion", "bash"], capture_output=True,
                         text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert "_endorse_completion()" in run.stdout
    assert "complete -o default -F _endorse_completion endorse" in run.stdout


@pytest.mark.parametrize(("words", "expected"), [("endorse ch", "check"),
                                                 ("endorse va", "validate")])
def test_commands_complete_in_bash(words, expected) -> None:
    env = dict(os.environ, _ENDORSE_COMPLETE="complete_bash", COMP_WORDS=words,
               COMP_CWORD=str(len(words.split()) - 1))
    run = subprocess.run([ENDORSE], capture_output=True, text=True, env=env, check=False)
    assert run.stdout.split() == [expected]
