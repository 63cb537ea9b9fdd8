"""A first guess at a new text's chain: the outlets it names as the ones it cites, quotes
or comes via, in the order they carried it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.scaffold.lines import line_at
from generator.text.mentions import Mention


@dataclass
class Hop:
    """A hop of the suggested source graph: an outlet the text cites, how, and the hops it drew on."""

    outlet: str
    line: int
    how: str
    drew_on: list[str] = field(default_factory=list)


# How a text cites an outlet, from the words around its name.
_CARRIED = re.compile(r"(?:,\s*|\s)(?:citing|quoting|via|from)\s+$")
_HOW = [
    (re.compile(r"\(\s*$"), "named in the dateline"),
    (re.compile(r"(?i)(?:source|via|credit|reporting by|copyright)\s*:?\s*$"), "credited as the source"),
    (
        re.compile(r"(?i)(?:according to|as reported by|reported by|told|cited by|quoted by)\s+(?:the\s+)?$"),
        "cited as reporting it",
    ),
    (re.compile(r"^\s*(?:reported|reports|said|says|wrote|writes|quoted|published)\b"), "cited as reporting it"),
]


def suggested_graph(text: str, outlet_mentions: list[Mention], line_of: list[int]) -> list[Hop]:
    """A source graph from the text's attribution phrases: each outlet it cites is an original of
    its own, unless the text says it carried another ("X, citing Y": X drew on Y)."""
    hops: dict[str, Hop] = {}
    for mention in outlet_mentions:
        before = text[max(0, mention.start - 40) : mention.start]
        after = text[mention.end : mention.end + 40]
        how = next(
            (label for pattern, label in _HOW if pattern.search(after if pattern.pattern.startswith("^") else before)),
            "named in the text",
        )
        hops.setdefault(mention.entity, Hop(mention.entity, line_at(line_of, mention.start), how))
    for mention in outlet_mentions:
        if _CARRIED.search(text[max(0, mention.start - 20) : mention.start]):
            carrier = next(
                (
                    m
                    for m in reversed(outlet_mentions)
                    if m.end <= mention.start
                    and mention.start - m.end <= 80
                    and m.entity != mention.entity
                    and "\n" not in text[m.end : mention.start]
                ),
                None,
            )
            if carrier is not None and mention.entity not in hops[carrier.entity].drew_on:
                hops[carrier.entity].drew_on.append(mention.entity)
    ordered: list[Hop] = []

    def place(hop: Hop, seen: frozenset[str] = frozenset()) -> None:
        for source in hop.drew_on:
            if source not in seen and hops[source] not in ordered:
                place(hops[source], seen | {hop.outlet})
        if hop not in ordered:
            ordered.append(hop)

    for hop in hops.values():
        place(hop)
    return ordered
