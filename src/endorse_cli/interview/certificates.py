"""Certificate files, checked when they are named: the file must exist, and the portfolio
names it by its path inside the portfolio's folder (where `endorse bundle` takes it from).

A file elsewhere is copied into a ``certificates`` folder beside the portfolio.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..i18n import ENGLISH, N_, Language
from ..model import portfolio as model
from ..model.message import Message

FOLDER = "certificates"


def place(text: str, portfolio: Path,
          language: Language = ENGLISH) -> tuple[Path, str | None]:
    """The file ``text`` names, and its path relative to the portfolio's folder; None in its
    place when the file is outside that folder (or reached by a symbolic link), to be copied in.

    A relative path is looked for from the current folder, then from the portfolio's.
    ValueError, in words (in ``language``), when there is no such file.
    """
    _ = language.gettext
    given = Path(os.path.expanduser(text))
    candidates = [given] if given.is_absolute() else [Path.cwd() / given,
                                                       portfolio.parent / given]
    source = next((Path(os.path.normpath(c.absolute())) for c in candidates if c.is_file()),
                  None)
    if source is None:
        if any(c.is_dir() for c in candidates):
            raise ValueError(_("{text} is a folder; name the certificate file in it").format(
                text=text))
        if any(c.exists() for c in candidates):
            raise ValueError(_("{text} is not a plain file (a pipe or a device?); name the "
                               "certificate file").format(text=text))
        raise ValueError(_("there is no file {text}; check the name, or leave it empty").format(
            text=text))
    most = model.CERTIFICATE_MAX
    if (size := source.stat().st_size) > most:
        raise ValueError(_("{text} is {size} MB, more than the {most} MB a certificate can be; "
                           "name a smaller copy, such as a scan at a lower resolution").format(
                               text=text, size=language.number(float(round(size / 1e6))),
                               most=most // 2**20))
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
    import filecmp
    import shutil

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


def problems(portfolio: Path, trainings: Iterable[Any]) -> list[Message]:
    """A sentence for each certificate the portfolio names that `endorse bundle` could not
    take: a file that is not there, or one outside the portfolio's folder. Each names the
    training by its number from 1, its title and its date; ``.say(language)`` words it."""
    from ..render.sentences import NTH, ordinal

    folder = Path(os.path.normpath(portfolio.parent.absolute()))
    found = []
    for n, course in enumerate(trainings, 1):
        if not course.certificate:
            continue
        named = Path(os.path.normpath(folder / course.certificate))
        if not named.is_relative_to(folder):
            template = N_("{which}, {title}, {date}: the certificate {file} is outside the "
                          "portfolio's folder; name it again with `endorse edit` to copy it in")
        elif named.exists() and not named.is_file() and not named.is_dir():
            template = N_("{which}, {title}, {date}: the certificate {file} is not a plain "
                          "file (a pipe or a device?); name another with `endorse edit`")
        elif not named.is_file():
            template = N_("{which}, {title}, {date}: the certificate file {file} is missing; "
                          "put it there, or name another with `endorse edit`")
        else:
            continue
        found.append(Message(template, which=_Nth(NTH["training"], n, ordinal),
                             title=course.title, date=_Day(course.date),
                             file=course.certificate))
    return found


class _Nth:
    """``your 3rd training``, ``su capacitación n.º 3``: said in the reader's language."""

    def __init__(self, template: str, n: int, ordinal: Any) -> None:
        self.template, self.n, self.ordinal = template, n, ordinal

    def say(self, language: Any = None) -> str:
        language = language or ENGLISH
        return language.gettext(self.template).format(nth=self.ordinal(self.n, language))


class _Day:
    """A day as the reader reads it (``2020-11-20``, ``20 de noviembre de 2020``)."""

    def __init__(self, day: Any) -> None:
        self.day = day

    def say(self, language: Any = None) -> str:
        return (language or ENGLISH).day(self.day)
