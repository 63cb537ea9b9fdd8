"""A place: its kind, parents, point, line or area (GeoJSON) or outline in the atlas, and who
administers and claims it."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, StringConstraints, model_validator

from generator.inputs.fields import (
    GeometryType,
    LocationIds,
    LocationKind,
    Name,
    PartyIds,
    Slug,
    Strict,
    Text,
    WikidataId,
)
from generator.inputs.records import NATIVE_NAMES, Administration, Citation, Coordinates, NativeName


class LocationPart(Strict):
    """One part of a place split between administrations."""

    name: Name = Field(description="Which part, in words.", examples=["the part east of the line of contact"])
    administered_by: list[Administration] = Field(
        min_length=1,
        description="Who administers this part, and when: each entry's parties with `since`, `until` or `as_of`.",
        examples=[[{"by": ["azerbaijan"], "since": "2020-11-10"}]],
    )
    note: Text | None = Field(
        None, description="Anything else a reader should know.", examples=["Lines drawn in 2020."]
    )


class Geometry(Strict):
    """A GeoJSON geometry: a line (a border, a line of control, a corridor) or an area."""

    type: GeometryType = Field(description="The GeoJSON geometry type.", examples=["LineString"])
    coordinates: list[Any] = Field(
        description="GeoJSON coordinates: positions as [longitude, latitude] (longitude first), nested as the type requires.",
        examples=[[[45.86, 40.20], [45.90, 40.22]]],
    )

    @model_validator(mode="after")
    def _well_formed(self) -> Geometry:
        depth = {"LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3}[self.type]
        nesting, probe = 0, self.coordinates
        while isinstance(probe, list) and probe:
            nesting, probe = nesting + 1, probe[0]
        if nesting != depth + 1:
            raise ValueError(
                f"the coordinates of a {self.type} are nested {depth + 1} lists deep, "
                f"not {nesting}: {_NESTING[self.type]} | hint: check the number of brackets"
            )
        _check_positions(self.coordinates, depth, self.type)
        lines = (
            self.coordinates
            if depth == 2
            else [self.coordinates]
            if depth == 1
            else [ring for polygon in self.coordinates for ring in polygon]
        )
        for line in lines:
            if len({tuple(p) for p in line}) < 2:
                raise ValueError(f"a line of this {self.type} has one point only, repeated")
            if "Polygon" in self.type and (len(line) < 4 or line[0] != line[-1]):
                raise ValueError(
                    f"each ring of a {self.type} is closed: at least 4 positions, the last the same "
                    "as the first | hint: repeat the first position at the end of the ring"
                )
        return self

    def positions(self) -> list[tuple[float, float]]:
        """Every [lon, lat] position of the geometry, in order."""
        depth = {"LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3}[self.type]
        found: list[Any] = self.coordinates
        for _ in range(depth - 1):
            found = [item for group in found for item in group]
        return [(float(lon), float(lat)) for lon, lat in found]


_NESTING = {
    "LineString": "[[lon, lat], [lon, lat], ...]",
    "MultiLineString": "[[[lon, lat], ...], [[lon, lat], ...]]",
    "Polygon": "[[[lon, lat], ..., the first position again]] (rings)",
    "MultiPolygon": "[[[[lon, lat], ..., the first position again]], ...] (polygons of rings)",
}


def _check_positions(value: Any, depth: int, kind: str) -> None:
    """Positions nested ``depth`` lists deep, each [lon, lat] within range; a line needs two."""
    if not isinstance(value, list) or not value:
        raise ValueError(f"a {kind} needs a non-empty list of coordinates, written {_NESTING[kind]}")

    if depth > 1:
        for item in value:
            _check_positions(item, depth - 1, kind)
        return
    if len(value) < 2:
        raise ValueError(f"a {kind} needs at least two positions in each line")
    for position in value:
        if (
            not isinstance(position, list)
            or len(position) != 2
            or not all(isinstance(n, (int, float)) and not isinstance(n, bool) for n in position)
        ):
            raise ValueError(f"{position!r} is not a position: write [longitude, latitude], for example [45.86, 40.20]")
        lon, lat = position
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise ValueError(
                f"{position!r} is out of range: longitude comes first (-180 to 180), then latitude (-90 to 90)"
            )


CountryCode = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]{3}$"),
    Field(description="An ISO 3166-1 alpha-3 country code, in capitals.", examples=["THA"]),
]


class Outline(Strict):
    """Where a place's outline is drawn from (Natural Earth): a country, one of its
    provinces, or the land border two countries share."""

    country: CountryCode | None = Field(
        None, description="The country, or the country of the province.", examples=["THA"]
    )
    province: Name | None = Field(
        None,
        description="A province (state, region: the country's first-level division) by its Natural Earth name; accents, case and spaces do not matter.",
        examples=["Surin"],
    )
    border: list[CountryCode] | None = Field(
        None,
        min_length=2,
        max_length=2,
        description="The two countries whose shared land border this place is.",
        examples=[["KHM", "THA"]],
    )

    @model_validator(mode="after")
    def _one_kind(self) -> Outline:
        if self.border is not None and (self.country is not None or self.province is not None):
            raise ValueError(
                "an outline is a border or a country (with a province), not both | "
                "hint: write either `border: [KHM, THA]` or `country: THA` with `province: Surin`"
            )
        if self.border is None and self.country is None:
            raise ValueError(
                "an outline names a `country` (and a `province` of it) or a `border` | "
                "hint: for example `outline: {country: THA, province: Surin}`"
            )
        return self


class Location(Strict):
    """A place: country, region, city, village, corridor or border area."""

    id: Slug = Field(description="Unique id; also the page address.", examples=["sotk"])
    name: Name = Field(description="Name as readers know it.", examples=["Sotk"])
    kind: LocationKind = Field(description="What sort of place this is.", examples=["village"])
    coordinates: Coordinates = Field(
        description="A representative point: the centre of a place, or a point on a line such as a border.",
        examples=[{"lat": 40.2031, "lon": 45.8647}],
    )
    parents: LocationIds = Field(
        default_factory=list,
        description="Ids of the locations that contain this one; several where it straddles them (a valley across two regions, a border between two countries).",
        examples=[["gegharkunik"]],
    )
    aliases: list[Name] = Field(
        default_factory=list,
        description="Other names used in texts; each finds and links mentions.",
        examples=[["Zod"]],
    )
    native_names: list[NativeName] = Field(
        default_factory=list,
        description=NATIVE_NAMES,
        examples=[[{"name": "ปราสาทตาเมือนธม", "language": "th"}, {"name": "ប្រាសាទតាមាន់ធំ", "language": "km"}]],
    )
    description: Text = Field(
        description="One or two neutral sentences for the place's page.",
        examples=["A village in Gegharkunik Province, Armenia, near the border with Azerbaijan."],
    )
    administered_by: list[Administration] = Field(
        default_factory=list,
        description="For disputed places, who controls the place and when: each entry's parties (`by`) with `since` (and `until` once it ended) or `as_of`. One administration at a time: parties that administer it together share one entry's `by`, and an entry ends (`until`) where the next begins. The page shows who administers it now, with the date, and the earlier administrations beneath.",
        examples=[[{"by": ["armenia"], "as_of": "2023-05-11"}]],
    )
    claimed_by: PartyIds = Field(
        default_factory=list,
        description="Ids of parties that claim the place, for disputed places.",
        examples=[["azerbaijan"]],
    )
    parts: list[LocationPart] = Field(
        default_factory=list,
        description="Where the place is split between administrations: who administers which part.",
        examples=[
            [{"name": "the part east of the line", "administered_by": [{"by": ["azerbaijan"], "since": "2020-11-10"}]}]
        ],
    )
    geometry: Geometry | None = Field(
        None,
        description="The place drawn as a line or an area (a GeoJSON geometry), besides its representative point.",
        examples=[{"type": "LineString", "coordinates": [[45.86, 40.20], [45.90, 40.22]]}],
    )
    outline: Outline | None = Field(
        None,
        description="The place's outline from Natural Earth, drawn on maps: a country, a province, or the border two countries share. Leave it out where `geometry` draws the place, or where a point is all a map should show.",
        examples=[{"country": "THA", "province": "Surin"}, {"border": ["KHM", "THA"]}],
    )
    wikidata: WikidataId | None = Field(None, description="Wikidata item id.", examples=["Q2478476"])
    sources: list[Citation] = Field(
        default_factory=list,
        description="Where the description and coordinates come from.",
        examples=[[{"url": "https://en.wikipedia.org/wiki/Sotk", "title": "Sotk", "publisher": "Wikipedia"}]],
    )
