"""A topic's explainer stays a readable size however many documents it has: its figures
show a limited number of series, each with its first and newest counts, and its open
disputes the most contested questions, each linking to the rest."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from generator.pipeline import build_pages
from generator.render import markup
from generator.render.topic_page import DISPUTES_SHOWN, FIGURE_POINTS_SHOWN, TOPIC_LIST_LIMIT
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from synthetic_corpus import build as synthetic


@pytest.fixture(scope="module")
def topic_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    seeds = tmp_path_factory.mktemp("long") / "seeds"
    synthetic(seeds, documents=600, seed=3)
    built = build_pages(seeds, ROOT)
    assert built.problems == []
    return {p.path: p.content.body for p in built.pages
            if p.path.startswith("topics/") and p.path != "topics/index.md" and isinstance(p.content, markup.Page)}


def _section(body: str, anchor: str) -> str:
    return body.split(f'<h2 id="{anchor}"', 1)[1].split("<h2 ", 1)[0]


def test_figures_and_disputes_are_capped(topic_pages: dict[str, str]) -> None:
    capped_series = capped_disputes = 0
    for path, body in topic_pages.items():
        figures = _section(body, "figures")
        lines = re.findall(r"<li>(.*?)</li>", figures)
        assert len(lines) <= TOPIC_LIST_LIMIT, path
        for line in lines:
            shown = line.count("&rarr;") + 1 - (" more</em>" in line)
            assert shown <= FIGURE_POINTS_SHOWN, (path, line[:200])
            capped_series += " more</em>" in line
        disputes = _section(body, "open-disputes")
        assert disputes.count("<h3 ") <= DISPUTES_SHOWN, path
        capped_disputes += "most contested of" in disputes
    # The corpus is large enough for both caps to apply: the checks above are not vacuous.
    assert capped_series and capped_disputes


def test_topic_pages_stay_small(topic_pages: dict[str, str]) -> None:
    assert {path: len(body) // 1000 for path, body in topic_pages.items() if len(body) > 250_000} == {}
