"""References between files: ids of parties, places and topics, loops of affiliations; the
places' and names' own checks are in ``places`` and ``names``."""

from __future__ import annotations

from collections.abc import Mapping

from generator import inputs
from generator.facts import sourcegraph, tenures
from generator.validate.checker import Findings, Index, citations, finding, ref
from generator.validate.corpus import Corpus, Origin
from generator.validate.names import check_surface_forms
from generator.validate.place_shapes import drawn_shape
from generator.validate.places import check_location
from generator.validate.registries import Registries
from generator.validate.tenure_checks import check_tenures


def registries_of(index: Index, corpus: Corpus, positions: Mapping[int, int]) -> Registries:
    """What the checks of the registries and topics read, worked out once."""
    affiliation = {pid: [party.affiliation] for pid, party in corpus.parties.items() if party.affiliation}
    parents = {lid: location.parents for lid, location in corpus.locations.items()}
    loops = sourcegraph.loops(parents, corpus.locations)
    order = {lid: number for number, lid in enumerate(corpus.locations)}
    return Registries(
        index,
        corpus,
        positions,
        tenures.build_day(),
        {lid: drawn_shape(place.geometry) for lid, place in corpus.locations.items() if place.geometry},
        {lid: loop for loop in loops for lid in loop},
        frozenset(min(loop, key=order.__getitem__) for loop in loops if loop),
        frozenset(pid for loop in sourcegraph.loops(affiliation, corpus.parties) for pid in loop),
    )


def check_references(seed: Registries) -> Findings:
    """Every reference of the registries and topics, and what they say of places and names."""
    corpus = seed.corpus
    for party in corpus.parties.values():
        yield from check_party(seed, party, corpus.origins[party.id])
    for location in corpus.locations.values():
        yield from check_location(seed, location, corpus.origins[location.id])
    for outlet in corpus.outlets.values():
        origin = corpus.origins[outlet.id]
        for index, ownership in enumerate(outlet.owners):
            if ownership.party is not None:
                yield from ref(seed.index, origin, ("owners", index, "party"), ownership.party, {"party"})
            yield from citations(seed.index, ownership.sources, Origin(origin.file, (*origin.loc, "owners", index)))
        yield from check_tenures(seed, outlet.owners, Origin(origin.file, (*origin.loc, "owners")))
        yield from citations(seed.index, outlet.sources, origin)
    yield from check_surface_forms(seed)
    for topic in corpus.topics.values():
        yield from check_topic(seed, topic, corpus.origins[topic.id])


def check_party(seed: Registries, party: inputs.Party, origin: Origin) -> Findings:
    if party.affiliation is not None:
        yield from ref(seed.index, origin, ("affiliation",), party.affiliation, {"party"})
        yield from check_affiliation_cycle(seed, party.id, origin)
    for index, office in enumerate(party.offices):
        yield from citations(seed.index, office.sources, Origin(origin.file, (*origin.loc, "offices", index)))
    yield from check_tenures(seed, party.offices, Origin(origin.file, (*origin.loc, "offices")))
    yield from citations(seed.index, party.sources, origin)


def check_affiliation_cycle(seed: Registries, party_id: str, origin: Origin) -> Findings:
    """A party may not belong to itself through its affiliations; each party of a loop is reported."""
    if party_id in seed.affiliation_loops:
        yield finding(
            origin.file,
            (*origin.loc, "affiliation"),
            "cycle",
            f"'affiliation' leads back to '{party_id}' in a loop",
            "one of the entries in the loop must not have 'affiliation'",
        )


def check_topic(seed: Registries, topic: inputs.Topic, origin: Origin) -> Findings:
    for index, section in enumerate(topic.background):
        yield from citations(seed.index, section.sources, Origin(origin.file, ("background", index)))
    for index, fact in enumerate(topic.key_facts):
        yield from citations(seed.index, fact.sources, Origin(origin.file, ("key_facts", index)))
    for index, question in enumerate(topic.questions):
        question_origin = Origin(origin.file, ("questions", index))
        for position, location_id in enumerate(question.places):
            yield from ref(seed.index, question_origin, ("places", position), location_id, {"location"})
        for position, party_id in enumerate(question.parties):
            yield from ref(seed.index, question_origin, ("parties", position), party_id, {"party", "outlet"})
    for event in topic.events:
        event_origin = Origin(origin.file, ("events", seed.positions[id(event)]))
        for position, party_id in enumerate(event.parties):
            yield from ref(seed.index, event_origin, ("parties", position), party_id, {"party"})
        for position, location_id in enumerate(event.locations):
            yield from ref(seed.index, event_origin, ("locations", position), location_id, {"location"})
        yield from citations(seed.index, event.sources, event_origin)
