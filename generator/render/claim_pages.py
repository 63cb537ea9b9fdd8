"""The page of each claim, and the claims index with contested claims side by side."""

from __future__ import annotations

from generator.model import ClaimEntry, Site
from generator.render import markdown as md
from generator.render import paths, structured_data
from generator.render.common import (
    claim_link, citations, entity_link, entity_links, figure_over_time, label, quote_link, status_badge,
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
        facts.append(("Figure", figure_over_time(site, entry, here)))
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
        structured_data.script(structured_data.claim(site, entry)),
    )


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
    matrices = [md.link(f"who claims what in {t.title}", here, paths.topic(t.id), "who-claims-what")
                for t in sorted(site.corpus.topics.values(), key=lambda t: t.title)]
    if matrices:
        blocks.append("As a table, question by question and side by side: " + ", ".join(matrices) + ".")
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
    """Competing claims in columns, one per side ("Azerbaijan says / Armenia says"),
    each claim with its claimant, carrier, status and a link to its exact quote."""
    sides: dict[str, list[ClaimEntry]] = {}
    for entry in entries:
        sides.setdefault(site.side_of(entry.claim.claimant), []).append(entry)
    cards = []
    for side in sorted(sides, key=site.entity_name):
        lines = [f"-   **{md.text(site.entity_name(side))} says**", ""]
        for entry in sides[side]:
            claim = entry.claim
            carrier = f"via {entity_link(site, claim.via, here)}" if claim.via else "carrier not recorded"
            against = ""
            if site.disputes.get(entry.id):
                names = sorted({site.entity_name(site.claims[o].claim.claimant) for o in site.disputes[entry.id]})
                against = f"  \n        <small>Contradicted by {md.text(', '.join(names))}</small>"
            lines.append(
                f"    -   {claim_link(entry, here)}  \n"
                f"        {entity_link(site, claim.claimant, here)} · {status_badge(claim.status)} · {carrier} · "
                f"{quote_link(entry, here, 'exact quote')}{against}"
            )
        cards.append("\n".join(lines))
    return '<div class="grid cards" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"


def claim_matrix(site: Site, topic_id: str, here: str) -> str:
    """Questions as rows, sides as columns, each cell the side's claims; contested rows marked."""
    topic = site.corpus.topics[topic_id]
    rows_data = [(q, site.claims_on(q.id)) for q in topic.questions]
    rows_data = [(q, entries) for q, entries in rows_data if entries]
    if not rows_data:
        return ""
    outlets = "outlets"  # outlets speaking in their own voice share one column
    def column(entry: ClaimEntry) -> str:
        side = site.side_of(entry.claim.claimant)
        return side if side in site.corpus.parties else outlets

    sides = sorted({column(e) for _, entries in rows_data for e in entries},
                   key=lambda s: (s == outlets, s != outlets and site.entity_name(s)))
    header = ["Question", *("The texts themselves" if side == outlets else md.text(site.entity_name(side))
                            for side in sides)]
    rows = []
    for question, entries in rows_data:
        contested = any(site.is_contested(e.id) for e in entries)
        label_cell = md.link(question.text, here, paths.CLAIMS, paths.question_anchor(question.id))
        if contested:
            label_cell += ' <span class="status status-disputed">contested</span>'
        cells = [label_cell]
        for side in sides:
            mine = [e for e in entries if column(e) == side]
            cells.append("<br>".join(_matrix_cell(site, e, here) for e in mine) or "—")
        rows.append(cells)
    return f'<div class="claim-matrix" markdown>\n\n{md.table(header, rows)}\n\n</div>'


def _matrix_cell(site: Site, entry: ClaimEntry, here: str) -> str:
    claim = entry.claim
    quote = entry.document.text[entry.span[0]:entry.span[1]]
    short = quote if len(quote) <= 60 else quote[:57].rsplit(" ", 1)[0] + " …"
    carrier = f", via {md.text(site.entity_name(claim.via))}" if claim.via else ""
    figure = f" **{claim.figure.value:g}** {md.text(claim.figure.unit)}." if claim.figure else ""
    return (f"“{md.link(short, here, paths.document(entry.document.meta.id), paths.quote_anchor(entry.id))}”"
            f"{figure} <small>{md.text(site.entity_name(claim.claimant))}{carrier}, "
            f"{md.date_text(entry.document.meta.event_date)}</small> {status_badge(claim.status)}")
