"""How long lists are cut into parts, a page each, so that no page grows with the corpus.

A list of up to ``ONE_PAGE_LIMIT`` items stays whole. A longer one is cut by
what orders it: a dated list (documents, the timeline) by year, and a year of
more than ``PART_LIMIT`` items by month; a list of names (parties, places,
outlets) by first letter; an entity's backlinks, after the first
``BACKLINK_LIMIT`` shown on its page, in numbered parts of ``PART_SIZE``.
Each cut returns the parts in order, keyed by the name their page is known by.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from itertools import groupby
from typing import TypeVar

ONE_PAGE_LIMIT = 300
PART_LIMIT = 400
BACKLINK_LIMIT = 50  # items a section shows on the entity's own page
PART_SIZE = 500  # items on each page of an entity's full list

Item = TypeVar("Item")


def by_period(items: Sequence[Item], date_of: Callable[[Item], dt.date]) -> dict[str, list[Item]]:
    """Items (newest first) by year, a long year by month, and a long month in numbered
    parts: ``2023``, ``2023-05`` or ``2023-05-2`` (years written with four digits, so that
    a year before 1000 sorts and reads alike)."""
    parts: dict[str, list[Item]] = {}
    for year, in_year in groupby(items, key=lambda item: date_of(item).year):
        year_items = list(in_year)
        if len(year_items) <= PART_LIMIT:
            parts[f"{year:04d}"] = year_items
            continue
        for month, in_month in groupby(year_items, key=lambda item: f"{year:04d}-{date_of(item).month:02d}"):
            month_items = list(in_month)
            if len(month_items) <= PART_LIMIT:
                parts[month] = month_items
            else:
                parts.update({f"{month}-{n}": part for n, part in numbered(month_items, PART_LIMIT).items()})
    return parts


def first_letter(name: str) -> str:
    """``a`` to ``z``, or ``other`` for a name that starts with anything else."""
    letter = name[:1].casefold()
    return letter if "a" <= letter <= "z" else "other"


def by_letter(items: Sequence[Item], name_of: Callable[[Item], str]) -> dict[str, list[Item]]:
    """Items (in name order) by the first letter of their names, ``other`` last. Names of
    one letter need not sort together ('1st', 'Éire'), so the items are gathered, not grouped."""
    parts: dict[str, list[Item]] = {}
    for item in items:
        parts.setdefault(first_letter(name_of(item)), []).append(item)
    return {letter: parts[letter] for letter in sorted(parts, key=lambda key: (key == "other", key))}


def numbered(items: Sequence[Item], size: int = PART_SIZE) -> dict[str, list[Item]]:
    """Items in parts of ``size``: ``1``, ``2``, …"""
    starts = range(0, len(items), size)
    return {str(number): list(items[start : start + size]) for number, start in enumerate(starts, 1)}
