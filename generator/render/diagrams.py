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
    """Every outlet the corpus passes through, with how many texts take each step: one
    diagram for each group of outlets linked by steps, drawn top to bottom, so that a
    phone shows each at a legible size however many groups there are. An outlet that
    takes no step (its texts are its own) is in the table that follows, not drawn."""
    steps: Counter[tuple[str, str]] = Counter()
    unverified: set[str] = set()
    for document in site.corpus.documents.values():
        chain = document.meta.chain
        unverified.update(hop.outlet for hop in chain if not hop.url)
        for before, after in sourcegraph.edges(site.graphs[document.meta.id]):
            steps[(before, after)] += 1
    # The most travelled steps only: a diagram of every step of a large corpus is unreadable.
    busiest = sorted(sorted(steps.items(), key=lambda item: (-item[1], item[0]))[:FUNNEL_STEPS])
    return "".join(_funnel_group(site, group, unverified) for group in _groups(busiest))


def _groups(steps: list[tuple[tuple[str, str], int]]) -> list[list[tuple[tuple[str, str], int]]]:
    """The steps in groups that share no outlet, the largest first."""
    group_of: dict[str, int] = {}
    groups: list[list[tuple[tuple[str, str], int]]] = []
    for step in steps:
        (before, after), _count = step
        joined = sorted({group_of[o] for o in (before, after) if o in group_of})
        if not joined:
            groups.append([])
            joined = [len(groups) - 1]
        into, *others = joined
        for other in others:
            groups[into] += groups[other]
            groups[other] = []
        groups[into].append(step)
        for outlet in {o for (b, a), _ in groups[into] for o in (b, a)}:
            group_of[outlet] = into
    return sorted((g for g in groups if g), key=lambda g: (-len(g), g[0][0]))


def _funnel_group(site: Site, steps: list[tuple[tuple[str, str], int]], unverified: set[str]) -> str:
    outlets = sorted({outlet for (before, after), _ in steps for outlet in (before, after)})
    ids = {outlet: f"o{n}" for n, outlet in enumerate(outlets)}
    lines = ["flowchart TB"]  # top to bottom: a group is narrow, its steps go down the page
    for outlet in outlets:
        lines.append(f"    {ids[outlet]}[{label(site.entity_name(outlet))}]")
        if outlet in unverified:
            lines.append(f"    class {ids[outlet]} unverified")
    for (before, after), count in sorted(steps):
        lines.append(f"    {ids[before]} -- {label(f'{count} text' + ('s' if count > 1 else ''))} --> {ids[after]}")
    lines.append("    classDef unverified stroke-dasharray: 5 5")
    return mk.diagram("\n".join(lines))
