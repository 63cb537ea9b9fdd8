"""A document's metadata: its source chain, boilerplate and claims."""

from __future__ import annotations

from pydantic import Field, model_validator

from generator.inputs.claims import Claim
from generator.inputs.fields import (
    BoilerplateKind,
    Date,
    DocumentKind,
    FileName,
    HopRole,
    Language,
    Name,
    OutletId,
    OutletIds,
    PartialCopy,
    PartyId,
    Prose,
    Slug,
    Strict,
    Text,
    TopicId,
    Url,
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
    language: Language | None = Field(
        None,
        description="Language of this outlet's version (BCP 47), where it differs from the text's: a statement in Thai that an English outlet translated.",
        examples=["th"],
    )


class Translator(Strict):
    """Who made a translation: exactly one of an outlet, the party that issued the text, a
    named person, a machine (and which), or, where none is named, how it presents itself."""

    outlet: OutletId | None = Field(
        None,
        description="Id of the outlet that translated and published it (a newspaper, an agency, a ministry's website).",
        examples=["the-nation-thailand"],
    )
    party: PartyId | None = Field(
        None,
        description="Id of the party that issued the text, where the translation is its own version in another language.",
        examples=["royal-thai-army"],
    )
    person: Name | None = Field(None, description="Name of the person who translated it.", examples=["Somchai Jaidee"])
    machine: Name | None = Field(
        None,
        description="The machine translation system, and its version where known.",
        examples=["Google Translate (web), 2025-07-28"],
    )
    unnamed: Text | None = Field(
        None,
        description="Where the translation names no translator: how it presents itself, in words (the site then says the translator is not named).",
        examples=["an English version under the ministry's heading and dateline, reposted by a Facebook page"],
    )

    @model_validator(mode="after")
    def _one_translator(self) -> Translator:
        named = [key for key in TRANSLATOR_KINDS if getattr(self, key) is not None]
        if len(named) != 1:
            raise ValueError(
                ("this translator names no one" if not named else f"this translator names {' and '.join(named)}")
                + " | hint: give exactly one of 'outlet', 'party', 'person', 'machine' or 'unnamed'"
            )
        return self


TRANSLATOR_KINDS = ("outlet", "party", "person", "machine", "unnamed")


class Translation(Strict):
    """A translation of the source text, kept verbatim in a file beside it."""

    text: FileName = Field(
        description="File name of the translation, in the same folder as the text.",
        examples=["2025-07-27-rta-ta-muen-thom.en.txt"],
    )
    language: Language = Field(description="Language of the translation (BCP 47).", examples=["en"])
    translator: Translator = Field(
        description="Who translated it: an outlet, the issuing party, a person or a machine.",
        examples=[{"outlet": "the-nation-thailand"}],
    )
    date: Date | None = Field(
        None, description="Day the translation was made or published, if known.", examples=["2025-07-27"]
    )
    url: Url | None = Field(
        None,
        description="Where the translation was published, if it was.",
        examples=["https://www.nationthailand.com/"],
    )
    source_version: Text | None = Field(
        None,
        description="Which version of the original it translates, where the original changed (updated in place, corrected): its date, time or wording.",
        examples=["The post as first published at 08:42, before the casualty figure was added."],
    )
    partial: PartialCopy | None = Field(
        None,
        description="Set when the translation covers only part of the text: its `opening` or an `excerpt`. Left out, it is whole.",
        examples=["excerpt"],
    )
    note: Prose | None = Field(
        None,
        description="Anything a reader should know about the translation: what it leaves out, where it departs from the original. Markdown allowed.",
        examples=["The English version leaves out the last paragraph."],
    )


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
    translations: list[Translation] = Field(
        default_factory=list,
        description="Translations of the text, each in a file beside it, the one shown first listed first. Claims give the passage in the first as `quote_translated`.",
        examples=[
            [
                {
                    "text": "2025-07-27-rta-ta-muen-thom.en.txt",
                    "language": "en",
                    "translator": {"party": "royal-thai-army"},
                }
            ]
        ],
    )
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
