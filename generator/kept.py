"""Results kept from one rebuild of the preview to the next: a speed trick.

Under ``mkdocs serve`` most of the corpus is the same from one rebuild to the next,
and some of the work on it is a function of its inputs alone: a file parsed
(``parsed_files``), its data checked against the input model (``validate``), a
text folded for matching quotes (``quotes.NormalizedText.of``), where a quote
occurs in it, the names found in it (``mentions.MentionFinder.find``). While the
adapter keeps results (it does when serving), each is kept by what it was computed
from, and a rebuild reuses the ones whose inputs it meets again; those a rebuild did
not ask for are dropped after it. A single build keeps nothing, since it would only
hold memory. What it saves is part of the preview time that
``scripts/measure_preview.py`` measures.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar, cast

T = TypeVar("T")

_KEPT: dict[tuple[Hashable, Hashable], Any] = {}  # what the last run asked for
_NOW: dict[tuple[Hashable, Hashable], Any] = {}  # what this run asked for (forget_unused keeps only these)
_KEEPING = False


def keep_results(enabled: bool = True) -> None:
    """Keep results between runs of this process (for a live preview)."""
    global _KEEPING
    _KEEPING = enabled
    if not enabled:
        _KEPT.clear()
        _NOW.clear()


def keeping() -> bool:
    """Whether results are kept: a key that costs work to make is made only then."""
    return _KEEPING


def _found(entry: tuple[Hashable, Hashable]) -> Any:
    """The entry's kept value (None if there is none), now one this run asked for."""
    found = _NOW.get(entry)
    if found is None:
        found = _KEPT.get(entry)
        if found is not None:
            _NOW[entry] = found
    return found


def kept(kind: Hashable, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or its kept result for the same ``kind`` and ``key``: the key must hold
    everything the result depends on."""
    if not _KEEPING:
        return compute()
    entry = (kind, key)
    found = _found(entry)
    if found is not None:
        return cast(T, found[0])
    result = compute()
    _NOW[entry] = (result,)
    return result


def kept_for(source: object, kind: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or its kept result while ``source`` is the very object it was computed
    from: for work on what the preview itself keeps unchanged, such as a parsed file's data
    (``parsed_files``). ``compute`` must depend on ``source`` alone (and on ``kind``)."""
    if not _KEEPING:
        return compute()
    entry = (("for", kind), id(source))  # the kept entry holds ``source``: no other object has its id meanwhile
    found = _found(entry)
    if found is not None and found[0] is source:
        return cast(T, found[1])
    result = compute()
    _NOW[entry] = (source, result)
    return result


def kept_for_all(sources: tuple[object, ...], kind: Hashable, compute: Callable[[], T]) -> T:
    """``kept_for`` for a result computed from several objects: kept while each of
    ``sources`` is the very object it was computed from."""
    if not _KEEPING:
        return compute()
    entry = (("for all", kind), tuple(id(source) for source in sources))
    found = _found(entry)
    if found is not None and all(a is b for a, b in zip(found[0], sources, strict=True)):
        return cast(T, found[1])
    result = compute()
    _NOW[entry] = (sources, result)
    return result


def forget_unused() -> None:
    """Drop the results the run since the last call did not ask for."""
    global _KEPT, _NOW
    _KEPT, _NOW = _NOW, {}
