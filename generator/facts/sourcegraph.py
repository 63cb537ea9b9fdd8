"""A document's source graph: which hop drew on which, and where a claim comes from.

Pure functions on the input model, read by validation (to check the graph) and
by the model (to count independent sources). A hop is named by its outlet id;
one outlet appears once in a document's graph. A graph is built once, by
``drew_on``; the other functions take it. ``reachable`` serves any such mapping
(places and their parents, parties and their members) as well.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from generator.inputs import ORIGINAL_ROLES, Hop


def drew_on(chain: list[Hop]) -> dict[str, list[str]]:
    """Each hop's outlet → the outlets of the hops it drew on. Where ``drew_on`` is
    left out, an original draws on nothing and any other hop on the hop before it."""
    sources: dict[str, list[str]] = {}
    for index, hop in enumerate(chain):
        if hop.drew_on is not None:
            sources[hop.outlet] = list(dict.fromkeys(hop.drew_on))
        elif hop.role in ORIGINAL_ROLES or index == 0:
            sources[hop.outlet] = []
        else:
            sources[hop.outlet] = [chain[index - 1].outlet]
    return sources


def edges(graph: Mapping[str, list[str]]) -> list[tuple[str, str]]:
    """Every (drawn on, drawing) pair of outlets, in the order of the chain."""
    return [(source, hop) for hop, sources in graph.items() for source in sources]


def originals(graph: Mapping[str, list[str]]) -> list[str]:
    """The hops that draw on nothing, in the order of the chain."""
    return [hop for hop, sources in graph.items() if not sources]


def reachable(step: Mapping[str, Iterable[str]], start: str, limit: int | None = None) -> list[str]:
    """Everything ``start`` leads to through ``step``, directly or through others, nearest
    first: the hops a hop drew on, the places that contain a place. ``start`` itself is
    among them only when a loop leads back to it. With ``limit``, the walk stops once it
    has found that many (and returns them)."""
    found: dict[str, None] = {}
    frontier = list(step.get(start, ()))
    while frontier:
        fresh = [item for item in dict.fromkeys(frontier) if item not in found]
        if limit is not None and len(found) + len(fresh) >= limit:
            found.update(dict.fromkeys(fresh[: limit - len(found)]))
            break
        found.update(dict.fromkeys(fresh))
        frontier = [after for item in fresh for after in step.get(item, ())]
    return list(found)


def post_order(step: Mapping[str, Iterable[str]], starts: Iterable[str]) -> Iterator[str]:
    """Every item of ``starts`` and everything it leads to, each once, after all it leads to
    (a place after the places that contain it); a step back into a loop is left out.
    Linear in items and steps, and without recursion, however long a chain."""
    entered: set[str] = set()
    for start in starts:
        if start in entered:
            continue
        entered.add(start)
        stack = [(start, iter(step.get(start, ())))]
        while stack:
            item, rest = stack[-1]
            after = next((a for a in rest if a not in entered), None)
            if after is None:
                stack.pop()
                yield item
            else:
                entered.add(after)
                stack.append((after, iter(step.get(after, ()))))


def depths(graph: Mapping[str, Iterable[str]], hops: Iterable[str]) -> dict[str, int]:
    """Each of ``hops`` (and what it leads to) with its depth: 0 for a hop that drew on
    none, else one more than the deepest hop it drew on. A step back into a loop (outlets
    that drew on each other in different texts) is not followed. The copy held is the
    deepest hop of a document; its depth plus one is the longest path to it, in hops."""
    depth: dict[str, int] = {}
    for hop in post_order(graph, hops):
        depth[hop] = 1 + max((depth[b] for b in graph.get(hop, ()) if b in depth), default=-1)
    return depth


def find_cycle(graph: dict[str, list[str]]) -> list[str] | None:
    """Hops that lead back to themselves, in order, or None. Iterative, so that a
    chain of any length is walked without deep recursion."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for root in graph:
        if root in state:
            continue
        path: list[str] = [root]
        pending = [iter(graph.get(root, []))]
        state[root] = 1
        while pending:
            source = next(pending[-1], None)
            if source is None:
                state[path.pop()] = 2
                pending.pop()
            elif state.get(source) == 1:
                return path[path.index(source) :]
            elif source in graph and source not in state:
                state[source] = 1
                path.append(source)
                pending.append(iter(graph.get(source, [])))
    return None


def loops(step: Mapping[str, Iterable[str]], starts: Iterable[str]) -> list[list[str]]:
    """The groups of items that lead back to themselves through ``step``, each item of a
    group leading to every other (an item that steps to itself is a group of one). Linear
    in items and steps, and without recursion, however long a chain (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def enter(item: str) -> Iterator[str]:
        index[item] = low[item] = len(index)
        stack.append(item)
        on_stack.add(item)
        return iter(step.get(item, ()))

    for start in starts:
        if start in index:
            continue
        walk = [(start, enter(start))]
        while walk:
            item, rest = walk[-1]
            after = next(rest, None)
            if after is not None:
                if after not in index:
                    walk.append((after, enter(after)))
                elif after in on_stack:
                    low[item] = min(low[item], index[after])
                continue
            walk.pop()
            if walk:
                low[walk[-1][0]] = min(low[walk[-1][0]], low[item])
            if low[item] == index[item]:
                group = [stack.pop()]
                while group[-1] != item:
                    group.append(stack.pop())
                on_stack.difference_update(group)
                if len(group) > 1 or item in step.get(item, ()):
                    groups.append(group)
    return groups


def traced_to(graph: Mapping[str, list[str]], via: Iterable[str]) -> list[str]:
    """The hops a claim is traced to: its carriers (or the graph's one original,
    when none is named), less any carrier that drew on another carrier."""
    carriers = list(dict.fromkeys(via))
    if not carriers:
        roots = originals(graph)
        carriers = roots if len(roots) == 1 else []
    return [c for c in carriers if not set(reachable(graph, c)) & set(carriers)]


def independent(pairs: Iterable[tuple[Mapping[str, list[str]], str]]) -> list[str]:
    """Distinct outlets among (graph, outlet) pairs that did not draw on one another,
    in any of the graphs: a claim and the claims supporting it, each traced in its
    own document."""
    pairs = list(pairs)
    outlets = {outlet for _, outlet in pairs}
    kept = {outlet for graph, outlet in pairs if not set(reachable(graph, outlet)) & outlets}
    return sorted(kept or outlets)
