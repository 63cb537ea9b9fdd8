"""Stage 3's work: a validated corpus indexed once into the ``Site`` the pages read (every
id resolved, every mention found, every backlink, what each party and place belongs to)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from generator import inputs
from generator.facts import sourcegraph
from generator.model.entries import Backlinks, ClaimEntry, EventEntry
from generator.model.site import ABOVE_COUNTED, ABOVE_NAMED, NOTHING_ABOVE, Above, Site, current
from generator.text.mentions import Mention, MentionFinder
from generator.text.quotes import NormalizedText
from generator.validate.corpus import Corpus, mention_finder


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
