"""Home, section index pages and the source-chain overview."""

from __future__ import annotations

import json
from collections import Counter

from markupsafe import Markup

from generator.model.site import Site
from generator.render import markup as mk
from generator.render import paths
from generator.render.claim_pages import contested_questions, disputes_side_by_side, most_contested
from generator.render.common import (
    document_link,
    entity_link,
    list_or_none,
    unverified_hops,
)
from generator.render.diagrams import chain_line, funnel_diagram

LATEST_ON_HOME = 10


def render_home(site: Site) -> mk.Page:
    here = paths.HOME
    topics = sorted(site.corpus.topics.values(), key=lambda t: t.title)
    topic_items = [
        mk.html("<strong>{}</strong>: {}", mk.link(t.title, here, paths.topic(t.id)), mk.text(t.summary))
        for t in topics
    ]
    latest = site.documents_newest_first(limit=LATEST_ON_HOME)
    latest_items = [
        mk.html("{} ({})<br>{}", document_link(d, here), mk.date_text(d.meta.event_date), mk.text(d.meta.summary))
        for d in latest
    ]
    return mk.page(
        mk.front_matter("Briefings", "Source documents, who claims what, and how each report reached us."),
        mk.heading(1, "Briefings"),
        mk.para(
            Markup(
                "Each briefing starts from source documents kept verbatim. For every document you can see "
                "<strong>who claims what</strong> (each claim pinned to its exact words), <strong>where the sides "
                "contradict each other</strong>, <strong>how the text reached us</strong> (its chain of sources), "
                "and the <strong>background</strong> needed to understand it."
            )
        ),
        mk.heading(2, "Topics", "topics"),
        list_or_none(topic_items, "No topics yet."),
        mk.heading(2, "Latest documents", "latest"),
        mk.unsearched(list_or_none(latest_items, "No documents yet.")),
        mk.heading(2, "Contested claims", "contested"),
        mk.unsearched(_contested(site, here)),
        mk.heading(2, "Browse", "browse"),
        mk.bullets(
            [
                mk.link("How to read this site", here, paths.READING) + ": what the labels mean, and what is counted",
                mk.link("All claims", here, paths.CLAIMS) + ", by question, side by side",
                mk.link("Parties", here, paths.PARTIES)
                + ", "
                + mk.link("places", here, paths.PLACES)
                + " and "
                + mk.link("outlets", here, paths.OUTLETS),
                mk.link("Source chains", here, paths.SOURCES) + ": how each text reached us",
                mk.link("Timeline", here, paths.TIMELINE),
                mk.link("Data", here, paths.DATA) + ": the whole corpus as JSON and CSV",
            ]
        ),
    )


def _contested(site: Site, here: str) -> mk.Block:
    """Questions with contradicting claims, the most contested first."""
    disputes = contested_questions(site, (question for _topic, question in site.questions.values()))
    return disputes_side_by_side(site, most_contested(disputes, 5), here) or mk.note(
        Markup("No contested claims recorded.")
    )


def topics_for_search(site: Site) -> str:
    """Each topic's title, address (from the site's root) and lead, as JSON: search puts a
    topic first when every word searched for begins a word of its title, its lead as the
    snippet (docs/javascripts/search.js)."""
    topics = [
        {"title": t.title, "url": paths.address(paths.topic(t.id)), "lead": t.summary}
        for t in sorted(site.corpus.topics.values(), key=lambda t: (t.title, t.id))
    ]
    return json.dumps(topics, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def render_topics_index(site: Site) -> mk.Page:
    here = paths.TOPICS
    items = [
        mk.html("<strong>{}</strong>: {}", mk.link(t.title, here, paths.topic(t.id)), mk.text(t.summary))
        for t in sorted(site.corpus.topics.values(), key=lambda t: t.title)
    ]
    return mk.page(
        mk.front_matter("Topics", "Every topic with its background explainer."),
        mk.heading(1, "Topics"),
        mk.para(
            Markup(
                "Each topic has a background explainer: its history, key parties and places, timeline, "
                "documents and open disputes."
            )
        ),
        list_or_none(items, "No topics yet."),
    )


CHAINS_LIMIT = 50
FUNNEL_ROWS = 100


def render_sources_overview(site: Site) -> mk.Page:
    here = paths.SOURCES
    documents = site.documents_newest_first()
    chain_rows = [
        (
            document_link(d, here),
            chain_line(site, d, here),
            mk.html("{:,}", len(d.meta.chain)),
            mk.html("{:,}", unverified_hops(d)),
        )
        for d in documents[:CHAINS_LIMIT]
    ]
    funnel: Counter[str] = Counter()
    original: Counter[str] = Counter()
    unverified: Counter[str] = Counter()
    for document in documents:
        originals = set(site.originals[document.meta.id])
        for hop in document.meta.chain:
            funnel[hop.outlet] += 1
            if hop.outlet in originals:
                original[hop.outlet] += 1
            if hop.url is None:
                unverified[hop.outlet] += 1
    funnel_rows = [
        (
            entity_link(site, outlet_id, here),
            mk.html("{:,}", funnel[outlet_id]),
            mk.html("{:,}", original[outlet_id]),
            mk.html("{:,}", unverified[outlet_id]),
        )
        for outlet_id in sorted(funnel, key=lambda o: (-funnel[o], site.entity_name(o)))[:FUNNEL_ROWS]
    ]
    total_hops = sum(funnel.values())
    total_unverified = sum(unverified.values())
    return mk.page(
        mk.front_matter("Source chains", "How every text reached us, and which outlets the texts funnel through."),
        mk.heading(1, "Source chains"),
        mk.para(
            mk.html(
                "A source chain runs from the original reporting to the copy we hold; a copy may draw on several "
                "originals side by side, and each hop names the hops it drew on. A hop without a link is "
                "<strong>unverified</strong>: we could not check that version. Across the site: {:,} hops, {:,} "
                "unverified.",
                total_hops,
                total_unverified,
            )
        ),
        mk.heading(2, "Chains by document", "chains"),
        mk.table(("Document", "Chain", "Hops", "Unverified"), chain_rows)
        if chain_rows
        else mk.note(Markup("No documents yet.")),
        mk.note(
            mk.html(
                "The {} newest of {} documents; each document's page draws its chain.", CHAINS_LIMIT, len(documents)
            )
        )
        if len(documents) > CHAINS_LIMIT
        else Markup(),
        mk.heading(2, "Outlets the texts funnel through", "funnel"),
        funnel_diagram(site, here),
        mk.table(("Outlet", "Texts carried", "As original reporting", "Unverified hops"), funnel_rows)
        if funnel_rows
        else mk.note(Markup("None.")),
        mk.note(
            mk.html(
                "The {} outlets that carried the most texts, of {:,}; each outlet's page lists the texts it carried.",
                FUNNEL_ROWS,
                len(funnel),
            )
        )
        if len(funnel) > FUNNEL_ROWS
        else Markup(),
    )
