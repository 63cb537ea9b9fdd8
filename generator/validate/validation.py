"""Stage 2: check the raw files against the input model and against each other.

One pass over the corpus. Each file (and each registry entry) is read against the
classes in ``inputs``; with every id indexed (``checker.Index``), the registries' and
topics' references are checked (``references``), then each document on its own
(``document_checks``, ``date_checks``). Every check is a function that yields what it
finds (``checker.Finding``); nothing stops at the first one, and no check changes what
another reads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator import inputs
from generator.base.problems import Problem, Problems
from generator.load.folder import RawCorpus, TextFile, YamlFile
from generator.validate.checker import (
    Checked,
    Finding,
    Findings,
    Index,
    article,
    finding,
)
from generator.validate.corpus import Corpus, Origin, SourceDocument
from generator.validate.document_checks import check_document
from generator.validate.id_index import IdIndex, changed_in, declared_ids
from generator.validate.reading import (
    ParseEntry,
    Reading,
    placeholders,
    read_document,
    read_registry,
    read_topic,
)
from generator.validate.references import check_references, registries_of


def parse_entry(model: type[BaseModel], data: Any, origin: Origin) -> Any:
    """``data`` checked against ``model``: the input object, or ``ValidationError``."""
    return model.model_validate(data)


# The step that checks one document: its metadata file, the texts it names and the index
# of the seed give the document (None if it is not valid) and its problems. The
# preview's session reuses it while all of them are the same (the index by its ``key``).
CheckDocument = Callable[[YamlFile, "dict[Path, TextFile]", Index], "tuple[SourceDocument | None, list[Problem]]"]


def check_document_file(
    file: YamlFile, texts: dict[Path, TextFile], seed: Index
) -> tuple[SourceDocument | None, list[Problem]]:
    """One document's checks: placeholders, its metadata, references and quotes."""
    found: list[Finding] = []
    reading = Reading(parse_entry, seed.ids)
    holes = collect(placeholders(file, inputs.Document), found)
    document, positions = collect(read_document(reading, file, texts, holes), found)
    if document is not None:
        found += check_document(seed, document, positions)
    problems = Problems(seed.root)
    add(problems, found)
    return document, problems.items()


def validate(
    raw: RawCorpus,
    problems: Problems,
    changed: dict[Path, set[int] | None] | None = None,
    check: CheckDocument | None = None,
    parse: ParseEntry | None = None,
) -> Corpus:
    """Check everything; return what is valid. Callers must check ``problems``.
    ``changed`` (lines changed in the work tree) decides which of two entries
    with the same id is reported: the changed one. Each document is checked by
    ``check`` (``check_document_file`` if none is given), each entry of the
    registries and topics by ``parse`` (``parse_entry``)."""
    ids = IdIndex(declared_ids(raw), changed_in(changed or {}))
    reading = Reading(parse or parse_entry, ids)
    found = list(duplicates(ids, problems.display_path))
    corpus = Corpus(raw.root, {}, {}, {}, {}, {}, {})
    stripped: dict[str, str] = {}
    for name, file in raw.registries.items():
        holes = collect(placeholders(file, REGISTRY_MODELS[name]), found)
        entries, more = collect(read_registry(reading, name, file, holes), found)
        stripped.update(more)
        for entry, origin in entries:
            getattr(corpus, name)[entry.id] = entry
            corpus.origins[entry.id] = origin
    positions: dict[int, int] = {}
    for file in raw.topics:
        holes = collect(placeholders(file, inputs.Topic), found)
        topic, where = collect(read_topic(reading, file, holes), found)
        if topic is not None:
            corpus.topics[topic.id] = topic
            corpus.origins[topic.id] = Origin(file.source, ())
            positions.update(where)
    seed = Index.of(raw.root, ids, raw.unparsed, stripped, corpus.topics, corpus.locations)
    found += check_references(registries_of(seed, corpus, positions))
    add(problems, found)
    for file in raw.documents:
        document, problems_found = (check or check_document_file)(file, raw.texts, seed)
        problems.extend(problems_found)
        if document is not None:
            corpus.documents[document.meta.id] = document
            corpus.origins[document.meta.id] = document.origin
    return corpus


REGISTRY_MODELS: dict[str, type[BaseModel]] = {registry.file: registry.model for registry in inputs.REGISTRIES}


def collect(checked: Checked, into: list[Finding]) -> Any:
    """Run a check that also gives a value: its findings go ``into`` the list, its value is returned."""
    while True:
        try:
            into.append(next(checked))
        except StopIteration as done:
            return done.value


def add(problems: Problems, found: list[Finding]) -> None:
    """Each finding as a problem at its line and column."""
    for item in found:
        line, column = item.file.position(item.loc, prefer_key=item.prefer_key)
        problems.add(item.file.path, line, column, item.rule, item.message, item.hint)


def duplicates(ids: IdIndex, display_path: Callable[[Path], str]) -> Findings:
    """Each entry whose id another entry keeps (see ``id_index``), naming where that one is."""
    for entry, keeper in ids.duplicates:
        where = f"{display_path(keeper.origin.file.path)} line {keeper.origin.line}"
        shared = entry.namespace == "entity" and entry.kind != keeper.kind
        yield finding(
            entry.origin.file,
            (*entry.origin.loc, "id"),
            "duplicate-id",
            f"the {entry.kind} id '{entry.id}' is already the id of "
            f"{article(keeper.kind) if shared else 'another ' + keeper.kind} ({where})",
            "parties, places and outlets share one set of ids: give this one its own id"
            if entry.namespace == "entity"
            else f"give this {entry.kind} its own id",
        )
