"""References between files: ids of parties, places and topics, loops of parents and
affiliations, a place's drawing near its point, and names and aliases that would make
mentions ambiguous."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from shapely import Point
from shapely.geometry import shape as geojson_shape
from shapely.geometry.base import BaseGeometry

from generator import inputs
from generator.facts import boundaries, sourcegraph, tenures
from generator.load.folder import Loc
from generator.text.quotes import fold
from generator.validate.checker import Checked, Findings, Index, citations, finding, ref
from generator.validate.corpus import Corpus, Origin

GEOMETRY_REACH = 5.0  # degrees (some 500 km) between a place's point and its line or area
PARENT_REACH = 15.0  # degrees from a parent's point within which a slip's fix is looked for
AREA_MARGIN = 0.5  # degrees a point may lie outside its parent's drawn area (the drawing is coarse)
SWAP_MISS = 1.0  # degrees a geometry must miss its place by before it is taken for one written latitude first
# Positions a place's line or area may have: Natural Earth's longest land border at 1:10m
# (Russia-Kazakhstan) has 2,025. A map draws 5,000 zig-zagging at every position in a tenth
# of a second and some 125 KB of page; 50,000 took two minutes to build and a megabyte, and
# 100,000 crashed GEOS's simplifier (see cartography.SIMPLIFY_LIMIT).
MAX_POSITIONS = 5_000


@dataclass(frozen=True)
class Registries:
    """What the checks of the registries and topics read: the index, the valid entries, where
    each event is written (``positions``, by the event's id()), and what is worked out of them
    once (the day of the build, each place's drawing, the loops of parents and affiliations)."""

    index: Index
    corpus: Corpus
    positions: Mapping[int, int]
    build_day: dt.date  # the present of the pages: a dated fact has begun by then
    drawn: Mapping[str, BaseGeometry]
    parent_loops: Mapping[str, list[str]]
    loop_starts: frozenset[str]  # the first place of each loop of parents, where it is reported
    affiliation_loops: frozenset[str]

    @classmethod
    def of(cls, index: Index, corpus: Corpus, positions: Mapping[int, int]) -> Registries:
        affiliation = {pid: [party.affiliation] for pid, party in corpus.parties.items() if party.affiliation}
        parents = {lid: location.parents for lid, location in corpus.locations.items()}
        loops = sourcegraph.loops(parents, corpus.locations)
        order = {lid: number for number, lid in enumerate(corpus.locations)}
        return cls(
            index,
            corpus,
            positions,
            tenures.build_day(),
            {lid: _drawn(place.geometry) for lid, place in corpus.locations.items() if place.geometry},
            {lid: loop for loop in loops for lid in loop},
            frozenset(min(loop, key=order.__getitem__) for loop in loops if loop),
            frozenset(pid for loop in sourcegraph.loops(affiliation, corpus.parties) for pid in loop),
        )


def check_references(seed: Registries) -> Findings:
    """Every reference of the registries and topics, and what they say of places and names."""
    corpus = seed.corpus
    for party in corpus.parties.values():
        yield from check_party(seed, party, corpus.origins[party.id])
    for location in corpus.locations.values():
        yield from check_location(seed, location, corpus.origins[location.id])
    for outlet in corpus.outlets.values():
        origin = corpus.origins[outlet.id]
        for index, ownership in enumerate(outlet.owners):
            if ownership.party is not None:
                yield from ref(seed.index, origin, ("owners", index, "party"), ownership.party, {"party"})
            yield from citations(seed.index, ownership.sources, Origin(origin.file, (*origin.loc, "owners", index)))
        yield from check_tenures(seed, outlet.owners, Origin(origin.file, (*origin.loc, "owners")))
        yield from citations(seed.index, outlet.sources, origin)
    yield from check_surface_forms(seed)
    for topic in corpus.topics.values():
        yield from check_topic(seed, topic, corpus.origins[topic.id])


def check_party(seed: Registries, party: inputs.Party, origin: Origin) -> Findings:
    if party.affiliation is not None:
        yield from ref(seed.index, origin, ("affiliation",), party.affiliation, {"party"})
        yield from check_affiliation_cycle(seed, party.id, origin)
    for index, office in enumerate(party.offices):
        yield from citations(seed.index, office.sources, Origin(origin.file, (*origin.loc, "offices", index)))
    yield from check_tenures(seed, party.offices, Origin(origin.file, (*origin.loc, "offices")))
    yield from citations(seed.index, party.sources, origin)


def check_location(seed: Registries, location: inputs.Location, origin: Origin) -> Findings:
    for index, parent in enumerate(location.parents):
        yield from ref(seed.index, origin, ("parents", index), parent, {"location"})
    yield from check_parents_cycle(seed, location, origin)
    for index, party_id in enumerate(location.claimed_by):
        yield from ref(seed.index, origin, ("claimed_by", index), party_id, {"party"})
    yield from check_administrations(
        seed, location.administered_by, Origin(origin.file, (*origin.loc, "administered_by"))
    )
    if location.geometry is not None:
        yield from check_geometry(seed, location, origin)
    if location.outline is not None:
        yield from check_outline(seed, location, location.outline, origin)
    yield from check_point(seed, location, origin)
    for part_index, part in enumerate(location.parts):
        where = Origin(origin.file, (*origin.loc, "parts", part_index, "administered_by"))
        yield from check_administrations(seed, part.administered_by, where)
    yield from citations(seed.index, location.sources, origin)


def check_administrations(seed: Registries, administrations: list[inputs.Administration], origin: Origin) -> Findings:
    for index, administration in enumerate(administrations):
        for position, party_id in enumerate(administration.by):
            yield from ref(seed.index, origin, (index, "by", position), party_id, {"party"})
        yield from citations(seed.index, administration.sources, Origin(origin.file, (*origin.loc, index)))
    yield from check_tenures(seed, administrations, origin)
    for index, earlier in tenures.overlapping(administrations, seed.build_day):
        entry, other = administrations[index], administrations[earlier]
        start = "since" if entry.since is not None else "as_of" if entry.as_of is not None else "until"
        yield finding(
            origin.file,
            (*origin.loc, index, start),
            "administration-overlap",
            f"entry {index + 1} ({_parties(entry.by)}, {_period(entry)}) and entry {earlier + 1} "
            f"({_parties(other.by)}, {_period(other)}) hold on the same days, but a place has one "
            "administration at a time",
            "if the earlier one ended, give it 'until:' (the day this one began, for a handover that day); "
            "if they administer it together, name them all in one entry's 'by'",
        )


def check_tenures(seed: Registries, entries: Sequence[inputs.Tenure], origin: Origin) -> Findings:
    """A dated fact has begun by the day the site is built: ``since`` and ``as_of`` are not after it."""
    for index, entry in enumerate(entries):
        for key in ("since", "as_of"):
            day = getattr(entry, key)
            if day is not None and day > seed.build_day:
                yield finding(
                    origin.file,
                    (*origin.loc, index, key),
                    "tenure-not-begun",
                    f"'{key}' is {day.isoformat()}, after the day the site is built "
                    f"({seed.build_day.isoformat()}): the pages would say it holds now",
                    "record what has begun: add this entry on its first day (a change only announced "
                    "can go in the 'note' of the entry that holds now); if the day is wrong, fix the year, "
                    "month and day",
                )


def check_geometry(seed: Registries, location: inputs.Location, origin: Origin) -> Findings:
    """A line or area lies near the place's own point (longitudes the short way round,
    so that one across the 180th meridian is measured as drawn). One that fits the
    place only read latitude first is reported as written so, with the fix."""
    if (yield from check_positions(seed, location, origin)) or (yield from check_swapped(seed, location, origin)):
        return
    lat, lon = location.coordinates.lat, location.coordinates.lon
    away = _degrees_to(seed.drawn[location.id], lat, lon)
    if away > GEOMETRY_REACH:
        yield finding(
            origin.file,
            (*origin.loc, "geometry"),
            "geometry-far",
            f"the geometry lies {away:.0f} degrees from the place's coordinates ({lat}, {lon})",
            "GeoJSON writes each position longitude first: [longitude, latitude]; check the order, and the coordinates",
        )


def check_positions(seed: Registries, location: inputs.Location, origin: Origin) -> Checked:
    """A line or area has at most ``MAX_POSITIONS`` positions: more is detail no map
    shows, and costs every page that draws it."""
    assert location.geometry is not None
    count = len(location.geometry.positions())
    if count <= MAX_POSITIONS:
        return False
    yield finding(
        origin.file,
        (*origin.loc, "geometry", "coordinates"),
        "geometry-too-detailed",
        f"the {location.geometry.type} has {count:,} positions, more than the {MAX_POSITIONS:,} a map can use",
        f"simplify it to at most {MAX_POSITIONS:,} positions, for example with mapshaper "
        "(`mapshaper line.geojson -simplify 10% -o simple.geojson`); Natural Earth's longest land border "
        "has some 2,000",
    )
    return True


def check_swapped(seed: Registries, location: inputs.Location, origin: Origin) -> Checked:
    """A geometry written [latitude, longitude] is caught where, read the other way
    round, it fits what else says where the place is (its point, its outline, its
    parents' areas) and as written misses one of them by more than ``SWAP_MISS``
    degrees, with nothing that says otherwise. Near the line where latitude and
    longitude are equal (40° N 40° E) a swap moves a geometry less than that, and
    it is not told apart."""
    assert location.geometry is not None
    positions = location.geometry.positions()
    if any(abs(first) > 90 for first, _ in positions):
        return False  # a first number beyond 90 is no latitude: the positions are not swapped
    misses = list(_misses(seed, location, seed.drawn[location.id], _drawn(location.geometry, swapped=True)))
    fits = [(what, miss, fit) for what, miss, fit in misses if miss > SWAP_MISS and fit <= AREA_MARGIN]
    if not fits or any(fit > SWAP_MISS and miss <= AREA_MARGIN for _, miss, fit in misses):
        return False
    what, miss, fit = fits[0]
    fixed = ", ".join(f"[{lon:g}, {lat:g}]" for lat, lon in positions[:3]) + (", ..." if len(positions) > 3 else "")
    yield finding(
        origin.file,
        (*origin.loc, "geometry"),
        "geometry-swapped",
        f"the geometry looks written latitude first: it lies {miss:.1f} degrees from {what}, "
        f"and {fit:.1f} with each position read [latitude, longitude]",
        f"GeoJSON writes each position longitude first: [longitude, latitude]; swap each pair ({fixed})",
    )
    return True


def _misses(
    seed: Registries, location: inputs.Location, written: BaseGeometry, swapped: BaseGeometry
) -> Iterator[tuple[str, float, float]]:
    """How far a geometry as written and read the other way round lies from each thing
    that says where the place is: its point, its outline, its parents' areas."""
    point = location.coordinates
    yield (
        f"the place's point (lat {point.lat:g}, lon {point.lon:g})",
        _degrees_to(written, point.lat, point.lon),
        _degrees_to(swapped, point.lat, point.lon),
    )
    middle, other = written.centroid, swapped.centroid
    if middle.is_empty or other.is_empty:
        return
    places: list[tuple[inputs.Location, str, BaseGeometry | None]] = [(location, "the place's outline", None)]
    places += [
        (parent, f"its parent '{parent_id}' (parents[{index}])", seed.drawn.get(parent_id))
        for index, parent_id in enumerate(location.parents)
        if (parent := seed.corpus.locations.get(parent_id)) is not None and parent_id != location.id
    ]
    for place, what, drawn in places:
        miss = _area_distance(middle.y, middle.x, place, drawn)
        fit = _area_distance(other.y, other.x, place, drawn)
        if miss is not None and fit is not None:
            yield what, miss, fit


def check_outline(seed: Registries, location: inputs.Location, outline: inputs.Outline, origin: Origin) -> Findings:
    """The outline names a country, province or border the atlas has, and the place's point lies on it."""
    at = (*origin.loc, "outline")
    codes: list[tuple[tuple[str | int, ...], str | None]] = [
        (("border", i), code) for i, code in enumerate(outline.border or [])
    ]
    codes = codes or [(("country",), outline.country)]
    unknown = [(loc, code) for loc, code in codes if code and code not in boundaries.country_codes()]
    for loc, code in unknown:
        close = boundaries.closest_countries(code)
        yield finding(
            origin.file,
            (*at, *loc),
            "outline-unknown",
            f"'{code}' is not a country code of the atlas (Natural Earth)",
            "write the country's ISO 3166-1 alpha-3 code"
            + (f": did you mean {' or '.join(repr(c) for c in close)}?" if close else ", such as THA or KHM"),
        )
    if unknown:
        return
    if outline.border is not None and len(set(outline.border)) < len(outline.border):
        yield finding(
            origin.file,
            (*at, "border", 1),
            "outline-unknown",
            f"a border lies between two countries, and this one names '{outline.border[0]}' twice",
            "write the codes of the two countries the border separates, such as [KHM, THA]; "
            f"for the outline of {boundaries.country_name(outline.border[0])} itself, "
            f"write `outline: {{country: {outline.border[0]}}}`",
        )
        return
    shape = boundaries.outline(outline.country, outline.province, outline.border)
    if shape is None and outline.province is not None and outline.country is not None:
        close = boundaries.closest_provinces(outline.country, outline.province)
        yield finding(
            origin.file,
            (*at, "province"),
            "outline-unknown",
            f"{boundaries.country_name(outline.country)} has no province '{outline.province}' in the atlas",
            (f"did you mean {' or '.join(repr(c) for c in close)}? " if close else "")
            + "the atlas names provinces as Natural Earth does; or leave `outline` out and keep the point",
        )
        return
    if shape is None:
        names = " and ".join(boundaries.country_name(code) for _, code in codes if code)
        yield finding(
            origin.file,
            (*at, "border"),
            "outline-unknown",
            f"{names} share no land border in the atlas",
            "check the two codes, or draw the line with `geometry`",
        )
        return
    point = location.coordinates
    away = _degrees_to(shape, point.lat, point.lon)
    if away > AREA_MARGIN:
        yield finding(
            origin.file,
            (*origin.loc, "coordinates"),
            "outline-far",
            f"the place's point ({point.lat}, {point.lon}) lies {away:.1f} degrees from its outline",
            "check the coordinates (latitude, longitude), or whether the outline names the right place",
        )


def check_point(seed: Registries, location: inputs.Location, origin: Origin) -> Findings:
    """A place's point lies within or near each parent place (within its area where
    it has one): one that does not, where the point written latitude first or with
    a sign turned would, is most likely that mistake, and the fix is given."""
    point = location.coordinates
    for index, parent_id in enumerate(location.parents):
        parent = seed.corpus.locations.get(parent_id)
        if parent is None or parent_id == location.id:
            continue  # an unknown parent is reported as such
        drawn = seed.drawn.get(parent_id)
        away = _distance(point.lat, point.lon, parent, drawn)
        reach = AREA_MARGIN if _is_area(parent) else PARENT_REACH
        if away <= reach:
            continue
        fixes = [
            (why, lat, lon)
            for why, lat, lon in _slips(point.lat, point.lon)
            if _distance(lat, lon, parent, drawn) <= reach
        ]
        where, near = ("outside the area of", "in") if _is_area(parent) else ("from", "near")
        if fixes:
            why, lat, lon = fixes[0]
            hint = f"{why}? {{lat: {lat:g}, lon: {lon:g}}} lies {near} '{parent_id}'"
        elif _is_area(parent):
            hint = "check the coordinates, or whether the place is part of it"
        else:
            continue  # a large parent (a country) may hold a point far from its own
        yield finding(
            origin.file,
            (*origin.loc, "coordinates"),
            "point-far",
            f"the point (lat {point.lat:g}, lon {point.lon:g}) lies {away:.0f} degrees {where} its parent "
            f"'{parent_id}' (parents[{index}])",
            hint,
        )
        return


def check_parents_cycle(seed: Registries, location: inputs.Location, origin: Origin) -> Findings:
    """A place may not contain itself through its parents; a loop is reported once,
    at its first place."""
    loop = seed.parent_loops.get(location.id)
    if loop is None or location.id not in seed.loop_starts:
        return
    yield finding(
        origin.file,
        (*origin.loc, "parents"),
        "cycle",
        f"'parents' leads back to '{location.id}' in a loop",
        "a place cannot contain itself: remove one of the parents in the loop",
    )


def check_affiliation_cycle(seed: Registries, party_id: str, origin: Origin) -> Findings:
    """A party may not belong to itself through its affiliations; each party of a loop is reported."""
    if party_id in seed.affiliation_loops:
        yield finding(
            origin.file,
            (*origin.loc, "affiliation"),
            "cycle",
            f"'affiliation' leads back to '{party_id}' in a loop",
            "one of the entries in the loop must not have 'affiliation'",
        )


def check_surface_forms(seed: Registries) -> Findings:
    """A name or alias may stand for one entity only, or its mentions are ambiguous; it must be
    long and rare enough to find that entity; an entity needs each form once."""
    owners: dict[str, tuple[str, str]] = {}
    own: set[tuple[str, str]] = set()
    # Every id, its hyphens read as spaces too ('north-ridge', 'north ridge'), and then every
    # form, in small letters: a form may not take another entity's in other capitals.
    loose: dict[str, tuple[str, str | None]] = {}
    for entity_id, *_ in _mention_entities(seed.corpus):
        for key in (entity_id, entity_id.replace("-", " ")):
            loose.setdefault(key.casefold(), (entity_id, None))
    # Every name first, then the aliases: an alias that takes another entity's name is the one reported.
    found = [
        (entity_id, form, loc, origin)
        for entity_id, forms, origin in _mention_entities(seed.corpus)
        for form, loc in forms
    ]
    forms = [form for form in found if form[2] == ("name",)] + [form for form in found if form[2] != ("name",)]
    for entity_id, form, loc, origin in forms:
        folded = fold(form)  # texts are matched folded (quotes, dashes, spaces alike), so forms are too
        if _too_common(folded):
            yield finding(
                origin.file,
                origin.loc + loc,
                "alias-too-common",
                f"'{form}' is too short or too common a word to stand for one entity: "
                "every occurrence in every text would link to it",
                "use a longer form that only this entity goes by",
            )
            continue
        if (entity_id, folded) in own:
            yield finding(
                origin.file,
                origin.loc + loc,
                "ambiguous-alias",
                f"'{form}' repeats the name or another alias of this entity",
                "delete it",
            )
            continue
        own.add((entity_id, folded))
        owner, first_form = owners.setdefault(folded, (entity_id, form))
        if owner != entity_id:
            name = (
                f"'{form}'"
                if first_form == form
                else f"'{form}' matches the same words in a text as '{first_form}', which"
            )
            yield finding(
                origin.file,
                origin.loc + loc,
                "ambiguous-alias",
                f"{name} already names '{owner}', so mentions of it in texts would be ambiguous",
                "keep the name or alias on one entity only, or make it longer (for example 'government in Baku')",
            )
            continue
        # A form that differs from another entity's id, name or alias only in capitals
        # ('reuters' on 'reuters-mirror' while 'reuters' exists) links that other
        # entity's mentions, and its web address ('www.reuters.com'), to the wrong page.
        other, other_form = loose.setdefault(folded.casefold(), (entity_id, form))
        if other != entity_id:
            what = f"the id of '{other}'" if other_form is None else f"'{other_form}', a name of '{other}'"
            yield finding(
                origin.file,
                origin.loc + loc,
                "ambiguous-alias",
                f"'{form}' is {what}, capitals aside, so texts naming '{other}' would link to '{entity_id}'",
                f"remove it from '{entity_id}', or write a form that only '{entity_id}' goes by",
            )


def _mention_entities(corpus: Corpus) -> Iterator[tuple[str, list[tuple[str, Loc]], Origin]]:
    for table in (corpus.parties, corpus.locations, corpus.outlets):
        for entity in table.values():
            yield entity.id, inputs.surface_forms_of(entity), corpus.origins[entity.id]


def check_topic(seed: Registries, topic: inputs.Topic, origin: Origin) -> Findings:
    for index, section in enumerate(topic.background):
        yield from citations(seed.index, section.sources, Origin(origin.file, ("background", index)))
    for index, fact in enumerate(topic.key_facts):
        yield from citations(seed.index, fact.sources, Origin(origin.file, ("key_facts", index)))
    for index, question in enumerate(topic.questions):
        question_origin = Origin(origin.file, ("questions", index))
        for position, location_id in enumerate(question.places):
            yield from ref(seed.index, question_origin, ("places", position), location_id, {"location"})
        for position, party_id in enumerate(question.parties):
            yield from ref(seed.index, question_origin, ("parties", position), party_id, {"party", "outlet"})
    for event in topic.events:
        event_origin = Origin(origin.file, ("events", seed.positions[id(event)]))
        for position, party_id in enumerate(event.parties):
            yield from ref(seed.index, event_origin, ("parties", position), party_id, {"party"})
        for position, location_id in enumerate(event.locations):
            yield from ref(seed.index, event_origin, ("locations", position), location_id, {"location"})
        yield from citations(seed.index, event.sources, event_origin)


_COMMON_WORDS = frozenset(
    """a an and are as at be by for from has he her his in is it its
    of on or said says she that the their they this to was were who will with""".split()
)


def _too_common(folded: str) -> bool:
    """Fewer than two letters or digits, or one common word in small letters."""
    return sum(ch.isalnum() for ch in folded) < 2 or folded in _COMMON_WORDS


def _is_area(location: inputs.Location) -> bool:
    if location.outline is not None and location.outline.border is None:
        return True
    return location.geometry is not None and "Polygon" in location.geometry.type


def _distance(lat: float, lon: float, place: inputs.Location, drawn: BaseGeometry | None) -> float:
    """Degrees from a point to ``place``: to its area where it has one, else to its point
    (longitudes the short way round)."""
    away = _area_distance(lat, lon, place, drawn)
    if away is not None:
        return away
    return max(abs(lat - place.coordinates.lat), _around(lon, place.coordinates.lon))


def _area_distance(lat: float, lon: float, place: inputs.Location, drawn: BaseGeometry | None) -> float | None:
    """Degrees from a point to ``place``'s outline, or to the box around its drawn area
    (``drawn``, the drawing being coarse); None where it has neither."""
    outline = place.outline
    if outline is not None and outline.border is None:
        shape = boundaries.outline(outline.country, outline.province, None)
        if shape is not None:
            return _degrees_to(shape, lat, lon)
    if drawn is None or drawn.geom_type not in ("Polygon", "MultiPolygon"):
        return None
    west, south, east, north = drawn.bounds
    dlat = max(south - lat, lat - north, 0)
    if east - west >= 360:
        return dlat
    lon = _near(lon, (west + east) / 2)
    return max(dlat, west - lon, lon - east, 0)


def _degrees_to(shape: BaseGeometry, lat: float, lon: float) -> float:
    """Degrees from a point to a shape, the short way round: to the nearest of the point's
    copies a whole turn apart (an outline or a drawn line may run past 180°). A shape that
    goes right round the world is measured by latitude alone."""
    if shape.is_empty:
        return 0.0
    west, south, east, north = shape.bounds
    if east - west >= 360:
        return float(max(south - lat, lat - north, 0))
    lon = _near(lon, (west + east) / 2)
    return float(min(shape.distance(Point(lon + turn, lat)) for turn in (-360, 0, 360)))


def _near(lon: float, centre: float) -> float:
    """``lon`` moved by whole turns to lie within half a turn of ``centre``."""
    return lon - 360 * round((lon - centre) / 360)


def _around(a: float, b: float) -> float:
    gap = abs(a - b) % 360
    return min(gap, 360 - gap)


def _drawn(geometry: inputs.Geometry, swapped: bool = False) -> BaseGeometry:
    """A place's line or area as a Shapely geometry, as the map draws it: each line and
    ring continuous across the 180th meridian, each position moved by whole turns to
    follow on from the one before (a line from 179.5° E to 179.5° W crosses the
    meridian, not the world), except a step from -180 to 180, which runs round the
    world along its parallel; a ring around a pole closed along the pole. With
    ``swapped``, each position is read [latitude, longitude]."""
    return geojson_shape(
        {"type": geometry.type, "coordinates": _continuous(geometry.coordinates, swapped, geometry.type)}
    )


def _continuous(value: list[Any], swapped: bool, kind: str) -> list[Any]:
    if isinstance(value[0][0], list):
        return [_continuous(part, swapped, kind) for part in value]
    line: list[tuple[float, float]] = []
    previous = 0.0  # the last position's longitude as written
    for first, second in value:
        lon, lat = (float(second), float(first)) if swapped else (float(first), float(second))
        if not line:
            line.append((lon, lat))
        elif abs(lon - previous) == 360:
            line.append((line[-1][0] + lon - previous, lat))
        else:
            line.append((_near(lon, line[-1][0]), lat))
        previous = lon
    if "Polygon" in kind and abs(line[-1][0] - line[0][0]) > 180:
        pole = -90.0 if sum(lat for _, lat in line) < 0 else 90.0
        line += [(line[-1][0], pole), (line[0][0], pole), line[0]]
    return line


def _slips(lat: float, lon: float) -> Iterator[tuple[str, float, float]]:
    """The points a slip of the pen would have meant instead: latitude and longitude
    swapped, or one sign turned."""
    if abs(lon) <= 90:
        yield "written latitude first", lon, lat
    yield "a sign turned (south and west are negative)", -lat, lon
    yield "a sign turned (south and west are negative)", lat, -lon


def _parties(ids: list[str]) -> str:
    """``'alpha'``, ``'alpha' and 'beta'``."""
    quoted = [f"'{party}'" for party in ids]
    return ", ".join(quoted[:-1]) + " and " + quoted[-1] if len(quoted) > 1 else quoted[0]


def _period(tenure: inputs.Tenure) -> str:
    """When an entry says it holds, as written: ``from 2000-01-01, with no end``, ``on 2023-05-11``."""
    start = tenure.since or tenure.as_of
    if tenure.until is None:
        return f"from {start}, with no end" if tenure.since is not None else f"on {start}"
    return f"from {start} to {tenure.until}" if start is not None else f"until {tenure.until}"
