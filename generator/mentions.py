"""Finding mentions of parties and places in a text by their names and aliases."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.quotes import NormalizedText, fold


@dataclass(frozen=True, order=True)
class Mention:
    """A name of an entity found in a text, as a span of the original text."""

    start: int
    end: int
    entity: str


class MentionFinder:
    """Finds every surface form (name or alias) of a set of entities.

    Longer forms win over shorter ones that they contain ("government in
    Baku" over "Baku"); matches are whole words and case-sensitive.
    """

    def __init__(self, forms: dict[str, str]) -> None:
        self._entity_by_form = {fold(form): entity for form, entity in forms.items() if fold(form)}
        ordered = sorted(self._entity_by_form, key=lambda form: (-len(form), form))
        self._pattern = (
            re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")
            if ordered
            else None
        )

    def find(self, text: NormalizedText) -> list[Mention]:
        if self._pattern is None:
            return []
        mentions = []
        for match in self._pattern.finditer(text.text):
            start, end = text.original_span(match.start(), match.end())
            mentions.append(Mention(start, end, self._entity_by_form[match.group()]))
        return mentions


def surface_forms(entities: Iterable[tuple[str, str, list[str]]]) -> dict[str, str]:
    """Map every name and alias to its entity id, from ``(id, name, aliases)`` triples."""
    forms: dict[str, str] = {}
    for entity_id, name, aliases in entities:
        for form in (name, *aliases):
            forms.setdefault(form, entity_id)
    return forms
