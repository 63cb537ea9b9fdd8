"""Maps drawn when the site is built: outlines from the atlas, the 180th meridian, groups
of pins, labels that never overlap, and the SVG a map page holds."""

from __future__ import annotations

import itertools
import re

import pytest
from shapely import LineString

from generator import boundaries
from generator.render import cartography as cg
from generator.render.maps import _drawing, _unwrapped


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
        assert 0 <= a[0] and a[2] <= cg.NARROW.width and 0 <= a[1] and a[3] <= cg.NARROW.height
        for b in boxes[i + 1:]:
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
