"""What a submission bundle says: the tables, the coverage matrix and the RS/C chart, as plain
data for the templates and the CSV files. No files are read or written here."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..engine.dates import add_months, days_in
from ..i18n import ENGLISH, Language, N_
from ..model.portfolio import Portfolio
from ..model.results import Assessment, CredentialResult
from ..model.rules import Rules
from ..render.sentences import Words, grouped, quantity, sentence
from ..render.words import expectation, ready_once, status, waiting_steps


def _text(value: Any) -> str:
    """A value in a table or CSV file: as in the portfolio, the same in every language."""
    if value is None or value == []:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


#: The columns of each section's table and CSV file: (key, heading).
#: The headings are English in the CSV files (read by programs) and translated on the pages.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "education": (("degree", N_("Degree")), ("field", N_("Field")),
                  ("institution", N_("Institution")), ("completed", N_("Completed"))),
    "work": (("title", N_("Job title")), ("employer", N_("Employer")), ("start", N_("Start")),
             ("end", N_("End")), ("infant_family", N_("In the field")), ("paid", N_("Paid")),
             ("hours_per_week", N_("Hours a week")), ("families_served", N_("Families served")),
             ("supervisor", N_("Supervisor")), ("competencies", N_("Competency areas"))),
    "training": (("date", N_("Date")), ("title", N_("Title")), ("provider", N_("Provider")),
                 ("hours", N_("Hours")), ("imh", N_("IMH (0-3)")),
                 ("competencies", N_("Competency areas")), ("certificate", N_("Certificate"))),
    "supervision": (("date", N_("Date")), ("hours", N_("Hours")), ("format", N_("Format")),
                    ("provider", N_("Provider")),
                    ("provider_credential", N_("Provider's credential")), ("notes", N_("Notes"))),
    "reference": (("name", N_("Name")), ("role", N_("Role")), ("email", N_("Email")),
                  ("phone", N_("Phone")), ("status", N_("Rating")),
                  ("requested", N_("Requested"))),
}
#: File names of the sections' CSV files.
CSV_NAMES = {"education": "education.csv", "work": "work.csv", "training": "training.csv",
             "supervision": "supervision.csv", "reference": "references.csv"}


#: The columns that hold a day: never broken across lines on a page.
DAYS = ("date", "start", "end", "completed", "requested")
#: The key a section's entries are shown in order of, on a page.
IN_ORDER = {"work": "start", "training": "date", "supervision": "date"}

#: The columns whose values are the format's own words, and the key of their labels.
LABELLED = {"degree": "degree", "competencies": "area", "role": "role", "status": "status",
            "format": "format"}


def shown_columns(rules: Any) -> dict[str, tuple[tuple[str, str], ...]]:
    """The columns of each section that people read: a question rules packs ask (whether a
    job was paid) is shown only under rules that read it; under others it was never asked,
    and its default would say what the applicant never said."""
    from ..interview.fields import ASKED_WHEN, asked_in_force

    in_force = asked_in_force(rules)
    return {section: tuple((key, heading) for key, heading in columns
                           if (section, key) not in ASKED_WHEN or (section, key) in in_force)
            for section, columns in COLUMNS.items()}


def rows(portfolio: Portfolio, section: str, words: Words | None = None,
         columns: tuple[tuple[str, str], ...] | None = None) -> list[list[str]]:
    """The section's entries as rows of text. With ``words``, the format's values are shown
    by their labels (Bachelor's degree, RS/C provider), and dates, numbers and yes or no in
    the reader's language, as people read them, and dated entries in date order (the file's
    order among the same day); without, as the file has them, in its order (the CSV files,
    for scripts)."""
    def cell(entry: Any, key: str) -> str:
        value = getattr(entry, key)
        if words is None or value in (None, []):
            return _text(value)
        if key not in LABELLED:
            return _shown(value, words.language)
        if isinstance(value, list):
            return ", ".join(words.value(LABELLED[key], v) for v in value)
        return words.value(LABELLED[key], value)

    entries = list(getattr(portfolio, section))
    key = IN_ORDER.get(section)
    if words is not None and key is not None:
        entries.sort(key=lambda e: getattr(e, key))
    return [[cell(entry, key) for key, _ in columns or COLUMNS[section]] for entry in entries]


def _shown(value: Any, language: Language) -> str:
    """A value on a page in the reader's language: ``sí``, ``6,5``, ``14 de marzo de 2025``."""
    if isinstance(value, bool):
        return language.gettext("yes") if value else language.gettext("no")
    if isinstance(value, dt.date):
        return language.day(value)
    if isinstance(value, (int, float)):
        return language.number(value)
    return _text(value)


def coverage(portfolio: Portfolio, rules: Rules, areas: list[str],
             language: Language = ENGLISH) -> list[dict[str, Any]]:
    """For each area, the entries (training and work) that name it."""
    _ = language.gettext
    matrix = []
    for area in areas:
        label = rules.areas[area].label if area in rules.areas else area
        by = [_("Training: {title} ({date})").format(title=t.title, date=language.day(t.date))
              for t in portfolio.training if area in t.competencies]
        by += [_("Work: {title}").format(title=w.title) for w in portfolio.work
               if area in w.competencies]
        matrix.append({"area": area, "label": label, "entries": by, "covered": bool(by)})
    return matrix


#: The widest a month's bar may be, in pixels: one month of RS/C is one bar, not the chart.
MONTH_WIDTH = 48


def chart(portfolio: Portfolio, credential: CredentialResult, as_of: dt.date,
          width: int = 640, height: int = 200,
          language: Language = ENGLISH, rules: Rules | None = None) -> dict[str, Any] | None:
    """An SVG bar chart of RS/C hours by month, with the best window of the credential's RS/C
    requirement marked; plain geometry for the template to draw, and a text alternative. The
    hours are numbers, for the template to write with the language's decimal mark; the hours
    said to be in the window are those it holds (found by the engine's scan under ``rules``),
    not the requirement's ``have``, the most in any window."""
    sessions = sorted((s.date, s.hours) for s in portfolio.supervision if s.date <= as_of)
    if not sessions:
        return None
    first, last = sessions[0][0].replace(day=1), sessions[-1][0].replace(day=1)
    months: list[dt.date] = []
    day = first
    while day <= last:
        months.append(day)
        day = add_months(day, 1)  # held at the calendar's last day: the loop ends
    totals = {m: 0.0 for m in months}
    for date, hours in sessions:
        totals[date.replace(day=1)] += hours
    peak = max(totals.values()) or 1
    left, bottom, top = 40, 30, 24  # the top margin holds the best window's label
    plot_w, plot_h = width - left - 10, height - bottom - top
    bar_w = min(plot_w / len(months), MONTH_WIDTH)  # a month or two: bars, not slabs
    bars = []
    for i, month in enumerate(months):
        h = totals[month] / peak * plot_h
        if not totals[month]:
            continue  # a month without RS/C is an empty place on the axis, not a bar
        bars.append({"x": round(left + i * bar_w + 1, 1), "y": round(top + plot_h - h, 1),
                     "w": round(max(bar_w - 2, 1), 1), "h": round(h, 1),
                     "month": language.month_year(month), "hours": totals[month]})
    window = None
    rsc = next((r for r in credential.requirements if r.kind == "supervision" and r.applies), None)
    if rsc is not None and getattr(rsc.details, "window_start", None):
        start = rsc.details.window_start.replace(day=1)
        end = rsc.details.window_end.replace(day=1)
        inside = [i for i, m in enumerate(months) if start <= m <= end]
        if inside:
            window = {"x": round(left + inside[0] * bar_w, 1), "y": top,
                      "w": round(len(inside) * bar_w, 1), "h": plot_h,
                      "start": rsc.details.window_start.isoformat(),
                      "end": rsc.details.window_end.isoformat(),
                      "hours": _window_hours(portfolio, rules, credential, rsc, as_of)}
    _, number = language.gettext, language.number
    summary = language.ngettext(
        "RS/C hours by month from {first} to {last}: {count} session, {hours} hours in all, at "
        "most {peak} in a month.",
        "RS/C hours by month from {first} to {last}: {count} sessions, {hours} hours in all, "
        "at most {peak} in a month.", len(sessions)).format(
            first=language.month_year(months[0]), last=language.month_year(months[-1]),
            count=len(sessions), hours=number(sum(h for _d, h in sessions)), peak=number(peak))
    if window:
        summary += " " + _("The best window, {start} to {end}, holds {hours} hours.").format(
            start=language.day(rsc.details.window_start), end=language.day(rsc.details.window_end),
            hours=number(window["hours"]))
    return {"width": width, "height": height, "bars": bars, "window": window,
            "peak": peak, "axis_y": top + plot_h, "plot_h": plot_h, "left": left,
            "summary": summary,
            "first": language.short_month(months[0]),
            "last": language.short_month(months[-1]) if len(months) > 1 else None,
            "last_x": round(left + len(months) * bar_w, 1)}


def _window_hours(portfolio: Portfolio, rules: Rules | None, credential: CredentialResult,
                  rsc: Any, as_of: dt.date) -> Any:
    """The hours in the window the RS/C requirement ``rsc`` names, as the engine finds it."""
    from ..engine.facts import count_facts
    from ..engine.kinds import Judging, hours
    from ..engine.kinds.supervision import named_window
    from ..model.rules import SupervisionReq

    req = next((r for c in (rules.credential if rules else ()) if c.id == credential.id
                for r in c.requirement if r.id == rsc.id and isinstance(r, SupervisionReq)), None)
    if rules is None or req is None:
        return rsc.have
    return hours(named_window(req, Judging(count_facts(portfolio, as_of), rules,
                                           portfolio=portfolio)).hours)


def field_days(portfolio: Portfolio, as_of: dt.date) -> int:
    """Days of infant/family work, merged, up to the as-of date."""
    from ..engine.facts import field_periods

    return days_in(field_periods(portfolio.work, as_of))


def attestations(portfolio: Portfolio, rules: Rules,
                 language: Language = ENGLISH) -> list[dict[str, Any]]:
    """What the rules ask at application besides the requirements (the signed Code of Ethics
    and Endorsement Agreement, the membership), each with its day or "not given"; none when
    the rules ask none of it (the default rules)."""
    _ = language.gettext
    asks, applicant = rules.application, portfolio.applicant
    shown = [("code_of_ethics", N_("Code of Ethics signed"), applicant.code_of_ethics),
             ("endorsement_agreement", N_("Endorsement Agreement signed"),
              applicant.endorsement_agreement),
             ("membership", N_("Association membership runs to"), applicant.membership_end)]
    return [{"label": _(label), "day": language.day(day) if day else None,
             "given": day is not None}
            for key, label, day in shown if getattr(asks, key)]


def context(portfolio: Portfolio, rules: Rules, result: Assessment, chosen: CredentialResult,
            why: str, *, attachments: list[str], missing: list[str], version: str,
            file_name: str, language: Language = ENGLISH) -> dict[str, Any]:
    """Everything the templates show, in ``language`` (the rules file's words in it too)."""
    if not language.english:
        from ..model.texts import localized

        rules = localized(rules, language.code)
    areas = next((list(getattr(r.details, "missing", [])) for r in chosen.requirements
                  if r.kind == "competencies"), [])
    wanted = next((getattr(req, "areas", None) for c in rules.credential if c.id == chosen.id
                   for req in c.requirement if getattr(req, "areas", None)), None)
    checklist = [{"label": r.label, "met": r.met, "applies": r.applies,
                  "status": "does not apply" if not r.applies else ("met" if r.met else "missing"),
                  "standing": r.standing, "when": expectation(r, language), "next": r.next_step,
                  "qualification": r.qualification} for r in chosen.requirements]
    days = field_days(portfolio, result.as_of)
    words = Words(rules, language)
    columns = shown_columns(rules)
    draft = None if chosen.met else language.gettext(
        "Draft: {id} is not met yet ({met} of {total} requirements met). This bundle is for "
        "review, not yet for submission: the checklist below shows what is missing.").format(
            id=chosen.id, met=chosen.met_count, total=chosen.total)
    if chosen.met and not chosen.ready:
        draft = language.gettext(
            "Draft: every requirement of {id} is met, and it is ready once {waits}. This "
            "bundle is for review, not yet for submission.").format(
                id=chosen.id, waits=ready_once(chosen, language))
    return {
        "draft": draft,
        #: Where the credential stands, as every other output says it: "Every requirement
        #: met (6 of 6); ready once your 2 remaining ratings are received."
        "status": sentence(status(chosen, language)) + ".",
        "waiting": waiting_steps(chosen),
        "attestations": attestations(portfolio, rules, language),
        "applicant": portfolio.applicant,
        "file": file_name,
        "as_of": result.as_of.isoformat(),
        "credential": chosen,
        "why": why,
        "recommended": result.recommended,
        "checklist": checklist,
        "sections": {name: {"columns": [language.gettext(h) for _, h in columns[name]],
                            "rows": rows(portfolio, name, words, columns[name]),
                            "days": [i for i, (key, _) in enumerate(columns[name])
                                     if key in DAYS]}
                     for name in COLUMNS},
        "field_days": days,
        "field_years": f"{days * 100 // 365 / 100:.2f}".replace(".", language.decimal_mark),
        "exam": portfolio.exam,
        "exam_status": words.value("status", portfolio.exam.status) if portfolio.exam else None,
        "coverage": coverage(portfolio, rules, wanted or [], language),
        "missing_areas": areas,
        "chart": chart(portfolio, chosen, result.as_of, language=language, rules=rules),
        "rsc_logs": rsc_logs(portfolio, rules, chosen, language, result.as_of),
        "warnings": grouped(result.warnings, language, result.file, result.rules_option),
        "attachments": attachments,
        "missing_attachments": missing,
        "version": version,
        "rules": rules.name,
    }


def _window_months(rules: Rules, chosen: CredentialResult) -> int | None:
    """The months of the RS/C window to look for on a provider's log: the one of the
    credential's RS/C requirement, else of the first RS/C requirement the rules have."""
    from ..model.rules import SupervisionReq

    for r in chosen.requirements:
        months = getattr(r.details, "window_months", None)
        if r.kind == "supervision" and months:
            return int(months)
    return next((req.window_months for c in rules.credential for req in c.requirement
                 if isinstance(req, SupervisionReq) and req.window_months), None)


def nowrap(text: object) -> Any:
    """A date as HTML that never breaks across two lines."""
    from markupsafe import Markup

    return Markup('<span class="date">{}</span>').format(text)


def rsc_logs(portfolio: Portfolio, rules: Rules, chosen: CredentialResult,
             language: Language = ENGLISH, as_of: dt.date | None = None) -> list[dict[str, Any]]:
    """One log to sign for each RS/C provider, as the portfolio names her (the same name,
    written the same way), in the order she first appears: her sessions by date, with the
    totals and the window of months with most hours (found by the engine's own scan, of her
    sessions up to ``as_of``, and named as `gaps` names a window: by the days of its first and
    last sessions, never a day after ``as_of``), in ``language``. Every session she is named
    for is on her log, whatever its date."""
    from markupsafe import Markup, escape

    from ..engine.facts import UNITS, units
    from ..engine.windows import scan

    def day(value: dt.date) -> Any:
        return nowrap(language.day(value))

    by_provider: dict[str, list[Any]] = {}
    for session in portfolio.supervision:
        by_provider.setdefault(session.provider, []).append(session)
    months = _window_months(rules, chosen)
    words = Words(rules, language)
    logs = []
    for provider, sessions in by_provider.items():
        sessions = sorted(sessions, key=lambda s: s.date)  # stable: the file's order on a day
        window = None
        counted = [s for s in sessions if as_of is None or s.date <= as_of]
        if months and counted:
            found = scan([(s.date, units(s.hours)) for s in counted], months).most
            window = {"months": months, "first": found.first_session,
                      "last": found.last_session,
                      "hours": found.hours / UNITS, "sessions": found.sessions}
        by_format: dict[str, int] = {}
        for s in sessions:
            by_format[s.format] = by_format.get(s.format, 0) + units(s.hours)
        endorsements = list(dict.fromkeys(s.provider_credential for s in sessions
                                          if s.provider_credential))
        total = sum(units(s.hours) for s in sessions) / UNITS
        span = window and (day(window["first"]) if window["sessions"] == 1 else
                           escape(language.gettext("sessions {first} to {last}")).format(
                               first=day(window["first"]), last=day(window["last"])))
        logs.append({
            "provider": provider,
            "endorsements": endorsements,
            "rows": [{"number": n, "date": language.day(s.date),
                      "hours": language.number(s.hours),
                      "format": words.value("format", s.format),
                      "in_window": window is not None
                      and window["first"] <= s.date <= window["last"]}
                     for n, s in enumerate(sessions, 1)],
            "sessions": len(sessions),
            "totals": language.ngettext(
                "{count} session, {hours} in all", "{count} sessions, {hours} in all",
                len(sessions)).format(count=len(sessions),
                                      hours=quantity(total, "hours", language)),
            "by_format": "; ".join(
                language.gettext("{format}: {hours}").format(
                    format=words.value("format", f),
                    hours=quantity(by_format[f] / UNITS, "hours", language))
                for f in ("individual", "group") if f in by_format),
            "window": window and escape(language.ngettext(
                "The {months} months with the most hours hold {hours} in {count} session "
                "({span}, marked in the last column).",
                "The {months} months with the most hours hold {hours} in {count} sessions "
                "({span}, marked in the last column).", window["sessions"])).format(
                    months=months, span=span, count=window["sessions"],
                    hours=quantity(window["hours"], "hours", language)),
        })
    return logs
