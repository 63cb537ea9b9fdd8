"""The page of one source document."""

from __future__ import annotations

from markupsafe import Markup

from generator.model.site import Site, document_entities
from generator.render import markup as mk
from generator.render import paths, structured_data
from generator.render.common import (
    ROLE_LABELS,
    claims_table,
    entity_link,
    entity_links,
    label,
    list_or_none,
    topic_tag,
    unverified_hops,
)
from generator.render.diagrams import HOPS_FILE, chain_diagram, chain_layout, chain_line, cut_note, named_links
from generator.render.graph_layout import Layout
from generator.render.source_text import label_of, original_text, render_text, searched_apart, translator_label
from generator.text import writing
from generator.validate.corpus import SourceDocument


def render_document(site: Site, document: SourceDocument) -> mk.Page:
    meta = document.meta
    here = paths.document(meta.id)
    layout = chain_layout(site, document)
    return mk.page(
        mk.front_matter(
            meta.title,
            meta.summary,
            topic=topic_tag(site, meta.topic, here),
            kind="Document",
        ),
        mk.heading(1, meta.title),
        _at_a_glance(site, document, here, layout),
        _metadata_box(site, document, here),
        _copy_note(site, document, here),
        _translation_notes(site, document, here),
        mk.heading(2, "Source chain", "source-chain"),
        cut_note(layout, here),
        chain_diagram(site, document, layout),
        _chain(site, document, here, layout),
        mk.heading(2, "Text", "text"),
        _text_legend(document),
        render_text(site, document, here),
        mk.heading(2, "Claims", "claims"),
        mk.unsearched(claims_table(site, (site.claims[c.id] for c in meta.claims), here))
        or mk.note(Markup("No claims recorded.")),
        mk.heading(2, "Parties", "parties"),
        mk.unsearched(_entities(site, document, here, parties=True)),
        mk.heading(2, "Places", "places"),
        mk.unsearched(_entities(site, document, here, parties=False)),
        mk.heading(2, "Related documents", "related"),
        mk.unsearched(_related(site, document, here)),
        structured_data.script(structured_data.news_article(site, document)),
    )


def _at_a_glance(site: Site, document: SourceDocument, here: str, layout: Layout) -> Markup:
    """The summary card: what happened, where, when, who claims what, and how the text reached us."""
    meta = document.meta
    _parties, places = document_entities(site, document)
    subject_places = [p for p in places if any(p in c.subjects for c in meta.claims)] or places
    hops = len(meta.chain)
    unverified = unverified_hops(document)
    originals = site.originals[meta.id]
    reached = _how_it_reached_us(hops, unverified, len(originals), layout.longest)
    return mk.admonition(
        "abstract",
        "At a glance",
        [
            mk.para(mk.html("<strong>What happened.</strong> {}", mk.text(meta.summary))),
            mk.para(mk.html("<strong>When.</strong> {}.", mk.date_text(meta.event_date))),
            mk.para(
                mk.html(
                    "<strong>Where.</strong> {}.",
                    entity_links(site, subject_places[:4], here) or Markup("not recorded"),
                )
            ),
            mk.para(Markup('<strong>Who claims what</strong> (<a href="#claims">all claims</a>):')),
            mk.unsearched(_claims_by_side(site, document, here)),
            mk.para(
                mk.html(
                    '<strong>How it reached us.</strong> {}; {}. <a href="#source-chain">The chain</a>',
                    reached,
                    _independent(site, originals, here),
                )
                + (mk.html(". <strong>Partial copy:</strong> {}.", PARTIAL[meta.partial]) if meta.partial else Markup())
            ),
        ],
    )


def _claims_by_side(site: Site, document: SourceDocument, here: str) -> Markup:
    """One line per side (a state, or an outlet in its own voice): how many claims,
    how many contradicted, and the first contradicted one as an example."""
    entries = [site.claims[c.id] for c in document.meta.claims]
    if not entries:
        return mk.bullets([Markup("no claims recorded")])
    sides: dict[str, list] = {}
    for entry in entries:
        sides.setdefault(site.side_of(entry.claim.claimant), []).append(entry)
    rows = []
    for side in sorted(sides, key=site.side_name):
        claims = sides[side]
        contested = [e for e in claims if site.is_contested(e.id)]
        example = (contested or claims)[0]
        count = f"{len(claims)} claim{'s' if len(claims) > 1 else ''}"
        count += f", {len(contested)} contradicted" if contested else ""
        rows.append(
            mk.html(
                "<strong>{}</strong> ({}){}: {}",
                mk.text(site.side_name(side)),
                count,
                ", for example" if len(claims) > 1 else "",
                mk.link(example.claim.paraphrase, here, paths.claim(example.id)),
            )
        )
    return mk.bullets(rows)


def _metadata_box(site: Site, document: SourceDocument, here: str) -> Markup:
    meta = document.meta
    hops = len(meta.chain)
    unverified = unverified_hops(document)
    rows = [
        ("Topic", mk.link(site.corpus.topics[meta.topic].title, here, paths.topic(meta.topic))),
        ("Date of the events", mk.date_text(meta.event_date)),
        (
            "Copy held",
            entity_link(site, meta.outlet, here)
            + (
                mk.html(" ({})", mk.external("original page", meta.url))
                if meta.url
                else Markup(" (no address recorded)")
            ),
        ),
        ("Author", mk.text(meta.author) if meta.author else Markup("<em>not named</em>")),
        *(
            [
                (
                    "Filed from",
                    entity_links(site, site.filed_from[meta.id], here) + Markup(" <small>(dateline only)</small>"),
                )
            ]
            if site.filed_from[meta.id]
            else []
        ),
        (
            "Date of the copy",
            mk.date_text(meta.published) if meta.published else Markup("<em>not shown in the copy</em>"),
        ),
        (
            "Language",
            mk.html("{} <small>({})</small>", mk.text(writing.language_name(meta.language)), mk.text(meta.language)),
        ),
        *(
            [("Translations", mk.join("; ", (translator_label(site, t, here) for t in meta.translations)))]
            if meta.translations
            else []
        ),
        ("Kind", mk.text(label(meta.kind))),
        (
            "Source chain",
            mk.html(
                "{} ({:,} hop{}, {:,} unverified)",
                chain_line(site, document, here),
                hops,
                "s" if hops != 1 else "",
                unverified,
            ),
        ),
        (
            "Independent sources",
            mk.html(
                "{:,}: {} (the originals the copy rests on; republications count as their original)",
                len(site.originals[meta.id]),
                named_links(site, site.originals[meta.id], here),
            ),
        ),
        ("Copy", mk.text(f"partial: {PARTIAL[meta.partial]}" if meta.partial else "whole text as published")),
    ]
    return mk.facts(rows)


def _how_it_reached_us(hops: int, unverified: int, originals: int, longest: int) -> Markup:
    """How many hops, and how many lie on the longest path from an original to the copy
    held: all of them in a single line of hops."""
    if hops == 1:
        return mk.html("the copy held is the original{}", ", unverified" if unverified else ", linked")
    if longest == hops:
        return mk.html(
            "{:,} hops from the original{} to the copy held, {:,} of them unverified",
            hops,
            "s" if originals != 1 else "",
            unverified,
        )
    return mk.html(
        "{:,} hops, {:,} of them unverified; the longest path from an original to the copy held is {:,} hops long",
        hops,
        unverified,
        longest,
    )


PARTIAL = {"opening": "only the opening of the page could be kept", "excerpt": "an excerpt of the page"}


def _independent(site: Site, originals: list[str], here: str) -> Markup:
    """``2 independent sources (BBC, Sky News)``: the hops that draw on nothing."""
    count = f"{len(originals):,} independent source{'s' if len(originals) != 1 else ''}"
    return mk.html("{} ({})", count, named_links(site, originals, here))


def _copy_note(site: Site, document: SourceDocument, here: str) -> Markup:
    if document.meta.note is None:
        return Markup()
    return mk.admonition("note", "About this copy", [mk.prose(document.meta.note)])


def _translation_notes(site: Site, document: SourceDocument, here: str) -> Markup:
    """What a reader should know of each translation: who made it, from which version of the
    text, and its note."""
    told = [t for t in document.meta.translations if t.note is not None or t.source_version is not None]
    if not told:
        return Markup()
    blocks = []
    for translation in told:
        blocks.append(mk.para(mk.html("<strong>{}</strong>", translator_label(site, translation, here))))
        if translation.source_version is not None:
            blocks.append(mk.para(mk.html("Translated from: {}", mk.text(translation.source_version))))
        if translation.note is not None:
            blocks.append(mk.prose(translation.note))
    title = "About the translation" if len(document.meta.translations) == 1 else "About the translations"
    return mk.admonition("note", title, blocks)


def _chain(site: Site, document: SourceDocument, here: str, layout: Layout) -> mk.Block:
    """Each hop: its outlet, role, date, link, what it drew on and what the text says. Of a
    cut graph, the hops it draws, in the chain's order, and how many lie between them."""
    chain = document.meta.chain
    listed = [
        (index, _hop(site, document, index, here)) for index, hop in enumerate(chain) if hop.outlet in layout.drawn
    ]
    if layout.whole:
        return mk.numbered([(paths.hop_anchor(index), line) for index, line in listed])
    runs: list[list[tuple[int, Markup]]] = []
    for index, line in listed:
        if runs and runs[-1][-1][0] == index - 1:
            runs[-1].append((index, line))
        else:
            runs.append([(index, line)])
    blocks: list[mk.Block] = []
    after = 0  # the first hop not yet listed or counted
    for run in runs:
        blocks += [_not_listed(run[0][0] - after, here), _numbered_from(run)]
        after = run[-1][0] + 1
    blocks.append(_not_listed(len(chain) - after, here))
    return blocks


def _hop(site: Site, document: SourceDocument, index: int, here: str) -> Markup:
    hop = document.meta.chain[index]
    role = mk.text(ROLE_LABELS[hop.role] + (" · the copy held" if index == len(document.meta.chain) - 1 else ""))
    if hop.language is not None:
        role += mk.html(" · in {}", mk.text(writing.language_name(hop.language)))
    parts = [mk.html("<strong>{}</strong>", entity_link(site, hop.outlet, here)), role]
    if hop.date is not None:
        parts.append(mk.date_text(hop.date))
    parts.append(
        mk.external("link", hop.url) if hop.url else Markup('<span class="unverified">unverified: no link</span>')
    )
    line = mk.join(" · ", parts)
    drew = site.graphs[document.meta.id][hop.outlet]
    line += (
        mk.html("<br>Drew on {}", named_links(site, drew, here))
        if drew
        else Markup("<br>An original: draws on no other hop")
    )
    if hop.evidence:
        line += mk.html("<br>The text says: &ldquo;{}&rdquo;", mk.text(hop.evidence))
    if hop.note:
        line += mk.html("<br>{}", mk.text(hop.note))
    return line


def _numbered_from(run: list[tuple[int, Markup]]) -> mk.Anchored:
    """Hops listed with their own numbers in the chain (``run`` holds consecutive ones)."""
    body = mk.join("", (mk.html('<li id="{}">{}</li>', paths.hop_anchor(index), line) for index, line in run))
    return mk.Anchored(
        mk.html('<ol start="{}">{}</ol>', run[0][0] + 1, body), tuple(paths.hop_anchor(i) for i, _ in run)
    )


def _not_listed(count: int, here: str) -> Markup:
    if count <= 0:
        return Markup()
    hops = f"{count:,} hop{'s' if count != 1 else ''}"
    return mk.note(
        mk.html(
            "&hellip; {} not drawn or listed here: see {} &hellip;", hops, mk.link("chain_hops.csv", here, HOPS_FILE)
        )
    )


def _text_legend(document: SourceDocument) -> Markup:
    language = writing.language_name(document.meta.language)
    if document.translations:
        lines = [
            mk.html(
                "The text below is the copy held, verbatim, in {}, with its translation beside it (a switch between "
                "the two on a small screen), also verbatim as its translator published it. <mark "
                'class="claim-quote">Highlighted</mark> passages carry the claims listed under <a '
                'href="#claims">Claims</a>, in both texts where the translation is pinned too; names of parties, '
                "places and outlets link to their pages.",
                mk.text(language),
            )
        ]
    else:
        lines = [
            mk.html(
                "The text below is the copy held, verbatim{}"
                '. <mark class="claim-quote">Highlighted</mark> passages carry the claims listed under '
                '<a href="#claims">Claims</a>; names of parties, places and outlets link to their pages.',
                Markup() if language == "English" else mk.html(", in {}", mk.text(language)),
            )
        ]
    if document.meta.boilerplate:
        kinds = sorted({label_of(item.kind) for item in document.meta.boilerplate})
        lines.append(
            mk.html(
                '<span class="boilerplate">Dimmed</span> passages are part of the copy but not of the report ({}).',
                mk.text(", ".join(kinds)),
            )
        )
    return mk.para(mk.join(" ", lines))


def _entities(site: Site, document: SourceDocument, here: str, parties: bool) -> Markup:
    party_ids, place_ids = document_entities(site, document)
    ids = party_ids if parties else place_ids
    return list_or_none([entity_link(site, entity_id, here) for entity_id in ids])


RELATED_LIMIT = 10


def _related(site: Site, document: SourceDocument, here: str) -> Markup:
    """Other documents of the same topic, newest first."""
    newest = site.documents_newest_first(document.meta.topic, RELATED_LIMIT + 1)
    others = [d for d in newest if d.meta.id != document.meta.id][:RELATED_LIMIT]
    items = [
        mk.html("{} ({})", mk.link(d.meta.title, here, paths.document(d.meta.id)), mk.date_text(d.meta.event_date))
        for d in others
    ]
    return list_or_none(items, "No other documents on this topic yet.")


def render_original(site: Site, document: SourceDocument) -> mk.Page:
    """The text alone, in its own language (a text not in English), linking back to the
    document's page. The page is in that language; where site search cuts that language's
    words on such a page only (Thai, Chinese, Japanese), the text is searched here."""
    meta = document.meta
    here = paths.original(meta.id)
    language = writing.language_name(meta.language)
    return mk.page(
        mk.front_matter(
            f"{meta.title} (original, {language})",
            meta.summary,
            topic=topic_tag(site, meta.topic, here),
            kind="Document",
            language=meta.language,
            searched=searched_apart(meta.language),
        ),
        mk.heading(1, f"{meta.title}: the original, in {language}"),
        mk.unsearched(
            mk.para(
                mk.html(
                    "The text as published by {}, verbatim, in {}. {} shows it {}with its claims, its source chain "
                    "and its dates.",
                    entity_link(site, meta.outlet, here),
                    mk.text(language),
                    mk.link("The document", here, paths.document(meta.id)),
                    "beside its translation, " if document.translations else "",
                )
            )
        ),
        original_text(site, document, here),
    )
