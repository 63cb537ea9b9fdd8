"""Maps drawn when the site is built: outlines from the atlas, the 180th meridian, groups
of pins, labels that never overlap, and the SVG a map page holds."""

from __future__ import annotations

import itertools
import json
import math
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from shapely import LineString, Polygon

from generator.build.pipeline import check
from generator.facts import boundaries
from generator.render import cartography as cg
from generator.render.maps import _drawing, _unwrapped
from generator.validate.places import MAX_POSITIONS
from tests.conftest import MINI, ROOT, checked_model, copy_corpus


def _place(name: str, lon: float, lat: float, shape=None) -> cg.Place:
    return cg.Place(name.lower(), name, f"../{name.lower()}/", lon, lat, shape)


def _parts(svg: str) -> list[tuple[float, float, float, float]]:
    """The box of every subpath of the drawing's paths (``M x y l dx dy ...``), in SVG units."""
    boxes = []
    for d in re.findall(r' d="([^"]+)"', svg):
        for sub in d.split("M")[1:]:
            numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", sub)]
            xs, ys = list(itertools.accumulate(numbers[0::2])), list(itertools.accumulate(numbers[1::2]))
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return boxes


@pytest.mark.parametrize("layout", cg.LAYOUTS, ids=lambda layout: layout.name)
def test_a_map_across_the_180th_meridian_draws_no_band(layout: cg.Layout) -> None:
    """Fiji, Samoa and Chukotka around the 180th meridian: every outline lies where it is,
    none drawn the long way round as a band across the map."""
    places = [_place("Suva", 178.44, -18.14), _place("Apia", -171.76, -13.83), _place("Anadyr", 177.51, 64.73)]
    view = cg.view_of(places)
    assert view.span < 30  # one view across the meridian, not the world
    html, kinds = _drawing(view, places, layout)
    bands = [b for b in _parts(html) if b[2] - b[0] > layout.width * 0.9 and b[3] - b[1] < layout.height * 0.03]
    assert bands == []
    assert kinds == {"point"} and html.count('class="map-land"') > 3  # Fiji, Russia, Samoa, the US...


def test_a_line_across_the_180th_meridian_takes_the_short_way() -> None:
    line = _unwrapped([[179.5, -17.0], [-179.5, -16.0]])
    assert line == [[179.5, -17.0], [180.5, -16.0]]
    place = _place("Reef", 179.9, -16.5, LineString(line))
    frame = cg.Frame(cg.view_of([place]), cg.WIDE)
    drawn = frame.shape(place.shape)
    assert 0 < drawn.length < cg.WIDE.width  # about a degree of a view a few degrees wide


def test_the_atlas_has_no_outline_across_the_meridian() -> None:
    """The atlas stitches Fiji and Chukotka across the 180th meridian; read, each ring is
    continuous (spans a few degrees), and Antarctica is closed along the pole. (A world
    map of every country is checked for bands in test_every_country_drawn_on_a_world_map_is_no_band.)"""
    for detail in ("110m", "10m"):
        for country in boundaries.countries(detail):
            for part in getattr(country.shape, "geoms", [country.shape]):
                if part.is_empty:
                    continue  # an islet (Vatican at 1:10m) too small for the atlas's rounding
                west, _, east, _ = part.bounds
                assert east - west <= 180 or country.name in ("Antarctica", "Russia"), (detail, country.name)


def test_pins_closer_than_two_pins_are_one_numbered_group() -> None:
    near = [_place("Temple", 103.2664, 14.3492), _place("Post", 103.27, 14.35), _place("Town", 104.9, 11.55)]
    frame = cg.Frame(cg.view_of(near), cg.WIDE)
    marks = cg.marks(frame, near)
    assert sorted(len(m.places) for m in marks) == [1, 2]
    assert [m.number for m in marks if len(m.places) == 2] == [1]


def test_labels_never_overlap_and_stay_inside() -> None:
    labels = cg.Labels(cg.NARROW)
    placed = [labels.place(f"Place number {i}", cg.around(180, 150, 8, 13.5), 13.5, "place") for i in range(12)]
    assert placed[:2] == [True, True] and not all(placed)  # some fit around the pin, not all twelve
    boxes = labels.taken
    for i, a in enumerate(boxes):
        assert a[0] >= 0 and a[2] <= cg.NARROW.width and a[1] >= 0 and a[3] <= cg.NARROW.height
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_outlines_by_code_name_and_border() -> None:
    assert boundaries.province("KHM", "otdar mean chey") is not None  # accents, case, spaces aside
    assert boundaries.province("THA", "Sisaket Province") is None
    assert boundaries.closest_provinces("THA", "Sisaket Province")[0] == "Si Sa Ket"
    border = boundaries.border(["KHM", "THA"])
    assert border is not None and 5 < border.length < 9  # degrees: some 800 km
    assert boundaries.border(["ARM", "THA"]) is None
    assert "THA" in boundaries.country_codes() and "THA" in boundaries.closest_countries("TH")


@pytest.mark.parametrize("centre", [0.0, 100.0, 180.0, -150.0])
def test_every_country_drawn_on_a_world_map_is_no_band(centre: float) -> None:
    """A map of the whole world, centred anywhere: no country's outline (drawn as the atlas
    has it) crosses the map as a thin band, and none covers the whole map."""
    view = cg.View(centre, centre - 179, -60, centre + 179, 80)
    frame = cg.Frame(view, cg.WIDE)
    for country in cg.countries_in(frame.view):
        drawn = frame.shape(country.shape)
        for west, south, east, north in _parts(f' d="{cg.path(drawn)}"'):
            thin = east - west > cg.WIDE.width * 0.9 and north - south < cg.WIDE.height * 0.03
            assert not thin, (country.name, west, east)
            assert not (east - west > cg.WIDE.width * 0.98 and north - south > cg.WIDE.height * 0.98), country.name


# -- hostile input: huge geometries, poles, thousands of places -----------------------


def _corpus_with(tmp_path: Path, locations: str) -> Path:
    """The fixture corpus with ``locations`` (YAML list items) added to its places."""
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    with (corpus / "locations.yaml").open("a", encoding="utf-8") as registry:
        registry.write(locations)
    return corpus


def _zig_zag(count: int) -> list[list[float]]:
    """A line of ``count`` positions, each 0.3 degrees north or south of the one before:
    the worst case of Douglas-Peucker, whose recursion goes as deep as the line is long."""
    return [[45.0 + i / count, 40.6 + (0.3 if i % 2 else 0.0)] for i in range(count)]


def _geometry_place(place_id: str, geometry: dict, lat: float = 40.8, lon: float = 45.2) -> str:
    return (
        f"  - id: {place_id}\n    name: {place_id.title()}\n    kind: border-area\n"
        f"    coordinates: {{lat: {lat}, lon: {lon}}}\n    description: x\n    geometry: {json.dumps(geometry)}\n"
    )


def test_a_geometry_of_more_positions_than_a_map_can_use_is_refused_at_its_coordinates(tmp_path: Path) -> None:
    """More than ``MAX_POSITIONS`` positions in a line or area, all its rings together, is
    refused at ``coordinates`` with the hint to simplify it; the cap itself passes."""
    line = _zig_zag(MAX_POSITIONS)
    ring = [*_zig_zag(MAX_POSITIONS // 2), [45.0, 40.6]]
    corpus = _corpus_with(
        tmp_path,
        _geometry_place("at-the-cap", {"type": "LineString", "coordinates": line})
        + _geometry_place("over-the-cap", {"type": "LineString", "coordinates": [*line, [45.2, 40.7]]})
        + _geometry_place("two-rings", {"type": "MultiPolygon", "coordinates": [[ring], [ring]]}),
    )
    problems = check(corpus, corpus).problems
    assert [(p.path, p.line, p.column, p.rule) for p in problems] == [
        ("locations.yaml", 28, 53, "geometry-too-detailed"),
        ("locations.yaml", 34, 55, "geometry-too-detailed"),
    ]
    assert "has 5,001 positions, more than the 5,000" in problems[0].message
    assert "mapshaper" in problems[0].hint and "at most 5,000 positions" in problems[0].hint
    assert "MultiPolygon has 5,002 positions" in problems[1].message


def test_a_zig_zag_of_a_hundred_thousand_positions_is_drawn_not_a_crash() -> None:
    """GEOS's simplifier recursed once per position of a zig-zag and overflowed the stack
    (a segfault at 100,000 positions): no line or ring of more than ``SIMPLIFY_LIMIT``
    positions reaches it now, whatever the input, and the drawing still spans the line."""
    zig = [tuple(p) for p in _zig_zag(100_000)]
    for shape in (LineString(zig), Polygon([*zig, zig[0]])):
        thinned = cg._thinned(shape, 0.6)
        rings = [thinned.exterior] if isinstance(thinned, Polygon) else [thinned]
        assert 1_000 < max(len(r.coords) for r in rings) <= cg.SIMPLIFY_LIMIT
        assert thinned.bounds == pytest.approx(shape.bounds, abs=0.01)
    script = (
        "from shapely import LineString, Polygon\n"
        "from generator.render import cartography as cg\n"
        "zig = [(45.0 + i / 100000, 40.6 + (0.3 if i % 2 else 0.0)) for i in range(100000)]\n"
        "for shape in (LineString(zig), Polygon([*zig, zig[0]])):\n"
        "    place = cg.Place('z', 'Z', 'z/', 45.2, 40.8, shape)\n"
        "    drawn = cg.Frame(cg.view_of([place]), cg.WIDE).shape(shape, margin=0.5)\n"
        "    assert not drawn.is_empty and drawn.bounds[2] - drawn.bounds[0] > 200, drawn.bounds\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_simplifying_a_natural_outline_is_unchanged_by_the_thinning_limit() -> None:
    """Below ``SIMPLIFY_LIMIT`` positions a part is simplified as it always was (the atlas's
    outlines clipped to a map): a map of the seed is drawn as before."""
    russia = boundaries.country_shape("RUS")
    assert russia is not None
    for part in russia.geoms:
        if len(part.exterior.coords) < 2_000:
            assert cg.simplified(part, 0.05).equals_exact(part.simplify(0.05), 0)


def _map_of(tmp_path: Path, locations: str, place_id: str) -> tuple[str, object]:
    from generator.render.entity_pages import render_location

    model = checked_model(_corpus_with(tmp_path, locations), ROOT)
    page, _ = render_location(model, model.corpus.locations[place_id])
    figure = re.search(r'<figure class="briefing-map".*?</figure>', page.body, re.S)
    assert figure is not None
    return figure.group(0), model


@pytest.mark.parametrize("lat", [90.0, -90.0, 89.0, -85.5])
def test_a_place_at_a_pole_is_not_drawn_off_the_map_nor_said_to_be_on_it(tmp_path: Path, lat: float) -> None:
    """Web Mercator cannot draw a pole: the view keeps within ``SOUTH`` and ``NORTH``, no mark
    is drawn outside the drawing, and the legend says the place is not on the map."""
    figure, _ = _map_of(
        tmp_path,
        f"  - {{id: pole, name: The Pole, kind: village, coordinates: {{lat: {lat}, lon: 0.0}}, description: x}}\n",
        "pole",
    )
    for layout in cg.LAYOUTS:
        svg = re.search(rf'drawing-layout--{layout.name}".*?</svg>', figure, re.S)
        assert svg is not None
        for cx, cy in re.findall(r'<circle[^>]* cx="([-\d.]+)" cy="([-\d.]+)"', svg.group(0)):
            assert 0 <= float(cx) <= layout.width and 0 <= float(cy) <= layout.height
    assert "On the map:" not in figure
    assert re.search(r"Not on the map, which shows latitudes 80° S to 84° N only: <a [^>]*>The Pole</a>", figure)
    view = cg.View(0.0, -1.0, lat, 1.0, lat).widened(1.3, cg.MIN_SPAN)
    assert cg.SOUTH <= view.south < view.north <= cg.NORTH


def test_a_place_near_the_edge_of_the_latitudes_is_on_its_map(tmp_path: Path) -> None:
    """A view that would reach past 84° N is moved south, not cut: a place at 83.5° N is
    drawn inside the map, with the places around it."""
    figure, _ = _map_of(
        tmp_path,
        "  - {id: cape, name: Cape North, kind: village, coordinates: {lat: 83.5, lon: -30.0}, description: x}\n",
        "cape",
    )
    assert "On the map: <a" in figure and "Not on the map" not in figure
    for cy in re.findall(r'<circle class="map-pin[^"]*" cx="[-\d.]+" cy="([-\d.]+)"', figure):
        assert 0 < float(cy) < cg.WIDE.height


def test_thousands_of_places_at_one_point_are_found_by_id_not_compared_in_pairs(tmp_path: Path, monkeypatch) -> None:
    """3,000 places at one point, all within one parent: its map holds one numbered mark of
    them all, and no two places are compared field by field (the lists once scanned for each
    place cost 9 million comparisons)."""
    villages = "".join(
        f"  - {{id: v-{i}, name: Village {i}, kind: village, coordinates: {{lat: 40.5, lon: 45.25}}, "
        "parents: [alphaville], description: x}\n"
        for i in range(3_000)
    )
    compared = []
    monkeypatch.setattr(cg.Place, "__eq__", lambda self, other: compared.append(1) or self is other)
    figure, _ = _map_of(tmp_path, villages, "alphaville")
    assert compared == []
    groups = re.findall(r'<li value="1">([^<]*)</li>', figure)
    assert len(groups) == len(cg.LAYOUTS) and groups[0].count(", ") == 3_000  # Alphaville and the 3,000


def _merged_pair_by_pair(at: list[tuple[float, float]], groups: list[list[int]], layout: cg.Layout) -> list[list[int]]:
    """The merging of overlapping marks as it was first written: the first overlapping pair in
    order, found by comparing every pair again after each merge (cubic in the marks)."""
    groups = [list(g) for g in groups]
    while True:
        middle = [cg._middle(at, members) for members in groups]
        pair = next(
            (
                (i, j)
                for i, j in itertools.combinations(range(len(groups)), 2)
                if math.dist(middle[i], middle[j]) < cg._radius(layout, groups[i]) + cg._radius(layout, groups[j])
            ),
            None,
        )
        if pair is None:
            return groups
        i, j = pair
        groups[i] = sorted(groups[i] + groups[j])
        del groups[j]


@pytest.mark.parametrize("seed", range(6))
def test_marks_merged_through_a_grid_are_those_merged_pair_by_pair(seed: int) -> None:
    """The grid that finds overlapping marks near-linearly merges the same marks, in the same
    order, as comparing every pair after each merge did."""
    rng = random.Random(seed)
    size = rng.choice([30, 120, 400])
    at = [(rng.uniform(0, 300), rng.uniform(0, 200)) for _ in range(size)]
    groups = cg._clusters(at, cg.WIDE.pin * 2.5)
    assert cg._merged(at, groups, cg.WIDE) == _merged_pair_by_pair(at, groups, cg.WIDE)


def test_a_grid_of_thousands_of_places_gets_marks_that_never_overlap_and_labels_that_never_do() -> None:
    """1,600 and 6,400 places on a grid (clustered by cells past ``CLUSTER_EXACT``): every place
    is in exactly one mark, no two marks are drawn over each other, and no two labels overlap
    (each checked against the taken boxes near it)."""
    for side in (40, 80):
        places = [_place(f"P{i}-{j}", 45.0 + i * 0.02, 40.0 + j * 0.02) for i in range(side) for j in range(side)]
        frame = cg.Frame(cg.view_of(places), cg.WIDE)
        found = cg.marks(frame, places)
        assert sorted(p.id for m in found for p in m.places) == sorted(p.id for p in places)
        for a, b in itertools.combinations(found, 2):
            assert math.dist((a.x, a.y), (b.x, b.y)) >= a.radius(cg.WIDE) + b.radius(cg.WIDE)
        labels = cg.Labels(cg.WIDE)
        for mark in found:
            labels.take((mark.x - 6, mark.y - 6, mark.x + 6, mark.y + 6))
        for mark in found:
            labels.place(mark.places[0].name, cg.around(mark.x, mark.y, 9, 16), 16, "place")
        boxes = [b for b in labels.taken]
        placed = boxes[len(found) :]
        assert placed  # some labels fit
        for i, a in enumerate(placed):
            assert all(not cg._overlaps(a, b) for b in boxes[: len(found) + i]), a


def test_the_label_index_finds_every_box_a_label_would_cover() -> None:
    rng = random.Random(7)
    labels = cg.Labels(cg.WIDE)
    boxes = []
    for _ in range(300):
        x, y = rng.uniform(-100, 800), rng.uniform(-100, 500)
        box = (x, y, x + rng.uniform(1, 300), y + rng.uniform(1, 40))
        boxes.append(box)
        labels.take(box)
    for _ in range(2_000):
        x, y = rng.uniform(0, 720), rng.uniform(0, 420)
        probe = (x, y, x + rng.uniform(1, 200), y + rng.uniform(1, 30))
        assert labels.free(probe) == (not any(cg._overlaps(probe, b) for b in boxes))


def test_the_overview_map_says_how_many_places_it_leaves_out_and_where_they_are(tmp_path: Path) -> None:
    """Past ``OVERVIEW_MAP_LIMIT`` places, the places page's map says how many of how many it
    takes, which (first and last by name) and where the others are."""
    from generator.render.listings import OVERVIEW_MAP_LIMIT, render_entities

    villages = "".join(
        f"  - {{id: v-{i:04d}, name: Village {i:04d}, kind: village, "
        f"coordinates: {{lat: {40 + i % 50 * 0.01:.2f}, lon: {45 + i // 50 * 0.01:.2f}}}, description: x}}\n"
        for i in range(OVERVIEW_MAP_LIMIT + 100)
    )
    model = checked_model(_corpus_with(tmp_path, villages), ROOT)
    (_, page), *_ = render_entities(model, "location")
    figure = re.search(r'<figure class="briefing-map".*?</figure>', page.body, re.S)
    assert figure is not None
    assert (
        "Of the 602 places, this map takes the first 500 by name (Alphaville to Village 0497); "
        "the other 102 (Village 0498 to Village 0599) are listed below" in figure.group(0)
    )
    small = checked_model(MINI, ROOT)
    (_, page), *_ = render_entities(small, "location")
    assert "this map takes" not in page.body


def test_a_ring_that_encloses_nothing_is_drawn_and_named_as_a_line(tmp_path: Path) -> None:
    """A polygon whose positions lie on one line has no area: it is drawn as the line it is,
    and the legend calls it a line, not an area."""
    # The second ring's area comes out as 3.5e-16, not 0, from rounding alone.
    for n, ring in enumerate(
        (
            [[45.3, 40.9], [45.5, 41.0], [45.7, 41.1], [45.3, 40.9]],
            [[45.1, 40.7], [45.3, 40.8], [45.5, 40.9], [45.1, 40.7]],
        )
    ):
        place = _geometry_place("flat-ring", {"type": "Polygon", "coordinates": [ring]})
        figure, _ = _map_of(tmp_path / str(n), place, "flat-ring")
        assert "a line or border" in figure and "an area" not in figure
        assert 'class="map-line map-line--own"' in figure and "map-area" not in figure.split("map-legend")[0]


def test_an_area_beyond_the_latitudes_a_map_shows_is_not_said_to_be_on_it(tmp_path: Path) -> None:
    """An area wholly north of ``NORTH`` (85° to 89° N) would be clipped away: the legend names
    it as not on the map, not as drawn."""
    ring = [[-10.0, 85.0], [10.0, 85.0], [10.0, 89.0], [-10.0, 89.0], [-10.0, 85.0]]
    cap = _geometry_place("ice-cap", {"type": "Polygon", "coordinates": [ring]}, lat=87.0, lon=0.0)
    figure, _ = _map_of(tmp_path, cap, "ice-cap")
    assert "On the map:" not in figure and re.search(r"Not on the map, [^<]*<a [^>]*>Ice-Cap</a>", figure)
