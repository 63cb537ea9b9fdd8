"""Pages are written without the theme's indentation and blank lines, and read the same.

The seed is built twice by the real MkDocs, once as published and once with
``compact_html: false``; every page of the two must hold the same elements, the
same attribute values, the same text once runs of white space are read as a
browser reads them, and, inside ``pre``, ``textarea``, ``script`` and ``style``,
the same characters.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.site.compact_html import compact
from tests.conftest import SNAPSHOT, built_site

_RAW = {"pre", "textarea", "script", "style"}


class _Reading(HTMLParser):
    """A page as a reader's browser takes it: tags, attributes, text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tokens: list[tuple[str, object]] = []
        self.raw_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tokens.append(("start", (tag, tuple(attrs))))
        self.raw_depth += tag in _RAW

    def handle_endtag(self, tag: str) -> None:
        self.tokens.append(("end", tag))
        self.raw_depth -= tag in _RAW

    def handle_data(self, data: str) -> None:
        self._text(data)

    def handle_entityref(self, name: str) -> None:
        self._text(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._text(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.tokens.append(("comment", data))

    def handle_decl(self, decl: str) -> None:
        self.tokens.append(("decl", decl))

    def _text(self, data: str) -> None:
        if self.tokens and self.tokens[-1][0] in ("text", "raw"):
            _, before = self.tokens.pop()
            data = str(before) + data
        if self.raw_depth:
            self.tokens.append(("raw", data))
            return
        shown = re.sub(r"\s+", " ", data)
        if shown != " ":  # white space alone between tags: both forms show it alike
            self.tokens.append(("text", shown.strip() if shown.strip() else shown))


def _read(page: str) -> list[tuple[str, object]]:
    reading = _Reading()
    reading.feed(page)
    reading.close()
    return reading.tokens


@pytest.fixture(scope="module")
def as_templated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_site(SNAPSHOT, tmp_path_factory.mktemp("templated"), compact_html=False)


def test_every_page_reads_the_same_and_is_smaller(snapshot_site: Path, as_templated: Path) -> None:
    pages = sorted(p.relative_to(as_templated) for p in as_templated.rglob("*.html"))
    assert pages == sorted(p.relative_to(snapshot_site) for p in snapshot_site.rglob("*.html"))
    written = templated = 0
    for page in pages:
        before = (as_templated / page).read_text(encoding="utf-8")
        after = (snapshot_site / page).read_text(encoding="utf-8")
        assert _read(after) == _read(before), page
        assert _indented_only_where_kept(after), page
        written += len(after.encode())
        templated += len(before.encode())
    assert written < 0.9 * templated, f"compacted pages are {written / templated:.0%} of the templates' output"


def _indented_only_where_kept(page: str) -> bool:
    """Whether every indented line of a written page is inside pre, textarea, script or style."""
    outside = re.sub(r"<(pre|textarea|script|style)\b.*?</\1\s*>|<!--.*?-->", "", page, flags=re.DOTALL | re.IGNORECASE)
    return "\n " not in outside and "\n\t" not in outside


def test_white_space_that_is_content_is_kept() -> None:
    page = (
        '<body>\n    <p title="kept  as  is">two  spaces\n\n      and a break</p>\n'
        "  <pre>  code\n    indented</pre>\n  <textarea>\n  typed\n</textarea>\n"
        '  <script>\n  var s = "  x";\n</script>\n  <style>\n  p { }\n</style>\n'
        "  <!--\n  a comment\n  -->\n  <p>&lt;script&gt;\n   alert(1)</p>\n</body>"
    )
    assert compact(page) == (
        '<body>\n<p title="kept  as  is">two  spaces\nand a break</p>\n'
        "<pre>  code\n    indented</pre>\n<textarea>\n  typed\n</textarea>\n"
        '<script>\n  var s = "  x";\n</script>\n<style>\n  p { }\n</style>\n'
        "<!--\n  a comment\n  -->\n<p>&lt;script&gt;\nalert(1)</p>\n</body>"
    )
    assert _read(compact(page)) == _read(page)


# The site's own pictures, drawn when it is built (maps, their keys and locators; charts and their keys).
DRAWINGS = {"map-drawing", "map-swatch", "map-locator", "chart-drawing", "chart-swatch"}


def test_every_icon_a_page_shows_is_drawn_and_no_page_writes_one_out(snapshot_site: Path) -> None:
    """The theme's icons come from the stylesheet (partials/icon.html): an icon named in
    mkdocs.yml without a rule there would show nothing, and an inline SVG other than a
    map's or a chart's would mean a template of the theme's is used again instead of the
    site's own."""
    stylesheet = (snapshot_site / "stylesheets" / "briefing.css").read_text(encoding="utf-8")
    drawn = set(re.findall(r"\.(briefing-icon--[\w-]+) \{\s*--briefing-icon: url\(", stylesheet))
    script = (snapshot_site / "javascripts" / "search.js").read_text(encoding="utf-8")
    used = set(re.findall(r"briefing-icon--[\w-]+", script))
    for page in snapshot_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert set(re.findall(r'<svg(?: class="([\w-]+)")?', html)) <= DRAWINGS, page
        used |= set(re.findall(r'class="briefing-icon (briefing-icon--[\w-]+)"', html))
    assert used, "no page shows an icon"
    assert used <= drawn, f"icons with no rule in briefing.css: {sorted(used - drawn)}"
