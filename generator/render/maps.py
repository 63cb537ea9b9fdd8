"""Map blocks: the places to show, for the site's maps.js to draw with Leaflet."""

from __future__ import annotations

import json
from collections.abc import Iterable

from generator.model import Site
from generator.render import markdown as md
from generator.render import paths


def page_url(page: str) -> str:
    """The directory URL MkDocs gives a page: ``places/sotk.md`` → ``places/sotk/``."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(from_page: str, to_page: str) -> str:
    """A link usable in raw HTML (which MkDocs does not rewrite) from one page to another:
    up to the site's root, then down to the target's directory URL."""
    depth = page_url(from_page).count("/")
    return ("../" * depth + page_url(to_page)) or "./"


def map_block(site: Site, location_ids: Iterable[str], here: str, title: str) -> str:
    """A map of the places, or nothing if there are none."""
    points = [
        {
            "name": site.corpus.locations[lid].name,
            "lat": site.corpus.locations[lid].coordinates.lat,
            "lon": site.corpus.locations[lid].coordinates.lon,
            "url": relative_url(here, paths.entity("location", lid)),
        }
        for lid in dict.fromkeys(location_ids)
    ]
    if not points:
        return ""
    data = json.dumps(points, ensure_ascii=False, sort_keys=True)
    return (f'<div class="briefing-map" role="region" aria-label="{md.attr("Map: " + title)}" '
            f'data-points="{md.attr(data)}"></div>')
