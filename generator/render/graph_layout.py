"""Which boxes a source graph draws, in which layer, and what it leaves out.

A graph is drawn in layers: the hops (or outlets) that draw on nothing first, each other
one a layer below the deepest it drew on. A small graph is drawn whole. A large one (a
chain of thousands of hops, a copy drawing on thousands of originals) is cut, so that
its page stays readable and small, and what is drawn stays connected: one path from an
original to the end (the copy held) is drawn through every layer kept, and other boxes
join it step by step, each drawn box a step from one already drawn, the busiest steps
first. Of many layers, the first and the last few are kept; a layer keeps a few boxes.
``Layout`` counts what is left out, so that the page can say so.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass

from generator.facts import sourcegraph

Step = tuple[str, str, int]  # (drawn on, drawing, how many texts took the step)


@dataclass(frozen=True)
class Limits:
    layers: int = 12  # layers drawn: half from the top, half from the bottom
    per_layer: int = 8  # boxes drawn in one layer
    boxes: int = 40  # boxes drawn in all


@dataclass(frozen=True)
class Layout:
    depth: dict[str, int]  # every node's layer
    drawn: frozenset[str]
    layers: tuple[int, ...]  # the layers drawn, from the top
    sizes: Counter[int]  # how many nodes each layer holds

    @property
    def whole(self) -> bool:
        return len(self.drawn) == len(self.depth)

    @property
    def longest(self) -> int:
        """The nodes on the longest path from the top to the bottom layer."""
        return max(self.depth.values(), default=-1) + 1

    def left_in(self, layer: int) -> int:
        """The nodes of a drawn layer that are not drawn."""
        return self.sizes[layer] - sum(1 for key in self.drawn if self.depth[key] == layer)

    def between(self, upper: int, lower: int) -> int:
        """The nodes of the layers between two drawn layers, none of them drawn."""
        return sum(self.sizes[layer] for layer in range(upper + 1, lower))


def layout(keys: Sequence[str], steps: Sequence[Step], end: str | None = None, limits: Limits = Limits()) -> Layout:
    """What to draw of the graph of ``keys`` and ``steps``: all of it when it is within
    ``limits``, else a connected part through ``end`` (by default the deepest node, the
    one most texts reach first)."""
    sources: dict[str, list[str]] = {key: [] for key in keys}
    for before, after, _ in steps:
        sources[after].append(before)
    depth = sourcegraph.depths(sources, keys)
    sizes = Counter(depth.values())
    last = max(sizes, default=-1)
    if last < limits.layers and max(sizes.values(), default=0) <= limits.per_layer and len(keys) <= limits.boxes:
        return Layout(depth, frozenset(keys), tuple(range(last + 1)), sizes)
    kept = _kept_layers(last, min(limits.layers, limits.boxes))
    weight = {(before, after): count for before, after, count in steps}
    arrived = Counter({after: 0 for after in keys})
    for (_, after), count in weight.items():
        arrived[after] += count
    position = {key: index for index, key in enumerate(keys)}
    if end is None:
        end = min(keys, key=lambda k: (-depth[k], -arrived[k], position[k]))
    drawn = _grown(_spine(end, sources, depth, weight, position), sources, steps, depth, weight, position, kept, limits)
    return Layout(depth, frozenset(drawn), tuple(sorted(kept)), sizes)


def _kept_layers(last: int, count: int) -> set[int]:
    """The first and the last layers, ``count`` in all (at least one of each)."""
    if last < count:
        return set(range(last + 1))
    top = max(1, (count + 1) // 2)
    bottom = max(1, count - top)
    return set(range(top)) | set(range(last - bottom + 1, last + 1))


def _spine(
    end: str,
    sources: dict[str, list[str]],
    depth: dict[str, int],
    weight: dict[tuple[str, str], int],
    position: dict[str, int],
) -> list[str]:
    """A path from ``end`` up to a node that drew on none, one node in each layer: each
    step to a source one layer up, the busiest first (a node one layer below the deepest
    it drew on always has one)."""
    path = [end]
    while depth[path[-1]] > 0:
        node = path[-1]
        above = [b for b in sources[node] if depth.get(b) == depth[node] - 1]
        path.append(min(above, key=lambda b: (-weight[(b, node)], position[b])))
    return path


def _grown(
    spine: list[str],
    sources: dict[str, list[str]],
    steps: Sequence[Step],
    depth: dict[str, int],
    weight: dict[tuple[str, str], int],
    position: dict[str, int],
    kept: set[int],
    limits: Limits,
) -> dict[str, None]:
    """The spine's nodes in the kept layers, then nodes a step from a drawn one (sources
    and the nodes that drew on it, the busiest steps first), nearest the end first, while
    their layer and the graph have room."""
    drawers: dict[str, list[str]] = {}
    for before, after, _ in steps:
        drawers.setdefault(before, []).append(after)
    drawn = dict.fromkeys(node for node in spine if depth[node] in kept)
    per_layer = Counter(depth[node] for node in drawn)
    queue = deque(drawn)
    while queue and len(drawn) < limits.boxes:
        node = queue.popleft()
        near = [(weight[(b, node)], b) for b in sources[node]] + [(weight[(node, a)], a) for a in drawers.get(node, [])]
        for _, other in sorted(near, key=lambda wo: (-wo[0], position[wo[1]])):
            layer = depth[other]
            if other in drawn or layer not in kept or per_layer[layer] >= limits.per_layer:
                continue
            drawn[other] = None
            per_layer[layer] += 1
            queue.append(other)
            if len(drawn) >= limits.boxes:
                break
    return drawn
