"""Realistic synthetic portfolios for the batch benchmark: about 3 jobs, 15 trainings,
40 RS/C sessions and 4 references each, different for every seed.

    python benchmarks/synthetic.py DIR N        # writes DIR/portfolio-00000.toml ...
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

AREAS = ["theoretical-foundations", "law-regulation-policy", "systems-expertise",
         "direct-service-skills", "working-with-others", "communicating", "thinking",
         "reflection", "administration"]
FIRST = ["Ana", "Jordan", "Maya", "Priya", "Sam", "Dana", "Lee", "Rosa", "Kevin", "Grace"]
LAST = ["Lopez", "Rivera", "Thompson", "Natarajan", "Okafor", "Kim", "Bell", "Ortiz"]
TITLES = ["Home Visitor", "Early Interventionist", "Infant-Toddler Teacher", "Family Advocate",
          "Clinician", "Program Manager"]
COURSES = ["Foundations of Infant Mental Health", "Reflective Practice", "Attachment and Loss",
           "Perinatal Mood Disorders", "Observation and Assessment", "Culturally Responsive Care"]


def portfolio(seed: int) -> str:
    rnd = random.Random(seed)
    name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
    day = dt.date(2014, 1, 1) + dt.timedelta(days=rnd.randrange(0, 3000))
    out = [f"# Synthetic portfolio {seed}", "format = 1", "", "[applicant]",
           f'name = "{name}"', f'email = "person{seed}@example.org"',
           f'focus = "{rnd.choice(["promotion", "prevention", "clinical", "leadership"])}"', ""]
    degree = rnd.choice(["cda", "associate", "bachelors", "bachelors", "masters", "doctorate"])
    out += ["[[education]]", f'degree = "{degree}"', 'field = "Human Development"',
            f"completed = {day - dt.timedelta(days=400)}", ""]
    jobs = []
    for j in range(3):
        start = day
        end = start + dt.timedelta(days=rnd.randrange(300, 1200))
        day = end + dt.timedelta(days=rnd.randrange(1, 60))
        lines = ["[[work]]", f'title = "{rnd.choice(TITLES)}"', f'employer = "Agency {rnd.randrange(99)}"',
                 f"start = {start}"]
        if j < 2:
            lines.append(f"end = {end}")
        lines += [f"hours_per_week = {rnd.choice([20, 30, 40])}",
                  f"competencies = {rnd.sample(AREAS, 3)!r}".replace("'", '"'), ""]
        jobs.append((start, end))
        out += lines
    logged_until = dt.date(2026, 11, 1)  # everything is logged before the day judged
    span = max(1, (logged_until - jobs[0][0]).days)
    for _ in range(15):
        when = jobs[0][0] + dt.timedelta(days=rnd.randrange(0, span))
        out += ["[[training]]", f'title = "{rnd.choice(COURSES)}"', 'provider = "State Association"',
                f"date = {when}", f"hours = {rnd.choice([1, 1.5, 2, 3, 6])}",
                f"competencies = {rnd.sample(AREAS, 2)!r}".replace("'", '"'), ""]
    start = min(jobs[-1][0], logged_until - dt.timedelta(days=14 * 40))
    for k in range(40):
        out += ["[[supervision]]", f"date = {start + dt.timedelta(days=14 * k)}",
                f"hours = {rnd.choice([1, 1.5])}", f'provider = "{rnd.choice(FIRST)} {rnd.choice(LAST)}"', ""]
    others = [f"{f} {la}" for f in FIRST for la in LAST if f"{f} {la}" != name]
    for r in range(4):
        out += ["[[reference]]", f'name = "{rnd.choice(others)}"',
                f'email = "ref{seed}-{r}@example.org"',
                f'status = "{rnd.choice(["planned", "requested", "received"])}"', ""]
    return "\n".join(out)


def write(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed in range(count):
        path = folder / f"portfolio-{seed:06d}.toml"
        path.write_text(portfolio(seed), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    write(Path(sys.argv[1]), int(sys.argv[2]))
