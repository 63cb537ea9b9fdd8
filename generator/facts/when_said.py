"""When a claim was made, as far as its metadata and its copy's chain tell: never the date
of the events it is about, never a date of another claim.

One computation for every page and check: the day each hop published its version
(``published_days``), the hops that carried a claim (``carriers``), and from them when it
was said (``said_of``); validation's ``date-order`` reads the same carriers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator import inputs


@dataclass(frozen=True)
class Said:
    """When a claim was made: the day (``on``) where it is known, else the latest day by
    which it was made (``by``), and what the day rests on (``basis``): ``recorded`` in the
    claim, ``published`` (an outlet's own words, on the day its version appeared), ``bound``
    (only ``by`` is known) or ``unknown``."""

    on: dt.date | None
    by: dt.date | None
    basis: str
    outlet: str | None = None  # for ``published`` the outlet, for ``bound`` the hop that gives the day


def published_days(meta: inputs.Document) -> dict[str, dt.date]:
    """The day each hop of the chain published its version, where known: its ``date``; for the
    copy held (the last hop), the copy's ``published`` where given (validation has them agree)."""
    days = {hop.outlet: hop.date for hop in meta.chain if hop.date is not None}
    if meta.published is not None:
        days[meta.outlet] = meta.published
    return days


def in_own_voice(claim: inputs.Claim) -> bool:
    """A claimant's own words in its own version: named, and carried by no other hop."""
    return claim.unnamed_source is None and claim.claimant is not None and set(claim.via) <= {claim.claimant}


def carriers(claim: inputs.Claim, meta: inputs.Document) -> list[tuple[dt.date, str]]:
    """The dated hops that carried ``claim``, earliest first: the claimant's own version (for
    words in its own voice), the hops of its ``via``, and the copy held; on one day, a named
    carrier before the copy."""
    days = published_days(meta)
    named = [*claim.via, claim.claimant] if in_own_voice(claim) else list(claim.via)
    dated = {outlet: days[outlet] for outlet in [*named, meta.outlet] if outlet is not None and outlet in days}
    return sorted(((day, outlet) for outlet, day in dated.items()), key=lambda c: (c[0], c[1] == meta.outlet, c[1]))


def said_of(claim: inputs.Claim, meta: inputs.Document) -> Said:
    """When ``claim`` was made: its own date, or the day its outlet published its own words;
    else the earliest publication of a hop that carried it, or of the copy held, as the latest
    day it can have been made. Never the date of the events."""
    if claim.date is not None:
        return Said(claim.date, None, "recorded")
    if in_own_voice(claim):
        own = published_days(meta).get(claim.claimant or "")
        if own is not None:
            return Said(own, None, "published", claim.claimant)
    carried = carriers(claim, meta)
    if carried:
        return Said(None, carried[0][0], "bound", carried[0][1])
    return Said(None, None, "unknown")
