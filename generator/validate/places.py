"""Checks of each place: its parents, its line or area near its point (and not written
latitude first), its outline in the atlas, its point within its parents, no loop of parents."""

from __future__ import annotations

from collections.abc import Iterator

from shapely.geometry.base import BaseGeometry

from generator import inputs
from generator.facts import boundaries
from generator.validate.checker import Checked, Findings, citations, finding, ref
from generator.validate.corpus import Origin
from generator.validate.place_shapes import area_distance, degrees_to, distance, drawn_shape, is_area, slips
from generator.validate.registries import Registries
from generator.validate.tenure_checks import check_administrations

GEOMETRY_REACH = 5.0  # degrees (some 500 km) between a place's point and its line or area
PARENT_REACH = 15.0  # degrees from a parent's point within which a slip's fix is looked for
AREA_MARGIN = 0.5  # degrees a point may lie outside its parent's drawn area (the drawing is coarse)
SWAP_MISS = 1.0  # degrees a geometry must miss its place by before it is taken for one written latitude first
# Positions a place's line or area may have: Natural Earth's longest land border at 1:10m
# (Russia-Kazakhstan) has 2,025. A map draws 5,000 zig-zagging at every position in a tenth
# of a second and some 125 KB of page; 50,000 took two minutes to build and a megabyte, and
# 100,000 crashed GEOS's simplifier (see render.cartography.SIMPLIFY_LIMIT).
MAX_POSITIONS = 5_000


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


def check_geometry(seed: Registries, location: inputs.Location, origin: Origin) -> Findings:
    """A line or area lies near the place's own point (longitudes the short way round,
    so that one across the 180th meridian is measured as drawn). One that fits the
    place only read latitude first is reported as written so, with the fix."""
    if (yield from check_positions(seed, location, origin)) or (yield from check_swapped(seed, location, origin)):
        return
    lat, lon = location.coordinates.lat, location.coordinates.lon
    away = degrees_to(seed.drawn[location.id], lat, lon)
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
    misses = list(_misses(seed, location, seed.drawn[location.id], drawn_shape(location.geometry, swapped=True)))
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
        degrees_to(written, point.lat, point.lon),
        degrees_to(swapped, point.lat, point.lon),
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
        miss = area_distance(middle.y, middle.x, place, drawn)
        fit = area_distance(other.y, other.x, place, drawn)
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
    away = degrees_to(shape, point.lat, point.lon)
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
        away = distance(point.lat, point.lon, parent, drawn)
        reach = AREA_MARGIN if is_area(parent) else PARENT_REACH
        if away <= reach:
            continue
        fixes = [
            (why, lat, lon)
            for why, lat, lon in slips(point.lat, point.lon)
            if distance(lat, lon, parent, drawn) <= reach
        ]
        where, near = ("outside the area of", "in") if is_area(parent) else ("from", "near")
        if fixes:
            why, lat, lon = fixes[0]
            hint = f"{why}? {{lat: {lat:g}, lon: {lon:g}}} lies {near} '{parent_id}'"
        elif is_area(parent):
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
