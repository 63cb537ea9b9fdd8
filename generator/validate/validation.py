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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator import inputs
from generator.base.problems import Problem, Problems
from generator.inputs import is_slug
from generator.load.folder import Loc, RawCorpus, TextFile, YamlFile
from generator.validate.checker import (
    ENTITY_KINDS,
    PLACEHOLDER,
    REGISTRY_ITEM_MODELS,
    Checked,
    Finding,
    Findings,
    Index,
    article,
    as_list,
    finding,
    is_placeholder,
)
from generator.validate.corpus import Corpus, Origin, SourceDocument, TranslatedText
from generator.validate.document_checks import check_document
from generator.validate.id_index import IdIndex, changed_in, declared_ids
from generator.validate.references import check_references, registries_of
from generator.validate.schema_errors import field_info, hint_for, schema_finding, walk

__all__ = ["PLACEHOLDER", "is_placeholder", "validate"]


# The step that checks one entry's data, written at ``Origin``, against its input class
# (pydantic's ``model_validate``, which raises ``ValidationError``). The preview's
# session reuses it while the data at that place are the same.
ParseEntry = Callable[[type[BaseModel], Any, Origin], Any]


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


@dataclass(frozen=True)
class Reading:
    """What reading an entry takes: the step that checks its data, and the index of ids
    (an entry whose id another keeps is reported as a duplicate, not read)."""

    parse: ParseEntry
    ids: IdIndex


def read_registry(reading: Reading, name: str, file: YamlFile, holes: frozenset[Loc]) -> Checked:
    """The valid entries of a registry file, each with its origin, and the ids written with
    spaces around them (by kind: references to them are not reported, their own problem is)."""
    entries: list[tuple[Any, Origin]] = []
    stripped: dict[str, str] = {}
    if not isinstance(file.data, dict) or not isinstance(file.data.get(name), list):
        yield finding(
            file,
            (),
            "schema",
            f"this file must hold a mapping with a '{name}:' list",
            f"start the file with '{name}:' followed by items '- id: ...'",
        )
        return entries, stripped
    for key in file.data:
        if key != name:
            yield finding(
                file,
                (key,),
                "unknown-field",
                f"unknown top-level field '{key}'",
                f"this file holds only the '{name}:' list",
                prefer_key=True,
            )
    model = REGISTRY_ITEM_MODELS[name]
    for index, item in enumerate(file.data[name]):
        origin = Origin(file.source, (name, index))
        raw_id = item.get("id") if isinstance(item, dict) else None
        if not reading.ids.owns(origin):
            continue  # reported as a duplicate
        if isinstance(raw_id, str) and not is_slug(raw_id) and is_slug(raw_id.strip()):
            # 'alpha\n': the id meant is plain; its own problem is reported, references to it are not
            stripped.setdefault(raw_id.strip(), ENTITY_KINDS[name])
        entry, _ = yield from parse_reporting(reading, model, item, origin, holes)
        if entry is not None:
            entries.append((entry, origin))
    return entries, stripped


def read_topic(reading: Reading, file: YamlFile, holes: frozenset[Loc]) -> Checked:
    """The topic (None if it is not valid or another keeps its id), and where each of its
    events is written (by the event's id())."""
    origin = Origin(file.source, ())
    if not reading.ids.owns(origin):
        return None, {}  # reported as a duplicate
    topic, _, positions = yield from parse_with_items(reading, inputs.Topic, file.data, origin, "events", holes)
    return topic, positions


def read_document(reading: Reading, file: YamlFile, texts: dict[Path, TextFile], holes: frozenset[Loc]) -> Checked:
    """The document with its texts (None if it is not valid), and where each of its claims
    is written (by the claim's id())."""
    origin = Origin(file.source, ())
    if not reading.ids.owns(origin):
        return None, {}  # reported as a duplicate
    raw = file.data if isinstance(file.data, dict) else {}
    for index, claim in enumerate(as_list(raw.get("claims"))):
        claim_origin = Origin(file.source, ("claims", index))
        if isinstance(claim, dict) and claim.get("draft") is True:
            yield finding(
                file,
                (*claim_origin.loc, "draft"),
                "draft-claim",
                f"the claim '{claim.get('id')}' is a draft found by 'new'",
                "check its claimant, kind, paraphrase, quote and status against the text, "
                "then delete the line 'draft: true' (or delete the whole claim if it is not one)",
                prefer_key=True,
            )
    meta, unchecked, positions = yield from parse_with_items(
        reading, inputs.Document, file.data, origin, "claims", holes
    )
    if meta is None:
        return None, positions
    text_file = texts.get(file.path.parent / meta.text)
    if text_file is None:
        return None, positions  # the loader reported the missing or unreadable text
    if not text_file.text.strip():
        yield finding(
            file,
            ("text",),
            "empty-text",
            f"the text file '{meta.text}' is empty",
            "paste the verbatim text of the document into it",
        )
        return None, positions
    translations = yield from _translations(file, meta, texts)
    document = SourceDocument(
        meta, origin, text_file.path, text_file.text, unchecked=unchecked, translations=translations
    )
    return document, positions


def _translations(file: YamlFile, meta: inputs.Document, texts: dict[Path, TextFile]) -> Checked:
    """The translations whose files could be read and are not empty."""
    translations = []
    for index, translation in enumerate(meta.translations):
        translated = texts.get(file.path.parent / translation.text)
        if translated is None:
            continue  # the loader reported the missing or unreadable file
        if not translated.text.strip():
            yield finding(
                file,
                ("translations", index, "text"),
                "empty-text",
                f"the translation '{translation.text}' is empty",
                "paste the verbatim text of the translation into it",
            )
            continue
        translations.append(TranslatedText(translation, translated.path, translated.text))
    return translations


# The class of the items of each file's list checked one by one.
_ITEMS: dict[str, type[BaseModel]] = {"events": inputs.Event, "claims": inputs.Claim}


def parse_with_items(
    reading: Reading, model: type[BaseModel], data: Any, origin: Origin, list_field: str, holes: frozenset[Loc]
) -> Checked:
    """Check a file whose ``list_field`` items are checked one by one, so that one bad item
    does not hide the references of the others. Bad items are left out of the result (their
    problems are found). Also gives the top-level fields that were wrong and stood in for
    (see ``parse_partial``), and where each good item is written (by its id())."""
    positions: dict[int, int] = {}
    items = data.get(list_field) if isinstance(data, dict) else None
    if not isinstance(items, list):
        parsed, unchecked = yield from parse_partial(reading, model, data, origin, holes)
        return parsed, unchecked, positions
    parsed, unchecked = yield from parse_partial(reading, model, {**data, list_field: []}, origin, holes)
    good = []
    for index, raw_item in enumerate(items):
        where = Origin(origin.file, (*origin.loc, list_field, index))
        item, _ = yield from parse_reporting(reading, _ITEMS[list_field], raw_item, where, holes)
        if item is not None:
            positions[id(item)] = index  # where it is written, though bad items before it are left out
            good.append(item)
    if parsed is None:
        return None, unchecked, positions
    return parsed.model_copy(update={list_field: good}), unchecked, positions


def parse_partial(
    reading: Reading, model: type[BaseModel], data: Any, origin: Origin, holes: frozenset[Loc]
) -> Checked:
    """Parse a file; when only some top-level fields are wrong, stand in for them (their
    problems are found) so that the rest of the file is still checked in the same run.
    Gives the object and the fields stood in for; callers skip the checks that depend on
    those. Ids and text names are never stood in for."""
    parsed, bad = yield from parse_reporting(reading, model, data, origin, holes)
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


def parse_reporting(
    reading: Reading, model: type[BaseModel], data: Any, origin: Origin, holes: frozenset[Loc]
) -> Checked:
    """The entry (None if its data are not valid), and the top-level fields that were wrong;
    a field holding a placeholder (``holes``) is reported as such, not again here."""
    try:
        return reading.parse(model, data, origin), set()
    except ValidationError as error:
        bad: set[str] = set()
        for item in error.errors(include_url=False):
            loc = origin.loc + tuple(item["loc"])
            bad.add(str(item["loc"][0]) if item["loc"] else "")
            # a placeholder inside this field (a TODO among a geometry's numbers) says it already
            if not any(
                loc[: len(p)] == p or (loc and isinstance(loc[-1], str) and p[: len(loc)] == loc) for p in holes
            ):
                yield schema_finding(model, item, origin)
        return None, bad


def placeholders(file: YamlFile, model: type[BaseModel]) -> Checked:
    """Every value still holding the ``TODO`` placeholder that ``new`` writes, each reported;
    gives where they are, so that other checks of the same value are skipped."""
    found: set[Loc] = set()
    if PLACEHOLDER not in file.source.text:  # most files: nothing to walk
        return frozenset(found)
    for loc, value in walk(file.data, ()):
        if is_placeholder(value):
            found.add(loc)
            named = loc[: max((i + 1 for i, part in enumerate(loc) if isinstance(part, str)), default=0)]
            info = field_info(model, named) if named else None
            yield finding(
                file,
                loc,
                "unfinished",
                f"'{named[-1] if named else 'value'}' still holds a placeholder: {value}",
                f"replace the TODO with the real value. {hint_for(info)}",
            )
    return frozenset(found)


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
