"""Change a portfolio file and save it without ever losing a byte of it.

New entries and a change to one key are made in the file's text (:mod:`.appending`), other
changes with tomlkit, so that the applicant's comments, blank lines and key order survive.
Every save checks the new text with the same validator as every other command,
refuses to overwrite a file that changed on disk since it was read, keeps the previous version
as ``FILE.bak``, and replaces the file atomically (a temporary file in the same folder,
flushed to disk, then renamed over it). New files are readable by their owner only.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import tomlkit
from tomlkit.items import AoT, Array, Table, Whitespace

from ..errors import ChangedOnDisk, PortfolioError  # ChangedOnDisk: also imported from here
from ..model.message import N_
from ..model.portfolio import FORMAT_VERSION, Portfolio
from .locking import clean_leftovers, hidden_name, locked
from .portfolio_file import parse_appended, parse_portfolio
from .tomlfile import Loaded, decode, loads, read_bytes

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


def write_bytes_atomically(path: Path, data: bytes, *, mode: int) -> None:
    """:func:`write_atomically` for bytes, written as they are."""
    with atomic_file(path, mode=mode, binary=True) as out:
        out.write(data)


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


def link_atomically(source: Path, path: Path) -> None:
    """Make ``path`` another name of the file ``source`` (a hard link, not a copy), in place
    of whatever ``path`` was: whole or not at all. Links are followed on both sides.

    Raises OSError where the disk has no such links or the two are on different disks."""
    source, path = Path(os.path.realpath(source)), Path(os.path.realpath(path))
    clean_leftovers(path)
    tmp = path.with_name(f".{hidden_name(path.name)}.{secrets.token_hex(6)}.tmp")
    os.link(source, tmp)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _newline_of(text: str) -> str:
    """CRLF when most lines of ``text`` end so, else LF."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"


def _ended(text: str) -> str:
    """``text`` with its last line ended: what follows it goes on a line of its own."""
    return text if text.endswith("\n") or not text else text + "\n"


def _in_newlines(text: str, newline: str) -> str:
    """``text`` with every line ending in ``newline`` when that is CRLF (tomlkit writes new
    lines with LF only); as it is otherwise."""
    if newline == "\r\n":
        return text.replace("\r\n", "\n").replace("\n", "\r\n")
    return text


def _plain_value(value: Any) -> Any:
    """What :func:`_toml_value` writes, as plain values: whole numbers of hours as ints."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: _plain_value(item) for key, item in value.items()}
    return value


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
    """One portfolio file, open for changes. Each change is saved at once by :meth:`save`.

    Entries added with :meth:`add_entry`, or one key changed with :meth:`set_field`, are
    written into the file's text as they are (:mod:`.appending`), so that a change to a long
    file, or many entries added and saved once, costs about as much as reading it; other
    changes, and files laid out in a way the text cannot be changed for sure, go through
    tomlkit, read only then.
    """

    def __init__(self, path: Path, text: str, read: bytes | None, mode: int,
                 loaded: Loaded[Portfolio] | None = None) -> None:
        self.path = path
        #: The bytes the file held when it was read (None: a new file, not there then), to
        #: tell whether it changed on disk since.
        self._read = read
        self._mode = mode
        #: The file's line ending, kept on every line written: Windows files stay CRLF.
        self.newline = _newline_of(text)
        #: The text as read or last saved, and its validated reading when known.
        self._source = text
        self._loaded = loaded
        #: Entries added since, not yet in the text: (section, entry as written).
        self._pending: list[tuple[str, dict[str, Any]]] = []
        #: Or one key of one table changed since: (section, index or None, key, value).
        self._edit: tuple[str, int | None, str, Any] | None = None
        #: The text with them, and what it reads as, once made.
        self._made: tuple[str, dict[str, Any]] | None = None
        #: tomlkit's tree of the file, read only when a change needs it (or it is asked
        #: for); from then until the next save it holds every change, and the text is made
        #: from it.
        self._tree: tomlkit.TOMLDocument | None = None

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> PortfolioDocument:
        """Read ``path`` for changing; it must be a valid portfolio already."""
        data = read_bytes(path, PortfolioError, str(path))  # read once: what is checked is
        text = decode(data, PortfolioError, str(path))      # what changes are told from
        loaded = parse_portfolio(text, name=str(path))
        return cls(path, text, data, path.stat().st_mode & 0o777, loaded)

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
        document = cls(path, text, over, NEW_FILE_MODE)
        if over is not None:
            document.newline = _newline_of(over.decode("utf-8", "replace"))
        return document

    @property
    def doc(self) -> tomlkit.TOMLDocument:
        """tomlkit's tree of the portfolio with every change so far (read now if need be);
        what is changed in it is saved."""
        if self._tree is None:  # a last line without its line ending gets one
            self._tree = tomlkit.parse(_ended(self._source))
            for section, entry in self._pending:  # the changes so far, made in it
                self._add_to_tree(section, entry)
            if self._edit is not None:
                section, index, key, value = self._edit
                tables = self._tree[section]
                self._set(tables if index is None else tables[index], key, value)
            self._pending, self._edit, self._made = [], None, None
        return self._tree

    @property
    def text(self) -> str:
        return self._current()[0]

    def _current(self) -> tuple[str, dict[str, Any] | None]:
        """The text with every change, and what it reads as when that is known already."""
        if self._tree is not None:
            return _in_newlines(tomlkit.dumps(self._tree), self.newline), None
        if not self._pending and self._edit is None:
            text = _in_newlines(self._source, self.newline)
            loaded = self._loaded
            return text, loaded.raw if loaded is not None and text == self._source else None
        if self._made is None:
            from .appending import append, edit

            if self._edit is not None:
                self._made = edit(self._source, self._raw(), self.newline, *self._edit)
            else:
                self._made = append(self._source, self._raw(), self._pending, self.newline)
            if self._made is None:  # a layout the text cannot be changed in for sure
                self.doc  # noqa: B018 - read with tomlkit, the entries added in the tree
                return self._current()
        return self._made

    def _raw(self) -> dict[str, Any]:
        """What the text as read or last saved reads as."""
        if self._loaded is not None:
            return self._loaded.raw
        return loads(self._source)

    def checked(self) -> Loaded[Portfolio]:
        """The portfolio with every change, validated as every command reads it (raises
        :class:`PortfolioError` on an invalid one)."""
        text, raw = self._current()
        before = self._loaded
        if before is not None and before.text == text:
            return before
        if (before is not None and self._pending and self._made is not None
                and raw is self._made[1]):
            added = Counter(section for section, _ in self._pending)
            return parse_appended(before, text, raw, added, name=str(self.path))
        return parse_portfolio(text, name=str(self.path), raw=raw)

    def value(self) -> Any:
        """The portfolio as the reader validates it (raises on an invalid one)."""
        return self.checked().value

    # -- changes ------------------------------------------------------------------------------

    def entries(self, section: str) -> list[Any]:
        """The entries of ``section`` with every change so far, each a mapping of its keys."""
        raw = self._changed_raw()
        if raw is None:
            return list(self.doc.get(section, []))
        return [*raw.get(section, []),
                *(entry for name, entry in self._pending if name == section)]

    def table(self, name: str) -> dict[str, Any] | None:
        """The single table ``name`` (``applicant``, ``exam``) with every change so far, as
        plain values; None when the file has none."""
        raw = self._changed_raw()
        found = self.doc.get(name) if raw is None else raw.get(name)
        if found is None:
            return None
        return found.unwrap() if hasattr(found, "unwrap") else dict(found)

    def _changed_raw(self) -> dict[str, Any] | None:
        """What the text reads as with its changed key (entries added are not in it); None
        when the changes are in tomlkit's tree."""
        if self._tree is None and self._edit is not None:
            self._current()
        if self._tree is not None:
            return None
        return self._made[1] if self._edit is not None and self._made else self._raw()

    def add_entry(self, section: str, entry: dict[str, Any]) -> None:
        """Append ``entry`` to ``[[section]]``, after its last entry, with a blank line before."""
        written = {key: _plain_value(value) for key, value in entry.items()
                   if value is not None and value != []}
        if self._tree is not None or self._edit is not None:
            self.doc  # noqa: B018 - with a key changed too: both in tomlkit's tree
            self._add_to_tree(section, written)
            return
        self._pending.append((section, written))
        self._made = None

    def _add_to_tree(self, section: str, entry: dict[str, Any]) -> None:
        assert self._tree is not None
        doc = self._tree
        table = tomlkit.table()
        for key, value in entry.items():
            table.add(key, _toml_value(value))
        if section in doc and isinstance(doc[section], Array):  # written inline: one more
            inline = tomlkit.inline_table()
            inline.update(entry)
            doc[section].append(inline)
        elif section in doc:
            aot: AoT = doc[section]
            last = aot[-1]
            tail = _tail(last)
            last.value.body.append((None, Whitespace("\n")))  # one blank line between entries
            aot.append(table)
            aot[-1].trivia.indent = ""  # tomlkit would add a second one
            _give_tail(aot[-1], tail)
        else:
            self._blank_line()
            doc.append(section, tomlkit.aot())
            doc[section].append(table)

    def _blank_line(self) -> None:
        """End the tree with a blank line, before a new table."""
        assert self._tree is not None
        if not tomlkit.dumps(self._tree).replace("\r\n", "\n").endswith("\n\n"):
            self._tree.add(tomlkit.nl())

    def set_table(self, section: str, values: dict[str, Any]) -> None:
        """Set the keys of a single table such as ``[exam]``, creating it at the end if needed."""
        doc = self.doc
        if section not in doc:
            self._blank_line()
            doc.append(section, tomlkit.table())
        table = doc[section]
        for key, value in values.items():
            self._set(table, key, value)

    def set_field(self, section: str, index: int | None, key: str, value: Any) -> None:
        """Change one key of an entry (``index``) or of a single table (None); None removes it.

        Alone, the change is made in that key's line of the text (:func:`.appending.edit`)."""
        if self._tree is None and not self._pending and self._edit is None:
            gone = value is None or value == []
            self._edit = (section, index, key, None if gone else _plain_value(value))
            self._made = None
            return
        doc = self.doc
        table = doc[section] if index is None else doc[section][index]
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
        doc = self.doc
        aot: AoT = doc[section]
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
        del doc[section]
        if following is not None:
            following.trivia.indent = text + following.trivia.indent
        else:
            for _, item in tail:
                doc.add(item)

    def _table_after(self, section: str) -> Table | None:
        """The first table written after ``section`` in the file, if any."""
        assert self._tree is not None
        body = self._tree.body
        keys = [None if k is None else k.key for k, _ in body]
        for key, item in body[keys.index(section) + 1:]:
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
                if reapply is None or self._read is None:
                    raise
                self.reload_and(reapply)
                self._save()
                return True
        return False

    def _save(self) -> None:
        """Check the new text, then write it in place of the file, keeping the old one as .bak."""
        loaded = self.checked()  # never write what would not read back
        text = loaded.text
        current = self.path.read_bytes() if self.path.exists() else None
        if self._read is None and current is not None:
            raise ChangedOnDisk(N_("{path} exists now; it was not overwritten"),
                                fix=N_("open it with `endorse interview` instead"),
                                path=str(self.path))
        if current is not None and current != self._read:
            raise ChangedOnDisk(
                N_("{path} was changed on disk since it was read (in an editor?); "
                   "it was not overwritten"),
                fix=N_("close the other window, then run the command again: it starts from the "
                       "file as it is now"), path=str(self.path))
        if current is not None and current.strip():
            backup = self.path.with_name(self.path.name + ".bak")
            try:  # the file itself becomes the .bak when the new one replaces it: no copy
                link_atomically(self.path, backup)
            except OSError:  # a disk without links (FAT), or the link's target elsewhere
                write_bytes_atomically(backup, current, mode=self._mode)
        data = text.encode("utf-8")
        write_bytes_atomically(self.path, data, mode=self._mode)
        self._read = data
        self._source, self._loaded, self._pending, self._made = text, loaded, [], None
        self._edit = self._tree = None  # the text is every change now: the tree, read again

    def reload_and(self, change: Any) -> None:
        """Read the file again as it is on disk now, and apply ``change(self)`` to it."""
        fresh = PortfolioDocument.open(self.path)
        self.__dict__.update(fresh.__dict__)
        change(self)
