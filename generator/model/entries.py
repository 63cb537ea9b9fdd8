"""What the model holds for each claim, event and entity, and the series of counts
that claims give: the types renderers read, beside the ``Site`` that indexes them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from generator import inputs
from generator.facts.when_said import Said, said_of
from generator.validate.corpus import SourceDocument, Span


@dataclass(frozen=True, eq=False)
class ClaimEntry:
    """A claim with the document it was found in and the span of its quote.

    The claim is read from its document's metadata, so two entries are equal when
    they are the same claim of equal documents (cheaper than comparing the claims)."""

    claim: inputs.Claim
    document: SourceDocument
    span: Span

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ClaimEntry):
            return NotImplemented
        return (self.claim.id, self.span, self.document) == (other.claim.id, other.span, other.document)

    __hash__ = None  # type: ignore[assignment]  # compared by what it holds, like SourceDocument

    @property
    def id(self) -> str:
        return self.claim.id

    @property
    def quote(self) -> str:
        """The claim's words, verbatim from its document's text."""
        return self.document.text[self.span[0] : self.span[1]]

    @property
    def quote_translated(self) -> str | None:
        """The claim's words in the first translation of its document, verbatim from it;
        None where the claim is not pinned in a translation."""
        first = self.document.translations[0] if self.document.translations else None
        span = first.claim_spans.get(self.claim.id) if first is not None else None
        return None if first is None or span is None else first.text[span[0] : span[1]]

    @property
    def topic(self) -> str:
        return self.document.meta.topic

    @property
    def said(self) -> Said:
        """When the claim was made, as far as its metadata and its copy's chain tell."""
        return said_of(self.claim, self.document.meta)

    @property
    def events(self) -> tuple[dt.date, dt.date | None] | None:
        """The first and last day of the events the claim is about (the last None for one day);
        None where they are not recorded."""
        if self.claim.event_date is None:
            return None
        return (self.claim.event_date, self.claim.event_end)


@dataclass(frozen=True)
class FigurePoint:
    """One count in a series: from a claim of ours, or a revision cited from elsewhere."""

    value: float
    as_of: Any  # a date, or None where the count is undated
    claim: ClaimEntry
    revision: inputs.FigureRevision | None = None


@dataclass(frozen=True)
class FigureSeries:
    """Counts of one thing by one giver, oldest first: never two givers in one series. An
    unnamed source, or a count attributed to no one, is a giver only within the document
    that records it: the same words in two documents are two series."""

    giver: str | None  # a party or outlet id; None for an unnamed source or an unattributed count
    giver_words: str | None  # how an unnamed giver is described
    unit: str
    points: tuple[FigurePoint, ...]
    speaks_for: str | None = None  # the party an unnamed source speaks for, where known
    document: str | None = None  # the document that records an unnamed or unattributed count


@dataclass(frozen=True)
class EventEntry:
    event: inputs.Event
    topic: inputs.Topic


@dataclass
class Backlinks:
    """Everything on the site that involves one party, place or outlet."""

    documents: set[str] = field(default_factory=set)
    claims_by: set[str] = field(default_factory=set)
    claims_about: set[str] = field(default_factory=set)
    events: set[str] = field(default_factory=set)
    carried: set[str] = field(default_factory=set)  # documents whose chain has this outlet
    administers: set[str] = field(default_factory=set)  # places a party controls
    claims_territory: set[str] = field(default_factory=set)  # places a party claims


def figure_series(entries: list[ClaimEntry]) -> list[FigureSeries]:
    """The counts of ``entries`` and their revisions, one series per giver and thing counted."""
    # (giver, unnamed source, document, unit): the counts of an unnamed source, and those attributed
    # to no one, are a series of the document that records them
    points: dict[tuple[str, str, str, str], list[FigurePoint]] = defaultdict(list)
    for entry in entries:
        figure = entry.claim.figure
        if figure is None:
            continue
        unnamed = entry.claim.unnamed_source
        key = (entry.claim.claimant or "", unnamed or "", entry.document.meta.id if unnamed else "", figure.unit)
        points[key].append(FigurePoint(figure.value, figure.as_of, entry))
        for revision in figure.revisions:
            other = (revision.by or "", "", "" if revision.by else entry.document.meta.id, revision.unit or figure.unit)
            points[other].append(FigurePoint(revision.value, revision.as_of, entry, revision))
    series = []
    for key in sorted(points, key=lambda k: (k[3], k[0], k[1], k[2])):
        ordered = sorted(
            points[key], key=lambda p: (p.as_of is None, p.as_of or 0, p.value, p.revision is not None, p.claim.id)
        )
        # One count given once: a claim's count and the same count cited as another claim's revision.
        distinct = {(p.value, p.as_of): p for p in reversed(ordered)}
        kept = tuple(p for p in ordered if distinct[(p.value, p.as_of)] is p)
        claimant, unnamed, document, unit = key
        if unnamed:
            series.append(FigureSeries(None, unnamed, unit, kept, claimant or None, document))
        else:
            series.append(FigureSeries(claimant or None, None, unit, kept, document=document or None))
    return series
