"""What `endorse renew`, `endorse check --renewal` and `endorse rules` do, from options to
output; the CLI only parses options."""

from __future__ import annotations

import datetime as dt
import json
import shlex
from pathlib import Path
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import ExitCode, RulesError, UsageError
from ..model.failon import FailOn, Failure
from ..model.message import N_
from ..i18n import ENGLISH, Language
from ..render.terminal import Terminal
from .context import Application



def _rules_with_renewal(rules_file: Path | None, term: Terminal | None = None,
                        portfolio: Any = None) -> Any:
    from ..io.rules_file import load_rules

    if rules_file is None and portfolio is not None and portfolio.endorsement:
        from ..api import pack_for

        rules_file = pack_for(portfolio)
        if rules_file is not None and term is not None:
            term.message(term.language.gettext(
                "judged by the rules pack {pack}, which holds {endorsement}; choose others "
                "with --rules").format(pack=rules_file.stem,
                                       endorsement=portfolio.endorsement[0].credential),
                label="note", style="2")
    loaded = load_rules(rules_file)
    if loaded.value.renewal is None:
        raise UsageError(N_("{rules} have no yearly renewal"),
                         fix=N_("use a rules pack that has one, with --rules NAME: {packs} "
                                "(`endorse rules` lists them)"),
                         rules=loaded.name, packs=", ".join(_packs_with_renewal()))
    return loaded.value


def _packs_with_renewal() -> list[str]:
    """The shipped packs that have a yearly renewal, by name."""
    from ..io.rules_file import load_rules, pack_names, packs_dir

    return [name for name in pack_names()
            if load_rules(packs_dir() / f"{name}.toml").value.renewal is not None]


def renew(app: Application, file: str | None, *, fmt: str) -> None:
    """Each endorsement the portfolio holds, year by year, and what the year now running needs."""
    from ..engine.renewal import renew as judge_renewal
    from ..io.portfolio_file import read_portfolio
    from ..render import renewal as view
    from ..render.sentences import word_renewal

    term, rules_file, day = app.terminal, app.rules_file, app.as_of
    path = app.portfolio(file)
    portfolio = read_portfolio(path).value
    if not portfolio.endorsement:
        raise UsageError(N_("{path} names no Endorsement® you hold"),
                         fix=N_("add the endorsement you hold, the day it was granted and the "
                                "day your membership runs to, e.g. {example}; to apply for one, "
                                "see {gaps}"),
                         path=path, gaps=f"`endorse gaps {shlex.quote(str(path))}`",
                         example=f"`endorse add endorsement {shlex.quote(str(path))} "
                                 f"--credential {app.rules.credential[0].id} --endorsed "
                                 "2023-06-14 --membership-end 2026-12-31`")
    rules = _rules_with_renewal(rules_file, term, portfolio)
    language = app.language if fmt != "json" else ENGLISH  # JSON: the same in every language
    report = word_renewal(judge_renewal(portfolio, rules, day), rules, language, str(path))
    if fmt == "ics":
        from ..render import ics

        term.calendar(ics.renewal(report, language, app.today))
    elif fmt == "text":
        view.text(term.console, report, str(path), language)
    elif fmt == "markdown":
        term.data(view.markdown(report, str(path), language))
    else:
        term.data(view.as_json(report, str(path)))


COLUMNS = ("file", "name", "credential", "status", "due", "days_left", "missing")


def check_renewal(app: Application, paths: list[str], *, fmt: str, exclude: list[str],
                  output: Path | None = None, jobs: int | None = None,
                  time_limit: float | None = None, credential: str | None = None,
                  fail_on: FailOn | None = None) -> ExitCode:
    """One row per endorsement held in each portfolio: its renewal status, due day, what is
    missing; on stdout, or into ``output``. ``credential``: only that endorsement's rows (a
    portfolio that does not hold it is one row, ``not endorsed``). The exit code is the one
    ``fail_on`` asks for (by default :meth:`FailOn.default`), as `check`'s. The files go
    through `check`'s own run(): the same processes, the same time limit, the rows written
    as they come."""
    from heapq import merge

    from .batch import Settings, default_jobs, find, run
    from .check import output_target

    output = output_target(fmt, output, app.terminal.stdout)

    if fmt == "junit":
        raise UsageError(N_("--renewal does not write JUnit XML"),
                         fix=N_("use --format table, json, jsonl, csv or markdown"))
    term, rules_file = app.terminal, app.rules_file
    # The table, Markdown and workbook are read by people: in their language; JSON and CSV stay
    # as they are.
    people = app.language if fmt in ("table", "markdown", "xlsx") else ENGLISH
    rules = _rules_with_renewal(rules_file) if rules_file is not None else None
    named = (app.credential(credential, _endorsement_codes(rules)) if credential is not None
             else None)
    policy = fail_on or FailOn.default(named)
    settings = Settings.of(app, time_limit=time_limit, renewal_rows=True, renewal_rules=rules,
                           renewal_language=people.code)
    files, missing = find(paths, exclude, app.language.code)
    failures: set[Failure] = set()

    def rows() -> Iterator[dict[str, Any]]:
        judged = run(files, settings, jobs or default_jobs(), reader_gone=term.reader_gone)
        for row in merge(sorted(missing, key=lambda r: r.file), judged, key=lambda r: r.file):
            held = list(row.renewal_rows) or [
                {"file": row.file, "name": row.applicant or "", "credential": "",
                 "status": "invalid", "due": "", "days_left": "", "missing": row.error or ""}]
            if named is not None:
                held = _held(held, named)
            for r in sorted(held, key=lambda r: str(r["credential"])):
                kind = policy.renewal_failure(str(r["status"]))
                if kind is not None:
                    failures.add(kind)
                yield r

    if output is None:
        _write(term, rows(), fmt, people)
    else:
        from .check import WORKBOOKS, output_file

        with output_file(output, fmt) as out:
            if fmt in WORKBOOKS:
                _workbook(out, rows(), app.language)
            else:
                _write(Terminal(out, term.stderr, term.language), rows(), fmt, people)
        term.message(str(output), label="written", style="32")
    return FailOn.exit_code(failures)


def _endorsement_codes(rules: Any) -> list[str]:
    """The endorsements `check --renewal --credential` can name: those of ``rules``, else of
    every shipped pack with a yearly renewal (each portfolio is judged by the one that holds
    its endorsement)."""
    from ..io.rules_file import load_rules, pack_names, packs_dir

    every = [rules] if rules is not None else [
        r for r in (load_rules(packs_dir() / f"{name}.toml").value for name in pack_names())
        if r.renewal is not None]
    return sorted({code for r in every for code in r.endorsements}
                  | {c.id for r in every for c in r.credential})


def _held(rows: list[dict[str, Any]], named: str) -> list[dict[str, Any]]:
    """The rows of one portfolio about the endorsement ``named``; one ``not endorsed`` row
    for it when the portfolio holds no such endorsement (a file that could not be read stays
    as it is)."""
    kept = [r for r in rows if r["status"] == "invalid" or r["credential"] == named]
    return kept or [{"file": rows[0]["file"], "name": rows[0]["name"], "credential": named,
                     "status": "not endorsed", "due": "", "days_left": "", "missing": ""}]


def _workbook(out: Any, rows: Iterable[dict[str, Any]], language: Language) -> None:
    """The rows as a workbook: the due day a date, the days left a number, the headings and
    the statuses in ``language``, as the table has them."""
    from ..render.sentences import RenewalWords
    from ..render.xlsx import workbook

    _ = language.gettext
    status = RenewalWords.status_words(language)
    heads = [_("File"), _("Name"), _("Endorsement"), _("Status"), _("Due"), _("Days left"),
             _("Missing")]
    workbook(out, [(_("Renewal"), heads, (
        [r["file"], r["name"], r["credential"], status.get(r["status"], r["status"]),
         dt.date.fromisoformat(r["due"]) if r["due"] else None,
         None if r["days_left"] == "" else r["days_left"], r["missing"]] for r in rows))],
             {_("Renewal"): [30, 24, 14, 12, 12, 10, 50]})


def _write(term: Terminal, rows: Iterable[dict[str, Any]], fmt: str,
           language: Language = ENGLISH) -> None:
    """The rows, each written as it comes: JSON and CSV as they are (English keys and values,
    for scripts); the table and Markdown in ``language``, with days as people read them."""
    from ..render.json_out import inert

    if fmt == "json":
        first = True
        for r in rows:
            text = inert(json.dumps(r, ensure_ascii=False, indent=2)).replace("\n", "\n  ")
            term.data(("[\n  " if first else ",\n  ") + text)
            first = False
        term.data("[]\n" if first else "\n]\n")
        return
    if fmt == "jsonl":
        for r in rows:
            term.data(inert(json.dumps(r, ensure_ascii=False)) + "\n")
        return
    if fmt == "csv":  # through the one guard against formulas and line breaks in cells
        from ..render.rows import csv_writer

        writer = csv_writer(term.stdout)
        writer.writerow(COLUMNS)
        for r in rows:
            writer.writerow([r[c] for c in COLUMNS])
        return
    from ..render.sentences import RenewalWords

    _ = language.gettext
    status = RenewalWords.status_words(language)

    def due(r: dict[str, Any]) -> str:
        return language.day(dt.date.fromisoformat(r["due"])) if r["due"] else ""

    def left(r: dict[str, Any]) -> str:
        days = r["days_left"]
        return "" if days == "" else language.ngettext(
            "{count} day left", "{count} days left", days).format(count=days)

    if fmt == "markdown":
        from ..render.rows import md_cell

        heads = [_("File"), _("Name"), _("Endorsement"), _("Status"), _("Due"), _("Days left"),
                 _("Missing")]
        term.data("| " + " | ".join(heads) + " |\n|" + " --- |" * len(heads) + "\n")
        for r in rows:
            term.data("| " + " | ".join(md_cell(c) for c in (
                r["file"], r["name"], r["credential"], status.get(r["status"], r["status"]),
                due(r), r["days_left"], r["missing"])) + " |\n")
        return
    from ..render.text import INDENT, say

    for r in rows:
        who = ", ".join(str(x) for x in (r["name"], r["credential"]) if x)
        when = f" {due(r)} ({left(r)})" if r["due"] else ""
        say(term.console, f"{r['file']}: {who}: {status.get(r['status'], r['status'])}{when}",
            indent=INDENT, first="")
        if r["missing"]:
            say(term.console, _("missing: {what}").format(what=r["missing"])
                if r["status"] in ("due", "late") else r["missing"], indent=INDENT * 2,
                first=" " * INDENT)


def list_rules(app: Application, *, fmt: str) -> None:
    """The default rules and every rules pack shipped, with their sources and dates."""
    term = app.terminal
    from ..io.rules_file import DEFAULT_NAME, load_rules, pack_names, packs_dir

    entries = []
    shown: dict[str, str] = {}  # each pack's title in the reader's language
    shows_said: dict[str, list[str]] = {}  # what each source shows of its dates, likewise
    default = load_rules().value
    entries.append({"name": "(default)", "file": "data/credentials.toml", "title": default.name,
                    "effective": None, "checked": None, "renewal": default.renewal is not None,
                    "credentials": [c.id for c in default.by_level()], "sources": [],
                    "application": _asks(default)})
    for name in pack_names():
        try:
            rules = load_rules(packs_dir() / f"{name}.toml").value
        except RulesError:
            raise
        pack = rules.pack
        shown[name] = _localized_title(rules, app.language)
        if not app.language.english and pack is not None:
            from ..model.texts import localized

            said = localized(rules, app.language.code).pack
            shows_said[name] = [s.shows for s in (said.source if said else ())]
        entries.append({
            "name": name, "file": f"data/packs/{name}.toml",
            "title": pack.title if pack else rules.name,
            "effective": pack.effective.isoformat() if pack else None,
            "checked": pack.checked.isoformat() if pack else None,
            "renewal": rules.renewal is not None,
            "credentials": [c.id for c in rules.by_level()],
            "application": _asks(rules),
            "sources": [{"key": s.key, "title": s.title, "url": s.url, "shows": s.shows}
                        for s in (pack.source if pack else ())]})
    if fmt == "json":
        from ..render.json_out import inert

        term.data(inert(json.dumps(entries, ensure_ascii=False, indent=2)) + "\n")
        return
    from .credentials import source_words

    language = app.language
    _ = language.gettext
    default_title = _localized_name(default, language)
    lines: list[str] = []
    md = fmt == "markdown"
    for e in entries:
        default_entry = e["name"] == "(default)"
        name = _("(default)") if default_entry else e["name"]
        title = default_title if default_entry else shown[e["name"]]
        head = f"{name}: {title}"
        lines.append(f"## {head}" if md else head)
        if md:
            lines.append("")
        details = [_("credentials: {ids}").format(ids=", ".join(e["credentials"])),
                   _("yearly renewal: {answer}").format(
                       answer=_("yes") if e["renewal"] else _("no")),
                   _("asked at application besides the requirements: {what}").format(
                       what=", ".join(_(ASKS[a]) for a in e["application"]) or _("nothing"))]
        if default_entry:
            details.insert(0, _("{rules}; used when --rules is not given").format(
                rules=source_words(DEFAULT_NAME, language)))
        else:
            details.insert(0, _("use with --rules {name}; applies from {effective}, sources "
                                "checked {checked}").format(
                name=e["name"], effective=_day(e["effective"], language),
                checked=_day(e["checked"], language)))
        lines += [("- " if md else "  ") + d for d in details]
        if e["sources"]:
            lines.append(("- " if md else "  ") + _("sources:"))
            said = shows_said.get(e["name"])
            for i, s in enumerate(e["sources"]):
                shows = said[i] if said else s["shows"]
                shows = f" ({shows})" if shows else ""
                title = s["title"] if said is None else _("“{title}”").format(title=s["title"])
                lines.append(("  - " if md else "    - ") + f"{title}{shows}: {s['url']}")
        lines.append("")
    term.data("\n".join(lines))


#: What an application may ask besides the requirements (a rules file's ``[application]``).
ASKS = {"code_of_ethics": N_("a signed Code of Ethics"),
        "endorsement_agreement": N_("a signed Endorsement Agreement"),
        "membership": N_("a current membership")}


def _asks(rules: Any) -> list[str]:
    """The keys of ``rules.application`` that are asked, in order."""
    return [key for key in ASKS if getattr(rules.application, key)]


def _day(iso: str | None, language: Language) -> str:
    return language.day(dt.date.fromisoformat(iso)) if iso else ""


def _localized_title(rules: Any, language: Language) -> str:
    """A pack's title in ``language`` (its ``[i18n]`` words), else its own."""
    if not language.english:
        from ..model.texts import localized

        rules = localized(rules, language.code)
    return rules.pack.title if rules.pack else rules.name


def _localized_name(rules: Any, language: Language) -> str:
    """The rules' name in ``language`` (their ``[i18n]`` words), else their own."""
    if language.english:
        return rules.name
    from ..model.texts import localized

    return localized(rules, language.code).name
