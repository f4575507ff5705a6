"""What `endorse renew`, `endorse check --renewal` and `endorse rules` do, from options to
output; the CLI only parses options."""

from __future__ import annotations

import shlex
from pathlib import Path
from collections.abc import Iterator
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
    from ..render import formats

    language = app.language if formats.get(fmt).people else ENGLISH  # JSON: in every language
    report = word_renewal(judge_renewal(portfolio, rules, day), rules, language, str(path))
    app.show(fmt, "renewal", report, str(path))


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

    from ..render import formats
    from .batch import Settings, default_jobs, find, run
    from .check import output_target

    output = output_target(fmt, output, app.terminal.stdout)
    write = formats.writer(fmt, "renewal-rows")  # --renewal's formats
    term, rules_file = app.terminal, app.rules_file
    # The table, Markdown and workbook are read by people: in their language; JSON and CSV stay
    # as they are.
    people = app.language if formats.get(fmt).people else ENGLISH
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
        write(formats.Out(term, people, app.today), rows())
    else:
        from .check import output_file

        with output_file(output, fmt) as out:
            write(formats.Out(Terminal(out, term.stderr, term.language), people, app.today),
                  rows())
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
    from ..render.packs import Listing
    from .credentials import source_words

    app.show(fmt, "rules", Listing(entries, shown, shows_said, _localized_name(
        default, app.language), source_words(DEFAULT_NAME, app.language)))


def _asks(rules: Any) -> list[str]:
    """The keys of ``rules.application`` that are asked, in order."""
    from ..render.packs import ASKS

    return [key for key in ASKS if getattr(rules.application, key)]


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
