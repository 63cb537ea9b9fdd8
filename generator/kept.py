"""Results kept from one rebuild of the preview to the next: a speed trick.

Under ``mkdocs serve`` most of the corpus is the same from one rebuild to the next,
and some of the work on it is a function of its inputs alone: a text folded for
matching quotes (``quotes.NormalizedText.of``) and the names found in a text
(``mentions.MentionFinder.find``). While the adapter keeps results (it does when
serving), each is kept by what it was computed from, and a rebuild reuses the ones
whose inputs it meets again; those a rebuild did not ask for are dropped after it.
A single build keeps nothing, since it would only hold memory. What it saves is part
of the preview time that ``scripts/measure_preview.py`` measures.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")

_KEPT: dict[tuple[str, Hashable], Any] = {}
_USED: set[tuple[str, Hashable]] = set()
_KEEPING = False


def keep_results(enabled: bool = True) -> None:
    """Keep results between runs of this process (for a live preview)."""
    global _KEEPING
    _KEEPING = enabled
    if not enabled:
        _KEPT.clear()
        _USED.clear()


def kept(kind: str, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or its kept result for the same ``kind`` and ``key``: the key must hold
    everything the result depends on."""
    if not _KEEPING:
        return compute()
    entry = (kind, key)
    _USED.add(entry)
    if entry in _KEPT:
        return _KEPT[entry]
    result = _KEPT[entry] = compute()
    return result


def forget_unused() -> None:
    """Drop the results the run since the last call did not ask for."""
    for entry in _KEPT.keys() - _USED:
        del _KEPT[entry]
    _USED.clear()
