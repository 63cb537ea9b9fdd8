"""Maps drawn as SVG when the site is built: what to show, where, and where each label goes.

- Outlines: Natural Earth (``generator.facts.boundaries``), only those the map's view reaches,
  clipped to it and simplified to its scale (Shapely).
- Projection: Web Mercator centred on the view (pyproj), every shape first cut at the
  meridian opposite the centre and moved to the view's side of it, so that no outline
  crossing the 180th meridian becomes a band across the map.
- Simplifying: no line or ring of more than ``SIMPLIFY_LIMIT`` positions reaches GEOS's
  simplifier, whose recursion goes as deep as a line has positions (a zig-zag of 55,000
  overflows an 8 MB stack): a longer one is thinned first, in one pass.
- Latitudes: Web Mercator stretches without end towards the poles, so a view keeps within
  ``SOUTH`` and ``NORTH``; a place whose point lies beyond is not drawn, and the legend
  says so.
- Clustering: places whose pins would overlap at the map's scale are one numbered mark
  (complete-linkage clustering, SciPy, up to ``CLUSTER_EXACT`` distinct points; beyond,
  cells of the grouping distance), and marks still drawn over each other are merged,
  found through a grid of cells: in time near linear in the places.
- Labels: each mark's name where it fits, tried at eight positions around the pin in
  order of importance (the page's own place first), against what is taken nearby (a grid
  of cells); a name that fits nowhere is left to the legend, which lists every place.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from pyproj import Transformer
from scipy.cluster.hierarchy import fclusterdata
from shapely import (
    GeometryCollection,
    LineString,
    MultiLineString,
    MultiPolygon,
    Polygon,
    bounds,
    clip_by_rect,
    contains_xy,
    transform,
)
from shapely.affinity import translate
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from generator.facts import boundaries

CHAR_WIDTH = 0.6  # a label's width per character, in ems (a generous estimate for sans-serif type)
CAPITALS_WIDTH = 0.8  # the same for a country's name, in spaced capitals
MIN_SPAN = 2.0  # degrees of latitude a map shows at least (some 220 km), around a lone place
PAD = 0.15  # of the places' extent, added around it
WORLD_DETAIL_SPAN = 30.0  # degrees of longitude beyond which the coarse atlas (1:110m) is enough
GROUP_SCALE, OWN_SCALE = 1.9, 1.4  # a group's circle and the page's own place's pin, in pins
LOCATOR_SPAN = 24.0  # a map narrower than this (degrees of longitude) gets a locator inset
SOUTH, NORTH = -80.0, 84.0  # the latitudes a map's view keeps within (Mercator grows without end towards the poles)
# Positions of one line or ring handed to GEOS's simplifier at most: its recursion goes as deep
# as a line has positions at worst (a zig-zag), and 55,000 overflowed an 8 MB stack (Shapely
# 2.2, GEOS 3.14). The atlas's longest ring, Russia's at 1:10m, has 22,849, clipped to a view
# far fewer; validation caps a place's line or area at 5,000 (validate.places.MAX_POSITIONS).
SIMPLIFY_LIMIT = 10_000
CLUSTER_EXACT = 500  # distinct points clustered exactly (complete linkage keeps every distance: quadratic)


@dataclass(frozen=True)
class Layout:
    """One drawing of a map: its size in SVG units, the size of its type and its pins."""

    name: str
    width: int
    height: int
    font: float
    pin: float
    inset: tuple[int, int]


# One drawing for each width of box the stylesheet tells apart (540 px and wider, 380 to
# 540, narrower down to 280), each with type that is 12 px or more at its narrowest.
WIDE = Layout("wide", 720, 420, 16.0, 6.0, (150, 100))
MEDIUM = Layout("medium", 480, 340, 15.2, 5.5, (110, 80))
NARROW = Layout("narrow", 320, 280, 13.8, 5.0, (84, 64))
LAYOUTS = (WIDE, MEDIUM, NARROW)


@dataclass
class Place:
    """A place on a map: its point, and its line or area where it has one (degrees)."""

    id: str
    name: str
    url: str
    lon: float
    lat: float
    shape: BaseGeometry | None = None
    own: bool = False

    @property
    def kind(self) -> str:
        if self.shape is None:
            return "point"
        return "area" if self.shape.geom_type in ("Polygon", "MultiPolygon") else "line"


@dataclass
class View:
    """The part of the Earth a map shows: a box in degrees, its longitudes unwrapped
    around ``centre`` (so a view across the 180th meridian is one box)."""

    centre: float
    west: float
    south: float
    east: float
    north: float

    @property
    def span(self) -> float:
        return self.east - self.west

    def widened(self, factor: float, least: float) -> View:
        """The view ``factor`` times as large (at least ``least`` degrees wide), within
        ``SOUTH`` and ``NORTH``: a view that would reach past one is moved back from it."""
        half_lon = max(self.span * factor, least) / 2
        half_lat = min(max((self.north - self.south) * factor, least * 0.6), NORTH - SOUTH) / 2
        mid_lon, mid_lat = (self.west + self.east) / 2, (self.north + self.south) / 2
        mid_lat = min(max(mid_lat, SOUTH + half_lat), NORTH - half_lat)
        south, north = max(mid_lat - half_lat, SOUTH), min(mid_lat + half_lat, NORTH)
        return View(
            self.centre,
            max(mid_lon - half_lon, self.centre - 180),
            south,
            min(mid_lon + half_lon, self.centre + 180),
            north,
        )


def near(lon: float, centre: float) -> float:
    """``lon`` moved by whole turns to lie within half a turn of ``centre``."""
    return lon - 360 * round((lon - centre) / 360)


def _parts(shape: BaseGeometry) -> list[BaseGeometry]:
    return list(getattr(shape, "geoms", [shape]))


_PARTS: dict[int, tuple[BaseGeometry, np.ndarray, np.ndarray]] = {}  # by id: the shape, its parts and their boxes


def _parts_and_boxes(shape: BaseGeometry) -> tuple[np.ndarray, np.ndarray]:
    """A shape's parts and their boxes, found once per shape (a country of hundreds of
    islands is drawn on many maps)."""
    kept = _PARTS.get(id(shape))
    if kept is None or kept[0] is not shape:
        parts = np.array(_parts(shape), dtype=object)
        kept = _PARTS[id(shape)] = (shape, parts, bounds(parts).reshape(-1, 4))
    return kept[1], kept[2]


def beside(shape: BaseGeometry, centre: float, within: tuple[float, float, float, float] | None = None) -> BaseGeometry:
    """``shape`` cut at the meridian opposite ``centre``, each piece moved by whole turns
    to the centre's side: continuous within [centre - 180, centre + 180]. With ``within``
    (west, south, east, north, longitudes around the centre), only the parts that reach it."""
    cut = near(centre + 180, 0)  # the opposite meridian, within [-180, 180]
    parts, boxes = _parts_and_boxes(shape)
    if within is not None and len(parts) > 1:
        west, south, east, north = within
        reach = (boxes[:, 1] <= north) & (boxes[:, 3] >= south)
        across = np.zeros(len(parts), dtype=bool)
        for turn in (-360.0, 0.0, 360.0):
            across |= (boxes[:, 0] + turn <= east) & (boxes[:, 2] + turn >= west)
        parts, boxes = parts[reach & across], boxes[reach & across]
    pieces = []
    for part, (part_west, _, part_east, _) in zip(parts, boxes, strict=True):
        whole = not part_west < cut < part_east
        for west, east in ((-540.0, cut - 1e-9), (cut + 1e-9, 540.0)):
            piece = part if whole else clip_by_rect(part, west, -90, east, 90)
            for bit in _parts(piece):
                if not bit.is_empty and bit.geom_type in ("Polygon", "LineString"):
                    bit_west, _, bit_east, _ = bit.bounds if not whole else (part_west, 0, part_east, 0)
                    middle = (bit_west + bit_east) / 2
                    turn = near(middle, centre) - middle
                    pieces.append(translate(bit, turn) if turn else bit)
            if whole:
                break
    if not pieces:
        return shape.__class__() if within is not None else shape
    if len(pieces) == 1:
        return pieces[0]
    polygons = [p for p in pieces if isinstance(p, Polygon)]
    if len(polygons) == len(pieces):
        return MultiPolygon(polygons)
    return MultiLineString([p for p in pieces if isinstance(p, LineString)])


def drawable(place: Place) -> bool:
    """Whether a map can draw the place: a point within ``SOUTH`` and ``NORTH`` (one at a pole
    would be drawn far off the map), or a line or area that reaches between them."""
    if place.shape is None:
        return SOUTH <= place.lat <= NORTH
    _, south, _, north = place.shape.bounds
    return south <= NORTH and north >= SOUTH


def view_of(places: Sequence[Place]) -> View:
    """The view that holds ``places`` (their points, lines and areas), padded, never less than ``MIN_SPAN``,
    within ``SOUTH`` and ``NORTH`` (a point beyond is taken at the nearest of them)."""
    angles = [math.radians(p.lon) for p in places]
    centre = math.degrees(math.atan2(sum(map(math.sin, angles)), sum(map(math.cos, angles))))
    boxes = []
    for place in places:
        lon, lat = near(place.lon, centre), min(max(place.lat, SOUTH), NORTH)
        boxes.append((lon, lat, lon, lat))
        if place.shape is not None:
            boxes.append(beside(place.shape, centre).bounds)
    west, south = min(b[0] for b in boxes), min(b[1] for b in boxes)
    east, north = max(b[2] for b in boxes), max(b[3] for b in boxes)
    view = View(centre, west, south, east, north)
    return view.widened(1 + 2 * PAD, MIN_SPAN)


def core(places: Sequence[Place]) -> list[Place]:
    """The places that lie together: those far beyond the others (a capital where talks
    were held, for a war on a border) are left for the legend to name, so that the map
    shows where things happened at a scale that tells them apart."""
    if len(places) < 3:
        return list(places)

    def apart(a: Place, b: Place) -> float:
        scale = math.cos(math.radians((a.lat + b.lat) / 2))
        return math.hypot((near(a.lon, b.lon) - b.lon) * scale, a.lat - b.lat)

    middle = min(places, key=lambda p: sum(apart(p, q) for q in places))  # the medoid
    away = [apart(p, middle) for p in places]
    reach = max(4 * sorted(away)[len(away) // 2], 2 * MIN_SPAN)
    return [p for p, d in zip(places, away, strict=True) if d <= reach]


def holds(view: View, place: Place) -> bool:
    """Whether the place's point, or some of its line or area, lies within the view."""
    lon = near(place.lon, view.centre)
    if view.west <= lon <= view.east and view.south <= place.lat <= view.north:
        return True
    if place.shape is None:
        return False
    return not clip_by_rect(beside(place.shape, view.centre), view.west, view.south, view.east, view.north).is_empty


@dataclass
class Frame:
    """A view projected onto a layout: degrees to SVG units."""

    view: View
    layout: Layout
    scale: float = 0.0
    origin: tuple[float, float] = (0.0, 0.0)
    project: Transformer = field(init=False)

    def __post_init__(self) -> None:
        self.project = Transformer.from_crs(
            "EPSG:4326", f"+proj=merc +lon_0={self.view.centre:.6f} +over +datum=WGS84 +units=m", always_xy=True
        )
        (x0, x1), (y0, y1) = self.project.transform(
            [self.view.west, self.view.east], [self.view.south, self.view.north]
        )
        self.scale = min(self.layout.width / (x1 - x0), self.layout.height / (y1 - y0))
        mid_x, mid_y = (x0 + x1) / 2, (y0 + y1) / 2
        self.origin = (mid_x - self.layout.width / 2 / self.scale, mid_y + self.layout.height / 2 / self.scale)
        west, north = self.unproject(0, 0)
        east, south = self.unproject(self.layout.width, self.layout.height)
        self.view = View(self.view.centre, west, max(south, -85.0), east, min(north, 85.0))

    def unproject(self, x: float, y: float) -> tuple[float, float]:
        lon, lat = self.project.transform(
            self.origin[0] + x / self.scale, self.origin[1] - y / self.scale, direction="INVERSE"
        )
        return float(lon), float(lat)

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = self.project.transform(near(lon, self.view.centre), lat)
        return (x - self.origin[0]) * self.scale, (self.origin[1] - y) * self.scale

    def shape(self, shape: BaseGeometry, margin: float = 0.05, tolerance: float = 0.6) -> BaseGeometry:
        """``shape`` (degrees) clipped to the view, projected to SVG units and simplified
        to ``tolerance`` units (an outline's detail beyond what the map can show is left out)."""
        v = self.view
        pad = margin * max(v.span, v.north - v.south)
        box = (v.west - pad, v.south - pad, v.east + pad, v.north + pad)
        clipped = clip_by_rect(beside(shape, v.centre, box), *box)
        if clipped.is_empty:
            return clipped

        def to_svg(coords: np.ndarray) -> np.ndarray:
            x, y = self.project.transform(coords[:, 0], np.clip(coords[:, 1], -85, 85))
            return np.column_stack(
                ((np.asarray(x) - self.origin[0]) * self.scale, (self.origin[1] - np.asarray(y)) * self.scale)
            )

        drawn = simplified(transform(clipped, to_svg), tolerance)
        return (
            drawn if not drawn.is_empty and (drawn.area > tolerance or drawn.length > tolerance) else drawn.__class__()
        )


def simplified(shape: BaseGeometry, tolerance: float) -> BaseGeometry:
    """``shape`` simplified to ``tolerance`` (Douglas-Peucker, topology kept), each line or ring
    of more than ``SIMPLIFY_LIMIT`` positions thinned first (``_thinned``), so that GEOS's
    recursion stays shallow whatever the input."""
    if shapely.get_num_coordinates(shape) > SIMPLIFY_LIMIT:
        shape = _thinned(shape, tolerance)
    return shape.simplify(tolerance)


def _thinned(shape: BaseGeometry, tolerance: float) -> BaseGeometry:
    """``shape`` with each line or ring of more than ``SIMPLIFY_LIMIT`` positions thinned in one
    pass: a position in the same cell of ``tolerance`` units as the one before is left out (it
    changes nothing a map shows), then, where that is not enough (a line that zig-zags at every
    position), every k-th is kept."""
    if shape.is_empty:
        return shape
    if isinstance(shape, Polygon):
        return _thinned_polygon(shape, tolerance)
    if isinstance(shape, LineString):
        return LineString(_thin(shape.coords, tolerance, ring=False))
    if isinstance(shape, MultiPolygon):
        return MultiPolygon([_thinned_polygon(part, tolerance) for part in shape.geoms])
    if isinstance(shape, MultiLineString):
        return MultiLineString([_thin(part.coords, tolerance, ring=False) for part in shape.geoms])
    if isinstance(shape, GeometryCollection):
        return GeometryCollection([_thinned(part, tolerance) for part in shape.geoms])
    return shape


def _thinned_polygon(shape: Polygon, tolerance: float) -> Polygon:
    return Polygon(
        _thin(shape.exterior.coords, tolerance, ring=True),
        [_thin(interior.coords, tolerance, ring=True) for interior in shape.interiors],
    )


def _thin(coords: Iterable[Sequence[float]], tolerance: float, ring: bool) -> np.ndarray:
    points = np.asarray(coords, dtype=np.float64)[:, :2]
    if len(points) <= SIMPLIFY_LIMIT:
        return points
    cells = np.floor(points / tolerance)
    keep = np.ones(len(points), dtype=bool)
    keep[1:-1] = (cells[1:-1] != cells[:-2]).any(axis=1)
    if keep.sum() >= (4 if ring else 2):  # a ring needs four positions, the last the first
        points = points[keep]
    if len(points) > SIMPLIFY_LIMIT:
        step = math.ceil((len(points) - 1) / (SIMPLIFY_LIMIT - 1))
        points = np.vstack([points[:-1:step], points[-1:]])
    return points


def path(shape: BaseGeometry, digits: int = 1) -> str:
    """An SVG path of a projected line or area, to ``digits`` decimals of a unit (a country's
    outline needs none: a unit is at most a pixel and a half), each point written as its step
    from the last (``l``: fewer characters than where it is)."""
    scale = 10**digits
    out = []
    for part in _parts(shape):
        rings = [part.exterior, *part.interiors] if isinstance(part, Polygon) else [part]
        for ring in rings:
            points = np.rint(np.asarray(ring.coords)[:, :2] * scale).astype(np.int64)
            if len(points) > 1:
                steps = np.diff(points, axis=0)
                steps = steps[(steps != 0).any(axis=1)]  # a point rounded onto the last one says nothing
                if len(steps) == 0 and isinstance(part, Polygon):
                    continue
                out.append(
                    f"M{_number(points[0][0], digits)} {_number(points[0][1], digits)}"
                    + (
                        "l" + " ".join(f"{_number(dx, digits)} {_number(dy, digits)}" for dx, dy in steps)
                        if len(steps)
                        else ""
                    )
                    + ("Z" if isinstance(part, Polygon) else "")
                )
    return "".join(out)


def _number(value: int, digits: int) -> str:
    """``value`` tenths (for one digit) as SVG writes them: ``-1.2``, ``3``, ``0.5``."""
    if digits == 0:
        return str(int(value))
    whole, rest = divmod(abs(int(value)), 10**digits)
    sign = "-" if value < 0 else ""
    return f"{sign}{whole}" + (f".{rest:0{digits}d}".rstrip("0") if rest else "")


@dataclass
class Mark:
    """What a map draws for one place or a group of places too close to tell apart."""

    places: list[Place]
    x: float
    y: float
    number: int = 0  # a group's number in the legend

    @property
    def own(self) -> bool:
        return any(p.own for p in self.places)

    def radius(self, layout: Layout) -> float:
        """A group's circle, with its number, is larger than a pin; the page's own place's pin too."""
        return layout.pin * (GROUP_SCALE if self.number else OWN_SCALE if self.own else 1)


def marks(frame: Frame, points: Sequence[Place]) -> list[Mark]:
    """Pins for the places drawn as points, those closer than two pins grouped (a group is numbered)."""
    at = [frame.point(p.lon, p.lat) for p in points]
    if len(points) < 2:
        return [Mark([p], *xy) for p, xy in zip(points, at, strict=True)]
    groups_of = _merged(at, _clusters(at, frame.layout.pin * 2.5), frame.layout)
    result = [Mark([points[i] for i in members], *_middle(at, members)) for members in groups_of]
    number = 0
    for mark in result:
        if len(mark.places) > 1:
            number += 1
            mark.number = number
    return result


def _clusters(at: list[tuple[float, float]], reach: float) -> list[list[int]]:
    """The points (their indices, in order) in groups no wider than ``reach``: complete
    linkage over the distinct points (places at one point are one), or, past
    ``CLUSTER_EXACT`` of them, the square cells whose diagonal is ``reach``."""
    distinct: dict[tuple[float, float], list[int]] = {}
    for index, xy in enumerate(at):
        distinct.setdefault(xy, []).append(index)
    where, members = list(distinct), list(distinct.values())
    if len(where) == 1:
        labels = [1]
    elif len(where) <= CLUSTER_EXACT:
        labels = [int(g) for g in fclusterdata(np.array(where), t=reach, criterion="distance", method="complete")]
    else:
        side = reach / math.sqrt(2)
        cells: dict[tuple[int, int], int] = {}
        labels = [cells.setdefault((math.floor(x / side), math.floor(y / side)), len(cells)) for x, y in where]
    found: dict[int, list[int]] = {}
    for label, indices in zip(labels, members, strict=True):
        found.setdefault(label, []).extend(indices)
    return sorted(sorted(group) for group in found.values())


def _merged(at: list[tuple[float, float]], groups: list[list[int]], layout: Layout) -> list[list[int]]:
    """Groups whose marks would be drawn over each other (a group's circle is larger than a
    pin) made one, pair by pair, the first overlapping pair in order first, until none
    overlap. The marks nearby are found through a grid of cells as wide as two marks can be
    apart and still overlap, and a merge only calls for the new mark to be checked again
    against those before it: near-linear in the marks."""
    members = dict(enumerate(groups))
    centre = {k: _middle(at, m) for k, m in members.items()}
    reach = 2 * (layout.pin * GROUP_SCALE + 1)
    grid: dict[tuple[int, int], set[int]] = {}

    def cell(k: int) -> tuple[int, int]:
        return math.floor(centre[k][0] / reach), math.floor(centre[k][1] / reach)

    def overlapping(k: int) -> list[int]:
        x, y = cell(k)
        return [
            other
            for dx, dy in itertools.product((-1, 0, 1), repeat=2)
            for other in grid.get((x + dx, y + dy), ())
            if other != k
            and math.dist(centre[k], centre[other]) < _radius(layout, members[k]) + _radius(layout, members[other])
        ]

    def merge(kept: int, gone: int) -> None:
        for k in (kept, gone):
            grid[cell(k)].discard(k)
        members[kept] = sorted(members[kept] + members.pop(gone))
        del centre[gone]
        centre[kept] = _middle(at, members[kept])
        grid.setdefault(cell(kept), set()).add(kept)

    for k in members:
        grid.setdefault(cell(k), set()).add(k)
    row = 0  # every pair of marks whose first is before ``row`` is known not to overlap
    while row < len(groups):
        later = [k for k in overlapping(row) if k > row] if row in members else []
        if not later:
            row += 1
            continue
        merge(row, min(later))
        while earlier := [k for k in overlapping(row) if k < row]:
            first = min(earlier)
            merge(first, row)
            row = first
    return [members[k] for k in sorted(members)]


def _middle(at: list[tuple[float, float]], members: list[int]) -> tuple[float, float]:
    return sum(at[i][0] for i in members) / len(members), sum(at[i][1] for i in members) / len(members)


def _radius(layout: Layout, members: list[int]) -> float:
    """A mark's radius: a group's circle, with its number, is larger than a pin (a page's own
    place is drawn a little larger too, which the margin of two units covers)."""
    return layout.pin * (GROUP_SCALE if len(members) > 1 else OWN_SCALE) + 1


Box = tuple[float, float, float, float]


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


LABEL_CELL = 64.0  # SVG units: the side of the cells by which taken boxes are found


@dataclass
class Labels:
    """Labels placed so far on one drawing, and what they must not cover (each box also
    filed under the cells of ``LABEL_CELL`` units it touches, so that a label is checked
    against what lies near it only)."""

    layout: Layout
    taken: list[Box] = field(default_factory=list)
    placed: list[tuple[str, float, float, str, str]] = field(default_factory=list)  # text, x, y, anchor, class
    cells: dict[tuple[int, int], list[Box]] = field(default_factory=dict)

    def size(self, text: str, font: float, kind: str = "") -> tuple[float, float]:
        return len(text) * font * (CAPITALS_WIDTH if kind == "country" else CHAR_WIDTH), font * 1.25

    def take(self, box: Box) -> None:
        """Mark ``box`` as covered: no label is placed over it."""
        self.taken.append(box)
        for key in _cells(box):
            self.cells.setdefault(key, []).append(box)

    def free(self, box: Box) -> bool:
        return not any(_overlaps(box, other) for key in _cells(box) for other in self.cells.get(key, ()))

    def place(self, text: str, candidates: Iterable[tuple[float, float, str]], font: float, kind: str) -> bool:
        """The first candidate (x, y of the baseline, anchor) where ``text`` fits, if any."""
        width, height = self.size(text, font, kind)
        for x, y, anchor in candidates:
            left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
            area = (left - 2, y - font * 0.95, left + width + 2, y - font * 0.95 + height)
            if area[0] < 2 or area[1] < 2 or area[2] > self.layout.width - 2 or area[3] > self.layout.height - 2:
                continue
            if not self.free(area):
                continue
            self.take(area)
            self.placed.append((text, x, y, anchor, kind))
            return True
        return False


def _cells(box: Box) -> Iterator[tuple[int, int]]:
    """The cells of ``LABEL_CELL`` units a box touches (a box far off the drawing, in the cells at its edge)."""
    west, south, east, north = (min(max(v, -LABEL_CELL), 4096.0) for v in box)
    for x in range(math.floor(west / LABEL_CELL), math.floor(east / LABEL_CELL) + 1):
        for y in range(math.floor(south / LABEL_CELL), math.floor(north / LABEL_CELL) + 1):
            yield x, y


def around(x: float, y: float, gap: float, font: float) -> list[tuple[float, float, str]]:
    """Eight label positions around a pin: right, left, above, below, then the corners."""
    mid = y + font * 0.35
    return [
        (x + gap, mid, "start"),
        (x - gap, mid, "end"),
        (x, y - gap, "middle"),
        (x, y + gap + font * 0.8, "middle"),
        (x + gap * 0.7, y - gap * 0.7, "start"),
        (x - gap * 0.7, y - gap * 0.7, "end"),
        (x + gap * 0.7, y + gap * 0.7 + font * 0.7, "start"),
        (x - gap * 0.7, y + gap * 0.7 + font * 0.7, "end"),
    ]


def spots(shape: BaseGeometry, step: float) -> list[tuple[float, float]]:
    """Where a label of a projected area or line may go, best first: an area's pole of
    inaccessibility (the point farthest from its edge), then points of a grid inside it;
    a line's middle, then points along it."""
    if shape.is_empty:
        return []
    if shape.geom_type in ("Polygon", "MultiPolygon"):
        area = max(_parts(shape), key=lambda p: p.area)
        if not area.is_valid:
            area = area.buffer(0)
        if not isinstance(area, Polygon) or area.is_empty:
            return []
        best = polylabel(area, tolerance=1.0)
        west, south, east, north = area.bounds
        xs, ys = np.meshgrid(np.arange(west + step / 2, east, step), np.arange(south + step / 2, north, step))
        keep = contains_xy(area, xs.ravel(), ys.ravel())
        grid = list(zip(xs.ravel()[keep].tolist(), ys.ravel()[keep].tolist(), strict=True))
        grid.sort(key=lambda xy: (xy[0] - best.x) ** 2 + (xy[1] - best.y) ** 2)
        return [(best.x, best.y), *grid]
    line = max(_parts(shape), key=lambda p: p.length)
    return [(p.x, p.y) for p in (line.interpolate(f, normalized=True) for f in (0.5, 0.35, 0.65, 0.2, 0.8))]


def countries_in(view: View, detail: str = "") -> list[boundaries.Country]:
    """The countries whose outlines reach into ``view``, at the detail its scale needs."""
    detail = detail or ("110m" if view.span > WORLD_DETAIL_SPAN else "10m")
    found = []
    for country in boundaries.countries(detail):
        west, south, east, north = country.bounds
        if south > view.north or north < view.south:
            continue
        if any(west + turn <= view.east and east + turn >= view.west for turn in (-360, 0, 360)):
            found.append(country)
    return found
