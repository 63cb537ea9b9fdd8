"""Rendered Markdown compared with golden files.

The fixture corpus's pages and the frozen seed copy's document and claim pages must match the files
under golden/ exactly. After an intended change to the output, refresh them
on purpose with ``UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py``
and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.build.pipeline import build_pages
from tests.conftest import MINI, ROOT, SNAPSHOT

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def _pages(seeds: Path) -> dict[str, str]:
    built = build_pages(seeds, ROOT)
    assert built.problems == []
    return {page.path: page.text for page in built.pages}


MINI_PAGES = _pages(MINI)
SEED_PAGES = {
    path: md
    for path, md in _pages(SNAPSHOT).items()
    if path in {"documents/2023-05-11-sotk-border-clash.md", "claims/armenian-soldiers-killed-2022-09.md"}
}
CASES = [("mini", path, md) for path, md in MINI_PAGES.items()] + [
    ("seed", path, md) for path, md in SEED_PAGES.items()
]


@pytest.mark.parametrize(("corpus", "path", "markdown"), CASES, ids=[f"{c}/{p}" for c, p, _ in CASES])
def test_page_matches_golden(corpus: str, path: str, markdown: str) -> None:
    golden = GOLDEN / corpus / path
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(markdown, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden}; run with UPDATE_GOLDEN=1 to create it"
    assert markdown == golden.read_text(encoding="utf-8")


def test_no_stale_golden_files() -> None:
    expected = {GOLDEN / c / p for c, p, _ in CASES}
    present = set(GOLDEN.rglob("*.md"))
    assert present <= expected, f"golden files for pages that no longer exist: {sorted(present - expected)}"
