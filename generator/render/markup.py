"""The blocks generated pages are made of, and the page they make.

Every generated page is a little front matter (title, description, tags)
and a list of blocks: HTML made here, headings, HTML that defines anchors, and
groups of these (``Block``). ``page`` writes them out once, noting the outline
of headings and every id as it goes, so that nothing reads the HTML again.
HTML blocks are valid Markdown, so the pages can be written out as Markdown
files for any engine, and MkDocs can take the body as it is instead of
converting it page by page (the costliest step of a large build).

Renderers use this module alone (``mk``): it also names the safe inline
helpers of ``inline`` (escaped text, links) and the Markdown of ``prose``.
"""

from __future__ import annotations

import html as stdlib_html
import json
import re
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple, TypeAlias, overload

from markdown.extensions.toc import slugify, unique
from markupsafe import Markup

from generator.render import fonts
from generator.render.inline import (
    attr,
    date_text,
    external,
    html,
    join,
    link,
    link_html,
    plain,
    relative_url,
    shorten,
    text,
    text_chars,
    url,
)
from generator.render.prose import ours, prose

__all__ = [
    "Markup",
    "attr",
    "date_text",
    "external",
    "html",
    "join",
    "link",
    "link_html",
    "ours",
    "plain",
    "prose",
    "relative_url",
    "shorten",
    "text",
    "text_chars",
    "url",
]

# -- blocks -------------------------------------------------------------------------


def table(headers: Sequence[str], rows: Iterable[Sequence[Markup]]) -> Markup:
    """A table in the theme's wrapper; headers are plain text, cells HTML. On a narrow
    screen each row becomes a card whose cells are labelled with their column
    (``data-label``, shown by the stylesheet), so that nothing has to be scrolled sideways."""
    labels = [html(' data-label="{}"', attr(h)) for h in headers]
    head = join("", (html("<th>{}</th>", text(h)) for h in headers))
    body = join(
        "",
        (
            html(
                "<tr>{}</tr>\n",
                join("\n", (html("<td{}>{}</td>", label, cell) for label, cell in zip(labels, row, strict=False))),
            )
            for row in rows
        ),
    )
    return html(
        '<div class="md-typeset__scrollwrap stack"><div class="md-typeset__table"><table>'
        "<thead><tr>{}</tr></thead><tbody>{}</tbody></table></div></div>",
        head,
        body,
    )


def facts(rows: Iterable[tuple[str, Markup]]) -> Markup:
    """A box of labelled facts; names are plain text, values HTML."""
    # A line break between cells: text extracted from the page (search snippets) keeps them apart.
    body = join(
        "", (html('<tr><th scope="row">{}</th>\n<td>{}</td></tr>\n', text(name), value) for name, value in rows)
    )
    return html(
        '<div class="md-typeset__scrollwrap facts"><div class="md-typeset__table"><table>'
        "<tbody>{}</tbody></table></div></div>",
        body,
    )


def bullets(items: Iterable[Markup]) -> Markup:
    return html("<ul>{}</ul>", join("", (html("<li>{}</li>", item) for item in items)))


def numbered(items: Sequence[tuple[str | None, Markup]]) -> Anchored:
    """An ordered list of (id, HTML) items."""
    body = join("", (html('<li id="{}">{}</li>', i, item) if i else html("<li>{}</li>", item) for i, item in items))
    return Anchored(html("<ol>{}</ol>", body), tuple(i for i, _ in items if i))


def para(content: Markup, css_class: str | None = None) -> Markup:
    """A paragraph of HTML."""
    return html('<p class="{}">{}</p>', css_class, content) if css_class else html("<p>{}</p>", content)


def note(content: Markup) -> Markup:
    """A paragraph in italics: "none recorded", "the first 50 of ..."."""
    return html("<p><em>{}</em></p>", content)


def summary(value: str) -> Markup:
    """A lead paragraph, styled as such."""
    return para(text(value), "summary")


def weighted(blocks: list[Block], weight: int) -> Wrapped:
    """Blocks whose words count ``weight`` times in site search (Pagefind's weights run to
    10; a page's title counts 7 by default): a topic's title and lead, so that a topic
    comes first for the words that name and sum it up."""
    return Wrapped(html('<div data-pagefind-weight="{}">', weight), blocks, Markup("</div>"))


def admonition(kind: str, title: str, blocks: Iterable[Markup]) -> Markup:
    """The theme's call-out box."""
    return html(
        '<div class="admonition {}"><p class="admonition-title">{}</p>{}</div>', kind, text(title), join("", blocks)
    )


@dataclass(frozen=True)
class Heading:
    """A heading, a block of its own: ``page`` writes it with its id and a permanent
    link and notes it in the outline. Without ``anchor`` its id is made from its text
    (unique on the page)."""

    level: int
    title: str  # plain text
    anchor: str | None = None


def heading(level: int, value: str, anchor: str | None = None) -> Heading:
    return Heading(level, value, anchor)


@dataclass(frozen=True)
class Anchored:
    """A block of HTML that defines ids other pages link to (``ids``, all of them)."""

    html: Markup
    ids: tuple[str, ...]


@dataclass(frozen=True)
class Wrapped:
    """Blocks inside an element (``start`` and ``end`` are its tags)."""

    start: Markup
    blocks: list[Block]
    end: Markup


# A page is a list of blocks: HTML made by the functions here (``Markup`` that is a
# whole block element), headings, anchored HTML, wrapped blocks and groups (lists)
# of blocks.
Block: TypeAlias = "Markup | Heading | Anchored | Wrapped | list[Block]"


def _heading(level: int, ident: str, inner: Markup) -> Markup:
    return html(
        '<h{} id="{}">{}<a class="headerlink" href="#{}" title="Permanent link">&para;</a></h{}>',
        level,
        ident,
        inner,
        ident,
        level,
    )


def code_block(source: str) -> Markup:
    """Text shown as written, line breaks and indentation kept (no blank line, so that it
    stays one HTML block for any Markdown engine)."""
    return html(
        "<pre><code>{}</code></pre>", Markup(stdlib_html.escape(source.replace(chr(10) * 2, chr(10)), quote=False))
    )


@overload
def unsearched(block: Markup) -> Markup: ...
@overload
def unsearched(block: Block) -> Block: ...
def unsearched(block: Block) -> Block:
    """A block that site search leaves out: lists of links to pages that are
    searched themselves. Results then point at the page that holds the text,
    and the search index stays a fraction of the site."""
    if not block:
        return Markup()
    if isinstance(block, Markup):
        return html("<div data-pagefind-ignore>{}</div>", block)
    return Wrapped(
        Markup("<div data-pagefind-ignore>"), block if isinstance(block, list) else [block], Markup("</div>")
    )


# -- pages ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FrontMatter:
    title: str
    description: str
    tags: tuple[tuple[str, str], ...] = ()  # (name, URL of its place on the tags page)
    searched: bool = True
    topic: tuple[str, str] | None = None  # (title, URL relative to the page)
    kind: str = "Overview"  # the kind of page, a filter of site search
    filed_under: str | None = None  # the topic it is found under in site search
    language: str | None = None  # the language of the page's text, where it is not the site's


def front_matter(
    title: str,
    description: str,
    tags: Iterable[tuple[str, str]] = (),
    searched: bool = True,
    topic: tuple[str, str] | None = None,
    kind: str = "Overview",
    filed_under: str | None = None,
    language: str | None = None,
) -> FrontMatter:
    """Title and description for the page head, tags (each with its URL on the tags
    page, as ``common.tag_links`` makes them) shown at the top of the page; a page
    that only lists other pages can be left out of site search. ``topic`` (a topic's
    title and its URL, from ``topic_tag``) is shown as a tag that leads to the topic's
    page: the pages of a topic's documents and claims carry it without entering the
    tags index, which would otherwise list every document. Site search lets a reader
    filter by ``kind`` (Topic, Document, Claim…) and by topic: the tagged topic, or
    ``filed_under`` (a topic's own page). A page whose text is in another ``language`` than
    the site's is filed under that language: site search indexes it with that language's
    words (``docs/javascripts/search.js``)."""
    filed = plain(filed_under) if filed_under is not None else topic[0] if topic else None
    tagged = tuple(sorted({(plain(name), tag_url) for name, tag_url in tags}))
    return FrontMatter(plain(title), plain(description), tagged, searched, topic, kind, filed, language)


def topic_tag(title: str, from_page: str, topic_page: str) -> tuple[str, str]:
    """The tag of a topic on one of its pages: the topic's title and its page's URL."""
    return plain(title), relative_url(from_page, topic_page)


class TocEntry(NamedTuple):
    """A heading in a page's outline, as the theme's table of contents reads it."""

    level: int
    id: str
    name: Markup


@dataclass(frozen=True)
class Page:
    """A generated page: its head, its HTML body, the outline of its headings and
    every id its body defines (for links to its anchors), all known as it is made.

    The body, the outline and the ids are kept compressed (a fifth of their size):
    a build holds every page until the last is written, and at 100,000 documents
    they were gigabytes. They are unpacked each time they are read (about 20 µs)."""

    head: FrontMatter
    packed: bytes  # the body
    packed_outline: bytes  # the headings and the ids, as JSON
    fonts: tuple[str, ...] = ()  # the font stylesheets of the scripts the body shows (``generator.render.fonts``)

    @property
    def body(self) -> str:
        """The page's HTML."""
        return zlib.decompress(self.packed).decode("utf-8")

    def outline(self) -> tuple[tuple[TocEntry, ...], frozenset[str]]:
        """The headings and the ids, unpacked once."""
        headings, anchors = json.loads(zlib.decompress(self.packed_outline))
        return tuple(TocEntry(level, ident, Markup(name)) for level, ident, name in headings), frozenset(anchors)

    @property
    def markdown(self) -> str:
        """The page as a Markdown file: YAML front matter (its ``meta``), then the HTML body."""
        # JSON values are valid YAML, and far quicker to write than YAML's emitter.
        lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in sorted(self.meta.items())]
        return "---\n" + "\n".join(lines) + "\n---\n\n" + self.body

    @property
    def meta(self) -> dict[str, object]:
        """What MkDocs reads from a page's front matter."""
        meta: dict[str, object] = {"description": self.head.description, "title": self.head.title}
        if self.fonts:  # linked in the page's head (docs/overrides/main.html)
            meta["fonts"] = list(self.fonts)
        if self.head.language:  # the page's own language (``mkdocs_plugin.on_post_page``)
            meta["language"] = self.head.language
        if self.head.tags:
            meta["tags"] = [name for name, _ in self.head.tags]  # for an engine's own tags plugin
            meta["tag_links"] = [{"name": name, "url": tag_url} for name, tag_url in self.head.tags]
        if self.head.topic:
            meta["topic_tag"] = {"name": self.head.topic[0], "url": self.head.topic[1]}
        if not self.head.searched:
            meta["search"] = {"exclude": True}
        else:  # the filters of site search (docs/overrides/main.html)
            filters = {"kind": self.head.kind}
            if self.head.filed_under:
                filters["topic"] = self.head.filed_under
            meta["search"] = filters
        return meta


_HTML_TAG = re.compile(r'<html lang="[^"]*"')
_BODY_TAG = re.compile(r"<body(?=[\s>])")


def in_language(page_html: str, language: str, site_language: str) -> str:
    """A page written by the theme, filed under ``language``: its ``<html>`` says that language
    (which is what site search reads to index it), its ``<body>`` the site's (the theme's
    wording), and the text in that language says so itself."""
    page_html = _HTML_TAG.sub(html('<html lang="{}"', attr(language)), page_html, count=1)
    return _BODY_TAG.sub(html('<body lang="{}"', attr(site_language)), page_html, count=1)


@dataclass(frozen=True)
class Data:
    """A generated data file (JSON, CSV), kept compressed like a page's body, in pieces
    of a few hundred rows or records packed apart (``data``)."""

    pieces: tuple[bytes, ...]

    @property
    def encoded(self) -> bytes:
        """The file as written (UTF-8)."""
        return b"".join(self.unpacked())

    def unpacked(self) -> Iterator[bytes]:
        """The file as written, a piece at a time: whole, with its pieces beside it before they
        are joined, ``briefings.json`` took 250 MB more of a build's peak at 100,000 documents."""
        return (zlib.decompress(piece) for piece in self.pieces)

    @property
    def text(self) -> str:
        return self.encoded.decode("utf-8")


def data(text: str | Iterable[str]) -> Data:
    """A data file from its text, or from the pieces of its text, each packed as it comes."""
    pieces = [text] if isinstance(text, str) else text
    return Data(tuple(zlib.compress(piece.encode("utf-8"), _PACKING) for piece in pieces))


def page(head: FrontMatter, *blocks: Block) -> Page:
    """Put a page together from its blocks, in one pass: empty blocks dropped,
    each heading given its id (from its text if it has none, unique on the page)
    and a permanent link, and the outline and the ids noted as they are written.
    Top-level blocks are separated by a blank line, the blocks of a group by a
    line break."""
    taken = set(_ids(blocks))
    writer = _Writer(taken)
    body = writer.write(blocks, "\n\n")
    outline = json.dumps([writer.toc, sorted(taken)], ensure_ascii=False, separators=(",", ":"))
    return Page(head, _pack(body + "\n"), _pack(outline), fonts.stylesheets_for([body]))


def _pack(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), _PACKING)


_PACKING = 3  # zlib's level: 4.5 times smaller at 36 µs a page; higher levels gain little for the time


def _ids(blocks: Iterable[Block]) -> Iterator[str]:
    """The ids the blocks define themselves (headings without one get theirs later)."""
    for block in blocks:
        if isinstance(block, Heading) and block.anchor is not None:
            yield block.anchor
        elif isinstance(block, Anchored):
            yield from block.ids
        elif isinstance(block, Wrapped):
            yield from _ids(block.blocks)
        elif isinstance(block, list):
            yield from _ids(block)


class _Writer:
    def __init__(self, taken: set[str]) -> None:
        self.taken = taken  # gains the ids given to headings without one
        self.toc: list[TocEntry] = []

    def write(self, blocks: Iterable[Block], separator: str) -> str:
        return separator.join(self.block(block) for block in blocks if block)

    def block(self, block: Block) -> str:
        if isinstance(block, Markup):
            return block
        if isinstance(block, Anchored):
            return block.html
        if isinstance(block, list):
            return self.write(block, "\n")
        if isinstance(block, Wrapped):
            return str(block.start) + self.write(block.blocks, "\n") + str(block.end)  # the output, a str
        inner = text(block.title)
        ident = block.anchor
        if ident is None:
            ident = unique(slugify(stdlib_html.unescape(inner), "-") or "section", self.taken)
        self.toc.append(TocEntry(block.level, ident, inner))
        return _heading(block.level, ident, inner)
