"""What the browser tests share: a built site served locally, Debian's chromium
driven by Playwright, the page of each page kind (chosen from a corpus's model),
and a wait for a page to be drawn (its diagrams and maps included)."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from generator.model.site import document_entities

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Page kinds, each shown by one page of a corpus chosen from its model (so that any
# valid contribution keeps the seed-health tests meaningful): the document with the most claims
# among those reached through other hops, its first claim, claimant, place and first outlet.
KINDS = (
    "home",
    "topic",
    "document",
    "claim",
    "party",
    "place",
    "places",
    "outlet",
    "claims",
    "sources",
    "timeline",
    "data",
)


def served_only_from(context, server: str) -> list[str]:
    """Let the browser context fetch only from ``server``: every other request is refused and
    its address added to the list returned (a page must load nothing from elsewhere)."""
    elsewhere: list[str] = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(server)
            else (elsewhere.append(route.request.url), route.abort())
        ),
    )
    return elsewhere


def page_kinds(model) -> dict[str, str]:
    documents = sorted(
        model.corpus.documents.values(), key=lambda d: (len(d.meta.chain) > 1, len(d.meta.claims)), reverse=True
    )
    document = documents[0].meta
    claim = document.claims[0]
    party = next(c.claimant for c in document.claims if c.claimant in model.corpus.parties)
    _, mentioned = document_entities(model, documents[0])
    place = next(p for p in [*mentioned, *sorted(model.corpus.locations)] if model.corpus.locations[p].coordinates)
    return {
        "home": "",
        "topic": f"topics/{document.topic}/",
        "document": f"documents/{document.id}/",
        "claim": f"claims/{claim.id}/",
        "party": f"parties/{party}/",
        "place": f"places/{place}/",
        "places": "places/",
        "outlet": f"outlets/{document.chain[0].outlet}/",
        "claims": "claims/",
        "sources": "sources/",
        "timeline": "timeline/",
        "data": "data/",
    }


@pytest.fixture(scope="module")
def kinds(snapshot_model) -> dict[str, str]:
    return page_kinds(snapshot_model)


@contextlib.contextmanager
def served(site: Path, compressed: bool = False) -> Iterator[str]:
    """A built site served locally, as its base URL (the browser tests and the benchmark);
    ``compressed``: its text files gzipped, as a host such as GitHub Pages sends them."""
    handler = functools.partial(_GzipHandler if compressed else _QuietHandler, directory=str(site))
    httpd = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="module")
def server(snapshot_site: Path) -> Iterator[str]:
    """The frozen seed copy's site (the live seed is served by tests/test_seed_health.py)."""
    with served(snapshot_site) as url:
        yield url


@pytest.fixture(scope="module")
def snapshot_server(server: str) -> str:
    """The same site, for the journeys written with its names."""
    return server


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _GzipHandler(_QuietHandler):
    """Text files gzipped for a browser that accepts it; other files as they are."""

    TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv")

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in self.TEXT or not path.is_file():
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the browser dropping a connection it no longer needs (a page left mid-load)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).is_file(), f"{CHROMIUM} is missing: apt-get install chromium (or set CHROMIUM)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.console_errors = []  # type: ignore[attr-defined]
    opened.on("console", lambda message: message.type == "error" and opened.console_errors.append(message.text))
    opened.on("pageerror", lambda error: opened.console_errors.append(str(error)))
    yield opened
    context.close()


# A page is drawn once it has loaded: maps and source graphs are drawn when the site is built.
DRAWN = "() => document.readyState === 'complete'"


# Every text of the maps and charts a reader sees (the drawing shown for its box), as
# "text: problem": under 12 px as drawn, outside its drawing, or over another text of it.
DRAWING_TEXT = """() => [...document.querySelectorAll('svg.map-drawing, svg.chart-drawing')]
  .filter(svg => svg.getBoundingClientRect().width > 0).flatMap(svg => {
    const frame = svg.getBoundingClientRect(), scale = frame.width / svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll('text')].filter(t => !t.closest('svg.map-locator'))
      .map(t => ({words: t.textContent, box: t.getBoundingClientRect(),
                  size: parseFloat(getComputedStyle(t).fontSize) * scale}));
    const found = [];
    texts.forEach((t, i) => {
      if (t.size < 12) found.push(`${t.words}: ${t.size.toFixed(1)}px`);
      const b = t.box;
      if (b.left < frame.left - 1 || b.right > frame.right + 1 || b.top < frame.top - 1 || b.bottom > frame.bottom + 1)
        found.push(`${t.words}: outside its drawing`);
      texts.slice(i + 1).forEach(u => {
        const c = u.box;
        if (b.left < c.right - 1 && c.left < b.right - 1 && b.top < c.bottom - 1 && c.top < b.bottom - 1)
          found.push(`${t.words}: over ${u.words}`);
      });
    });
    return found; })"""


# Each map's drawing as a reader sees it (the layout shown for the map's width): its box,
# what it draws, and what is wrong with it: a mark or label outside the box, labels that
# overlap, a label under 12 px, a path drawn as a band across the whole map (an outline
# crossing the 180th meridian drawn the long way round), a map with no legend.
MAP_CHECK = """() => [...document.querySelectorAll('.briefing-map')].map(figure => {
  const svg = [...figure.querySelectorAll('svg.map-drawing')].find(s => s.getBoundingClientRect().width > 0);
  if (!svg) return {problems: ['no drawing is shown']};
  const frame = svg.getBoundingClientRect();
  const scale = frame.width / svg.viewBox.baseVal.width;
  const problems = [];
  const inside = (r, what) => {
    if (r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1 || r.bottom > frame.bottom + 1)
      problems.push(`${what} outside the map`);
  };
  const marks = [...svg.querySelectorAll('.map-pin, .map-group circle')];
  marks.forEach(m => inside(m.getBoundingClientRect(), 'a pin'));
  const labels = [...svg.querySelectorAll('text.map-label')].map(t => ({text: t.textContent,
    box: t.getBoundingClientRect(),
    size: parseFloat(getComputedStyle(t).fontSize) * scale}));
  labels.forEach(l => {
    inside(l.box, `label ${l.text}`);
    if (l.size < 12) problems.push(`label ${l.text} at ${l.size.toFixed(1)}px`);
  });
  for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
    const a = labels[i].box, b = labels[j].box;
    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
      problems.push(`labels ${labels[i].text} and ${labels[j].text} overlap`);
  }
  for (const path of svg.querySelectorAll(':scope > path, :scope > a > path')) {
    const r = path.getBoundingClientRect();
    if (r.width > frame.width * 0.9 && r.height < frame.height * 0.03) problems.push('a band across the map');
  }
  if (!figure.querySelector('.map-key li')) problems.push('no legend');
  return {frame: frame.toJSON(), land: svg.querySelectorAll('.map-land').length, marks: marks.length,
          shapes: svg.querySelectorAll('.map-line, .map-area').length, labels: labels.length, problems};
})"""


def _settle(page: Page) -> None:
    page.wait_for_load_state("load")
    page.wait_for_function(DRAWN, timeout=20_000)
    page.evaluate("document.fonts.ready")


# The computed size of every text of the page's source graphs, in CSS pixels.
GRAPH_TEXT = """() => [...document.querySelectorAll('.source-graph .source-graph__node')]
  .flatMap(node => [node, ...node.querySelectorAll('*')])
  .map(element => parseFloat(getComputedStyle(element).fontSize))"""


# Elements of the content whose own content is wider than they are and hidden or scrolled
# (a table in its scrolling wrapper, a diagram); a map's drawing is its own box.
SCROLLED_SIDEWAYS = """() => [...document.querySelectorAll('.md-content *')]
  .filter(el => !el.closest('.map-drawing') && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1
                && ['auto', 'scroll', 'hidden'].includes(getComputedStyle(el).overflowX))
  .map(el => `${el.tagName}.${el.className} ${el.scrollWidth}>${el.clientWidth}`)"""
