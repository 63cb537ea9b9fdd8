"""Stage 3: the in-memory model of the whole site.

Built once from a validated corpus, before anything is rendered: every id
resolved, every mention found, every backlink indexed. Renderers only read
from it; no page is ever searched for what links to what.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, TypeVar

from generator import inputs
from generator.facts.tenures import TenureT, held_now
from generator.model import parts
from generator.model.entries import Backlinks, ClaimEntry, EventEntry
from generator.text.mentions import Mention
from generator.validate.corpus import Corpus, SourceDocument

T = TypeVar("T")


@dataclass
class Site:
    corpus: Corpus
    claims: dict[str, ClaimEntry]
    events: dict[str, EventEntry]
    questions: dict[str, tuple[inputs.Topic, inputs.Question]]
    mentions: dict[str, list[Mention]]
    translated_mentions: dict[str, list[list[Mention]]]  # document id -> the mentions in each translation
    disputes: dict[str, list[str]]  # symmetric: shown on both claims
    supports: dict[str, list[str]]  # claim → the claims it backs up
    supported_by: dict[str, list[str]]  # claim → the claims that back it up
    backlinks: dict[str, Backlinks]
    members: dict[str, list[str]]  # party id -> ids of parties affiliated to it
    sublocations: dict[str, list[str]]
    graphs: dict[str, dict[str, list[str]]]  # document id -> hop outlet -> outlets it drew on
    originals: dict[str, list[str]]  # document id -> outlets of the hops that draw on nothing
    traced: dict[str, list[str]]  # claim id -> outlets of the hops it is traced to, in its document
    origins: dict[str, list[str]]  # claim id -> independent outlets, with the claims supporting it
    affiliations: dict[str, Above]  # party id -> the parties it belongs to (its affiliation, theirs...)
    sides: dict[str, str]  # party id -> the top of its affiliations (the party itself, if it has none)
    places_above: dict[str, Above]  # location id -> the places that contain it (its parents, theirs...)
    # What the parties below a party (members, theirs...) and the places within a place
    # have on the site: claims made, documents and timeline events, each by id.
    gathered: dict[str, dict[str, frozenset[str]]]  # kind of backlink -> entity id -> ids
    # Computed once when the site is made (``__post_init__``), never on first use.
    timeline: dict[str, list[TimelineItem]] = field(init=False, repr=False, compare=False)
    event_part: dict[str, str] = field(init=False, repr=False, compare=False)
    involved: dict[str, tuple[list[str], list[str]]] = field(init=False, repr=False, compare=False)
    filed_from: dict[str, list[str]] = field(init=False, repr=False, compare=False)  # document → dateline places
    _newest: dict[str | None, list[str]] = field(init=False, repr=False, compare=False)
    _by_question: dict[str, list[ClaimEntry]] = field(init=False, repr=False, compare=False)
    _by_via: dict[str, list[ClaimEntry]] = field(init=False, repr=False, compare=False)
    _names: dict[str, str] = field(init=False, repr=False, compare=False)
    _kinds: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._newest = self._newest_first()
        self._by_question = _group(self.claims.values(), lambda c: c.claim.question)
        self._by_via = self._grouped_by_via()
        self._names = self._entity_names()
        self._kinds = self._entity_kinds()
        self.timeline = timeline_parts(self)
        self.event_part = {
            item[1]: part for part, items in self.timeline.items() for item in items if isinstance(item[2], EventEntry)
        }
        self.filed_from = {doc_id: _dateline_places(self, doc) for doc_id, doc in self.corpus.documents.items()}
        self.involved = {doc_id: _document_entities(self, doc) for doc_id, doc in self.corpus.documents.items()}

    def documents_newest_first(self, topic: str | None = None, limit: int | None = None) -> list[SourceDocument]:
        """The documents of ``topic`` (of every topic, for None), newest first; the first
        ``limit`` of them if given (a page that shows those few reads no others)."""
        ids = self._newest.get(topic, [])
        return [self.corpus.documents[i] for i in (ids if limit is None else ids[:limit])]

    def claims_on(self, question: str) -> list[ClaimEntry]:
        return self._by_question.get(question, [])

    def contested_on(self, question: str) -> list[ClaimEntry]:
        """The claims on ``question`` that another claim contradicts."""
        return [entry for entry in self.claims_on(question) if self.is_contested(entry.id)]

    def unquestioned_claims(self, topic: str) -> list[ClaimEntry]:
        """Claims of a topic that answer no question, newest document first."""
        return [
            c
            for d in self.documents_newest_first(topic)
            for claim in d.meta.claims
            if claim.question is None and (c := self.claims[claim.id])
        ]

    def claims_via(self, outlet: str) -> list[ClaimEntry]:
        return self._by_via.get(outlet, [])

    def _newest_first(self) -> dict[str | None, list[str]]:
        ordered = sorted(self.corpus.documents.values(), key=lambda d: (d.meta.event_date, d.meta.id), reverse=True)
        by_topic: dict[str | None, list[str]] = {None: [d.meta.id for d in ordered]}
        for document in ordered:
            by_topic.setdefault(document.meta.topic, []).append(document.meta.id)
        return by_topic

    def _grouped_by_via(self) -> dict[str, list[ClaimEntry]]:
        groups: dict[str, list[ClaimEntry]] = {}
        for entry in sorted(self.claims.values(), key=lambda e: e.id):
            for outlet in entry.claim.via or self.traced[entry.id]:
                groups.setdefault(outlet, []).append(entry)
        return groups

    def is_contested(self, claim_id: str) -> bool:
        return bool(self.disputes.get(claim_id))

    def _entity_names(self) -> dict[str, str]:
        return {
            entity_id: entity.name
            for table in (self.corpus.outlets, self.corpus.locations, self.corpus.parties)
            for entity_id, entity in table.items()
        }

    def _entity_kinds(self) -> dict[str, str]:
        return {
            **{i: "outlet" for i in self.corpus.outlets},
            **{i: "location" for i in self.corpus.locations},
            **{i: "party" for i in self.corpus.parties},
        }

    def entity_name(self, entity_id: str) -> str:
        return self._names[entity_id]

    def entity_kind(self, entity_id: str) -> str:
        return self._kinds.get(entity_id, "outlet")

    def independent_origins(self, claim_id: str) -> list[str]:
        """The distinct outlets the claim, and the claims supporting it, can be traced to
        through the hops that carried them; one that drew on another counts as that one."""
        return self.origins[claim_id]

    def is_original(self, document: SourceDocument, outlet: str) -> bool:
        return not self.graphs[document.meta.id].get(outlet)

    def side_of(self, entity_id: str | None) -> str:
        """The top of a party's affiliation (ministry → government → state); an outlet is
        its own side; an unnamed source tied to no party is on the side ``UNNAMED``."""
        if entity_id is None:
            return UNNAMED
        if entity_id in self.corpus.parties:
            return self.sides[entity_id]
        return entity_id

    def claims_under(self, party_id: str) -> list[str]:
        """Claims made by the parties below ``party_id`` (not by the party itself), by id."""
        return sorted(self.gathered["claims_by"].get(party_id, ()))

    def documents_under(self, party_id: str) -> list[str]:
        """Documents that involve the parties below ``party_id`` and not the party itself, by id."""
        return self.within(party_id, "documents")

    def events_under(self, party_id: str) -> list[str]:
        """Timeline events that involve the parties below ``party_id`` and not the party itself, by id."""
        return self.within(party_id, "events")

    def within(self, entity_id: str, kind: str) -> list[str]:
        """The documents (``kind`` ``documents``) or timeline events (``events``) of the places
        within a place, or of the parties below a party, and not of the entity itself, by id."""
        own: set[str] = getattr(self.backlinks.get(entity_id, Backlinks()), kind)
        return sorted(self.gathered[kind].get(entity_id, frozenset()) - own)

    def side_name(self, side: str) -> str:
        return UNNAMED_NAME if side == UNNAMED else self.entity_name(side)


UNNAMED = ""
UNNAMED_NAME = "Unnamed sources"

# A page names at most this many places or parties above its own (beyond a place's own
# parents) and counts the rest, so that a chain of any length costs each page the same.
ABOVE_NAMED = 4
# Where a place has several parents, the places above it are counted up to this many.
ABOVE_COUNTED = 100


@dataclass(frozen=True)
class Above:
    """The places that contain a place, or the parties a party belongs to: the nearest,
    which its page names, and how many there are in all."""

    nearest: tuple[str, ...]  # nearest first: a place's parents and ABOVE_NAMED more; a party's ABOVE_NAMED
    count: int
    exact: bool = True  # False: at least ``count`` (a place with several parents, counted up to ABOVE_COUNTED)


NOTHING_ABOVE = Above((), 0)


def current(tenures: list[TenureT]) -> list[TenureT]:
    """The entries of a dated fact that hold on the day the site is built (``tenures.held_now``)."""
    return held_now(tenures)


def document_entities(site: Site, document: SourceDocument) -> tuple[list[str], list[str]]:
    """Ids of the parties and of the places a document involves, sorted by name."""
    return site.involved[document.meta.id]


TimelineItem = tuple[dt.date, str, Any]  # date, id, and the EventEntry or SourceDocument


def timeline_parts(site: Site) -> dict[str, list[TimelineItem]]:
    """Every event and document, newest first, in parts: ``""`` when one part holds them all."""
    items: list[TimelineItem] = [(e.event.date, e.event.id, e) for e in site.events.values()]
    items += [(d.meta.event_date, d.meta.id, d) for d in site.corpus.documents.values()]
    items.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return {"": items} if len(items) <= parts.ONE_PAGE_LIMIT else parts.by_period(items, lambda item: item[0])


def _group(entries, key) -> dict:
    """Claims grouped by ``key`` (skipping None), each group sorted by id."""
    groups: dict = {}
    for entry in sorted(entries, key=lambda e: e.id):
        value = key(entry)
        if value is not None:
            groups.setdefault(value, []).append(entry)
    return groups


def _dateline_places(site: Site, document: SourceDocument) -> list[str]:
    """Places named only in a dateline of the copy: where it was filed, not where anything happened."""
    pairs = zip(document.boilerplate_spans, document.meta.boilerplate, strict=False)  # spans of a valid document
    datelines = [span for span, item in pairs if item.kind == "dateline"]
    inside = {
        m.entity
        for m in site.mentions[document.meta.id]
        if m.entity in site.corpus.locations and any(a <= m.start and m.end <= b for a, b in datelines)
    }
    elsewhere = {
        m.entity for m in site.mentions[document.meta.id] if not any(a <= m.start and m.end <= b for a, b in datelines)
    }
    for claim in document.meta.claims:
        elsewhere.update(claim.subjects)
    return sorted(inside - elsewhere, key=site.entity_name)


def _document_entities(site: Site, document: SourceDocument) -> tuple[list[str], list[str]]:
    filed_from = set(site.filed_from[document.meta.id])
    ids: set[str] = {m.entity for m in site.mentions[document.meta.id] if m.entity not in filed_from}
    for claim in document.meta.claims:
        if claim.claimant is not None:
            ids.add(claim.claimant)
        ids.update(claim.subjects)
    parties = sorted((i for i in ids if i in site.corpus.parties), key=site.entity_name)
    places = sorted((i for i in ids if i in site.corpus.locations), key=site.entity_name)
    return parties, places
