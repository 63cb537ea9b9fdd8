"""How to read this site: what each label means, who sets it, what is counted, and the licence."""

from __future__ import annotations

import functools

from markupsafe import Markup

from generator.render import markup as mk
from generator.render import paths
from generator.render.common import ROLE_LABELS, STATUS_LABELS, STATUS_MEANINGS

LICENCE = (
    "The site's own writing (summaries, paraphrases, notes, explainers and all metadata) and the "
    "dataset built from it are licensed under the Creative Commons Attribution 4.0 International "
    "licence (CC BY 4.0): reuse them freely, naming this site as the source. The source texts are "
    "the work of their publishers, kept verbatim as quotations so that every claim can be checked "
    "against its words; their copyright stays with their publishers, and reusing them needs the "
    "publisher's permission."
)
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"

_ROLE_MEANINGS = {
    "original-reporting": "the outlet reported the story itself",
    "wire": "a news agency's own report, sent to other outlets",
    "own-reporting": "the outlet wrote its own story from other outlets' reporting",
    "republisher": "the outlet republished another's story, perhaps reworded",
    "aggregator": "a site that collects other outlets' stories",
    "translation": "the outlet translated another's story",
}


def licence_sentence() -> Markup:
    """The licence of the site's texts and data, with a link to it (no closing stop)."""
    return mk.text(LICENCE) + " " + mk.external("The licence", LICENCE_URL)


@functools.cache  # the same for every corpus: made once per process
def render_reading() -> mk.Page:
    here = paths.READING
    anchors = {status: f"status-{status}" for status in STATUS_LABELS}
    statuses = [
        (
            mk.html('<span class="status status-{}" id="{}">{}</span>', status, anchors[status], label),
            mk.text(STATUS_MEANINGS[status]),
        )
        for status, label in STATUS_LABELS.items()
    ]
    roles = [(mk.text(ROLE_LABELS[role]), mk.text(meaning)) for role, meaning in _ROLE_MEANINGS.items()]
    return mk.page(
        mk.front_matter(
            "How to read this site", "What each label means, who decides it, and what is counted.", kind="Guide"
        ),
        mk.heading(1, "How to read this site"),
        mk.para(
            Markup(
                "Every page starts from source texts kept word for word. A <strong>claim</strong> is something a "
                "party, or an outlet in its own voice, says in a text; its highlighted words are the exact "
                "passage. Nothing here says a claim is true because it is repeated: the labels below say what "
                "is known, and each claim's page cites the sources behind its label."
            )
        ),
        mk.heading(2, "What a claim's label means", "labels"),
        mk.para(
            Markup(
                "Labels are set by the people who add a text, under the rules of the contributing guide, and "
                "checked in review; a label changes when new sources do, and the claim's note says why."
            )
        ),
        mk.Anchored(_definitions(statuses), tuple(anchors.values())),
        mk.Anchored(
            mk.para(
                Markup(
                    '<span class="status status-disputed" id="contested">contested</span> marks a question on '
                    "which claims contradict each other: the sides are shown next to each other, each with its "
                    "label and exact quote."
                )
            ),
            ("contested",),
        ),
        mk.heading(2, "How a text reached us", "sources"),
        mk.para(
            Markup(
                "Each text comes with its <strong>source chain</strong>: the outlets it passed through, from "
                "the original reporting to the copy kept here, and which one drew on which. A step without a "
                "link is <strong>unverified</strong>: its version could not be checked; it is shown, never "
                "hidden. A <strong>partial copy</strong> holds only the opening of a page, or an excerpt."
            )
        ),
        _definitions(roles),
        mk.heading(2, "Texts in other languages", "languages"),
        mk.para(
            Markup(
                "A text is kept in the language it was published in, and where a translation of it exists, "
                "the translation is shown beside it, as its translator published it, with who translated it "
                "(an outlet, the issuer's own version, a named person, a machine, or a translator not named) "
                "and when. A claim's words are highlighted in both where both are recorded; the claim rests on "
                "the original's words. Dates and figures are read from the text and its translation as they "
                "stand, never from a retelling."
            )
        ),
        mk.heading(2, "Independent sources", "independent-sources"),
        mk.para(
            Markup(
                "<strong>Independent sources</strong> counts the distinct outlets a claim can actually be "
                "traced to, through the steps that carried it: copies and rewrites count as the outlet they "
                "come from, and a claim found only in a republisher's version counts as that republisher's, "
                "not its original's. Two outlets that report a statement separately count twice; one that "
                "drew on the other counts once."
            )
        ),
        mk.heading(2, "Who says it", "who"),
        mk.para(
            Markup(
                "A claim is credited to the party the text names: a ministry, a spokesman, an army. On a "
                "state's page and in the side-by-side views, claims of the parties under a state (its "
                "government, ministries, armed forces, officials) count on that state's side. A source the "
                "text does not name is shown as the text describes it (<em>unnamed</em>), with the party it "
                "speaks for where the text makes that clear."
            )
        ),
        mk.heading(2, "When", "when"),
        mk.para(
            Markup(
                "A claim has two dates: when it was said, and when the events it is about happened. Neither "
                "is taken from the other or from the document. Where the text does not say when a claim was "
                "made, the page says so and gives only what is known: the day an outlet published its own "
                "words, or the latest day by which the claim was made (the first publication of the copy "
                "that carried it: <em>said by 24 July 2025 at the latest</em>). Where the date of the events "
                "is not recorded, the page says that too. Who administers a place, and the offices a person "
                "holds, are shown with the day they began (or a day they are known to hold), and what held "
                "before beneath. A place named only in a copy's dateline is where the copy was filed, not a "
                "place of the events."
            )
        ),
        mk.heading(2, "Reusing this site", "licence"),
        mk.para(licence_sentence() + ". " + mk.link("The data", here, paths.DATA) + " can be downloaded whole."),
    )


def _definitions(rows: list[tuple[Markup, Markup]]) -> Markup:
    return mk.html(
        "<dl>{}</dl>", mk.join("", (mk.html("<dt>{}</dt><dd>{}</dd>", term, meaning) for term, meaning in rows))
    )
