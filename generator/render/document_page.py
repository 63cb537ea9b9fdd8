"""The page of one source document."""

from __future__ import annotations

from generator.model import Site, document_entities
from generator.render import markdown as md
from generator.render import paths, structured_data
from generator.render.common import (
    ROLE_LABELS, chain_summary, claims_table, entity_link, entity_links, label, list_or_none, unverified_hops,
)
from generator.render.diagrams import chain_diagram
from generator.render.source_text import label_of, render_text
from generator.validate import SourceDocument


def render_document(site: Site, document: SourceDocument) -> str:
    meta = document.meta
    here = paths.document(meta.id)
    return md.page(
        # No tags: a tag listing every document would grow with the corpus.
        md.front_matter(meta.title, meta.summary),
        md.heading(1, meta.title),
        _at_a_glance(site, document, here),
        _metadata_box(site, document, here),
        md.heading(2, "Source chain", "source-chain"),
        chain_diagram(site, document),
        _chain(site, document, here),
        md.heading(2, "Text", "text"),
        _text_legend(document),
        render_text(site, document, here),
        md.heading(2, "Claims", "claims"),
        claims_table(site, (site.claims[c.id] for c in meta.claims), here) or "*No claims recorded.*",
        md.heading(2, "Parties", "parties"),
        _entities(site, document, here, parties=True),
        md.heading(2, "Places", "places"),
        _entities(site, document, here, parties=False),
        md.heading(2, "Related documents", "related"),
        _related(site, document, here),
        structured_data.script(structured_data.news_article(site, document)),
    )


def _at_a_glance(site: Site, document: SourceDocument, here: str) -> str:
    """The summary card: what happened, where, when, who claims what, and how the text reached us."""
    meta = document.meta
    parties, places = document_entities(site, document)
    subject_places = [p for p in places if any(p in c.subjects for c in meta.claims)] or places
    hops = len(meta.chain)
    unverified = unverified_hops(document)
    origin = site.entity_name(meta.chain[0].outlet)
    lines = [
        f"**What happened.** {md.text(meta.summary)}",
        f"**When.** {md.date_text(meta.event_date)}.",
        f"**Where.** {entity_links(site, subject_places[:4], here) or 'not recorded'}.",
        f"**Who claims what** ([all claims](#claims)):\n\n{_claims_by_side(site, document, here)}",
        f"**How it reached us.** {hops} hop{'s' if hops != 1 else ''} from the original reporting "
        f"({md.text(origin)}) to the copy held, {unverified} of them unverified; "
        f"1 independent source. [The chain](#source-chain)",
    ]
    body = "\n\n".join("\n".join(f"    {row}" for row in line.split("\n")) for line in lines)
    return f'!!! abstract "At a glance"\n\n{body}'


def _claims_by_side(site: Site, document: SourceDocument, here: str) -> str:
    """One line per side (a state, or an outlet in its own voice): how many claims,
    how many contradicted, and the first contradicted one as an example."""
    entries = [site.claims[c.id] for c in document.meta.claims]
    if not entries:
        return "- no claims recorded"
    sides: dict[str, list] = {}
    for entry in entries:
        sides.setdefault(site.side_of(entry.claim.claimant), []).append(entry)
    rows = []
    for side in sorted(sides, key=site.entity_name):
        claims = sides[side]
        contested = [e for e in claims if site.is_contested(e.id)]
        example = (contested or claims)[0]
        count = f"{len(claims)} claim{'s' if len(claims) > 1 else ''}"
        count += f", {len(contested)} contradicted" if contested else ""
        rows.append(f"- **{md.text(site.entity_name(side))}** ({count}): "
                    f"{md.link(example.claim.paraphrase, here, paths.claim(example.id))}")
    return "\n".join(rows)


def _metadata_box(site: Site, document: SourceDocument, here: str) -> str:
    meta = document.meta
    hops = len(meta.chain)
    unverified = unverified_hops(document)
    rows = [
        ("Topic", md.link(site.corpus.topics[meta.topic].title, here, paths.topic(meta.topic))),
        ("Date of the events", md.date_text(meta.event_date)),
        ("Copy held", entity_link(site, meta.outlet, here)
         + (f" ({md.external('original page', meta.url)})" if meta.url else " (no address recorded)")),
        ("Author", md.text(meta.author) if meta.author else "*not named*"),
        ("Date of the copy", md.date_text(meta.published) if meta.published else "*not shown in the copy*"),
        ("Language", md.text(meta.language)),
        ("Kind", label(meta.kind)),
        ("Source chain", f"{chain_summary(site, document, here)} "
                         f"({hops} hop{'s' if hops != 1 else ''}, {unverified} unverified)"),
        ("Independent sources", f"1: {entity_link(site, meta.chain[0].outlet, here)} "
                                "(republications count as their original)"),
    ]
    return md.facts(rows)


def _chain(site: Site, document: SourceDocument, here: str) -> str:
    items = []
    for index, hop in enumerate(document.meta.chain):
        parts = [f"**{entity_link(site, hop.outlet, here)}**", ROLE_LABELS[hop.role]]
        if hop.date is not None:
            parts.append(md.date_text(hop.date))
        parts.append(md.external("link", hop.url) if hop.url else '<span class="unverified">unverified: no link</span>')
        line = f'{index + 1}. <span id="{paths.hop_anchor(index)}"></span>' + " · ".join(parts)
        if hop.evidence:
            line += f'  \n   The text says: “{md.text(hop.evidence)}”'
        if hop.note:
            line += f"  \n   {md.text(hop.note)}"
        items.append(line)
    return "\n".join(items)


def _text_legend(document: SourceDocument) -> str:
    lines = ["The text below is the copy held, verbatim. "
             '<mark class="claim-quote">Highlighted</mark> passages carry the claims listed under '
             "[Claims](#claims); names of parties and places link to their pages."]
    if document.meta.boilerplate:
        kinds = sorted({label_of(item.kind) for item in document.meta.boilerplate})
        lines.append(f'<span class="boilerplate">Dimmed</span> passages are part of the copy but not of the report ({md.text(", ".join(kinds))}).')
    return " ".join(lines)


def _entities(site: Site, document: SourceDocument, here: str, parties: bool) -> str:
    party_ids, place_ids = document_entities(site, document)
    ids = party_ids if parties else place_ids
    return list_or_none([entity_link(site, entity_id, here) for entity_id in ids])


RELATED_LIMIT = 10


def _related(site: Site, document: SourceDocument, here: str) -> str:
    """Other documents of the same topic, newest first."""
    newest = site.documents_newest_first(document.meta.topic)[:RELATED_LIMIT + 1]
    others = [d for d in newest if d.meta.id != document.meta.id][:RELATED_LIMIT]
    items = [f"{md.link(d.meta.title, here, paths.document(d.meta.id))} ({md.date_text(d.meta.event_date)})"
             for d in others]
    return list_or_none(items, "No other documents on this topic yet.")
