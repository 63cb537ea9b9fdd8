"""The input model: what contributors write in ``seeds/``, field by field.

These classes are the single source of truth for the metadata format: the
validator checks files against them, and the contributors' reference page is
generated from their field descriptions and examples. The classes live in
``fields`` (value types), ``entities``, ``topics`` and ``documents``; this
package names them all, and holds the table of registries.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from generator.inputs.claims import Claim, Figure, FigureRevision
from generator.inputs.documents import (
    TRANSLATOR_KINDS,
    Boilerplate,
    Document,
    Hop,
    Translation,
    Translator,
)
from generator.inputs.entities import (
    LocationRegistry,
    Outlet,
    OutletRegistry,
    Party,
    PartyRegistry,
    surface_forms_of,
)
from generator.inputs.fields import (
    MAX_NAME,
    MAX_NESTING,
    MAX_PROSE,
    MAX_TEXT,
    ORIGINAL_ROLES,
    RESERVED_IDS,
    SLUG_PATTERN,
    VALIDATOR_NAMES,
    BoilerplateKind,
    ClaimId,
    ClaimIds,
    ClaimKind,
    ClaimStatus,
    Date,
    DocumentId,
    DocumentKind,
    FileName,
    GeometryType,
    GiverId,
    HopRole,
    Ids,
    Language,
    LocationId,
    LocationIds,
    LocationKind,
    Name,
    OutletId,
    OutletIds,
    OutletKind,
    PartialCopy,
    PartyId,
    PartyIds,
    PartyKind,
    Prose,
    QuestionId,
    Slug,
    Strict,
    SubjectId,
    SubjectIds,
    Text,
    TopicId,
    Url,
    WikidataId,
    check_file_name,
    check_id,
    is_language_code,
    is_slug,
    slugify,
)
from generator.inputs.places import Geometry, Location, LocationPart, Outline
from generator.inputs.records import Administration, Citation, Coordinates, NativeName, Office, Ownership, Tenure
from generator.inputs.topics import (
    Event,
    KeyFact,
    Question,
    Section,
    Topic,
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

__all__ = [
    "MAX_NAME",
    "MAX_NESTING",
    "MAX_PROSE",
    "MAX_TEXT",
    "ORIGINAL_ROLES",
    "REGISTRIES",
    "RESERVED_IDS",
    "SLUG_PATTERN",
    "TRANSLATOR_KINDS",
    "VALIDATOR_NAMES",
    "Administration",
    "Boilerplate",
    "BoilerplateKind",
    "Citation",
    "Claim",
    "ClaimId",
    "ClaimIds",
    "ClaimKind",
    "ClaimStatus",
    "Coordinates",
    "Date",
    "Document",
    "DocumentId",
    "DocumentKind",
    "Event",
    "Figure",
    "FigureRevision",
    "FileName",
    "Geometry",
    "GeometryType",
    "GiverId",
    "Hop",
    "HopRole",
    "Ids",
    "KeyFact",
    "Language",
    "Location",
    "LocationId",
    "LocationIds",
    "LocationKind",
    "LocationPart",
    "LocationRegistry",
    "Name",
    "NativeName",
    "Office",
    "Outlet",
    "OutletId",
    "OutletIds",
    "OutletKind",
    "OutletRegistry",
    "Outline",
    "Ownership",
    "PartialCopy",
    "Party",
    "PartyId",
    "PartyIds",
    "PartyKind",
    "PartyRegistry",
    "Prose",
    "Question",
    "QuestionId",
    "Registry",
    "Section",
    "Slug",
    "Strict",
    "SubjectId",
    "SubjectIds",
    "Tenure",
    "Text",
    "Topic",
    "TopicId",
    "Translation",
    "Translator",
    "Url",
    "WikidataId",
    "check_file_name",
    "check_id",
    "is_language_code",
    "is_slug",
    "slugify",
    "surface_forms_of",
]
