"""A topic: its explainer's sections, key facts, questions and timeline events."""

from __future__ import annotations

from pydantic import Field, model_validator

from generator.inputs.fields import (
    Date,
    LocationIds,
    Name,
    PartyIds,
    Prose,
    Slug,
    Strict,
    Text,
)
from generator.inputs.records import Citation


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
    date: Date | None = Field(
        None,
        description="Day of the events the question is about (their first day, with `end`). A claim filed under the question whose events lie over a week away from them, or that was made before they began, is a warning. Left out for a question of no one time (who a place belongs to).",
        examples=["2023-05-11"],
    )
    end: Date | None = Field(
        None,
        description="Last day of the events the question is about, where they span several.",
        examples=["2023-05-12"],
    )
    places: LocationIds = Field(
        default_factory=list,
        description="Ids of the places the question is about. A claim filed under it that is about other places only (none of these, nor a place within or around them) is a warning.",
        examples=[["sotk"]],
    )
    parties: PartyIds = Field(
        default_factory=list,
        description="Ids of the parties whose claims the question sets face to face, first on its page; the other claimants (outlets in their own voice, unnamed sources, third parties) follow. Left out, every side is shown in turn.",
        examples=[["armenia", "azerbaijan"]],
    )

    @model_validator(mode="after")
    def _end_after_start(self) -> Question:
        if self.end is not None and (self.date is None or self.end < self.date):
            raise ValueError(
                "'end' is the last day of the question's events | hint: give the first as 'date', on or before 'end'"
            )
        return self


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
