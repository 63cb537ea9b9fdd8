"""The live preview's session: what one rebuild of ``mkdocs serve`` keeps for the next.

Under the preview most of the corpus is the same from one save to the next. The adapter
makes one ``Session`` when it starts serving and gives it to every rebuild
(``pipeline.build_pages``); a plain build makes none, and every stage then runs as the
pure functions it is.

Reuse happens between stages, at the step each stage takes per file or per document
(a file parsed, a document checked, the names found in a text), never inside one: the
pipeline hands a stage that step, wrapped so that its result is looked up by the
content it is made from (``Session.reuse``). The key of a step is its arguments' own
text, so nothing a step reads can be missing from it. The pages are kept with what
each read of the model (``incremental.KeptPages``), and the adapter keeps what it last
wrote (``written``).

After every rebuild, valid or not, the results it did not ask for are dropped: an
invalid save leaves the session no larger than the rebuild before it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar, cast

from generator.build.incremental import KeptPages
from generator.render import markup

T = TypeVar("T")


class Session:
    """What the preview keeps between rebuilds: each step's results by what they were made
    from, the last rebuild's pages, and what the adapter last wrote of each page."""

    def __init__(self) -> None:
        self._last: dict[tuple[str, Hashable], tuple[Any]] = {}  # what the last rebuild asked for
        self._now: dict[tuple[str, Hashable], tuple[Any]] = {}  # what this rebuild asked for
        self.pages = KeptPages()
        self.written: dict[str, markup.Page | markup.Data] = {}  # by path: each page as last written

    def reuse(self, step: str, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, or the result it gave for the same ``step`` and ``key`` in the last
        rebuild or this one. ``key`` is the content ``compute`` reads (every argument of the
        step, as text or values), never an object's identity."""
        entry = (step, key)
        found = self._now.get(entry)
        if found is None:
            found = self._last.get(entry)
            if found is None:
                found = (compute(),)
            self._now[entry] = found
        return cast(T, found[0])

    def end_rebuild(self) -> None:
        """Drop the results this rebuild did not ask for (called after every rebuild)."""
        self._last, self._now = self._now, {}

    def __len__(self) -> int:
        """The results kept for the next rebuild."""
        return len(self._last)
