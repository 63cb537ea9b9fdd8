"""Every id the input declares, indexed before anything is checked, and the one
duplicate-id check.

When two entries share an id, one keeps it and the other is reported. The one
reported is the one a contributor has just written (changed in the git work
tree), or else the later one in file order; the entry that keeps the id stays
valid, so references to it are checked as usual and no second error asks
anyone to change a correct reference.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from generator import inputs
from generator.load.folder import RawCorpus
from generator.validate.corpus import Origin

ENTITY_KINDS = {registry.file: registry.kind for registry in inputs.REGISTRIES}


@dataclass(frozen=True)
class Entry:
    """One declaration of an id. Parties, places and outlets share the namespace ``entity``."""

    namespace: str
    kind: str  # party, location, outlet, topic, document, claim, question or event
    id: str
    origin: Origin
    parent: Any = None  # the id of the topic a question or event belongs to


class IdIndex:
    def __init__(self, entries: list[Entry], changed: Callable[[Origin], bool]) -> None:
        groups: dict[tuple[str, str], list[Entry]] = {}
        for entry in entries:
            groups.setdefault((entry.namespace, entry.id), []).append(entry)
        self.keepers: dict[tuple[str, str], Entry] = {}
        self.duplicates: list[tuple[Entry, Entry]] = []  # (reported entry, entry that keeps the id)
        self._reported: set[tuple[int, tuple[Any, ...]]] = set()
        for key, group in groups.items():
            keeper = next((entry for entry in group if not changed(entry.origin)), group[0])
            self.keepers[key] = keeper
            for entry in group:
                if entry is not keeper:
                    self.duplicates.append((entry, keeper))
                    self._reported.add(_key(entry.origin))
        self.duplicated = {key for key, group in groups.items() if len(group) > 1}

    def owns(self, origin: Origin) -> bool:
        """Whether the entry read at ``origin`` keeps its id (or has none)."""
        return _key(origin) not in self._reported

    def ids(self, namespace: str) -> dict[str, Entry]:
        return {key[1]: entry for key, entry in self.keepers.items() if key[0] == namespace}


def _key(origin: Origin) -> tuple[int, tuple[Any, ...]]:
    return id(origin.file), origin.loc


def declared_ids(raw: RawCorpus) -> list[Entry]:
    """Every well-formed id in the raw files, in file order."""
    entries: list[Entry] = []
    for name, file in raw.registries.items():
        # A registry written as a bare list is one problem (its shape); its ids still count.
        listed = enumerate(file.data) if isinstance(file.data, list) else _items(file.data, name)
        for index, item in listed:
            entries += _entry("entity", ENTITY_KINDS[name], item, Origin(file.source, (name, index)))
    for file in raw.topics:
        data = file.data if isinstance(file.data, dict) else {}
        entries += _entry("topic", "topic", data, Origin(file.source, ()))
        for field, kind in (("questions", "question"), ("events", "event")):
            for index, item in _items(data, field):
                entries += _entry(kind, kind, item, Origin(file.source, (field, index)), data.get("id"))
    for file in raw.documents:
        data = file.data if isinstance(file.data, dict) else {}
        entries += _entry("document", "document", data, Origin(file.source, ()))
        for index, item in _items(data, "claims"):
            entries += _entry("claim", "claim", item, Origin(file.source, ("claims", index)))
    return entries


def _items(data: Any, field: str) -> Iterator[tuple[int, Any]]:
    items = data.get(field) if isinstance(data, dict) else None
    return enumerate(items) if isinstance(items, list) else iter(())


def _entry(namespace: str, kind: str, item: Any, origin: Origin, parent: Any = None) -> list[Entry]:
    value = item.get("id") if isinstance(item, dict) else None
    return [Entry(namespace, kind, value, origin, parent)] if isinstance(value, str) and inputs.is_slug(value) else []


def changed_in(changed: dict[Any, set[int] | None]) -> Callable[[Origin], bool]:
    """Whether an entry's ``id`` line is among the changed lines of its file."""

    def is_changed(origin: Origin) -> bool:
        lines = changed.get(origin.file.path.resolve(), set())
        return lines is None or origin.file.position((*origin.loc, "id"), prefer_key=True)[0] in lines

    return is_changed if changed else (lambda origin: False)
