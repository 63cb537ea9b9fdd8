"""Source graphs drawn when the site is built, as HTML laid out in layers: the hops (or
outlets) that draw on nothing first, each other one a layer below the deepest it drew
on. Each box says what it drew on, so the graph reads the same as text, on a phone
(the boxes of a layer wrap, their text is never scaled down), without JavaScript and
to a screen reader; the arrows between layers only show the direction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from generator import sourcegraph
from generator.corpus import SourceDocument
from generator.model import Site
from generator.render import markup as mk
from generator.render.common import ROLE_LABELS


@dataclass(frozen=True)
class Node:
    key: str
    name: str  # plain text
    note: str = ""  # plain text, after the name
    unverified: bool = False


Edge = tuple[str, str, str]  # (from, to, what the step carried: "" or "3 texts")


def layered_graph(label: str, nodes: Sequence[Node], edges: Sequence[Edge]) -> str:
    """``nodes`` in layers (a node one layer below the deepest it draws on), each box
    naming what it drew on; ``label`` names the graph for a screen reader."""
    drew_on: dict[str, list[tuple[str, str]]] = {node.key: [] for node in nodes}
    for before, after, carried in edges:
        drew_on[after].append((before, carried))
    depth = _depths([node.key for node in nodes], {key: [b for b, _ in froms] for key, froms in drew_on.items()})
    layers: dict[int, list[Node]] = {}
    for node in nodes:
        layers.setdefault(depth[node.key], []).append(node)
    names = {node.key: node.name for node in nodes}
    rows = []
    for level in sorted(layers):
        boxes = []
        for node in layers[level]:
            sources = ", ".join(
                f'<span class="source-graph__from">{mk.text(names[b])}</span>' + (f" ({mk.text(c)})" if c else "")
                for b, c in drew_on[node.key]
            )
            boxes.append(
                f'<li class="source-graph__node{" source-graph__node--unverified" if node.unverified else ""}">'
                f'<strong class="source-graph__name">{mk.text(node.name)}</strong>'
                + (f'<span class="source-graph__note">{mk.text(node.note)}</span>' if node.note else "")
                + (f'<span class="source-graph__drew">drew on {sources}</span>' if sources else "")
                + "</li>"
            )
        rows.append(f'<li class="source-graph__layer"><ul>{"".join(boxes)}</ul></li>')
    return (
        f'<div class="source-graph" role="figure" aria-label="{mk.attr(label)}" data-pagefind-ignore><ol>'
        + "".join(rows)
        + "</ol></div>"
    )


def _depths(keys: list[str], drew_on: dict[str, list[str]]) -> dict[str, int]:
    """Each node's layer: one below the deepest node it drew on, 0 for one that drew on
    none. A step back into a node still being placed closes a circle (outlets that drew
    on each other in different texts) and is not followed."""
    depth: dict[str, int] = {}
    placing: set[str] = set()
    for start in keys:
        stack = [start]
        while stack:
            key = stack[-1]
            if key in depth:
                stack.pop()
                continue
            placing.add(key)
            waiting = [b for b in drew_on[key] if b not in depth and b not in placing]
            if waiting:
                stack.extend(waiting)
                continue
            depth[key] = 1 + max((depth[b] for b in drew_on[key] if b in depth), default=-1)
            placing.discard(key)
            stack.pop()
    return depth


def chain_diagram(site: Site, document: SourceDocument) -> str:
    """Every hop and every "drew on" edge, originals first, the copy held last;
    unverified hops dashed and labelled."""
    chain = document.meta.chain
    nodes = []
    for index, hop in enumerate(chain):
        role = "copy held" if index == len(chain) - 1 else ROLE_LABELS[hop.role]
        nodes.append(
            Node(hop.outlet, site.entity_name(hop.outlet), role + ("" if hop.url else " · unverified"), not hop.url)
        )
    edges = [(before, after, "") for before, after in sourcegraph.edges(site.graphs[document.meta.id])]
    return layered_graph(f"How {document.meta.title} reached us", nodes, edges)


FUNNEL_STEPS = 40


def funnel_diagram(site: Site) -> str:
    """Every outlet the corpus passes through, with how many texts take each step: one
    graph for each group of outlets linked by steps. An outlet that takes no step (its
    texts are its own) is in the table that follows, not drawn."""
    steps: Counter[tuple[str, str]] = Counter()
    unverified: set[str] = set()
    for document in site.corpus.documents.values():
        chain = document.meta.chain
        unverified.update(hop.outlet for hop in chain if not hop.url)
        for before, after in sourcegraph.edges(site.graphs[document.meta.id]):
            steps[(before, after)] += 1
    # The most travelled steps only: a graph of every step of a large corpus is unreadable.
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
    nodes = [
        Node(o, site.entity_name(o), "has unverified hops" if o in unverified else "", o in unverified) for o in outlets
    ]
    edges = [(before, after, f"{count} text" + ("s" if count > 1 else "")) for (before, after), count in sorted(steps)]
    return layered_graph("Outlets and the outlets they drew on", nodes, edges)
