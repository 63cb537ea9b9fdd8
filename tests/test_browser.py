"""The built seed site in a real headless browser (Debian's chromium, driven by Playwright).

Checks what a reader does and sees: the path from the home page to a claim and
the claim that contradicts it, the diagrams and maps rendering, no console
errors, no serious or critical accessibility violations (axe-core), and
phone-width layout. Screenshots of every page kind, at desktop and phone
widths, are written to tests/screenshots/ (ignored by git) for a person to
look at.
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from generator.site import search_index
from tests.browsing import GRAPH_TEXT, MAP_CHECK, served, served_only_from


def test_a_reader_follows_a_claim_to_its_opposite_and_a_party(page: Page, snapshot_server: str) -> None:
    page.goto(snapshot_server)
    page.get_by_role("link", name="The Nagorno-Karabakh conflict").first.click()
    expect(page.locator("h1")).to_contain_text("The Nagorno-Karabakh conflict")

    page.locator("#documents + div ul a").filter(has_text="Armenia and Azerbaijan trade blame").click()
    expect(page.locator("h1")).to_contain_text("Armenia and Azerbaijan trade blame")
    expect(page.locator(".admonition-title", has_text="At a glance")).to_be_visible()

    quote = page.locator("mark.claim-armenia-azerbaijan-shelled-sotk")
    quote.focus()
    tip = quote.locator(".claim-tip")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("Ministry of Defence of Armenia")
    expect(tip).to_contain_text("Disputed")
    tip.get_by_role("link", name="the claim").click()
    expect(page.locator("h1")).to_contain_text("shelled Armenian positions near Sotk")

    page.locator("#disputes + ul a").filter(has_text="deliberate provocation").click()
    expect(page.locator("h1")).to_contain_text("deliberate provocation")
    opposing = page.url

    page.locator("article table a").filter(has_text="Azerbaijan").first.click()
    expect(page.locator("h1")).to_contain_text("Azerbaijan")
    page.go_back()
    assert page.url == opposing
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_quote_links_land_on_the_exact_passage(page: Page, snapshot_server: str) -> None:
    page.goto(snapshot_server + "claims/armenia-four-wounded-2023-05-11/")
    page.get_by_role("link", name="quote in context").click()
    assert page.url.endswith("#quote-armenia-four-wounded-2023-05-11")
    expect(page.locator("mark.claim-armenia-four-wounded-2023-05-11")).to_be_in_viewport()


def test_a_quote_shows_one_tooltip_whole_on_a_phone_and_its_link_works(
    browser: Browser, server: str, kinds: dict[str, str]
) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 812}, has_touch=True)
    page = context.new_page()
    page.goto(server + kinds["document"])
    marks = page.locator(".source-text mark.claim-quote")
    assert marks.count() > 0
    assert page.locator("mark.claim-quote[title]").count() == 0  # no second, browser-drawn tooltip
    for index in (0, marks.count() - 1):  # the first quote and the last, at either edge of the text
        mark = marks.nth(index)
        mark.scroll_into_view_if_needed()
        mark.tap()
        tip = mark.locator(".claim-tip")
        expect(tip).to_be_visible()
        box = tip.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375
        assert box["y"] >= 0 and box["y"] + box["height"] <= 812
    marks.first.focus()  # by keyboard: the quote, then Tab past the names it links, to its tooltip's link
    link = marks.first.locator(".claim-tip a")
    for _ in range(10):
        page.keyboard.press("Tab")
        if link.evaluate("a => a === document.activeElement"):
            break
    expect(link).to_be_focused()
    expect(link).to_be_visible()
    page.keyboard.press("Enter")
    page.wait_for_url("**/claims/**")
    context.close()


def test_source_graphs_are_drawn_without_a_script(
    page: Page, server: str, kinds: dict[str, str], snapshot_model
) -> None:
    """The graphs are HTML written when the site is built: each names its first outlet,
    and no page loads a diagram runtime to draw them."""
    document = snapshot_model.corpus.documents[kinds["document"].split("/")[1]].meta
    first = snapshot_model.corpus.outlets[document.chain[0].outlet].name
    scripts: list[str] = []
    page.on("request", lambda request: request.resource_type == "script" and scripts.append(request.url))
    for path in (kinds["document"], "sources/"):
        page.goto(server + path)
        graph = page.locator("div.source-graph").first
        expect(graph).to_be_visible()
        expect(graph).to_contain_text(first)
    assert not [url for url in scripts if "mermaid" in url]
    assert page.console_errors == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", ["place", "topic", "places"])
def test_a_map_reads_offline_and_without_javascript(
    browser: Browser, server: str, kind: str, kinds: dict[str, str]
) -> None:
    """With no network beyond the site, with and without JavaScript, on a desktop and a
    phone: each map draws its outlines, its marks and labels inside its box, its labels
    apart and at 12 px or more, no band across it, and its legend; nothing comes from elsewhere."""
    for width, scripts in itertools.product((1280, 375), (True, False)):
        context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=scripts)
        elsewhere = served_only_from(context, server)
        page = context.new_page()
        page.goto(server + kinds[kind])
        drawn = page.evaluate(MAP_CHECK)
        assert drawn, (kind, width)
        for one in drawn:
            assert one["problems"] == [], (kind, width, scripts, one["problems"])
            assert one["land"] > 0 and one["labels"] > 0 and (one["marks"] or one["shapes"]), one
            assert one["frame"]["right"] <= width, (kind, width, one["frame"])
        assert elsewhere == []
        context.close()


def test_a_place_page_marks_out_its_place_and_draws_lines_and_areas(page: Page, server: str, snapshot_model) -> None:
    """A place's map names the place itself (in bold), draws a line as a line, the areas it
    lies in as areas, and links every place in its legend."""
    drawn = sorted(
        location.id for location in snapshot_model.corpus.locations.values() if location.geometry and location.parents
    )
    if not drawn:
        pytest.skip("no place of the corpus has a line and a parent")
    location = snapshot_model.corpus.locations[drawn[0]]
    page.goto(server + f"places/{location.id}/")
    svg = page.locator(".drawing-layout--wide svg.map-drawing")
    frame, line = svg.bounding_box(), svg.locator("path.map-line--own").first.bounding_box()
    assert frame is not None and line is not None
    assert max(line["width"], line["height"]) > frame["width"] / 10, (frame, line)  # drawn at a readable scale
    assert frame["x"] <= line["x"] and line["x"] + line["width"] <= frame["x"] + frame["width"] + 1
    expect(svg.locator("text.map-label--own")).to_have_text(location.name)
    legend = page.locator(".briefing-map figcaption")
    for parent in location.parents:
        expect(
            legend.get_by_role("link", name=snapshot_model.corpus.locations[parent].name, exact=True)
        ).to_be_visible()
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_a_map_follows_the_palette_at_once(page: Page, server: str, kinds: dict[str, str]) -> None:
    """Switching to the dark palette recolours the map's sea and land without a reload."""
    page.goto(server + kinds["place"])
    colours = """() => ['.map-sea', '.map-land'].map(s => getComputedStyle(
        [...document.querySelectorAll('.map-drawing ' + s)].find(e => e.getBoundingClientRect().width > 0)).fill)"""
    light = page.evaluate(colours)
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    dark = page.evaluate(colours)
    assert light[0] != dark[0] and light[1] != dark[1], (light, dark)


@pytest.mark.parametrize("kind", ["document", "sources"])
def test_graphs_are_legible_on_a_phone_with_and_without_javascript(
    browser: Browser, server: str, kind: str, kinds: dict[str, str]
) -> None:
    for scripts in (True, False):
        context = browser.new_context(viewport={"width": 375, "height": 812}, java_script_enabled=scripts)
        page = context.new_page()
        page.goto(server + kinds[kind])
        graph = page.locator("div.source-graph").first
        expect(graph).to_be_visible()
        box = graph.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375
        sizes = page.evaluate(GRAPH_TEXT)
        assert sizes and min(sizes) >= 12, sizes
        context.close()


# Results are shown, and every result link (page or section) leads under the given path.
RESULTS_ONLY_UNDER = """path => {
  const links = [...document.querySelectorAll('#briefing-search .briefing-search__result-link')];
  return links.length > 0 && links.every(link => new URL(link.href).pathname.includes(path));
}"""


# Results are shown, and every result link leads to one of the given pages.
RESULTS_ONLY_ON = """pages => {
  const links = [...document.querySelectorAll('#briefing-search .briefing-search__result-link')];
  return links.length > 0 && links.every(link => pages.includes(new URL(link.href).pathname));
}"""


def _word_of_several_topics(model, topic: str) -> str:
    """A word of a document title of ``topic`` that other topics' titles have too (so that
    filtering by topic has something to leave out), else that title's longest word."""

    def words(title: str) -> set[str]:
        return {w.strip(",.;:").lower() for w in title.split() if len(w.strip(",.;:")) >= 5}

    own = set().union(*(words(d.meta.title) for d in model.corpus.documents.values() if d.meta.topic == topic))
    other = set().union(*(words(d.meta.title) for d in model.corpus.documents.values() if d.meta.topic != topic))
    return min(own & other) if own & other else max(own, key=len)


def _search(page: Page, words: str) -> None:
    """Open the header's search and type ``words``, as a reader does."""
    page.locator(".briefing-search__open").click()
    box = page.locator("#briefing-search input.briefing-search__input")
    expect(box).to_be_focused(timeout=15_000)
    box.press_sequentially(words, delay=40)
    expect(page.locator(".briefing-search__result").first).to_be_visible(timeout=15_000)


def _filter(page: Page, name: str, value: str) -> None:
    """Tick (or untick) ``value`` among the filter ``name``'s values."""
    group = page.locator(".briefing-search__filter-sets fieldset", has=page.locator("legend", has_text=name))
    group.locator("label").filter(has_text=re.compile(rf"^\s*{re.escape(value)} \(\d+\)\s*$")).click()


# Each result's kind, its address and the first words of its snippet.
RESULT_ROWS = """() => [...document.querySelectorAll('#briefing-search .briefing-search__results > li')].map(item => [
  item.querySelector('.briefing-search__kind')?.textContent,
  new URL(item.querySelector('.briefing-search__result-link').href).pathname,
  item.querySelector('.briefing-search__excerpt')?.textContent.slice(0, 60)])"""
KIND_OF_SECTION = {
    "topics": "Topic",
    "claims": "Claim",
    "documents": "Document",
    "parties": "Party",
    "places": "Place",
    "outlets": "Outlet",
    "questions": "Question",
}


def test_a_topic_comes_first_for_the_words_of_its_title_and_every_result_says_what_it_is(
    page: Page, server: str, snapshot_model
) -> None:
    for topic in sorted(snapshot_model.corpus.topics.values(), key=lambda t: t.id):
        words = [w.strip("–-,.").lower() for w in topic.title.replace("–", " ").split()]
        word = max((w for w in words if len(w) >= 5), key=len)
        page.goto(server)
        _search(page, word)
        page.wait_for_timeout(500)  # every result of the first ten drawn
        rows = page.evaluate(RESULT_ROWS)
        assert rows[0][:2] == ["Topic", f"/topics/{topic.id}/"], (word, rows[:3])
        assert topic.summary.startswith(rows[0][2]), rows[0]  # its snippet is its lead
        for kind, path, _ in rows:
            section = path.strip("/").split("/")
            if len(section) == 2 and section[0] in KIND_OF_SECTION:  # a page of its own, not a section's index
                assert kind == KIND_OF_SECTION[section[0]], (word, kind, path)
            assert kind, (word, path)
        assert [path for _, path, _ in rows].count(f"/topics/{topic.id}/") == 1  # not shown twice
    assert page.console_errors == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("served_as", ["server", "parted_server"])  # one Pagefind bundle, or merged parts
def test_search_finds_a_party_by_its_alias_and_filters_by_kind_and_topic(
    page: Page, served_as: str, request: pytest.FixtureRequest, snapshot_model
) -> None:
    server = request.getfixturevalue(served_as)
    party = next(
        p
        for p in sorted(snapshot_model.corpus.parties.values(), key=lambda p: p.id)
        if any(len(alias) >= 4 for alias in p.aliases)
    )
    alias = next(alias for alias in party.aliases if len(alias) >= 4)
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(server)
    page.wait_for_load_state("load")
    assert not [url for url in fetched if "/pagefind/" in url]  # nothing for search until a reader asks
    _search(page, alias)
    results = page.locator("#briefing-search .briefing-search__result-link")
    expect(results.filter(has_text=party.name).first).to_be_visible()
    assert not [url for url in fetched if "/pagefind/" in url and "/filter/" in url]  # only once they are opened
    assert not [url for url in fetched if url.endswith("pagefind-worker.js")]  # a second copy of the engine

    # Only parties, then only one topic: every result shown is one.
    page.locator(".briefing-search__filters summary").click()
    _filter(page, "Kind", "Party")
    page.wait_for_function(RESULTS_ONLY_UNDER, arg="/parties/", timeout=15_000)  # fails if any other kind stays

    topic = sorted(snapshot_model.corpus.topics.values(), key=lambda t: t.id)[0]
    word = _word_of_several_topics(snapshot_model, topic.id)
    page.locator("#briefing-search input.briefing-search__input").fill(word)
    _filter(page, "Kind", "Party")  # the kind filter off again
    _filter(page, "Topic", topic.title)
    on_topic = (
        [f"/documents/{d.meta.id}/" for d in snapshot_model.corpus.documents.values() if d.meta.topic == topic.id]
        + [f"/claims/{c}/" for c, e in snapshot_model.claims.items() if e.topic == topic.id]
        + [f"/questions/{q.id}/" for q in topic.questions]
        + [f"/topics/{topic.id}/"]
    )
    page.wait_for_function(RESULTS_ONLY_ON, arg=on_topic, timeout=15_000)  # fails if another topic's page stays
    for scheme in ("light", "dark"):  # the open search, with results and filters, in each scheme
        page.emulate_media(color_scheme=scheme)
        page.wait_for_timeout(200)
        violations = Axe().run(page).response["violations"]
        serious = [
            (v["id"], [n["target"] for n in v["nodes"]][:3])
            for v in violations
            if v["impact"] in ("serious", "critical")
        ]
        assert serious == [], (scheme, serious)
    assert page.console_errors == []  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def parted_site(snapshot_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's site indexed in three parts, as a site too large for one Pagefind run is."""
    site = tmp_path_factory.mktemp("parted") / "site"
    shutil.copytree(snapshot_site, site, ignore=shutil.ignore_patterns(search_index.BUNDLE))
    pages = sum(1 for _ in site.rglob("*.html"))
    search_index.index_site(site, part_pages=-(-pages // 3))
    manifest = json.loads((site / search_index.BUNDLE / search_index.PARTS).read_text(encoding="utf-8"))
    assert manifest == {"parts": ["part-2/", "part-3/"]}
    return site


@pytest.fixture(scope="module")
def parted_server(parted_site: Path) -> Iterator[str]:
    with served(parted_site) as url:
        yield url


def test_search_merges_a_site_indexed_in_parts(page: Page, parted_site: Path, parted_server: str) -> None:
    """Each part's pages are found from one search box: a titled page of each part, searched
    by its title, is among the results."""
    pages = sorted(
        path.relative_to(parted_site) for path in parted_site.rglob("*.html") if search_index.BUNDLE not in path.parts
    )
    size = -(-len(pages) // 3)
    page.goto(parted_server)
    page.wait_for_load_state("load")
    opened = False
    for part in (pages[start : start + size] for start in range(0, len(pages), size)):
        target = next(
            p
            for p in part
            if p.parts[0] in ("documents", "claims", "parties", "places", "topics")
            and len(p.parts) == 3
            and "data-pagefind-body" in (parted_site / p).read_text(encoding="utf-8")
        )
        title = re.search(r"<h1[^>]*>(.*?)<a ", (parted_site / target).read_text(encoding="utf-8"))
        assert title is not None, target
        words = re.sub(r"<[^>]+>|&\w+;", " ", title[1]).split()[:6]
        if not opened:
            page.locator(".briefing-search__open").click()
            opened = True
        page.locator("#briefing-search input.briefing-search__input").fill(" ".join(words))
        link = page.locator(f'#briefing-search .briefing-search__result-link[href$="/{target.parent.as_posix()}/"]')
        expect(link.first).to_be_visible(timeout=15_000)
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_a_document_prints_as_a_clean_briefing(page: Page, snapshot_server: str) -> None:
    page.goto(snapshot_server + "documents/2023-05-11-sotk-border-clash/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert page.locator(selector).first.is_hidden(), selector
    expect(page.locator(".source-text")).to_be_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
