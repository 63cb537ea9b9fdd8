"""The verbatim text of a document, with claim quotes highlighted and mentions linked.

The text is cut at every boundary of a claim quote or boilerplate passage
into runs; each run knows which claims and which boilerplate cover it. Runs
are wrapped in ``<mark>`` (claims) and ``<span>`` (boilerplate); mentions that
fall wholly inside one run become links, the first per paragraph and entity.
The characters themselves are emitted one for one, escaped.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable
from typing import NamedTuple

from markupsafe import Markup

from generator import inputs
from generator.model.site import Site
from generator.render import markup as mk
from generator.render import paths
from generator.render.common import STATUS_LABELS, claimant_name, entity_link
from generator.render.markup import relative_url
from generator.text import writing
from generator.text.mentions import Mention
from generator.text.sentences import paragraph_spans
from generator.validate.corpus import SourceDocument, Span


class _Run(NamedTuple):
    start: int
    end: int
    claims: tuple[str, ...]
    boilerplate: str | None


SITE_LANGUAGE = "en"  # the language of the site's own wording, and of its search's main index
# Languages whose words run together, which site search (Pagefind's extended build) cuts into
# words only on a page in that language: a text in one of them is searched on its own page
# (``paths.original``), in that language's index. A text in any other language is searched
# where it is shown beside its translation: Pagefind searches every index with the stemmer
# of the site's language, and an index stemmed in Arabic or Russian would match nothing.
SEARCHED_APART = frozenset({"th", "zh", "ja"})


class _Shown(NamedTuple):
    """A text as a page shows it: its claims' passages (marked, with their anchors), its
    boilerplate passages and its mentions of parties and places."""

    text: str
    claim_spans: dict[str, Span]
    boilerplate: list[tuple[Span, str]]
    mentions: list[Mention]
    anchor: Callable[[str], str]


def render_text(site: Site, document: SourceDocument, here: str) -> mk.Anchored:
    """The whole text as paragraphs inside a styled container, in its language and direction;
    with a translation, the two side by side (a switch between them on a phone)."""
    meta = document.meta
    original = _original(site, document)
    ids = tuple(paths.quote_anchor(c) for c in document.claim_spans)
    if not document.translations:
        block = _text_block(site, original, meta.language, here)
        return mk.Anchored(mk.unsearched(block) if searched_apart(meta.language) else block, ids)
    first = document.translations[0]
    translated = _Shown(
        first.text, first.claim_spans, [], site.translated_mentions[meta.id][0], paths.translated_quote_anchor
    )
    # a text in another language than the site's is searched on its own page (paths.original)
    own_page = not is_site_language(meta.language)
    apart = searched_apart(meta.language)
    original_label = mk.html(
        "Original, in {}{}",
        mk.text(writing.language_name(meta.language)),
        mk.html(" ({})", mk.link("on its own page", here, paths.original(meta.id))) if own_page else Markup(),
    )
    columns = [
        _version("original", original_label, _text_block(site, original, meta.language, here), apart),
        _version(
            "translation",
            translator_label(site, first.meta, here),
            _text_block(site, translated, first.meta.language, here),
            searched_apart(first.meta.language),
        ),
    ]
    original_name = mk.text(writing.language_name(meta.language))
    translation_name = mk.text(writing.language_name(first.meta.language))
    tabs = mk.html(
        '<input class="text-versions__switch" type="radio" name="text-version" id="text-version-original" checked>'
        '<label class="text-versions__tab" for="text-version-original">Original ({})</label><input '
        'class="text-versions__switch" type="radio" name="text-version" id="text-version-translation"><label '
        'class="text-versions__tab" for="text-version-translation">{} translation</label>',
        original_name,
        translation_name,
    )
    others = [_other_translation(site, document, index, here) for index in range(1, len(document.translations))]
    html = mk.join(
        "\n",
        [
            mk.html('<div class="text-versions">{}', tabs),
            Markup('<div class="text-versions__columns">'),
            *columns,
            Markup("</div>"),
            Markup("</div>"),
            *others,
        ],
    )
    switches = ("text-version-original", "text-version-translation")
    return mk.Anchored(html, ids + tuple(paths.translated_quote_anchor(c) for c in first.claim_spans) + switches)


def original_text(site: Site, document: SourceDocument, here: str) -> mk.Anchored:
    """The text alone, as its own page shows it (``paths.original``)."""
    block = _text_block(site, _original(site, document), document.meta.language, here)
    return mk.Anchored(block, tuple(paths.quote_anchor(c) for c in document.claim_spans))


def _original(site: Site, document: SourceDocument) -> _Shown:
    pairs = zip(document.boilerplate_spans, document.meta.boilerplate, strict=False)
    return _Shown(
        document.text,
        document.claim_spans,
        [(span, _boilerplate_title(item)) for span, item in pairs],
        site.mentions[document.meta.id],
        paths.quote_anchor,
    )


def translator_label(site: Site, translation: inputs.Translation, here: str) -> Markup:
    """Who translated a text, when, and where it was published: "English translation by
    the Nation (Thailand), 27 July 2025 (published version)"."""
    language = mk.text(writing.language_name(translation.language))
    by = translation.translator
    if by.outlet is not None:
        who = mk.html("{} translation by {}", language, entity_link(site, by.outlet, here))
    elif by.party is not None:
        who = mk.html("{} version by its issuer, {}", language, entity_link(site, by.party, here))
    elif by.person is not None:
        who = mk.html("{} translation by {}", language, mk.text(by.person))
    elif by.machine is not None:
        who = mk.html("{} machine translation ({})", language, mk.text(by.machine))
    else:
        who = mk.html("{} translation, translator not named: {}", language, mk.text(by.unnamed or ""))
    details = [mk.date_text(translation.date)] if translation.date else []
    if translation.url:
        details.append(mk.external("published version", translation.url))
    if translation.partial:
        details.append(mk.html("partial: {}", "the opening only" if translation.partial == "opening" else "an excerpt"))
    return who + (mk.html(", {}", mk.join(", ", details)) if details else Markup())


def _version(kind: str, label: Markup, block: Markup, unsearched: bool) -> Markup:
    """One column of the texts side by side; a text that is searched on its own page
    (``SEARCHED_APART``) is left out of this page's search."""
    ignore = " data-pagefind-ignore" if unsearched else ""
    return mk.html(
        '<section class="text-version text-version--{}"{}>\n<p class="text-version__label">{}</p>\n{}\n</section>',
        kind,
        ignore,
        label,
        block,
    )


def _other_translation(site: Site, document: SourceDocument, index: int, here: str) -> Markup:
    """A further translation, folded under the texts side by side."""
    translation = document.translations[index]
    shown = _Shown(translation.text, {}, [], site.translated_mentions[document.meta.id][index], paths.quote_anchor)
    return mk.html(
        '<details class="text-version text-version--other"><summary>{}</summary>\n{}\n</details>',
        translator_label(site, translation.meta, here),
        _text_block(site, shown, translation.meta.language, here),
    )


def _text_block(site: Site, shown: _Shown, language: str, here: str) -> Markup:
    """The paragraphs of a text in its container, with its language and direction."""
    text = shown.text
    claim_spans = sorted(shown.claim_spans.items(), key=lambda item: (item[1], item[0]))
    anchors: dict[int, Markup] = {}
    for claim_id, (claim_start, _) in sorted(shown.claim_spans.items()):
        # out of search: Pagefind would read an anchor as a break in the words ("“ Shockingly")
        anchors[claim_start] = anchors.get(claim_start, Markup()) + mk.html(
            '<span class="quote-anchor" id="{}" data-pagefind-ignore></span>', shown.anchor(claim_id)
        )
    mention_starts = [m.start for m in shown.mentions]
    paragraphs = []
    for start, end in paragraph_spans(text):
        runs = _runs(
            start,
            end,
            [(cid, s) for cid, s in claim_spans if s[0] < end and s[1] > start],
            [(s, title) for s, title in shown.boilerplate if s[0] < end and s[1] > start],
        )
        first = bisect.bisect_left(mention_starts, start)
        last = bisect.bisect_right(mention_starts, end)
        inside = [m for m in shown.mentions[first:last] if m.end <= end]
        paragraphs.append(_paragraph(site, text, runs, anchors, inside, here))
    # The text is escaped here, character for character, and the links are the pages' final URLs.
    body = mk.join("\n", (mk.html("<p>{}</p>", p) for p in paragraphs))
    return mk.html(
        '<div class="source-text" lang="{}" dir="{}">\n{}\n</div>', mk.attr(language), writing.direction(text), body
    )


def searched_apart(language: str) -> bool:
    """Whether a text in ``language`` is searched on its own page rather than where it is shown."""
    return writing.primary(language) in SEARCHED_APART


def is_site_language(language: str) -> bool:
    return writing.primary(language) == SITE_LANGUAGE


def _paragraph(
    site: Site, text: str, runs: list[_Run], anchors: dict[int, Markup], mentions: list[Mention], here: str
) -> Markup:
    linked: set[str] = set()
    out = []
    for run in runs:
        if run.start in anchors:
            out.append(anchors[run.start])
        inner = _run_text(site, text, run, mentions, linked, here)
        if run.claims:
            inner = _mark(site, run.claims, inner, here)
        if run.boilerplate:
            inner = mk.html('<span class="boilerplate" title="{}">{}</span>', mk.attr(run.boilerplate), inner)
        out.append(inner)
    return mk.join("", out)


def _runs(start: int, end: int, claim_spans: list[tuple[str, Span]], boilerplate: list[tuple[Span, str]]) -> list[_Run]:
    """The paragraph ``start``–``end`` cut where a quote or boilerplate passage
    begins or ends; only the quotes and passages that overlap it are given."""
    if not claim_spans and not boilerplate:
        return [_Run(start, end, (), None)]
    cuts = {start, end}
    for a, b in [*(s for _, s in claim_spans), *(s for s, _ in boilerplate)]:
        cuts.update(point for point in (a, b) if start < point < end)
    points = sorted(cuts)
    runs = []
    for a, b in itertools.pairwise(points):
        claims = tuple(sorted(cid for cid, (s, e) in claim_spans if s <= a and b <= e))
        covering = [title for (s, e), title in boilerplate if s <= a and b <= e]
        runs.append(_Run(a, b, claims, covering[0] if covering else None))
    return runs


def _boilerplate_title(item: inputs.Boilerplate) -> str:
    """What a reader sees on hovering a boilerplate passage: its kind, and the note."""
    kind = label_of(item.kind)
    return f"{kind[0].upper()}{kind[1:]}: {item.note}" if item.note else kind


def label_of(kind: str) -> str:
    return {"author-bio": "author biography", "source-line": "source line", "related-link": "related-article link"}.get(
        kind, kind.replace("-", " ")
    )


def _run_text(site: Site, text: str, run: _Run, mentions: list[Mention], linked: set[str], here: str) -> Markup:
    out = []
    position = run.start
    for mention in mentions:
        if not (run.start <= mention.start and mention.end <= run.end):
            continue
        out.append(mk.text(text[position : mention.start]))
        surface = text[mention.start : mention.end]
        if mention.entity in linked:
            out.append(mk.text(surface))
        else:
            linked.add(mention.entity)
            kind = site.entity_kind(mention.entity)
            out.append(mk.link(surface, here, paths.entity(kind, mention.entity)))
        position = mention.end
    out.append(mk.text(text[position : run.end]))
    return mk.join("", out)


def _mark(site: Site, claim_ids: tuple[str, ...], inner: Markup, here: str) -> Markup:
    """A highlighted quote. Hovering, focusing or tapping it shows who claims it, the
    status and a link to the claim: one tooltip, the site's own (no ``title`` as well)."""
    tips = []
    for claim_id in claim_ids:
        claim = site.claims[claim_id].claim
        status = STATUS_LABELS[claim.status]
        tips.append(
            mk.html(
                '<strong>{}</strong> · {} · <a href="{}">the claim</a>',
                mk.text(claimant_name(site, claim)),
                status,
                relative_url(here, paths.claim(claim_id)),
            )
        )
    classes = " ".join(f"claim-{cid}" for cid in claim_ids)
    # the tooltip is not part of the text: search leaves it out, so the quote reads on
    tip = mk.html('<span class="claim-tip" role="tooltip" data-pagefind-ignore>{}</span>', mk.join("<br>", tips))
    return mk.html('<mark class="claim-quote {}" tabindex="0">{}{}</mark>', classes, inner, tip)
