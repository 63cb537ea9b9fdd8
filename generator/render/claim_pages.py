"""The page of each claim, and the claims index with contested claims side by side."""

from __future__ import annotations

from generator.model import ClaimEntry, Site
from generator.render import markdown as md
from generator.render import paths
from generator.render.common import (
    claim_link, citations, entity_link, entity_links, label, quote_link, status_badge,
)


def render_claim(site: Site, entry: ClaimEntry) -> str:
    claim = entry.claim
    here = paths.claim(entry.id)
    document = entry.document
    quote = document.text[entry.span[0]:entry.span[1]]
    facts = [
        ("Claimant", entity_link(site, claim.claimant, here)),
        ("Reported via", entity_link(site, claim.via, here) if claim.via else "*not stated*"),
        ("Kind", label(claim.kind)),
        ("Status", status_badge(claim.status)),
        ("Document", md.link(document.meta.title, here, paths.document(document.meta.id))
         + f" ({quote_link(entry, here)})"),
    ]
    origins = site.independent_origins(entry.id)
    facts.append(("Independent sources", f"{len(origins)}: {entity_links(site, origins, here)}"
                  + (" (separate chains)" if len(origins) > 1 else " (republications count as their original)")))
    if claim.question:
        topic, question = site.questions[claim.question]
        facts.append(("Question", md.link(question.text, here, paths.CLAIMS, paths.question_anchor(question.id))))
    if claim.figure:
        facts.append(("Figure", _figure(entry)))
    if claim.subjects:
        facts.append(("About", entity_links(site, claim.subjects, here)))
    title = f"{site.entity_name(claim.claimant)}: {claim.paraphrase}"
    return md.page(
        md.front_matter(title, claim.paraphrase, [label(claim.kind), claim.status, "claim"]),
        md.heading(1, claim.paraphrase),
        f"> {md.text(quote)}\n>\n> — as quoted in {md.link(document.meta.title, here, paths.document(document.meta.id), paths.quote_anchor(entry.id))}",
        md.facts(facts),
        _note(site, entry, here),
        _relations(site, entry, here),
    )


def _figure(entry: ClaimEntry) -> str:
    figure = entry.claim.figure
    assert figure is not None
    value = f"{figure.value:g}"
    as_of = f", as of {md.date_text(figure.as_of)}" if figure.as_of else ""
    return f"{md.text(value)} {md.text(figure.unit)}{as_of}"


def _note(site: Site, entry: ClaimEntry, here: str) -> str:
    claim = entry.claim
    if not claim.note and not claim.sources:
        return ""
    parts = [md.heading(2, "Note on the status", "note")]
    if claim.note:
        parts.append(md.prose(claim.note))
    if claim.sources:
        parts.append(f"Sources: {citations(site, claim.sources, here)}")
    return "\n\n".join(parts)


def _relations(site: Site, entry: ClaimEntry, here: str) -> str:
    parts = []
    for relation, title in (("disputes", "Contradicted by"), ("supports", "Supports"),
                            ("supported_by", "Supported by")):
        others = getattr(site, relation).get(entry.id, [])
        if others:
            parts.append(md.heading(2, title, relation))
            parts.append(md.bullets(
                f"{entity_link(site, site.claims[o].claim.claimant, here)}: {claim_link(site.claims[o], here)} "
                f"{status_badge(site.claims[o].claim.status)}"
                for o in others
            ))
    return "\n\n".join(parts)


def render_claims_index(site: Site) -> str:
    here = paths.CLAIMS
    blocks = [
        md.front_matter("Claims", "Every claim by topic and question, contradicting claims side by side."),
        md.heading(1, "Claims"),
        "Every claim recorded, by topic and by the question it answers. Where claims contradict "
        "each other they stand side by side, each with its status and a link to its exact quote.",
    ]
    for topic in sorted(site.corpus.topics.values(), key=lambda t: t.title):
        entries = [e for e in site.claims.values() if e.topic == topic.id]
        if not entries:
            continue
        blocks.append(md.heading(2, topic.title, f"topic-{topic.id}"))
        for question in topic.questions:
            on_question = by_claimant(site, site.claims_on(question.id))
            if on_question:
                blocks.append(md.heading(3, question.text, paths.question_anchor(question.id)))
                blocks.append(side_by_side(site, on_question, here))
        loose = by_claimant(site, [e for e in entries if e.claim.question is None])
        if loose:
            blocks.append(md.heading(3, "Other claims", f"other-{topic.id}"))
            blocks.append(side_by_side(site, loose, here))
    return md.page(*blocks)


def by_claimant(site: Site, entries: list[ClaimEntry]) -> list[ClaimEntry]:
    """Claims grouped by who makes them, so one side's claims stand together."""
    return sorted(entries, key=lambda e: (site.entity_name(e.claim.claimant), e.id))


def side_by_side(site: Site, entries: list[ClaimEntry], here: str) -> str:
    """Claims as cards in a grid, contested ones flagged."""
    cards = []
    for entry in entries:
        claim = entry.claim
        contested = site.disputes.get(entry.id, [])
        against = ""
        if contested:
            names = sorted({site.entity_name(site.claims[o].claim.claimant) for o in contested})
            against = f"  \n    <small>Contradicted by: {md.text(', '.join(names))}</small>"
        carrier = f"via {entity_link(site, claim.via, here)}" if claim.via else "carrier not recorded"
        cards.append(
            f"-   **{entity_link(site, claim.claimant, here)}**  \n"
            f"    {claim_link(entry, here)}  \n"
            f"    {status_badge(claim.status)} · {carrier} · {quote_link(entry, here)}{against}"
        )
    return '<div class="grid cards" markdown>\n\n' + "\n".join(cards) + "\n\n</div>"
