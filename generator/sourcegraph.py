"""A document's source graph: which hop drew on which, and where a claim comes from.

Pure functions on the input model, read by validation (to check the graph) and
by the model (to count independent sources). A hop is named by its outlet id;
one outlet appears once in a document's graph. A graph is built once, by
``drew_on``; the other functions take it. ``reachable`` serves any such mapping
(places and their parents, parties and their members) as well.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

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


def reachable(step: Mapping[str, Iterable[str]], start: str) -> list[str]:
    """Everything ``start`` leads to through ``step``, directly or through others, nearest
    first: the hops a hop drew on, the places that contain a place. ``start`` itself is
    among them only when a loop leads back to it."""
    found: dict[str, None] = {}
    frontier = list(step.get(start, ()))
    while frontier:
        fresh = [item for item in dict.fromkeys(frontier) if item not in found]
        found.update(dict.fromkeys(fresh))
        frontier = [after for item in fresh for after in step.get(item, ())]
    return list(found)


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
