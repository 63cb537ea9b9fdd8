"""Pages of parties, places and outlets, each with its backlinks, and the tags page."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from markupsafe import Markup

from generator import inputs
from generator.model import parts
from generator.model.entries import Backlinks, ClaimEntry, EventEntry
from generator.model.site import Site, current
from generator.render import markup as mk
from generator.render import paths, structured_data
from generator.render.common import (
    Tagged,
    claims_table,
    date_range,
    document_link,
    entity_link,
    entity_links,
    label,
    sources_line,
    tag_links,
    tags_of,
    tenure_text,
    tenures_html,
)
from generator.render.diagrams import named_links
from generator.render.listings import event_page
from generator.render.maps import map_block
from generator.render.paginate import Pages, numbered_parts
from generator.text import writing
from generator.validate.corpus import SourceDocument


def render_party(site: Site, party: inputs.Party) -> tuple[mk.Page, Pages]:
    here = paths.entity("party", party.id)
    links = site.backlinks.get(party.id, Backlinks())
    facts = [("Kind", mk.text(label(party.kind)))]
    if party.offices:
        facts.append(
            (
                "Offices",
                tenures_html(
                    site, party.offices, lambda o: mk.text(o.title), here, Markup("None held now, as recorded.")
                ),
            )
        )
    if party.affiliation is not None:
        belongs = _belongs_to(site, party.id, here)
        ended = [office.until for office in party.offices if office.until is not None]
        if party.offices and not current(party.offices) and ended:
            # every office recorded has ended: where the person belonged is past, not present
            until = mk.date_text(max(ended))
            facts.append(
                (
                    "Belonged to",
                    mk.html("{} <small>(until {}, the end of the last office recorded)</small>", belongs, until),
                )
            )
        else:
            facts.append(("Belongs to", belongs))
    members = site.members.get(party.id, [])
    if members:
        facts.append(("Includes", entity_links(site, members, here)))
    facts += _common_facts(party.aliases, party.native_names, party.wikidata)
    if links.administers:
        facts.append(("Administers", _administered(site, party.id, sorted(links.administers), here)))
    facts += _linked_facts(site, here, [("Lays claim to", links.claims_territory)])
    under = site.claims_under(party.id)
    documents_under, events_under = site.documents_under(party.id), site.events_under(party.id)
    for what, own, below, verb in (
        ("Claims made", links.claims_by, under, "by"),
        ("Documents", links.documents, documents_under, "more on"),  # "more": those not on the party itself
        ("Timeline events", links.events, events_under, "more involving"),
    ):
        facts.append(
            (
                what,
                mk.html(
                    "{} {} {}{}",
                    len(own),
                    verb.removeprefix("more "),
                    mk.text(party.name),
                    mk.html(", {} {} parties under it ({} in all)", len(below), verb, len(own) + len(below))
                    if site.members.get(party.id)
                    else Markup(),
                ),
            )
        )
    sections = Sections(party.name, here)
    _backlink_sections(site, links, sections)
    if site.members.get(party.id):
        sections.add(
            "Claims made by parties under it",
            "claims-under",
            [site.claims[c] for c in under],
            _claims(site),
            "None: no party under it made a claim in these texts.",
        )
        sections.add(
            "Documents of parties under it",
            "documents-under",
            _newest_first(site, documents_under),
            _documents,
            "None besides those above.",
        )
        sections.add(
            "Timeline events of parties under it",
            "events-under",
            _in_order(site, events_under),
            _events(site),
            "None besides those above.",
        )
    return _entity_page(
        site,
        party,
        here,
        tags_of(party),
        facts,
        [*sections.blocks, structured_data.script(structured_data.party(site, party))],
    ), sections.extra


def _fitted(site: Site, location: inputs.Location, related: list[str]) -> list[str]:
    """What a place's map is fitted to: the place and the places within it; a place it lies
    in is drawn where it reaches the map, and fitted to only if it is drawn as a point."""
    within = set(site.sublocations.get(location.id, []))
    return [
        place_id
        for place_id in related
        if place_id == location.id or place_id in within or _drawn_as_point(site.corpus.locations[place_id])
    ]


def _drawn_as_point(location: inputs.Location) -> bool:
    return location.geometry is None and location.outline is None


def render_location(site: Site, location: inputs.Location) -> tuple[mk.Page, Pages]:
    here = paths.entity("location", location.id)
    links = site.backlinks.get(location.id, Backlinks())
    lat, lon = location.coordinates.lat, location.coordinates.lon
    osm = f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=12/{lat:.5f}/{lon:.5f}"
    facts = [
        ("Kind", mk.text(label(location.kind))),
        (
            "Coordinates",
            mk.html(
                '<span class="coordinates" data-lat="{:.5f}" data-lon="{:.5f}">{}, {}</span> ({})',
                lat,
                lon,
                _degrees(lat, "N", "S"),
                _degrees(lon, "E", "W"),
                mk.external("open on OpenStreetMap", osm),
            ),
        ),
    ]
    above = site.places_above[location.id]
    if location.parents:
        facts.append(("Part of", _part_of(site, location, here)))
    if location.geometry is not None:
        facts.append(("Drawn as", Markup("a line") if "LineString" in location.geometry.type else Markup("an area")))
    facts += _linked_facts(site, here, [("Places within", site.sublocations.get(location.id, []))])
    if location.administered_by:
        facts.append(("Administered by", _administrations(site, location.administered_by, here)))
    facts += _linked_facts(site, here, [("Claimed by", location.claimed_by)])
    if location.parts:
        facts.append(
            (
                "Split between",
                mk.bullets(
                    mk.html(
                        "{}: administered by {}{}",
                        mk.text(part.name),
                        _administrations(site, part.administered_by, here),
                        mk.html(" <small>({})</small>", mk.text(part.note)) if part.note else Markup(),
                    )
                    for part in location.parts
                ),
            )
        )
    facts += _common_facts(location.aliases, location.native_names, location.wikidata)
    related = [location.id, *above.nearest, *site.sublocations.get(location.id, [])]
    mapped = map_block(
        site,
        related,
        here,
        f"{location.name} and related places",
        own=location.id,
        fit=_fitted(site, location, related),
    )
    sections = Sections(location.name, here)
    _backlink_sections(site, links, sections, claims_by=False)
    if site.sublocations.get(location.id):
        documents_within, events_within = site.within(location.id, "documents"), site.within(location.id, "events")
        for what, own, below in (
            ("Documents", links.documents, documents_within),
            ("Timeline events", links.events, events_within),
        ):
            facts.append(
                (what, mk.html("{} at {}, {} more at places within it", len(own), mk.text(location.name), len(below)))
            )
        sections.add(
            "Documents of places within it",
            "documents-within",
            _newest_first(site, documents_within),
            _documents,
            "None besides those above.",
        )
        sections.add(
            "Timeline events at places within it",
            "events-within",
            _in_order(site, events_within),
            _events(site),
            "None besides those above.",
        )
    return _entity_page(
        site,
        location,
        here,
        tags_of(location),
        facts,
        [mapped, *sections.blocks, structured_data.script(structured_data.place(site, location))],
    ), sections.extra


def _belongs_to(site: Site, party_id: str, here: str) -> Markup:
    """The parties a party belongs to, nearest first, up to the top; of a long chain, the
    nearest, how many lie between them and the top, and the top."""
    above = site.affiliations[party_id]
    links = [entity_link(site, pid, here) for pid in above.nearest]
    if above.count > len(links):
        links[-1:] = [
            mk.html("&hellip; {:,} more &hellip;", above.count - len(links)),
            entity_link(site, site.sides[party_id], here),
        ]
    return mk.join(" &rarr; ", links)


def _part_of(site: Site, location: inputs.Location, here: str) -> Markup:
    """A place's parents, and within what they lie: the nearest few places, and how many more."""
    above = site.places_above[location.id]
    parents = entity_links(site, location.parents, here)
    beyond = above.nearest[len(location.parents) :]
    if not beyond:
        return parents
    more = above.count - len(above.nearest)
    counted = f" and {'' if above.exact else 'at least '}{more:,} more" if more > 0 else ""
    return mk.html("{} (within {}{})", parents, entity_links(site, beyond, here), counted)


def _owner(site: Site, ownership: inputs.Ownership, here: str) -> Markup:
    return entity_link(site, ownership.party, here) if ownership.party else mk.text(ownership.owner)


def _administrations(site: Site, administrations: list[inputs.Administration], here: str) -> Markup:
    return tenures_html(
        site, administrations, lambda a: entity_links(site, a.by, here), here, Markup("No administration recorded now.")
    )


def _entity_page(
    site: Site,
    entity: inputs.Party | inputs.Location,
    here: str,
    tags: list[str],
    facts: list[tuple[str, Markup]],
    sections: list[mk.Block],
) -> mk.Page:
    kind = "Party" if isinstance(entity, inputs.Party) else "Place"
    return mk.page(
        mk.front_matter(entity.name, entity.description, tag_links(tags, here), kind=kind),
        mk.heading(1, entity.name),
        mk.para(mk.text(entity.description)),
        mk.facts(facts),
        sources_line(site, entity.sources, here),
        *sections,
    )


def _administered(site: Site, party_id: str, place_ids: list[str], here: str) -> Markup:
    """The places a party administers as recorded now, each with the date it rests on (and the
    part, where it administers a part): never a bare present tense."""
    items = []
    for place_id in place_ids:
        place = site.corpus.locations[place_id]
        held: list[tuple[str | None, inputs.Administration]] = [
            (None, a) for a in current(place.administered_by) if party_id in a.by
        ]
        held += [(part.name, a) for part in place.parts for a in current(part.administered_by) if party_id in a.by]
        for part, administration in held:
            which = mk.html(", {}", mk.text(part)) if part else Markup()
            items.append(
                mk.html(
                    "{}{} <small>({})</small>", entity_link(site, place_id, here), which, tenure_text(administration)
                )
            )
    return mk.bullets(items)


def _linked_facts(site: Site, here: str, rows: list[tuple[str, list[str] | set[str]]]) -> list[tuple[str, Markup]]:
    """Rows of linked entities, leaving out the empty ones."""
    return [(name, entity_links(site, sorted(ids), here)) for name, ids in rows if ids]


def render_outlet(site: Site, outlet: inputs.Outlet) -> tuple[mk.Page, Pages]:
    here = paths.entity("outlet", outlet.id)
    links = site.backlinks.get(outlet.id, Backlinks())
    facts = [
        ("Kind", mk.text(label(outlet.kind))),
        (
            "Home page",
            mk.external(outlet.homepage, outlet.homepage) if outlet.homepage else Markup("<em>not confirmed</em>"),
        ),
    ]
    if outlet.owners:
        facts.append(
            (
                "Owned by",
                tenures_html(
                    site, outlet.owners, lambda o: _owner(site, o, here), here, Markup("No owner recorded now.")
                ),
            )
        )
    facts += _common_facts(outlet.aliases, outlet.native_names, None)
    held = sorted(d for d in links.documents if site.corpus.documents[d].meta.outlet == outlet.id)
    carried = [
        (site.corpus.documents[doc_id], hop)
        for doc_id in sorted(links.carried)
        for hop in site.corpus.documents[doc_id].meta.chain
        if hop.outlet == outlet.id
    ]
    description = outlet.notes or f"{outlet.name}: {label(outlet.kind)}."
    sections = Sections(outlet.name, here)
    sections.add(
        "Copies held from this outlet",
        "copies",
        [site.corpus.documents[d] for d in held],
        lambda rows, at: mk.bullets(document_link(d, at) for d in rows),
        "None.",
    )
    sections.add("In source chains", "chains", carried, lambda rows, at: _chain_table(site, rows, at), "None.")
    sections.add(
        "Claims asserted by this outlet",
        "claims-by",
        [site.claims[c] for c in sorted(links.claims_by)],
        _claims(site),
        "None.",
    )
    sections.add(
        "Claims carried by this outlet",
        "claims-carried",
        site.claims_via(outlet.id),
        _claims(site),
        "None.",
    )
    return mk.page(
        mk.front_matter(outlet.name, description, tag_links(tags_of(outlet), here), kind="Outlet"),
        mk.heading(1, outlet.name),
        mk.para(mk.text(outlet.notes)) if outlet.notes else Markup(),
        mk.facts(facts),
        sources_line(site, outlet.sources, here),
        *sections.blocks,
        structured_data.script(structured_data.outlet(outlet)),
    ), sections.extra


def _common_facts(
    aliases: list[str], native_names: list[inputs.NativeName], wikidata: str | None
) -> list[tuple[str, Markup]]:
    facts = []
    if native_names:
        names = [
            mk.html(
                '<span lang="{}" dir="{}">{}</span> <small>({})</small>',
                mk.attr(n.language),
                writing.direction(n.name),
                mk.text(n.name),
                mk.text(writing.language_name(n.language)),
            )
            for n in native_names
        ]
        facts.append(("In other languages", mk.join(", ", names)))
    if aliases:
        facts.append(("Also called", mk.join(", ", (mk.html("&ldquo;{}&rdquo;", mk.text(alias)) for alias in aliases))))
    if wikidata:
        facts.append(("Wikidata", mk.external(wikidata, f"https://www.wikidata.org/wiki/{wikidata}")))
    return facts


def _degrees(value: float, positive: str, negative: str) -> str:
    return f"{abs(value):.4f}° {positive if value >= 0 else negative}"


class Sections:
    """The backlink sections of an entity page. A long section shows its first
    items and links to the full list, cut into numbered pages under ``lists/`` (one
    folder deep, like the entity pages, so the same relative links work)."""

    def __init__(self, name: str, here: str) -> None:
        self.name = name
        self.here = here
        self.blocks: list[mk.Block] = []
        self.extra: Pages = []

    def add(
        self,
        title: str,
        anchor: str,
        rows: list[Any],
        render: Callable[[list[Any], str], Markup],
        none: str = "None recorded.",
        part_title: str | None = None,
        part_description: str | None = None,
    ) -> None:
        """A section headed ``title``, its ``rows`` drawn by ``render(rows, page)`` with
        links from the page they are on; its full list's parts are titled ``part_title``
        (by default, the title) and described by ``part_description`` (by default, the
        title of the entity)."""
        self.blocks.append(mk.heading(2, title, anchor))
        if not rows:
            self.blocks.append(mk.note(mk.text(none)))
            return
        self.blocks.append(mk.unsearched(render(rows[: parts.BACKLINK_LIMIT], self.here)))
        if len(rows) <= parts.BACKLINK_LIMIT:
            return
        links, pages = numbered_parts(
            self.here,
            f"Back to {self.name}",
            f"{self.here.removesuffix('.md').replace('/', '-')}-{anchor}",
            f"{self.name}: {(part_title or title).lower()}",
            part_description or f"{part_title or title} of {self.name}.",
            rows,
            render,
        )
        self.extra += pages
        self.blocks.append(
            mk.para(mk.html("The first {} of {}. All of them, in parts: {}", parts.BACKLINK_LIMIT, len(rows), links))
        )


def _newest_first(site: Site, document_ids: Iterable[str]) -> list[SourceDocument]:
    documents = (site.corpus.documents[d] for d in document_ids)
    return sorted(documents, key=lambda d: (d.meta.event_date, d.meta.id), reverse=True)


def _in_order(site: Site, event_ids: Iterable[str]) -> list[EventEntry]:
    return sorted((site.events[e] for e in event_ids), key=lambda e: (e.event.date, e.event.id))


def _documents(documents: list[SourceDocument], here: str) -> Markup:
    return mk.bullets(mk.html("{} ({})", document_link(d, here), mk.date_text(d.meta.event_date)) for d in documents)


def _events(site: Site) -> Callable[[list[EventEntry], str], Markup]:
    return lambda events, here: mk.bullets(
        mk.html(
            "{}: {}",
            date_range(e.event.date, e.event.end),
            mk.link(e.event.title, here, event_page(site, e.event.id), paths.event_anchor(e.event.id)),
        )
        for e in events
    )


def _claims(site: Site) -> Callable[[list[ClaimEntry], str], Markup]:
    return lambda claims, here: claims_table(site, claims, here)


def _chain_table(site: Site, carried: list[tuple[SourceDocument, inputs.Hop]], here: str) -> Markup:
    """Each chain an outlet is a hop of: the document, what the hop drew on, its role, and
    whether its own copy is linked."""
    rows = []
    for document, hop in carried:
        drew = site.graphs[document.meta.id][hop.outlet]
        rows.append(
            (
                document_link(document, here),
                mk.html("drew on {}", named_links(site, drew, here)) if drew else Markup("an original"),
                mk.text(label(hop.role)),
                Markup("linked") if hop.url else Markup("unverified"),
            )
        )
    return mk.table(("Document", "Drew on", "Role", "Link"), rows)


def _backlink_sections(site: Site, links: Backlinks, sections: Sections, claims_by: bool = True) -> None:
    sections.add("Documents", "documents", _newest_first(site, links.documents), _documents)
    if claims_by:
        sections.add(
            "Claims made by it",
            "claims-by",
            [site.claims[c] for c in sorted(links.claims_by)],
            _claims(site),
        )
    sections.add(
        "Claims about it",
        "claims-about",
        [site.claims[c] for c in sorted(links.claims_about)],
        _claims(site),
    )
    sections.add("Timeline events", "events", _in_order(site, links.events), _events(site))


def render_tags(site: Site) -> Pages:
    """Topics, parties, places and outlets under each of their tags (``tags_of``), in
    sections like an entity's backlinks: a tag's first items, then all in parts."""
    here = paths.TAGS
    corpus = site.corpus
    tagged: dict[str, list[tuple[str, str]]] = {}  # tag → (name, page) of each page that has it
    tables: list[tuple[str, Mapping[str, Tagged]]] = [
        ("topic", corpus.topics),
        ("party", corpus.parties),
        ("location", corpus.locations),
        ("outlet", corpus.outlets),
    ]
    for kind, table in tables:
        for entity in table.values():
            name, page = (
                (entity.title, paths.topic(entity.id))
                if isinstance(entity, inputs.Topic)
                else (entity.name, paths.entity(kind, entity.id))
            )
            for tag in tags_of(entity):
                tagged.setdefault(tag, []).append((name, page))
    intro = "Topics, parties, places and outlets, by what they are."
    sections = Sections("Tags", here)
    for tag in sorted(tagged):
        members = sorted(tagged[tag], key=lambda member: (member[0].casefold(), member[1]))
        sections.add(
            f"{tag} ({len(members)})",
            paths.tag_anchor(tag),
            members,
            lambda rows, at: mk.bullets(mk.link(name, at, page) for name, page in rows),
            part_title=tag,
            part_description=f"Topics, parties, places and outlets tagged {tag}.",
        )
    head = mk.front_matter("Tags", intro, searched=False)
    blocks = sections.blocks or [mk.note(Markup("None yet."))]
    return [(here, mk.page(head, mk.heading(1, "Tags"), mk.para(mk.text(intro)), *blocks)), *sections.extra]
