"""``python -m generator new``, written out: the scaffold of a new text (``scaffold``)
as a metadata file, every value quoted, every comment kept on one line, every
decision left to a person a ``TODO`` or a claim marked ``draft: true``."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from generator.base.problems import visible
from generator.inputs import slugify
from generator.inputs.schema import modeline
from generator.scaffold.drafts import Candidate, Found, Hop, Scaffold, UnknownName, analyse
from generator.text.sentences import paragraph_spans
from generator.validate.checker import PLACEHOLDER
from generator.validate.corpus import Corpus

# A scaffold lists this many claim candidates (some 800 bytes each) and, for each name, this
# many lines it is found on: a text of megabytes gets a scaffold that validation can read.
MAX_CANDIDATES = 500
MAX_LINES = 20


def _one_line(value: str) -> str:
    """Text for a YAML comment: on one line, whatever line breaks or control characters it holds,
    so that it can never spill out of the comment into the data."""
    return visible(" ".join(value.split()))


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def render_scaffold(
    scaffold: Scaffold,
    document_id: str,
    topic: str | None,
    schema_line: str,
    today: dt.date,
    taken_ids: frozenset[str] = frozenset(),
    language: str = "en",
    translation: Translated | None = None,
) -> str:
    """The metadata file of the scaffold; its claim ids are new beside ``taken_ids``. With a
    ``translation``, the claim candidates are those of the translation (``quote_translated``),
    each mapped back to the original's passage where it can be."""
    listed = scaffold.candidates[:MAX_CANDIDATES]
    read_in = "the text" if translation is None else f"the translation ({_one_line(translation.file_name)})"
    lines = [
        schema_line,
        f"# Scaffold written by 'python -m generator new' on {today.isoformat()} for {_one_line(scaffold.text_name)}.",
        "# Replace every TODO, check every claim marked 'draft: true', then run",
        "# 'python -m generator validate'. Field reference: the site's Contributing > Input model page.",
        "",
        *_unknown_comments(scaffold.unknown_names),
        f"id: {document_id}",
        f"title: {PLACEHOLDER}  # a neutral title for the page",
        f"topic: {topic if topic else PLACEHOLDER + '  # id of a topic in seeds/topics/'}",
        f"text: {scaffold.text_name}",
        f"language: {language}  # BCP 47 code of the text's language",
        *(_translation_lines(translation) if translation else []),
        f"kind: {PLACEHOLDER}  # news-article, official-statement, wire-report, report, transcript or other",
        f"summary: {PLACEHOLDER}  # what happened, two or three neutral sentences",
        f"event_date: {PLACEHOLDER}  # YYYY-MM-DD, the day of the events reported",
        (
            f"published: {scaffold.published.isoformat()}  # proposed from the copy's opening: check it"
            if scaffold.published
            else "# published: YYYY-MM-DD   # date of the copy, if the copy shows it"
        ),
        f"outlet: {PLACEHOLDER}  # id of the outlet whose copy this is (seeds/outlets.yaml)",
        "# author: Name as in the byline",
        "# url: https://...        # address of the copy, if known",
        "# boilerplate:            # parts of the copy that are not the report, each quoted exactly:",
        "#   - quote: The headline, as in the text",
        "#     kind: headline      # byline, dateline, author-bio, source-line, headline, related-link, other",
        "",
        *_found_comments("Parties", scaffold.parties, read_in),
        *_found_comments("Places", scaffold.places, read_in),
        *_found_comments("Outlets", scaffold.outlets, read_in),
        "",
        "chain:  # how the text reached us: the originals first, the copy held last. A statement on its",
        "        # issuer's own site is one hop: the issuer's site as outlet, role original-reporting.",
        *_chain_lines(scaffold.hops),
        f"  - outlet: {PLACEHOLDER}  # the outlet whose copy this is, as in outlet: above",
        "    role: republisher  # original-reporting, wire, republisher, aggregator, translation",
        *_held_copy_sources(scaffold.hops),
        "",
        "claims:",
        *_claim_lines(listed, _claim_ids(listed, document_id, set(taken_ids)), translation),
        *_left_out(scaffold.candidates[len(listed) :]),
    ]
    if not scaffold.candidates:
        lines[-1] = "claims: []  # no clause attributing something to someone was found"
        lines += _CLAIM_TEMPLATE
    return "\n".join(lines) + "\n"


def _left_out(candidates: list[Candidate]) -> list[str]:
    """A comment for the candidates past ``MAX_CANDIDATES``: a scaffold stays well under the
    validator's size cap, and one that long is not read claim by claim."""
    if not candidates:
        return []
    return [
        f"# {len(candidates):,} more claim candidates, from line {candidates[0].line:,} on, are not listed:",
        f"# a scaffold lists at most {MAX_CANDIDATES}. Run new on parts of the text, or add the claims",
        "# you need by hand.",
    ]


def _lines(numbers: list[int]) -> str:
    """``line 3`` or ``lines 3, 8, 12``, at most ``MAX_LINES`` of them and how many more."""
    shown = ", ".join(map(str, numbers[:MAX_LINES]))
    more = f" and {len(numbers) - MAX_LINES:,} more" if len(numbers) > MAX_LINES else ""
    return f"line{'s' if len(numbers) > 1 else ''} {shown}{more}"


# Shown when no candidate was found, e.g. in a statement that speaks in its own voice.
_CLAIM_TEMPLATE = [
    "# To add a claim, replace [] above with one entry per claim, like this:",
    "#   - id: issuer-says-what-2023-05-11   # lowercase words and hyphens",
    "#     claimant: party-or-outlet-id       # an official statement's issuer, for example",
    "#     kind: accusation                   # casualty-report, accusation, denial, statement-of-intent,",
    "#                                        # diplomatic-statement, assessment, factual-report",
    "#     paraphrase: One neutral line saying what the claimant asserts.",
    "#     quote: the exact words of the text that carry the claim",
    "#     status: unverified                 # unverified, disputed, corroborated, false, outdated",
]


def _found_comments(title: str, found: list[Found], read_in: str) -> list[str]:
    if not found:
        return [f"# {title} found in {read_in}: none"]
    rows = [f"# {title} found in {read_in} (names and aliases of the registries):"]
    rows += [f"#   {f.entity} ({_one_line(f.name)}): {_lines(f.lines)}" for f in found]
    return rows


def _unknown_comments(names: list[UnknownName]) -> list[str]:
    if not names:
        return []
    rows = [
        "# First, names no registry knows. Register the ones that act or speak in the text in",
        "# parties.yaml or locations.yaml (or as an alias of an entry), with the id suggested or",
        "# your own; then delete this file and run 'new' again: their claims get their claimants.",
    ]
    return [*rows, *(f"#   {unknown_line(unknown)}" for unknown in names), ""]


def unknown_line(unknown: UnknownName) -> str:
    """An unknown name on one line: its suggested id, where it is, the known names in it."""
    lines = _lines(unknown.lines)
    contains = f" ({_one_line('contains the known name ' + ', '.join(unknown.contains))})" if unknown.contains else ""
    if unknown.registered is not None:  # registered under another name: the text's is an alias
        return f"{_one_line(unknown.name)} (an alias of {unknown.registered}?): {lines}{contains}"
    return f"{_one_line(unknown.name)} (id: {slugify(unknown.name)}): {lines}{contains}"


def _chain_lines(hops: list[Hop]) -> list[str]:
    if not hops:
        return []
    rows = [
        "  # Suggested from the text's attribution phrases (check each hop): every outlet it cites is",
        '  # an original of its own, unless the text says one carried another ("X, citing Y").',
    ]
    for hop in hops:
        role = "republisher" if hop.drew_on else "original-reporting"
        rows += [
            f"  - outlet: {hop.outlet}  # {hop.how}, line {hop.line}",
            f"    role: {role}  # check: original-reporting, wire, own-reporting, republisher, aggregator, translation",
        ]
        if hop.drew_on:
            rows.append(f"    drew_on: [{', '.join(hop.drew_on)}]  # the text says it drew on these")
        rows.append("    # url: https://...  # without it the hop is shown as unverified")
    return rows


def _held_copy_sources(hops: list[Hop]) -> list[str]:
    """The copy held drew on every suggested hop that no other hop drew on."""
    used = {source for hop in hops for source in hop.drew_on}
    last = [hop.outlet for hop in hops if hop.outlet not in used]
    return [f"    drew_on: [{', '.join(last)}]  # suggested: the hops above that no other hop drew on"] if last else []


def _claim_ids(candidates: list[Candidate], document_id: str, taken: set[str]) -> list[str]:
    """A placeholder id for each candidate, unique across the corpus: who says it, the
    document and the candidate's number (``royal-thai-army-2025-07-24-bno-clash-3``)."""
    ids = []
    for index, candidate in enumerate(candidates, start=1):
        base = f"{slugify(candidate.claimant or 'claim')}-{document_id}"
        claim_id, again = f"{base[:70].strip('-')}-{index}", 1
        while claim_id in taken:  # a scaffold written before, for a text of the same name
            again += 1
            claim_id = f"{base[:64].strip('-')}-{index}-{again}"
        taken.add(claim_id)
        ids.append(claim_id)
    return ids


@dataclass(frozen=True)
class Translated:
    """A translation beside the text: its file and language, and the paragraphs of both texts
    (non-blank lines), by which a passage of the translation is mapped back to the original."""

    file_name: str
    language: str
    paragraphs: list[tuple[int, int, str]]  # of the translation: start, end, text
    original: list[str]  # the original's paragraphs

    def original_of(self, start: int) -> tuple[str | None, str]:
        """The original's passage for the translation's words at ``start``, and a comment that
        says how it was found, or why it could not be."""
        number = next((n for n, (a, b, _) in enumerate(self.paragraphs) if a <= start < b), None)
        if number is None or len(self.original) != len(self.paragraphs):
            return None, (
                f"not mapped back: the original has {len(self.original)} paragraphs and the translation "
                f"{len(self.paragraphs)}; copy the words of the claim from the original"
            )
        return self.original[number], (
            f"paragraph {number + 1} of the original, where the translation has these words: cut it down to "
            "the words that carry the claim"
        )


def paragraphs_of(text: str) -> list[tuple[int, int, str]]:
    """The paragraphs of ``text`` (``sentences.paragraph_spans``), each with its words."""
    return [(start, end, text[start:end]) for start, end in paragraph_spans(text)]


def _translation_lines(translation: Translated) -> list[str]:
    return [
        "translations:",
        f"  - text: {translation.file_name}",
        f"    language: {translation.language}",
        f"    translator: {{outlet: {PLACEHOLDER}}}  # who translated it, one of: outlet: <id>,",
        "        # party: <id> (the issuer's own version), person: <name>, machine: <system and version>,",
        "        # or unnamed: <how it presents itself>, where no translator is named",
        "    # date: YYYY-MM-DD          # when it was translated or published",
        "    # url: https://...          # where it was published, if it was",
    ]


def _claim_lines(candidates: list[Candidate], claim_ids: list[str], translation: Translated | None = None) -> list[str]:
    rows: list[str] = []
    for candidate, claim_id in zip(candidates, claim_ids, strict=True):
        rows += [
            f"  - id: {claim_id}  # line {candidate.line}; rename to say what the claim is",
            "    draft: true  # delete this line once a person has checked the claim",
        ]
        said_by = f"  # said by: {_one_line(candidate.speaker)}" if candidate.speaker else ""
        if candidate.unnamed:
            rows.append(f"    unnamed_source: {_q(candidate.unnamed)}  # a source the text does not name")
            if candidate.claimant:
                rows.append(f"    claimant: {candidate.claimant}  # the party it speaks for")
        else:
            rows.append(
                f"    claimant: {candidate.claimant}{said_by}"
                if candidate.claimant
                else f"    claimant: {PLACEHOLDER}  # id of the party or outlet that asserts it{said_by[1:]}"
            )
        if candidate.said is not None:
            rows.append(
                f"    date: {candidate.said.first.isoformat()}  # proposed from {_q(candidate.said.words)} in the "
                "sentence: the day the claim was made? check it"
            )
        if candidate.events is not None:
            end = candidate.events.last
            rows.append(
                f"    event_date: {candidate.events.first.isoformat()}  # proposed from "
                f"{_q(candidate.events.words)} in the quote: the day of its events? check it"
            )
            if end != candidate.events.first:
                rows.append(f"    event_end: {end.isoformat()}")
        rows += [
            f"    kind: {candidate.kind}  # casualty-report, accusation, denial, statement-of-intent, "
            "diplomatic-statement, assessment, factual-report, territorial-claim",
            f"    paraphrase: {PLACEHOLDER}  # one neutral line saying what the claimant asserts",
        ]
        if translation is None:
            rows.append(f"    quote: {_q(candidate.quote)}  # the words attributed: check them against the text")
        else:
            original, how = translation.original_of(candidate.start)
            rows += [
                f"    quote: {_q(original) if original is not None else PLACEHOLDER}  # {how}",
                f"    quote_translated: {_q(candidate.quote)}  # the words attributed, in the translation: check them",
            ]
        if candidate.occurrence is not None and translation is None:
            rows.append(f"    occurrence: {candidate.occurrence}")
        rows += ["    status: unverified  # unverified, disputed, corroborated, false, outdated", ""]
    return rows


def scaffold_document(
    text_path: Path,
    seeds: Path,
    project: Path,
    corpus: Corpus,
    topic: str | None,
    document_id: str | None,
    today: dt.date,
    language: str = "en",
    translation_path: Path | None = None,
    translation_language: str = "en",
) -> tuple[Path, str, list[UnknownName]]:
    """The metadata path and YAML for a text already in ``seeds/documents/``, and the
    names in it no registry knows. With a translation beside it, attribution is read in the
    translation (the scaffold reads English) and mapped back to the original's paragraphs."""
    text = original = text_path.read_text(encoding="utf-8")
    translation = None
    if translation_path is not None:
        text = translation_path.read_text(encoding="utf-8")
        translation = Translated(
            translation_path.name,
            translation_language,
            paragraphs_of(text),
            [paragraph for _, _, paragraph in paragraphs_of(original)],
        )
    # A dateline without its year ("July 25") is read against the date the file is named for, if any.
    named_for = re.match(r"(\d{4}-\d\d-\d\d)", document_id or text_path.name)
    try:
        reference = dt.date.fromisoformat(named_for[1]) if named_for else today
    except ValueError:
        reference = today
    scaffold = analyse(text, text_path.name, corpus, reference)
    doc_id = document_id or slugify(text_path.stem)
    metadata = text_path.with_suffix(".yaml")
    schema_line = modeline("document", metadata, project)
    taken = frozenset(claim.id for document in corpus.documents.values() for claim in document.meta.claims)
    if translation is not None:
        scaffold.text_name = text_path.name
    content = render_scaffold(scaffold, doc_id, topic, schema_line, today, taken, language, translation)
    return metadata, content, scaffold.unknown_names
