"""The whole corpus as a dataset: one JSON file, and one CSV file per table.

Researchers can reuse the data without scraping pages. Rows are sorted by id,
so the files are byte-identical for the same input. A CSV cell that a
spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``)
gets a leading apostrophe; the JSON file keeps every value exactly.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from typing import Any

from pydantic import BaseModel

from generator.corpus import SourceDocument
from generator.kept import kept_for
from generator.model import Site
from generator.render import markup as mk
from generator.render import paths
from generator.render.reading_page import LICENCE, LICENCE_URL, licence_sentence

FOLDER = "data"
JSON_FILE = f"{FOLDER}/briefings.json"


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet would take a cell starting so for


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str):
        # a verbatim text may hold a NUL or an escape; a cell never does (most text is printable: no search)
        text = value if value.isprintable() else _CONTROL.sub("", value)
        return "'" + text if text[:1] in _FORMULA else text
    return _CONTROL.sub("", value.isoformat() if hasattr(value, "isoformat") else str(value))


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """A CSV file, in pieces of a few hundred rows (``markup.data`` packs them as they come)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for number, row in enumerate(rows, 1):
        writer.writerow([_cell(v) for v in row])
        if number % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def tables(site: Site) -> dict[str, Iterator[str]]:
    """File name → CSV text (in pieces, made as they are read), one per table."""
    corpus = site.corpus
    documents = sorted(corpus.documents.values(), key=lambda d: d.meta.id)
    claims = sorted(site.claims.values(), key=lambda c: c.id)
    return {
        "documents.csv": _csv(
            [
                "id",
                "title",
                "topic",
                "event_date",
                "published",
                "outlet",
                "author",
                "url",
                "language",
                "kind",
                "partial",
                "hops",
                "unverified_hops",
                "independent_sources",
                "summary",
                "note",
            ],
            (
                [
                    d.meta.id,
                    d.meta.title,
                    d.meta.topic,
                    d.meta.event_date,
                    d.meta.published,
                    d.meta.outlet,
                    d.meta.author,
                    d.meta.url,
                    d.meta.language,
                    d.meta.kind,
                    d.meta.partial,
                    len(d.meta.chain),
                    sum(1 for h in d.meta.chain if not h.url),
                    site.originals[d.meta.id],
                    d.meta.summary,
                    d.meta.note,
                ]
                for d in documents
            ),
        ),
        "claims.csv": _csv(
            [
                "id",
                "document",
                "claimant",
                "unnamed_source",
                "side",
                "date",
                "date_is_the_claims_own",
                "via",
                "independent_sources",
                "kind",
                "question",
                "status",
                "paraphrase",
                "quote",
                "figure_value",
                "figure_unit",
                "figure_as_of",
                "subjects",
                "disputes",
                "supports",
                "note",
            ],
            (
                [
                    c.id,
                    c.document.meta.id,
                    c.claim.claimant,
                    c.claim.unnamed_source,
                    site.side_of(c.claim.claimant),
                    c.date,
                    c.date_is_own,
                    c.claim.via,
                    site.independent_origins(c.id),
                    c.claim.kind,
                    c.claim.question,
                    c.claim.status,
                    c.claim.paraphrase,
                    c.quote,
                    c.claim.figure.value if c.claim.figure else None,
                    c.claim.figure.unit if c.claim.figure else None,
                    c.claim.figure.as_of if c.claim.figure else None,
                    c.claim.subjects,
                    site.disputes.get(c.id, []),
                    c.claim.supports,
                    c.claim.note,
                ]
                for c in claims
            ),
        ),
        "parties.csv": _csv(
            ["id", "name", "kind", "affiliation", "role", "aliases", "wikidata", "description"],
            (
                [p.id, p.name, p.kind, p.affiliation, p.role, p.aliases, p.wikidata, p.description]
                for p in sorted(corpus.parties.values(), key=lambda p: p.id)
            ),
        ),
        "places.csv": _csv(
            [
                "id",
                "name",
                "kind",
                "lat",
                "lon",
                "parents",
                "geometry_type",
                "aliases",
                "administered_by",
                "claimed_by",
                "wikidata",
                "description",
            ],
            (
                [
                    p.id,
                    p.name,
                    p.kind,
                    p.coordinates.lat,
                    p.coordinates.lon,
                    p.parents,
                    p.geometry.type if p.geometry else None,
                    p.aliases,
                    p.administered_by,
                    p.claimed_by,
                    p.wikidata,
                    p.description,
                ]
                for p in sorted(corpus.locations.values(), key=lambda p: p.id)
            ),
        ),
        "outlets.csv": _csv(
            ["id", "name", "kind", "homepage", "aliases", "notes"],
            (
                [o.id, o.name, o.kind, o.homepage, o.aliases, o.notes]
                for o in sorted(corpus.outlets.values(), key=lambda o: o.id)
            ),
        ),
        "chain_hops.csv": _csv(
            ["document", "position", "outlet", "role", "drew_on", "url", "date", "verified", "evidence", "note"],
            (
                [
                    d.meta.id,
                    index + 1,
                    h.outlet,
                    h.role,
                    site.graphs[d.meta.id][h.outlet],
                    h.url,
                    h.date,
                    bool(h.url),
                    h.evidence,
                    h.note,
                ]
                for d in documents
                for index, h in enumerate(d.meta.chain)
            ),
        ),
        "events.csv": _csv(
            ["id", "topic", "date", "end", "title", "parties", "locations", "description", "sources"],
            (
                [
                    e.event.id,
                    e.topic.id,
                    e.event.date,
                    e.event.end,
                    e.event.title,
                    e.event.parties,
                    e.event.locations,
                    e.event.description,
                    [s.url or f"document:{s.document}" for s in e.event.sources],
                ]
                for e in sorted(site.events.values(), key=lambda e: e.event.id)
            ),
        ),
    }


def _document_record(document: SourceDocument) -> str:
    meta = document.meta.model_dump_json(exclude={"text"})
    return meta[:-1] + ',"text":' + json.dumps(document.text, ensure_ascii=False) + "}"


def _record(entry: BaseModel) -> str:
    """An input's JSON record (under the preview, kept while the input is unchanged: it is frozen)."""
    return kept_for(entry, "record", entry.model_dump_json)


def corpus_json(site: Site) -> Iterator[str]:
    """Every input, validated, with each document's verbatim text: one record per
    line (readable, diffable), each written by pydantic's serializer, fields in
    the order the input model defines them. The file comes in pieces, a record at a
    time (``markup.data`` packs them as they come): whole, it is the size of the corpus."""
    corpus = site.corpus
    sections: dict[str, Iterable[str]] = {
        "license": [json.dumps({"text": LICENCE, "url": LICENCE_URL}, ensure_ascii=False)],
        "documents": (
            kept_for(d.meta, ("record", d.text), partial(_document_record, d))
            for d in sorted(corpus.documents.values(), key=lambda d: d.meta.id)
        ),
        "outlets": (_record(o) for o in sorted(corpus.outlets.values(), key=lambda o: o.id)),
        "parties": (_record(p) for p in sorted(corpus.parties.values(), key=lambda p: p.id)),
        "places": (_record(p) for p in sorted(corpus.locations.values(), key=lambda p: p.id)),
        "topics": (_record(t) for t in sorted(corpus.topics.values(), key=lambda t: t.id)),
    }
    yield "{"
    for number, (name, records) in enumerate(sections.items()):
        yield f'{"," if number else ""}\n"{name}":[\n'
        for index, record in enumerate(records):
            yield (",\n" if index else "") + record
        yield "\n]"
    yield "\n}\n"


def render_data_page(site: Site) -> mk.Page:
    here = paths.DATA
    rows = [
        (
            mk.link("briefings.json", here, JSON_FILE),
            "everything: registries, topics, documents with their verbatim text, claims and chains, as validated",
        ),
        *(
            (mk.link(name, here, f"{FOLDER}/{name}"), mk.text(description))
            for name, description in (
                ("documents.csv", "one row per source document"),
                ("claims.csv", "one row per claim, with its exact quote and status"),
                ("parties.csv", "one row per party"),
                ("places.csv", "one row per place, with coordinates"),
                ("outlets.csv", "one row per outlet"),
                ("chain_hops.csv", "one row per hop of every source graph, with the hops it drew on"),
                ("events.csv", "one row per timeline event"),
            )
        ),
    ]
    counts = (
        f"{len(site.corpus.documents)} documents, {len(site.claims)} claims, "
        f"{len(site.corpus.parties)} parties, {len(site.corpus.locations)} places, "
        f"{len(site.corpus.outlets)} outlets, {len(site.events)} events"
    )
    return mk.page(
        mk.front_matter("Data", "The whole corpus as JSON and CSV, for reuse."),
        mk.heading(1, "Data"),
        mk.para(f"The whole corpus, for reuse: {counts}. The files are rebuilt with the site."),
        mk.ours(
            "In the CSV files, lists are joined with `; `, and a text cell that a spreadsheet would run "
            "as a formula (starting with `=`, `+`, `-` or `@`) starts with an apostrophe; the JSON file "
            "keeps every value exactly."
        ),
        mk.table(("File", "What it holds"), rows),
        mk.heading(2, "Licence", "licence"),
        mk.para(licence_sentence() + "; " + mk.link("how to read the labels", here, paths.READING) + "."),
    )
