"""When a claim was made, as far as its metadata and its copy's chain tell: never the date
of the events it is about, never a date of another claim."""

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


def said_of(claim: inputs.Claim, meta: inputs.Document) -> Said:
    """When ``claim`` was made: its own date, or the day its outlet published its own words;
    else the earliest publication of a hop that carried it, or of the copy held, as the latest
    day it can have been made. Never the date of the events."""
    if claim.date is not None:
        return Said(claim.date, None, "recorded")
    hop_dates = {hop.outlet: hop.date for hop in meta.chain if hop.date is not None}
    if claim.unnamed_source is None and claim.claimant is not None:
        own = hop_dates.get(claim.claimant)
        if own is None and claim.claimant == meta.outlet:
            own = meta.published
        if own is not None:
            return Said(own, None, "published", claim.claimant)
    carried = sorted((hop_dates[outlet], outlet) for outlet in claim.via if outlet in hop_dates)
    if carried:
        return Said(None, carried[0][0], "bound", carried[0][1])
    if meta.published is not None:
        return Said(None, meta.published, "bound", meta.outlet)
    return Said(None, None, "unknown")
