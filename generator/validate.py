"""Stage 2: check the raw files against the input model and against each other.

Checking happens in two passes. First every file (and every registry entry)
is checked on its own against the classes in ``inputs``. Then, with every id
indexed, references between files are resolved and quotes are looked up in
their texts. Every problem is recorded; nothing stops at the first one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator import inputs
from generator.checker import (
    ENTITY_KINDS,
    PLACEHOLDER,
    REGISTRY_ITEM_MODELS,
    CheckerState,
    _article,
    _list,
    is_placeholder,
)
from generator.corpus import Corpus, Origin, SourceDocument, TranslatedText
from generator.document_checks import DocumentChecks
from generator.id_index import IdIndex, changed_in, declared_ids
from generator.inputs import is_slug
from generator.load import Loc, RawCorpus, TextFile, YamlFile
from generator.problems import Problem, Problems
from generator.references import References
from generator.schema_errors import SchemaErrors, _field_info, _hint_for, _walk

__all__ = ["PLACEHOLDER", "is_placeholder", "validate"]


@dataclass(frozen=True)
class DocumentContext:
    """What a document's checks read besides its own files, for ``CheckDocument``: ``key``
    is all of it as values (the ids of every kind, the duplicates, the files that did not
    parse), ``checker`` the checks that read it."""

    key: tuple[Any, ...]
    checker: _Checker = field(compare=False, hash=False)


# The step that checks one document: its metadata file, the texts it names and the
# context give the document (None if it is not valid) and its problems. The preview's
# session reuses it while all of them are the same.
CheckDocument = Callable[
    [YamlFile, "dict[Path, TextFile]", DocumentContext], "tuple[SourceDocument | None, list[Problem]]"
]


def check_document_file(
    file: YamlFile, texts: dict[Path, TextFile], context: DocumentContext
) -> tuple[SourceDocument | None, list[Problem]]:
    """One document's checks: placeholders, its metadata, references and quotes."""
    return context.checker.check_document_file(file, texts)


# The step that checks one entry's data, written at ``Origin``, against its input class
# (pydantic's ``model_validate``, which raises ``ValidationError``). The preview's
# session reuses it while the data at that place are the same.
ParseEntry = Callable[[type[BaseModel], Any, Origin], Any]


def parse_entry(model: type[BaseModel], data: Any, origin: Origin) -> Any:
    """``data`` checked against ``model``: the input object, or ``ValidationError``."""
    return model.model_validate(data)


def validate(
    raw: RawCorpus,
    problems: Problems,
    changed: dict[Path, set[int] | None] | None = None,
    check_document: CheckDocument | None = None,
    parse: ParseEntry | None = None,
) -> Corpus:
    """Check everything; return what is valid. Callers must check ``problems``.
    ``changed`` (lines changed in the work tree) decides which of two entries
    with the same id is reported: the changed one. Each document is checked by
    ``check_document`` (``check_document_file`` if none is given), each entry by
    ``parse`` (``parse_entry``)."""
    check_document = check_document or check_document_file
    ids = IdIndex(declared_ids(raw), changed_in(changed or {}))
    checker = _Checker(raw.root, problems, raw.unparsed, ids)
    checker.parse_entry = parse or parse_entry
    checker.report_duplicates()
    registry_models: dict[str, type[BaseModel]] = {registry.file: registry.model for registry in inputs.REGISTRIES}
    for name, file in raw.registries.items():
        checker.find_placeholders(file, registry_models[name])
    for file in raw.topics:
        checker.find_placeholders(file, inputs.Topic)
    for name, file in raw.registries.items():
        checker.read_registry(name, file)
    for file in raw.topics:
        checker.read_topic(file)
    checker.check_references()
    context = DocumentContext(checker.document_context(), checker)
    for file in raw.documents:
        document, found = check_document(file, raw.texts, context)
        problems.extend(found)
        if document is not None:
            checker.corpus.documents[document.meta.id] = document
            checker.corpus.origins[document.meta.id] = document.origin
    return checker.corpus


class _Checker(References, DocumentChecks, SchemaErrors, CheckerState):
    """Pass 1 (each file on its own) here; pass 2 and the reporting in the mixins."""

    parse_entry: ParseEntry = staticmethod(parse_entry)

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

    def document_context(self) -> tuple[Any, ...]:
        """What a document's checks read besides its own files, as values: the ids of every
        kind, the duplicates, the files that did not parse."""
        self.questions = {q.id: q for topic in self.corpus.topics.values() for q in topic.questions}
        context = (
            self.problems.root,
            frozenset((q.id, q.date, q.end, tuple(q.places)) for q in self.questions.values()),
            frozenset((place, tuple(parents)) for place, parents in self.parents_of.items()),
            frozenset(self.entity_kind.items()),
            frozenset(self.claim_ids),
            frozenset(self.question_topic.items()),
            frozenset(self.known_documents),
            frozenset(self.known_topics),
            frozenset(self.ids.duplicated),
            frozenset((entry.origin.file.path, entry.origin.loc) for entry, _ in self.ids.duplicates),
            tuple(sorted((kind, None if texts is None else tuple(texts)) for kind, texts in self.unknowable.items())),
        )
        return context

    def check_document_file(
        self, file: YamlFile, texts: dict[Path, TextFile]
    ) -> tuple[SourceDocument | None, list[Problem]]:
        """One document's checks: placeholders, its metadata, references and quotes, with the
        problems they found (not added to the run's)."""
        shared, self.problems = self.problems, Problems(self.problems.root)
        try:
            self.find_placeholders(file, inputs.Document)
            document = self.read_document(file, texts)
            if document is not None:
                self.check_document(document)
            return document, self.problems.items()
        finally:
            self.problems = shared

    def read_document(self, file: YamlFile, texts: dict[Path, TextFile]) -> SourceDocument | None:
        origin = Origin(file.source, ())
        if not self.ids.owns(origin):
            return None  # reported as a duplicate
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
            return None
        text_file = texts.get(file.path.parent / meta.text)
        if text_file is None:
            return None  # the loader reported the missing or unreadable text
        if not text_file.text.strip():
            self.report(
                file,
                ("text",),
                "empty-text",
                f"the text file '{meta.text}' is empty",
                "paste the verbatim text of the document into it",
            )
            return None
        translations = []
        for index, translation in enumerate(meta.translations):
            translated = texts.get(file.path.parent / translation.text)
            if translated is None:
                continue  # the loader reported the missing or unreadable file
            if not translated.text.strip():
                self.report(
                    file,
                    ("translations", index, "text"),
                    "empty-text",
                    f"the translation '{translation.text}' is empty",
                    "paste the verbatim text of the translation into it",
                )
                continue
            translations.append(TranslatedText(translation, translated.path, translated.text))
        return SourceDocument(
            meta, origin, text_file.path, text_file.text, unchecked=unchecked, translations=translations
        )

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
        if parsed is None:
            return None, unchecked
        return parsed.model_copy(update={list_field: good}), unchecked

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
            return self.parse_entry(model, data, origin), set()
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
