"""Checks of a document's chain: each hop's outlet and date, the chain ending with the copy
held, the evidence of each hop found in the text, and the graph of who drew on whom (every
source a hop of the chain, no loop, only originals drawing on nothing, every hop leading to
the copy held)."""

from __future__ import annotations

from generator import inputs
from generator.facts import sourcegraph
from generator.load.folder import Loc
from generator.text.quotes import NormalizedText
from generator.validate.checker import Checked, Index, finding, is_placeholder, ref
from generator.validate.corpus import SourceDocument
from generator.validate.locate import locate


def check_chain(seed: Index, document: SourceDocument, haystack: NormalizedText) -> Checked:
    """Check the hops and their graph; True when the graph can be traced."""
    meta, origin = document.meta, document.origin
    for index, hop in enumerate(meta.chain):
        yield from ref(seed, origin, ("chain", index, "outlet"), hop.outlet, {"outlet"})
        if hop.date is not None and meta.published is not None and hop.date > meta.published:
            yield finding(
                origin.file,
                ("chain", index, "date"),
                "date-order",
                f"the hop '{hop.outlet}' is dated {hop.date.isoformat()}, after the copy held was published "
                f"({meta.published.isoformat()})",
                "every hop reached us in the copy held, so none is later than it: check the year, month and "
                "day, here and in 'published'",
            )
        elif (
            hop.date is not None
            and meta.published is not None
            and hop.date < meta.published
            and (index == len(meta.chain) - 1 and hop.outlet == meta.outlet)
        ):
            yield finding(
                origin.file,
                ("chain", index, "date"),
                "date-order",
                f"the hop '{hop.outlet}' is the copy held, dated {hop.date.isoformat()}, but the copy was "
                f"published {meta.published.isoformat()}: one version cannot have two days",
                "write the copy's day once, in 'published', and leave this hop's 'date' out (or make it the "
                "same day); if the copy held is a later update, say so in the hop's 'note'",
            )
    ends_right = "outlet" in document.unchecked or meta.chain[-1].outlet == meta.outlet or is_placeholder(meta.outlet)
    if not ends_right:
        yield finding(
            origin.file,
            ("chain", len(meta.chain) - 1, "outlet"),
            "chain-end",
            f"the chain ends with '{meta.chain[-1].outlet}' but the copy held is from '{meta.outlet}'",
            "the last hop of the chain must be the outlet whose copy we hold (the document's 'outlet')",
        )
    for index, hop in enumerate(meta.chain):
        if hop.evidence is not None:
            span = yield from locate(haystack, hop.evidence, None, origin.at("chain", index, "evidence"), meta.text)
            if span is not None:
                document.hop_spans[index] = span
    traceable = yield from check_graph(seed, document)
    return traceable and ends_right


def check_graph(seed: Index, document: SourceDocument) -> Checked:
    """Every hop drawn on is in the chain; no loop; only originals draw on nothing;
    every hop leads to the copy held. A follow-on of an earlier problem is not reported."""
    meta, file = document.meta, document.origin.file
    seen: dict[str, int] = {}
    for index, hop in enumerate(meta.chain):
        if hop.outlet in seen:
            yield finding(
                file,
                ("chain", index, "outlet"),
                "duplicate-hop",
                f"'{hop.outlet}' is already hop {seen[hop.outlet] + 1} of this chain",
                "an outlet is one hop of a document's graph: name every source of that hop in its 'drew_on'",
            )
            return False
        seen[hop.outlet] = index
    sound = True
    for index, hop in enumerate(meta.chain):
        for position, source in enumerate(hop.drew_on or []):
            where: Loc = ("chain", index, "drew_on", position)
            if source == hop.outlet:
                yield finding(
                    file,
                    where,
                    "source-cycle",
                    f"the hop '{hop.outlet}' cannot draw on itself",
                    "name the other hops it drew on",
                )
                sound = False
            elif source not in seen:
                yield finding(
                    file,
                    where,
                    "unknown-reference",
                    f"'{source}' is not a hop of this document's chain",
                    "add a hop for it to 'chain:', or use one of: " + ", ".join(seen),
                )
                sound = False
    if not sound:
        return False
    graph = sourcegraph.drew_on(meta.chain)
    cycle = sourcegraph.find_cycle(graph)
    if cycle is not None:
        index = seen[cycle[0]]
        yield finding(
            file,
            ("chain", index, "drew_on"),
            "source-cycle",
            "the hops draw on each other in a loop: " + " ← ".join([*cycle, cycle[0]]),
            "a hop can only draw on hops published before it: remove one 'drew_on' entry of the loop",
        )
        return False
    for index, hop in enumerate(meta.chain):
        if not graph[hop.outlet] and hop.role not in inputs.ORIGINAL_ROLES:
            where = ("chain", index, "drew_on" if hop.drew_on is not None else "role")
            yield finding(
                file,
                where,
                "hop-without-source",
                f"the hop '{hop.outlet}' ({hop.role}) draws on nothing, but only an original can",
                "name the hops it drew on with 'drew_on: [...]', or give it the role "
                "'original-reporting' if the outlet reported the story itself",
            )
            sound = False
        elif graph[hop.outlet] and hop.drew_on and hop.role in inputs.ORIGINAL_ROLES:
            yield finding(
                file,
                ("chain", index, "role"),
                "original-draws-on",
                f"the hop '{hop.outlet}' is marked '{hop.role}' but draws on {', '.join(hop.drew_on)}",
                "use the role 'own-reporting' for a story built on others' reporting",
            )
            sound = False
    if not sound:
        return False  # a hop that leads nowhere may only follow from the problem above
    copy_held = meta.chain[-1].outlet
    leads_to_copy = set(sourcegraph.reachable(graph, copy_held))  # once, for every hop: linear
    for index, hop in enumerate(meta.chain[:-1]):
        if hop.outlet not in leads_to_copy:
            yield finding(
                file,
                ("chain", index, "outlet"),
                "unreachable-hop",
                f"the hop '{hop.outlet}' does not lead to the copy held ('{copy_held}'): no later hop draws on it",
                f"add '{hop.outlet}' to the 'drew_on' list of the hop that used it, or remove this hop",
            )
            sound = False
    return sound
