"""A topic's explainer and a question's page stay a readable size however many documents
there are: figures show a limited number of series, each with its first and newest counts;
open disputes the most contested questions, each linking to the rest; key parties and
places (and the map) the most involved; a question's page a limited number of claims a
side, with every claim in numbered parts."""

from __future__ import annotations

import re

import pytest

from generator.render import markup
from generator.render.charts import FIGURE_POINTS_SHOWN, FIGURES_SHOWN
from generator.render.topic_page import DISPUTES_SHOWN, KEY_SHOWN
from tests.conftest import LONG_DOCUMENTS, LOWERED_LIMIT

# Claims a side on a question's page, and items on a page of the timeline or of a topic's
# documents, lowered for the synthetic corpus (tests/conftest.py's ``long_pages``, generated
# there, not the seed) so that its questions are past it and its long months cut into parts.
QUESTION_LIMIT = PERIOD_LIMIT = LOWERED_LIMIT


@pytest.fixture(scope="module")
def pages(long_pages: dict[str, markup.Page]) -> dict[str, str]:
    return {path: page.body for path, page in long_pages.items()}


@pytest.fixture(scope="module")
def topic_pages(pages: dict[str, str]) -> dict[str, str]:
    return {path: body for path, body in pages.items() if path.startswith("topics/") and path != "topics/index.md"}


def _section(body: str, anchor: str) -> str:
    return body.split(f'<h2 id="{anchor}"', 1)[1].split("<h2 ", 1)[0]


def test_figures_and_disputes_are_capped(topic_pages: dict[str, str]) -> None:
    capped_series = capped_disputes = 0
    for path, body in topic_pages.items():
        figures = _section(body, "figures")
        groups = re.split(r'<tr><th colspan="3" scope="colgroup">', figures)[1:]  # one per series
        assert len(groups) <= FIGURES_SHOWN, path
        for group in groups:
            assert group.count('<td class="figure-count">') <= FIGURE_POINTS_SHOWN, (path, group[:200])
        capped_series += "table shows its first and newest counts" in figures
        disputes = _section(body, "open-disputes")
        assert disputes.count("<h3 ") <= DISPUTES_SHOWN, path
        capped_disputes += "most contested of" in disputes
    # The corpus is large enough for both caps to apply: the checks above are not vacuous.
    assert capped_series and capped_disputes


def test_topic_pages_stay_small(topic_pages: dict[str, str]) -> None:
    assert {path: len(body) // 1000 for path, body in topic_pages.items() if len(body) > 250_000} == {}


def test_key_parties_and_places_are_the_most_involved(topic_pages: dict[str, str]) -> None:
    capped = 0
    for path, body in topic_pages.items():
        for anchor in ("key-parties", "key-places"):
            section = _section(body, anchor)
            listed = section.split("</p>", 1)[0]
            assert len(re.findall(r'href="\.\./\.\./(?:parties|places)/', listed)) <= KEY_SHOWN, (path, anchor)
            capped += "most involved of" in section
        points = re.search(r'data-points="([^"]*)"', _section(body, "key-places"))
        assert points is None or points[1].count("&quot;lat&quot;") <= KEY_SHOWN, path
    assert capped  # the corpus has more places than are shown: the check is not vacuous


def test_a_question_shows_some_claims_a_side_and_lists_every_claim_in_parts(pages: dict[str, str]) -> None:
    split = 0
    for path, body in pages.items():
        if not path.startswith("questions/"):
            continue
        total = int(re.search(r": (\d+) claims?, side by side", body)[1])
        cards = re.findall(r"<li><p><strong>.*? says</strong></p><ul>(.*?)</ul></li>", body)
        for card in cards:
            assert card.count('<li><a href="../../claims/') <= QUESTION_LIMIT, path
        if total <= QUESTION_LIMIT:
            continue
        split += 1
        stem = path.removeprefix("questions/").removesuffix(".md")
        listed = [part for name, part in pages.items() if name.startswith(f"lists/questions-{stem}-")]
        assert sum(part.count('<li><a href="../../claims/') for part in listed) == total, path
        assert f"all {total}, in parts" in body, path
    assert split  # some questions have more claims than are shown: the check is not vacuous


def test_each_tag_lists_its_first_pages_and_the_rest_in_parts(
    pages: dict[str, str], long_pages: dict[str, markup.Page]
) -> None:
    """The tags page shows each tag's first pages (the limit lowered above) and links to
    all of them in numbered parts, so that it stays small however many places there are;
    each part says which tag it lists."""
    body = pages["tags.md"]
    capped = 0
    for anchor in re.findall(r'<h2 id="(tag-[^"]+)"', body):
        section = _section(body, anchor)
        count = re.search(r"\((\d+)\)", section.split("</h2>", 1)[0])
        assert count is not None, anchor
        total = int(count[1])
        assert section.count("<li>") == min(total, QUESTION_LIMIT), anchor
        if total > QUESTION_LIMIT:
            capped += 1
            part_pages = re.findall(r'href="\.\./(lists/[^"]+)/"', section)
            assert part_pages, anchor
            assert sum(pages[f"{part}.md"].count("<li>") for part in part_pages) == total, anchor
            tag = re.sub(r" \(\d+\)$", "", section.split(">", 1)[1].split("<", 1)[0])
            for part in part_pages:
                head = long_pages[f"{part}.md"].head
                assert head.title.startswith(f"Tags: {tag.lower()}"), (part, head.title)
                # a part lives two folders deep (lists/<part>/): its links climb two folders
                for target in re.findall(r'<li><a href="([^"]+)"', pages[f"{part}.md"]):
                    assert target.startswith("../../") and f"{target[6:].rstrip('/')}.md" in pages, (part, target)
                assert head.description == f"Topics, parties, places and outlets tagged {tag}.", part
    assert capped  # the corpus has tags past the limit: the checks above are not vacuous


def test_a_long_month_of_the_timeline_is_cut_in_numbered_parts(pages: dict[str, str]) -> None:
    """The timeline by year, a long year by month, a long month in numbered parts: no
    part holds more than the limit, and every document is on exactly one part."""
    timeline = {path: body for path, body in pages.items() if path.startswith("lists/timeline-")}
    assert [path for path in timeline if re.fullmatch(r"lists/timeline-\d{4}-\d{2}-\d+\.md", path)]
    documents = 0
    for path, body in timeline.items():
        items = body.count("<p><strong>") + body.count('<p id="event-')
        assert 0 < items <= PERIOD_LIMIT, (path, items)
        documents += body.count(" · Document: ")
    assert documents == LONG_DOCUMENTS
