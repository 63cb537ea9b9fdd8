"""Seed health: what holds for any valid corpus, checked on the live seed and on the seed
grown past every limit of a page (``tests/growth.py``: a tag of more than 60 entries, a
copy resting on six originals, two more topics, 200 more documents).

These checks name no id and count nothing of the seed: a valid contribution of any size
leaves them green. Every other test runs on a fixture corpus under ``tests/fixtures``.

    validate    no problem found
    build       the real ``mkdocs build --strict`` passes (the fixtures below)
    links       every internal link and anchor resolves, every label and tag leads where it says
    search      every page is indexed under its kind and topic, with its aliases
    browser     every page kind at desktop and phone widths, light and dark: nothing to
                scroll sideways, legible source graphs, maps that show their marks, axe clean,
                a clean console, only the scripts it uses
"""

from __future__ import annotations

import gzip
import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page

from generator.build.pipeline import check
from generator.site.linkcheck import broken_links
from tests.browsing import (
    DRAWING_TEXT,
    GRAPH_TEXT,
    MAP_CHECK,
    SCROLLED_SIDEWAYS,
    _settle,
    page_kinds,
    served,
    served_only_from,
)
from tests.browsing import (
    KINDS as BROWSED_KINDS,
)
from tests.conftest import ROOT
from tests.test_search import fragments

SCREENSHOTS = Path(__file__).parent / "screenshots" if os.environ.get("SCREENSHOTS") == "1" else None


@dataclass(frozen=True)
class Corpus:
    name: str
    seeds: Path
    site: Path
    model: object


# The grown seed is built, validated and read page by page in minutes: its checks run with
# the slow tests (pyproject.toml), the live seed's on every run.
@pytest.fixture(scope="module", params=["seed", pytest.param("grown", marks=pytest.mark.slow)])
def corpus(request: pytest.FixtureRequest) -> Corpus:
    if request.param == "seed":
        from tests.conftest import SEEDS

        return Corpus("seed", SEEDS, request.getfixturevalue("seed_site"), request.getfixturevalue("seed_model"))
    return Corpus(
        "grown",
        request.getfixturevalue("grown_seeds"),
        request.getfixturevalue("grown_site"),
        request.getfixturevalue("grown_model"),
    )


# An XPath test that an element has a class among its classes.
_CLASS = "contains(concat(' ', normalize-space(@class), ' '), ' %s ')"


def _tree(path: Path) -> lxml.html.HtmlElement:
    """A page as lxml reads it: the checks that read every page of a large site use it."""
    return lxml.html.fromstring(path.read_bytes())


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")  # lxml: a large site is read in seconds


# --- validate, build, links -------------------------------------------------------------


def test_the_corpus_validates_without_a_problem(corpus: Corpus) -> None:
    checked = check(corpus.seeds, ROOT)
    assert [p.format_text() for p in checked.problems] == []


def test_every_internal_link_and_anchor_resolves(corpus: Corpus) -> None:
    assert broken_links(corpus.site) == []


def test_every_status_label_links_to_what_it_means_and_the_data_carry_their_licence(corpus: Corpus) -> None:
    site = corpus.site
    meanings = {tag["id"] for tag in _soup(site / "reading" / "index.html").select("[id^=status-]")} | {"contested"}
    labelled = 0
    for path in site.rglob("*.html"):
        for badge in _tree(path).xpath(f"//*[{_CLASS % 'md-content'}]//*[{_CLASS % 'status'}]"):
            if badge.xpath("ancestor-or-self::*[@id='labels']") or badge.get("id"):
                continue  # the definitions themselves
            link = badge.xpath("ancestor::a[1]")
            assert link, f"{path.relative_to(site)}: a label that explains nothing"
            assert link[0].get("href").split("#")[1] in meanings
            labelled += 1
    assert labelled > 0
    data = (site / "data" / "briefings.json").read_text(encoding="utf-8")
    assert '"license":[' in data and "creativecommons.org/licenses/by/4.0" in data


def test_a_page_outside_the_navigation_shows_its_section_as_current(corpus: Corpus) -> None:
    def current(path: str) -> str:
        item = _soup(corpus.site / path / "index.html").select_one("nav.md-nav--primary li.md-nav__item--active > a")
        assert item is not None, path
        return " ".join(item.get_text().split())

    model = corpus.model
    assert current(f"parties/{sorted(model.corpus.parties)[0]}") == "Parties"  # type: ignore[attr-defined]
    assert current(f"claims/{sorted(model.claims)[0]}") == "Claims"  # type: ignore[attr-defined]
    assert current(f"questions/{sorted(model.questions)[0]}") == "Claims"  # type: ignore[attr-defined]


def test_every_tag_leads_to_a_list_that_holds_its_page(corpus: Corpus) -> None:
    """A tag at the top of a topic, party, place or outlet page leads to its section of the
    tags page, which lists the page (there, or in one of the section's parts)."""
    site = corpus.site
    tags_page = (site / "tags" / "index.html").resolve()
    tags = _soup(tags_page)

    def listed(anchor: str) -> set[Path]:
        heading = tags.find(id=anchor)
        assert heading is not None and heading.name == "h2", anchor
        found: set[Path] = set()
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            for link in sibling.find_all("a", href=True):
                target = (tags_page.parent / link["href"]).resolve()
                if "/lists/" in link["href"]:  # a part of a long section
                    found |= {
                        (target / a["href"]).resolve() for a in _soup(target / "index.html").select("article li a")
                    }
                else:
                    found.add(target)
        return found

    sections: dict[str, set[Path]] = {}
    tagged = 0
    chips = f"//nav[{_CLASS % 'md-tags'}]//a[{_CLASS % 'md-tag'} and not({_CLASS % 'briefing-topic-tag'})]"
    for page in sorted(site.rglob("index.html")):
        for chip in _tree(page).xpath(chips):
            address, _, anchor = chip.get("href").partition("#")
            assert (page.parent / address).resolve() / "index.html" == tags_page, (page, chip.get("href"))
            if anchor not in sections:
                sections[anchor] = listed(anchor)
            assert page.parent.resolve() in sections[anchor], (page, chip.text_content())
            tagged += 1
    assert tagged


def test_a_topics_documents_claims_and_questions_carry_its_tag(corpus: Corpus) -> None:
    """Each page of a topic's documents, claims and questions shows the topic as a tag
    that leads to the topic's page; the tags index stays small (no document in it)."""
    site, model = corpus.site, corpus.model

    headings: dict[Path, str] = {}

    def topic_tag(path: str) -> tuple[str, str]:
        found = _tree(site / path / "index.html").xpath(
            f"//nav[{_CLASS % 'md-tags'}]//a[{_CLASS % 'briefing-topic-tag'}]"
        )
        assert found, path
        tag, name = found[0], found[0].text_content().strip()
        target = (site / path / tag.get("href")).resolve() / "index.html"
        if target not in headings:
            heading = _tree(target).xpath("//h1")
            assert heading, target
            headings[target] = heading[0].text_content().strip().rstrip("¶")
        assert headings[target] == name, path
        return name, str(target.relative_to(site.resolve()))

    for document in model.corpus.documents.values():  # type: ignore[attr-defined]
        topic = model.corpus.topics[document.meta.topic]  # type: ignore[attr-defined]
        assert topic_tag(f"documents/{document.meta.id}") == (topic.title, f"topics/{topic.id}/index.html")
        for claim in document.meta.claims:
            assert topic_tag(f"claims/{claim.id}") == (topic.title, f"topics/{topic.id}/index.html")
    for question_id in model.questions:  # type: ignore[attr-defined]
        assert topic_tag(f"questions/{question_id}")[1].startswith("topics/")
    index = _soup(site / "tags" / "index.html")
    assert not any("/documents/" in link.get("href", "") for link in index.select(".md-content a"))


# --- search -----------------------------------------------------------------------------


def test_every_entity_and_document_is_found_under_its_kind_topic_and_names(corpus: Corpus) -> None:
    pages = fragments(corpus.site)
    model = corpus.model
    tables = model.corpus  # type: ignore[attr-defined]
    kinds = {
        **{f"parties/{i}/": "Party" for i in tables.parties},
        **{f"places/{i}/": "Place" for i in tables.locations},
        **{f"outlets/{i}/": "Outlet" for i in tables.outlets},
        **{f"documents/{i}/": "Document" for i in tables.documents},
        **{f"claims/{i}/": "Claim" for i in model.claims},
    }  # type: ignore[attr-defined]
    assert [page for page in kinds if page not in pages] == []
    assert [page for page, kind in kinds.items() if pages[page]["filters"]["kind"] != [kind]] == []
    titles = {page["meta"]["title"] for page in pages.values()}
    assert {party.name for party in tables.parties.values()} <= titles
    assert {place.name for place in tables.locations.values()} <= titles
    for document in tables.documents.values():  # the verbatim text of every document is indexed, under its topic
        page = pages[f"documents/{document.meta.id}/"]
        # a text in a language whose words run together is indexed on its own page, in its language
        # (Pagefind marks the words it cut with zero-width spaces)
        own = pages.get(f"documents/{document.meta.id}/original/", page)
        for text, where in ((document.text, own), *((t.text, page) for t in document.translations[:1])):
            content = " ".join(where["content"].replace("\u200b", "").split())
            # word for word: no space added inside a line (“ Shockingly), no tooltip glued to a word
            unread = [line for line in text.splitlines() if " ".join(line.split()) not in content]
            assert unread == [], (document.meta.id, unread[:2])
        assert page["filters"]["topic"] == [tables.topics[document.meta.topic].title]
        assert own["filters"]["topic"] == [tables.topics[document.meta.topic].title]
    for claim_id, entry in model.claims.items():  # type: ignore[attr-defined]
        assert pages[f"claims/{claim_id}/"]["filters"]["topic"] == [tables.topics[entry.topic].title]
    for topic in tables.topics.values():
        assert pages[f"topics/{topic.id}/"]["filters"] == {"kind": ["Topic"], "topic": [topic.title]}
    for kind, table in (("parties", tables.parties), ("places", tables.locations)):
        for entity in table.values():
            content = pages[f"{kind}/{entity.id}/"]["content"]
            assert [alias for alias in entity.aliases if alias not in content] == [], entity.id


# --- the browser ------------------------------------------------------------------------

# Script bytes a page may load (docs/contributing/performance.md): the theme's and the
# search's; maps and source graphs are drawn when the site is built and need none.
SCRIPT_BUDGET_KB = 200
# What a page may cost a reader, every file it loads gzipped as a server sends it
# (docs/contributing/performance.md): a page of text, and a page with a map or a source graph.
TRANSFER_BUDGET_KB = {"text": 150, "picture": 300}
# The smallest text of a source graph, in CSS pixels.
SMALLEST_TEXT_PX = 12
# Page kinds: those of ``page_kinds`` and, where the corpus has them, the copy resting on
# the most originals, a question, a part of the longest tag's list, a text shown beside its
# translation and a text's page in its own language.
KINDS = (*BROWSED_KINDS, "fan-in", "question", "tag-part", "translated", "original")

# Text of the content under 12 px, as "element.class size" (a map's labels, measured by
# MAP_CHECK in the drawing's own scale, and a quote's tooltip, hidden until asked for, aside).
SMALL_TEXT = """() => { const found = new Set();
  const walker = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const element = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || element.closest('.map-drawing, .chart-drawing, .claim-tip')) continue;
    if (element.getBoundingClientRect().width === 0) continue;
    const size = parseFloat(getComputedStyle(element).fontSize);
    if (size < 12) found.add(`${element.tagName}.${element.className} ${size.toFixed(1)}px`);
  }
  return [...found]; }"""
# Status badges drawn on more than one line (a word broken inside a badge: "CORROBOR / ATED").
BROKEN_BADGES = """() => [...document.querySelectorAll('.md-content .status')].filter(badge => {
    const words = document.createRange();
    words.selectNodeContents(badge);
    return new Set([...words.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size > 1;
  }).map(badge => badge.textContent)"""


@pytest.fixture(scope="module")
def kinds(corpus: Corpus) -> dict[str, str]:
    model = corpus.model
    chosen = page_kinds(model)
    documents = sorted(model.corpus.documents.values(), key=lambda d: (-len(model.originals[d.meta.id]), d.meta.id))  # type: ignore[attr-defined]
    questions = sorted(model.questions)  # type: ignore[attr-defined]
    tag_parts = sorted(path.parent.name for path in corpus.site.glob("lists/tags-*/index.html"))
    translated = [d.meta for d in documents if d.translations]
    own_language = [d.meta for d in documents if (corpus.site / "documents" / d.meta.id / "original").is_dir()]
    return {
        **chosen,
        "translated": f"documents/{translated[0].id}/" if translated else chosen["document"],
        "original": f"documents/{own_language[0].id}/original/" if own_language else chosen["document"],
        "fan-in": f"documents/{documents[0].meta.id}/",
        "question": f"questions/{questions[0]}/" if questions else chosen["claims"],
        "tag-part": f"lists/{tag_parts[-1]}/" if tag_parts else "tags/",
    }


@pytest.fixture(scope="module")
def server(corpus: Corpus) -> Iterator[str]:
    with served(corpus.site) as url:
        yield url


def _check_budget(page: Page, files: dict[str, tuple[str, bytes]]) -> None:
    """The page loaded scripts within their budget, and all its files within the page's."""
    scripts = sum(len(body) for kind, body in files.values() if kind == "script")
    assert scripts / 1024 <= SCRIPT_BUDGET_KB, sorted(files)
    picture = page.locator(".briefing-map, .source-graph").count() > 0
    sent = sum(len(gzip.compress(body, 6)) for _, body in files.values())
    assert sent / 1024 <= TRANSFER_BUDGET_KB["picture" if picture else "text"], (page.url, sent, sorted(files))


def _check_maps(page: Page, where: str) -> None:
    """Every map shows its outlines, marks and labels inside its box, labels apart and at
    12 px or more, no band across the map, and a legend."""
    for drawn in page.evaluate(MAP_CHECK):
        assert drawn["problems"] == [], (where, drawn["problems"])
        frame = drawn["frame"]
        assert frame["width"] > 200 and frame["height"] > 150, (where, frame)
        assert drawn["land"] > 0 and (drawn["marks"] or drawn["shapes"]) and drawn["labels"], (where, drawn)


# The views every page kind is read in: (width, height, scheme).
VIEWS = {
    "desktop-light": (1280, 900, "light"),
    "desktop-dark": (1280, 900, "dark"),
    "phone-light": (375, 812, "light"),
    "phone-dark": (375, 812, "dark"),
}


def _groups(size: int) -> tuple[tuple[str, ...], ...]:
    return tuple(KINDS[start : start + size] for start in range(0, len(KINDS), size))


# The page kinds in groups, each read by one test in one browser context per view (a
# reader moving from page to page); a page two kinds share is read once, by the first group.
# At desktop width, where axe-core reads every page (its colour contrast a few seconds a page),
# two kinds a group, so that each test takes well under 30 s and the processes share them evenly.
GROUPS = {"desktop": _groups(2), "phone": _groups(6)}
READS = [(view, group) for view in VIEWS for group in GROUPS[view.split("-")[0]]]


@pytest.mark.parametrize(
    ("view", "group"), READS, ids=[f"{view}-{'-to-'.join(dict.fromkeys((g[0], g[-1])))}" for view, g in READS]
)
def test_page_kinds_read_right_at_every_width_and_scheme(
    browser: Browser, server: str, view: str, group: tuple[str, ...], kinds: dict[str, str], corpus: Corpus
) -> None:
    width, height, scheme = VIEWS[view]
    label = view.split("-")[0]
    groups = GROUPS[label]
    earlier = {kinds[kind] for kind in itertools.chain(*groups[: groups.index(group)])}
    pages: dict[str, list[str]] = {}
    for kind in group:
        if kinds[kind] not in earlier:
            pages.setdefault(kinds[kind], []).append(kind)
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
    elsewhere = served_only_from(context, server)  # routed, so the browser's cache is off
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    files: dict[str, tuple[str, bytes]] = {}
    if view == "desktop-light":  # the budget is read in one view
        page.on(
            "requestfinished",
            lambda request: files.setdefault(request.url, (request.resource_type, request.response().body())),
        )
    for path, named in pages.items():
        where = f"{corpus.name}: {path} ({', '.join(named)})"
        errors.clear(), files.clear(), elsewhere.clear()
        page.goto(server + path)
        _settle(page)
        if SCREENSHOTS is not None:
            SCREENSHOTS.mkdir(exist_ok=True)
            for kind in named:
                page.screenshot(path=str(SCREENSHOTS / f"{corpus.name}-{kind}-{view}.png"), full_page=True)
        assert page.evaluate(SCROLLED_SIDEWAYS) == [], (
            f"{where} ({label}): content a reader must scroll sideways to find"
        )
        assert page.evaluate(BROKEN_BADGES) == [], (where, label)
        assert page.evaluate(SMALL_TEXT) == [], (where, label)
        sizes = page.evaluate(GRAPH_TEXT)
        assert not sizes or min(sizes) >= SMALLEST_TEXT_PX, (where, label, min(sizes))
        _check_maps(page, f"{where} ({view})")
        assert page.evaluate(DRAWING_TEXT) == [], (where, label)
        if view == "desktop-light":
            _check_budget(page, files)
        if label == "desktop":  # axe, in each scheme: the dark one has contrast of its own to keep
            violations = Axe().run(page).response["violations"]
            serious = [
                (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
                for v in violations
                if v["impact"] in ("serious", "critical")
            ]
            assert serious == [], (where, scheme, serious)
        else:
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, f"{where} is {overflow}px wider than a 375px phone"
        assert errors == [], (where, errors)
        assert elsewhere == [], (where, elsewhere)  # nothing from a third party unless a reader asks
    context.close()
