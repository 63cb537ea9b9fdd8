"""The state every check of validation shares, and how problems are reported.

Validation is one object (``validate._Checker``) assembled from a mixin per concern:
``schema_errors`` (what pydantic refuses, in a contributor's words), ``references``
(ids between files, places, names), ``document_checks`` (source graphs, claims,
quotes). Each mixin reads and writes the state declared here.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator import inputs
from generator.corpus import Corpus, Origin, SourceDocument
from generator.id_index import IdIndex
from generator.inputs import is_slug
from generator.load import Loc, YamlFile, YamlSource
from generator.problems import Problems

_KINDS_OF_FILE = {
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


class CheckerState:
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
        self.parent_loops: dict[str, list[str]] = {}  # place -> the places of the loop of parents it is in
        self.affiliation_loops: set[str] = set()  # parties whose affiliations lead back to them
        self.positions: dict[int, int] = {}  # id() of a claim or event -> its index in the file's list
        self.parents_of: dict[str, list[str]] = {}  # location id -> its parents, once every place is read

    def report(
        self, file: YamlFile | YamlSource, loc: Loc, rule: str, message: str, hint: str = "", prefer_key: bool = False
    ) -> None:
        line, column = file.position(loc, prefer_key=prefer_key)
        self.problems.add(file.path, line, column, rule, message, hint)

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

    # Checks of one concern that another calls; each mixin defines its own.
    def check_document(self, document: SourceDocument) -> None:
        raise NotImplementedError

    def check_topic(self, topic: inputs.Topic, origin: Origin) -> None:
        raise NotImplementedError

    def check_citations(self, citations: list[inputs.Citation], origin: Origin) -> None:
        raise NotImplementedError

    def report_schema_error(self, model: type[BaseModel], item: Any, origin: Origin) -> None:
        raise NotImplementedError


def _article(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
