"""What the checks of the registries and topics read, besides the index of the seed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from shapely.geometry.base import BaseGeometry

from generator.validate.checker import Index
from generator.validate.corpus import Corpus


@dataclass(frozen=True)
class Registries:
    """What the checks of the registries and topics read: the index, the valid entries, where
    each event is written (``positions``, by the event's id()), and what is worked out of them
    once (the day of the build, each place's drawing, the loops of parents and affiliations)."""

    index: Index
    corpus: Corpus
    positions: Mapping[int, int]
    build_day: dt.date  # the present of the pages: a dated fact has begun by then
    drawn: Mapping[str, BaseGeometry]
    parent_loops: Mapping[str, list[str]]
    loop_starts: frozenset[str]  # the first place of each loop of parents, where it is reported
    affiliation_loops: frozenset[str]
