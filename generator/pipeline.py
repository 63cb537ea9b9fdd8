"""The whole pipeline, stage by stage: load → validate → model → render."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.load import load_corpus
from generator.problems import Problem, Problems
from generator.validate import Corpus, validate


@dataclass
class Checked:
    """The outcome of loading and validating a seed folder."""

    corpus: Corpus
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


def check(seeds: Path, project_root: Path | None = None) -> Checked:
    """Load and validate every file under ``seeds``; collect every problem."""
    problems = Problems(project_root or seeds.parent)
    raw = load_corpus(seeds, problems)
    corpus = validate(raw, problems)
    return Checked(corpus, problems.sorted())
