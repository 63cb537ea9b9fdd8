"""Stage 4: every page of the site as Markdown, from the in-memory model."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.model import Site
from generator.render import dataset, paths
from generator.render.dataset import corpus_json, render_data_page, tables
from generator.render.claim_pages import render_claim, render_claims_index
from generator.render.document_page import render_document
from generator.render.entity_pages import render_location, render_outlet, render_party
from generator.render.index_pages import (
    render_documents_index, render_entity_index, render_home, render_sources_overview,
    render_topics_index,
)
from generator.render.reference_page import render_reference
from generator.render.topic_page import render_timeline, render_topic


@dataclass(frozen=True)
class RenderedPage:
    """A generated file: its path in the site, its content (Markdown for pages; JSON
    or CSV for the dataset), and the file to edit to change it."""

    path: str
    markdown: str
    source: Path | None = None
    listed: bool = False  # section index pages are listed in the navigation


def render_site(site: Site) -> list[RenderedPage]:
    """Every generated page, sorted by path."""
    corpus = site.corpus
    origin = corpus.origins
    pages = [
        RenderedPage(paths.HOME, render_home(site), listed=True),
        RenderedPage(paths.TOPICS, render_topics_index(site), listed=True),
        RenderedPage(paths.DOCUMENTS, render_documents_index(site), listed=True),
        RenderedPage(paths.CLAIMS, render_claims_index(site), listed=True),
        RenderedPage(paths.PARTIES, render_entity_index(site, "party"), listed=True),
        RenderedPage(paths.PLACES, render_entity_index(site, "location"), listed=True),
        RenderedPage(paths.OUTLETS, render_entity_index(site, "outlet"), listed=True),
        RenderedPage(paths.SOURCES, render_sources_overview(site), listed=True),
        RenderedPage(paths.TIMELINE, render_timeline(site), listed=True),
        RenderedPage(paths.REFERENCE, render_reference(), listed=True),
        RenderedPage(paths.DATA, render_data_page(site), listed=True),
        RenderedPage(dataset.JSON_FILE, corpus_json(site)),
        *(RenderedPage(f"{dataset.FOLDER}/{name}", text) for name, text in tables(site).items()),
    ]
    pages += [RenderedPage(paths.topic(t.id), render_topic(site, t), origin[t.id].file.path)
              for t in corpus.topics.values()]
    pages += [RenderedPage(paths.document(d.meta.id), render_document(site, d), d.origin.file.path)
              for d in corpus.documents.values()]
    pages += [RenderedPage(paths.claim(c.id), render_claim(site, c), c.document.origin.file.path)
              for c in site.claims.values()]
    pages += [RenderedPage(paths.entity("party", p.id), render_party(site, p), origin[p.id].file.path)
              for p in corpus.parties.values()]
    pages += [RenderedPage(paths.entity("location", loc.id), render_location(site, loc), origin[loc.id].file.path)
              for loc in corpus.locations.values()]
    pages += [RenderedPage(paths.entity("outlet", o.id), render_outlet(site, o), origin[o.id].file.path)
              for o in corpus.outlets.values()]
    return sorted(pages, key=lambda page: page.path)
