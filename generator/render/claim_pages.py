"""The page of each claim, and the claims index with contested claims side by side."""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

from generator import inputs
from generator.model import parts
from generator.model.entries import ClaimEntry, figure_series
from generator.model.site import UNNAMED, Site
from generator.render import markup as mk
from generator.render import paths, structured_data
from generator.render.charts import capped_figures
from generator.render.common import (
    carriers_html,
    citations,
    claim_link,
    claimant_html,
    claimant_name,
    contested_badge,
    date_range,
    entity_links,
    events_html,
    figure_over_time,
    independent_sources,
    label,
    number,
    quote_link,
    said_html,
    said_short,
    status_badge,
    topic_tag,
)
from generator.render.paginate import Pages, numbered_parts
from generator.render.source_text import is_site_language, translator_label
from generator.text import writing


def render_claim(site: Site, entry: ClaimEntry) -> mk.Page:
    claim = entry.claim
    here = paths.claim(entry.id)
    document = entry.document
    facts = [
        ("Claimant", claimant_html(site, claim, here)),
        ("Said", said_html(site, entry)),
        ("Events it is about", events_html(entry)),
        ("Reported", carriers_html(site, entry, here)),
        ("Kind", mk.text(label(claim.kind))),
        ("Status", status_badge(claim.status, here)),
        (
            "Document",
            mk.html(
                "{} ({})", mk.link(document.meta.title, here, paths.document(document.meta.id)), quote_link(entry, here)
            ),
        ),
    ]
    facts.append(("Independent sources", independent_sources(site, entry, here)))
    if claim.question:
        _topic, question = site.questions[claim.question]
        facts.append(("Question", mk.link(question.text, here, paths.question(question.id))))
    if claim.figure:
        facts.append(("Figure", figure_over_time(site, entry, here)))
    if claim.subjects:
        facts.append(("About", entity_links(site, claim.subjects, here)))
    title = f"{claimant_name(site, claim)}: {claim.paraphrase}"
    topic_id = document.meta.topic
    return mk.page(
        mk.front_matter(title, claim.paraphrase, topic=topic_tag(site, topic_id, here), kind="Claim"),
        mk.heading(1, claim.paraphrase),
        _quotes(site, entry, here),
        mk.facts(facts),
        _note(site, entry, here),
        mk.unsearched(_relations(site, entry, here)),
        structured_data.script(structured_data.claim(site, entry)),
    )


def _note(site: Site, entry: ClaimEntry, here: str) -> list[mk.Block]:
    claim = entry.claim
    if not claim.note and not claim.sources:
        return []
    parts: list[mk.Block] = [mk.heading(2, "Note on the status", "note")]
    if claim.note:
        parts.append(mk.prose(claim.note))
    if claim.sources:
        parts.append(mk.para(mk.html("Sources: {}", citations(site, claim.sources, here))))
    return parts


def _relations(site: Site, entry: ClaimEntry, here: str) -> list[mk.Block]:
    parts: list[mk.Block] = []
    for relation, title in (
        ("disputes", "Contradicted by"),
        ("supports", "Supports"),
        ("supported_by", "Supported by"),
    ):
        others = getattr(site, relation).get(entry.id, [])
        if others:
            parts.append(mk.heading(2, title, relation))
            parts.append(
                mk.bullets(
                    mk.html(
                        "{}: {} {}",
                        claimant_html(site, site.claims[o].claim, here),
                        claim_link(site.claims[o], here),
                        status_badge(site.claims[o].claim.status, here),
                    )
                    for o in others
                )
            )
    return parts


def render_claims_index(site: Site) -> mk.Page:
    """Every topic's questions with their counts; each question has its own page."""
    here = paths.CLAIMS
    head = mk.front_matter("Claims", "Every claim by topic and question, contradicting claims side by side.")
    blocks: list[mk.Block] = [
        mk.heading(1, "Claims"),
        mk.para(
            Markup(
                "Every claim recorded, by topic and by the question it answers. Each question's page puts the "
                "competing claims side by side, each with its status and a link to its exact quote."
            )
        ),
    ]
    for topic in sorted(site.corpus.topics.values(), key=lambda t: t.title):
        rows = []
        for question in topic.questions:
            entries = site.claims_on(question.id)
            if entries:
                contested = sum(1 for e in entries if site.is_contested(e.id))
                rows.append(
                    (
                        mk.link(question.text, here, paths.question(question.id)),
                        mk.html("{}", len(entries)),
                        mk.html("{}", contested),
                    )
                )
        loose = site.unquestioned_claims(topic.id)
        if not rows and not loose:
            continue
        blocks.append(mk.heading(2, topic.title, f"topic-{topic.id}"))
        blocks.append(mk.para(mk.link("Who claims what, as a table", here, paths.topic(topic.id), "who-claims-what")))
        if rows:
            blocks.append(mk.table(("Question", "Claims", "Contradicted"), rows))
        if loose:
            blocks.append(mk.heading(3, "Other claims", f"other-{topic.id}"))
            shown = loose[:LIST_LIMIT]
            blocks.append(side_by_side(site, by_claimant(site, shown), here))
            if len(loose) > LIST_LIMIT:
                blocks.append(
                    mk.note(
                        mk.html("The {} newest of {}; every claim is on its document's page.", LIST_LIMIT, len(loose))
                    )
                )
    return mk.page(head, *blocks)


def render_question(site: Site, topic: inputs.Topic, question: inputs.Question) -> tuple[mk.Page, Pages]:
    """A question's page, and the parts of its full list of claims when it has many."""
    here = paths.question(question.id)
    entries = by_claimant(site, site.claims_on(question.id))
    series = figure_series(entries)
    claims, extra = _question_claims(site, question, entries, here)
    page = mk.page(
        mk.front_matter(
            question.text,
            f"Every claim on: {question.text}",
            topic=topic_tag(site, topic.id, here),
            kind="Question",
        ),
        mk.heading(1, question.text),
        mk.para(
            mk.html(
                "A question of {}: {} claim{}, side by side by who makes them.",
                mk.link(topic.title, here, paths.topic(topic.id)),
                len(entries),
                "s" if len(entries) != 1 else "",
            )
        ),
        claims,
        mk.heading(2, "Figures, by who gave them", "figures") if series else Markup(),
        capped_figures(site, series, here, "every count is on its claim's page") if series else Markup(),
    )
    return page, extra


def _question_claims(
    site: Site, question: inputs.Question, entries: list[ClaimEntry], here: str
) -> tuple[mk.Block, Pages]:
    """The claims side by side: all of them, or, past ``parts.BACKLINK_LIMIT``, that many a
    side, with every claim in numbered parts under ``lists/``."""
    if not entries:
        return mk.note(Markup("No claims recorded yet.")), []
    if len(entries) <= parts.BACKLINK_LIMIT:
        return side_by_side(site, entries, here, facing=question.parties), []
    links, pages = numbered_parts(
        here,
        "Back to the question",
        f"questions-{question.id}",
        question.text,
        f"Claims on: {question.text}",
        entries,
        lambda part, at: side_by_side(site, part, at, facing=question.parties),
    )
    shown = side_by_side(site, entries, here, per_side=parts.BACKLINK_LIMIT, more=pages[0][0], facing=question.parties)
    every = mk.html("Up to {} claims a side here; all {}, in parts: {}", parts.BACKLINK_LIMIT, len(entries), links)
    return [shown, mk.para(every)], pages


LIST_LIMIT = 50


Disputes = list[tuple[inputs.Question, list[ClaimEntry]]]  # questions, each with its contested claims


def contested_questions(site: Site, questions: Iterable[inputs.Question]) -> Disputes:
    """The questions that have contested claims, in the order given."""
    pairs = ((question, site.contested_on(question.id)) for question in questions)
    return [(question, entries) for question, entries in pairs if entries]


def most_contested(disputes: Disputes, limit: int) -> Disputes:
    """The ``limit`` questions with the most contested claims, most first."""
    return sorted(disputes, key=lambda pair: (-len(pair[1]), pair[0].text))[:limit]


def disputes_side_by_side(site: Site, disputes: Disputes, here: str) -> list[mk.Block]:
    """Each question, and three of its contested claims per side, linking to the rest."""
    blocks: list[mk.Block] = []
    for question, entries in disputes:
        blocks.append(mk.heading(3, question.text))
        blocks.append(
            side_by_side(
                site,
                by_claimant(site, entries),
                here,
                per_side=3,
                more=paths.question(question.id),
                facing=question.parties,
            )
        )
    return blocks


def by_claimant(site: Site, entries: list[ClaimEntry]) -> list[ClaimEntry]:
    """Claims grouped by who makes them, so one side's claims stand together."""
    return sorted(entries, key=lambda e: (claimant_name(site, e.claim), e.id))


def side_by_side(
    site: Site,
    entries: list[ClaimEntry],
    here: str,
    per_side: int | None = None,
    more: str | None = None,
    facing: Iterable[str] = (),
) -> Markup:
    """Competing claims in columns, one per side ("Azerbaijan says / Armenia says"),
    each claim with its claimant, carrier, status and a link to its exact quote.
    The sides of the parties ``facing`` (a question's disputing parties) come first, face
    to face; the others (outlets in their own voice, unnamed sources, third parties) below.
    With ``per_side``, each column shows that many and links to ``more`` for the rest.
    Raw HTML (the theme's grid of cards), escaped here."""
    sides: dict[str, list[ClaimEntry]] = {}
    for entry in entries:
        sides.setdefault(site.side_of(entry.claim.claimant), []).append(entry)
    first = [side for side in dict.fromkeys(site.side_of(party) for party in facing) if side in sides]
    rest = sorted((side for side in sides if side not in first), key=site.side_name)
    if not first:
        return _cards(site, sides, rest, here, per_side, more)
    grids = [_cards(site, sides, first, here, per_side, more, "face-to-face")]
    if rest:
        grids.append(mk.html("<p><strong>Others</strong></p>{}", _cards(site, sides, rest, here, per_side, more)))
    return mk.join("", grids)


def _says(site: Site, side: str) -> str:
    """``Thailand says``, ``Unnamed sources say``."""
    return f"{site.side_name(side)} {'say' if side == UNNAMED else 'says'}"


def _cards(
    site: Site,
    sides: dict[str, list[ClaimEntry]],
    order: list[str],
    here: str,
    per_side: int | None,
    more: str | None,
    extra_class: str = "",
) -> Markup:
    cards = []
    for side in order:
        shown = sides[side][:per_side] if per_side else sides[side]
        hidden = len(sides[side]) - len(shown)
        items = []
        for entry in shown:
            claim = entry.claim
            carrier = carriers_html(site, entry, here)
            against = Markup()
            if site.disputes.get(entry.id):
                names = sorted({claimant_name(site, site.claims[o].claim) for o in site.disputes[entry.id]})
                against = mk.html("<br><small>Contradicted by {}</small>", mk.text(", ".join(names)))
            items.append(
                mk.html(
                    "<li>{}<br>{} · {} · {} · {}{}</li>",
                    mk.link(claim.paraphrase, here, paths.claim(entry.id)),
                    claimant_html(site, claim, here),
                    status_badge(claim.status, here),
                    carrier,
                    quote_link(entry, here, "exact quote"),
                    against,
                )
            )
        if hidden and more:
            items.append(mk.html("<li>{}</li>", mk.link(f"{hidden} more", here, more)))
        cards.append(
            mk.html("<li><p><strong>{}</strong></p><ul>{}</ul></li>", mk.text(_says(site, side)), mk.join("", items))
        )
    classes = f"grid cards {extra_class}".strip()
    return mk.html('<div class="{}"><ul>{}</ul></div>', classes, mk.join("", cards))


def claim_matrix(site: Site, topic_id: str, here: str) -> Markup:
    """Questions as rows, sides as columns, each cell the side's claims; contested rows marked."""
    topic = site.corpus.topics[topic_id]
    rows_data = [(q, site.claims_on(q.id)) for q in topic.questions]
    rows_data = [(q, entries) for q, entries in rows_data if entries]
    if not rows_data:
        return Markup()
    outlets = "outlets"  # outlets speaking in their own voice share one column

    def column(entry: ClaimEntry) -> str:
        side = site.side_of(entry.claim.claimant)
        return side if side in site.corpus.parties or side == UNNAMED else outlets

    sides = sorted(
        {column(e) for _, entries in rows_data for e in entries},
        key=lambda s: (s == outlets, s != outlets and site.side_name(s)),
    )
    header = [
        "Question",
        *("Outlets, in their own words" if side == outlets else site.side_name(side) for side in sides),
    ]
    rows = []
    for question, entries in rows_data:
        contested = any(site.is_contested(e.id) for e in entries)
        label_cell = mk.link(question.text, here, paths.question(question.id))
        if contested:
            label_cell = mk.html("{} {}", label_cell, contested_badge(here))
        cells = [label_cell]
        for side in sides:
            mine = [e for e in entries if column(e) == side]
            cell = mk.join("<br>", (_matrix_cell(site, e, here) for e in mine[:MATRIX_CELL_LIMIT])) or Markup("&mdash;")
            if len(mine) > MATRIX_CELL_LIMIT:
                cell += Markup("<br>") + mk.link(
                    f"{len(mine) - MATRIX_CELL_LIMIT} more", here, paths.question(question.id)
                )
            cells.append(cell)
        rows.append(cells)
    return mk.html('<div class="claim-matrix">{}</div>', mk.table(header, rows))


MATRIX_CELL_LIMIT = 3


def _matrix_cell(site: Site, entry: ClaimEntry, here: str) -> Markup:
    claim = entry.claim
    short = mk.shorten(entry.quote, 60)
    own_voice = claim.via == [claim.claimant] and claim.unnamed_source is None
    carrier = f", via {' and '.join(site.entity_name(o) for o in claim.via)}" if claim.via and not own_voice else ""
    figure = (
        mk.html(" {}: <strong>{}</strong>.", mk.text(claim.figure.unit), number(claim.figure.value))
        if claim.figure
        else Markup()
    )
    events = mk.html(", about {}", date_range(*entry.events)) if entry.events else Markup()
    byline = mk.html("{}, {}{}", mk.text(claimant_name(site, claim) + carrier), said_short(entry), events)
    return mk.html(
        "&ldquo;{}&rdquo;{} <small>{}</small> {}",
        quote_link(entry, here, short),
        figure,
        byline,
        status_badge(claim.status, here),
    )


def _quotes(site: Site, entry: ClaimEntry, here: str) -> Markup:
    """The claim's words as its document gives them, in the text's own language and direction,
    and in the translation beside the text where the claim is pinned there too."""
    document = entry.document
    language = document.meta.language
    original = (
        mk.html(
            '<p lang="{}" dir="{}">{}</p><p>&mdash; as quoted in {}',
            mk.attr(language),
            writing.direction(entry.quote),
            mk.text(entry.quote),
            quote_link(entry, here, document.meta.title),
        )
        + (Markup() if is_site_language(language) else mk.html(", in {}", mk.text(writing.language_name(language))))
        + Markup("</p>")
    )
    translated = entry.quote_translated
    if translated is None:
        return mk.html("<blockquote>{}</blockquote>", original)
    first = document.translations[0].meta
    document_page = paths.document(document.meta.id)
    there = mk.link("in the translation", here, document_page, paths.translated_quote_anchor(entry.id))
    return mk.html(
        '<blockquote>{}<p lang="{}" dir="{}">{}</p><p>&mdash; {}: {}</p></blockquote>',
        original,
        mk.attr(first.language),
        writing.direction(translated),
        mk.text(translated),
        there,
        translator_label(site, first, here),
    )
