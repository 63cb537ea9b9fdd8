"""The whole pipeline, stage by stage: load → validate → model → render.

A plain build runs each stage as a pure function. Under the preview the adapter gives
every rebuild its ``Session``, and the steps each stage takes per file, per document and
per text are handed to the stage wrapped by it (``_Steps``): an unchanged input's result
is the one made before, looked up by that input's content."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator import inputs
from generator.base.problems import Problem, Problems
from generator.build.gc_pause import gc_paused
from generator.build.session import Session
from generator.load.files import decode_file
from generator.load.folder import Steps as LoadSteps
from generator.load.folder import TextFile, YamlFile, load_corpus, named_files, parse_file
from generator.load.worktree import changed_lines
from generator.model.indexing import build_site, find_mentions
from generator.render import RenderedPage, paths, render_site
from generator.text.mentions import Mention, MentionFinder
from generator.text.quotes import NormalizedText
from generator.validate.checker import Index
from generator.validate.corpus import Corpus, Origin, SourceDocument
from generator.validate.validation import check_document_file, parse_entry, validate


@dataclass
class Checked:
    """The outcome of loading and validating a seed folder."""

    corpus: Corpus
    problems: list[Problem]  # the errors: any one stops the build
    unreadable: frozenset[str] = frozenset()  # registries and folders with a file that did not parse
    warnings: list[Problem] = field(default_factory=list)  # reported, but the site is built

    @property
    def ok(self) -> bool:
        return not self.problems

    def known_ids(self) -> dict[str, list[str]]:
        """The valid ids of each kind, for the editor schemas."""
        corpus = self.corpus
        return {
            "party": list(corpus.parties),
            "location": list(corpus.locations),
            "outlet": list(corpus.outlets),
            "topic": list(corpus.topics),
            "document": list(corpus.documents),
            "question": [q.id for topic in corpus.topics.values() for q in topic.questions],
            "claim": [c.id for document in corpus.documents.values() for c in document.meta.claims],
        }

    @property
    def notes(self) -> list[str]:
        """What could not be checked, said once: references to ids of a file that did not parse."""
        return [
            f"references to {_IDS_OF[name]} were not checked, because "
            + (f"{name}.yaml did not parse" if name in _REGISTRIES else f"a file in {name}/ did not parse")
            + "; they will be once it does"
            for name in sorted(self.unreadable)
            if name in _IDS_OF
        ]


_REGISTRIES = tuple(registry.file for registry in inputs.REGISTRIES)
_IDS_OF = {
    **{registry.file: registry.plural for registry in inputs.REGISTRIES},
    "topics": "topics, questions and events",
    "documents": "documents and claims",
}


_SETTLED_NS = 2_000_000_000  # a file is trusted by its status once changed this long ago (2 s)


@dataclass(frozen=True)
class _Steps:
    """The steps of the stages, each reusing under ``session`` the result it made from the
    same content in the last rebuild (its key: every argument, as text or values)."""

    session: Session
    root: Path

    def parse(self, path: Path, text: str) -> tuple[YamlFile | None, list[Problem]]:
        return self.session.reuse("parse", (path, text), lambda: parse_file(path, text, self.root))

    def read(self, path: Path, status: os.stat_result) -> tuple[str | None, list[Problem]]:
        # A file whose status is the one it had when it was read is not read again. Its change
        # time is one no program can set, and a file is trusted only once it has settled:
        # written later, it would have another change time even where times are coarse.
        if status.st_ctime_ns > time.time_ns() - _SETTLED_NS:
            return decode_file(path, status, self.root)
        same = (path, status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)
        return self.session.reuse("read", same, lambda: decode_file(path, status, self.root))

    def load(self) -> LoadSteps:
        return LoadSteps(self.read, self.parse)

    def check_document(
        self, file: YamlFile, texts: dict[Path, TextFile], seed: Index
    ) -> tuple[SourceDocument | None, list[Problem]]:
        named = tuple(
            (name, None if (text := texts.get(file.path.parent / name)) is None else text.text)
            for name, _ in named_files(file)
        )
        # the context's values stand for themselves by one token per rebuild: compared once,
        # not once for every document
        same = self.session.reuse("document context", seed.key, object)
        key = (file.path, file.source.text, named, same)
        return self.session.reuse("check document", key, lambda: check_document_file(file, texts, seed))

    def parse_entry(self, model: type[BaseModel], data: Any, origin: Origin) -> Any:
        # YAML's data are plain values (text, numbers, dates, lists, mappings): their repr is
        # exactly what they are. The place is in the key: two entries written alike are two objects.
        key = (model, origin.file.path, origin.loc, repr(data))
        return self.session.reuse("entry", key, lambda: parse_entry(model, data, origin))

    def find_mentions(self, finder: MentionFinder, text: str, normalized: NormalizedText | None) -> list[Mention]:
        # the folded text is asked for at every rebuild, so that it is kept for the next
        # rebuild whose names change (the mentions of every text are then found again)
        folded = self.session.reuse("folded", text, lambda: normalized or NormalizedText.of(text))
        return self.session.reuse("mentions", (finder.digest, text), lambda: find_mentions(finder, text, folded))


def check(seeds: Path, project_root: Path | None = None, session: Session | None = None) -> Checked:
    """Load and validate every file under ``seeds``; collect every problem. Under the
    preview, ``session`` gives the results of the last rebuild for the unchanged files."""
    problems = Problems(project_root or seeds.parent)
    steps = None if session is None else _Steps(session, problems.root)
    with gc_paused():
        if steps is None:
            raw = load_corpus(seeds, problems)
            corpus = validate(raw, problems, changed_lines(seeds))
        else:
            raw = load_corpus(seeds, problems, steps.load())
            corpus = validate(raw, problems, changed_lines(seeds), steps.check_document, steps.parse_entry)
    found = problems.sorted()
    return Checked(
        corpus,
        [p for p in found if p.is_error],
        frozenset(raw.unreadable),
        [p for p in found if not p.is_error],
    )


@dataclass
class Built:
    """Generated pages, or the problems that prevented them."""

    pages: list[RenderedPage]
    problems: list[Problem]
    checked: Checked


def build_pages(seeds: Path, project_root: Path | None = None, session: Session | None = None) -> Built:
    """Every stage in order; no page is rendered unless validation found nothing. Under
    the preview, ``session`` holds the last rebuild's results: only the files, documents
    and pages that changed since are made again."""
    try:
        with gc_paused():  # one pause for every stage (the cycle collector would walk the corpus in between)
            return _build_pages(seeds, project_root, session)
    finally:
        if session is not None:
            session.end_rebuild()  # valid or not, what this rebuild did not use is dropped


def _build_pages(seeds: Path, project_root: Path | None, session: Session | None) -> Built:
    checked = check(seeds, project_root, session)
    if not checked.ok:
        return Built([], checked.problems, checked)
    if session is None:
        site = build_site(checked.corpus)
    else:
        site = build_site(checked.corpus, _Steps(session, project_root or seeds.parent).find_mentions)
    for document in checked.corpus.documents.values():
        document.normalized = None  # folded for validation's quotes and the model's mentions only
    pages = render_site(site) if session is None else session.pages.render(site)
    return Built(pages, [], checked)


def hidden_pages(docs_dir: Path, pages: list[RenderedPage]) -> list[tuple[str, str]]:
    """Hand-written files of ``docs/`` at the address (or path) of a generated page."""
    generated = {(paths.address(p.path) if p.path.endswith(".md") else p.path): p.path for p in pages}
    hidden = []
    for file in sorted(docs_dir.rglob("*")):
        if file.is_file():
            relative = file.relative_to(docs_dir).as_posix()
            key = paths.address(relative) if relative.endswith(".md") else relative
            if key in generated:
                hidden.append((relative, generated[key]))
    return hidden
