"""`endorse report`: judge every portfolio as `endorse check` does, add the rows up as they
stream in, and write the page and the numbers."""

from __future__ import annotations

from heapq import merge
from pathlib import Path

from ..errors import UsageError
from ..model.message import N_
from .context import Application, parse_day_option

#: Files that could not be read are listed on stderr too, up to this many.
SHOWN_UNREADABLE = 10


def report(app: Application, paths: list[str], *, out: Path | None, credential: str | None,
           review_date: str | None, jobs: int | None, exclude: list[str]) -> list[Path]:
    """Write report.html, report.csv and report.json for the portfolios ``paths`` name."""
    from ..render.progress import Progress
    from ..report.cohort import Tally
    from ..report.page import write
    from .batch import Settings, default_jobs, find, from_stdin, run

    day = app.as_of
    review = parse_day_option("--review-date", review_date, app.language,
                                       example="2027-03-31") if review_date is not None else None
    if review is not None and review < day:
        raise UsageError(N_("--review-date {review} is before the day judged, {day}"),
                         fix=N_("give the next review date, on or after --as-of (default: "
                                "today)"),
                         review=app.language.day(review), day=app.language.day(day))
    rules = app.rules
    credential = app.credential(credential)
    files, missing = find(paths, exclude, app.language.code)
    from ..report.cohort import renewal_in

    settings = Settings.of(app, credential=credential, renewal=renewal_in(rules),
                           documents=True)
    missing += from_stdin(files, settings)
    term = app.terminal
    tally = Tally(rules, rules_name=rules.name, as_of=day, review_date=review,
                  credential=credential)
    progress = Progress(term.stderr, len(files) + len(missing), language=app.language)
    rows = merge(sorted(missing, key=lambda r: r.file),
                 run(files, settings, jobs or default_jobs()), key=lambda r: r.file)
    try:
        for row in rows:  # each row is added up, then let go
            tally.add(row)
            progress.step()
    finally:  # stopped or not, the bar is wiped before any message is shown
        progress.done()
    cohort = tally.cohort()
    language = app.language
    _, n_ = language.gettext, language.ngettext
    written = write(cohort, out or Path.cwd(), language, rules, tally.said)
    for unread, said in zip(cohort.unreadable[:SHOWN_UNREADABLE], tally.said):
        place = _(", line {number}").format(number=unread.line) if unread.line else ""
        term.message(f"{unread.file}{place}: {said.reason}", label="not read",
                     style="33")
    if cohort.invalid > SHOWN_UNREADABLE:
        more = cohort.invalid - SHOWN_UNREADABLE
        term.message(n_("{count} more, listed in the report",
                        "{count} more, listed in the report", more).format(count=more),
                     label="not read", style="33")
    unread = (n_("; {count} could not be read (listed in the report)",
                 "; {count} could not be read (listed in the report)",
                 cohort.invalid).format(count=cohort.invalid) if cohort.invalid else "")
    judged = n_("{count} portfolio judged", "{count} portfolios judged",
                cohort.judged).format(count=cohort.judged)
    term.message(judged + unread, label="report", style="32")
    term.message(", ".join(str(p) for p in written), label="written", style="32")
    return written
