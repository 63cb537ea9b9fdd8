"""The one way a long list becomes pages: each part (cut by ``generator.model.parts``) on a
page of its own, headed by its title with a link back to the list, and the links to
the parts for the list's first page."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from markupsafe import Markup

from generator.model import parts
from generator.render import markup as mk
from generator.render import paths

Item = TypeVar("Item")

Pages = list[tuple[str, mk.Page]]


@dataclass(frozen=True)
class Part:
    page: str  # where the part's page lives
    label: str  # its link on the list's first page
    title: str  # its page's title and heading
    description: str
    blocks: mk.Block  # what it lists, linked from ``page``
    count: int | None = None  # shown after its link, if given
    note: Markup | None = None  # HTML after the link back to the list


def part_pages(list_page: str, back: str, parts: Iterable[Part], searched: bool = False) -> tuple[Markup, Pages]:
    """The parts' pages, and their links (HTML, `` · ``-separated) for ``list_page``;
    ``back`` is the label of the link from each part back to it. Parts of lists of
    links to searched pages are left out of search (``searched``)."""
    links: list[Markup] = []
    pages: Pages = []
    for part in parts:
        links.append(
            mk.link(part.label, list_page, part.page)
            + (mk.html(" ({})", part.count) if part.count is not None else Markup())
        )
        page = mk.page(
            mk.front_matter(part.title, part.description, searched=searched),
            mk.heading(1, part.title),
            mk.para(mk.link(back, part.page, list_page) + (part.note or Markup())),
            part.blocks,
        )
        pages.append((part.page, page))
    return mk.join(" · ", links), pages


def numbered_parts(
    list_page: str,
    back: str,
    stem: str,
    title: str,
    description: str,
    rows: Sequence[Item],
    render: Callable[[list[Item], str], mk.Block],
) -> tuple[Markup, Pages]:
    """``rows`` in numbered parts (``parts.numbered``), each on its page ``lists/STEM-N``
    titled ``TITLE (N of M)`` and drawn by ``render(part, page)`` with links from that
    page; their links and pages, as ``part_pages`` gives them."""
    numbered = parts.numbered(rows)
    return part_pages(
        list_page,
        back,
        (
            Part(page, number, f"{title} ({number} of {len(numbered)})", description, render(part, page))
            for number, part in numbered.items()
            for page in [paths.listing(f"{stem}-{number}")]
        ),
    )
