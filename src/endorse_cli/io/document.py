"""Change a portfolio file and save it without ever losing a byte of it.

The file is edited with tomlkit, so that the applicant's comments, blank lines and key order
survive. Every save checks the new text with the same validator as every other command,
refuses to overwrite a file that changed on disk since it was read, keeps the previous version
as ``FILE.bak``, and replaces the file atomically (a temporary file in the same folder,
flushed to disk, then renamed over it). New files are readable by their owner only.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import tomlkit
from tomlkit.items import AoT, Table, Whitespace

from ..errors import ChangedOnDisk, PortfolioError  # ChangedOnDisk: also imported from here
from ..model.message import N_
from ..model.portfolio import FORMAT_VERSION
from .locking import clean_leftovers, hidden_name, locked
from .portfolio_file import parse_portfolio
from .tomlfile import decode, read_bytes

#: Owner only: a portfolio holds references' emails and phone numbers.
NEW_FILE_MODE = 0o600


def write_atomically(path: Path, text: str, *, mode: int) -> None:
    """Replace ``path`` with ``text``: whole or not at all, even if the machine stops.

    A symbolic link stays a link: the file it points to is replaced."""
    write_pieces_atomically(path, (text,), mode=mode)


def write_pieces_atomically(path: Path, pieces: Iterable[str], *, mode: int) -> None:
    """:func:`write_atomically` for a text made a piece at a time, never held whole."""
    with atomic_file(path, mode=mode) as out:
        out.writelines(pieces)


@contextmanager
def atomic_file(path: Path, *, mode: int, binary: bool = False) -> Iterator[IO[Any]]:
    """A file to write ``path`` into (UTF-8 text, or bytes), which replaces it only once
    written whole and flushed to disk; left out, with nothing replaced, when the writing
    stops. A symbolic link stays a link: the file it points to is replaced."""
    path = Path(os.path.realpath(path))
    clean_leftovers(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{hidden_name(path.name)}.", suffix=".tmp",
                               dir=path.parent)
    try:
        with (os.fdopen(fd, "wb") if binary
              else os.fdopen(fd, "w", encoding="utf-8", newline="")) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:  # make the rename itself durable
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    except OSError:
        pass


def _newline_of(text: str) -> str:
    """CRLF when most lines of ``text`` end so, else LF."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"


def _fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _toml_value(value: Any) -> Any:
    """Whole numbers of hours as ``2``, not ``2.0``; a table of values (an entry's
    ``extra``) on the entry's own line, ``extra = {Initials = "AL"}``; everything else as
    it is."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        table = tomlkit.inline_table()
        table.update({key: _toml_value(v) for key, v in value.items()})
        return table
    return value


def _tail(table: Table) -> list[tuple[None, Any]]:
    """Take the blank lines and comments at the end of ``table``: they belong to what follows."""
    body = table.value.body
    tail: list[tuple[None, Any]] = []
    while body and body[-1][0] is None:
        tail.insert(0, body.pop())
    return tail


def _give_tail(table: Table, tail: list[tuple[None, Any]]) -> None:
    table.value.body.extend(tail)


class PortfolioDocument:
    """One portfolio file, open for changes. Each change is saved at once by :meth:`save`."""

    def __init__(self, path: Path, text: str, fingerprint: str | None, mode: int) -> None:
        self.path = path
        self.doc = tomlkit.parse(text)
        self._fingerprint = fingerprint
        self._mode = mode
        #: The file's line ending, kept on every line written: Windows files stay CRLF.
        self.newline = _newline_of(text)

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> PortfolioDocument:
        """Read ``path`` for changing; it must be a valid portfolio already."""
        data = read_bytes(path, PortfolioError, str(path))  # read once: what is checked is
        text = decode(data, PortfolioError, str(path))      # what the fingerprint is of
        parse_portfolio(text, name=str(path))
        return cls(path, text, _fingerprint(data), path.stat().st_mode & 0o777)

    @classmethod
    def new(cls, path: Path, applicant: dict[str, Any], *, header: str,
            over: bytes | None = None) -> PortfolioDocument:
        """A new portfolio (not yet written): ``header`` as comment lines, format, [applicant].

        A header line that starts with "#" is kept as it is (a directive such as ``#:schema``).
        ``over``: the bytes of the (blank) file it is to replace; without it, a file that
        exists when it is saved is never overwritten.
        """
        comments = "".join((line if line.startswith("#") else "# " + line) + "\n"
                           for line in header.splitlines())
        table = tomlkit.table()
        for key, value in applicant.items():
            if value is not None:
                table.add(key, value)
        body = tomlkit.document()
        body.add("applicant", table)
        text = f"{comments}\nformat = {FORMAT_VERSION}\n\n{tomlkit.dumps(body)}"
        document = cls(path, text, None if over is None else _fingerprint(over), NEW_FILE_MODE)
        if over is not None:
            document.newline = _newline_of(over.decode("utf-8", "replace"))
        return document

    @property
    def text(self) -> str:
        text = tomlkit.dumps(self.doc)
        if self.newline == "\r\n":  # tomlkit writes new lines with LF only
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        return text

    def value(self) -> Any:
        """The portfolio as the reader validates it (raises on an invalid one)."""
        return parse_portfolio(self.text, name=str(self.path)).value

    # -- changes ------------------------------------------------------------------------------

    def entries(self, section: str) -> list[Table]:
        return list(self.doc.get(section, []))

    def add_entry(self, section: str, entry: dict[str, Any]) -> None:
        """Append ``entry`` to ``[[section]]``, after its last entry, with a blank line before."""
        table = tomlkit.table()
        for key, value in entry.items():
            if value is not None and value != []:
                table.add(key, _toml_value(value))
        if section in self.doc:
            aot: AoT = self.doc[section]
            last = aot[-1]
            tail = _tail(last)
            last.value.body.append((None, Whitespace("\n")))  # one blank line between entries
            aot.append(table)
            aot[-1].trivia.indent = ""  # tomlkit would add a second one
            _give_tail(aot[-1], tail)
        else:
            if not self._ends_blank():
                self.doc.add(tomlkit.nl())
            self.doc.append(section, tomlkit.aot())
            self.doc[section].append(table)

    def _ends_blank(self) -> bool:
        return tomlkit.dumps(self.doc).replace("\r\n", "\n").endswith("\n\n")

    def set_table(self, section: str, values: dict[str, Any]) -> None:
        """Set the keys of a single table such as ``[exam]``, creating it at the end if needed."""
        if section not in self.doc:
            if not self._ends_blank():
                self.doc.add(tomlkit.nl())
            self.doc.append(section, tomlkit.table())
        table = self.doc[section]
        for key, value in values.items():
            self._set(table, key, value)

    def set_field(self, section: str, index: int | None, key: str, value: Any) -> None:
        """Change one key of an entry (``index``) or of a single table (None); None removes it."""
        table = self.doc[section] if index is None else self.doc[section][index]
        self._set(table, key, value)

    @staticmethod
    def _set(table: Table, key: str, value: Any) -> None:
        if value is None or value == []:
            if key in table:
                del table[key]
            return
        if key in table:
            table[key] = _toml_value(value)
            return
        tail = _tail(table)  # a new key goes before the comments that lead to the next table
        table.add(key, _toml_value(value))
        _give_tail(table, tail)

    def remove_entry(self, section: str, index: int) -> None:
        """Remove one entry. The comments after it (about what follows) stay where they were."""
        aot: AoT = self.doc[section]
        tail = _tail(aot[index])
        # What was written before the removed entry already ends in its blank line.
        text = "".join(item.as_string() for _, item in tail).lstrip("\n")
        if len(aot) > 1:
            del aot[index]
            if index > 0:
                _give_tail(aot[index - 1], tail)
            else:  # the first goes: its tail now stands before the new first entry
                aot[0].trivia.indent = text + aot[0].trivia.indent
            return
        following = self._table_after(section)
        del self.doc[section]
        if following is not None:
            following.trivia.indent = text + following.trivia.indent
        else:
            for _, item in tail:
                self.doc.add(item)

    def _table_after(self, section: str) -> Table | None:
        """The first table written after ``section`` in the file, if any."""
        keys = [None if k is None else k.key for k, _ in self.doc.body]
        for key, item in self.doc.body[keys.index(section) + 1:]:
            if key is not None:
                first = item[0] if isinstance(item, AoT) else item
                return first if isinstance(first, Table) else None
        return None

    # -- saving -------------------------------------------------------------------------------

    def save(self, reapply: Any = None) -> bool:
        """Save under the file's lock, so that saves from several processes take turns.

        If the file changed on disk since it was read and ``reapply`` is given, the file is
        read again as it is now and ``reapply(self)`` makes the change again, all under the
        same lock, so no other save can slip in between. True when that happened.
        """
        with locked(self.path):
            try:
                self._save()
            except ChangedOnDisk:
                if reapply is None or self._fingerprint is None:
                    raise
                self.reload_and(reapply)
                self._save()
                return True
        return False

    def _save(self) -> None:
        """Check the new text, then write it in place of the file, keeping the old one as .bak."""
        text = self.text
        parse_portfolio(text, name=str(self.path))  # never write what would not read back
        current = self.path.read_bytes() if self.path.exists() else None
        if self._fingerprint is None and current is not None:
            raise ChangedOnDisk(N_("{path} exists now; it was not overwritten"),
                                fix=N_("open it with `endorse interview` instead"),
                                path=str(self.path))
        if current is not None and _fingerprint(current) != self._fingerprint:
            raise ChangedOnDisk(
                N_("{path} was changed on disk since it was read (in an editor?); "
                   "it was not overwritten"),
                fix=N_("close the other window, then run the command again: it starts from the "
                       "file as it is now"), path=str(self.path))
        if current is not None and current.strip():
            write_atomically(self.path.with_name(self.path.name + ".bak"), current.decode("utf-8"),
                             mode=self._mode)
        write_atomically(self.path, text, mode=self._mode)
        self._fingerprint = _fingerprint(text.encode("utf-8"))

    def reload_and(self, change: Any) -> None:
        """Read the file again as it is on disk now, and apply ``change(self)`` to it."""
        fresh = PortfolioDocument.open(self.path)
        self.doc, self._fingerprint, self._mode = fresh.doc, fresh._fingerprint, fresh._mode
        self.newline = fresh.newline
        change(self)
