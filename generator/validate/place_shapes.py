"""A place as drawn, and how far a point lies from it: the measures the checks of places
take (degrees, longitudes the short way round, lines continuous across the 180th meridian)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from shapely import Point
from shapely.geometry import shape as geojson_shape
from shapely.geometry.base import BaseGeometry

from generator import inputs
from generator.facts import boundaries


def is_area(location: inputs.Location) -> bool:
    if location.outline is not None and location.outline.border is None:
        return True
    return location.geometry is not None and "Polygon" in location.geometry.type


def distance(lat: float, lon: float, place: inputs.Location, drawn: BaseGeometry | None) -> float:
    """Degrees from a point to ``place``: to its area where it has one, else to its point
    (longitudes the short way round)."""
    away = area_distance(lat, lon, place, drawn)
    if away is not None:
        return away
    return max(abs(lat - place.coordinates.lat), _around(lon, place.coordinates.lon))


def area_distance(lat: float, lon: float, place: inputs.Location, drawn: BaseGeometry | None) -> float | None:
    """Degrees from a point to ``place``'s outline, or to the box around its drawn area
    (``drawn``, the drawing being coarse); None where it has neither."""
    outline = place.outline
    if outline is not None and outline.border is None:
        shape = boundaries.outline(outline.country, outline.province, None)
        if shape is not None:
            return degrees_to(shape, lat, lon)
    if drawn is None or drawn.geom_type not in ("Polygon", "MultiPolygon"):
        return None
    west, south, east, north = drawn.bounds
    dlat = max(south - lat, lat - north, 0)
    if east - west >= 360:
        return dlat
    lon = _near(lon, (west + east) / 2)
    return max(dlat, west - lon, lon - east, 0)


def degrees_to(shape: BaseGeometry, lat: float, lon: float) -> float:
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


def drawn_shape(geometry: inputs.Geometry, swapped: bool = False) -> BaseGeometry:
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


def slips(lat: float, lon: float) -> Iterator[tuple[str, float, float]]:
    """The points a slip of the pen would have meant instead: latitude and longitude
    swapped, or one sign turned."""
    if abs(lon) <= 90:
        yield "written latitude first", lon, lat
    yield "a sign turned (south and west are negative)", -lat, lon
    yield "a sign turned (south and west are negative)", lat, -lon
