"""Markdown made HTML: contributor prose, restricted to what reads as prose, and
the package's own help text. Raw HTML is text in both."""

from __future__ import annotations

import functools
import re
from xml.etree import ElementTree

import markdown
from markupsafe import Markup

from generator.render.inline import text_chars


class _OnlyWebLinks(markdown.treeprocessors.Treeprocessor):
    """Behind validation, a second guard: links keep only http(s) targets, images go."""

    def run(self, root: ElementTree.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "img":
                    parent.remove(child)
                elif child.tag == "a" and not re.match(r"^https?://", child.get("href", ""), re.I):
                    child.attrib.pop("href", None)


class _MinorHeadings(markdown.blockprocessors.HashHeaderProcessor):
    """``###`` to ``######`` only: a level-1 or level-2 heading (``#``, ``##``, or text
    underlined with ``===`` or ``---``) would break the page's outline, so it stays text,
    in a blockquote or a list too."""

    RE = re.compile(r"(?:^|\n)(?P<level>#{3,6})(?!#)(?P<header>(?:\\.|[^\\#]|#+(?=[^#\n]))*?)#*(?:\n|$)")


def _converter(*extensions: str, minor_headings_only: bool = False) -> markdown.Markdown:
    """A Markdown converter for which raw HTML is text, escaped like any other."""
    converter = markdown.Markdown(extensions=list(extensions), output_format="html")
    converter.treeprocessors.register(_OnlyWebLinks(converter), "only-web-links", 0)
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    if minor_headings_only:
        blocks = converter.parser.blockprocessors
        blocks.deregister("setextheader")
        blocks.register(_MinorHeadings(converter.parser), "hashheader", 70)
    return converter


_PROSE = _converter("sane_lists", minor_headings_only=True)
_OURS = _converter("tables", "sane_lists")


def prose(value: str) -> Markup:
    """Contributor Markdown, restricted to what reads as prose.

    Kept: paragraphs, emphasis, lists, blockquotes, code, headings of level 3
    to 6, and links (validation has made sure they are http(s); any other is
    dropped here too). Shown as text: raw HTML and HTML comments, headings of
    level 1 and 2 (they would break the page's outline), and the syntax of
    extensions the site has elsewhere (attribute lists, tables, admonitions).
    Images are refused at validation, and dropped here too."""
    return _convert(_PROSE, text_chars(value))


@functools.lru_cache(maxsize=256)
def ours(source: str) -> Markup:
    """Markdown written in this package (never data): help text, the input reference."""
    return _convert(_OURS, source)


def _convert(converter: markdown.Markdown, source: str) -> Markup:
    converter.reset()
    converted = converter.convert(source)
    # No blank line inside the result, so that it stays one HTML block for any Markdown engine.
    return Markup(re.sub(r"\n\s*\n", "\n", converted))  # Markdown made safe above
