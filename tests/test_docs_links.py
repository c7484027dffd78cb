"""The README and docs/ are the project's front door: every relative link in them points at a file that exists,
and every #anchor at a heading of that file (GitHub's anchor rule: lower case, spaces to hyphens, punctuation
dropped)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from market_warehouse.project import PACKAGE_ROOT

LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
DOCUMENTS = [PACKAGE_ROOT / "README.md", *sorted((PACKAGE_ROOT / "docs").glob("*.md"))]


def anchors(path: Path) -> set[str]:
    headings = re.findall(r"^#+\s+(.*)$", path.read_text(encoding="utf-8"), flags=re.M)
    return {re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-") for heading in headings}


def prose(path: Path) -> str:
    """The text without code: fenced blocks and inline code show links as examples, not as links."""
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.M | re.S)
    return re.sub(r"`[^`]*`", "", text)


@pytest.mark.parametrize("document", DOCUMENTS, ids=[str(d.relative_to(PACKAGE_ROOT)) for d in DOCUMENTS])
def test_every_relative_link_resolves(document):
    broken = []
    for target in LINK.findall(prose(document)):
        if re.match(r"^[a-z]+:", target):
            continue  # http(s), mailto: not this test's business
        path_part, _, anchor = target.partition("#")
        path = (document.parent / path_part).resolve() if path_part else document
        if not path.exists():
            broken.append(target)
        elif anchor and path.suffix == ".md" and anchor not in anchors(path):
            broken.append(target)
    assert broken == [], f"{document.name}: broken links {broken}"
