"""The whole pipeline, stage by stage: load → validate → model → render."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator import inputs
from generator.corpus import Corpus
from generator.gc_pause import gc_paused
from generator.incremental import KeptPages
from generator.kept import forget_unused
from generator.load import load_corpus
from generator.model import build_site
from generator.problems import Problem, Problems
from generator.render import RenderedPage, paths, render_site
from generator.validate import validate
from generator.worktree import changed_lines


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


def check(seeds: Path, project_root: Path | None = None) -> Checked:
    """Load and validate every file under ``seeds``; collect every problem."""
    problems = Problems(project_root or seeds.parent)
    with gc_paused():
        raw = load_corpus(seeds, problems)
        corpus = validate(raw, problems, changed_lines(seeds))
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


def build_pages(seeds: Path, project_root: Path | None = None, kept: KeptPages | None = None) -> Built:
    """Every stage in order; no page is rendered unless validation found nothing. With
    ``kept`` (the preview's pages of its last rebuild), only the pages that read what
    changed since are rendered again."""
    with gc_paused():  # one pause for every stage (the cycle collector would walk the corpus in between)
        checked = check(seeds, project_root)
        if not checked.ok:
            return Built([], checked.problems, checked)
        site = build_site(checked.corpus)
        forget_unused()  # the results kept for a preview that this run did not use
        for document in checked.corpus.documents.values():
            document.normalized = None  # folded for validation's quotes and the model's mentions only
        pages = render_site(site) if kept is None else kept.render(site)
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
