"""The background explainer of a topic, and the timeline."""

from __future__ import annotations

from collections import Counter
from itertools import groupby

from generator import inputs
from generator.model import EventEntry, Site, document_entities
from generator.render import markdown as md
from generator.render import paths
from generator.render.maps import map_block
from generator.render.claim_pages import by_claimant, claim_matrix, side_by_side
from generator.render.common import (
    citations, date_range, document_link, entity_link, entity_links, figure_over_time, list_or_none,
    sources_line,
)


def render_topic(site: Site, topic: inputs.Topic) -> str:
    here = paths.topic(topic.id)
    return md.page(
        md.front_matter(topic.title, topic.summary, [topic.title, "topic"]),
        md.heading(1, topic.title),
        md.summary(topic.summary),
        _key_facts(site, topic, here),
        *(_section(site, section, here) for section in topic.background),
        md.heading(2, "Key parties", "key-parties"),
        _key_entities(site, topic, here, site.corpus.parties),
        md.heading(2, "Key places", "key-places"),
        _key_entities(site, topic, here, site.corpus.locations),
        map_block(site, _ranked_entities(site, topic, site.corpus.locations), here, f"places of {topic.title}"),
        md.heading(2, "Timeline", "timeline"),
        _events_list(site, sorted((site.events[e.id] for e in topic.events), key=_event_key), here),
        md.heading(2, "Documents", "documents"),
        list_or_none([f"{document_link(d, here)} ({md.date_text(d.meta.event_date)})"
                      for d in site.documents_newest_first(topic.id)]),
        md.heading(2, "Who claims what", "who-claims-what"),
        claim_matrix(site, topic.id, here) or "*No claims recorded yet.*",
        md.heading(2, "Figures over time", "figures"),
        _figures(site, topic, here),
        md.heading(2, "Open disputes", "open-disputes"),
        _open_disputes(site, topic, here),
    )


def _key_facts(site: Site, topic: inputs.Topic, here: str) -> str:
    if not topic.key_facts:
        return ""
    lines = [f"    - {md.text(fact.text)} <small>({citations(site, fact.sources, here)})</small>"
             for fact in topic.key_facts]
    return '!!! abstract "Key facts"\n\n' + "\n".join(lines)


def _section(site: Site, section: inputs.Section, here: str) -> str:
    return "\n\n".join(part for part in (
        md.heading(2, section.heading),
        md.prose(section.body),
        sources_line(site, section.sources, here),
    ) if part)


def _key_entities(site: Site, topic: inputs.Topic, here: str, table: dict) -> str:
    """Entities of the topic, the most involved first."""
    ranked = _ranked_entities(site, topic, table)
    return entity_links(site, ranked, here) if ranked else "*None recorded.*"


def _ranked_entities(site: Site, topic: inputs.Topic, table: dict) -> list[str]:
    counts: Counter[str] = Counter()
    for document in site.documents_newest_first(topic.id):
        parties, places = document_entities(site, document)
        counts.update(entity_id for entity_id in (*parties, *places) if entity_id in table)
    for event in topic.events:
        counts.update(entity_id for entity_id in (*event.parties, *event.locations) if entity_id in table)
    return sorted(counts, key=lambda entity_id: (-counts[entity_id], site.entity_name(entity_id)))


def _event_key(entry: EventEntry) -> tuple:
    return (entry.event.date, entry.event.id)


def _events_list(site: Site, events: list[EventEntry], here: str) -> str:
    items = []
    for entry in events:
        event = entry.event
        line = f"**{date_range(event.date, event.end)}**: " + md.link(
            event.title, here, paths.TIMELINE, paths.event_anchor(event.id))
        involved = entity_links(site, (*event.parties, *event.locations), here)
        if involved:
            line += f" · {involved}"
        items.append(line)
    return list_or_none(items)


def _figures(site: Site, topic: inputs.Topic, here: str) -> str:
    """Every number claimed on the topic, with its date and the other counts over time."""
    entries = sorted((e for e in site.claims.values() if e.topic == topic.id and e.claim.figure),
                     key=lambda e: (e.claim.question or "", site.entity_name(e.claim.claimant), e.id))
    items = [f"{entity_link(site, e.claim.claimant, here)}: {figure_over_time(site, e, here)} "
             f"({md.link('claim', here, paths.claim(e.id))})" for e in entries]
    return list_or_none(items, "No figures recorded.")


def _open_disputes(site: Site, topic: inputs.Topic, here: str) -> str:
    blocks = []
    for question in topic.questions:
        entries = [e for e in site.claims_on(question.id) if site.is_contested(e.id)]
        if entries:
            blocks.append(md.heading(3, question.text))
            blocks.append(side_by_side(site, by_claimant(site, entries), here))
    return "\n\n".join(blocks) or "*No contested claims recorded.*"


def render_timeline(site: Site) -> str:
    """Every event and every document, newest first, grouped by year and month."""
    here = paths.TIMELINE
    items: list[tuple[object, str, str]] = []
    for entry in site.events.values():
        items.append((entry.event.date, entry.event.id, _event_item(site, entry, here)))
    for document in site.corpus.documents.values():
        meta = document.meta
        topic = site.corpus.topics[meta.topic]
        items.append((meta.event_date, meta.id,
                      f"**{md.date_text(meta.event_date)}** · Document: {document_link(document, here)} "
                      f"· {md.link(topic.title, here, paths.topic(topic.id))}"))
    items.sort(key=lambda item: (item[0], item[1]), reverse=True)
    blocks = [
        md.front_matter("Timeline", "All dated events and documents, newest first."),
        md.heading(1, "Timeline"),
        "All dated events and documents, newest first. Each topic's explainer has its own timeline.",
    ]
    for year, in_year in groupby(items, key=lambda item: item[0].year):  # type: ignore[attr-defined]
        blocks.append(md.heading(2, str(year), f"y{year}"))
        for month, in_month in groupby(in_year, key=lambda item: f"{item[0]:%B %Y}"):
            blocks.append(md.heading(3, month))
            blocks.append("\n\n".join(item[2] for item in in_month))
    return md.page(*blocks)


def _event_item(site: Site, entry: EventEntry, here: str) -> str:
    event = entry.event
    lines = [
        f'<span id="{paths.event_anchor(event.id)}"></span>**{date_range(event.date, event.end)}** · '
        f"**{md.text(event.title)}** · {md.link(entry.topic.title, here, paths.topic(entry.topic.id))}"
    ]
    if event.description:
        lines.append(md.text(event.description))
    involved = [entity_link(site, e, here) for e in (*event.parties, *event.locations)]
    if involved:
        lines.append("Involved: " + ", ".join(involved))
    lines.append(f"Source: {citations(site, event.sources, here)}")
    return "  \n".join(lines)
