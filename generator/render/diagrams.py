"""Source graphs drawn when the site is built, as HTML laid out in layers: the hops (or
outlets) that draw on nothing first, each other one a layer below the deepest it drew
on. Each box says what it drew on, so the graph reads the same as text, on a phone
(the boxes of a layer wrap, their text is never scaled down), without JavaScript and
to a screen reader; the arrows between layers only show the direction. A large graph
is cut (``graph_layout``): the layers left out are one line, "… 2,486 hops not drawn
…", a layer's boxes left out one box, "and 2,491 more", and a note above says what is
drawn and where every hop is listed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup

from generator.facts import sourcegraph
from generator.model.site import Site
from generator.render import graph_layout
from generator.render import markup as mk
from generator.render.common import ROLE_LABELS, entity_link
from generator.render.graph_layout import Layout
from generator.validate.corpus import SourceDocument


@dataclass(frozen=True)
class Node:
    key: str
    name: str  # plain text
    note: str = ""  # plain text, after the name
    unverified: bool = False


Edge = tuple[str, str, str]  # (from, to, what the step carried: "" or "3 texts")

NAMED = 8  # names a box or a line gives of what it drew on, before "and 2,493 more"
HOPS_FILE = "data/chain_hops.csv"


def layered_graph(label: str, nodes: Sequence[Node], edges: Sequence[Edge], layout: Layout, unit: str) -> Markup:
    """The drawn ``nodes`` of ``layout`` in layers, each box naming what it drew on;
    ``label`` names the graph for a screen reader, ``unit`` what a node is ("hop")."""
    drew_on: dict[str, list[tuple[str, str]]] = {key: [] for key in layout.drawn}
    for before, after, carried in edges:
        if after in layout.drawn:
            drew_on[after].append((before, carried))
    names = {node.key: node.name for node in nodes}
    layers: dict[int, list[Node]] = {}
    for node in nodes:
        if node.key in layout.drawn:
            layers.setdefault(layout.depth[node.key], []).append(node)
    rows = []
    for previous, level in zip((None, *layout.layers), layout.layers, strict=False):
        if previous is not None and level > previous + 1:
            rows.append(_gap(layout.between(previous, level), unit))
        boxes = [_box(node, drew_on[node.key], names, layout) for node in layers[level]]
        left = layout.left_in(level)
        if left:
            boxes.append(
                mk.html(
                    '<li class="source-graph__node source-graph__more"><strong class="source-graph__name">and {:,} '
                    'more</strong><span class="source-graph__note">{} of this layer, not drawn</span></li>',
                    left,
                    _plural(left, unit),
                )
            )
        rows.append(mk.html('<li class="source-graph__layer"><ul>{}</ul></li>', mk.join("", boxes)))
    return mk.html(
        '<div class="source-graph" role="figure" aria-label="{}" data-pagefind-ignore><ol>{}</ol></div>',
        mk.attr(label),
        mk.join("", rows),
    )


def _box(node: Node, froms: list[tuple[str, str]], names: dict[str, str], layout: Layout) -> Markup:
    """A node's box: its name, its note, and what it drew on (those drawn first)."""
    froms = sorted(froms, key=lambda fc: fc[0] not in layout.drawn)
    sources = mk.join(
        ", ",
        (
            mk.html('<span class="source-graph__from">{}</span>', mk.text(names[b]))
            + (mk.html(" ({})", mk.text(c)) if c else Markup())
            for b, c in froms[:NAMED]
        ),
    ) + (mk.html(" and {:,} more", len(froms) - NAMED) if len(froms) > NAMED else Markup())
    return mk.html(
        '<li class="source-graph__node{}"><strong class="source-graph__name">{}</strong>{}{}</li>',
        " source-graph__node--unverified" if node.unverified else "",
        mk.text(node.name),
        mk.html('<span class="source-graph__note">{}</span>', mk.text(node.note)) if node.note else Markup(),
        mk.html('<span class="source-graph__drew">drew on {}</span>', sources) if sources else Markup(),
    )


def _gap(count: int, unit: str) -> Markup:
    return mk.html(
        '<li class="source-graph__layer source-graph__gap"><span class="source-graph__note">&hellip; {:,} {} not '
        "drawn &hellip;</span></li>",
        count,
        _plural(count, unit),
    )


def _plural(count: int, unit: str) -> str:
    return unit if count == 1 else unit + "s"


def what_is_drawn(layout: Layout, unit: str) -> str:
    """``16 of the 2,502 hops: the first 8 and the last 8 of its 2,502 layers``."""
    drawn = f"{len(layout.drawn):,} of the {len(layout.depth):,} {unit}s"
    layers, how = layout.layers, []
    if len(layers) < layout.longest:
        top = next((i + 1 for i, (a, b) in enumerate(pairwise(layers)) if b > a + 1), 0)
        how.append(f"the first {top:,} and the last {len(layers) - top:,} of its {layout.longest:,} layers")
    if any(layout.left_in(layer) for layer in layers):
        how.append(f"at most {max(Counter(layout.depth[k] for k in layout.drawn).values()):,} in a layer")
    return drawn + (": " + ", ".join(how) if how else "")


def cut_note(layout: Layout, here: str) -> Markup:
    """What a cut graph of a chain draws, and where every hop is listed; nothing for a
    whole graph."""
    if layout.whole:
        return Markup()
    return mk.note(
        mk.html(
            "The graph is cut: it draws {}. The list below gives the same hops; "
            "every hop, with the hops it drew on, is in {}.",
            what_is_drawn(layout, "hop"),
            mk.link("chain_hops.csv", here, HOPS_FILE),
        )
    )


def chain_layout(site: Site, document: SourceDocument) -> Layout:
    """What a document's graph draws: all of it, or a connected part through the copy held."""
    graph = site.graphs[document.meta.id]
    steps = [(before, after, 1) for before, after in sourcegraph.edges(graph)]
    return graph_layout.layout(list(graph), steps, end=document.meta.chain[-1].outlet)


def chain_diagram(site: Site, document: SourceDocument, layout: Layout) -> Markup:
    """Every hop and every "drew on" edge, originals first, the copy held last;
    unverified hops dashed and labelled. Of a large graph, what ``layout`` draws."""
    chain = document.meta.chain
    nodes = []
    for index, hop in enumerate(chain):
        role = "copy held" if index == len(chain) - 1 else ROLE_LABELS[hop.role]
        nodes.append(
            Node(hop.outlet, site.entity_name(hop.outlet), role + ("" if hop.url else " · unverified"), not hop.url)
        )
    edges = [(before, after, "") for before, after in sourcegraph.edges(site.graphs[document.meta.id])]
    return layered_graph(f"How {document.meta.title} reached us", nodes, edges, layout, "hop")


def named_links(site: Site, ids: Sequence[str], here: str, limit: int = NAMED) -> Markup:
    """``A, B, C``; of more than ``limit``, the first ``limit`` and ``and 2,493 more``."""
    links = mk.join(", ", (entity_link(site, i, here) for i in ids[:limit]))
    return links + (mk.html(" and {:,} more", len(ids) - limit) if len(ids) > limit else Markup())


ORIGINALS_NAMED = 4
LATER_NAMED = 6


def chain_line(site: Site, document: SourceDocument, here: str) -> Markup:
    """``Reuters → Hot News → 247 News Reel``; originals side by side: ``BBC + Sky News → Site``.
    Of a long chain, the first and the last few hops, and how many between."""
    originals = site.originals[document.meta.id]
    first = set(originals)
    later = [hop.outlet for hop in document.meta.chain if hop.outlet not in first]
    tops = [
        entity_link(site, o, here)
        for o in originals[: ORIGINALS_NAMED - 1 if len(originals) > ORIGINALS_NAMED else None]
    ]
    if len(originals) > ORIGINALS_NAMED:
        tops.append(mk.html("{:,} more", len(originals) - len(tops)))
    if len(later) > LATER_NAMED:
        steps = [
            *(entity_link(site, o, here) for o in later[:2]),
            mk.html("&hellip; {:,} more &hellip;", len(later) - 4),
            *(entity_link(site, o, here) for o in later[-2:]),
        ]
    else:
        steps = [entity_link(site, o, here) for o in later]
    return mk.join(" &rarr; ", (step for step in [mk.join(" + ", tops), *steps] if step))


FUNNEL_STEPS = 40  # steps taken by fewer texts than the 40th busiest are not drawn
FUNNEL_BOXES = 40  # boxes drawn in all the funnel's graphs
FUNNEL_GRAPHS = 10


def funnel_diagram(site: Site, here: str) -> list[mk.Block]:
    """Every outlet the corpus passes through, with how many texts take each step: one
    graph for each group of outlets linked by steps, the largest first. An outlet that
    takes no step (its texts are its own) is in the table that follows, not drawn. Of a
    large corpus, the busiest steps (all those as busy as the 40th), the largest groups
    they link, each cut to a connected part, and a note that says so."""
    steps: Counter[tuple[str, str]] = Counter()
    unverified: set[str] = set()
    for document in site.corpus.documents.values():
        unverified.update(hop.outlet for hop in document.meta.chain if not hop.url)
        steps.update(sourcegraph.edges(site.graphs[document.meta.id]))
    least = sorted(steps.values(), reverse=True)[FUNNEL_STEPS - 1] if len(steps) > FUNNEL_STEPS else 1
    busiest = {pair: count for pair, count in steps.items() if count >= least}
    groups = _groups(sorted(busiest.items()))
    graphs: list[Markup] = []
    layouts: list[Layout] = []
    for group in groups[:FUNNEL_GRAPHS]:
        room = FUNNEL_BOXES - sum(len(layout.drawn) for layout in layouts)
        if room <= 0:
            break
        outlets = sorted({outlet for (before, after), _ in group for outlet in (before, after)})
        steps_of = [(before, after, count) for (before, after), count in group]
        limits = graph_layout.Limits(layers=min(12, max(room, 2)), boxes=max(room, 2))
        layouts.append(graph_layout.layout(outlets, steps_of, limits=limits))
        graphs.append(_funnel_group(site, outlets, group, unverified, layouts[-1]))
    left_out = (
        f"It draws the {len(busiest):,} busiest of the {len(steps):,} steps, each taken by {least:,} texts or more."
    )
    return [
        _funnel_note(layouts, len(groups), here, left_out if len(busiest) < len(steps) else ""),
        mk.join("", graphs),
    ]


def _funnel_note(layouts: list[Layout], groups: int, here: str, busiest: str) -> Markup:
    """What the funnel leaves out, if anything: steps, groups, outlets of a group."""
    cut = [layout for layout in layouts if not layout.whole]
    said = [busiest] if busiest else []
    if len(layouts) < groups:
        said.append(f"It draws the {len(layouts):,} largest of the {groups:,} groups of outlets they link.")
    if len(layouts) == 1 and cut:
        said.append(f"The graph draws {what_is_drawn(layouts[0], 'outlet')}, the busiest steps first.")
    elif cut:
        drawn, total = sum(len(c.drawn) for c in cut), sum(len(c.depth) for c in cut)
        said.append(
            f"{len(cut):,} of the graphs are cut, each to a connected part, the busiest steps first: "
            f"they draw {drawn:,} of their {total:,} outlets."
        )
    if not said:
        return Markup()
    csv = mk.link("chain_hops.csv", here, HOPS_FILE)
    return mk.note(mk.html("The funnel is cut. {} Every hop of every chain is in {}.", " ".join(said), csv))


def _groups(steps: list[tuple[tuple[str, str], int]]) -> list[list[tuple[tuple[str, str], int]]]:
    """The steps in groups that share no outlet, each in the order given, the group of
    most steps first (then the one whose first step comes first)."""
    parent: dict[str, str] = {}

    def root(outlet: str) -> str:
        parent.setdefault(outlet, outlet)
        while parent[outlet] != outlet:
            parent[outlet] = parent[parent[outlet]]
            outlet = parent[outlet]
        return outlet

    for (before, after), _ in steps:
        parent[root(before)] = root(after)
    groups: dict[str, list[tuple[tuple[str, str], int]]] = {}
    for step in steps:
        groups.setdefault(root(step[0][0]), []).append(step)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0][0]))


def _funnel_group(
    site: Site, outlets: list[str], steps: list[tuple[tuple[str, str], int]], unverified: set[str], layout: Layout
) -> Markup:
    nodes = [
        Node(o, site.entity_name(o), "has unverified hops" if o in unverified else "", o in unverified) for o in outlets
    ]
    busiest_first = sorted(steps, key=lambda step: -step[1])  # a box names the busiest steps first
    edges = [
        (before, after, f"{count:,} text" + ("s" if count > 1 else "")) for (before, after), count in busiest_first
    ]
    return layered_graph("Outlets and the outlets they drew on", nodes, edges, layout, "outlet")
