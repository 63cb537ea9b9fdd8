"""Stage 4: every page of the site, from the in-memory model.

A page is a little front matter and a body of HTML (see ``markup``); written
out, it is a Markdown file any engine can build. The data files (JSON, CSV)
are generated here too."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.model.site import Site
from generator.render import dataset, markup, paths
from generator.render.claim_pages import render_claim, render_claims_index, render_question
from generator.render.dataset import corpus_json, render_data_page, tables
from generator.render.document_page import render_document, render_original
from generator.render.entity_pages import render_location, render_outlet, render_party, render_tags
from generator.render.index_pages import render_home, render_sources_overview, render_topics_index, topics_for_search
from generator.render.listings import render_documents, render_entities, render_timeline
from generator.render.reading_page import render_reading
from generator.render.reference_page import render_reference
from generator.render.rules_page import render_rules
from generator.render.source_text import is_site_language
from generator.render.topic_page import render_topic

_SECTION_INDEXES = {paths.DOCUMENTS, paths.PARTIES, paths.PLACES, paths.OUTLETS, paths.TIMELINE, paths.TAGS}


@dataclass(frozen=True)
class RenderedPage:
    """A generated file: its path in the site, its content (a page, or a JSON or CSV
    file), and the file to edit to change it."""

    path: str
    content: markup.Page | markup.Data
    source: Path | None = None
    listed: bool = False  # section index pages are listed in the navigation

    @property
    def text(self) -> str:
        """The file as written out: a page as Markdown, a data file as it is."""
        return self.content.text if isinstance(self.content, markup.Data) else self.content.markdown


class RenderError(RuntimeError):
    """A page could not be rendered: the message names the page and the file its data is written in."""


@dataclass(frozen=True)
class PageJob:
    """The work that writes some pages (one, or a list and its parts): ``key`` names it
    from one build to the next, ``render`` does it, ``source`` is the file its data is
    written in (None for a page of the whole corpus)."""

    key: str
    render: Callable[[], list[RenderedPage]]
    source: Path | None = None

    def run(self) -> list[RenderedPage]:
        """The pages, or a ``RenderError`` that says which page failed, from which file."""
        try:
            return self.render()
        except Exception as error:
            source = f" (its data is in {self.source})" if self.source is not None else ""
            raise RenderError(
                f"the page {self.key}{source} could not be rendered: {type(error).__name__}: {error}"
            ) from error


def page_jobs(site: Site, part: dataset.Part = dataset.whole) -> list[PageJob]:
    """The work that writes every generated page. The file each page is edited in is
    found here, outside ``render``: a page does not depend on where its data is written.
    Each record and row of a data file is made by ``part`` (under the preview, one kept
    while what it read is unchanged)."""
    corpus = site.corpus
    origin = corpus.origins
    partial = functools.partial
    overviews: list[tuple[str, Callable[[], markup.Page]]] = [
        (paths.HOME, partial(render_home, site)),
        (paths.TOPICS, partial(render_topics_index, site)),
        (paths.CLAIMS, partial(render_claims_index, site)),
        (paths.SOURCES, partial(render_sources_overview, site)),
        (paths.REFERENCE, render_reference),
        (paths.RULES, render_rules),
        (paths.READING, render_reading),
        (paths.DATA, partial(render_data_page, site)),
    ]
    listings: list[tuple[str, Callable[[], list[tuple[str, markup.Page]]]]] = [
        (paths.DOCUMENTS, partial(render_documents, site)),
        (paths.PARTIES, partial(render_entities, site, "party")),
        (paths.PLACES, partial(render_entities, site, "location")),
        (paths.OUTLETS, partial(render_entities, site, "outlet")),
        (paths.TIMELINE, partial(render_timeline, site)),
        (paths.TAGS, partial(render_tags, site)),
    ]
    entity_kinds: list[tuple[str, Mapping[str, Any], Callable[[Site, Any], tuple[markup.Page, list[Any]]]]] = [
        ("party", corpus.parties, render_party),
        ("location", corpus.locations, render_location),
        ("outlet", corpus.outlets, render_outlet),
    ]
    return [
        *(_page(path, render, listed=True) for path, render in overviews),
        PageJob(dataset.JSON_FILE, partial(_json, site, part)),
        PageJob(paths.TOPICS_FOR_SEARCH, partial(_topics_for_search, site)),
        PageJob(dataset.FOLDER, partial(_tables, site, part)),
        *(PageJob(path, partial(_listing, render)) for path, render in listings),
        *(
            _page(paths.topic(t.id), partial(_of, render_topic, site, corpus.topics, t.id), origin[t.id].file.path)
            for t in corpus.topics.values()
        ),
        *(
            _page(paths.document(i), partial(_of, render_document, site, corpus.documents, i), d.origin.file.path)
            for i, d in corpus.documents.items()
        ),
        *(
            _page(paths.original(i), partial(_of, render_original, site, corpus.documents, i), d.origin.file.path)
            for i, d in corpus.documents.items()
            if not is_site_language(d.meta.language)
        ),
        *(
            _page(paths.claim(i), partial(_of, render_claim, site, site.claims, i), c.document.origin.file.path)
            for i, c in site.claims.items()
        ),
        *(
            PageJob(
                paths.question(q.id), partial(_question, site, q.id, origin[t.id].file.path), origin[t.id].file.path
            )
            for t, q in site.questions.values()
        ),
        *(
            PageJob(
                path,
                partial(_entity, path, render, site, table, entity.id, origin[entity.id].file.path),
                origin[entity.id].file.path,
            )
            for kind, table, render in entity_kinds
            for entity in table.values()
            for path in (paths.entity(kind, entity.id),)
        ),
    ]


def _page(path: str, render: Callable[[], markup.Page], source: Path | None = None, listed: bool = False) -> PageJob:
    return PageJob(path, lambda: [RenderedPage(path, render(), source, listed)], source)


def _json(site: Site, part: dataset.Part) -> list[RenderedPage]:
    return [RenderedPage(dataset.JSON_FILE, markup.data(corpus_json(site, part)))]


def _topics_for_search(site: Site) -> list[RenderedPage]:
    return [RenderedPage(paths.TOPICS_FOR_SEARCH, markup.data(topics_for_search(site)))]


def _tables(site: Site, part: dataset.Part) -> list[RenderedPage]:
    return [RenderedPage(f"{dataset.FOLDER}/{name}", markup.data(text)) for name, text in tables(site, part).items()]


def _listing(render: Callable[[], list[tuple[str, markup.Page]]]) -> list[RenderedPage]:
    return [RenderedPage(path, page, listed=path in _SECTION_INDEXES) for path, page in render()]


def _of(render: Callable[[Site, Any], markup.Page], site: Site, table: Mapping[str, Any], key: str) -> markup.Page:
    """The page of ``table[key]``, looked up as it is rendered (so that, under the preview,
    the page is known to read its own entry: see ``generator/model/reads.py``)."""
    return render(site, table[key])


def _question(site: Site, question: str, source: Path) -> list[RenderedPage]:
    return _with_parts(paths.question(question), render_question(site, *site.questions[question]), source)


def _entity(
    path: str,
    render: Callable[[Site, Any], tuple[markup.Page, list[Any]]],
    site: Site,
    table: Mapping[str, Any],
    key: str,
    source: Path,
) -> list[RenderedPage]:
    return _with_parts(path, render(site, table[key]), source)


def _with_parts(path: str, rendered: tuple[markup.Page, list[Any]], source: Path) -> list[RenderedPage]:
    """A page and the parts of its long lists, edited in the same file."""
    page, extra = rendered
    return [RenderedPage(path, page, source), *(RenderedPage(p, part, source) for p, part in extra)]


def render_site(site: Site) -> list[RenderedPage]:
    """Every generated page, sorted by path."""
    return sorted_pages([page for job in page_jobs(site) for page in job.run()])


def sorted_pages(pages: list[RenderedPage]) -> list[RenderedPage]:
    """The pages sorted by path; two pages at one path are a bug of ours, never of the input."""
    pages.sort(key=lambda page: page.path)
    twice = [a.path for a, b in itertools.pairwise(pages) if a.path == b.path]
    if twice:  # say so before anything is written
        raise RuntimeError(f"two generated pages share the path {twice[0]}")
    return pages
