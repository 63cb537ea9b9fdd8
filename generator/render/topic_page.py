"""The background explainer of a topic, and the timeline."""

from __future__ import annotations

from collections import Counter

from markupsafe import Markup

from generator import inputs
from generator.model.entries import EventEntry, figure_series
from generator.model.site import Site, document_entities
from generator.render import markup as mk
from generator.render import paths
from generator.render.charts import capped_figures
from generator.render.claim_pages import claim_matrix, contested_questions, disputes_side_by_side, most_contested
from generator.render.common import (
    citations,
    claim_link,
    claimant_name,
    date_range,
    document_link,
    entity_links,
    list_or_none,
    sources_line,
    tag_links,
    tags_of,
)
from generator.render.listings import event_page
from generator.render.maps import map_block

TOPIC_WEIGHT = 10  # a topic's title and lead in search: above a claim's or a document's title (7)


def render_topic(site: Site, topic: inputs.Topic) -> mk.Page:
    here = paths.topic(topic.id)
    places = _ranked_entities(site, topic, site.corpus.locations)
    return mk.page(
        mk.front_matter(
            topic.title, topic.summary, tag_links(tags_of(topic), here), kind="Topic", filed_under=topic.title
        ),
        mk.weighted([mk.heading(1, topic.title), mk.summary(topic.summary)], TOPIC_WEIGHT),
        _key_facts(site, topic, here),
        *(_section(site, section, here) for section in topic.background),
        mk.heading(2, "Key parties", "key-parties"),
        mk.unsearched(_key_entities(site, _ranked_entities(site, topic, site.corpus.parties), here, paths.PARTIES)),
        mk.heading(2, "Key places", "key-places"),
        mk.unsearched(_key_entities(site, places, here, paths.PLACES)),
        map_block(
            site,
            places[:KEY_SHOWN],
            here,
            f"places of {topic.title}",
            fit=_event_places(topic) or None,
            together=True,
        ),
        mk.heading(2, "Timeline", "timeline"),
        _events_list(site, sorted((site.events[e.id] for e in topic.events), key=_event_key), here),
        mk.heading(3, "Claims by the date of their events", "claims-by-date"),
        mk.unsearched(_claims_by_events_date(site, topic, here)),
        mk.heading(2, "Documents", "documents"),
        mk.unsearched(_documents(site, topic, here)),
        mk.heading(2, "Who claims what", "who-claims-what"),
        mk.unsearched(claim_matrix(site, topic.id, here)) or mk.note(Markup("No claims recorded yet.")),
        mk.heading(2, "Figures over time", "figures"),
        _figures(site, topic, here),
        mk.heading(2, "Open disputes", "open-disputes"),
        mk.unsearched(_open_disputes(site, topic, here)),
    )


def _key_facts(site: Site, topic: inputs.Topic, here: str) -> Markup:
    if not topic.key_facts:
        return Markup()
    return mk.admonition(
        "abstract",
        "Key facts",
        [
            mk.bullets(
                mk.html("{} <small>({})</small>", mk.text(fact.text), citations(site, fact.sources, here))
                for fact in topic.key_facts
            )
        ],
    )


def _section(site: Site, section: inputs.Section, here: str) -> list[mk.Block]:
    return [mk.heading(2, section.heading), mk.prose(section.body), sources_line(site, section.sources, here)]


KEY_SHOWN = 30  # key parties, and key places (on the map too): the most involved


def _key_entities(site: Site, ranked: list[str], here: str, index: str) -> Markup:
    """Entities of the topic, the most involved first (``ranked``), up to ``KEY_SHOWN``."""
    if not ranked:
        return mk.note(Markup("None recorded."))
    listed = mk.para(entity_links(site, ranked[:KEY_SHOWN], here))
    if len(ranked) > KEY_SHOWN:
        every = mk.link("every one", here, index)
        listed += mk.note(
            mk.html("The {} most involved of {}, in documents and events; {}.", KEY_SHOWN, len(ranked), every)
        )
    return listed


def _ranked_entities(site: Site, topic: inputs.Topic, table: dict) -> list[str]:
    counts: Counter[str] = Counter()
    for document in site.documents_newest_first(topic.id):
        parties, places = document_entities(site, document)
        counts.update(entity_id for entity_id in (*parties, *places) if entity_id in table)
    for event in topic.events:
        counts.update(entity_id for entity_id in (*event.parties, *event.locations) if entity_id in table)
    return sorted(counts, key=lambda entity_id: (-counts[entity_id], site.entity_name(entity_id)))


def _event_places(topic: inputs.Topic) -> list[str]:
    """The places of the topic's events, where there are enough (three) to fit a map to."""
    places = list(dict.fromkeys(place for event in topic.events for place in event.locations))
    return places if len(places) >= 3 else []


def _event_key(entry: EventEntry) -> tuple:
    return (entry.event.date, entry.event.id)


def _events_list(site: Site, events: list[EventEntry], here: str) -> Markup:
    items = []
    for entry in events:
        event = entry.event
        line = mk.html("<strong>{}</strong>: ", date_range(event.date, event.end)) + mk.link(
            event.title, here, event_page(site, event.id), paths.event_anchor(event.id)
        )
        involved = entity_links(site, (*event.parties, *event.locations), here)
        if involved:
            line += mk.html(" · {}", involved)
        items.append(line)
    return list_or_none(items)


TOPIC_LIST_LIMIT = 20
TIMELINE_CLAIMS = 30  # claims placed on the topic's timeline: those about the latest events


def _claims_by_events_date(site: Site, topic: inputs.Topic, here: str) -> Markup:
    """The topic's claims whose events' dates are recorded, by those dates (the latest
    ``TIMELINE_CLAIMS``); a claim without them is not placed, never at another date."""
    dated = [
        (events, entry)
        for document in site.documents_newest_first(topic.id)
        for claim in document.meta.claims
        if (events := (entry := site.claims[claim.id]).events) is not None
    ]
    if not dated:
        return mk.note(Markup("No claim records the date of its events."))
    dated.sort(key=lambda pair: (pair[0][0], pair[0][1] or pair[0][0], pair[1].id))
    shown = dated[-TIMELINE_CLAIMS:]
    items = [
        mk.html("<strong>{}</strong>: {}: ", date_range(*events), mk.text(claimant_name(site, entry.claim)))
        + claim_link(entry, here)
        for events, entry in shown
    ]
    listed = mk.bullets(items)
    undated = sum(1 for d in site.documents_newest_first(topic.id) for c in d.meta.claims) - len(dated)
    said = (
        [f"the {len(dated) - len(shown)} about earlier events are on their documents' pages"]
        if len(dated) > len(shown)
        else []
    )
    if undated:
        said.append(f"{undated} claim{'s' if undated != 1 else ''} without a recorded date of events, not placed")
    if said:
        listed += mk.note(mk.text("; ".join(said).capitalize() + "."))
    return listed


def _documents(site: Site, topic: inputs.Topic, here: str) -> Markup:
    documents = site.documents_newest_first(topic.id)
    items = [
        mk.html("{} ({})", document_link(d, here), mk.date_text(d.meta.event_date))
        for d in documents[:TOPIC_LIST_LIMIT]
    ]
    listed = list_or_none(items)
    if len(documents) > TOPIC_LIST_LIMIT:
        listed += mk.para(
            mk.html(
                "The {} newest of {}: {}.",
                TOPIC_LIST_LIMIT,
                len(documents),
                mk.link("all documents of this topic", here, paths.DOCUMENTS, f"topic-{topic.id}"),
            )
        )
    return listed


def _figures(site: Site, topic: inputs.Topic, here: str) -> Markup:
    """Numbers claimed on the topic and their other counts over time, one series per
    giver and thing counted (capped, see ``capped_figures``)."""
    entries = [site.claims[c.id] for d in site.documents_newest_first(topic.id) for c in d.meta.claims if c.figure]
    series = figure_series(entries)
    if not series:
        return mk.note(Markup("No figures recorded."))
    return capped_figures(site, series, here, "every count is on its claim's page")


DISPUTES_SHOWN = 10  # questions under "Open disputes": the most contested


def _open_disputes(site: Site, topic: inputs.Topic, here: str) -> mk.Block:
    """The most contested questions of the topic, in the topic's order, with their sides."""
    disputes = contested_questions(site, topic.questions)
    if not disputes:
        return mk.note(Markup("No contested claims recorded."))
    most = {question.id for question, _ in most_contested(disputes, DISPUTES_SHOWN)}
    blocks = disputes_side_by_side(site, [pair for pair in disputes if pair[0].id in most], here)
    if len(disputes) > len(most):
        everything = mk.link("every question, side by side", here, paths.CLAIMS, f"topic-{topic.id}")
        blocks.append(
            mk.note(mk.html("The {} most contested of {} questions; {}.", len(most), len(disputes), everything))
        )
    return blocks
