"""The verbatim text of a document, with claim quotes highlighted and mentions linked.

The text is cut at every boundary of a claim quote or boilerplate passage
into runs; each run knows which claims and which boilerplate cover it. Runs
are wrapped in ``<mark>`` (claims) and ``<span>`` (boilerplate); mentions that
fall wholly inside one run become links, the first per paragraph and entity.
The characters themselves are emitted one for one, escaped.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import inputs
from generator.mentions import Mention
from generator.model import Site
from generator.render import markup as mk
from generator.render import paths
from generator.render.common import STATUS_LABELS
from generator.render.markup import relative_url
from generator.validate import SourceDocument, Span


@dataclass(frozen=True)
class _Run:
    start: int
    end: int
    claims: tuple[str, ...]
    boilerplate: str | None


def render_text(site: Site, document: SourceDocument, here: str) -> str:
    """The whole text as paragraphs inside a styled container."""
    paragraphs = [
        _paragraph(site, document, span, here) for span in paragraph_spans(document.text)
    ]
    # Raw HTML, which Markdown passes through untouched: the text is escaped
    # here, character for character, and the links are the pages' final URLs.
    return '<div class="source-text">\n' + "\n".join(f"<p>{p}</p>" for p in paragraphs) + "\n</div>"


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


def _paragraph(site: Site, document: SourceDocument, span: Span, here: str) -> str:
    claim_spans = document.claim_spans
    boilerplate = list(zip(document.boilerplate_spans, document.meta.boilerplate))
    runs = _runs(span, claim_spans, boilerplate)
    mentions = [m for m in site.mentions[document.meta.id] if span[0] <= m.start and m.end <= span[1]]
    linked: set[str] = set()
    out = []
    for run in runs:
        out.append("".join(
            f'<span class="quote-anchor" id="{paths.quote_anchor(cid)}"></span>'
            for cid in sorted(claim_spans)
            if claim_spans[cid][0] == run.start
        ))
        inner = _run_text(site, document.text, run, mentions, linked, here)
        if run.claims:
            inner = _mark(site, run.claims, inner, here)
        if run.boilerplate:
            inner = f'<span class="boilerplate" title="{mk.attr(run.boilerplate)}">{inner}</span>'
        out.append(inner)
    return "".join(out)


def _runs(span: Span, claim_spans: dict[str, Span],
          boilerplate: list[tuple[Span, inputs.Boilerplate]]) -> list[_Run]:
    start, end = span
    cuts = {start, end}
    for a, b in [*claim_spans.values(), *(s for s, _ in boilerplate)]:
        cuts.update(point for point in (a, b) if start < point < end)
    points = sorted(cuts)
    runs = []
    for a, b in zip(points, points[1:]):
        claims = tuple(sorted(cid for cid, (s, e) in claim_spans.items() if s <= a and b <= e))
        covering = [item for (s, e), item in boilerplate if s <= a and b <= e]
        runs.append(_Run(a, b, claims, _boilerplate_title(covering[0]) if covering else None))
    return runs


def _boilerplate_title(item: inputs.Boilerplate) -> str:
    """What a reader sees on hovering a boilerplate passage: its kind, and the note."""
    kind = label_of(item.kind)
    return f"{kind[0].upper()}{kind[1:]}: {item.note}" if item.note else kind


def label_of(kind: str) -> str:
    return {"author-bio": "author biography", "source-line": "source line",
            "related-link": "related-article link"}.get(kind, kind.replace("-", " "))


def _run_text(site: Site, text: str, run: _Run, mentions: list[Mention],
              linked: set[str], here: str) -> str:
    out = []
    position = run.start
    for mention in mentions:
        if not (run.start <= mention.start and mention.end <= run.end):
            continue
        out.append(mk.text(text[position:mention.start]))
        surface = mk.text(text[mention.start:mention.end])
        if mention.entity in linked:
            out.append(surface)
        else:
            linked.add(mention.entity)
            kind = site.entity_kind(mention.entity)
            out.append(f'<a href="{relative_url(here, paths.entity(kind, mention.entity))}">{surface}</a>')
        position = mention.end
    out.append(mk.text(text[position:run.end]))
    return "".join(out)


def _mark(site: Site, claim_ids: tuple[str, ...], inner: str, here: str) -> str:
    """A highlighted quote. Hovering or focusing it shows who claims it, the
    status and a link to the claim; the ``title`` says the same without CSS."""
    titles, tips = [], []
    for claim_id in claim_ids:
        claim = site.claims[claim_id].claim
        status = STATUS_LABELS[claim.status]
        titles.append(f"{site.entity_name(claim.claimant)} ({status.lower()}): {claim.paraphrase}")
        tips.append(f"<strong>{mk.text(site.entity_name(claim.claimant))}</strong> · {status} · "
                    f'<a href="{relative_url(here, paths.claim(claim_id))}">the claim</a>')
    classes = " ".join(f"claim-{cid}" for cid in claim_ids)
    tip = f'<span class="claim-tip" role="tooltip">{"<br>".join(tips)}</span>'
    return (
        f'<mark class="claim-quote {classes}" tabindex="0" title="{mk.attr(" | ".join(titles))}">'
        f"{inner}{tip}</mark>"
    )
