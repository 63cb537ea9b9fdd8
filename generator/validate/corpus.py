"""The validated corpus: the types that validation produces and every later stage reads.

Validation builds these; the model indexes them; renderers read them. They hold
no checking logic, so the stages after validation never import ``validate``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator import inputs
from generator.load.folder import Loc, YamlFile, YamlSource
from generator.text.mentions import MentionFinder, surface_forms
from generator.text.quotes import NormalizedText

Span = tuple[int, int]


@dataclass(frozen=True)
class Origin:
    """The file and YAML path an input object was read from."""

    file: YamlSource
    loc: Loc

    def __post_init__(self) -> None:
        if isinstance(self.file, YamlFile):  # keep the source only, not the parsed data
            object.__setattr__(self, "file", self.file.source)

    def at(self, *more: str | int) -> tuple[YamlSource, Loc]:
        return self.file, self.loc + more

    @property
    def line(self) -> int:
        return self.file.position(self.loc, prefer_key=True)[0]


@dataclass(eq=False)
class TranslatedText:
    """A translation of a document's text, verbatim, and where the claims' translated quotes are."""

    meta: inputs.Translation
    path: Path
    text: str
    claim_spans: dict[str, Span] = field(default_factory=dict)
    normalized: NormalizedText | None = None  # folded for matching, computed once

    def _read(self) -> tuple[object, ...]:
        return (self.meta, self.path, self.text, self.claim_spans)


@dataclass(eq=False)
class SourceDocument:
    """A validated document: metadata, verbatim text, and where its quotes are.

    Two are equal when they were read from the same metadata and text and found the
    same passages in it (the preview compares documents often: see ``generator/model/reads.py``);
    the metadata file's text stands for the metadata read from it."""

    meta: inputs.Document
    origin: Origin
    text_path: Path
    text: str
    claim_spans: dict[str, Span] = field(default_factory=dict)
    boilerplate_spans: list[Span] = field(default_factory=list)
    hop_spans: dict[int, Span] = field(default_factory=dict)
    unchecked: set[str] = field(default_factory=set)  # wrong fields, stood in for to check the rest
    normalized: NormalizedText | None = None  # the text folded for matching, computed once
    translations: list[TranslatedText] = field(default_factory=list)  # the first is shown first

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if not isinstance(other, SourceDocument):
            return NotImplemented
        return self._read() == other._read()

    __hash__ = None  # type: ignore[assignment]  # mutable, like any dataclass with equality

    def _read(self) -> tuple[object, ...]:
        return (
            self.origin.file.path,
            self.origin.file.text,
            self.text_path,
            self.text,
            self.claim_spans,
            self.boilerplate_spans,
            self.hop_spans,
            self.unchecked,
            [translation._read() for translation in self.translations],
        )


@dataclass
class Corpus:
    """Everything that passed validation, by id."""

    root: Path
    parties: dict[str, inputs.Party]
    locations: dict[str, inputs.Location]
    outlets: dict[str, inputs.Outlet]
    topics: dict[str, inputs.Topic]
    documents: dict[str, SourceDocument]
    origins: dict[str, Origin]


def mention_finder(corpus: Corpus) -> MentionFinder:
    """A finder for every party, place and outlet name and alias of the corpus."""
    entities = [
        (e.id, e.name, [form for form, _ in inputs.surface_forms_of(e)[1:]])
        for table in (corpus.parties, corpus.locations, corpus.outlets)
        for e in table.values()
    ]
    return MentionFinder(surface_forms(entities))
