"""Property-based: arbitrary text in every free-text field of the fixture corpus.

For each generated string the corpus is rewritten with it in every field a
contributor can fill with free text (names, aliases, descriptions, titles,
paraphrases, notes, the explainer prose and the source text itself), then
the real ``mkdocs build --strict`` runs in-process. The site must build, no
element or attribute may come from the data, every link must be relative or
http(s), and the string must be shown to the reader as text.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import MINI, mkdocs_config
from tests.properties import FREE_TEXT, Page, examples, inject


def _build(corpus: Path, work: Path) -> Path:
    build(load_config(config_file=str(mkdocs_config(corpus, work))))
    return work / "site"


@pytest.fixture(autouse=True)
def _quiet_mkdocs():
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    yield
    logging.getLogger("mkdocs").setLevel(logging.INFO)


@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(s=FREE_TEXT)
def test_arbitrary_text_builds_strict_and_stays_text(tmp_path_factory: pytest.TempPathFactory, s: str) -> None:
    work = tmp_path_factory.mktemp("prop")
    corpus = work / "seeds"
    shutil.copytree(MINI, corpus)
    inject(corpus, s)

    site = _build(corpus, work)  # raises on any problem or, being strict, on any warning

    expected = " ".join(s.split())
    for path in site.rglob("*.html"):
        page = Page()
        page.feed(path.read_text(encoding="utf-8"))
        assert page.bad == [], (path.relative_to(site), page.bad)
    party = Page()
    party.feed((site / "parties" / "beta" / "index.html").read_text(encoding="utf-8"))
    shown = " ".join("".join(party.text).split())
    assert f"{expected} P2" in shown
