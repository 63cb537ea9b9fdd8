"""Map blocks: a map of places drawn as SVG when the site is built, with its legend.

A map is drawn twice, for a wide and a narrow column (the stylesheet shows the one that
fits, by the width of the map's box), so that its type is never scaled below 12 px. Its
legend names every kind of mark it draws and links every place; places too far from
the others to share the map are named beneath it. Colours come from the stylesheet, so a
map follows the reader's palette at once. No script, and nothing loaded from elsewhere.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from markupsafe import Markup
from shapely.geometry import shape as geojson_shape
from shapely.geometry.base import BaseGeometry

from generator import inputs
from generator.facts import boundaries
from generator.model.site import Site
from generator.render import cartography as cg
from generator.render import markup as mk
from generator.render import paths

GROUP_NAMES = 28  # characters of names a group's label lists before it says "and N more"


def map_block(
    site: Site,
    location_ids: Iterable[str],
    here: str,
    title: str,
    own: str | None = None,
    fit: Iterable[str] | None = None,
    together: bool = False,
    note: Markup | None = None,
) -> Markup:
    """A map of the places (the page's own place, ``own``, marked out), fitted to those of
    ``fit`` where given (the others shown where they fall within it), and with ``together``
    to those of them that lie together; or nothing if there are no places. ``note`` (HTML)
    ends the legend: what the map leaves out, where it does."""
    places = [_place(site, location_id, here, own) for location_id in dict.fromkeys(location_ids)]
    if not places:
        return Markup()
    beyond = [p for p in places if not cg.drawable(p)]
    drawable = [p for p in places if cg.drawable(p)]
    fitting = set(fit) if fit is not None else set()
    fitted = [p for p in drawable if p.id in fitting] or drawable or places
    if together:
        fitted = cg.core(fitted)
    view = cg.view_of(fitted)
    fitted_ids = {p.id for p in fitted}
    shown = [p for p in drawable if p.id in fitted_ids or cg.holds(view, p)]
    shown_ids = {p.id for p in shown}
    away = [p for p in drawable if p.id not in shown_ids]
    drawings: list[Markup] = []
    drawn: set[str] = set()
    for layout in cg.LAYOUTS:
        html, kinds = _drawing(view, shown, layout)
        drawings.append(html)
        drawn |= kinds
    return mk.html(
        '<figure class="briefing-map" role="group" aria-label="{}" data-pagefind-ignore>{}{}</figure>',
        mk.attr("Map: " + title),
        mk.join("", drawings),
        _legend(shown, away, beyond, view, drawn, note),
    )


def _place(site: Site, location_id: str, here: str, own: str | None) -> cg.Place:
    location = site.corpus.locations[location_id]
    return cg.Place(
        location_id,
        location.name,
        mk.relative_url(here, paths.entity("location", location_id)),
        location.coordinates.lon,
        location.coordinates.lat,
        _shape(location),
        location_id == own,
    )


FLAT = 1e-9  # a ring's area, against its perimeter squared, below which it encloses nothing


def _shape(location: inputs.Location) -> BaseGeometry | None:
    """The place's line or area: its own geometry, else its outline from the atlas."""
    if location.geometry is not None:
        geometry = location.geometry
        shape = geojson_shape({"type": geometry.type, "coordinates": _unwrapped(geometry.coordinates)})
        # A ring that encloses nothing (its positions on one line) is drawn, and named, as the line it is.
        flat = "Polygon" in shape.geom_type and shape.area <= FLAT * shape.length**2  # 0 but for rounding
        return shape.boundary if flat else shape
    outline = location.outline
    if outline is not None:
        return boundaries.outline(outline.country, outline.province, outline.border)
    return None


def _unwrapped(coordinates: Any) -> Any:
    """Positions of each line moved by whole turns to follow on from the one before: a line
    from 179.5° E to 179.5° W crosses the 180th meridian, not the world."""
    if coordinates and isinstance(coordinates[0], (int, float)):
        return coordinates
    if (
        coordinates
        and isinstance(coordinates[0], list)
        and coordinates[0]
        and isinstance(coordinates[0][0], (int, float))
    ):
        line = [list(coordinates[0])]
        for lon, lat in coordinates[1:]:
            line.append([cg.near(lon, line[-1][0]), lat])
        return line
    return [_unwrapped(part) for part in coordinates]


# -- one drawing ---------------------------------------------------------------------


def _drawing(view: cg.View, places: Sequence[cg.Place], layout: cg.Layout) -> tuple[Markup, set[str]]:
    """One layout's SVG (and its list of numbered groups), and the kinds of mark it draws."""
    frame = cg.Frame(view, layout)
    labels = cg.Labels(layout)
    body: list[Markup] = [mk.html('<rect class="map-sea" width="{}" height="{}"/>', layout.width, layout.height)]
    countries = [(c.name, frame.shape(c.shape)) for c in cg.countries_in(frame.view)]
    countries = [(name, drawn) for name, drawn in countries if not drawn.is_empty]
    for _, drawn in countries:
        body.append(mk.html('<path class="map-land" d="{}"/>', cg.path(drawn, 0)))
    projected = {p.id: frame.shape(p.shape, margin=0.5) for p in places if p.shape is not None}
    for place in places:
        if place.kind == "area" and not projected[place.id].is_empty:
            own = " map-area--own" if place.own else ""
            body.append(_linked(place, mk.html('<path class="map-area{}" d="{}"/>', own, cg.path(projected[place.id]))))
    inset = _locator(frame, places)
    if inset:
        body.append(inset[0])
        labels.take(inset[1])
    pins = cg.marks(frame, [p for p in places if p.kind == "point"])
    drawn_pins: dict[bool, list[Markup]] = {False: [], True: []}  # single pins, numbered groups
    for mark in pins:
        radius = mark.radius(layout)
        labels.take((mark.x - radius, mark.y - radius, mark.x + radius, mark.y + radius))
        drawn_pins[bool(mark.number)].append(_pin(mark, radius, layout))
    body.extend(drawn_pins[False])
    # Lines over the pins (a border is never hidden under the places along it), under the groups' numbers.
    for place in places:
        if place.kind == "line" and not projected[place.id].is_empty:
            own = " map-line--own" if place.own else ""
            body.append(_linked(place, mk.html('<path class="map-line{}" d="{}"/>', own, cg.path(projected[place.id]))))
    body.extend(drawn_pins[True])
    _label_everything(labels, frame, pins, places, projected, countries)
    for text, x, y, anchor, kind in labels.placed:
        body.append(
            mk.html(
                '<text class="map-label map-label--{}" x="{:.1f}" y="{:.1f}" text-anchor="{}">{}</text>',
                kind,
                x,
                y,
                anchor,
                mk.text(text),
            )
        )
    groups = mk.join(
        "",
        (
            mk.html('<li value="{}">{}</li>', mark.number, mk.join(", ", (mk.text(p.name) for p in mark.places)))
            for mark in pins
            if mark.number
        ),
    )
    kinds = {("own" if mark.own else "group" if mark.number else "point") for mark in pins}
    kinds |= {p.kind for p in places if p.kind != "point" and not projected[p.id].is_empty}
    return (
        mk.html(
            '<div class="drawing-layout drawing-layout--{}"><svg class="map-drawing" viewBox="0 0 {} {}" '
            'aria-hidden="true" focusable="false" font-size="{}">{}</svg>',
            layout.name,
            layout.width,
            layout.height,
            layout.font,
            mk.join("", body),
        )
        + (
            mk.html('<ol class="map-groups" aria-label="Places drawn as one numbered mark">{}</ol>', groups)
            if groups
            else Markup()
        )
        + Markup("</div>"),
        kinds,
    )


def _linked(place: cg.Place, drawn: Markup) -> Markup:
    return mk.html('<a href="{}" tabindex="-1"><title>{}</title>{}</a>', mk.attr(place.url), mk.text(place.name), drawn)


def _pin(mark: cg.Mark, radius: float, layout: cg.Layout) -> Markup:
    own = " map-pin--own" if mark.own else ""
    if mark.number:
        names = ", ".join(p.name for p in mark.places)
        return mk.html(
            '<g class="map-group{}"><title>{}</title><circle cx="{:.1f}" cy="{:.1f}" r="{:.1f}"/><text x="{:.1f}" '
            'y="{:.1f}" text-anchor="middle">{}</text></g>',
            own,
            mk.text(names),
            mark.x,
            mark.y,
            radius,
            mark.x,
            mark.y + layout.font * 0.35,
            mark.number,
        )
    return _linked(
        mark.places[0],
        mk.html('<circle class="map-pin{}" cx="{:.1f}" cy="{:.1f}" r="{:.1f}"/>', own, mark.x, mark.y, radius),
    )


def _group_label(mark: cg.Mark) -> str:
    names = [p.name for p in mark.places]
    joined = ", ".join(names)
    return joined if len(joined) <= GROUP_NAMES else f"{names[0]} and {len(names) - 1} more"


def _label_everything(
    labels: cg.Labels,
    frame: cg.Frame,
    pins: list[cg.Mark],
    places: Sequence[cg.Place],
    projected: dict[str, BaseGeometry],
    countries: list[tuple[str, BaseGeometry]],
) -> None:
    """Labels in order of importance: the page's own place, pins, lines, areas, then countries."""
    font, layout = frame.layout.font, frame.layout

    def pin_label(mark: cg.Mark) -> None:
        radius = mark.radius(layout)
        text = _group_label(mark) if mark.number else mark.places[0].name
        labels.place(text, cg.around(mark.x, mark.y, radius + 3, font), font, "own" if mark.own else "place")

    def shape_label(place: cg.Place) -> None:
        candidates = [
            (x, y + dy, "middle")
            for x, y in cg.spots(projected[place.id], font * 2)
            for dy in ((font * 0.35, font * 1.5, -font * 0.8) if place.kind == "line" else (font * 0.35,))
        ]
        labels.place(place.name, candidates, font, "own" if place.own else place.kind)

    for mark in sorted(pins, key=lambda m: not m.own):
        if mark.own:
            pin_label(mark)
    for place in places:
        if place.own and place.kind != "point":
            shape_label(place)
    for mark in pins:
        if not mark.own:
            pin_label(mark)
    for kind in ("line", "area"):
        for place in places:
            if place.kind == kind and not place.own:
                shape_label(place)
    for name, drawn in countries:
        if not drawn.is_empty and drawn.area >= (font * 4) ** 2:
            spots = cg.spots(drawn, font * 2)[:40]
            labels.place(name, [(x, y + font * 0.35, "middle") for x, y in spots], font, "country")


def _locator(frame: cg.Frame, places: Sequence[cg.Place]) -> tuple[Markup, cg.Box] | None:
    """A small map of the region around, with the map's own view boxed, in the corner with
    fewest places; none for a map that already shows a large part of the world."""
    view, layout = frame.view, frame.layout
    if view.span > cg.LOCATOR_SPAN:
        return None
    width, height = layout.inset
    corners = [
        (4, layout.height - height - 4),
        (layout.width - width - 4, layout.height - height - 4),
        (4, 4),
        (layout.width - width - 4, 4),
    ]
    points = [frame.point(p.lon, p.lat) for p in places]

    def crowding(corner: tuple[int, int]) -> int:
        x, y = corner
        return sum(x - 20 <= px <= x + width + 20 and y - 20 <= py <= y + height + 20 for px, py in points)

    x, y = min(corners, key=crowding)
    around = cg.View(view.centre, view.west, view.south, view.east, view.north).widened(7, 20)
    inset = cg.Frame(around, cg.Layout("inset", width, height, layout.font, layout.pin, (0, 0)))
    body = [mk.html('<rect class="map-sea" width="{}" height="{}"/>', width, height)]
    for country in cg.countries_in(inset.view, "110m"):
        drawn = inset.shape(country.shape, tolerance=0.8)
        if not drawn.is_empty:
            body.append(mk.html('<path class="map-land" d="{}"/>', cg.path(drawn, 0)))
    (x0, y0), (x1, y1) = inset.point(view.west, view.north), inset.point(view.east, view.south)
    side = max(x1 - x0, y1 - y0, 6)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    body.append(
        mk.html(
            '<rect class="map-locator-box" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}"/>',
            cx - side / 2,
            cy - side / 2,
            side,
            side,
        )
    )
    svg = mk.html(
        '<svg class="map-locator" x="{}" y="{}" width="{}" height="{}" viewBox="0 0 {} {}">{}<rect '
        'class="map-locator-frame" width="{}" height="{}"/></svg>',
        x,
        y,
        width,
        height,
        width,
        height,
        mk.join("", body),
        width,
        height,
    )
    return svg, (x - 4, y - 4, x + width + 4, y + height + 4)


# -- the legend ----------------------------------------------------------------------

_SWATCHES = {
    "point": (Markup('<circle class="map-pin" cx="9" cy="7" r="4.5"/>'), Markup("a place")),
    "own": (Markup('<circle class="map-pin map-pin--own" cx="9" cy="7" r="5.5"/>'), Markup("this page's place")),
    "group": (
        Markup('<circle class="map-group-swatch" cx="9" cy="7" r="6"/>'),
        Markup("places too close to tell apart: numbered, listed beneath"),
    ),
    "line": (Markup('<path class="map-line" d="M1 10L17 4"/>'), Markup("a line or border")),
    "area": (
        Markup('<rect class="map-area" x="2" y="2" width="14" height="10"/>'),
        Markup("an area: a province, a region"),
    ),
}


def _legend(
    shown: Sequence[cg.Place],
    away: Sequence[cg.Place],
    beyond: Sequence[cg.Place],
    view: cg.View,
    kinds: set[str],
    note: Markup | None = None,
) -> Markup:
    key = mk.join(
        "",
        (
            mk.html(
                '<li><svg class="map-swatch" viewBox="0 0 18 14" aria-hidden="true" focusable="false">{}</svg>{}</li>',
                swatch,
                label,
            )
            for kind, (swatch, label) in _SWATCHES.items()
            if kind in kinds
        ),
    )
    parts = [mk.html('<ul class="map-key">{}</ul>', key)]
    if shown:
        parts.append(mk.html('<p class="map-places">On the map: {}.</p>', _links(shown)))
    if away:
        parts.append(mk.html('<p class="map-places">Too far away to share the map: {}.</p>', _links(away)))
    if beyond:
        parts.append(
            mk.html(
                '<p class="map-places">Not on the map, which shows latitudes {:g}° S to {:g}° N only: {}.</p>',
                -cg.SOUTH,
                cg.NORTH,
                _links(beyond),
            )
        )
    if note:
        parts.append(mk.html('<p class="map-places">{}</p>', note))
    parts.append(mk.html('<p class="map-credit">Outlines: Natural Earth. {}</p>', _elsewhere(view)))
    return mk.html('<figcaption class="map-legend">{}</figcaption>', mk.join("", parts))


def _links(places: Sequence[cg.Place]) -> Markup:
    return mk.join(", ", (mk.html('<a href="{}">{}</a>', mk.attr(p.url), mk.text(p.name)) for p in places))


def _elsewhere(view: cg.View) -> Markup:
    """A link to the same area on OpenStreetMap: loaded only if the reader follows it."""
    lat, lon = (view.north + view.south) / 2, cg.near((view.west + view.east) / 2, 0)
    zoom = max(1, min(18, round(math.log2(cg.WIDE.width * 360 / (256 * max(view.span, 0.01))))))
    address = f"https://www.openstreetmap.org/#map={zoom}/{lat:.4f}/{lon:.4f}"
    return mk.html(
        '<a href="{}" rel="noopener">This area on OpenStreetMap</a> (opens openstreetmap.org).', mk.attr(address)
    )
