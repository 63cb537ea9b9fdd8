"""Map blocks: the places to show, for the site's maps.js to draw with Leaflet."""

from __future__ import annotations

import json
from collections.abc import Iterable

from generator.model import Site
from generator.render import markup as mk
from generator.render import paths


def map_block(site: Site, location_ids: Iterable[str], here: str, title: str) -> str:
    """A map of the places, or nothing if there are none."""
    points = [_point(site, lid, here) for lid in dict.fromkeys(location_ids)]
    if not points:
        return ""
    data = json.dumps(points, ensure_ascii=False, sort_keys=True)
    return (
        f'<div class="briefing-map" role="region" aria-label="{mk.attr("Map: " + title)}" '
        f'data-points="{mk.attr(data)}"></div>'
    )


def _point(site: Site, location_id: str, here: str) -> dict[str, object]:
    """A place's marker, and its line or area where it has one (GeoJSON, drawn by maps.js)."""
    location = site.corpus.locations[location_id]
    point: dict[str, object] = {
        "name": location.name,
        "lat": location.coordinates.lat,
        "lon": location.coordinates.lon,
        "url": mk.relative_url(here, paths.entity("location", location_id)),
    }
    if location.geometry is not None:
        point["geometry"] = {"type": location.geometry.type, "coordinates": location.geometry.coordinates}
    return point
