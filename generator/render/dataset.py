"""The whole corpus as a dataset: one JSON file, and one CSV file per table.

Researchers can reuse the data without scraping pages. Rows are sorted by id,
so the files are byte-identical for the same input. Against formula injection
(OWASP's "CSV Injection"): every text cell is in double quotes, so a separator
inside it (``,``, or the ``;`` or tab some spreadsheets split on) never starts
a new cell, and a text cell that a spreadsheet would run as a formula (starting
with ``=``, ``+``, ``-``, ``@``, a tab or a line break) gets a leading
apostrophe. Numbers are written bare and stay numbers; the JSON file keeps
every value exactly.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import json
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from markupsafe import Markup
from pydantic import BaseModel

from generator import inputs
from generator.model.entries import ClaimEntry, EventEntry
from generator.model.site import Site, current
from generator.render import markup as mk
from generator.render import paths
from generator.render.reading_page import LICENCE, LICENCE_URL, licence_sentence
from generator.validate.corpus import SourceDocument

FOLDER = "data"
JSON_FILE = f"{FOLDER}/briefings.json"


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# What a spreadsheet takes for a formula when a cell starts with it (after spaces or quotes), and
# where a cell may start inside a text: its start, and after a separator some spreadsheet splits on
# (',', ';' by locale, a tab) or a line break, whether or not it honours the quotes around the text.
_FORMULA_START = re.compile(r"((?:^|[,;\t\r\n])[ \"]*)([=+\-@])")
_BREAK = frozenset("\t\r\n")


def _cell(value: Any) -> str | float:
    """A cell: a number as it is (written bare), anything else as text that no spreadsheet runs."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str):
        # a verbatim text may hold a NUL or an escape; a cell never does (most text is printable: no search)
        text = value if value.isprintable() else _CONTROL.sub("", value)
        return _neutral(text)
    return _CONTROL.sub("", value.isoformat() if hasattr(value, "isoformat") else str(value))


def _neutral(text: str) -> str:
    """The text with an apostrophe before each ``=``, ``+``, ``-``, ``@`` that could start a cell."""
    if "=" in text or "+" in text or "-" in text or "@" in text:  # most text holds none: no search
        text = _FORMULA_START.sub(r"\1'\2", text)
    return "'" + text if text[:1] in _BREAK else text


# The step that makes one record or row of a data file: its key (the file and the id of
# what it shows) and the work that makes it, which looks up its entry by that id. Under
# the preview, the session's pages keep each one while what it read is unchanged
# (``incremental.KeptPages.part``); otherwise it is made (``whole``).
Part = Callable[[Hashable, Callable[[], str]], str]


def whole(key: Hashable, make: Callable[[], str]) -> str:
    """The record or row made, nothing kept."""
    return make()


class _Lines:
    """CSV lines, one row at a time."""

    def __init__(self) -> None:
        self._buffer = io.StringIO()
        # Text in quotes, numbers bare: a ';' or a tab inside a text never starts a cell.
        self._writer = csv.writer(self._buffer, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)

    def line(self, row: Sequence[Any]) -> str:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.writerow([_cell(v) for v in row])
        return self._buffer.getvalue()


def _pieces(parts: Iterable[str], size: int) -> Iterator[str]:
    """``parts`` joined ``size`` at a time: the pieces of a data file (``markup.data`` packs
    each apart, as it comes; whole, a file is the size of the corpus)."""
    piece: list[str] = []
    for part in parts:
        piece.append(part)
        if len(piece) == size:
            yield "".join(piece)
            piece.clear()
    if piece:
        yield "".join(piece)


def _csv(lines: _Lines, header: Sequence[str], rows: Iterable[str]) -> Iterator[str]:
    """A CSV file, in pieces of a few hundred rows."""
    return _pieces(itertools.chain([lines.line(header)], rows), 500)


def _document_row(site: Site, d: SourceDocument) -> list[Any]:
    return [
        d.meta.id,
        d.meta.title,
        d.meta.topic,
        d.meta.event_date,
        d.meta.published,
        d.meta.outlet,
        d.meta.author,
        d.meta.url,
        d.meta.language,
        [t.language for t in d.meta.translations],
        [_translator(t.translator) for t in d.meta.translations],
        d.meta.kind,
        d.meta.partial,
        len(d.meta.chain),
        sum(1 for h in d.meta.chain if not h.url),
        site.originals[d.meta.id],
        d.meta.summary,
        d.meta.note,
    ]


def _translator(translator: inputs.Translator) -> str:
    """``outlet:the-nation-thailand``, ``party:…``, ``person:…``, ``machine:…`` or ``unnamed:…``."""
    kind = next(k for k in inputs.TRANSLATOR_KINDS if getattr(translator, k) is not None)
    return f"{kind}:{getattr(translator, kind)}"


def _claim_row(c: ClaimEntry, side: str, origins: list[str], disputes: list[str]) -> list[Any]:
    return [
        c.id,
        c.document.meta.id,
        c.claim.claimant,
        c.claim.unnamed_source,
        side,
        c.said.on,
        c.said.by,
        c.events[0] if c.events else None,
        c.events[1] if c.events else None,
        c.claim.via,
        origins,
        c.claim.kind,
        c.claim.question,
        c.claim.status,
        c.claim.paraphrase,
        c.quote,
        c.quote_translated,
        c.claim.figure.value if c.claim.figure else None,
        c.claim.figure.unit if c.claim.figure else None,
        c.claim.figure.as_of if c.claim.figure else None,
        c.claim.subjects,
        disputes,
        c.claim.supports,
        c.claim.note,
    ]


def _claim_line(lines: _Lines, site: Site, c: ClaimEntry) -> str:
    side = site.side_of(c.claim.claimant)
    origins = site.independent_origins(c.id)
    disputes = site.disputes.get(c.id, [])
    return lines.line(_claim_row(c, side, origins, disputes))


def _party_row(p: inputs.Party) -> list[Any]:
    return [p.id, p.name, p.kind, p.affiliation, _offices_now(p), p.aliases, p.wikidata, p.description]


def _offices_now(p: inputs.Party) -> list[str]:
    """The offices held now, each with its date (the whole history is in the JSON file)."""
    return [f"{o.title} ({_held(o)})" for o in current(p.offices)]


def _administered_now(p: inputs.Location) -> list[str]:
    """Who administers the place now, each with its date (the history is in the JSON file)."""
    return [f"{party} ({_held(a)})" for a in current(p.administered_by) for party in a.by]


def _held(tenure: inputs.Tenure) -> str:
    if tenure.since is not None:
        return f"since {tenure.since.isoformat()}"
    return f"as of {tenure.as_of.isoformat()}" if tenure.as_of is not None else "date not recorded"


def _outlet_row(o: inputs.Outlet) -> list[Any]:
    return [
        o.id,
        o.name,
        o.kind,
        o.homepage,
        [f"{w.owner} ({_held(w)})" for w in current(o.owners)],
        o.aliases,
        o.notes,
    ]


def _place_row(p: inputs.Location) -> list[Any]:
    return [
        p.id,
        p.name,
        p.kind,
        p.coordinates.lat,
        p.coordinates.lon,
        p.parents,
        p.geometry.type if p.geometry else None,
        p.aliases,
        _administered_now(p),
        p.claimed_by,
        p.wikidata,
        p.description,
    ]


def _hop_row(site: Site, d: SourceDocument, index: int, h: inputs.Hop) -> list[Any]:
    return [
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


def _event_row(e: EventEntry) -> list[Any]:
    return [
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


def tables(site: Site, part: Part = whole) -> dict[str, Iterator[str]]:
    """File name → CSV text (in pieces, made as they are read), one per table, each row
    made by ``part`` from the entry it looks up by its id."""
    corpus = site.corpus
    documents = sorted(corpus.documents)
    lines = _Lines()

    def rows(file: str, ids: Iterable[str], line: Callable[[str], str]) -> Iterator[str]:
        return (part((file, key), functools.partial(line, key)) for key in ids)

    return {
        "documents.csv": _csv(
            lines,
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
                "translations",
                "translators",
                "kind",
                "partial",
                "hops",
                "unverified_hops",
                "independent_sources",
                "summary",
                "note",
            ],
            rows("documents", documents, lambda i: lines.line(_document_row(site, corpus.documents[i]))),
        ),
        "claims.csv": _csv(
            lines,
            [
                "id",
                "document",
                "claimant",
                "unnamed_source",
                "side",
                "said_on",
                "said_by_at_the_latest",
                "events_from",
                "events_until",
                "via",
                "independent_sources",
                "kind",
                "question",
                "status",
                "paraphrase",
                "quote",
                "quote_translated",
                "figure_value",
                "figure_unit",
                "figure_as_of",
                "subjects",
                "disputes",
                "supports",
                "note",
            ],
            rows("claims", sorted(site.claims), lambda i: _claim_line(lines, site, site.claims[i])),
        ),
        "parties.csv": _csv(
            lines,
            ["id", "name", "kind", "affiliation", "offices_now", "aliases", "wikidata", "description"],
            rows("parties", sorted(corpus.parties), lambda i: lines.line(_party_row(corpus.parties[i]))),
        ),
        "places.csv": _csv(
            lines,
            [
                "id",
                "name",
                "kind",
                "lat",
                "lon",
                "parents",
                "geometry_type",
                "aliases",
                "administered_by_now",
                "claimed_by",
                "wikidata",
                "description",
            ],
            rows("places", sorted(corpus.locations), lambda i: lines.line(_place_row(corpus.locations[i]))),
        ),
        "outlets.csv": _csv(
            lines,
            ["id", "name", "kind", "homepage", "owners_now", "aliases", "notes"],
            rows("outlets", sorted(corpus.outlets), lambda i: lines.line(_outlet_row(corpus.outlets[i]))),
        ),
        "chain_hops.csv": _csv(
            lines,
            ["document", "position", "outlet", "role", "drew_on", "url", "date", "verified", "evidence", "note"],
            rows("hops", documents, lambda i: "".join(_hop_lines(lines, site, corpus.documents[i]))),
        ),
        "events.csv": _csv(
            lines,
            ["id", "topic", "date", "end", "title", "parties", "locations", "description", "sources"],
            rows("events", sorted(site.events), lambda i: lines.line(_event_row(site.events[i]))),
        ),
    }


def _document_record(document: SourceDocument) -> str:
    """A document's metadata with its verbatim text, and each translation's (``translated_texts``,
    in the order of ``translations``)."""
    meta = document.meta.model_dump_json(exclude={"text"})
    translated = [t.text for t in document.translations]
    return (
        meta[:-1]
        + ',"text":'
        + json.dumps(document.text, ensure_ascii=False)
        + (',"translated_texts":' + json.dumps(translated, ensure_ascii=False) if translated else "")
        + "}"
    )


def _record(entry: BaseModel) -> str:
    """An input's JSON record."""
    return entry.model_dump_json()


def _hop_lines(lines: _Lines, site: Site, d: SourceDocument) -> Iterator[str]:
    return (lines.line(_hop_row(site, d, index, h)) for index, h in enumerate(d.meta.chain))


def corpus_json(site: Site, part: Part = whole) -> Iterator[str]:
    """Every input, validated, with each document's verbatim text: one record per
    line (readable, diffable), each written by pydantic's serializer, fields in
    the order the input model defines them. The file comes in pieces of a few hundred
    records (``_pieces``); each record is made by ``part`` from the entry it looks up."""
    corpus = site.corpus

    def records(name: str, table: Mapping[str, Any], record: Callable[[Any], str]) -> Iterator[str]:
        def made(key: str) -> str:
            return record(table[key])

        return (part(("json", name, key), functools.partial(made, key)) for key in sorted(table))

    sections: dict[str, Iterable[str]] = {
        "license": [json.dumps({"text": LICENCE, "url": LICENCE_URL}, ensure_ascii=False)],
        "documents": records("documents", corpus.documents, _document_record),
        "outlets": records("outlets", corpus.outlets, _record),
        "parties": records("parties", corpus.parties, _record),
        "places": records("places", corpus.locations, _record),
        "topics": records("topics", corpus.topics, _record),
    }
    return _pieces(_json_parts(sections), 200)


def _json_parts(sections: dict[str, Iterable[str]]) -> Iterator[str]:
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
            Markup(
                "everything: registries, topics, documents with their verbatim text (and their translations'), "
                "claims and chains, as validated"
            ),
        ),
        *(
            (mk.link(name, here, f"{FOLDER}/{name}"), mk.text(description))
            for name, description in (
                ("documents.csv", "one row per source document, with its language and its translations'"),
                ("claims.csv", "one row per claim, with its exact quote (and in translation) and status"),
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
        mk.para(mk.html("The whole corpus, for reuse: {}. The files are rebuilt with the site.", counts)),
        mk.ours(
            "In the CSV files, lists are joined with `; `, every text is in double quotes and numbers are "
            "not, and an apostrophe goes before each `=`, `+`, `-` or `@` that a spreadsheet could take for "
            "the start of a formula: at the start of a text, or after a `,`, a `;`, a tab or a line break in "
            "it (a text starting with a tab or a line break starts with one too); the JSON file keeps every "
            "value exactly."
        ),
        mk.table(("File", "What it holds"), rows),
        mk.heading(2, "Licence", "licence"),
        mk.para(licence_sentence() + "; " + mk.link("how to read the labels", here, paths.READING) + "."),
    )
