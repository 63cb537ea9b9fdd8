"""Parties, places and outlets, and the citations that back a fact."""

from __future__ import annotations

from pydantic import Field

from generator.inputs.fields import (
    Name,
    OutletKind,
    PartyId,
    PartyKind,
    Slug,
    Strict,
    Text,
    Url,
    WikidataId,
)
from generator.inputs.places import Location
from generator.inputs.records import NATIVE_NAMES, Citation, NativeName, Office, Ownership


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
