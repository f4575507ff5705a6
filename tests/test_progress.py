"""The batch progress count: on a terminal stderr, never over rows printed to the same one."""

from __future__ import annotations

import io

from endorse_cli.render.progress import SHOW_FROM, Progress


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_counts_on_a_terminal_and_clears_its_line() -> None:
    err = Tty()
    progress = Progress(err, SHOW_FROM, quiet_for=io.StringIO())
    for _ in range(SHOW_FROM):
        progress.step()
    progress.done()
    text = err.getvalue()
    assert f"\rchecked {SHOW_FROM} of {SHOW_FROM}" in text
    assert text.endswith("\r\x1b[2K")


def test_silent_when_rows_go_to_the_same_terminal_when_piped_or_few() -> None:
    for err, out, total in ((Tty(), Tty(), SHOW_FROM), (io.StringIO(), None, SHOW_FROM),
                            (Tty(), None, SHOW_FROM - 1)):
        progress = Progress(err, total, quiet_for=out)
        for _ in range(total):
            progress.step()
        progress.done()
        assert err.getvalue() == ""


def test_a_stopped_batch_wipes_its_count_before_the_message(tmp_path, monkeypatch) -> None:
    import shutil

    import pytest
    from conftest import EXAMPLES

    from endorse_cli.app import batch as checks
    from endorse_cli.app.check import check
    from endorse_cli.app.context import Application
    from endorse_cli.render.terminal import Terminal

    for i in range(SHOW_FROM):
        shutil.copy(EXAMPLES / "clinician.toml", tmp_path / f"p{i:03d}.toml")
    real = checks.run

    def stopped_half_way(files, settings, jobs, reader_gone=None):
        for n, row in enumerate(real(files, settings, 1)):
            if n == SHOW_FROM // 2:
                raise KeyboardInterrupt
            yield row

    monkeypatch.setattr(checks, "run", stopped_half_way)
    err = Tty()
    with pytest.raises(KeyboardInterrupt):
        check(Application("check", as_of="2026-11-21", terminal=Terminal(io.StringIO(), err)),
              [str(tmp_path)], credential=None, fmt="csv", fail_on=None, jobs=1, exclude=[])
    assert f"\rchecked {SHOW_FROM // 2} of {SHOW_FROM}" in err.getvalue()
    assert err.getvalue().endswith("\r\x1b[2K")
