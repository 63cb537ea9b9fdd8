"""The first step of the pass: each file read against the input model, entry by entry, so
that one bad entry does not hide the others; what is wrong is found in a contributor's
words (``schema_errors``), and a value still holding the placeholder ``TODO`` is reported
as such, once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator import inputs
from generator.inputs import is_slug
from generator.load.folder import Loc, TextFile, YamlFile
from generator.validate.checker import (
    ENTITY_KINDS,
    PLACEHOLDER,
    REGISTRY_ITEM_MODELS,
    Checked,
    as_list,
    finding,
    is_placeholder,
)
from generator.validate.corpus import Origin, SourceDocument, TranslatedText
from generator.validate.id_index import IdIndex
from generator.validate.schema_errors import field_info, hint_for, schema_finding, walk

# The step that checks one entry's data, written at ``Origin``, against its input class
# (pydantic's ``model_validate``, which raises ``ValidationError``). The preview's
# session reuses it while the data at that place are the same.
ParseEntry = Callable[[type[BaseModel], Any, Origin], Any]


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
