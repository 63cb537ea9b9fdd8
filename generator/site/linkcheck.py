"""Checking a built site: every internal link and anchor must resolve.

Runs on the HTML that MkDocs wrote, so it also covers links that the theme
and raw HTML produce. ``python -m generator check-links site``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


@dataclass
class ParsedPage:
    """The links, ids, highlights and text of one HTML page."""

    path: Path
    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    marks: list[dict[str, str]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})


class _Parser(HTMLParser):
    """Collects links, ids and marks; text shown only on hover (tooltips) is not
    part of the page's reading text."""

    def __init__(self, page: ParsedPage) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag not in _VOID and (self.hidden_depth or "claim-tip" in values.get("class", "").split()):
            self.hidden_depth += 1
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.ids.add(values["name"])
        if tag in ("a", "link") and "href" in values:
            self.page.links.append(values["href"])
        if tag in ("img", "script") and "src" in values:
            self.page.links.append(values["src"])
        if tag == "mark":
            self.page.marks.append(values)

    def handle_endtag(self, tag: str) -> None:
        if self.hidden_depth:
            self.hidden_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden_depth:
            self.page.text.append(data)


def parse(path: Path) -> ParsedPage:
    page = ParsedPage(path)
    _Parser(page).feed(path.read_text(encoding="utf-8"))
    return page


def internal_targets(site: Path, page: ParsedPage) -> list[tuple[str, Path, str]]:
    """Every internal link of a page as (href, target file, fragment)."""
    base = "/" + page.path.relative_to(site).as_posix()
    targets = []
    for href in page.links:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            continue
        resolved = urlsplit(urljoin(base, href))
        target = site / unquote(resolved.path).lstrip("/")
        if resolved.path.endswith("/") or target.is_dir():
            target = target / "index.html"
        targets.append((href, target, unquote(resolved.fragment)))
    return targets


def broken_links(site: Path) -> list[str]:
    """``page → href`` for every internal link whose file or anchor is missing."""
    pages = {path: parse(path) for path in sorted(site.rglob("*.html"))}
    broken = []
    for page in pages.values():
        for href, target, fragment in internal_targets(site, page):
            where = page.path.relative_to(site).as_posix()
            if not target.is_file():
                broken.append(f"{where}: broken link → {href}")
            elif fragment and target in pages and fragment not in pages[target].ids:
                broken.append(f"{where}: missing anchor → {href}")
    return broken


def page_of(site: Path, url_path: str) -> Path:
    return site / url_path / "index.html"
