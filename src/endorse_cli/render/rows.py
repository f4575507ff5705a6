"""The rows of `endorse check` and `endorse validate`, in the formats coordinators' tools read.

Every writer streams: it writes each row as it comes and keeps nothing of it, except JUnit,
whose totals come first in the file and which therefore keeps one short line per failure.
"""

from __future__ import annotations

import csv
import re
from typing import IO

from msgspec import Struct

from ..i18n import ENGLISH, Language
from ..model.failon import FailOn
from ..model.results import CheckRow as Row
from .json_out import JSON_FORMAT, encode


class Summary(Struct, kw_only=True):
    total: int = 0
    invalid: int = 0
    met: int = 0
    #: Of those met, how many are ready.
    ready: int = 0
    unmet: int = 0
    with_warnings: int = 0

    def add(self, row: Row) -> None:
        self.total += 1
        if row.invalid:
            self.invalid += 1
        elif row.met is not None:
            self.met += row.met
            self.ready += bool(row.ready)
            self.unmet += not row.met
        self.with_warnings += row.warnings > 0

    def sentence(self, validate: bool, language: Language = ENGLISH) -> str:
        """The line under the table, in the reader's language: each count with its own
        plural ("1 no válido", "2 no válidos")."""
        _, n_ = language.gettext, language.ngettext
        invalid = n_("{count} invalid", "{count} invalid", self.invalid).format(
            count=self.invalid)
        if validate:
            valid = self.total - self.invalid
            warned = (n_("; {count} with certificate files to see to",
                         "; {count} with certificate files to see to",
                         self.with_warnings).format(count=self.with_warnings)
                      if self.with_warnings else "")
            return _("{validated}: {valid}, {invalid}{warned}.").format(
                validated=n_("Validated {count} portfolio", "Validated {count} portfolios",
                             self.total).format(count=self.total),
                valid=n_("{count} valid", "{count} valid", valid).format(count=valid),
                invalid=invalid, warned=warned)
        return _("{portfolios}: {invalid}; {met} ({ready}), {unmet}; {warned}.").format(
            portfolios=n_("{count} portfolio", "{count} portfolios", self.total).format(
                count=self.total),
            invalid=invalid,
            met=n_("credential met {count}", "credential met {count}", self.met).format(
                count=self.met),
            ready=n_("ready {count}", "ready {count}", self.ready).format(count=self.ready),
            unmet=n_("not yet {count}", "not yet {count}", self.unmet).format(count=self.unmet),
            warned=n_("{count} with warnings", "{count} with warnings",
                      self.with_warnings).format(count=self.with_warnings))


def _error(row: Row) -> dict:
    return {"message": row.error, "line": row.error_line, "where": row.error_where,
            "fix": row.error_fix}


def error_reason(row: Row, *, said: bool = False) -> str:
    """Why a file could not be read, with the field it is about: the one wording of `check`,
    `validate` and the report (which gives the line apart); in English with the key path, for
    scripts, or as ``said`` to people: the entry and key in words, in the reader's language."""
    if said and row.error_said:
        return row.error_said
    where = f"{row.error_where}: " if row.error_where else ""
    return f"{where}{row.error or ''}"


def _error_text(row: Row, language: Language = ENGLISH) -> str:
    """The line and the sentence people read: the entry and key in words."""
    place = (language.gettext("line {number}: ").format(number=row.error_line)
             if row.error_line else "")
    return f"{place}{error_reason(row, said=True)}"


def _error_csv(row: Row) -> str:
    """The line, key path and message, in English, as CSV and JUnit have always had them."""
    place = f"line {row.error_line}: " if row.error_line else ""
    return f"{place}{error_reason(row)}"


class Writer:
    """Writes rows to ``out``; ``validate`` for `endorse validate`, else `endorse check`.

    The table and Markdown, which people read, are in ``language``; JSON, JSON Lines, CSV and
    JUnit, which scripts and CI read, are the same in every language (English column names
    and values: ``yes``, ``no``)."""

    def __init__(self, out: IO[str], *, validate: bool, credential: str | None,
                 files: list[str], fail_on: FailOn = FailOn.invalid,
                 language: Language = ENGLISH) -> None:
        self.out = out
        self.language = language
        self.validate = validate
        self.credential = credential
        self.files = files
        self.fail_on = FailOn(fail_on)

    def start(self) -> None:
        pass

    def row(self, row: Row) -> None:
        raise NotImplementedError

    def end(self, summary: Summary) -> None:
        pass


class JsonLines(Writer):
    def _object(self, row: Row) -> bytes:
        if row.invalid:
            data = {"format": JSON_FORMAT, "file": row.file, "error": _error(row)}
            if self.validate:
                data = {"format": JSON_FORMAT, "file": row.file, "valid": False,
                        "error": _error(row)}
            return encode(data)
        if self.validate:
            return encode({"format": JSON_FORMAT, "file": row.file, "valid": True,
                           "applicant": row.applicant})
        assert row.document is not None
        return row.document

    def row(self, row: Row) -> None:
        self.out.write(self._object(row).decode() + "\n")
        self.out.flush()


class Json(JsonLines):
    def start(self) -> None:
        self.out.write(f'{{"format": {JSON_FORMAT}, "results": [')
        self.first = True

    def row(self, row: Row) -> None:
        self.out.write(("\n  " if self.first else ",\n  ") + self._object(row).decode())
        self.first = False

    def end(self, summary: Summary) -> None:
        self.out.write(("\n" if not self.first else "") + '], "summary": '
                       + encode(summary).decode() + "}\n")


#: What a spreadsheet takes as the start of a formula (or of a cell's command).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_like(text: str) -> bool:
    """Whether a spreadsheet could take ``text`` as a formula: it starts with one of
    :data:`FORMULA_START`, or its first character after spaces (any Unicode space) is a sign
    that reads as one, full-width ``＝`` and the other compatibility forms included. The one
    test for every table endorse writes (CSV here; any other sheet format asks it too)."""
    if text[:1] in FORMULA_START:
        return True
    first = text.lstrip()[:1]
    if not first:
        return False
    import unicodedata

    return unicodedata.normalize("NFKC", first)[:1] in FORMULA_START


def cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: never run as a formula. The one guard for every
    CSV endorse writes (use :func:`csv_writer`)."""
    from .terminal import printable

    text = printable(text, keep="\n\r\t")  # a line break stays (quoted); ESC never acts
    return "'" + text if formula_like(text) else text


def md_cell(text: object) -> str:
    """Text for one Markdown line or table cell: a line break (CR, LF or both) is a space, so
    it cannot start a list, a heading or a rule; controls are written out, not obeyed."""
    from .markdown import esc
    from .terminal import printable

    return esc(printable(str(text), keep="\r\n"))


class _GuardedWriter:
    """A csv writer whose text cells go through :func:`cell`, and whose rows with a carriage
    return in a cell are quoted whole: Python's writer leaves a lone CR unquoted, and a
    spreadsheet would split the row there, starting a new line with what follows."""

    def __init__(self, out: IO[str]) -> None:
        self.plain = csv.writer(out, lineterminator="\n")
        self.quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def writerow(self, row: list[object]) -> None:
        cells = [cell(c) if isinstance(c, str) else c for c in row]
        carriage = any(isinstance(c, str) and "\r" in c for c in cells)
        (self.quoted if carriage else self.plain).writerow(cells)


def csv_writer(out: IO[str]) -> _GuardedWriter:
    """The CSV writer for every table endorse writes (check's rows, the bundle's sections)."""
    return _GuardedWriter(out)


class Csv(Writer):
    def start(self) -> None:
        self.writer = csv_writer(self.out)
        if self.validate:
            self.writer.writerow(["file", "valid", "applicant", "error", "error_line"])
        else:
            self.writer.writerow(["file", "applicant", "credential", "qualified", "met",
                                  "requirements_met", "requirements_total", "warnings",
                                  "credentials_met", "error", "error_line", "ready",
                                  "credentials_ready"])

    def row(self, row: Row) -> None:
        error = _error_csv(row) if row.invalid else ""
        line = row.error_line or ""
        file, applicant = row.file, row.applicant or ""
        if self.validate:
            self.writer.writerow([file, "no" if row.invalid else "yes", applicant, error, line])
            return
        yes = {True: "yes", False: "no", None: ""}
        self.writer.writerow([
            file, applicant, row.credential or "", yes[row.qualified],
            yes[row.met], "" if row.invalid else row.requirements_met,
            "" if row.invalid else row.requirements_total, "" if row.invalid else row.warnings,
            " ".join(row.credentials_met), error, line, yes[row.ready],
            " ".join(row.credentials_ready)])


def _cells(text: str) -> int:
    """The columns ``text`` takes at a terminal: 2 for 李, 0 for a combining accent."""
    from rich.cells import cell_len

    return cell_len(text)


def _pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` terminal columns (on the left if ``right``)."""
    room = " " * max(width - _cells(text), 0)
    return room + text if right else text + room


def _fit(text: str, width: int) -> str:
    """``text`` in ``width`` columns, cut on the left (paths) with an ellipsis."""
    if _cells(text) <= width:
        return text
    from rich.cells import set_cell_size

    return "…" + set_cell_size(text[::-1], width - 1)[::-1].lstrip(" ")


def _cut(text: str, width: int) -> str:
    """``text`` in ``width`` columns, cut on the right with an ellipsis."""
    if _cells(text) <= width:
        return text
    from rich.cells import set_cell_size

    return set_cell_size(text, width - 1).rstrip(" ") + "…"


#: The table's headings, short: a column is as wide as its heading, at least.
HEADINGS = {"FILE": 4, "APPLICANT": 18, "CRED": 5, "QUAL": 4, "MET": 3, "READY": 5, "REQS": 5,
            "WARN": 4,
            "STATUS": 7, "DETAIL": 0}
#: The widest a line of the table is.
TABLE_WIDTH = 80


class Table(Writer):
    """Fixed columns for a person at a terminal, 80 wide; an invalid file's error in place.
    Headings, yes and no, and the summary are in the reader's language."""

    def _headings(self) -> dict[str, str]:
        pgettext = self.language.pgettext
        return {"FILE": pgettext("a column of `endorse check`", "FILE"),
                "APPLICANT": pgettext("a column of `endorse check`", "APPLICANT"),
                "CRED": pgettext("a column of `endorse check`: the credential", "CRED"),
                "QUAL": pgettext("a column of `endorse check`: qualified or not", "QUAL"),
                "MET": pgettext("a column of `endorse check`: credential met or not", "MET"),
                "READY": pgettext("a column of `endorse check`: met and nothing else missing",
                                  "READY"),
                "REQS": pgettext("a column of `endorse check`: requirements met", "REQS"),
                "WARN": pgettext("a column of `endorse check`: how many warnings", "WARN"),
                "STATUS": pgettext("a column of `endorse validate`", "STATUS"),
                "DETAIL": pgettext("a column of `endorse validate`", "DETAIL")}

    def start(self) -> None:
        _ = self.language.gettext
        self.yes, self.no = _("yes"), _("no")
        self.valid, self.invalid = _("valid"), _("invalid")
        keys = (("FILE", "STATUS", "DETAIL") if self.validate else
                ("FILE", "APPLICANT", "CRED", "QUAL", "MET", "READY", "REQS", "WARN"))
        headings = self._headings()
        self.heads = [headings[k] for k in keys]
        self.widths = [max(_cells(h), HEADINGS[k]) for h, k in zip(self.heads, keys)]
        if self.validate:
            self.widths[1] = max(self.widths[1], _cells(self.valid), _cells(self.invalid))
        else:
            self.widths[3] = max(self.widths[3], _cells(self.yes), _cells(self.no))
            self.widths[4] = max(self.widths[4], _cells(self.yes), _cells(self.no))
            self.widths[5] = max(self.widths[5], _cells(self.yes), _cells(self.no))
        rest = 0 if self.validate else sum(self.widths[1:]) + 9  # 2, 2, then 1 apart
        widest = min(30, TABLE_WIDTH - rest) if rest else 30
        self.file_width = max(_cells(self.heads[0]),
                              min(max((_cells(f) for f in self.files), default=4), widest))
        self._line(*self.heads)

    def _line(self, *cells: str) -> None:
        file, *rest = cells
        head = _pad(_fit(file, self.file_width), self.file_width)
        if self.validate:
            text = f"{head}  {_pad(rest[0], self.widths[1])}  {rest[1]}"
        elif len(rest) == 1:
            text = f"{head}  {rest[0]}"
        else:
            applicant, cred, qual, met, ready, reqs, warn = rest
            w = self.widths
            text = (f"{head}  {_pad(_cut(applicant, w[1]), w[1])}  {_pad(cred, w[2])} "
                    f"{_pad(qual, w[3])} {_pad(met, w[4])} {_pad(ready, w[5])} "
                    f"{_pad(reqs, w[6], right=True)} {_pad(warn, w[7], right=True)}")
        self.out.write(text.rstrip() + "\n")

    def row(self, row: Row) -> None:
        _ = self.language.gettext
        if self.validate:
            missing = row.missing_said or row.missing  # certificates
            warned = (_("warning: {problems}").format(problems="; ".join(missing))
                      if missing else "")
            detail = _error_text(row, self.language) if row.invalid else warned
            self._line(row.file, self.invalid if row.invalid else self.valid, detail)
        elif row.invalid:
            self._line(row.file, _("INVALID {problem}").format(
                problem=_error_text(row, self.language)))
        else:
            self._line(row.file, row.applicant or "", row.credential or "",
                       self.yes if row.qualified else self.no,
                       self.yes if row.met else self.no,
                       self.yes if row.ready else self.no,
                       f"{row.requirements_met}/{row.requirements_total}", str(row.warnings))

    def end(self, summary: Summary) -> None:
        self.out.write(summary.sentence(self.validate, self.language) + "\n")


class Markdown(Writer):
    """A Markdown table, in the reader's language, with the summary under it."""

    def start(self) -> None:
        _ = self.language.gettext
        self.esc = md_cell
        self.yes, self.no = _("yes"), _("no")
        if self.validate:
            heads = [_("File"), _("Valid"), _("Problem")]
        else:
            heads = [_("File"), _("Applicant"), _("Credential"), _("Qualified"), _("Met"),
                     _("Ready"), _("Requirements met"), _("Warnings"), _("Problem")]
        self.out.write("| " + " | ".join(heads) + " |\n|" + " --- |" * len(heads) + "\n")

    def row(self, row: Row) -> None:
        e = self.esc
        yes, no = self.yes, self.no
        problem = e(_error_text(row, self.language)) if row.invalid else ""
        if self.validate:
            # warnings: missing certificates
            problem = problem or e("; ".join(row.missing_said or row.missing))
            self.out.write(f"| {e(row.file)} | {no if row.invalid else yes} | {problem} |\n")
            return
        if row.invalid:
            self.out.write(f"| {e(row.file)} |  |  |  |  |  |  |  | {problem} |\n")
            return
        met = self.language.gettext("{met} of {total}").format(
            met=row.requirements_met, total=row.requirements_total)
        self.out.write(
            f"| {e(row.file)} | {e(row.applicant)} | {e(row.credential)} | "
            f"{yes if row.qualified else no} | {yes if row.met else no} | "
            f"{yes if row.ready else no} | {met} | {row.warnings} |  |\n")

    def end(self, summary: Summary) -> None:
        self.out.write("\n" + summary.sentence(self.validate, self.language) + "\n")


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str, attribute: bool = False) -> str:
    from xml.sax.saxutils import escape, quoteattr

    clean = _NOT_XML.sub("\ufffd", text)
    return quoteattr(clean) if attribute else escape(clean)


class JUnit(Writer):
    """One testcase per portfolio, a failure exactly when :meth:`FailOn.failure` says so: the
    same policy as the exit code's."""

    def start(self) -> None:
        self.cases: list[str] = []
        self.failures = 0

    def row(self, row: Row) -> None:
        suite = "endorse.validate" if self.validate else "endorse.check"
        head = f"    <testcase classname={_xml(suite, True)} name={_xml(row.file, True)}"
        kind = self.fail_on.failure(row)
        if kind is None:
            self.cases.append(head + " />")
            return
        if kind == "invalid":
            message = _error_csv(row)
            body = message + (f"\nfix: {row.error_fix}" if row.error_fix else "")
        elif kind == "unmet":
            message = (f"{row.credential} is not met: {row.requirements_met} of "
                       f"{row.requirements_total} requirements")
            body = "\n".join(f"missing: {label}" for label in row.missing)
        elif kind == "unready":
            message = (f"{row.credential} is met but not ready: waiting on "
                       f"{', '.join(row.waiting_on)}")
            body = f"see `endorse gaps {row.file} --credential {row.credential}` for each step"
        else:
            message = f"{row.warnings} warning(s)"
            body = f"see `endorse gaps {row.file}` for each warning and its fix"
        self.failures += 1
        self.cases.append(f"{head}>\n      <failure type={_xml(kind, True)} "
                          f"message={_xml(message, True)}>{_xml(body)}</failure>\n"
                          "    </testcase>")

    def end(self, summary: Summary) -> None:
        name = "endorse validate" if self.validate else "endorse check"
        counts = f'tests="{summary.total}" failures="{self.failures}" errors="0"'
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                       f"<testsuites name=\"endorse\" {counts}>\n"
                       f"  <testsuite name={_xml(name, True)} {counts} skipped=\"0\">\n")
        for case in self.cases:
            self.out.write(case + "\n")
        self.out.write("  </testsuite>\n</testsuites>\n")

