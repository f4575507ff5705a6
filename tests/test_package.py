"""What a package index shows: the wheel's metadata and a README that reads the same outside
the repository (no relative link, no picture from the repository)."""

from __future__ import annotations

import re
import tomllib

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_has_no_link_or_picture_that_needs_the_repository() -> None:
    targets = re.findall(r"!?\[[^\]]*\]\(([^)\s]+)[^)]*\)", README)
    local = [t for t in targets if "://" not in t]
    assert local == []  # a relative file, a picture or an in-page anchor (not kept by an index)
    assert "<img" not in README


def test_the_wheel_says_it_is_typed_and_who_made_it() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert (ROOT / "src" / "endorse_cli" / "py.typed").exists()
    assert "Typing :: Typed" in project["classifiers"]
    holder = (ROOT / "LICENSE").read_text(encoding="utf-8").split("Copyright (c) ", 1)[1]
    assert project["authors"] == [{"name": holder.split("\n", 1)[0].split(" ", 1)[1]}]
    assert "urls" not in project  # no public home yet: no address is made up
    for field in ("description", "readme", "license", "requires-python", "keywords"):
        assert project[field]
