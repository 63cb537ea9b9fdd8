"""Parsing a seed file's YAML, kept between rebuilds of ``mkdocs serve``: a speed trick.

A rebuild under ``mkdocs serve`` parses only the files whose content changed: a
parsed file (and the problems its parsing found) is kept by its path and text
(``generator/kept.py``, on while the adapter serves), and the ones a run did not
use are dropped after it. Its effect is part of the preview time that
``scripts/measure_preview.py`` measures (the site's *Performance at scale* page);
``tests/test_incremental.py`` checks that a rebuild parses only the edited file.
"""

from __future__ import annotations

from pathlib import Path

from generator.kept import kept
from generator.problems import Problem, Problems
from generator.yaml_reader import YamlFile, parse_yaml


def parse(path: Path, text: str, problems: Problems) -> YamlFile | None:
    """``text`` parsed (or, under the preview, the same file's earlier parse), its problems recorded."""

    def parsed() -> tuple[YamlFile | None, list[Problem]]:
        found = Problems(problems.root)
        return parse_yaml(path, text, found), found.items()

    result, found = kept("parsed file", (problems.root, path, text), parsed)
    problems.extend(found)
    return result
