"""``python -m generator new``: a first metadata file for a new source text.

The scaffold lists what the registries already know (parties, places and
outlets whose names or aliases occur in the text, each with the line it was
found on), proposes claim candidates (sentences that attribute something to
someone, with the verbatim quote prefilled and a likely claimant), and names
capitalised phrases that no registry knows. Everything a person must decide
is either a ``TODO`` placeholder or a claim marked ``draft: true``; the
validator reports each of them until it is done. This module reads the text;
``scaffold_yaml`` writes the file.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.scaffold.attribution import attributions
from generator.scaffold.chain_guess import Hop, suggested_graph
from generator.scaffold.lines import line_at, line_index
from generator.scaffold.reporting import trim
from generator.scaffold.speakers import Entity, Speakers
from generator.scaffold.unknown_names import UnknownName, registered, unknown_names
from generator.text.mentions import Mention, MentionFinder, surface_forms
from generator.text.quotes import NormalizedText, find_all
from generator.text.sentences import CONTEXT, Sentences, Span, dateline_end, sentences
from generator.text.text_dates import NamedDate, named_dates
from generator.validate.corpus import Corpus


@dataclass
class Found:
    """An entity of the registries found in the text, with the lines it occurs on."""

    entity: str
    name: str
    lines: list[int] = field(default_factory=list)


@dataclass
class Candidate:
    """Words the text attributes to someone."""

    quote: str
    line: int
    claimant: str | None
    kind: str
    occurrence: int | None
    unnamed: str | None = None  # how the text describes a source it does not name
    speaker: str | None = None  # the words that say who speaks, as written
    start: int = -1  # where the quote stands in the text
    said: NamedDate | None = None  # a date the sentence names outside the quote: when it was said
    events: NamedDate | None = None  # a date named inside the quote: when its events happened


@dataclass
class Scaffold:
    text_name: str
    parties: list[Found]
    places: list[Found]
    outlets: list[Found]
    candidates: list[Candidate]
    unknown_names: list[UnknownName]
    hops: list[Hop] = field(default_factory=list)
    published: dt.date | None = None  # the copy's date, where its opening shows one


def analyse(text: str, text_name: str, corpus: Corpus, today: dt.date | None = None) -> Scaffold:
    """Everything the scaffold proposes for ``text``, from the registries of ``corpus``; the
    dates its sentences name are read against the copy's date where the text shows one (a
    dateline, a date under the headline), else against ``today``."""
    haystack = NormalizedText.of(text)
    entities = [(e.id, e.name, e.aliases) for t in (corpus.parties, corpus.locations) for e in t.values()]
    mentions = MentionFinder(surface_forms(entities)).find(haystack)
    outlet_mentions = MentionFinder(surface_forms((o.id, o.name, o.aliases) for o in corpus.outlets.values())).find(
        haystack
    )
    line_of = line_index(text)
    published = copy_date(text, today)
    found = _group(mentions, line_of, corpus)
    candidates = _candidates(text, haystack, speakers_of(mentions, outlet_mentions, corpus), corpus, line_of)
    return Scaffold(
        text_name=text_name,
        parties=[f for f in found if f.entity in corpus.parties],
        places=[f for f in found if f.entity in corpus.locations],
        outlets=_group(outlet_mentions, line_of, corpus),
        hops=suggested_graph(text, outlet_mentions, line_of),
        candidates=_dated(text, candidates, published or today),
        unknown_names=registered(
            unknown_names(text, [*mentions, *outlet_mentions], line_of) + _unregistered_speakers(candidates, corpus),
            {*corpus.parties, *corpus.locations, *corpus.outlets},
        ),
        published=published,
    )


def speakers_of(mentions: list[Mention], outlet_mentions: list[Mention], corpus: Corpus) -> list[Mention]:
    """The mentions that can speak: parties (but a party's name inside an outlet's) and outlets."""
    return [
        m
        for m in mentions
        if m.entity in corpus.parties and not any(o.start <= m.start and m.end <= o.end for o in outlet_mentions)
    ] + outlet_mentions


# Words of a speaker that is a body of its own ("the Kyrgyz border service", "Tajikistan's
# foreign ministry"): written in lower case, they are no capitalised name, yet they speak.
_BODY = re.compile(
    r"\b(?:ministry|service|office|army|forces|military|police|guards?|agency|committee|council|department|"
    r"command|commission|government|administration|embassy|mission|parliament)\b",
    re.IGNORECASE,
)


def _unregistered_speakers(candidates: list[Candidate], corpus: Corpus) -> list[UnknownName]:
    """Bodies that speak in the text and that no registry entry names: a speaker phrase naming
    a body ("the Kyrgyz border service said") whose claim went to no one, or to a party that
    is no such body (the country, for want of its ministry)."""
    found: dict[str, UnknownName] = {}
    for candidate in candidates:
        phrase = candidate.speaker or ""
        body = _BODY.search(phrase)
        if body is None or candidate.unnamed or len(phrase.split()) > 6 or re.search(r"[’']s office\b", phrase):
            continue  # "Japarov's office" speaks for Japarov
        claimant = corpus.parties.get(candidate.claimant or "") or corpus.outlets.get(candidate.claimant or "")
        if claimant is not None and body.group().lower() in " ".join([claimant.name, *claimant.aliases]).lower():
            continue  # a body of the registries
        name = re.sub(r"^(?:the|a|an)\s+", "", re.sub(r"[’']s\b", "", phrase), flags=re.IGNORECASE).strip(" ,")
        if not re.search(r"\b[A-Z]", name):
            continue  # "the border service": the body named before, in other words
        entry = found.setdefault(name, UnknownName(name, [], []))
        if candidate.line not in entry.lines:
            entry.lines.append(candidate.line)
    return list(found.values())


def copy_date(text: str, today: dt.date | None) -> dt.date | None:
    """The copy's date where its opening shows one with a year (``July 25, 2025``), else a
    dateline's day and month read against ``today``, never after it; None where it shows none."""
    opening = "\n".join(text.splitlines()[:8])[:2000]
    named = named_dates(opening, today)
    dated = [d for d in named if d.first == d.last and re.search(r"(?:19|20)\d\d", d.words)]
    if dated:
        return dated[0].first
    days = [d for d in named if d.first == d.last and re.search(r"\d", d.words)]
    if not days or today is None or days[0].first <= today:
        return days[0].first if days else None
    try:  # read as a day ahead ("January 5" on 20 December): a copy held is already out, so the year before
        return days[0].first.replace(year=days[0].first.year - 1)
    except ValueError:
        return None


def _dated(text: str, candidates: list[Candidate], reference: dt.date | None) -> list[Candidate]:
    """Each candidate with the dates its sentence names (not its dateline's): outside the
    quote, when it was said; inside, when its events happened (a proposal, for a person to
    check). At most ``CONTEXT`` characters of the sentence on each side of the quote are read."""
    if reference is None:
        return candidates
    cut = Sentences(text)
    for candidate in candidates:
        start = candidate.start if candidate.start >= 0 else text.find(candidate.quote)
        sentence = cut.at(start) if start >= 0 else None
        if sentence is None:
            continue
        end = start + len(candidate.quote)
        a, b = sentence
        line_start = text.rfind("\n", 0, a) + 1
        a = max(a, dateline_end(text, a) if a == line_start else a, start - CONTEXT)  # a dateline is no date said
        for date in named_dates(text[a : min(b, end + CONTEXT)], reference):
            inside = start <= a + date.start < end
            if inside and candidate.events is None:
                candidate.events = date
            elif not inside and candidate.said is None and date.first == date.last:
                candidate.said = date
    return candidates


def _group(mentions: Iterable[Mention], line_of: list[int], corpus: Corpus) -> list[Found]:
    names = {e.id: e.name for t in (corpus.parties, corpus.locations, corpus.outlets) for e in t.values()}
    grouped: dict[str, Found] = {}
    for mention in mentions:
        entry = grouped.setdefault(mention.entity, Found(mention.entity, names[mention.entity]))
        line = line_at(line_of, mention.start)
        if line not in entry.lines:
            entry.lines.append(line)
    return sorted(grouped.values(), key=lambda f: (f.lines[0], f.entity))


def _candidates(
    text: str, haystack: NormalizedText, mentions: list[Mention], corpus: Corpus, line_of: list[int]
) -> list[Candidate]:
    """One candidate per attribution (see ``attribution``), its speaker resolved to the registries."""
    entities = {
        p.id: Entity(p.id, p.name, tuple(p.aliases), p.kind, p.affiliation, p.description)
        for p in corpus.parties.values()
    }
    entities |= {o.id: Entity(o.id, o.name, tuple(o.aliases), "outlet", None) for o in corpus.outlets.values()}
    speakers = Speakers(text, entities, mentions)
    candidates = []
    found_at: dict[str, list[tuple[int, int]]] = {}
    for found in attributions(text):
        if len(text[found.quote[0] : found.quote[1]].split()) < 2:
            continue
        claimants = speakers.resolve_each(found.speaker, found.quote[0])
        phrase = text[found.speaker[0] : found.speaker[1]].strip(" ,") if found.speaker else ""
        for start, end in _sentences_of(text, found.quote):  # a quotation of several sentences: one claim each
            quote = text[start:end]
            if quote not in found_at:  # each distinct quote is looked up once
                found_at[quote] = find_all(haystack, quote)
            occurrences = found_at[quote]
            occurrence = bisect.bisect_left(occurrences, (start, 0)) + 1 if len(occurrences) > 1 else None
            for claimant in claimants:  # a subject of two parties: the claim of each
                candidates.append(
                    Candidate(
                        start=start,
                        quote=quote,
                        line=line_at(line_of, start),
                        claimant=claimant,
                        kind=_likely_kind(quote, found.verb),
                        occurrence=occurrence,
                        unnamed=phrase if _UNNAMED.match(phrase) else None,
                        speaker=phrase or None,
                    )
                )
    return candidates


def _sentences_of(text: str, quote: Span) -> list[Span]:
    """The sentences of the words attributed, each trimmed; those of two words or more."""
    spans = [trim(text, a, b) for a, b in sentences(text, *quote)]
    kept = [(a, b) for a, b in spans if len(text[a:b].split()) >= 2]
    return kept if len(kept) > 1 else [quote]


# "two senior Valdorian officials", "a Marenian diplomat", "sources close to …": not named.
_UNNAMED = re.compile(
    r"^(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther|[Ss]enior|[Uu]nnamed|"
    r"[Oo]fficials|[Ss]ources|[Dd]iplomats|[Rr]esidents|[Ww]itnesses)\b"
    r"(?!.*\b[A-Z][a-z]+ [A-Z][a-z]+\b)"
)


def _likely_kind(sentence: str, verb: str) -> str:
    lowered = sentence.lower()
    if re.search(r"\b(killed|wounded|injured|dead|died|casualt|lost (his|her|their) li)", lowered):
        return "casualty-report"
    if verb.startswith(("accus", "blam", "alleg")) or "provocation" in lowered or "violation" in lowered:
        return "accusation"
    if verb.startswith("deni"):
        return "denial"
    return "factual-report"
