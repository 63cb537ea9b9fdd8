"""What several kinds of entry share: a citation that backs a fact, a point, a dated fact
(an administration, an office, an ownership), a name in another language."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, StrictFloat, model_validator

from generator.inputs.fields import (
    Date,
    DocumentId,
    Language,
    Name,
    PartyId,
    PartyIds,
    Strict,
    Text,
    Url,
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
