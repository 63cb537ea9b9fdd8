"""Inline HTML made safe: text and attribute values escaped, links between pages
(relative, to MkDocs' directory URLs) and out of the site (http(s) only), dates,
and text for the page head.

Everything that comes from YAML or source text goes through one of these
functions, or ``prose`` (``generator.render.prose``) for the few fields that
accept Markdown, before it lands in a page: ``text`` for text, ``attr`` for
attribute values, ``url`` for external links, ``plain`` for the page head.
Each returns ``Markup``, and HTML is put together from ``Markup`` alone, with
``html``: a ``str`` given to it is escaped, so text from the data cannot reach a
page unescaped (mypy refuses a ``str`` where ``Markup`` is asked for).
"""

from __future__ import annotations

import functools
import html as stdlib_html
import posixpath
import re
from collections.abc import Iterable

from markupsafe import Markup, escape

_CONTROL_TABLE = {code: None for code in [*range(32), *range(0x7F, 0xA0)] if chr(code) not in "\t\n\r"}
_TEXT_TABLE = {
    **_CONTROL_TABLE,
    **{ord(c): " " for c in "\t\n\r\v\f\u2028\u2029\x85"},
    ord("&"): "&amp;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
}


def html(template: str, *values: Markup | str | int | float) -> Markup:
    """HTML from a template of literal markup: each ``{}`` takes a value, escaped
    unless it is ``Markup`` already (numbers are kept as they are, for format specs)."""
    return Markup(template.format(*(v if isinstance(v, (Markup, int, float)) else escape(v) for v in values)))


def join(separator: str, items: Iterable[Markup]) -> Markup:
    """``items`` one after the other, ``separator`` (literal markup) between them."""
    return Markup(separator).join(items)


def text_chars(value: str) -> str:
    """``value`` without control characters (tabs and line breaks kept)."""
    return value.translate(_CONTROL_TABLE)


def text(value: str) -> Markup:
    """Text shown literally whatever characters it holds: HTML characters become
    entities, line breaks become spaces and other control characters are dropped."""
    if value.isprintable():  # the common case: no control character, no line break
        return Markup(value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    return Markup(value.translate(_TEXT_TABLE))


def attr(value: str) -> Markup:
    """A value for an HTML attribute, quoted with double quotes."""
    if not value.isprintable():
        value = text_chars(value)
    return Markup(stdlib_html.escape(" ".join(value.split()), quote=True))


def url(value: str) -> Markup:
    """An http(s) URL (validated upstream), for an ``href``."""
    if not re.match(r"^https?://", value):
        raise ValueError(f"refusing to emit a non-http(s) URL: {value!r}")
    return attr(value.replace(" ", "%20"))


# -- links between pages ------------------------------------------------------------


def page_url(page: str) -> str:
    """The URL MkDocs gives a file: ``places/sotk.md`` → ``places/sotk/``;
    files that are not pages keep their path."""
    if not page.endswith(".md"):
        return page
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(from_page: str, to_page: str) -> str:
    """The URL of ``to_page`` relative to the URL of ``from_page`` (both are site
    paths such as ``claims/x.md``)."""
    from_folder, _, from_name = from_page.rpartition("/")
    return _relative_url(from_folder, from_name == "index.md", to_page)


def _relative_url(from_folder: str, from_index: bool, to_page: str) -> str:
    """A page ``a/b.md`` is served as ``a/b/``, one folder deeper than its file,
    unless it is an index page."""
    target = page_url(to_page)
    folder, _, name = target.rstrip("/").rpartition("/")
    if target.endswith("/"):
        name += "/"
    between = _relative_folder(folder or ".", from_folder or ".")
    return ("" if from_index else "../") + (between + "/" if between else "") + name or "./"


@functools.lru_cache(maxsize=1024)
def _relative_folder(folder: str, start: str) -> str:
    relative = posixpath.relpath(folder, start)
    return "" if relative == "." else relative


def link(label: str, from_page: str, to_page: str, anchor: str | None = None) -> Markup:
    """A link to another page of the site; ``label`` is plain text."""
    if to_page == from_page and anchor:
        return html('<a href="#{}">{}</a>', attr(anchor), text(label))
    from_folder, _, from_name = from_page.rpartition("/")
    return _link(label, from_folder, from_name == "index.md", to_page, anchor)


_SAFE_URL = re.compile(r"[A-Za-z0-9_./#-]*")


@functools.lru_cache(maxsize=1 << 16)
def _link(label: str, from_folder: str, from_index: bool, to_page: str, anchor: str | None) -> Markup:
    """Links are the same from every page of a folder: pages link to the same few
    parties, places and outlets over and over, so they are made once."""
    target = _relative_url(from_folder, from_index, to_page) + (f"#{anchor}" if anchor else "")
    # Paths are made of ids, which are slugs; this is a second guard.
    href = Markup(target) if _SAFE_URL.fullmatch(target) else attr(target)
    return html('<a href="{}">{}</a>', href, text(label))


def link_html(inner: Markup, from_page: str, to_page: str, anchor: str | None = None) -> Markup:
    """A link whose content is markup made here (a badge), not text from data."""
    target = relative_url(from_page, to_page) + (f"#{anchor}" if anchor else "")
    return html('<a class="badge-link" href="{}">{}</a>', attr(target), inner)


def external(label: str, address: str) -> Markup:
    return html('<a href="{}">{}</a>', url(address), text(label))


def shorten(value: str, limit: int) -> str:
    """``value`` on one line, cut at a word before ``limit`` characters if longer."""
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rsplit(" ", 1)[0] + "…"


@functools.lru_cache(maxsize=4096)
def date_text(value: object) -> Markup:
    """A date as ``11 May 2023``: digits and a month's name, HTML as it is."""
    return Markup(f"{value.day} {value:%B %Y}")  # type: ignore[attr-defined]


_PLAIN = str.maketrans({"<": "\uff1c", ">": "\uff1e", "&": "\uff06", '"': "\uff02"})


def plain(value: str) -> str:
    """Text for the page head (title, description, tags), which the theme
    inserts without escaping: markup characters become full-width look-alikes."""
    if not value.isprintable():
        value = text_chars(value)
    value = " ".join(value.split())
    if "<" in value or ">" in value or "&" in value or '"' in value:
        value = value.translate(_PLAIN)
    return value
