"""Small pieces that several page kinds show: links, claim rows, citations, chains."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

from markupsafe import Markup

from generator import inputs
from generator.facts.tenures import build_day, held_before
from generator.model.entries import ClaimEntry, FigurePoint, FigureSeries, figure_series
from generator.model.site import Site, TenureT, current
from generator.render import markup as mk
from generator.render import paths
from generator.validate.corpus import SourceDocument

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
    "own-reporting": "own story from others' reporting",
    "republisher": "republished",
    "aggregator": "aggregated",
    "translation": "translated",
}


def label(value: str) -> str:
    """A kind or role id as words: ``casualty-report`` → ``casualty report``."""
    return value.replace("-", " ")


Tagged = inputs.Topic | inputs.Party | inputs.Location | inputs.Outlet
_TAGGED = {inputs.Topic: "topic", inputs.Party: "party", inputs.Location: "place", inputs.Outlet: "outlet"}


def tags_of(entity: Tagged) -> list[str]:
    """The tags of a topic's, party's, place's or outlet's page, under which the tags page
    lists it: what it is, and (but for a topic) what sort of it."""
    if isinstance(entity, inputs.Topic):
        return [_TAGGED[inputs.Topic]]
    return [label(entity.kind), _TAGGED[type(entity)]]


def tag_links(tags: Iterable[str], here: str) -> list[tuple[str, str]]:
    """Each tag of the page ``here``, with the URL of its list on the tags page."""
    to_tags = mk.relative_url(here, paths.TAGS)
    return [(tag, f"{to_tags}#{paths.tag_anchor(tag)}") for tag in tags]


def entity_link(site: Site, entity_id: str, here: str) -> Markup:
    kind = site.entity_kind(entity_id)
    return mk.link(site.entity_name(entity_id), here, paths.entity(kind, entity_id))


def entity_links(site: Site, entity_ids: Iterable[str], here: str) -> Markup:
    return mk.join(", ", (entity_link(site, entity_id, here) for entity_id in entity_ids))


def document_link(document: SourceDocument, here: str) -> Markup:
    return mk.link(document.meta.title, here, paths.document(document.meta.id))


def claim_link(entry: ClaimEntry, here: str) -> Markup:
    return mk.link(entry.claim.paraphrase, here, paths.claim(entry.id))


def topic_tag(site: Site, topic_id: str, here: str) -> tuple[str, str]:
    """The tag of a topic on the page ``here`` of one of its documents, claims or questions."""
    return mk.topic_tag(site.corpus.topics[topic_id].title, here, paths.topic(topic_id))


def quote_link(entry: ClaimEntry, here: str, label_text: str = "quote in context") -> Markup:
    return mk.link(label_text, here, paths.document(entry.document.meta.id), paths.quote_anchor(entry.id))


def claimant_name(site: Site, claim: inputs.Claim) -> str:
    """Who makes the claim, as plain text: a name, or an unnamed source in words."""
    if claim.unnamed_source is None:
        assert claim.claimant is not None
        return site.entity_name(claim.claimant)
    words = _capitalised(claim.unnamed_source)
    return f"{words} (for {site.entity_name(claim.claimant)})" if claim.claimant else words


def claimant_html(site: Site, claim: inputs.Claim, here: str) -> Markup:
    """Who makes the claim, linked: a party or outlet, or an unnamed source and the party it speaks for."""
    if claim.unnamed_source is None:
        assert claim.claimant is not None
        return entity_link(site, claim.claimant, here)
    words = mk.text(_capitalised(claim.unnamed_source))
    speaks_for = (
        mk.html(", speaking for {}", entity_link(site, claim.claimant, here))
        if claim.claimant
        else Markup(", party not known")
    )
    return mk.html("{} <small>(unnamed{})</small>", words, speaks_for)


def _capitalised(words: str) -> str:
    return words[:1].upper() + words[1:]


def carriers_html(site: Site, entry: ClaimEntry, here: str) -> Markup:
    """``via Reuters``, ``via CNN and The Associated Press``; a carrier inferred from a
    chain with one original says so."""
    if entry.claim.via == [entry.claim.claimant] and entry.claim.unnamed_source is None:
        return Markup("in its own voice")
    if entry.claim.via:
        return Markup("via ") + _and(entity_link(site, outlet, here) for outlet in entry.claim.via)
    traced = site.traced[entry.id]
    if traced:
        return mk.html("via {} <small>(the chain's original)</small>", entity_link(site, traced[0], here))
    return Markup("outlet not named")


def _and(items: Iterable[Markup]) -> Markup:
    listed = list(items)
    return mk.html("{} and {}", mk.join(", ", listed[:-1]), listed[-1]) if len(listed) > 1 else mk.join("", listed)


def said_html(site: Site, entry: ClaimEntry) -> Markup:
    """When the claim was made, and what that rests on; where the day is not known, the
    latest day it can have been made, saying so. Never another date borrowed."""
    said = entry.said
    if said.basis == "recorded":
        return mk.date_text(said.on)
    if said.basis == "published":
        assert said.outlet is not None
        who = mk.text(site.entity_name(said.outlet))
        return mk.html("{} <small>(the day {} published its own words)</small>", mk.date_text(said.on), who)
    if said.basis == "bound":
        assert said.outlet is not None
        who = mk.text(site.entity_name(said.outlet))
        return mk.html(
            "not stated; by {} at the latest <small>(the day {} published it)</small>", mk.date_text(said.by), who
        )
    return Markup("not recorded")


def said_short(entry: ClaimEntry) -> str:
    """``said 24 July 2025``, ``said by 24 July 2025``, ``date said not known``: plain text."""
    said = entry.said
    if said.on is not None:
        return f"said {mk.date_text(said.on)}"
    if said.by is not None:
        return f"said by {mk.date_text(said.by)}"
    return "date said not known"


def events_html(entry: ClaimEntry) -> Markup:
    """The day or days of the events the claim is about, or that they are not recorded."""
    if entry.events is None:
        return Markup("not recorded")
    return date_range(*entry.events)


def independent_sources(site: Site, entry: ClaimEntry, here: str) -> Markup:
    """``2: BBC, Sky News (traced separately)``; a claim traced only as far as a
    republisher says so."""
    origins = site.independent_origins(entry.id)
    if not origins:
        return Markup("none traced")
    listed = mk.html("{}: {}", len(origins), entity_links(site, origins, here))
    if len(origins) > 1:
        return listed + " (traced separately, none drawing on another)"
    if not site.is_original(entry.document, origins[0]) and origins[0] in site.traced[entry.id]:
        return listed + " (traced no further than this hop: not to an original)"
    return listed + " (republications count as their original)"


# What each status means, for the reader (the "How to read this site" page) and the badge's link.
STATUS_MEANINGS = {
    "unverified": "Nothing found confirms or refutes the claim: it is what the claimant says, no more.",
    "disputed": "Credible sources, or another party, contradict the claim; the claims it is contradicted by "
    "are shown beside it.",
    "corroborated": "Independent sources found outside the text confirm the claim; they are cited on the claim's page.",
    "false": "Credible sources show the claim to be wrong; they are cited on the claim's page.",
    "outdated": "The claim was true, or claimed, at the time, but a later figure or event has replaced it; "
    "the later counts are shown with it.",
}


def status_badge(status: str, here: str) -> Markup:
    """The status as a badge that links to what the status means."""
    return mk.link_html(
        mk.html('<span class="status status-{}">{}</span>', status, STATUS_LABELS[status]),
        here,
        paths.READING,
        f"status-{status}",
    )


def contested_badge(here: str) -> Markup:
    return mk.link_html(
        Markup('<span class="status status-disputed">contested</span>'), here, paths.READING, "contested"
    )


def claims_table(site: Site, entries: Iterable[ClaimEntry], here: str) -> Markup:
    """A table of claims: claimant, claim, status and a link to the quote."""
    rows = []
    for entry in entries:
        rows.append(
            (
                claimant_html(site, entry.claim, here),
                claim_link(entry, here),
                status_badge(entry.claim.status, here),
                quote_link(entry, here, "quote"),
            )
        )
    if not rows:
        return Markup()
    return mk.table(("Claimant", "Claim", "Status", "Source"), rows)


def citations(site: Site, sources: Iterable[inputs.Citation], here: str) -> Markup:
    """Sources as an inline list: our documents by title, web pages by title or host."""
    parts = []
    for source in sources:
        if source.document is not None:
            parts.append(document_link(site.corpus.documents[source.document], here))
        else:
            assert source.url is not None
            title = source.title or source.url
            publisher = mk.html(" ({})", mk.text(source.publisher)) if source.publisher else Markup()
            parts.append(mk.external(title, source.url) + publisher)
    # Left out of search: a result's excerpt opens on the page's own words, not on a citation.
    return mk.html("<span data-pagefind-ignore>{}</span>", mk.join("; ", parts)) if parts else Markup()


def sources_line(site: Site, sources: Iterable[inputs.Citation], here: str) -> Markup:
    listed = citations(site, sources, here)
    return mk.para(mk.html("<small>Sources: {}</small>", listed)) if listed else Markup()


def unverified_hops(document: SourceDocument) -> int:
    return sum(1 for hop in document.meta.chain if hop.url is None)


def list_or_none(items: Sequence[Markup], none: str = "None recorded.") -> Markup:
    return mk.bullets(items) if items else mk.note(mk.text(none))


def date_range(start: object, end: object | None) -> Markup:
    """``11 May 2023``, ``1–4 May 2023``, ``27 September – 10 November 2020``."""
    if end is None or end == start:
        return mk.date_text(start)
    if (start.year, start.month) == (end.year, end.month):  # type: ignore[attr-defined]
        return mk.html("{}&ndash;{}", start.day, mk.date_text(end))  # type: ignore[attr-defined]
    if start.year == end.year:  # type: ignore[attr-defined]
        return mk.html("{} {} &ndash; {}", start.day, f"{start:%B}", mk.date_text(end))  # type: ignore[attr-defined]
    return mk.html("{} &ndash; {}", mk.date_text(start), mk.date_text(end))


def number(value: float | Decimal) -> str:
    """A count as its source writes it: ``35,000``, ``1,234,567``, ``2.5``, ``0.0000001``: the
    shortest decimal that reads back as the same number (a figure of at most 15 significant
    digits, as validation allows, is that figure), in plain digits, never rounded, never in
    scientific notation."""
    if value == 0:
        return "0"  # never -0
    return f"{Decimal(repr(float(value))).normalize():,f}"


def figure_over_time(site: Site, entry: ClaimEntry, here: str) -> Markup:
    """The claim's count, then every other count of it by who gave it: a revised count
    never reads as one silent number, and two givers never share one series."""
    figure = entry.claim.figure
    if figure is None:
        return Markup()
    when = f"as of {mk.date_text(figure.as_of)}" if figure.as_of else "undated"
    shown = mk.html(
        "{}: <strong>{}</strong> ({}, given by {})",
        mk.text(_capitalised(figure.unit)),
        number(figure.value),
        when,
        mk.text(claimant_name(site, entry.claim)),
    )
    if not figure.revisions:
        return shown
    return mk.html("{}<br>Counts over time, by who gave them:", shown) + figure_series_list(
        site, figure_series([entry]), here
    )


def figure_series_list(site: Site, series: list[FigureSeries], here: str, points: int | None = None) -> Markup:
    """One line per giver and thing counted: ``Armenian soldiers killed, by Nikol Pashinyan:
    49 (13 September 2022; source) → 105 (...)`` (a claim's counts over time; a topic's and a
    question's are charts, ``charts``). With ``points``, a longer series shows its first
    count and its newest ones, ``points`` in all, and says how many it leaves out."""
    lines = []
    for one in series:
        if one.giver is None:  # on a claim's page, its own document's
            speaks_for = (
                mk.html(", speaking for {}", entity_link(site, one.speaks_for, here)) if one.speaks_for else Markup()
            )
            giver = (
                mk.text(_capitalised(one.giver_words)) + mk.html(" <small>(unnamed{})</small>", speaks_for)
                if one.giver_words
                else Markup("not attributed")
            )
        else:
            giver = entity_link(site, one.giver, here)
        shown = one.points if points is None or len(one.points) <= points else one.points[-(points - 1) :]
        steps = mk.join(" &rarr; ", (_figure_point(site, point, here) for point in shown))
        if len(shown) < len(one.points):
            first = _figure_point(site, one.points[0], here)
            steps = mk.html("{} &rarr; <em>{} more</em> &rarr; {}", first, len(one.points) - len(shown) - 1, steps)
        lines.append(mk.html("{}, by {}: {}", mk.text(_capitalised(one.unit)), giver, steps))
    return mk.bullets(lines)


def _figure_point(site: Site, point: FigurePoint, here: str) -> Markup:
    when = mk.date_text(point.as_of) if point.as_of else "undated"
    if point.revision is None:
        source = mk.link("the claim", here, paths.claim(point.claim.id))
        return mk.html("<strong>{}</strong> ({}; {})", number(point.value), when, source)
    note = mk.html(", {}", mk.text(point.revision.note.rstrip("."))) if point.revision.note else Markup()
    return mk.html(
        "<strong>{}</strong> ({}{}; {})",
        number(point.value),
        when,
        note,
        citations(site, [point.revision.source], here),
    )


def tenure_text(tenure: inputs.Tenure) -> Markup:
    """``since 20 September 2023``, ``2 September 1991 – 20 September 2023``, ``as of 24 July 2025``;
    an end still to come is one set: ``since 1 January 2024, due to end 31 December 2026``."""
    ended = tenure.until is not None and tenure.until <= build_day()  # its last day is today: not to come
    if tenure.since is not None and tenure.until is not None and ended:
        return date_range(tenure.since, tenure.until)
    held = [mk.html("since {}", mk.date_text(tenure.since))] if tenure.since is not None else []
    if tenure.as_of is not None:
        held.append(mk.html("as of {}", mk.date_text(tenure.as_of)))
    if tenure.until is not None:
        held.append(mk.html("{} {}", "until" if ended else "due to end", mk.date_text(tenure.until)))
    return mk.join(", ", held)


def tenures_html(
    site: Site, tenures: list[TenureT], what: Callable[[TenureT], Markup], here: str, none_now: Markup
) -> Markup:
    """A dated fact: what holds now, with its date, then what held before, newest first;
    never a bare present tense (``none_now`` says that nothing is recorded to hold now).
    Each entry's note and sources follow it."""

    def one(tenure: TenureT) -> Markup:
        note = mk.html(" {}", mk.text(tenure.note)) if tenure.note else Markup()
        cited = (
            mk.html("<br><small>Sources: {}</small>", citations(site, tenure.sources, here))
            if tenure.sources
            else Markup()
        )
        return mk.html("{}, {}.{}{}", what(tenure), tenure_text(tenure), note, cited)

    now = current(tenures)
    before = held_before(tenures)
    shown = mk.join("<br>", (one(t) for t in now)) if now else none_now
    if before:
        shown += mk.html("<br>Before:{}", mk.bullets(one(t) for t in before))
    return shown
