"""What every check of validation reads and returns.

Validation is one pass of small checks over the corpus (``validate``), each a function
that yields ``Finding``s: what is wrong, and where. A check reads only what it is given:
the entry it checks and the ``Index`` of the whole seed (the ids of every kind, the
duplicates, the files that did not parse, the questions and the places' parents), made
once the files are read and never changed after. A check that needs a value of its own
(a span found, whether a graph could be traced) returns it as the generator's value
(``span = yield from locate(...)``).
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Generator, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator import inputs
from generator.inputs import is_slug
from generator.load.folder import Loc, YamlFile, YamlSource
from generator.validate.corpus import Origin
from generator.validate.id_index import IdIndex

KINDS_OF_FILE = {
    **{registry.file: {registry.kind} for registry in inputs.REGISTRIES},
    "topics": {"topic", "question", "event"},
    "documents": {"document", "claim"},
}
ENTITY_KINDS = {registry.file: registry.kind for registry in inputs.REGISTRIES}
REGISTRY_ITEM_MODELS: dict[str, type[BaseModel]] = {registry.file: registry.item for registry in inputs.REGISTRIES}


PLACEHOLDER = "TODO"


def is_placeholder(value: Any) -> bool:
    """Exactly ``TODO``, as ``new`` writes it (its explanation in a YAML comment after it): text
    that merely starts with the word is real text."""
    return isinstance(value, str) and value.strip() == PLACEHOLDER


@dataclass(frozen=True)
class Finding:
    """One problem a check found: the rule it breaks, at ``loc`` of ``file`` (the key's
    position with ``prefer_key``, else the value's)."""

    file: YamlSource
    loc: Loc
    rule: str
    message: str
    hint: str = ""
    prefer_key: bool = False


Findings = Iterator[Finding]
# A check that also gives a value (a span, whether a graph can be traced).
Checked = Generator[Finding, None, Any]


def finding(
    file: YamlFile | YamlSource, loc: Loc, rule: str, message: str, hint: str = "", prefer_key: bool = False
) -> Finding:
    return Finding(file.source if isinstance(file, YamlFile) else file, loc, rule, message, hint, prefer_key)


@dataclass(frozen=True)
class Index:
    """What the checks read of the whole seed besides the entry each checks, made once the
    files are read. ``key`` is all of what a document's checks read of it, as values."""

    root: Path
    ids: IdIndex = field(compare=False)
    # Kinds of ids we cannot know because a file failed to parse (with the text that did not
    # parse, None if it could not be read): references to them are not reported, so that
    # one syntax error does not cascade.
    unknowable: Mapping[str, list[str] | None]
    entity_kind: Mapping[str, str]  # every id of a party, place or outlet declared anywhere
    claim_ids: Mapping[str, Origin]
    question_topic: Mapping[str, str]
    known_documents: frozenset[str]
    known_topics: frozenset[str]
    questions: Mapping[str, inputs.Question]  # the valid ones
    parents_of: Mapping[str, list[str]]  # the valid places' parents

    @classmethod
    def of(
        cls,
        root: Path,
        ids: IdIndex,
        unparsed: Mapping[str, list[str] | None],
        stripped: Mapping[str, str],
        topics: Mapping[str, inputs.Topic],
        locations: Mapping[str, inputs.Location],
    ) -> Index:
        """The index of a seed whose ids are ``ids``, whose files of ``unparsed`` did not
        parse, and whose valid topics and places are those given; ``stripped`` are the ids
        written with spaces around them (their own problem is reported, not references)."""
        return cls(
            root,
            ids,
            {kind: sources for name, sources in unparsed.items() for kind in KINDS_OF_FILE[name]},
            {**{key: entry.kind for key, entry in ids.ids("entity").items()}, **stripped},
            {key: entry.origin for key, entry in ids.ids("claim").items()},
            {key: entry.parent for key, entry in ids.ids("question").items() if is_slug(entry.parent)},
            frozenset(ids.ids("document")),
            frozenset(ids.ids("topic")),
            {q.id: q for topic in topics.values() for q in topic.questions},
            {lid: location.parents for lid, location in locations.items()},
        )

    @functools.cached_property
    def key(self) -> tuple[Any, ...]:
        """Everything a document's checks read here, as values (made once)."""
        return (
            self.root,
            frozenset((q.id, q.date, q.end, tuple(q.places)) for q in self.questions.values()),
            frozenset((place, tuple(parents)) for place, parents in self.parents_of.items()),
            frozenset(self.entity_kind.items()),
            frozenset(self.claim_ids),
            frozenset(self.question_topic.items()),
            self.known_documents,
            self.known_topics,
            frozenset(self.ids.duplicated),
            frozenset((entry.origin.file.path, entry.origin.loc) for entry, _ in self.ids.duplicates),
            tuple(sorted((kind, None if texts is None else tuple(texts)) for kind, texts in self.unknowable.items())),
        )


def ref(index: Index, origin: Origin, loc: Loc, target: str, kinds: set[str]) -> Findings:
    """A problem unless ``target`` is the id of an entity of one of ``kinds``."""
    if is_placeholder(target):
        return
    kind = index.entity_kind.get(target)
    if kind in kinds or ("entity", target) in index.ids.duplicated:
        return  # a duplicated id is reported once, where it is declared again
    wanted = " or ".join(sorted(kinds))
    if kind is not None:
        yield finding(
            origin.file,
            origin.loc + loc,
            "wrong-reference",
            f"'{target}' is {article(kind)}, but {article(wanted)} is expected here",
            f"use the id of {article(wanted)}",
        )
        return
    candidates = [eid for eid, k in index.entity_kind.items() if k in kinds]
    yield from unknown_id(index, origin, loc, target, wanted, candidates)


def unknown_id(
    index: Index, origin: Origin, loc: Loc, target: str, what: str, candidates: list[str], otherwise: str = ""
) -> Findings:
    """``target`` is no id of ``what``: the closest ``candidates`` are suggested (nothing is
    reported for an id perhaps declared in a file that did not parse)."""
    if is_placeholder(target):
        return
    for kind in what.split(" or "):
        if kind in index.unknowable and (
            index.unknowable[kind] is None or any(target in source for source in index.unknowable[kind] or ())
        ):
            return  # perhaps declared in a file that did not parse
    close = difflib.get_close_matches(target, candidates, n=3, cutoff=0.6)
    if close:
        hint = "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    else:
        hint = otherwise or f"define {article(what)} with this id first, or fix the id"
    yield finding(origin.file, origin.loc + loc, "unknown-reference", f"no {what} has the id '{target}'", hint)


def citations(index: Index, cited: list[inputs.Citation], origin: Origin) -> Findings:
    """Each citation of a document names a known one."""
    for number, citation in enumerate(cited):
        if citation.document is not None and citation.document not in index.known_documents:
            yield from unknown_id(
                index,
                origin,
                ("sources", number, "document"),
                citation.document,
                "document",
                sorted(index.known_documents),
            )


def article(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
