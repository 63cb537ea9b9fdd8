"""Stage 3: the in-memory model of the whole site.

Built once from a validated corpus, before anything is rendered: every id
resolved, every mention found, every backlink indexed. Renderers only read
from it; no page is ever searched for what links to what.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from generator import inputs
from generator.facts import sourcegraph
from generator.facts.tenures import TenureT, held_now
from generator.model import parts
from generator.model.entries import Backlinks, ClaimEntry, EventEntry
from generator.text.mentions import Mention, MentionFinder
from generator.text.quotes import NormalizedText
from generator.validate.corpus import Corpus, SourceDocument, mention_finder

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


def _affiliations(parties: dict[str, inputs.Party]) -> tuple[dict[str, Above], dict[str, str]]:
    """Each party's affiliations, and the top of them, each party worked out once from the
    one it belongs to: linear in the parties, however long a chain."""
    step = {p.id: [p.affiliation] for p in parties.values() if p.affiliation is not None}
    above: dict[str, Above] = {}
    tops: dict[str, str] = {}
    for party_id in sourcegraph.post_order(step, parties):
        parent = parties[party_id].affiliation
        if parent is None or parent not in above:  # a top (or a loop, which validation refuses)
            above[party_id], tops[party_id] = NOTHING_ABOVE, party_id
        else:
            up = above[parent]
            above[party_id] = Above((parent, *up.nearest)[:ABOVE_NAMED], up.count + 1)
            tops[party_id] = tops[parent]
    return above, tops


def _places_above(locations: dict[str, inputs.Location]) -> dict[str, Above]:
    """The places above each place, nearest first: a place with one parent takes them from
    its parent, once; one with several parents is walked, up to ``ABOVE_COUNTED`` places."""
    parents = {location.id: list(dict.fromkeys(location.parents)) for location in locations.values()}
    above: dict[str, Above] = {}
    for place in sourcegraph.post_order(parents, locations):
        own = parents.get(place, [])
        if len(own) == 1:
            up = above.get(own[0], NOTHING_ABOVE)
            above[place] = Above((own[0], *up.nearest)[: 1 + ABOVE_NAMED], up.count + 1, up.exact)
        elif own:
            found = sourcegraph.reachable(parents, place, limit=ABOVE_COUNTED)
            above[place] = Above(tuple(found[: len(own) + ABOVE_NAMED]), len(found), len(found) < ABOVE_COUNTED)
        else:
            above[place] = NOTHING_ABOVE
    return above


def _gathered(
    below: dict[str, list[str]], ids: Iterable[str], backlinks: dict[str, Backlinks], kind: str
) -> dict[str, frozenset[str]]:
    """For each id, the backlinks of ``kind`` of everything below it (through ``below``, the
    members of a party or the places within a place), gathered once, from the bottom up; an
    entity that adds nothing to the one below shares its set."""
    gathered: dict[str, frozenset[str]] = {}
    for entity_id in sourcegraph.post_order(below, ids):
        parts = [
            part
            for child in below.get(entity_id, [])
            for part in (frozenset(getattr(backlinks.get(child, Backlinks()), kind)), gathered.get(child))
            if part
        ]
        gathered[entity_id] = parts[0] if len(parts) == 1 else frozenset().union(*parts)
    return gathered


def _group(entries, key) -> dict:
    """Claims grouped by ``key`` (skipping None), each group sorted by id."""
    groups: dict = {}
    for entry in sorted(entries, key=lambda e: e.id):
        value = key(entry)
        if value is not None:
            groups.setdefault(value, []).append(entry)
    return groups


# The step that finds the names of parties, places and outlets in one text: the finder
# and the text (and its folded form, if validation made it) give the mentions. The
# preview's session reuses it while the names and the text are the same.
FindMentions = Callable[[MentionFinder, str, "NormalizedText | None"], "list[Mention]"]


def find_mentions(finder: MentionFinder, text: str, normalized: NormalizedText | None) -> list[Mention]:
    """The mentions in ``text`` (folded again unless ``normalized`` is given)."""
    return finder.find(normalized or NormalizedText.of(text))


def build_site(corpus: Corpus, find: FindMentions = find_mentions) -> Site:
    """Index a validated corpus, the names in each text found by ``find``. The corpus must
    have passed validation."""
    claims = _claims(corpus)
    graphs = {doc_id: sourcegraph.drew_on(doc.meta.chain) for doc_id, doc in corpus.documents.items()}
    traced = {
        claim_id: sourcegraph.traced_to(graphs[e.document.meta.id], e.claim.via) for claim_id, e in claims.items()
    }
    supported_by = _directed(claims, "supports", reverse=True)
    members = _children(corpus.parties, "affiliation")
    affiliations, sides = _affiliations(corpus.parties)
    finder = mention_finder(corpus)
    mentions = {doc_id: find(finder, doc.text, doc.normalized) for doc_id, doc in corpus.documents.items()}
    site = Site(
        corpus=corpus,
        claims=claims,
        events={e.id: EventEntry(e, t) for t in corpus.topics.values() for e in t.events},
        questions={q.id: (t, q) for t in corpus.topics.values() for q in t.questions},
        mentions=mentions,
        translated_mentions={
            doc_id: [find(finder, t.text, t.normalized) for t in doc.translations]
            for doc_id, doc in corpus.documents.items()
        },
        disputes=_symmetric(claims, "disputes"),
        supports=_directed(claims, "supports", reverse=False),
        supported_by=supported_by,
        backlinks=defaultdict(Backlinks),
        members=members,
        sublocations=_sublocations(corpus.locations),
        graphs=graphs,
        originals={doc_id: sourcegraph.originals(graph) for doc_id, graph in graphs.items()},
        traced=traced,
        origins={
            claim_id: _origins(claims, graphs, traced, [claim_id, *supported_by.get(claim_id, [])])
            for claim_id in claims
        },
        affiliations=affiliations,
        sides=sides,
        places_above=_places_above(corpus.locations),
        gathered={},
    )
    _index_backlinks(site)
    site.backlinks = dict(site.backlinks)
    site.gathered = _all_gathered(site)
    return site


def _all_gathered(site: Site) -> dict[str, dict[str, frozenset[str]]]:
    """Claims made, documents and timeline events below each party and within each place."""
    parties, places = site.corpus.parties, site.corpus.locations
    return {
        "claims_by": _gathered(site.members, parties, site.backlinks, "claims_by"),
        **{
            kind: {
                **_gathered(site.members, parties, site.backlinks, kind),
                **_gathered(site.sublocations, places, site.backlinks, kind),
            }
            for kind in ("documents", "events")
        },
    }


def _claims(corpus: Corpus) -> dict[str, ClaimEntry]:
    return {
        claim.id: ClaimEntry(claim, doc, doc.claim_spans[claim.id])
        for doc in corpus.documents.values()
        for claim in doc.meta.claims
    }


def _symmetric(claims: dict[str, ClaimEntry], relation: str) -> dict[str, list[str]]:
    """A relation declared on either claim, shown on both."""
    pairs: dict[str, set[str]] = defaultdict(set)
    for entry in claims.values():
        for other in getattr(entry.claim, relation):
            pairs[entry.id].add(other)
            pairs[other].add(entry.id)
    return {claim_id: sorted(others) for claim_id, others in sorted(pairs.items())}


def _directed(claims: dict[str, ClaimEntry], relation: str, reverse: bool) -> dict[str, list[str]]:
    pairs: dict[str, set[str]] = defaultdict(set)
    for entry in claims.values():
        for other in getattr(entry.claim, relation):
            source, target = (other, entry.id) if reverse else (entry.id, other)
            pairs[source].add(target)
    return {claim_id: sorted(others) for claim_id, others in sorted(pairs.items())}


def _children(table: dict[str, inputs.Party] | dict[str, inputs.Location], attribute: str) -> dict[str, list[str]]:
    children: dict[str, list[str]] = defaultdict(list)
    for entity in table.values():
        parent = getattr(entity, attribute)
        if parent is not None:
            children[parent].append(entity.id)
    return {key: sorted(values) for key, values in children.items()}


def _sublocations(locations: dict[str, inputs.Location]) -> dict[str, list[str]]:
    children: dict[str, list[str]] = defaultdict(list)
    for location in locations.values():
        for parent in location.parents:
            children[parent].append(location.id)
    return {key: sorted(values) for key, values in children.items()}


def _origins(
    claims: dict[str, ClaimEntry],
    graphs: dict[str, dict[str, list[str]]],
    traced: dict[str, list[str]],
    claim_ids: list[str],
) -> list[str]:
    pairs = [(graphs[claims[c].document.meta.id], outlet) for c in claim_ids for outlet in traced[c]]
    return sourcegraph.independent(pairs)


def _index_backlinks(site: Site) -> None:
    links = site.backlinks
    for doc_id, doc in site.corpus.documents.items():
        for mention in site.mentions[doc_id]:
            links[mention.entity].documents.add(doc_id)
        links[doc.meta.outlet].documents.add(doc_id)
        for hop in doc.meta.chain:
            links[hop.outlet].carried.add(doc_id)
    for claim_id, entry in site.claims.items():
        doc_id = entry.document.meta.id
        if entry.claim.claimant is not None:
            links[entry.claim.claimant].claims_by.add(claim_id)
            links[entry.claim.claimant].documents.add(doc_id)
        for subject in entry.claim.subjects:
            links[subject].claims_about.add(claim_id)
            links[subject].documents.add(doc_id)
    for location in site.corpus.locations.values():
        parts_now = [a for part in location.parts for a in current(part.administered_by)]
        for administration in [*current(location.administered_by), *parts_now]:
            for party_id in administration.by:
                links[party_id].administers.add(location.id)
        for party_id in location.claimed_by:
            links[party_id].claims_territory.add(location.id)
    for event_id, event_entry in site.events.items():
        for entity_id in (*event_entry.event.parties, *event_entry.event.locations):
            links[entity_id].events.add(event_id)


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
