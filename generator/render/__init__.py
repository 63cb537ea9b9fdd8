"""Stage 4: every page of the site, from the in-memory model.

A page is a little front matter and a body of HTML (see ``markup``); written
out, it is a Markdown file any engine can build. The data files (JSON, CSV)
are generated here too."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.model import Site
from generator.render import dataset, markup, paths
from generator.render.claim_pages import render_claim, render_claims_index, render_question
from generator.render.dataset import corpus_json, render_data_page, tables
from generator.render.document_page import render_document
from generator.render.entity_pages import render_location, render_outlet, render_party
from generator.render.index_pages import render_home, render_sources_overview, render_topics_index
from generator.render.listings import render_documents, render_entities, render_timeline
from generator.render.reading_page import render_reading
from generator.render.reference_page import render_reference
from generator.render.rules_page import render_rules
from generator.render.topic_page import render_topic

_SECTION_INDEXES = {paths.DOCUMENTS, paths.PARTIES, paths.PLACES, paths.OUTLETS, paths.TIMELINE}


@dataclass(frozen=True)
class RenderedPage:
    """A generated file: its path in the site, its content (a page, or the text of
    a JSON or CSV file), and the file to edit to change it."""

    path: str
    content: markup.Page | str
    source: Path | None = None
    listed: bool = False  # section index pages are listed in the navigation

    @property
    def text(self) -> str:
        """The file as written out: a page as Markdown, a data file as it is."""
        return self.content if isinstance(self.content, str) else self.content.markdown


def render_site(site: Site) -> list[RenderedPage]:
    """Every generated page, sorted by path."""
    corpus = site.corpus
    origin = corpus.origins
    pages = [
        RenderedPage(paths.HOME, render_home(site), listed=True),
        RenderedPage(paths.TOPICS, render_topics_index(site), listed=True),
        RenderedPage(paths.CLAIMS, render_claims_index(site), listed=True),
        RenderedPage(paths.SOURCES, render_sources_overview(site), listed=True),
        RenderedPage(paths.REFERENCE, render_reference(), listed=True),
        RenderedPage(paths.RULES, render_rules(), listed=True),
        RenderedPage(paths.READING, render_reading(), listed=True),
        RenderedPage(paths.DATA, render_data_page(site), listed=True),
        RenderedPage(dataset.JSON_FILE, corpus_json(site)),
        *(RenderedPage(f"{dataset.FOLDER}/{name}", text) for name, text in tables(site).items()),
    ]
    listings = [
        *render_documents(site),
        *render_entities(site, "party"),
        *render_entities(site, "location"),
        *render_entities(site, "outlet"),
        *render_timeline(site),
    ]
    pages += [RenderedPage(path, page, listed=path in _SECTION_INDEXES) for path, page in listings]
    pages += [
        RenderedPage(paths.topic(t.id), render_topic(site, t), origin[t.id].file.path) for t in corpus.topics.values()
    ]
    pages += [
        RenderedPage(paths.document(d.meta.id), render_document(site, d), d.origin.file.path)
        for d in corpus.documents.values()
    ]
    pages += [
        RenderedPage(paths.claim(c.id), render_claim(site, c), c.document.origin.file.path)
        for c in site.claims.values()
    ]
    pages += [
        RenderedPage(paths.question(q.id), render_question(site, t, q), origin[t.id].file.path)
        for t, q in site.questions.values()
    ]
    entity_kinds: list[tuple[str, Mapping[str, Any], Callable[[Site, Any], tuple[markup.Page, list[Any]]]]] = [
        ("party", corpus.parties, render_party),
        ("location", corpus.locations, render_location),
        ("outlet", corpus.outlets, render_outlet),
    ]
    for kind, table, render in entity_kinds:
        for entity in table.values():
            page, extra = render(site, entity)
            source = origin[entity.id].file.path
            pages.append(RenderedPage(paths.entity(kind, entity.id), page, source))
            pages += [RenderedPage(path, part, source) for path, part in extra]
    pages.sort(key=lambda page: page.path)
    twice = [a.path for a, b in itertools.pairwise(pages) if a.path == b.path]
    if twice:  # a bug of ours, never of the input: say so before anything is written
        raise RuntimeError(f"two generated pages share the path {twice[0]}")
    return pages
