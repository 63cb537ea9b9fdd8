"""When a dated fact holds (an administration, an office, an ownership), read against the
day the site is built, the present of every page: what holds now, what held before, and
entries that cannot all be true.

An entry's ``since`` and ``as_of`` are days that have come: validation refuses one after the
build day. Its ``until`` may be still to come (an end already set, a mandate's last day): the
entry holds until then. Of a fact held by one entry at a time (an administration: parties
that administer a place together share one entry's ``by``), the entry begun last is the one
that holds; an earlier one without an end is contradicted by it, which validation reports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TypeVar

from generator import inputs

TenureT = TypeVar("TenureT", bound=inputs.Tenure)


def build_day() -> dt.date:
    """The day the site is built: what holds on it is what the pages say holds now."""
    return dt.date.today()


def first_known(tenure: inputs.Tenure) -> dt.date:
    """The first day the entry is known to hold: ``since``, else ``as_of``, else its ``until``."""
    day = tenure.since or tenure.as_of or tenure.until
    assert day is not None  # an entry without a date is refused by the input model
    return day


def last_known(tenure: inputs.Tenure) -> dt.date:
    """The last day the entry is known to hold: its ``until``; with none, no end for an entry
    that gives its start (``dt.date.max``), or its ``as_of`` day for one that does not."""
    if tenure.until is not None:
        return tenure.until
    return dt.date.max if tenure.since is not None else first_known(tenure)


def has_begun(tenure: inputs.Tenure, day: dt.date) -> bool:
    """Whether the days the entry gives as held (``since``, ``as_of``) have come by ``day``."""
    return all(d <= day for d in (tenure.since, tenure.as_of) if d is not None)


def held_now(tenures: Sequence[TenureT], day: dt.date | None = None) -> list[TenureT]:
    """The entries that hold on ``day`` (the build day): begun, and not ended before it; of a
    fact held one entry at a time, only those begun last."""
    day = day or build_day()
    begun = [t for t in tenures if has_begun(t, day)]
    holding = [t for t in begun if t.until is None or t.until >= day]
    if not holding or not type(holding[0]).one_at_a_time:
        return holding
    latest = max(first_known(t) for t in begun)
    return [t for t in holding if first_known(t) == latest]


def held_before(tenures: Sequence[TenureT], day: dt.date | None = None) -> list[TenureT]:
    """The begun entries that do not hold on ``day`` (ended, or followed by a later one),
    newest first (by their last day known; in the order written where that is the same)."""
    day = day or build_day()
    now = {id(t) for t in held_now(tenures, day)}
    past = [(t.until or first_known(t), -index, t) for index, t in enumerate(tenures) if id(t) not in now]
    return [t for _, _, t in sorted((p for p in past if has_begun(p[2], day)), key=lambda p: p[:2], reverse=True)]


def overlapping(tenures: Sequence[inputs.Administration], day: dt.date) -> list[tuple[int, int]]:
    """Pairs (entry, earlier entry) of indexes where two entries of a fact held one at a time
    hold on the same days: the later-begun entry starts before the other's last day known (a
    handover on one day, ``until`` and ``since`` the same, is not an overlap). Entries with the
    same parties agree; entries not yet begun are left to their own problem. Each entry is
    reported once at most, against the entry reaching furthest among those begun before it."""
    order = sorted((first_known(t), index) for index, t in enumerate(tenures) if has_begun(t, day))
    found = []
    reaching: int | None = None  # the entry begun so far whose last day known is the latest
    for start, index in order:
        tenure = tenures[index]
        if reaching is not None:
            other = tenures[reaching]
            if start < last_known(other) and set(tenure.by) != set(other.by):
                found.append((index, reaching))
        if reaching is None or last_known(tenure) > last_known(tenures[reaching]):
            reaching = index
    return found
