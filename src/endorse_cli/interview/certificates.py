"""Certificate files, checked when they are named: the file must exist, and the portfolio
names it by its path inside the portfolio's folder (where `endorse bundle` takes it from).

A file elsewhere is copied into a ``certificates`` folder beside the portfolio.
"""

from __future__ import annotations

import filecmp
import os
import shutil
from pathlib import Path

FOLDER = "certificates"


def place(text: str, portfolio: Path) -> tuple[Path, str | None]:
    """The file ``text`` names, and its path relative to the portfolio's folder; None in its
    place when the file is outside that folder (or reached by a symbolic link), to be copied in.

    A relative path is looked for from the current folder, then from the portfolio's.
    ValueError, in words, when there is no such file.
    """
    given = Path(os.path.expanduser(text))
    candidates = [given] if given.is_absolute() else [Path.cwd() / given,
                                                       portfolio.parent / given]
    source = next((Path(os.path.normpath(c.absolute())) for c in candidates if c.is_file()),
                  None)
    if source is None:
        if any(c.is_dir() for c in candidates):
            raise ValueError(f"{text} is a folder; name the certificate file in it")
        raise ValueError(f"there is no file {text}; check the name, or leave it empty")
    folder = Path(os.path.normpath(portfolio.parent.absolute()))
    if not source.is_relative_to(folder):
        return source, None
    inside = source.relative_to(folder)
    steps = [folder.joinpath(*inside.parts[:i + 1]) for i in range(len(inside.parts))]
    if any(step.is_symlink() for step in steps):
        return source, None
    return source, inside.as_posix()


def copy_in(source: Path, portfolio: Path) -> str:
    """Copy ``source`` into ``certificates/`` beside the portfolio; the path to store.

    A different file of the same name already there is kept: the copy gets a number.
    """
    folder = portfolio.parent / FOLDER
    folder.mkdir(exist_ok=True)
    target = folder / source.name
    n = 2
    while target.exists() and not filecmp.cmp(source, target, shallow=False):
        target = folder / f"{source.stem}-{n}{source.suffix}"
        n += 1
    if not target.exists():
        shutil.copy2(source, target)
    return f"{FOLDER}/{target.name}"
