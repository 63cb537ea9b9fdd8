"""Safe building blocks for generated Markdown.

Everything that comes from YAML or source text goes through one of these
functions before it lands in a page: ``text`` for plain text (every Markdown
and HTML character neutralised), ``attr`` for HTML attribute values, ``prose``
for the few fields that accept Markdown, and ``url`` for external links.
Links between pages are written as relative ``.md`` paths so that MkDocs
checks and rewrites them.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from collections.abc import Iterable, Sequence

import json

# Characters with a meaning in Markdown (or in the extensions the site enables)
# wherever they stand in a line; pymdownx.escapeall makes a backslash escape
# any of them. Brackets being escaped, parentheses cannot form a link.
_BACKSLASHED = frozenset("\\`*_{}[]|")
# Characters that matter only at the start of a line: lists, headings,
# blockquotes, rules, admonitions, snippets, tables, definition lists.
_LINE_START = frozenset("#-+=>:!?~%.)")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_URL_UNSAFE = {"(": "%28", ")": "%29", "<": "%3C", ">": "%3E", '"': "%22", "'": "%27",
               "\\": "%5C", "`": "%60", " ": "%20", "|": "%7C"}


def _text_table() -> dict[int, str]:
    table: dict[int, str] = {ord(c): "\\" + c for c in _BACKSLASHED}
    table.update({ord(c): entity for c, entity in _ENTITIES.items()})
    for code in [*range(0, 32), *range(0x7F, 0xA0)]:
        table[code] = ""
    table.update({ord(c): " " for c in "\r\n\t\v\f\u2028\u2029\x85"})
    return table


_TEXT_TABLE = _text_table()


def text(value: str) -> str:
    """Plain text, on one line, shown literally whatever characters it holds:
    HTML characters become entities, Markdown characters are backslash-escaped
    (the first character too when it could start a block: the text may begin
    a line), line breaks become spaces and other control characters are dropped."""
    escaped = value.translate(_TEXT_TABLE)
    first = escaped[:1]
    if first in (" ", "\t"):
        return "&#32;" + escaped[1:]  # a leading space must not start an indented block
    if first.isdigit():
        digits = len(escaped) - len(escaped.lstrip("0123456789"))
        if escaped[digits:digits + 1] in (".", ")"):  # "1. x" would start a list
            return escaped[:digits] + "\\" + escaped[digits:]
        return escaped
    if first in _LINE_START:
        return "\\" + escaped
    return escaped


def attr(value: str) -> str:
    """A value for an HTML attribute written by us, quoted with double quotes.

    Markdown runs its inline processors (code spans first) over raw HTML
    before it recognises a tag, so every character with a Markdown meaning
    becomes a numeric character reference too; the browser decodes them."""
    escaped = html_attr(value)
    return "".join(f"&#{ord(c)};" if c in _BACKSLASHED else c for c in escaped.replace("&#x27;", "'"))


_CONTROL_TABLE = {code: None for code in [*range(0, 32), *range(0x7F, 0xA0)] if chr(code) not in "\t\n\r"}


def text_chars(value: str) -> str:
    """``value`` without control characters (tabs and line breaks kept)."""
    return value.translate(_CONTROL_TABLE)


def html_text(value: str) -> str:
    """Text for raw HTML written by us: escaped, control characters dropped,
    line breaks as spaces (Markdown never sees it)."""
    return html.escape(text_chars(value).replace("\r", " ").replace("\n", " "), quote=False)


def html_attr(value: str) -> str:
    """A value for an HTML attribute in raw HTML, quoted with double quotes."""
    return html.escape(" ".join(text_chars(value).split()), quote=True)


def url(value: str) -> str:
    """An http(s) URL (validated upstream), encoded so Markdown cannot misread it."""
    if not re.match(r"^https?://", value):
        raise ValueError(f"refusing to emit a non-http(s) URL: {value!r}")
    return "".join(_URL_UNSAFE.get(char, char) for char in value)


def prose(value: str) -> str:
    """Contributor Markdown, restricted to what reads as prose.

    Kept: paragraphs, emphasis, lists, blockquotes, inline code, headings of
    level 3 to 6, and links (validation has made sure they are http(s)).
    Shown as text: raw HTML and HTML comments, attribute lists ``{...}``,
    headings of level 1 and 2 (they would break the page's outline), tables,
    admonitions and fenced code blocks. Images are refused at validation."""
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = escaped.replace("{", "\\{").replace("}", "\\}").replace("|", "\\|")
    escaped = re.sub(r"^(\s*)&gt;", r"\1>", escaped, flags=re.M)  # blockquotes
    escaped = re.sub(r"^(\s*)(#{1,2})(?=\s|$)", lambda m: m[1] + "\\" + "\\".join(m[2]), escaped, flags=re.M)
    escaped = re.sub(r"^(\s*)([!?]{3}|`{3,}|~{3,})", lambda m: m[1] + "\\" + "\\".join(m[2]), escaped, flags=re.M)
    return escaped


def relative(from_page: str, to_page: str) -> str:
    """The relative path from one generated page to another (both ``.md`` paths)."""
    folder, name = posixpath.split(to_page)
    return posixpath.join(_relative_folder(folder or ".", posixpath.dirname(from_page) or "."), name)


@functools.lru_cache(maxsize=1024)
def _relative_folder(folder: str, start: str) -> str:
    relative = posixpath.relpath(folder, start)
    return "" if relative == "." else relative


def link(label: str, from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A Markdown link to another page of the site; ``label`` is plain text."""
    target = relative(from_page, to_page) + (f"#{anchor}" if anchor else "")
    return f"[{text(label)}]({target})"


def external(label: str, address: str) -> str:
    return f"[{text(label)}]({url(address)})"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A Markdown table; cells must already be escaped Markdown."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def facts(rows: Iterable[tuple[str, str]]) -> str:
    """A two-column box of labelled facts; values must already be escaped Markdown.
    Its header row is empty, and the stylesheet hides it."""
    return table(("", ""), ((f"**{text(name)}**", value) for name, value in rows))


def bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


_PLAIN = str.maketrans({"<": "\uff1c", ">": "\uff1e", "&": "\uff06", '"': "\uff02"})


def plain(value: str) -> str:
    """Text for the page head (title, description, tags), which the theme
    inserts without escaping: markup characters become full-width look-alikes."""
    return " ".join(text_chars(value).split()).translate(_PLAIN)


def front_matter(title: str, description: str, tags: Iterable[str] = ()) -> str:
    """YAML front matter: title and description for the page head, tags for the index."""
    # JSON strings and arrays are valid YAML, and far quicker to write than YAML's emitter.
    lines = [f"description: {json.dumps(plain(description), ensure_ascii=False)}"]
    tag_list = sorted({plain(tag) for tag in tags})
    if tag_list:
        lines.append(f"tags: {json.dumps(tag_list, ensure_ascii=False)}")
    lines.append(f"title: {json.dumps(plain(title), ensure_ascii=False)}")
    return "---\n" + "\n".join(lines) + "\n---"


def heading(level: int, value: str, anchor: str | None = None) -> str:
    suffix = f" {{#{anchor}}}" if anchor else ""
    return f"{'#' * level} {text(value)}{suffix}"


def summary(value: str) -> str:
    """A lead paragraph, styled as such."""
    return f"{text(value)}\n{{: .summary }}"


def page(*blocks: str) -> str:
    """Join blocks with blank lines; empty blocks are dropped."""
    return "\n\n".join(block for block in blocks if block) + "\n"


def date_text(value: object) -> str:
    """A date as ``11 May 2023``."""
    return f"{value.day} {value:%B %Y}"  # type: ignore[attr-defined]
