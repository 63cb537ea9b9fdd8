"""The input model: what contributors write in ``seeds/``, field by field.

These classes are the single source of truth for the metadata format: the
validator checks files against them, and the contributors' reference page is
generated from their field descriptions and examples.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictInt, model_validator

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG_RE = re.compile(SLUG_PATTERN)
_WIKIDATA_RE = re.compile(r"^Q[1-9][0-9]*$")
_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def slugify(text: str) -> str:
    """A slug suggestion for ``text``: lowercase ASCII words joined by hyphens."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())) or "item"


# Ids become file names: these would collide with a section's index page, or
# cannot be files on Windows.
RESERVED_IDS = frozenset(
    ["index", "con", "prn", "aux", "nul"] + [f"com{n}" for n in range(10)] + [f"lpt{n}" for n in range(10)]
)


def _check_slug(value: str) -> str:
    if len(value) > 80 or not _SLUG_RE.fullmatch(value):
        # fullmatch: '$' alone would accept an id that ends in a line break
        suggestion = slugify(value)[:80].rstrip("-")
        raise ValueError(
            f"'{value}' is not a valid id: use at most 80 lowercase letters, digits and single hyphens"
            f" (for example '{suggestion}')"
        )
    if value in RESERVED_IDS:
        raise ValueError(f"'{value}' is a reserved name and cannot be an id (for example '{value}-1')")
    return value


def _check_url(value: str) -> str:
    """An http(s) address; a scheme in capitals (``HTTPS://``) is written in lowercase."""
    if value != value.strip() or any(ch.isspace() or ord(ch) < 32 for ch in value):
        raise ValueError("a URL must not contain spaces or control characters")
    if len(value) > 2000:
        raise ValueError(f"this URL is {len(value)} characters long; addresses of more than 2000 are refused")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"'{value}' is not an http(s) URL: only http:// and https:// links are allowed")
    return parts.scheme + value[len(parts.scheme) :]


def _parse_date(value: Any) -> Any:
    """Accept a YAML date or an ISO ``YYYY-MM-DD`` string; refuse numbers and times."""
    if isinstance(value, dt.datetime):
        raise ValueError("give a date without a time, as YYYY-MM-DD")
    if isinstance(value, dt.date):
        return _plausible(value)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"'{value}' is not a real calendar date") from None
        return _plausible(day)
    raise ValueError(f"{value!r} is not a date: write it as YYYY-MM-DD, for example 2023-05-11")


# Characters with no business in metadata text: control characters (a line break and a
# tab are allowed) and the marks that embed, override or isolate text direction, which
# would reverse whatever follows them on a page or in a terminal.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Characters that show nothing: spaces of every width, joiners and the blank fillers.
_INVISIBLE = re.compile("[\\s\u00ad\u034f\u115f\u1160\u180e\u200b-\u200f\u2060-\u2064\u2800\u3164\ufeff\uffa0]+")
MAX_TEXT = 20_000
MAX_PROSE = 100_000
MAX_NAME = 300


def _plausible(day: dt.date) -> dt.date:
    if day.year < 1000:
        raise ValueError(f"{day.isoformat()} is before the year 1000 | hint: check the year, written with four digits")
    return day


def _check_text(value: str, limit: int = MAX_TEXT) -> str:
    if not _INVISIBLE.sub("", value):
        raise ValueError("this text is empty or shows nothing (only spaces or invisible characters)")
    if len(value) > limit:
        raise ValueError(f"this text is {len(value):,} characters long; at most {limit:,} are accepted here")
    bad = _FORBIDDEN.search(value)
    if bad:
        raise ValueError(
            f"the character U+{ord(bad[0]):04X} at position {bad.start() + 1} is a control "
            "character or a direction override, which is not allowed in metadata | hint: "
            "delete it (copying from some pages brings it along invisibly)"
        )
    return value


def _check_name(value: str) -> str:
    _check_text(value, MAX_NAME)
    if "\n" in value.strip() or "\r" in value:
        raise ValueError("a name or title is one line | hint: write it on one line, or quote it")
    return value


# Link targets: inline ``](target``, autolinks ``<scheme:...>``, and reference definitions
# ``[label]: target`` (in a blockquote too, the target perhaps on the next line). Every
# part is anchored or bounded, so that the scan is linear in the length of the text.
_MARKDOWN_LINK = re.compile(
    r"\]\(\s*<?([^)\s>]*(?:[ \t]+(?![\"'(])[^)\s>]+)*)|<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>"
    r"|^[ \t>]*\[[^\]\n]+\]:[ \t]*\n?[ \t>]*<?([^\s>]+)",
    re.M,
)
_EMAIL_AUTOLINK = re.compile(r"<[^<> !]+@[^@<> ]+>")  # what Python-Markdown makes a mailto: link
# The structure at the start of a line: indentation, blockquote marks and list markers.
_LINE_STRUCTURE = re.compile(r"^(?:[ \t>]|[*+-][ \t]|\d{1,9}[.)][ \t])*", re.M)
MAX_NESTING = 100  # characters of structure before a line's text: some 25 levels


def _check_prose(value: str) -> str:
    """Markdown prose: every link and image must point to an http(s) address."""
    _check_text(value, MAX_PROSE)
    if "![" in value:
        raise ValueError("images are not allowed in prose: link to the picture with [text](https://...) instead")
    deepest = max((len(m[0].expandtabs(4)) for m in _LINE_STRUCTURE.finditer(value)), default=0)
    if deepest > MAX_NESTING:
        raise ValueError(
            f"lists or quotes are nested too deep ({deepest} characters of indentation and markers "
            f"before a line's text; at most {MAX_NESTING}) | hint: flatten the list"
        )
    if _EMAIL_AUTOLINK.search(value):
        raise ValueError(
            "an e-mail address in <...> is not a link the site shows | hint: "
            "write the address without the angle brackets, or link to an https:// page"
        )
    bad = [
        target
        for match in _MARKDOWN_LINK.finditer(value)
        if not re.match(r"^https?://[^/\s]\S*$", target := next(g for g in match.groups() if g is not None), re.I)
    ]
    spaced = [target for target in bad if re.match(r"^https?://\S+\s", target, re.I)]
    if spaced:
        raise ValueError(f"the link address '{spaced[0]}' contains a space | hint: write a space in an address as %20")
    if bad:
        listed = ", ".join(f"'{target}'" for target in bad)
        raise ValueError(f"link target(s) {listed} not http(s): link only to full https:// addresses")
    return value


def check_file_name(value: str) -> str:
    if len(value) > 200:
        raise ValueError(
            f"this file name is {len(value)} characters long; use at most 200 (file systems refuse longer names)"
        )
    if (not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", value)) or ".." in value:
        raise ValueError(
            f"'{value}' is not a plain file name: name a file in the same folder, "
            "using letters, digits, '.', '_' and '-' (for example 'statement.txt')"
        )
    return value


def _check_wikidata(value: str) -> str:
    if not _WIKIDATA_RE.fullmatch(value):
        raise ValueError(f"'{value}' is not a Wikidata item id such as Q399")
    return value


def _check_language(value: str) -> str:
    if not _LANGUAGE_RE.fullmatch(value):
        raise ValueError(f"'{value}' is not a language code such as 'en' or 'hy'")
    return value


Slug = Annotated[str, AfterValidator(_check_slug), Field(json_schema_extra={"pattern": SLUG_PATTERN})]


def _refers_to(*kinds: str) -> Any:
    """The schema of an id of an entry of one of ``kinds``. The schemas say which (``x-refers-to``),
    so that the editor schemas written for a seed can offer the ids that exist (see ``schema``)."""
    return Field(json_schema_extra={"pattern": SLUG_PATTERN, "x-refers-to": list(kinds)})


PartyId = Annotated[str, AfterValidator(_check_slug), _refers_to("party")]
LocationId = Annotated[str, AfterValidator(_check_slug), _refers_to("location")]
OutletId = Annotated[str, AfterValidator(_check_slug), _refers_to("outlet")]
GiverId = Annotated[str, AfterValidator(_check_slug), _refers_to("party", "outlet")]
SubjectId = Annotated[str, AfterValidator(_check_slug), _refers_to("party", "location")]
TopicId = Annotated[str, AfterValidator(_check_slug), _refers_to("topic")]
QuestionId = Annotated[str, AfterValidator(_check_slug), _refers_to("question")]
ClaimId = Annotated[str, AfterValidator(_check_slug), _refers_to("claim")]
DocumentId = Annotated[str, AfterValidator(_check_slug), _refers_to("document")]
Url = Annotated[str, AfterValidator(_check_url), Field(json_schema_extra={"pattern": "^https?://"})]
Date = Annotated[dt.date, BeforeValidator(_parse_date)]


def _check_unique(values: list[str]) -> list[str]:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"'{value}' is named twice in this list | hint: name it once")
        seen.add(value)
    return values


Text = Annotated[str, AfterValidator(_check_text)]
Name = Annotated[str, AfterValidator(_check_name)]
Ids = Annotated[list[Slug], AfterValidator(_check_unique)]
PartyIds = Annotated[list[PartyId], AfterValidator(_check_unique)]
LocationIds = Annotated[list[LocationId], AfterValidator(_check_unique)]
OutletIds = Annotated[list[OutletId], AfterValidator(_check_unique)]
SubjectIds = Annotated[list[SubjectId], AfterValidator(_check_unique)]
ClaimIds = Annotated[list[ClaimId], AfterValidator(_check_unique)]
FileName = Annotated[str, AfterValidator(check_file_name)]
Prose = Annotated[str, AfterValidator(_check_prose)]
WikidataId = Annotated[str, AfterValidator(_check_wikidata), Field(json_schema_extra={"pattern": _WIKIDATA_RE.pattern})]
Language = Annotated[str, AfterValidator(_check_language), Field(json_schema_extra={"pattern": _LANGUAGE_RE.pattern})]


class Strict(BaseModel):
    """Base of every input class: unknown fields are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


PartyKind = Literal[
    "state",
    "government",
    "government-body",
    "armed-forces",
    "person",
    "alliance",
    "international-organisation",
    "de-facto-authority",
    "armed-group",
    "media",
    "other",
]
LocationKind = Literal[
    "country",
    "region",
    "city",
    "village",
    "corridor",
    "border-area",
    "site",
    "other",
]
OutletKind = Literal[
    "wire-agency",
    "newspaper",
    "broadcaster",
    "news-website",
    "aggregator",
    "official-body",
    "blog",
    "other",
]
HopRole = Literal["original-reporting", "wire", "own-reporting", "republisher", "aggregator", "translation"]
# Roles of a hop that may draw on nothing: the originals a claim is traced to.
ORIGINAL_ROLES = frozenset({"original-reporting", "wire"})
ClaimKind = Literal[
    "casualty-report",
    "accusation",
    "denial",
    "statement-of-intent",
    "diplomatic-statement",
    "assessment",
    "factual-report",
    "territorial-claim",
]
ClaimStatus = Literal["unverified", "disputed", "corroborated", "false", "outdated"]
BoilerplateKind = Literal["byline", "dateline", "author-bio", "source-line", "headline", "related-link", "other"]
DocumentKind = Literal["news-article", "official-statement", "wire-report", "report", "transcript", "other"]
PartialCopy = Literal["opening", "excerpt"]
GeometryType = Literal["LineString", "MultiLineString", "Polygon", "MultiPolygon"]


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

    lat: float = Field(ge=-90, le=90, description="Latitude, -90 to 90, north positive.", examples=[40.2033])
    lon: float = Field(ge=-180, le=180, description="Longitude, -180 to 180, east positive.", examples=[45.9453])


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
    affiliation: PartyId | None = Field(
        None,
        description="Id of the party this one belongs to: a minister to a government, a government to a state.",
        examples=["armenia-government"],
    )
    role: Name | None = Field(
        None,
        description="For a person: office held at the time of the documents.",
        examples=["Prime Minister of Armenia"],
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
    administered_by: PartyIds = Field(
        min_length=1, description="Ids of the parties that administer this part.", examples=[["azerbaijan"]]
    )
    note: Text | None = Field(
        None, description="Since when, or how certain.", examples=["Since the 2020 ceasefire statement."]
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
    description: Text = Field(
        description="One or two neutral sentences for the place's page.",
        examples=["A village in Gegharkunik Province, Armenia, near the border with Azerbaijan."],
    )
    administered_by: PartyIds = Field(
        default_factory=list,
        description="Ids of parties that control the place, for disputed places.",
        examples=[["armenia"]],
    )
    claimed_by: PartyIds = Field(
        default_factory=list,
        description="Ids of parties that claim the place, for disputed places.",
        examples=[["azerbaijan"]],
    )
    parts: list[LocationPart] = Field(
        default_factory=list,
        description="Where the place is split between administrations: who administers which part.",
        examples=[[{"name": "the part east of the line", "administered_by": ["azerbaijan"]}]],
    )
    geometry: Geometry | None = Field(
        None,
        description="The place drawn as a line or an area (a GeoJSON geometry), besides its representative point.",
        examples=[{"type": "LineString", "coordinates": [[45.86, 40.20], [45.90, 40.22]]}],
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
    homepage: Url | None = Field(
        None, description="The outlet's home page, if it is known for certain.", examples=["https://www.reuters.com/"]
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


class Section(Strict):
    """One section of a topic's background explainer."""

    heading: Name = Field(description="Section heading (plain text).", examples=["The 2020 war"])
    body: Prose = Field(
        description="The prose, in Markdown: paragraphs, lists, emphasis and http(s) links. Raw HTML is shown as text.",
        examples=[
            "Fighting resumed on *27 September 2020* and ended with a [ceasefire statement](https://en.wikipedia.org/wiki/2020_Nagorno-Karabakh_ceasefire_agreement)."
        ],
    )
    sources: list[Citation] = Field(
        default_factory=list,
        description="Where the section's facts come from.",
        examples=[[{"url": "https://en.wikipedia.org/wiki/Sotk", "title": "Sotk", "publisher": "Wikipedia"}]],
    )


class KeyFact(Strict):
    """A short fact shown in the explainer's key-facts box."""

    text: Text = Field(
        description="The fact, one sentence, plain text.",
        examples=["Nagorno-Karabakh is internationally recognised as part of Azerbaijan."],
    )
    sources: list[Citation] = Field(
        min_length=1,
        description="At least one source.",
        examples=[[{"url": "https://en.wikipedia.org/wiki/Sotk", "title": "Sotk", "publisher": "Wikipedia"}]],
    )


class Question(Strict):
    """A question or incident that competing claims answer, so they line up side by side."""

    id: Slug = Field(description="Unique id; claims refer to it with `question:`.", examples=["who-fired-2023-05-11"])
    text: Text = Field(
        description="The question, neutral.", examples=["Who started the exchange of fire on 11 May 2023?"]
    )


class Event(Strict):
    """A dated event on the topic's timeline."""

    id: Slug = Field(description="Unique id; the anchor on the timeline.", examples=["2023-05-11-sotk-clash"])
    date: Date = Field(description="Day the event happened (or began), YYYY-MM-DD.", examples=["2023-05-11"])
    end: Date | None = Field(
        None, description="Last day, for events that lasted several days.", examples=["2023-05-04"]
    )
    title: Name = Field(description="What happened, one line.", examples=["Exchange of fire near Sotk"])
    description: Text | None = Field(
        None,
        description="A few more sentences, plain text.",
        examples=["Armenia's defence ministry reported four soldiers wounded; Azerbaijan reported one soldier killed."],
    )
    parties: PartyIds = Field(
        default_factory=list, description="Ids of the parties involved.", examples=[["armenia", "azerbaijan"]]
    )
    locations: LocationIds = Field(default_factory=list, description="Ids of the places involved.", examples=[["sotk"]])
    sources: list[Citation] = Field(
        min_length=1,
        description="At least one citation: a document of ours or a public URL.",
        examples=[[{"url": "https://en.wikipedia.org/wiki/Sotk", "title": "Sotk", "publisher": "Wikipedia"}]],
    )

    @model_validator(mode="after")
    def _end_after_start(self) -> Event:
        if self.end is not None and self.end < self.date:
            raise ValueError("'end' is before 'date'")
        return self


class Topic(Strict):
    """`seeds/topics/<id>.yaml`: a topic with its background explainer."""

    id: Slug = Field(description="Unique id; documents refer to it with `topic:`.", examples=["nagorno-karabakh"])
    title: Name = Field(description="Title of the topic.", examples=["The Nagorno-Karabakh conflict"])
    summary: Text = Field(
        description="One or two sentences shown on the home page.",
        examples=["Armenia and Azerbaijan have fought two wars over Nagorno-Karabakh."],
    )
    background: list[Section] = Field(
        min_length=1,
        description="The explainer's prose, section by section.",
        examples=[[{"heading": "The 2020 war", "body": "Fighting resumed on 27 September 2020 ..."}]],
    )
    key_facts: list[KeyFact] = Field(
        default_factory=list,
        description="Short facts shown in a box at the top.",
        examples=[
            [
                {
                    "text": "The 2020 war lasted 44 days.",
                    "sources": [{"url": "https://en.wikipedia.org/wiki/Second_Nagorno-Karabakh_War"}],
                }
            ]
        ],
    )
    questions: list[Question] = Field(
        default_factory=list,
        description="Questions and incidents that claims answer.",
        examples=[[{"id": "who-fired-2023-05-11", "text": "Who started the exchange of fire on 11 May 2023?"}]],
    )
    events: list[Event] = Field(
        default_factory=list,
        description="Timeline events.",
        examples=[
            [
                {
                    "id": "brussels-meeting-2023-05-14",
                    "date": "2023-05-14",
                    "title": "Aliyev and Pashinyan meet in Brussels",
                    "sources": [{"url": "https://www.consilium.europa.eu/"}],
                }
            ]
        ],
    )


class Boilerplate(Strict):
    """A part of the copy that is not the report itself (byline, author bio, source line)."""

    quote: Text = Field(description="The passage, verbatim from the text.", examples=["Source: Hot News"])
    kind: BoilerplateKind = Field(description="What the passage is.", examples=["source-line"])
    note: Text | None = Field(
        None,
        description="Anything a reader should know about it.",
        examples=["A promotional biography of the author, not part of the report."],
    )


class Hop(Strict):
    """One step of a source chain, from the original reporting to the copy held."""

    outlet: OutletId = Field(description="Id of the outlet at this step.", examples=["reuters"])
    role: HopRole = Field(description="What the outlet did with the text.", examples=["original-reporting"])
    url: Url | None = Field(
        None,
        description="Address of this outlet's version, if known; without it the hop is shown as unverified.",
        examples=["https://www.reuters.com/world/"],
    )
    date: Date | None = Field(None, description="Publication date of this version, if known.", examples=["2023-05-11"])
    evidence: Text | None = Field(
        None,
        description="Verbatim passage of the text that names this step, such as 'Reuters reported'.",
        examples=["Reuters reported"],
    )
    note: Text | None = Field(
        None,
        description="What is known about this step.",
        examples=["The Reuters story itself is not linked from the copy."],
    )
    drew_on: OutletIds | None = Field(
        None,
        description="Outlet ids of the hops of this chain that this hop drew on; several where it drew on several sources side by side. Left out, an original (`original-reporting`, `wire`) draws on nothing and any other hop draws on the hop listed just before it.",
        examples=[["bbc", "sky-news"]],
    )


class FigureRevision(Strict):
    """A later (or other) count of the same thing, from a source outside the text."""

    value: float = Field(allow_inf_nan=False, description="The number.", examples=[105])
    as_of: Date = Field(description="Date of this count.", examples=["2022-09-14"])
    by: GiverId | None = Field(
        None,
        description="Id of the party (or outlet) that gave this count; counts by different parties are shown as separate series.",
        examples=["armenia-government"],
    )
    unit: Name | None = Field(
        None,
        description="What is counted, where it differs from the claim's figure (a count of dead or missing beside a count of dead); shown as its own series.",
        examples=["Armenian soldiers dead or missing"],
    )
    note: Text | None = Field(
        None,
        description="What this count covers, if it differs (for example dead or missing).",
        examples=["dead or missing"],
    )
    source: Citation = Field(
        description="Where this count was published.", examples=[{"url": "https://www.civilnet.am/en/news/674734/"}]
    )


class Figure(Strict):
    """A number that a claim asserts."""

    value: float = Field(allow_inf_nan=False, description="The number.", examples=[4])
    unit: Name = Field(description="What is counted.", examples=["soldiers wounded"])
    as_of: Date | None = Field(
        None, description="Date the number is counted at, usually the day of the report.", examples=["2023-05-11"]
    )
    revisions: list[FigureRevision] = Field(
        default_factory=list,
        description="Other counts of the same thing over time, so that a revised count is shown as such, not as one silent number.",
        examples=[
            [
                {
                    "value": 105,
                    "as_of": "2022-09-14",
                    "by": "armenia-government",
                    "source": {"url": "https://www.civilnet.am/en/news/674734/"},
                }
            ]
        ],
    )


class Claim(Strict):
    """Something a party or outlet asserts, pinned to a verbatim quote of the text."""

    id: Slug = Field(
        description="Unique id across the site; also the claim's page and anchor.",
        examples=["armenia-four-wounded-2023-05-11"],
    )
    claimant: GiverId | None = Field(
        None,
        description="Id of the party, or of the outlet in its own voice, that asserts it. For an unnamed source, the party it speaks for (leave out if not known).",
        examples=["armenia-mod"],
    )
    unnamed_source: Text | None = Field(
        None,
        description="For a source the text does not name: how the text describes it, as words (`claimant` then names the party it speaks for, where known).",
        examples=["a senior Indian military official"],
    )
    date: Date | None = Field(
        None,
        description="Day the claim was made (a statement, a press conference), if known. Left out, the claim is dated with the document's `event_date`, and its pages say so.",
        examples=["2023-05-11"],
    )
    via: OutletIds = Field(
        default_factory=list,
        description="Outlet ids of the hops of this document's chain that carried the claim: the earliest the claim can be traced to (an original if it can be traced to one, a republisher if it could be traced no further), several if several carried it. Left out where the chain has one original: the claim is traced to it.",
        examples=[["reuters"]],
    )
    kind: ClaimKind = Field(description="What sort of claim it is.", examples=["casualty-report"])
    question: QuestionId | None = Field(
        None,
        description="Id of the topic question the claim answers; claims on the same question are shown side by side.",
        examples=["casualties-2023-05-11"],
    )
    paraphrase: Text = Field(
        description="A neutral one-line summary: what the claimant says, not whether it is true.",
        examples=["Armenia's defence ministry says four soldiers were wounded by Azerbaijani shelling."],
    )
    quote: Text = Field(
        description="The verbatim passage of the text that carries the claim. It must occur in the text (whitespace and straight/curly quotes may differ).",
        examples=["reported that four soldiers were wounded"],
    )
    occurrence: StrictInt | None = Field(
        None,
        ge=1,
        description="Which occurrence of `quote` is meant when it occurs more than once (1 = first).",
        examples=[2],
    )
    subjects: SubjectIds = Field(
        default_factory=list,
        description="Ids of the parties and places the claim is about.",
        examples=[["azerbaijan-armed-forces", "sotk"]],
    )
    status: ClaimStatus = Field(description="What is known of the claim's truth.", examples=["unverified"])
    disputes: ClaimIds = Field(
        default_factory=list,
        description="Ids of claims this one contradicts (shown on both; declare it on one of them).",
        examples=[["azerbaijan-deliberate-provocation"]],
    )
    supports: ClaimIds = Field(
        default_factory=list,
        description="Ids of claims this one backs up (shown on both; declare it on one of them).",
        examples=[["armenia-four-wounded-2023-05-11"]],
    )
    figure: Figure | None = Field(
        None,
        description="The number the claim gives, if any.",
        examples=[{"value": 4, "unit": "soldiers wounded", "as_of": "2023-05-11"}],
    )
    note: Prose | None = Field(
        None,
        description="Context for the status: a later revision, a correction. Markdown (emphasis, http(s) links) allowed.",
        examples=["Armenia later raised its toll to 105 (14 September 2022)."],
    )
    draft: bool = Field(
        False,
        description="Set by `python -m generator new` on the claim candidates it finds. A person checks the claimant, kind, paraphrase, quote and status, then deletes this line; the site is not built while a draft claim remains.",
        examples=[True],
    )
    sources: list[Citation] = Field(
        default_factory=list,
        description="Sources for the status and note.",
        examples=[[{"url": "https://en.wikipedia.org/wiki/Sotk", "title": "Sotk", "publisher": "Wikipedia"}]],
    )

    @model_validator(mode="after")
    def _someone_claims(self) -> Claim:
        both = set(self.disputes) & set(self.supports)
        if both:
            raise ValueError(
                f"'{sorted(both)[0]}' is both disputed and supported by this claim | hint: "
                "keep it in one of 'disputes' and 'supports'"
            )
        if self.claimant is None and self.unnamed_source is None:
            raise ValueError(
                "this claim names no one who makes it | hint: add 'claimant: <party or outlet id>', "
                "or, for a source the text does not name, 'unnamed_source: <how the text describes it>'"
            )
        return self


class Document(Strict):
    """`seeds/documents/<name>.yaml`: metadata of one source text."""

    id: Slug = Field(description="Unique id; also the page address.", examples=["2023-05-11-sotk-border-clash"])
    title: Name = Field(
        description="A neutral title for the page (the copy may have none).",
        examples=["Armenia and Azerbaijan trade blame over border clash near Sotk"],
    )
    topic: TopicId = Field(description="Id of the topic the document belongs to.", examples=["nagorno-karabakh"])
    text: FileName = Field(
        description="File name of the verbatim text, in the same folder.", examples=["2023-05-11-sotk-border-clash.txt"]
    )
    language: Language = Field(description="Language of the text (BCP 47).", examples=["en"])
    kind: DocumentKind = Field(description="What sort of document this is.", examples=["news-article"])
    summary: Text = Field(
        description="What happened, two or three neutral sentences for the summary card.",
        examples=[
            "On 11 May 2023 Armenia and Azerbaijan accused each other of starting an exchange of fire near Sotk."
        ],
    )
    event_date: Date = Field(description="Day of the events the text reports.", examples=["2023-05-11"])
    published: Date | None = Field(
        None, description="Date of the copy we hold, if the copy shows it.", examples=["2023-05-12"]
    )
    outlet: OutletId = Field(
        description="Id of the outlet whose copy we hold (the last hop of the chain).", examples=["247-news-reel"]
    )
    author: Name | None = Field(None, description="Author named in the copy held.", examples=["James Springer"])
    url: Url | None = Field(
        None, description="Address of the copy held, if known.", examples=["https://www.example.org/news/sotk-clash"]
    )
    partial: PartialCopy | None = Field(
        None,
        description="Set when the text file holds only part of the published page: its `opening` (where no more could be had) or an `excerpt`. Left out, the copy is whole.",
        examples=["opening"],
    )
    note: Prose | None = Field(
        None,
        description="Anything a reader should know about the copy: an undated copy, an article updated in place, why this event date. Markdown (emphasis, http(s) links) allowed.",
        examples=["The article was updated in place; the copy keeps both the first figure and the revised one."],
    )
    boilerplate: list[Boilerplate] = Field(
        default_factory=list,
        description="Parts of the copy that are not the report (kept in the text, marked as such).",
        examples=[[{"quote": "Source: Hot News", "kind": "source-line"}]],
    )
    chain: list[Hop] = Field(
        min_length=1,
        description="The source graph: every hop from the original reporting to the copy held, originals first, the copy held last. Each hop names the hops it drew on (`drew_on`), so a copy may rest on several originals side by side.",
        examples=[
            [{"outlet": "reuters", "role": "original-reporting"}, {"outlet": "247-news-reel", "role": "aggregator"}]
        ],
    )
    claims: list[Claim] = Field(
        default_factory=list,
        description="Every claim the text attributes to someone.",
        examples=[
            [
                {
                    "id": "armenia-four-wounded-2023-05-11",
                    "claimant": "armenia-mod",
                    "kind": "casualty-report",
                    "paraphrase": "Armenia's defence ministry says four soldiers were wounded.",
                    "quote": "reported that four soldiers were wounded",
                    "status": "unverified",
                }
            ]
        ],
    )


@dataclass(frozen=True)
class Registry:
    """One registry file of entities, and every name the code knows it by."""

    file: str  # seeds/<file>.yaml, and its top-level list
    kind: str  # what one entry is called in ids' messages and references: party, location, outlet
    item: type[BaseModel]  # one entry
    model: type[BaseModel]  # the whole file
    plural: str  # as a reader says it, and the site's folder of its pages: parties, places, outlets


# The one table of entity kinds: every stage that needs one of these names reads it here.
REGISTRIES = (
    Registry("parties", "party", Party, PartyRegistry, "parties"),
    Registry("locations", "location", Location, LocationRegistry, "places"),
    Registry("outlets", "outlet", Outlet, OutletRegistry, "outlets"),
)
