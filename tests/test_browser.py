"""The built seed site in a real headless browser (Debian's chromium, driven by Playwright).

Checks what a reader does and sees: the path from the home page to a claim and
the claim that contradicts it, the diagrams and maps rendering, no console
errors, no serious or critical accessibility violations (axe-core), and
phone-width layout. Screenshots of every page kind, at desktop and phone
widths, are written to tests/screenshots/ (ignored by git) for a person to
look at.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browsing import OPEN_SHADOW_ROOTS


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


def test_a_quote_shows_one_tooltip_whole_on_a_phone_and_its_link_works(browser: Browser, server: str, kinds: dict[str, str]) -> None:
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


def test_source_chain_diagrams_render_to_svg(page: Page, server: str, kinds: dict[str, str], seed_model) -> None:
    document = seed_model.corpus.documents[kinds["document"].split("/")[1]].meta
    first = seed_model.corpus.outlets[document.chain[0].outlet].name
    for path in (kinds["document"], "sources/"):
        page.goto(server + path)
        diagram = page.locator("div.mermaid svg").first
        expect(diagram).to_be_visible()
        expect(diagram).to_contain_text(first)
    assert page.console_errors == []  # type: ignore[attr-defined]


def test_maps_render_their_markers(page: Page, server: str, kinds: dict[str, str]) -> None:
    for kind in ("place", "topic"):
        page.goto(server + kinds[kind])
        expect(page.locator(".briefing-map .leaflet-marker-icon").first).to_be_visible()
    expect(page.locator(".leaflet-control-attribution")).to_contain_text("Natural Earth")
    assert page.console_errors == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", ["place", "topic", "places"])
def test_a_map_shows_every_marker_inside_its_frame_offline(browser: Browser, server: str, kind: str, kinds: dict[str, str]) -> None:
    """At the first view, with no network beyond the site: the outline basemap is drawn,
    every marker and line lies inside the map's box, and nothing is fetched from elsewhere."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    elsewhere: list[str] = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server)
                  else (elsewhere.append(route.request.url), route.abort()))
    page = context.new_page()
    page.goto(server + kinds[kind])
    page.wait_for_load_state("networkidle")
    frame = page.locator(".briefing-map").first.bounding_box()
    assert frame is not None and frame["width"] > 200 and frame["height"] > 200
    expect(page.locator(".briefing-map .leaflet-overlay-pane path").first).to_be_attached()  # the outlines
    items = page.locator(".briefing-map .leaflet-marker-icon").all()
    assert items
    for item in items:
        box = item.bounding_box()
        assert box is not None
        assert frame["x"] <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"], (box, frame)
        assert frame["y"] <= box["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"], (box, frame)
    assert elsewhere == []
    context.close()


def test_a_place_drawn_as_a_line_shows_it_inside_its_map(page: Page, server: str, seed_model) -> None:
    drawn = sorted(location.id for location in seed_model.corpus.locations.values() if location.geometry)
    if not drawn:
        pytest.skip("no place of the seed has a line or an area")
    page.goto(server + f"places/{drawn[0]}/")
    frame = page.locator(".briefing-map").first.bounding_box()
    shape = page.locator(".briefing-map path.briefing-shape").first.bounding_box()
    assert frame is not None and shape is not None
    assert max(shape["width"], shape["height"]) > frame["width"] / 10, (frame, shape)  # drawn at a readable zoom
    assert frame["x"] <= shape["x"] and shape["x"] + shape["width"] <= frame["x"] + frame["width"]
    assert frame["y"] <= shape["y"] and shape["y"] + shape["height"] <= frame["y"] + frame["height"]
    assert page.console_errors == []  # type: ignore[attr-defined]


DIAGRAM_TEXT = """() => [...document.querySelectorAll('.mermaid')].flatMap(host =>
  [...(host.shadowRoot || host).querySelectorAll('.nodeLabel, .edgeLabel')])
  .map(label => label.getBoundingClientRect().height).filter(height => height > 0)"""


@pytest.mark.parametrize("kind", ["document", "sources"])
def test_diagrams_are_legible_on_a_phone_and_a_list_without_javascript(browser: Browser, server: str,
                                                                       kind: str, kinds: dict[str, str]) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 812})
    context.add_init_script(OPEN_SHADOW_ROOTS)
    page = context.new_page()
    page.goto(server + kinds[kind])
    page.wait_for_load_state("networkidle")
    expect(page.locator(".mermaid svg").first).to_be_attached()
    heights = page.evaluate(DIAGRAM_TEXT)
    assert heights and min(heights) >= 11, heights
    context.close()
    context = browser.new_context(viewport={"width": 375, "height": 812}, java_script_enabled=False)
    page = context.new_page()
    page.goto(server + kinds[kind])
    expect(page.locator("pre.mermaid").first).to_be_hidden()
    fallback = page.locator("li[id^=hop-]" if kind == "document" else "#funnel ~ .stack table").first
    expect(fallback).to_be_visible()
    assert "#8212;" not in page.locator("article").inner_text()
    context.close()


def test_search_finds_a_party_by_its_alias(page: Page, server: str, seed_model) -> None:
    party = next(p for p in sorted(seed_model.corpus.parties.values(), key=lambda p: p.id)
                 if any(len(alias) >= 4 for alias in p.aliases))
    alias = next(alias for alias in party.aliases if len(alias) >= 4)
    page.goto(server)
    page.wait_for_load_state("networkidle")  # the search index is loaded by a web worker
    search = page.locator("input[data-md-component='search-query']")
    search.click()
    search.press_sequentially(alias, delay=40)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=15_000)
    expect(page.locator(".md-search-result")).to_contain_text(party.name)


def test_a_document_prints_as_a_clean_briefing(page: Page, snapshot_server: str) -> None:
    page.goto(snapshot_server + "documents/2023-05-11-sotk-border-clash/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert page.locator(selector).first.is_hidden(), selector
    expect(page.locator(".source-text")).to_be_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
