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
from typing import NamedTuple

from generator import inputs
from generator.corpus import SourceDocument, Span
from generator.mentions import Mention
from generator.model import Site
from generator.render import markup as mk
from generator.render import paths
from generator.render.common import STATUS_LABELS, claimant_name
from generator.render.markup import relative_url


class _Run(NamedTuple):
    start: int
    end: int
    claims: tuple[str, ...]
    boilerplate: str | None


def render_text(site: Site, document: SourceDocument, here: str) -> mk.Anchored:
    """The whole text as paragraphs inside a styled container."""
    text = document.text
    claim_spans = sorted(document.claim_spans.items(), key=lambda item: (item[1], item[0]))
    anchors: dict[int, str] = {}
    for claim_id, (claim_start, _) in sorted(document.claim_spans.items()):
        # out of search: Pagefind would read an anchor as a break in the words ("“ Shockingly")
        anchors[claim_start] = (
            anchors.get(claim_start, "")
            + f'<span class="quote-anchor" id="{paths.quote_anchor(claim_id)}" data-pagefind-ignore></span>'
        )
    pairs = zip(document.boilerplate_spans, document.meta.boilerplate, strict=False)
    boilerplate = [(span, _boilerplate_title(item)) for span, item in pairs]
    mentions = site.mentions[document.meta.id]
    mention_starts = [m.start for m in mentions]
    paragraphs = []
    for start, end in paragraph_spans(text):
        runs = _runs(
            start,
            end,
            [(cid, s) for cid, s in claim_spans if s[0] < end and s[1] > start],
            [(s, title) for s, title in boilerplate if s[0] < end and s[1] > start],
        )
        first = bisect.bisect_left(mention_starts, start)
        last = bisect.bisect_right(mention_starts, end)
        inside = [m for m in mentions[first:last] if m.end <= end]
        paragraphs.append(_paragraph(site, text, runs, anchors, inside, here))
    # The text is escaped here, character for character, and the links are the pages' final URLs.
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return mk.Anchored(
        f'<div class="source-text">\n{body}\n</div>', tuple(paths.quote_anchor(c) for c in document.claim_spans)
    )


def paragraph_spans(text: str) -> list[Span]:
    """Each non-blank line is a paragraph, without its surrounding whitespace."""
    spans = []
    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = position + line.index(stripped[0])
            spans.append((start, start + len(stripped)))
        position += len(line)
    return spans


def _paragraph(
    site: Site, text: str, runs: list[_Run], anchors: dict[int, str], mentions: list[Mention], here: str
) -> str:
    linked: set[str] = set()
    out = []
    for run in runs:
        if run.start in anchors:
            out.append(anchors[run.start])
        inner = _run_text(site, text, run, mentions, linked, here)
        if run.claims:
            inner = _mark(site, run.claims, inner, here)
        if run.boilerplate:
            inner = f'<span class="boilerplate" title="{mk.attr(run.boilerplate)}">{inner}</span>'
        out.append(inner)
    return "".join(out)


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


def _run_text(site: Site, text: str, run: _Run, mentions: list[Mention], linked: set[str], here: str) -> str:
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
    return "".join(out)


def _mark(site: Site, claim_ids: tuple[str, ...], inner: str, here: str) -> str:
    """A highlighted quote. Hovering, focusing or tapping it shows who claims it, the
    status and a link to the claim: one tooltip, the site's own (no ``title`` as well)."""
    tips = []
    for claim_id in claim_ids:
        claim = site.claims[claim_id].claim
        status = STATUS_LABELS[claim.status]
        tips.append(
            f"<strong>{mk.text(claimant_name(site, claim))}</strong> · {status} · "
            f'<a href="{relative_url(here, paths.claim(claim_id))}">the claim</a>'
        )
    classes = " ".join(f"claim-{cid}" for cid in claim_ids)
    # the tooltip is not part of the text: search leaves it out, so the quote reads on
    tip = f'<span class="claim-tip" role="tooltip" data-pagefind-ignore>{"<br>".join(tips)}</span>'
    return f'<mark class="claim-quote {classes}" tabindex="0">{inner}{tip}</mark>'
