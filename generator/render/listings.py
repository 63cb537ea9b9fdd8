"""Long lists cut into pages, so that no page grows with the corpus.

A small corpus keeps each list on its section's index page. Past a limit,
the index page becomes a table of contents and the lists move to pages
under ``lists/``: documents by topic and year (and month, if a year is
long, and numbered parts of a long month), parties, places and outlets by
first letter, the timeline by year (and month, and parts). Each function
returns the index page and the extra pages.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from itertools import groupby
from typing import Any

from markupsafe import Markup

from generator import inputs
from generator.model import parts
from generator.model.entries import EventEntry
from generator.model.site import Site
from generator.render import markup as mk
from generator.render import paths
from generator.render.common import citations, date_range, document_link, entity_link, label
from generator.render.maps import map_block
from generator.render.paginate import Pages, Part, part_pages
from generator.validate.corpus import SourceDocument

OVERVIEW_MAP_LIMIT = 500  # places on the overview map of the places page


def _period_title(period: str) -> str:
    """``2023``, ``May 2023`` for a month, or ``May 2023, part 2`` for a part of a long month."""
    year, _, rest = period.partition("-")
    month, _, number = rest.partition("-")
    title = f"{calendar.month_name[int(month)]} {int(year)}" if month else str(int(year))
    return f"{title}, part {int(number)}" if number else title


# -- documents ------------------------------------------------------------------


def render_documents(site: Site) -> Pages:
    here = paths.DOCUMENTS
    head = mk.front_matter("Documents", "Every source document, by topic and year, newest first.")
    blocks: list[mk.Block] = [
        mk.heading(1, "Documents"),
        mk.para(mk.html("All {} source documents, by topic, newest first.", len(site.corpus.documents))),
    ]
    pages: Pages = []
    one_page = len(site.corpus.documents) <= parts.ONE_PAGE_LIMIT
    for topic in sorted(site.corpus.topics.values(), key=lambda t: t.title):
        documents = site.documents_newest_first(topic.id)
        if not documents:
            continue
        blocks.append(mk.heading(2, topic.title, f"topic-{topic.id}"))
        by_period = parts.by_period(documents, lambda d: d.meta.event_date)
        if one_page:
            for period, in_period in by_period.items():
                blocks.append(mk.heading(3, _period_title(period), f"{topic.id}-{period}"))
                blocks.append(_documents_table(site, in_period, here))
            continue
        links, extra = part_pages(here, "All documents", _document_parts(site, topic, by_period))
        blocks.append(mk.para(links))
        pages += extra
    return [(here, mk.page(head, *blocks)), *pages]


def _document_parts(site: Site, topic: inputs.Topic, by_period: dict[str, list[SourceDocument]]) -> Iterable[Part]:
    for period, in_period in by_period.items():
        page = paths.listing(f"documents-{topic.id}-{period}")
        yield Part(
            page,
            _period_title(period),
            f"{topic.title}: documents of {_period_title(period)}",
            f"Source documents on {topic.title}, {_period_title(period)}.",
            _documents_table(site, in_period, page),
            count=len(in_period),
            note=mk.html(" · {} documents, newest first.", len(in_period)),
        )


def _documents_table(site: Site, documents: Iterable[SourceDocument], here: str) -> Markup:
    return mk.table(
        ("Date", "Document", "Copy held", "Claims"),
        (
            (
                mk.date_text(d.meta.event_date),
                document_link(d, here),
                entity_link(site, d.meta.outlet, here),
                mk.html("{}", len(d.meta.claims)),
            )
            for d in documents
        ),
    )


# -- parties, places, outlets -----------------------------------------------------

ENTITY_LISTS = {
    "party": ("Parties", paths.PARTIES, "States, government bodies, armed forces, people and organisations."),
    "location": ("Places", paths.PLACES, "Countries, regions, towns, corridors and border areas."),
    "outlet": ("Outlets", paths.OUTLETS, "Agencies, newspapers and websites through which texts reach us."),
}


def render_entities(site: Site, kind: str) -> Pages:
    """Parties, places or outlets, grouped by kind, alphabetical; by first letter past the limit."""
    title, here, intro = ENTITY_LISTS[kind]
    tables: dict[str, Mapping[str, inputs.Party | inputs.Location | inputs.Outlet]] = {
        "party": site.corpus.parties,
        "location": site.corpus.locations,
        "outlet": site.corpus.outlets,
    }
    table = tables[kind]
    entities = sorted(table.values(), key=lambda e: (e.name.casefold(), e.id))
    head = mk.front_matter(title, intro)
    blocks: list[mk.Block] = [mk.heading(1, title), mk.para(mk.text(intro))]
    if kind == "location" and entities:  # an overview map: every place, up to a number a map can show
        mapped = entities[:OVERVIEW_MAP_LIMIT]
        blocks.append(map_block(site, [e.id for e in mapped], here, "All places", note=_left_off(entities, mapped)))
    if not entities:
        return [(here, mk.page(head, *blocks, mk.note(Markup("None yet."))))]
    if len(entities) <= parts.ONE_PAGE_LIMIT:
        return [(here, mk.page(head, *blocks, _entities_by_kind(site, kind, entities, here)))]
    letter_parts = []
    for letter, members in parts.by_letter(entities, lambda e: e.name).items():
        page = paths.listing(f"{here.split('/')[0]}-{letter}")
        letter_parts.append(
            Part(
                page,
                letter.upper() if letter != "other" else "other",
                f"{title}: {letter.upper() if letter != 'other' else 'other names'}",
                f"{title} whose names start with {letter}.",
                _entities_by_kind(site, kind, members, page),
                count=len(members),
            )
        )
    links, pages = part_pages(here, f"All {title.lower()}", letter_parts)
    blocks.append(mk.para(mk.html("{} in all, by the first letter of their names: {}", len(entities), links)))
    return [(here, mk.page(head, *blocks)), *pages]


def _left_off(entities: list[Any], mapped: list[Any]) -> Markup:
    """What the overview map leaves out, past ``OVERVIEW_MAP_LIMIT`` places, and where to find it."""
    if len(mapped) == len(entities):
        return Markup()
    rest = entities[len(mapped) :]
    return mk.html(
        "Of the {:,} places, this map takes the first {:,} by name ({} to {}); the other {:,} ({} to {}) are listed "
        "below, and each place's page has a map of its own.",
        len(entities),
        len(mapped),
        mk.text(mapped[0].name),
        mk.text(mapped[-1].name),
        len(rest),
        mk.text(rest[0].name),
        mk.text(rest[-1].name),
    )


def _entities_by_kind(site: Site, kind: str, entities: list[Any], here: str) -> list[mk.Block]:
    blocks: list[mk.Block] = []
    for entity_kind, group in groupby(
        sorted(entities, key=lambda e: (e.kind, e.name.casefold(), e.id)), key=lambda e: e.kind
    ):
        blocks.append(mk.heading(2, label(entity_kind).capitalize(), f"kind-{entity_kind}"))
        blocks.append(
            mk.table(
                ("Name", "Documents", "About"),
                (
                    (
                        mk.link(e.name, here, paths.entity(kind, e.id)),
                        mk.html("{}", len(site.backlinks[e.id].documents) if e.id in site.backlinks else 0),
                        mk.text(mk.shorten(getattr(e, "description", None) or getattr(e, "notes", None) or "", 140)),
                    )
                    for e in group
                ),
            )
        )
    return blocks


# -- timeline ---------------------------------------------------------------------


def timeline_page(part: str) -> str:
    """The page of one part of the timeline (``""``: the whole timeline on one page)."""
    return paths.TIMELINE if part == "" else paths.listing(f"timeline-{part}")


def event_page(site: Site, event_id: str) -> str:
    """The timeline page that holds an event's anchor."""
    return timeline_page(site.event_part[event_id])


def render_timeline(site: Site) -> Pages:
    """Every event and every document, newest first, grouped by year and month."""
    intro = "All dated events and documents, newest first. Each topic's explainer has its own timeline."
    opening = (mk.front_matter("Timeline", intro), mk.heading(1, "Timeline"), mk.para(mk.text(intro)))
    if list(site.timeline) == [""]:
        return [(paths.TIMELINE, mk.page(*opening, _timeline_body(site, site.timeline[""], paths.TIMELINE)))]
    links, pages = part_pages(
        paths.TIMELINE,
        "All periods",
        (
            Part(
                timeline_page(period),
                _period_title(period),
                f"Timeline: {_period_title(period)}",
                intro,
                _timeline_body(site, items, timeline_page(period)),
                count=len(items),
            )
            for period, items in site.timeline.items()
        ),
        searched=True,
    )
    return [(paths.TIMELINE, mk.page(*opening, mk.para(mk.html("By period, newest first: {}", links)))), *pages]


def _timeline_body(site: Site, items: list[tuple[dt.date, str, Any]], here: str) -> list[mk.Block]:
    blocks: list[mk.Block] = []
    for year, in_year in groupby(items, key=lambda item: item[0].year):
        blocks.append(mk.heading(2, str(year), f"y{year}"))
        for month, in_month in groupby(in_year, key=lambda item: f"{item[0]:%B %Y}"):
            blocks.append(mk.heading(3, month))
            blocks.append([_timeline_item(site, item[2], here) for item in in_month])
    return blocks


def _timeline_item(site: Site, item: Any, here: str) -> mk.Block:
    if isinstance(item, EventEntry):
        return _event_item(site, item, here)
    meta = item.meta
    topic = site.corpus.topics[meta.topic]
    return mk.para(
        mk.html(
            "<strong>{}</strong> · Document: {} · {}",
            mk.date_text(meta.event_date),
            document_link(item, here),
            mk.link(topic.title, here, paths.topic(topic.id)),
        )
    )


def _event_item(site: Site, entry: EventEntry, here: str) -> mk.Anchored:
    event = entry.event
    lines = [
        mk.html(
            "<strong>{}</strong> · <strong>{}</strong> · {}",
            date_range(event.date, event.end),
            mk.text(event.title),
            mk.link(entry.topic.title, here, paths.topic(entry.topic.id)),
        )
    ]
    if event.description:
        lines.append(mk.text(event.description))
    involved = [entity_link(site, e, here) for e in (*event.parties, *event.locations)]
    if involved:
        lines.append(mk.html("Involved: {}", mk.join(", ", involved)))
    lines.append(mk.html("Source: {}", citations(site, event.sources, here)))
    anchor = paths.event_anchor(event.id)
    return mk.Anchored(mk.html('<p id="{}">{}</p>', anchor, mk.join("<br>", lines)), (anchor,))
