"""Parties, places and outlets, and the citations that back a fact."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import Field, StrictFloat, StringConstraints, model_validator

from generator.inputs.fields import (
    Date,
    DocumentId,
    GeometryType,
    Language,
    LocationIds,
    LocationKind,
    Name,
    OutletKind,
    PartyId,
    PartyIds,
    PartyKind,
    Slug,
    Strict,
    Text,
    Url,
    WikidataId,
)


class Citation(Strict):
    """Where a fact comes from: one of our documents, or a public web page."""

    document: DocumentId | None = Field(
        None, description="Id of a source document of this site.", examples=["2023-05-11-sotk-border-clash"]
    )
    url: Url | None = Field(
        None,
        description="Public http(s) address of the source.",
        examples=["https://en.wikipedia.org/wiki/Lachin_corridor"],
    )
    title: Name | None = Field(None, description="Title of the page cited by `url`.", examples=["Lachin corridor"])
    publisher: Name | None = Field(None, description="Who published the page cited by `url`.", examples=["Wikipedia"])

    @model_validator(mode="after")
    def _one_target(self) -> Citation:
        if (self.document is None) == (self.url is None):
            raise ValueError("a citation needs exactly one of 'document' or 'url'")
        return self


class Coordinates(Strict):
    """A point in decimal degrees (WGS 84)."""

    lat: StrictFloat = Field(ge=-90, le=90, description="Latitude, -90 to 90, north positive.", examples=[40.2033])
    lon: StrictFloat = Field(ge=-180, le=180, description="Longitude, -180 to 180, east positive.", examples=[45.9453])


class Tenure(Strict):
    """A fact that holds for a time: from ``since`` until ``until``, or seen to hold ``as_of`` a day."""

    one_at_a_time: ClassVar[bool] = False  # several entries may hold at once (two offices)

    since: Date | None = Field(
        None,
        description="First day it held, where known: a day that has come (not after the day the site is built).",
        examples=["2023-09-20"],
    )
    until: Date | None = Field(
        None,
        description="Last day it held; left out while it still holds. A day still to come is an end already set: the entry holds until then.",
        examples=["2023-09-28"],
    )
    as_of: Date | None = Field(
        None,
        description="A day on which it is known to hold, where its start is not known: a day that has come.",
        examples=["2025-07-24"],
    )
    note: Text | None = Field(
        None, description="How it began or ended, or how certain it is.", examples=["By a decree."]
    )
    sources: list[Citation] = Field(
        default_factory=list,
        description="Where the dates come from.",
        examples=[[{"url": "https://www.bbc.com/news/world-europe-66852858", "publisher": "BBC"}]],
    )

    @model_validator(mode="after")
    def _dated(self) -> Tenure:
        if self.since is None and self.until is None and self.as_of is None:
            raise ValueError(
                "this fact changes over time and needs a date | hint: add 'since: YYYY-MM-DD' (the day it began), "
                "or 'as_of: YYYY-MM-DD' (a day it is known to hold), and 'until:' once it ended"
            )
        if self.since is not None and self.until is not None and self.until < self.since:
            raise ValueError("'until' is before 'since' | hint: check the years, months and days")
        if self.as_of is not None and self.until is not None and self.until < self.as_of:
            raise ValueError(
                "'until' is before 'as_of': it cannot hold on a day after its last | hint: check the years, "
                "months and days"
            )
        return self


class Administration(Tenure):
    """Who administers a place (or a part of it), and when."""

    one_at_a_time: ClassVar[bool] = True  # parties that administer it together share one entry's ``by``

    by: PartyIds = Field(min_length=1, description="Ids of the parties that administer it.", examples=[["azerbaijan"]])


class Office(Tenure):
    """An office a person holds or held, and when."""

    title: Name = Field(description="The office, as readers know it.", examples=["Prime Minister of Armenia"])


class Ownership(Tenure):
    """Who owns an outlet, and when."""

    owner: Name = Field(
        description="The owner, as readers know it.", examples=["Turkish Radio and Television Corporation"]
    )
    party: PartyId | None = Field(
        None, description="Id of the owner's party, where it is one of the site's parties.", examples=["turkey"]
    )


class NativeName(Strict):
    """A name in another language and script: the one a party uses for itself, or a place's
    own name."""

    name: Name = Field(description="The name, as written in that language.", examples=["กองทัพบก"])
    language: Language = Field(description="Its language (BCP 47).", examples=["th"])


NATIVE_NAMES = "Names in other languages and scripts, each with its language: shown on the page, found by search, and, like aliases, finding and linking mentions in texts (in scripts written without spaces, such as Thai and Khmer, anywhere in a word)."


class Party(Strict):
    """Someone who acts or speaks: a state, a government body, a person, an alliance."""

    id: Slug = Field(description="Unique id; also the page address.", examples=["armenia-mod"])
    name: Name = Field(description="Name as readers know it.", examples=["Ministry of Defence of Armenia"])
    kind: PartyKind = Field(description="What sort of party this is.", examples=["government-body"])
    aliases: list[Name] = Field(
        default_factory=list,
        description="Other names used in texts; each finds and links mentions (exact, case-sensitive, whole words). An alias may stand for the party, like a capital for its government.",
        examples=[["Ministry of Defense in Yerevan"]],
    )
    native_names: list[NativeName] = Field(
        default_factory=list,
        description=NATIVE_NAMES,
        examples=[[{"name": "กองทัพบก", "language": "th"}]],
    )
    affiliation: PartyId | None = Field(
        None,
        description="Id of the party this one belongs to: a minister to a government, a government to a state.",
        examples=["armenia-government"],
    )
    offices: list[Office] = Field(
        default_factory=list,
        description="For a person: the offices held, each with its dates (`since`, `until`, or `as_of`); the page shows those held now first, then the earlier ones.",
        examples=[[{"title": "Prime Minister of Armenia", "since": "2018-05-08"}]],
    )
    description: Text = Field(
        description="One or two neutral sentences for the party's page.",
        examples=["The ministry that commands Armenia's armed forces."],
    )
    wikidata: WikidataId | None = Field(None, description="Wikidata item id.", examples=["Q399"])
    sources: list[Citation] = Field(
        default_factory=list,
        description="Where the description's facts come from.",
        examples=[[{"url": "https://en.wikipedia.org/wiki/Sotk", "title": "Sotk", "publisher": "Wikipedia"}]],
    )


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


class Outlet(Strict):
    """A publisher through which texts reach us: agency, newspaper, website."""

    id: Slug = Field(description="Unique id; also the page address.", examples=["reuters"])
    name: Name = Field(description="Name as the outlet spells it.", examples=["Reuters"])
    kind: OutletKind = Field(description="What sort of outlet this is.", examples=["wire-agency"])
    aliases: list[Name] = Field(
        default_factory=list,
        description="Other forms of the name used in texts, such as a dateline's capitals or a short name; each finds and links mentions (exact, case-sensitive, whole words).",
        examples=[["REUTERS", "the AP"]],
    )
    native_names: list[NativeName] = Field(
        default_factory=list,
        description=NATIVE_NAMES,
        examples=[[{"name": "ไทยพีบีเอส", "language": "th"}]],
    )
    homepage: Url | None = Field(
        None, description="The outlet's home page, if it is known for certain.", examples=["https://www.reuters.com/"]
    )
    owners: list[Ownership] = Field(
        default_factory=list,
        description="Who owns the outlet, each with its dates (`since`, `until`, or `as_of`); the page shows the owner now first, then the earlier ones.",
        examples=[[{"owner": "Turkish Radio and Television Corporation", "as_of": "2025-07-25"}]],
    )
    notes: Text | None = Field(
        None,
        description="What is known, or not known, about the outlet.",
        examples=["Named only in the copy's source line; its identity is not confirmed."],
    )
    sources: list[Citation] = Field(
        default_factory=list,
        description="Where the notes come from.",
        examples=[[{"url": "https://en.wikipedia.org/wiki/Sotk", "title": "Sotk", "publisher": "Wikipedia"}]],
    )


def surface_forms_of(entity: Party | Location | Outlet) -> list[tuple[str, tuple[str | int, ...]]]:
    """Every form by which ``entity`` is found in texts, each with where it is written in the
    entity's entry: its name, its aliases, its names in other languages."""
    return [
        (entity.name, ("name",)),
        *((alias, ("aliases", index)) for index, alias in enumerate(entity.aliases)),
        *((native.name, ("native_names", index, "name")) for index, native in enumerate(entity.native_names)),
    ]


class PartyRegistry(Strict):
    """`seeds/parties.yaml`: every party of the site."""

    parties: list[Party] = Field(
        description="All parties.",
        examples=[
            [{"id": "armenia", "name": "Armenia", "kind": "state", "description": "A state in the South Caucasus."}]
        ],
    )


class LocationRegistry(Strict):
    """`seeds/locations.yaml`: every place of the site."""

    locations: list[Location] = Field(
        description="All places.",
        examples=[
            [
                {
                    "id": "sotk",
                    "name": "Sotk",
                    "kind": "village",
                    "coordinates": {"lat": 40.2031, "lon": 45.8647},
                    "description": "A village in Armenia.",
                }
            ]
        ],
    )


class OutletRegistry(Strict):
    """`seeds/outlets.yaml`: every outlet of the site."""

    outlets: list[Outlet] = Field(
        description="All outlets.", examples=[[{"id": "reuters", "name": "Reuters", "kind": "wire-agency"}]]
    )
