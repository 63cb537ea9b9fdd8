"""A claim: who says what, where in the text, about which question, and the figure it gives."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, Field, StrictFloat, StrictInt, model_validator

from generator.inputs.fields import (
    ClaimIds,
    ClaimKind,
    ClaimStatus,
    Date,
    GiverId,
    Name,
    OutletIds,
    Prose,
    QuestionId,
    Slug,
    Strict,
    SubjectIds,
    Text,
)
from generator.inputs.records import Citation

FIGURE_DIGITS = 15  # significant digits of a figure: any number of 15 digits is kept exactly
FIGURE_SMALLEST = 1e-15  # the magnitudes a figure other than 0 may have, shown in plain digits
FIGURE_TOO_LARGE = 1e15


def exact_figure(value: float) -> float:
    """``value`` if it is kept exactly as written and can be shown in plain digits (at most
    ``FIGURE_DIGITS`` significant digits, from ``FIGURE_SMALLEST`` to under ``FIGURE_TOO_LARGE``,
    or 0); else a ValueError saying why and what to write instead."""
    shown = repr(value).removesuffix(".0")  # 1e+300, 1234567890123456
    if value != 0 and abs(value) >= FIGURE_TOO_LARGE:
        raise ValueError(
            f"{shown} is too large for a figure: at most 15 digits before the point (under 1,000,000,000,000,000)"
            " | hint: write the count in a larger unit, as the source gives it (for example 'value: 2.5'"
            " with 'unit: billion dollars')"
        )
    if value != 0 and abs(value) < FIGURE_SMALLEST:
        raise ValueError(
            f"{shown} is too small for a figure: other than 0, at least 0.000000000000001 (1e-15)"
            " | hint: write the count in a smaller unit, as the source gives it (for example 'value: 3'"
            " with 'unit: micrograms' for 0.000003 grams)"
        )
    digits = len(Decimal(repr(value)).normalize().as_tuple().digits)
    if digits > FIGURE_DIGITS:
        raise ValueError(
            f"{shown} has {digits} significant digits; a figure keeps at most {FIGURE_DIGITS} exactly"
            " | hint: write the number as the source gives it, with at most 15 significant digits"
        )
    return value


FigureValue = Annotated[StrictFloat, AfterValidator(exact_figure)]
FIGURE_VALUE = (
    "The number, as the source writes it: at most 15 significant digits, from 0.000000000000001 to"
    " 999,999,999,999,999 (0 and negative numbers too); a larger count goes in a larger unit (2.5, in billion dollars)."
)


class FigureRevision(Strict):
    """A later (or other) count of the same thing, from a source outside the text."""

    value: FigureValue = Field(allow_inf_nan=False, description=FIGURE_VALUE, examples=[105])
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

    value: FigureValue = Field(allow_inf_nan=False, description=FIGURE_VALUE, examples=[4])
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
        description="Day the claim was made (a statement, a press conference), where the text or the record says so. Left out, the date is unknown: the site says so and gives only what is known, the day the outlet published its own words or the latest day by which the claim was made (the copy's publication date); no other date is borrowed.",
        examples=["2023-05-11"],
    )
    event_date: Date | None = Field(
        None,
        description="Day of the events the claim is about (their first day, with `event_end`), where the text or the record says so; it may be weeks before the claim was made. Left out, the site says the events' date is not recorded.",
        examples=["2023-05-11"],
    )
    event_end: Date | None = Field(
        None,
        description="Last day of the events the claim is about, where they span several days (`event_date` is the first).",
        examples=["2023-05-12"],
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
        description="The verbatim passage of the text that carries the claim, in the text's own language. It must occur in the text (whitespace and straight/curly quotes may differ).",
        examples=["reported that four soldiers were wounded"],
    )
    occurrence: StrictInt | None = Field(
        None,
        ge=1,
        description="Which occurrence of `quote` is meant when it occurs more than once (1 = first).",
        examples=[2],
    )
    quote_translated: Text | None = Field(
        None,
        description="The same passage in the document's first translation, verbatim from it, where the text has a translation; both are highlighted.",
        examples=["Today, the Cambodian military launched BM-21 rocket attacks targeting Prasat Ta Muen Thom"],
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
        if self.event_end is not None and (self.event_date is None or self.event_end < self.event_date):
            raise ValueError(
                "'event_end' is the last day of the events the claim is about | hint: give their first day as "
                "'event_date', on or before 'event_end'"
            )
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
