"""Mermaid diagrams of source chains; Material renders them in the browser.

Labels come from data, so every character that Mermaid could read as syntax
is written as a Mermaid entity code (``#35;``); the diagram source itself is
HTML-escaped in its ``<pre>`` like any other text.
"""

from __future__ import annotations

import re
from collections import Counter

from generator import sourcegraph
from generator.corpus import SourceDocument
from generator.model import Site
from generator.render import markup as mk
from generator.render.common import ROLE_LABELS

_NOT_PLAIN = re.compile(r"[^\w ]|_")


def label(text: str) -> str:
    """A quoted Mermaid label: letters, digits and spaces kept, the rest as entity codes."""
    safe = _NOT_PLAIN.sub(lambda match: f"#{ord(match[0])};", " ".join(text.split()))
    return f'"{safe}"'


def chain_diagram(site: Site, document: SourceDocument) -> str:
    """Every hop and every "drew on" edge, originals first, the copy held last;
    unverified hops dashed and labelled."""
    chain = document.meta.chain
    ids = {hop.outlet: f"h{index}" for index, hop in enumerate(chain)}
    lines = ["flowchart TB"]  # top to bottom: legible on a phone
    for index, hop in enumerate(chain):
        role = "copy held" if index == len(chain) - 1 else ROLE_LABELS[hop.role]
        status = "" if hop.url else " · unverified"
        lines.append(f"    h{index}[{label(f'{site.entity_name(hop.outlet)} — {role}{status}')}]")
        if not hop.url:
            lines.append(f"    class h{index} unverified")
    verified = {hop.outlet: bool(hop.url) for hop in chain}
    for source, target in sourcegraph.edges(site.graphs[document.meta.id]):
        arrow = "-->" if verified[target] else "-. unverified .->"
        lines.append(f"    {ids[source]} {arrow} {ids[target]}")
    lines.append("    classDef unverified stroke-dasharray: 5 5")
    return mk.diagram("\n".join(lines))


FUNNEL_STEPS = 40


def funnel_diagram(site: Site) -> str:
    """Every outlet the corpus passes through, with how many texts take each step."""
    steps: Counter[tuple[str, str]] = Counter()
    unverified: set[str] = set()
    outlets: set[str] = set()
    for document in site.corpus.documents.values():
        chain = document.meta.chain
        outlets.update(hop.outlet for hop in chain)
        unverified.update(hop.outlet for hop in chain if not hop.url)
        for before, after in sourcegraph.edges(site.graphs[document.meta.id]):
            steps[(before, after)] += 1
    if not outlets:
        return ""
    if len(steps) > FUNNEL_STEPS:
        kept = sorted(steps.items(), key=lambda item: (-item[1], item[0]))[:FUNNEL_STEPS]
        outlets = {name for (before, after), _ in kept for name in (before, after)}
    ids = {outlet: f"o{n}" for n, outlet in enumerate(sorted(outlets))}
    lines = ["flowchart LR"]  # originals stacked down the page, each a few steps long
    for outlet in sorted(outlets):
        lines.append(f"    {ids[outlet]}[{label(site.entity_name(outlet))}]")
        if outlet in unverified:
            lines.append(f"    class {ids[outlet]} unverified")
    # The most travelled steps only: a diagram of every step of a large corpus is unreadable.
    busiest = sorted(steps.items(), key=lambda item: (-item[1], item[0]))[:FUNNEL_STEPS]
    for (before, after), count in sorted(busiest):
        lines.append(f"    {ids[before]} -- {label(f'{count} text' + ('s' if count > 1 else ''))} --> {ids[after]}")
    lines.append("    classDef unverified stroke-dasharray: 5 5")
    return mk.diagram("\n".join(lines))
