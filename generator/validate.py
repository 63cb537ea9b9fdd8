"""Stage 2: check the raw files against the input model and against each other.

Checking happens in two passes. First every file (and every registry entry)
is checked on its own against the classes in ``inputs``. Then, with every id
indexed, references between files are resolved and quotes are looked up in
their texts. Every problem is recorded; nothing stops at the first one.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator import inputs, sourcegraph
from generator.corpus import Corpus, Origin, SourceDocument, Span
from generator.id_index import IdIndex, changed_in, declared_ids, is_slug
from generator.load import Loc, RawCorpus, YamlFile, YamlSource
from generator.problems import Problems
from generator.quotes import NormalizedText, closest_passage, find_all, fold

_KINDS_OF_FILE = {
    "parties": {"party"},
    "locations": {"location"},
    "outlets": {"outlet"},
    "topics": {"topic", "question", "event"},
    "documents": {"document", "claim"},
}
ENTITY_KINDS = {"parties": "party", "locations": "location", "outlets": "outlet"}
REGISTRY_ITEM_MODELS: dict[str, type[BaseModel]] = {
    "parties": inputs.Party,
    "locations": inputs.Location,
    "outlets": inputs.Outlet,
}


PLACEHOLDER = "TODO"
GEOMETRY_REACH = 5.0  # degrees (some 500 km) between a place's point and its line or area


def is_placeholder(value: Any) -> bool:
    """Exactly ``TODO``, as ``new`` writes it (its explanation in a YAML comment after it): text
    that merely starts with the word is real text."""
    return isinstance(value, str) and value.strip() == PLACEHOLDER


def validate(raw: RawCorpus, problems: Problems, changed: dict[Path, set[int] | None] | None = None) -> Corpus:
    """Check everything; return what is valid. Callers must check ``problems``.
    ``changed`` (lines changed in the work tree) decides which of two entries
    with the same id is reported: the changed one."""
    ids = IdIndex(declared_ids(raw), changed_in(changed or {}))
    checker = _Checker(raw.root, problems, raw.unparsed, ids)
    checker.report_duplicates()
    registry_models: dict[str, type[BaseModel]] = {
        "parties": inputs.PartyRegistry,
        "locations": inputs.LocationRegistry,
        "outlets": inputs.OutletRegistry,
    }
    for name, file in raw.registries.items():
        checker.find_placeholders(file, registry_models[name])
    for file in raw.topics:
        checker.find_placeholders(file, inputs.Topic)
    for file in raw.documents:
        checker.find_placeholders(file, inputs.Document)
    for name, file in raw.registries.items():
        checker.read_registry(name, file)
    for file in raw.topics:
        checker.read_topic(file)
    for file in raw.documents:
        checker.read_document(file, raw.texts)
    checker.check_references()
    return checker.corpus


class _Checker:
    def __init__(self, root: Path, problems: Problems, unparsed: dict[str, list[str] | None], ids: IdIndex) -> None:
        self.problems = problems
        # Kinds of ids we cannot know because a file failed to parse: references
        # to them are not reported, so that one syntax error does not cascade.
        self.unknowable: dict[str, list[str] | None] = {
            kind: sources for name, sources in unparsed.items() for kind in _KINDS_OF_FILE[name]
        }
        self.corpus = Corpus(root, {}, {}, {}, {}, {}, {})
        # Ids declared anywhere, even in entries that fail validation, so that a
        # reference to them is not reported a second time.
        self.ids = ids
        self.entity_kind: dict[str, str] = {key: entry.kind for key, entry in ids.ids("entity").items()}
        self.claim_ids: dict[str, Origin] = {key: entry.origin for key, entry in ids.ids("claim").items()}
        self.question_topic: dict[str, str] = {
            key: entry.parent for key, entry in ids.ids("question").items() if is_slug(entry.parent)
        }
        self.known_documents: set[str] = set(ids.ids("document"))
        self.known_topics: set[str] = set(ids.ids("topic"))
        self.placeholders: dict[int, set[Loc]] = {}
        self.looped_places: set[str] = set()  # places of a loop of parents already reported
        self.positions: dict[int, int] = {}  # id() of a claim or event -> its index in the file's list
        self.parents_of: dict[str, list[str]] = {}  # location id -> its parents, once every place is read

    # -- pass 1: each file on its own ------------------------------------

    def read_registry(self, name: str, file: YamlFile) -> None:
        if not isinstance(file.data, dict) or not isinstance(file.data.get(name), list):
            self.report(
                file,
                (),
                "schema",
                f"this file must hold a mapping with a '{name}:' list",
                f"start the file with '{name}:' followed by items '- id: ...'",
            )
            return
        for key in file.data:
            if key != name:
                self.report(
                    file,
                    (key,),
                    "unknown-field",
                    f"unknown top-level field '{key}'",
                    f"this file holds only the '{name}:' list",
                    prefer_key=True,
                )
        model = REGISTRY_ITEM_MODELS[name]
        target: dict[str, Any] = getattr(self.corpus, name)
        for index, item in enumerate(file.data[name]):
            origin = Origin(file.source, (name, index))
            raw_id = item.get("id") if isinstance(item, dict) else None
            if not self.ids.owns(origin):
                continue  # reported as a duplicate
            if isinstance(raw_id, str) and not is_slug(raw_id) and is_slug(raw_id.strip()):
                # 'alpha\n': the id meant is plain; its own problem is reported, references to it are not
                self.entity_kind.setdefault(raw_id.strip(), ENTITY_KINDS[name])
            obj = self.parse(model, item, origin)
            if obj is not None:
                target[obj.id] = obj
                self.corpus.origins[obj.id] = origin

    def read_topic(self, file: YamlFile) -> None:
        origin = Origin(file.source, ())
        if not self.ids.owns(origin):
            return  # reported as a duplicate
        topic, _ = self.parse_with_items(inputs.Topic, file.data, origin, "events", inputs.Event)
        if topic is not None:
            self.corpus.topics[topic.id] = topic
            self.corpus.origins[topic.id] = origin

    def read_document(self, file: YamlFile, texts: dict[Path, Any]) -> None:
        origin = Origin(file.source, ())
        if not self.ids.owns(origin):
            return  # reported as a duplicate
        raw = file.data if isinstance(file.data, dict) else {}
        for index, claim in enumerate(_list(raw.get("claims"))):
            claim_origin = Origin(file.source, ("claims", index))
            if isinstance(claim, dict) and claim.get("draft") is True:
                self.report(
                    file,
                    (*claim_origin.loc, "draft"),
                    "draft-claim",
                    f"the claim '{claim.get('id')}' is a draft found by 'new'",
                    "check its claimant, kind, paraphrase, quote and status against the text, "
                    "then delete the line 'draft: true' (or delete the whole claim if it is not one)",
                    prefer_key=True,
                )
        meta, unchecked = self.parse_with_items(inputs.Document, file.data, origin, "claims", inputs.Claim)
        if meta is None:
            return
        text_file = texts.get(file.path.parent / meta.text)
        if text_file is None:
            return  # the loader reported the missing or unreadable text
        if not text_file.text.strip():
            self.report(
                file,
                ("text",),
                "empty-text",
                f"the text file '{meta.text}' is empty",
                "paste the verbatim text of the document into it",
            )
            return
        self.corpus.documents[meta.id] = SourceDocument(
            meta, origin, text_file.path, text_file.text, unchecked=unchecked
        )
        self.corpus.origins[meta.id] = origin

    def parse_with_items(
        self, model: type[BaseModel], data: Any, origin: Origin, list_field: str, item_model: type[BaseModel]
    ) -> tuple[Any, set[str]]:
        """Check a file whose ``list_field`` items are checked one by one, so that
        one bad item does not hide the references of the others. Bad items are
        left out of the result (their problems are recorded). Also returns the
        top-level fields that were wrong and stood in for (see ``parse_partial``)."""
        items = data.get(list_field) if isinstance(data, dict) else None
        if not isinstance(items, list):
            return self.parse_partial(model, data, origin)
        parsed, unchecked = self.parse_partial(model, {**data, list_field: []}, origin)
        good = []
        for index, raw_item in enumerate(items):
            item = self.parse(item_model, raw_item, Origin(origin.file, (*origin.loc, list_field, index)))
            if item is not None:
                self.positions[id(item)] = index  # where it is written, though bad items before it are left out
                good.append(item)
        return (parsed.model_copy(update={list_field: good}) if parsed is not None else None), unchecked

    def parse(self, model: type[BaseModel], data: Any, origin: Origin) -> Any:
        return self._parse_reporting(model, data, origin)[0]

    def parse_partial(self, model: type[BaseModel], data: Any, origin: Origin) -> tuple[Any, set[str]]:
        """Parse a file; when only some top-level fields are wrong, stand in for them
        (their problems are already recorded) so that the rest of the file is still
        checked in the same run. Returns the object and the fields stood in for;
        callers skip the checks that depend on those. Ids and text names are never
        stood in for."""
        parsed, bad = self._parse_reporting(model, data, origin)
        if parsed is not None or not isinstance(data, dict) or not bad or bad & {"id", "text", ""}:
            return parsed, set()
        patched = dict(data)
        for name in bad:
            info = model.model_fields.get(name)
            if info is None or not info.is_required():
                patched.pop(name, None)
            elif info.examples:
                patched[name] = info.examples[0]
            else:
                return None, set()
        try:
            return model.model_validate(patched), bad
        except ValidationError:
            return None, set()

    def _parse_reporting(self, model: type[BaseModel], data: Any, origin: Origin) -> tuple[Any, set[str]]:
        try:
            return model.model_validate(data), set()
        except ValidationError as error:
            placeholders = self.placeholders.get(id(origin.file), set())  # by source
            bad: set[str] = set()
            for item in error.errors(include_url=False):
                loc = origin.loc + tuple(item["loc"])
                bad.add(str(item["loc"][0]) if item["loc"] else "")
                # a placeholder inside this field (a TODO among a geometry's numbers) says it already
                if not any(
                    loc[: len(p)] == p or (loc and isinstance(loc[-1], str) and p[: len(loc)] == loc)
                    for p in placeholders
                ):
                    self.report_schema_error(model, item, origin)
            return None, bad

    def find_placeholders(self, file: YamlFile, model: type[BaseModel]) -> None:
        """Report every value still holding the ``TODO`` placeholder that ``new`` writes;
        other checks of the same value are skipped, so each is reported once."""
        found: set[Loc] = set()
        if PLACEHOLDER not in file.source.text:  # most files: nothing to walk
            self.placeholders[id(file.source)] = found
            return
        for loc, value in _walk(file.data, ()):
            if is_placeholder(value):
                found.add(loc)
                named = loc[: max((i + 1 for i, part in enumerate(loc) if isinstance(part, str)), default=0)]
                info = _field_info(model, named) if named else None
                self.report(
                    file,
                    loc,
                    "unfinished",
                    f"'{named[-1] if named else 'value'}' still holds a placeholder: {value}",
                    f"replace the TODO with the real value. {_hint_for(info)}",
                )
        self.placeholders[id(file.source)] = found

    def report_duplicates(self) -> None:
        """Each entry whose id another entry keeps (see ``id_index``), naming where that one is."""
        for entry, keeper in self.ids.duplicates:
            where = f"{self.problems.display_path(keeper.origin.file.path)} line {keeper.origin.line}"
            shared = entry.namespace == "entity" and entry.kind != keeper.kind
            self.report(
                entry.origin.file,
                (*entry.origin.loc, "id"),
                "duplicate-id",
                f"the {entry.kind} id '{entry.id}' is already the id of "
                f"{_article(keeper.kind) if shared else 'another ' + keeper.kind} ({where})",
                "parties, places and outlets share one set of ids: give this one its own id"
                if entry.namespace == "entity"
                else f"give this {entry.kind} its own id",
            )

    # -- pass 2: references between files ---------------------------------

    def check_references(self) -> None:
        corpus = self.corpus
        for party in corpus.parties.values():
            self.check_party(party, corpus.origins[party.id])
        self.parents_of = {lid: location.parents for lid, location in corpus.locations.items()}
        for location in corpus.locations.values():
            self.check_location(location, corpus.origins[location.id])
        for outlet in corpus.outlets.values():
            self.check_citations(outlet.sources, corpus.origins[outlet.id])
        self.check_surface_forms()
        for topic in corpus.topics.values():
            self.check_topic(topic, corpus.origins[topic.id])
        for document in corpus.documents.values():
            self.check_document(document)

    def check_party(self, party: inputs.Party, origin: Origin) -> None:
        if party.affiliation is not None:
            self.ref(origin, ("affiliation",), party.affiliation, {"party"})
            self.check_cycle(party.id, lambda pid: _get(self.corpus.parties, pid, "affiliation"), origin, "affiliation")
        self.check_citations(party.sources, origin)

    def check_location(self, location: inputs.Location, origin: Origin) -> None:
        for index, parent in enumerate(location.parents):
            self.ref(origin, ("parents", index), parent, {"location"})
        self.check_parents_cycle(location, origin)
        for field_name in ("administered_by", "claimed_by"):
            for index, party_id in enumerate(getattr(location, field_name)):
                self.ref(origin, (field_name, index), party_id, {"party"})
        if location.geometry is not None:
            self.check_geometry(location, origin)
        for part_index, part in enumerate(location.parts):
            for index, party_id in enumerate(part.administered_by):
                self.ref(origin, ("parts", part_index, "administered_by", index), party_id, {"party"})
        self.check_citations(location.sources, origin)

    def check_geometry(self, location: inputs.Location, origin: Origin) -> None:
        """A line or area far from the place's own point is most likely written latitude first."""
        assert location.geometry is not None
        positions = location.geometry.positions()
        lons, lats = [p[0] for p in positions], [p[1] for p in positions]
        lat, lon = location.coordinates.lat, location.coordinates.lon
        away = max(min(lats) - lat, lat - max(lats), min(lons) - lon, lon - max(lons), 0)
        if away > GEOMETRY_REACH:
            self.report(
                origin.file,
                (*origin.loc, "geometry"),
                "geometry-far",
                f"the geometry lies {away:.0f} degrees from the place's coordinates ({lat}, {lon})",
                "GeoJSON writes each position longitude first: "
                "[longitude, latitude]; check the order, and the coordinates",
            )

    def check_parents_cycle(self, location: inputs.Location, origin: Origin) -> None:
        """A place may not contain itself through its parents; a loop is reported once,
        at its first place."""
        if location.id in self.looped_places:
            return
        above = self.places_above(location.id)
        if location.id in above:
            self.looped_places.update(p for p in above if location.id in self.places_above(p))
            self.report(
                origin.file,
                (*origin.loc, "parents"),
                "cycle",
                f"'parents' leads back to '{location.id}' in a loop",
                "a place cannot contain itself: remove one of the parents in the loop",
            )

    def places_above(self, location_id: str) -> set[str]:
        return set(sourcegraph.reachable(self.parents_of, location_id))

    def check_cycle(self, start: str, step: Any, origin: Origin, field_name: str) -> None:
        seen = {start}
        current = step(start)
        while current is not None:
            if current == start:
                self.report(
                    origin.file,
                    (*origin.loc, field_name),
                    "cycle",
                    f"'{field_name}' leads back to '{start}' in a loop",
                    f"one of the entries in the loop must not have '{field_name}'",
                )
                return
            if current in seen:
                return
            seen.add(current)
            current = step(current)

    def check_surface_forms(self) -> None:
        """A name or alias may stand for one entity only, or its mentions are ambiguous; it must be
        long and rare enough to find that entity; an entity needs each form once."""
        owners: dict[str, tuple[str, str]] = {}
        own: set[tuple[str, str]] = set()
        # Every name first, then the aliases: an alias that takes another entity's name is the one reported.
        forms: list[tuple[str, str, Loc, Origin]] = [
            (entity_id, name, ("name",), origin) for entity_id, name, _, origin in self.mention_entities()
        ]
        forms += [
            (entity_id, alias, ("aliases", index), origin)
            for entity_id, _, aliases, origin in self.mention_entities()
            for index, alias in enumerate(aliases)
        ]
        for entity_id, form, loc, origin in forms:
            folded = fold(form)  # texts are matched folded (quotes, dashes, spaces alike), so forms are too
            if _too_common(folded):
                self.report(
                    origin.file,
                    origin.loc + loc,
                    "alias-too-common",
                    f"'{form}' is too short or too common a word to stand for one entity: "
                    "every occurrence in every text would link to it",
                    "use a longer form that only this entity goes by",
                )
                continue
            if (entity_id, folded) in own:
                self.report(
                    origin.file,
                    origin.loc + loc,
                    "ambiguous-alias",
                    f"'{form}' repeats the name or another alias of this entity",
                    "delete it",
                )
                continue
            own.add((entity_id, folded))
            owner, first_form = owners.setdefault(folded, (entity_id, form))
            if owner != entity_id:
                name = (
                    f"'{form}'"
                    if first_form == form
                    else f"'{form}' matches the same words in a text as '{first_form}', which"
                )
                self.report(
                    origin.file,
                    origin.loc + loc,
                    "ambiguous-alias",
                    f"{name} already names '{owner}', so mentions of it in texts would be ambiguous",
                    "keep the name or alias on one entity only, or make it longer (for example 'government in Baku')",
                )

    def mention_entities(self) -> Iterator[tuple[str, str, list[str], Origin]]:
        for table in (self.corpus.parties, self.corpus.locations, self.corpus.outlets):
            for entity in table.values():
                yield entity.id, entity.name, entity.aliases, self.corpus.origins[entity.id]

    def check_topic(self, topic: inputs.Topic, origin: Origin) -> None:
        for index, section in enumerate(topic.background):
            self.check_citations(section.sources, Origin(origin.file, ("background", index)))
        for index, fact in enumerate(topic.key_facts):
            self.check_citations(fact.sources, Origin(origin.file, ("key_facts", index)))
        for event in topic.events:
            event_origin = Origin(origin.file, ("events", self.positions[id(event)]))
            for position, party_id in enumerate(event.parties):
                self.ref(event_origin, ("parties", position), party_id, {"party"})
            for position, location_id in enumerate(event.locations):
                self.ref(event_origin, ("locations", position), location_id, {"location"})
            self.check_citations(event.sources, event_origin)

    def check_document(self, document: SourceDocument) -> None:
        meta, origin, unchecked = document.meta, document.origin, document.unchecked
        if "topic" not in unchecked and meta.topic not in self.known_topics and not is_placeholder(meta.topic):
            self.report_unknown(origin, ("topic",), meta.topic, "topic", sorted(self.known_topics))
        if "outlet" not in unchecked:
            self.ref(origin, ("outlet",), meta.outlet, {"outlet"})
        haystack = document.normalized = NormalizedText.of(document.text)
        traceable = "chain" not in unchecked and self.check_chain(document, haystack)
        # once per document: a claim must name its carrier when the graph has several originals
        originals = sourcegraph.originals(sourcegraph.drew_on(meta.chain)) if traceable else []
        for index, item in enumerate(meta.boilerplate):
            span = self.locate(haystack, item.quote, None, origin.at("boilerplate", index, "quote"), document)
            if span is not None:
                document.boilerplate_spans.append(span)
        for claim in meta.claims:
            self.check_claim(
                document, claim, Origin(origin.file, ("claims", self.positions[id(claim)])), haystack, originals
            )

    def check_chain(self, document: SourceDocument, haystack: NormalizedText) -> bool:
        """Check the hops and their graph; True when the graph can be traced."""
        meta, origin = document.meta, document.origin
        for index, hop in enumerate(meta.chain):
            self.ref(origin, ("chain", index, "outlet"), hop.outlet, {"outlet"})
        ends_right = (
            "outlet" in document.unchecked or meta.chain[-1].outlet == meta.outlet or is_placeholder(meta.outlet)
        )
        if not ends_right:
            self.report(
                origin.file,
                ("chain", len(meta.chain) - 1, "outlet"),
                "chain-end",
                f"the chain ends with '{meta.chain[-1].outlet}' but the copy held is from '{meta.outlet}'",
                "the last hop of the chain must be the outlet whose copy we hold (the document's 'outlet')",
            )
        for index, hop in enumerate(meta.chain):
            if hop.evidence is not None:
                span = self.locate(haystack, hop.evidence, None, origin.at("chain", index, "evidence"), document)
                if span is not None:
                    document.hop_spans[index] = span
        return self.check_graph(document) and ends_right

    def check_graph(self, document: SourceDocument) -> bool:
        """Every hop drawn on is in the chain; no loop; only originals draw on nothing;
        every hop leads to the copy held. A follow-on of an earlier problem is not reported."""
        meta, file = document.meta, document.origin.file
        seen: dict[str, int] = {}
        for index, hop in enumerate(meta.chain):
            if hop.outlet in seen:
                self.report(
                    file,
                    ("chain", index, "outlet"),
                    "duplicate-hop",
                    f"'{hop.outlet}' is already hop {seen[hop.outlet] + 1} of this chain",
                    "an outlet is one hop of a document's graph: name every source of that hop in its 'drew_on'",
                )
                return False
            seen[hop.outlet] = index
        sound = True
        for index, hop in enumerate(meta.chain):
            for position, source in enumerate(hop.drew_on or []):
                where: Loc = ("chain", index, "drew_on", position)
                if source == hop.outlet:
                    self.report(
                        file,
                        where,
                        "source-cycle",
                        f"the hop '{hop.outlet}' cannot draw on itself",
                        "name the other hops it drew on",
                    )
                    sound = False
                elif source not in seen:
                    self.report(
                        file,
                        where,
                        "unknown-reference",
                        f"'{source}' is not a hop of this document's chain",
                        "add a hop for it to 'chain:', or use one of: " + ", ".join(seen),
                    )
                    sound = False
        if not sound:
            return False
        graph = sourcegraph.drew_on(meta.chain)
        cycle = sourcegraph.find_cycle(graph)
        if cycle is not None:
            index = seen[cycle[0]]
            self.report(
                file,
                ("chain", index, "drew_on"),
                "source-cycle",
                "the hops draw on each other in a loop: " + " ← ".join([*cycle, cycle[0]]),
                "a hop can only draw on hops published before it: remove one 'drew_on' entry of the loop",
            )
            return False
        for index, hop in enumerate(meta.chain):
            if not graph[hop.outlet] and hop.role not in inputs.ORIGINAL_ROLES:
                where = ("chain", index, "drew_on" if hop.drew_on is not None else "role")
                self.report(
                    file,
                    where,
                    "hop-without-source",
                    f"the hop '{hop.outlet}' ({hop.role}) draws on nothing, but only an original can",
                    "name the hops it drew on with 'drew_on: [...]', or give it the role "
                    "'original-reporting' if the outlet reported the story itself",
                )
                sound = False
            elif graph[hop.outlet] and hop.drew_on and hop.role in inputs.ORIGINAL_ROLES:
                self.report(
                    file,
                    ("chain", index, "role"),
                    "original-draws-on",
                    f"the hop '{hop.outlet}' is marked '{hop.role}' but draws on {', '.join(hop.drew_on)}",
                    "use the role 'own-reporting' for a story built on others' reporting",
                )
                sound = False
        if not sound:
            return False  # a hop that leads nowhere may only follow from the problem above
        copy_held = meta.chain[-1].outlet
        leads_to_copy = set(sourcegraph.reachable(graph, copy_held))  # once, for every hop: linear
        for index, hop in enumerate(meta.chain[:-1]):
            if hop.outlet not in leads_to_copy:
                self.report(
                    file,
                    ("chain", index, "outlet"),
                    "unreachable-hop",
                    f"the hop '{hop.outlet}' does not lead to the copy held ('{copy_held}'): no later hop draws on it",
                    f"add '{hop.outlet}' to the 'drew_on' list of the hop that used it, or remove this hop",
                )
                sound = False
        return sound

    def check_claim(
        self,
        document: SourceDocument,
        claim: inputs.Claim,
        origin: Origin,
        haystack: NormalizedText,
        originals: list[str],
    ) -> None:
        meta = document.meta
        if claim.claimant is not None:
            self.ref(origin, ("claimant",), claim.claimant, {"party", "outlet"})
        if "chain" not in document.unchecked:
            self.check_carriers(document, claim, origin, originals)
        if (
            claim.question is not None
            and ("question", claim.question) not in self.ids.duplicated
            and "topic" not in document.unchecked
        ):
            topic_of_question = self.question_topic.get(claim.question)
            if topic_of_question is None:
                questions = [
                    q for q, t in self.question_topic.items() if t == meta.topic or meta.topic not in self.known_topics
                ]
                self.report_unknown(
                    origin,
                    ("question",),
                    claim.question,
                    "question",
                    questions,
                    f"add it under 'questions:' in the topic file of '{meta.topic}'",
                )
            elif topic_of_question != meta.topic:
                self.report(
                    origin.file,
                    (*origin.loc, "question"),
                    "unknown-reference",
                    f"the question '{claim.question}' belongs to topic '{topic_of_question}', not '{meta.topic}'",
                    "use a question of this document's topic",
                )
        for index, subject in enumerate(claim.subjects):
            self.ref(origin, ("subjects", index), subject, {"party", "location"})
        for relation in ("disputes", "supports"):
            for index, other in enumerate(getattr(claim, relation)):
                if other == claim.id:
                    self.report(
                        origin.file,
                        (*origin.loc, relation, index),
                        "self-reference",
                        f"the claim '{claim.id}' cannot {relation[:-1]} itself",
                        "name another claim's id",
                    )
                elif other not in self.claim_ids:
                    self.report_unknown(origin, (relation, index), other, "claim", list(self.claim_ids))
        self.check_citations(claim.sources, origin)
        if claim.date is not None and meta.published is not None and claim.date > meta.published:
            self.report(
                origin.file,
                (*origin.loc, "date"),
                "date-order",
                f"the claim is dated {claim.date.isoformat()}, after the copy it is quoted from "
                f"was published ({meta.published.isoformat()})",
                "a claim is made before it is reported: check the year, month and day",
            )
        if claim.figure is not None:
            for index, revision in enumerate(claim.figure.revisions):
                revision_origin = Origin(origin.file, (*origin.loc, "figure", "revisions", index))
                if revision.by is not None:
                    self.ref(revision_origin, ("by",), revision.by, {"party", "outlet"})
                if revision.source.document is not None and revision.source.document not in self.known_documents:
                    self.report_unknown(
                        revision_origin,
                        ("source", "document"),
                        revision.source.document,
                        "document",
                        sorted(self.known_documents),
                    )
        span = self.locate(haystack, claim.quote, claim.occurrence, origin.at("quote"), document)
        if span is not None:
            document.claim_spans[claim.id] = span

    def check_carriers(
        self, document: SourceDocument, claim: inputs.Claim, origin: Origin, originals: list[str]
    ) -> None:
        """Each carrier is a hop of the chain; with several originals (of a graph that could be
        traced), a carrier must be named."""
        hops = list(dict.fromkeys(hop.outlet for hop in document.meta.chain))
        for index, carrier in enumerate(claim.via):
            if carrier not in hops and not is_placeholder(carrier):
                self.report(
                    origin.file,
                    (*origin.loc, "via", index),
                    "unknown-reference",
                    f"'{carrier}' in 'via' is not an outlet of this document's chain",
                    f"use one of: {', '.join(hops)}",
                )
        if not claim.via and len(originals) > 1:
            self.report(
                origin.file,
                (*origin.loc, "id"),
                "via-required",
                f"this document draws on {len(originals)} originals ({', '.join(originals)}), "
                f"so the claim '{claim.id}' must say which carried it",
                "add 'via: [...]' naming the hop or hops the claim can be traced to, among: "
                + ", ".join(originals)
                + " (or a later hop, if it could be traced no further)",
                prefer_key=True,
            )

    def locate(
        self,
        haystack: NormalizedText,
        passage: str,
        occurrence: int | None,
        where: tuple[YamlFile | YamlSource, Loc],
        document: SourceDocument,
    ) -> Span | None:
        """The span of ``passage`` in the text, or ``None`` with a problem recorded."""
        file, loc = where
        if is_placeholder(passage):
            return None
        spans = find_all(haystack, passage)
        text_name = document.meta.text
        if not spans:
            closest = closest_passage(haystack, passage)
            self.report(
                file,
                loc,
                "quote-not-found",
                f"this passage does not occur in {text_name}",
                f'copy it exactly from the text; the closest passage is: "{closest}"',
            )
            return None
        if occurrence is None and len(spans) > 1:
            pick = ", or add 'occurrence: N' to pick one" if loc[-1] == "quote" and "claims" in loc else ""
            self.report(
                file,
                loc,
                "quote-ambiguous",
                f"this passage occurs {len(spans)} times in {text_name}",
                f"lengthen the passage so it occurs once{pick}",
            )
            return None
        index = (occurrence or 1) - 1
        if index >= len(spans):
            self.report(
                file,
                loc,
                "quote-ambiguous",
                f"'occurrence: {occurrence}' is asked for, but the passage occurs {len(spans)} time(s)",
                f"use a number from 1 to {len(spans)}",
            )
            return None
        return spans[index]

    def check_citations(self, citations: list[inputs.Citation], origin: Origin) -> None:
        for index, citation in enumerate(citations):
            if citation.document is not None and citation.document not in self.known_documents:
                self.report_unknown(
                    origin, ("sources", index, "document"), citation.document, "document", sorted(self.known_documents)
                )

    def ref(self, origin: Origin, loc: Loc, target: str, kinds: set[str]) -> None:
        """Report ``target`` unless it is the id of an entity of one of ``kinds``."""
        if is_placeholder(target):
            return
        kind = self.entity_kind.get(target)
        if kind in kinds or ("entity", target) in self.ids.duplicated:
            return  # a duplicated id is reported once, where it is declared again
        wanted = " or ".join(sorted(kinds))
        if kind is not None:
            self.report(
                origin.file,
                origin.loc + loc,
                "wrong-reference",
                f"'{target}' is {_article(kind)}, but {_article(wanted)} is expected here",
                f"use the id of {_article(wanted)}",
            )
            return
        candidates = [eid for eid, k in self.entity_kind.items() if k in kinds]
        self.report_unknown(origin, loc, target, wanted, candidates)

    def report_unknown(
        self, origin: Origin, loc: Loc, target: str, what: str, candidates: list[str], otherwise: str = ""
    ) -> None:
        if is_placeholder(target):
            return
        for kind in what.split(" or "):
            if kind in self.unknowable and (
                self.unknowable[kind] is None or any(target in source for source in self.unknowable[kind] or ())
            ):
                return  # perhaps declared in a file that did not parse
        close = difflib.get_close_matches(target, candidates, n=3, cutoff=0.6)
        if close:
            hint = "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
        else:
            hint = otherwise or f"define {_article(what)} with this id first, or fix the id"
        self.report(origin.file, origin.loc + loc, "unknown-reference", f"no {what} has the id '{target}'", hint)

    def report(
        self, file: YamlFile | YamlSource, loc: Loc, rule: str, message: str, hint: str = "", prefer_key: bool = False
    ) -> None:
        line, column = file.position(loc, prefer_key=prefer_key)
        self.problems.add(file.path, line, column, rule, message, hint)

    def report_schema_error(self, model: type[BaseModel], item: Any, origin: Origin) -> None:
        loc = tuple(item["loc"])
        kind = item["type"]
        file = origin.file
        if kind == "missing":
            name = loc[-1]
            info = _field_info(model, loc)
            example = _example_of(info)
            self.report(
                file,
                origin.loc + loc[:-1],
                "missing-field",
                f"missing required field '{name}'",
                f"add '{name}:' here"
                + (f", for example '{name}: {example}'" if example else "")
                + (f" ({info.description})" if info is not None and info.description else ""),
                prefer_key=True,
            )
        elif kind == "extra_forbidden":
            name = str(loc[-1])
            allowed = _field_names(model, loc[:-1])
            close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.5)
            hint = f"did you mean '{close[0]}'?" if close else "allowed fields: " + ", ".join(allowed)
            self.report(file, origin.loc + loc, "unknown-field", f"unknown field '{name}'", hint, prefer_key=True)
        elif kind == "literal_error":
            expected = item["ctx"]["expected"]
            close = difflib.get_close_matches(str(item["input"]), re.findall(r"'([^']*)'", expected), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"use one of {expected}"
            self.report(
                file, origin.loc + loc, "invalid-value", f"'{item['input']}' is not allowed for '{loc[-1]}'", hint
            )
        else:
            message, hint = _describe(item)
            if not hint:
                info = _field_info(model, loc) if loc and isinstance(loc[-1], str) else None
                hint = _hint_for(info)
            self.report(file, origin.loc + loc, "invalid-value", message, hint)


def _describe(item: Any) -> tuple[str, str]:
    """A message and a hint for a type or value error."""
    kind, loc, value = item["type"], item["loc"], item["input"]
    name = next((str(part) for part in reversed(loc) if isinstance(part, str)), "value")
    got = _kind_of(value)
    expectations = {
        "string_type": "text",
        "float_type": "a number",
        "float_parsing": "a number",
        "int_type": "a whole number",
        "int_parsing": "a whole number",
        "list_type": "a list",
        "dict_type": "a mapping of fields",
        "model_type": "a mapping of fields",
        "model_attributes_type": "a mapping of fields",
        "bool_type": "true or false",
        "finite_number": "a finite number",
        "int_from_float": "a whole number",
    }
    hints = {
        "string_type": "in YAML, put quotes around text that looks like a number, a date or yes/no",
        "list_type": "write a list, either [a, b] or one '- item' per line",
        "dict_type": "write the fields on indented lines below, as 'field: value'",
        "model_type": "write the fields on indented lines below, as 'field: value'",
    }
    if kind in expectations:
        return f"'{name}' must be {expectations[kind]}, not {got}", hints.get(kind, "")
    if kind == "too_short":
        return (f"'{name}' needs at least {item['ctx'].get('min_length', 1)} item(s)", "add the missing items")
    message = item["msg"].removeprefix("Value error, ")
    problem, _, hint = message.partition(" | hint: ")
    if not any(isinstance(part, str) for part in loc):  # a rule across the fields of one entry
        return problem, hint
    return f"'{name}': {problem}", hint


def _hint_for(info: Any) -> str:
    """The field's own description and example, as a reminder of what it takes."""
    if info is None:
        return "see the input model reference for what this field takes"
    example = _example_of(info)
    text = info.description or "see the input model reference"
    return f"{text}" + (f" For example: {example}" if example else "")


def _kind_of(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (YAML reads yes/no/true/false as a boolean)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"'{value}'" if isinstance(value, str) else type(value).__name__


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The input class that describes the mapping at ``loc`` inside ``model``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    """The model class inside ``list[X]``, ``X | None`` or ``Annotated[X, ...]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found is not None:
                return found
    return None


def _field_names(model: type[BaseModel], loc: Loc) -> list[str]:
    inner = _model_at(model, loc)
    return list(inner.model_fields) if inner else []


def _field_info(model: type[BaseModel], loc: Loc) -> Any:
    inner = _model_at(model, loc[:-1])
    return inner.model_fields.get(str(loc[-1])) if inner else None


def _example_of(info: Any) -> str:
    if info is None or not info.examples:
        return ""
    example = info.examples[0]
    return example if isinstance(example, str) else str(example)


def _article(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def _walk(data: Any, loc: Loc) -> Iterator[tuple[Loc, Any]]:
    """Every scalar of a parsed YAML document with its path."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _walk(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _walk(value, (*loc, index))
    else:
        yield loc, data


# Words too common to stand for one entity: each would link every "the" or "said" of every text.
_COMMON_WORDS = frozenset(
    """a an and are as at be by for from has he her his in is it its
    of on or said says she that the their they this to was were who will with""".split()
)


def _too_common(folded: str) -> bool:
    """Fewer than two letters or digits, or one common word in small letters."""
    return sum(ch.isalnum() for ch in folded) < 2 or folded in _COMMON_WORDS


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _get(table: dict[str, Any], key: str, attribute: str) -> Any:
    entry = table.get(key)
    return getattr(entry, attribute) if entry is not None else None
