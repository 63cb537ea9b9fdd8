"""Pages are built as data: the outline of headings and the ids a page defines are
noted as the page is made, never found again in its HTML. Parsing every page's body
here, independently, must find exactly what the page says it holds, and nothing at
the top level that is not a whole block (a Markdown engine would wrap stray inline
HTML in a paragraph that the prebuilt page does not have)."""

from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build.pipeline import build_pages
from generator.render import markup
from tests.conftest import MINI, ROOT

BLOCKS = {
    "div",
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "dl",
    "table",
    "pre",
    "blockquote",
    "script",
    "figure",
}
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source"}


class _Body(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.ids: list[str] = []
        self.headings: list[tuple[int, str, str]] = []
        self.stray: list[str] = []
        self._heading: list = []  # [level, id, text] while inside a heading
        self._in_permalink = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id") is not None:
            self.ids.append(values["id"] or "")
        if self.depth == 0 and tag not in BLOCKS:
            self.stray.append(f"<{tag}>")
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self._heading = [int(tag[1]), values.get("id") or "", ""]
        if tag == "a" and values.get("class") == "headerlink":
            self._in_permalink = True
        if tag not in VOID:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        self.depth -= 1
        if tag == "a":
            self._in_permalink = False
        if self._heading and tag == f"h{self._heading[0]}":
            self.headings.append(tuple(self._heading))  # type: ignore[arg-type]
            self._heading = []

    def handle_data(self, data: str) -> None:
        if self.depth == 0 and data.strip():
            self.stray.append(data.strip()[:60])
        if self._heading and not self._in_permalink:
            self._heading[2] += data


def _pages(seeds: Path) -> list[tuple[str, markup.Page]]:
    built = build_pages(seeds, ROOT)
    assert built.problems == []
    return [(p.path, p.content) for p in built.pages if isinstance(p.content, markup.Page)]


@pytest.mark.parametrize("corpus", ["seed", "mini", "long"])
def test_outline_and_ids_are_known_as_made(corpus: str, request: pytest.FixtureRequest) -> None:
    """``long``: the synthetic corpus of tests/conftest.py's ``long_pages``, its limits lowered
    so that every list is cut into parts and every backlink section overflows."""
    if corpus == "long":
        pages = list(request.getfixturevalue("long_pages").items())
    else:
        pages = _pages({"seed": ROOT / "seeds", "mini": MINI}[corpus])
    wrong = []
    for path, page in pages:
        parsed = _Body()
        parsed.feed(page.body)
        parsed.close()
        headings, anchors = page.outline()
        if sorted(parsed.ids) != sorted(anchors) or len(set(parsed.ids)) != len(parsed.ids):
            wrong.append(f"{path}: ids in the body {sorted(set(parsed.ids) ^ anchors)} differ from the page's")
        outline = [(h.level, h.id, html.unescape(h.name)) for h in headings]
        if parsed.headings != outline:
            wrong.append(f"{path}: headings {parsed.headings[:3]}… differ from the outline {outline[:3]}…")
        if parsed.stray:
            wrong.append(f"{path}: not a whole block at the top level: {parsed.stray[:3]}")
    assert wrong == []
