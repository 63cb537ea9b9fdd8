"""What each page reads of the model, so that an edit re-renders only the pages it can change.

Under the preview, every table of the model (each dict of the ``Site`` and of its
``Corpus``) is made a ``Recorded`` dict, noting its reads in the preview's ``Recorder``.
While a page is rendered, each entry it looks up is noted as ``(table, key)``; going
over a whole table (its keys, values, items or size) is noted as ``(table, WHOLE)``:
the page then depends on every entry, and on which entries there are.

After an edit, ``changed(old, new)`` gives the entries whose value differs (or that
came or went), each with ``(table, WHOLE)``. A page whose reads meet them is rendered
again; every other page is what it was. Entries are compared by value, so what an
entry holds (a claim's document, a party's backlinks) counts as the entry.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

WHOLE: Hashable = "<every entry>"  # not a key of any table: ids are slugs
_GONE = object()  # the value of an entry that is not there
Read = tuple[str, Hashable]


class Recorder:
    """The reads of the page being rendered (of the pages, when one is rendered inside another)."""

    def __init__(self) -> None:
        self.reading: list[set[Read]] = []

    @contextmanager
    def recording(self) -> Iterator[set[Read]]:
        """The reads of what is rendered inside the block."""
        reads: set[Read] = set()
        self.reading.append(reads)
        try:
            yield reads
        finally:
            self.reading.pop()
            if self.reading:  # a page rendered inside another one: the outer page read it all too
                self.reading[-1].update(reads)


class Recorded(dict[K, V]):
    """A dict of the model that notes what is read of it while a page is rendered."""

    __slots__ = ("_reading", "table")

    def __init__(self, table: str, entries: dict[K, V], recorder: Recorder) -> None:
        super().__init__(entries)
        self.table = table
        self._reading = recorder.reading

    # Each method notes the read itself (no call of a helper) and calls dict's own method
    # directly: a rebuild's pages read the model tens of thousands of times.
    def __getitem__(self, key: K) -> V:
        if self._reading:
            self._reading[-1].add((self.table, key))
        return dict.__getitem__(self, key)

    def get(self, key: K, default: Any = None) -> Any:
        if self._reading:
            self._reading[-1].add((self.table, key))
        return dict.get(self, key, default)

    def __contains__(self, key: object) -> bool:
        if self._reading:
            self._reading[-1].add((self.table, key if isinstance(key, Hashable) else WHOLE))
        return dict.__contains__(self, key)

    def __iter__(self) -> Iterator[K]:
        if self._reading:
            self._reading[-1].add((self.table, WHOLE))
        return dict.__iter__(self)

    def __len__(self) -> int:
        if self._reading:
            self._reading[-1].add((self.table, WHOLE))
        return dict.__len__(self)

    def keys(self) -> Any:
        if self._reading:
            self._reading[-1].add((self.table, WHOLE))
        return dict.keys(self)

    def values(self) -> Any:
        if self._reading:
            self._reading[-1].add((self.table, WHOLE))
        return dict.values(self)

    def items(self) -> Any:
        if self._reading:
            self._reading[-1].add((self.table, WHOLE))
        return dict.items(self)


def record(model: Any, name: str, recorder: Recorder) -> None:
    """Make every dict field of the dataclass ``model`` (and of the dataclasses it holds
    as fields, such as the site's corpus) a ``Recorded`` table, named after its field."""
    for field in dataclasses.fields(model):
        value = getattr(model, field.name)
        table = f"{name}.{field.name}"
        if isinstance(value, dict) and not isinstance(value, Recorded):
            object.__setattr__(model, field.name, Recorded(table, value, recorder))
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            record(value, table, recorder)


def tables(model: Any) -> dict[str, dict[Any, Any]]:
    """Every ``Recorded`` table of ``model`` (and of the dataclasses it holds), by name."""
    found: dict[str, dict[Any, Any]] = {}
    for field in dataclasses.fields(model):
        value = getattr(model, field.name)
        if isinstance(value, Recorded):
            found[value.table] = value
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            found.update(tables(value))
    return found


def changed(old: dict[str, dict[Any, Any]], new: dict[str, dict[Any, Any]]) -> set[Read]:
    """The entries of ``new`` that differ from ``old`` (or came, or went), each with its
    table's ``WHOLE``; read outside any page, so nothing is noted."""
    found: set[Read] = set()
    for table in old.keys() | new.keys():
        # read as plain dicts: a Recorded table's own methods note reads, a cost on every entry
        before, after = old.get(table, {}), new.get(table, {})
        keys = {
            key
            for key, now in dict.items(after)
            if (was := dict.get(before, key, _GONE)) is not now and (was is _GONE or was != now)
        }
        if len(before) > len(after) - len(keys):  # some entries went
            keys.update(key for key in dict.keys(before) if not dict.__contains__(after, key))
        found.update((table, key) for key in keys)
        if keys:
            found.add((table, WHOLE))
    return found
