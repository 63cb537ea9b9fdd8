"""Parsed YAML files kept between rebuilds of ``mkdocs serve``: a speed trick.

A rebuild under ``mkdocs serve`` parses only the files whose content changed:
parsed files (and the problems their parsing found) are kept by path and
content hash, and the ones a run did not use are dropped after it. Off unless
the adapter asks for it while serving, since a single build would only hold
memory with it. Its effect is the preview time that ``scripts/measure_preview.py``
measures (the site's *Performance at scale* page); ``tests/test_incremental.py``
checks that a rebuild parses only the edited file.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.problems import Problem, Problems
from generator.yaml_reader import YamlFile, parse_yaml

_PARSED: dict[tuple[Path, Path, str], tuple[YamlFile | None, list[Problem]]] = {}
_USED: set[tuple[Path, Path, str]] = set()
_CACHING = False


def keep_parsed_files(enabled: bool = True) -> None:
    """Keep parsed files between runs of this process (for a live preview)."""
    global _CACHING
    _CACHING = enabled
    if not enabled:
        _PARSED.clear()


def parse(path: Path, text: str, problems: Problems) -> YamlFile | None:
    """``text`` parsed (or the same text's earlier parse, when kept), its problems recorded."""
    if not _CACHING:
        return parse_yaml(path, text, problems)
    key = (problems.root, path, hashlib.sha256(text.encode("utf-8")).hexdigest())
    _USED.add(key)
    if key not in _PARSED:
        local = Problems(problems.root)
        _PARSED[key] = (parse_yaml(path, text, local), local.items())
    parsed, found = _PARSED[key]
    problems.extend(found)
    return parsed


def forget_unused() -> None:
    """Drop the files the last run did not read (deleted, or since changed)."""
    for key in set(_PARSED) - _USED:
        del _PARSED[key]
    _USED.clear()
