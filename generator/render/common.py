"""Small pieces that several page kinds show: links, claim rows, citations, chains."""

from __future__ import annotations

from collections.abc import Iterable

from generator import inputs
from generator.model import ClaimEntry, Site
from generator.render import markup as mk
from generator.render import paths
from generator.validate import SourceDocument

STATUS_LABELS = {
    "unverified": "Unverified",
    "disputed": "Disputed",
    "corroborated": "Corroborated",
    "false": "False",
    "outdated": "Outdated",
}
ROLE_LABELS = {
    "original-reporting": "original reporting",
    "wire": "wire",
    "republisher": "republished",
    "aggregator": "aggregated",
    "translation": "translated",
}


def label(value: str) -> str:
    """A kind or role id as words: ``casualty-report`` → ``casualty report``."""
    return value.replace("-", " ")


def entity_link(site: Site, entity_id: str, here: str) -> str:
    kind = site.entity_kind(entity_id)
    return mk.link(site.entity_name(entity_id), here, paths.entity(kind, entity_id))


def entity_links(site: Site, entity_ids: Iterable[str], here: str) -> str:
    return ", ".join(entity_link(site, entity_id, here) for entity_id in entity_ids)


def document_link(document: SourceDocument, here: str) -> str:
    return mk.link(document.meta.title, here, paths.document(document.meta.id))


def claim_link(entry: ClaimEntry, here: str) -> str:
    return mk.link(entry.claim.paraphrase, here, paths.claim(entry.id))


def quote_link(entry: ClaimEntry, here: str, label_text: str = "quote in context") -> str:
    return mk.link(label_text, here, paths.document(entry.document.meta.id), paths.quote_anchor(entry.id))


def status_badge(status: str) -> str:
    return f'<span class="status status-{status}">{STATUS_LABELS[status]}</span>'


def claims_table(site: Site, entries: Iterable[ClaimEntry], here: str) -> str:
    """A table of claims: claimant, claim, status and a link to the quote."""
    rows = []
    for entry in entries:
        claimant = entry.claim.claimant
        rows.append((
            entity_link(site, claimant, here),
            claim_link(entry, here),
            status_badge(entry.claim.status),
            quote_link(entry, here, "quote"),
        ))
    if not rows:
        return ""
    return mk.table(("Claimant", "Claim", "Status", "Source"), rows)


def citations(site: Site, sources: Iterable[inputs.Citation], here: str) -> str:
    """Sources as an inline list: our documents by title, web pages by title or host."""
    parts = []
    for source in sources:
        if source.document is not None:
            parts.append(document_link(site.corpus.documents[source.document], here))
        else:
            assert source.url is not None
            title = source.title or source.url
            publisher = f" ({mk.text(source.publisher)})" if source.publisher else ""
            parts.append(mk.external(title, source.url) + publisher)
    return "; ".join(parts)


def sources_line(site: Site, sources: Iterable[inputs.Citation], here: str) -> str:
    listed = citations(site, sources, here)
    return mk.para(f"<small>Sources: {listed}</small>") if listed else ""


def chain_summary(site: Site, document: SourceDocument, here: str) -> str:
    """``Reuters → Hot News → 247 News Reel``, each outlet linked."""
    return " &rarr; ".join(entity_link(site, hop.outlet, here) for hop in document.meta.chain)


def unverified_hops(document: SourceDocument) -> int:
    return sum(1 for hop in document.meta.chain if hop.url is None)


def list_or_none(items: list[str], none: str = "None recorded.") -> str:
    return mk.bullets(items) if items else mk.note(none)


def date_range(start: object, end: object | None) -> str:
    """``11 May 2023``, ``1–4 May 2023``, ``27 September – 10 November 2020``."""
    if end is None or end == start:
        return mk.date_text(start)
    if (start.year, start.month) == (end.year, end.month):  # type: ignore[attr-defined]
        return f"{start.day}&ndash;{mk.date_text(end)}"  # type: ignore[attr-defined]
    if start.year == end.year:  # type: ignore[attr-defined]
        return f"{start.day} {start:%B} &ndash; {mk.date_text(end)}"  # type: ignore[attr-defined]
    return f"{mk.date_text(start)} &ndash; {mk.date_text(end)}"


def figure_over_time(site: Site, entry: ClaimEntry, here: str) -> str:
    """``50 Armenian soldiers killed (per this text) · other counts: 49 (13 September 2022,
    Nikol Pashinyan) → 105 (...)``: a revised count never reads as one silent number."""
    figure = entry.claim.figure
    if figure is None:
        return ""
    when = f"as of {mk.date_text(figure.as_of)}" if figure.as_of else "undated"
    shown = f"<strong>{figure.value:g}</strong> {mk.text(figure.unit)} ({when}, per this text)"
    revisions = sorted(figure.revisions, key=lambda r: (r.as_of, r.value))
    if not revisions:
        return shown
    steps = []
    for revision in revisions:
        who = f", {entity_link(site, revision.by, here)}" if revision.by else ""
        note = f", {mk.text(revision.note)}" if revision.note else ""
        steps.append(f"<strong>{revision.value:g}</strong> ({mk.date_text(revision.as_of)}{who}{note}; "
                     f"{citations(site, [revision.source], here)})")
    return f"{shown} · other counts over time: " + " &rarr; ".join(steps)
