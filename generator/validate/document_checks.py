"""Checks of each document: its source graph, its claims and the hops that carried them,
and every quote found once, word for word, in its text."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from generator import inputs
from generator.facts import sourcegraph
from generator.facts.when_said import carriers
from generator.text.quotes import NormalizedText
from generator.text.sentences import Sentences
from generator.validate.chain_checks import check_chain
from generator.validate.checker import Findings, Index, citations, finding, is_placeholder, ref, unknown_id
from generator.validate.corpus import Origin, SourceDocument
from generator.validate.date_checks import check_claim_timing
from generator.validate.locate import locate


def check_document(seed: Index, document: SourceDocument, positions: Mapping[int, int]) -> Findings:
    """A document's checks, its claims' among them (``positions``: where each claim is
    written, by its id()). The document is the one its check is making: where its
    passages are found is written into it (its spans, its texts folded for matching)."""
    meta, origin, unchecked = document.meta, document.origin, document.unchecked
    if "topic" not in unchecked and meta.topic not in seed.known_topics and not is_placeholder(meta.topic):
        yield from unknown_id(seed, origin, ("topic",), meta.topic, "topic", sorted(seed.known_topics))
    if "outlet" not in unchecked:
        yield from ref(seed, origin, ("outlet",), meta.outlet, {"outlet"})
    haystack = document.normalized = NormalizedText.of(document.text)
    traceable = "chain" not in unchecked and (yield from check_chain(seed, document, haystack))
    # once per document: a claim must name its carrier when the graph has several originals
    originals = sourcegraph.originals(sourcegraph.drew_on(meta.chain)) if traceable else []
    for index, item in enumerate(meta.boilerplate):
        span = yield from locate(haystack, item.quote, None, origin.at("boilerplate", index, "quote"), meta.text)
        if span is not None:
            document.boilerplate_spans.append(span)
    yield from check_translations(seed, document)
    cut: dict[str, Sentences] = {}  # a text's sentences, cut once for all of its claims

    def sentences(text: str) -> Sentences:
        if text not in cut:
            cut[text] = Sentences(text)
        return cut[text]

    for claim in meta.claims:
        where = Origin(origin.file, ("claims", positions[id(claim)]))
        yield from check_claim(seed, document, claim, where, haystack, originals, sentences)


def check_translations(seed: Index, document: SourceDocument) -> Findings:
    """Each translation's translator is known and its language is not the text's."""
    meta, origin = document.meta, document.origin
    for index, translation in enumerate(meta.translations):
        where = ("translations", index)
        if translation.language.casefold() == meta.language.casefold():
            yield finding(
                origin.file,
                (*where, "language"),
                "translation-language",
                f"the translation '{translation.text}' is in '{translation.language}', "
                "the language of the text it translates",
                "give the translation's own language code, or make another copy in the same language "
                "a document of its own",
            )
        translator = translation.translator
        if translator.outlet is not None:
            yield from ref(seed, origin, (*where, "translator", "outlet"), translator.outlet, {"outlet"})
        if translator.party is not None:
            yield from ref(seed, origin, (*where, "translator", "party"), translator.party, {"party"})
    for translated in document.translations:
        translated.normalized = NormalizedText.of(translated.text)


def check_translated_quote(seed: Index, document: SourceDocument, claim: inputs.Claim, origin: Origin) -> Findings:
    """A claim's ``quote_translated`` occurs once in the document's first translation."""
    if claim.quote_translated is None:
        return
    meta = document.meta
    if "translations" in document.unchecked:
        return  # a mistake in 'translations' is reported; this would only follow from it
    if not meta.translations:
        yield finding(
            origin.file,
            (*origin.loc, "quote_translated"),
            "no-translation",
            f"'quote_translated' is given, but {meta.text} has no translation to find it in",
            "add the translation under 'translations:' (its file, language and translator), "
            "or delete 'quote_translated'",
        )
        return
    first = document.translations[0] if document.translations else None
    if first is None or first.meta is not meta.translations[0] or first.normalized is None:
        return  # the first translation's file is missing or empty: reported
    span = yield from locate(
        first.normalized, claim.quote_translated, None, origin.at("quote_translated"), first.path.name
    )
    if span is not None:
        first.claim_spans[claim.id] = span


def check_claim(
    seed: Index,
    document: SourceDocument,
    claim: inputs.Claim,
    origin: Origin,
    haystack: NormalizedText,
    originals: list[str],
    sentences: Callable[[str], Sentences],
) -> Findings:
    meta = document.meta
    if claim.claimant is not None:
        yield from ref(seed, origin, ("claimant",), claim.claimant, {"party", "outlet"})
    if "chain" not in document.unchecked:
        yield from check_carriers(seed, document, claim, origin, originals)
    if (
        claim.question is not None
        and ("question", claim.question) not in seed.ids.duplicated
        and "topic" not in document.unchecked
    ):
        topic_of_question = seed.question_topic.get(claim.question)
        if topic_of_question is None:
            questions = [
                q for q, t in seed.question_topic.items() if t == meta.topic or meta.topic not in seed.known_topics
            ]
            yield from unknown_id(
                seed,
                origin,
                ("question",),
                claim.question,
                "question",
                questions,
                f"add it under 'questions:' in the topic file of '{meta.topic}'",
            )
        elif topic_of_question != meta.topic:
            yield finding(
                origin.file,
                (*origin.loc, "question"),
                "unknown-reference",
                f"the question '{claim.question}' belongs to topic '{topic_of_question}', not '{meta.topic}'",
                "use a question of this document's topic",
            )
    for index, subject in enumerate(claim.subjects):
        yield from ref(seed, origin, ("subjects", index), subject, {"party", "location"})
    for relation in ("disputes", "supports"):
        for index, other in enumerate(getattr(claim, relation)):
            if other == claim.id:
                yield finding(
                    origin.file,
                    (*origin.loc, relation, index),
                    "self-reference",
                    f"the claim '{claim.id}' cannot {relation[:-1]} itself",
                    "name another claim's id",
                )
            elif other not in seed.claim_ids:
                yield from unknown_id(seed, origin, (relation, index), other, "claim", list(seed.claim_ids))
    yield from citations(seed, claim.sources, origin)
    carried = carriers(claim, meta)
    if claim.date is not None and carried and claim.date > carried[0][0]:
        day, outlet = carried[0]
        if outlet == meta.outlet:
            message = f"after the copy it is quoted from was published ({day.isoformat()})"
        else:
            message = f"after '{outlet}' carried it ({day.isoformat()}, the date of its hop)"
        yield finding(
            origin.file,
            (*origin.loc, "date"),
            "date-order",
            f"the claim is dated {claim.date.isoformat()}, {message}",
            "a claim is made before it is carried: check the year, month and day, here and in the hop's 'date'",
        )
    if claim.figure is not None:
        for index, revision in enumerate(claim.figure.revisions):
            revision_origin = Origin(origin.file, (*origin.loc, "figure", "revisions", index))
            if revision.by is not None:
                yield from ref(seed, revision_origin, ("by",), revision.by, {"party", "outlet"})
            if revision.source.document is not None and revision.source.document not in seed.known_documents:
                yield from unknown_id(
                    seed,
                    revision_origin,
                    ("source", "document"),
                    revision.source.document,
                    "document",
                    sorted(seed.known_documents),
                )
    span = yield from locate(haystack, claim.quote, claim.occurrence, origin.at("quote"), meta.text)
    if span is not None:
        document.claim_spans[claim.id] = span
    yield from check_translated_quote(seed, document, claim, origin)
    yield from check_claim_timing(seed, document, claim, origin, span, sentences)


def check_carriers(
    seed: Index, document: SourceDocument, claim: inputs.Claim, origin: Origin, originals: list[str]
) -> Findings:
    """Each carrier is a hop of the chain; with several originals (of a graph that could be
    traced), a carrier must be named."""
    hops = list(dict.fromkeys(hop.outlet for hop in document.meta.chain))
    for index, carrier in enumerate(claim.via):
        if carrier not in hops and not is_placeholder(carrier):
            yield finding(
                origin.file,
                (*origin.loc, "via", index),
                "unknown-reference",
                f"'{carrier}' in 'via' is not an outlet of this document's chain",
                f"use one of: {', '.join(hops)}",
            )
    if not claim.via and len(originals) > 1:
        yield finding(
            origin.file,
            (*origin.loc, "id"),
            "via-required",
            f"this document draws on {len(originals)} originals ({_some(originals)}), "
            f"so the claim '{claim.id}' must say which carried it",
            "add 'via: [...]' naming the hop or hops the claim can be traced to, among: "
            + _some(originals)
            + " (or a later hop, if it could be traced no further)",
            prefer_key=True,
        )


def _some(names: list[str], shown: int = 8) -> str:
    """``a, b, c``, or the first ``shown`` and how many more: a message stays one readable line."""
    more = f" and {len(names) - shown:,} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more
