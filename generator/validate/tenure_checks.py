"""Checks of dated facts: each has begun by the day the site is built, and a place has one
administration at a time."""

from __future__ import annotations

from collections.abc import Sequence

from generator import inputs
from generator.facts import tenures
from generator.validate.checker import Findings, citations, finding, ref
from generator.validate.corpus import Origin
from generator.validate.registries import Registries


def check_administrations(seed: Registries, administrations: list[inputs.Administration], origin: Origin) -> Findings:
    for index, administration in enumerate(administrations):
        for position, party_id in enumerate(administration.by):
            yield from ref(seed.index, origin, (index, "by", position), party_id, {"party"})
        yield from citations(seed.index, administration.sources, Origin(origin.file, (*origin.loc, index)))
    yield from check_tenures(seed, administrations, origin)
    for index, earlier in tenures.overlapping(administrations, seed.build_day):
        entry, other = administrations[index], administrations[earlier]
        start = "since" if entry.since is not None else "as_of" if entry.as_of is not None else "until"
        yield finding(
            origin.file,
            (*origin.loc, index, start),
            "administration-overlap",
            f"entry {index + 1} ({_parties(entry.by)}, {_period(entry)}) and entry {earlier + 1} "
            f"({_parties(other.by)}, {_period(other)}) hold on the same days, but a place has one "
            "administration at a time",
            "if the earlier one ended, give it 'until:' (the day this one began, for a handover that day); "
            "if they administer it together, name them all in one entry's 'by'",
        )


def check_tenures(seed: Registries, entries: Sequence[inputs.Tenure], origin: Origin) -> Findings:
    """A dated fact has begun by the day the site is built: ``since`` and ``as_of`` are not after it."""
    for index, entry in enumerate(entries):
        for key in ("since", "as_of"):
            day = getattr(entry, key)
            if day is not None and day > seed.build_day:
                yield finding(
                    origin.file,
                    (*origin.loc, index, key),
                    "tenure-not-begun",
                    f"'{key}' is {day.isoformat()}, after the day the site is built "
                    f"({seed.build_day.isoformat()}): the pages would say it holds now",
                    "record what has begun: add this entry on its first day (a change only announced "
                    "can go in the 'note' of the entry that holds now); if the day is wrong, fix the year, "
                    "month and day",
                )


def _parties(ids: list[str]) -> str:
    """``'alpha'``, ``'alpha' and 'beta'``."""
    quoted = [f"'{party}'" for party in ids]
    return ", ".join(quoted[:-1]) + " and " + quoted[-1] if len(quoted) > 1 else quoted[0]


def _period(tenure: inputs.Tenure) -> str:
    """When an entry says it holds, as written: ``from 2000-01-01, with no end``, ``on 2023-05-11``."""
    start = tenure.since or tenure.as_of
    if tenure.until is None:
        return f"from {start}, with no end" if tenure.since is not None else f"on {start}"
    return f"from {start} to {tenure.until}" if start is not None else f"until {tenure.until}"
