"""The preview's pages, kept from one rebuild to the next: an edit re-renders only the
pages that read what it changed.

Every rebuild still loads, validates and indexes the whole corpus (that is what finds
a problem anywhere, and what gives every backlink), but rendering, most of a
rebuild's time, is done only for the work whose reads (``generator/model/reads.py``) meet
the entries the edit changed; the rest of the pages are the ones already made. The
pages come out exactly as a clean build makes them (a test holds this on many edits).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from generator.model.reads import Read, Recorder, changed, record, tables
from generator.model.site import Site
from generator.render import RenderedPage, page_jobs, sorted_pages


@dataclass(frozen=True)
class _Done:
    reads: frozenset[Read]
    pages: list[RenderedPage]


@dataclass(frozen=True)
class _Part:
    reads: frozenset[Read]
    text: str


class KeptPages:
    """The pages of the last rebuild, with what each read of the model."""

    def __init__(self) -> None:
        self._recorder = Recorder()
        self._tables: dict[str, dict[Any, Any]] | None = None
        self._done: dict[str, _Done] = {}
        self._edits: set[Read] | None = None  # what changed since the last rebuild (None: everything)
        self._parts: dict[Hashable, _Part] = {}  # the last rebuild's records and rows of data files
        self._parts_now: dict[Hashable, _Part] = {}
        self.rendered: list[str] = []  # the work the last rebuild did (keys of ``PageJob``)
        self.fresh: set[str] = set()  # the paths of the pages it rendered

    def render(self, site: Site) -> list[RenderedPage]:
        """Every page of ``site``, rendering again only what the edit since the last call can
        change (``site``'s tables become ``Recorded`` ones)."""
        record(site, "site", self._recorder)
        now = tables(site)
        edits = self._edits = None if self._tables is None else changed(self._tables, now)
        done: dict[str, _Done] = {}
        self.rendered, self.fresh = [], set()
        for job in page_jobs(site, self.part):
            kept = self._done.get(job.key)
            if kept is None or edits is None or not kept.reads.isdisjoint(edits):
                with self._recorder.recording() as reads:
                    pages = job.run()
                kept = _Done(frozenset(reads), pages)
                self.rendered.append(job.key)
                self.fresh.update(page.path for page in pages)
            done[job.key] = kept
        self._tables, self._done = now, done
        self._parts, self._parts_now = self._parts_now, {}
        return sorted_pages([page for kept in done.values() for page in kept.pages])

    def part(self, key: Hashable, make: Callable[[], str]) -> str:
        """A record or row of a data file (``dataset.Part``): the last rebuild's, unless what
        it read changed. A data file reads every entry of its tables and is made again at
        every edit; of its thousands of rows, only those that read what changed are."""
        kept = self._parts.get(key)
        if kept is None or self._edits is None or not kept.reads.isdisjoint(self._edits):
            with self._recorder.recording() as reads:
                text = make()
            kept = _Part(frozenset(reads), text)
        elif self._recorder.reading:  # what the data file read through it, as if made again
            self._recorder.reading[-1].update(kept.reads)
        self._parts_now[key] = kept
        return kept.text
