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
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.inputs import slugify
from generator.scaffold.attribution import attributions
from generator.scaffold.reporting import trim
from generator.scaffold.speakers import Entity, Speakers
from generator.text.mentions import Mention, MentionFinder, surface_forms
from generator.text.quotes import NormalizedText, find_all
from generator.text.sentences import CONTEXT, Sentences, Span, dateline_end, sentence_spans, sentences
from generator.text.text_dates import NamedDate, named_dates
from generator.validate.corpus import Corpus

# A run of capitalised words on one line ("Ministry of Defence"), never across a line
# break ("India" at a line's end and "BEIJING" starting the next are two names) or
# "and" ("CNN and The Associated Press" are two).
_CAPITALISED = re.compile(
    r"(?<![\w’'])(?:[A-Z][\w’'-]*[a-z][\w’'-]*|[A-Z]{2,})"
    r"(?:[ \t]+(?:(?:of|the|de|del|al|for)[ \t]+)?(?:[A-Z][\w’'-]*[a-z][\w’'-]*|[A-Z]{2,}))*"
)
_COMMON_STARTERS = frozenset(
    """A An And As At But By For From He Her His However If In It Its Last Many More Most New No Not On One
    Our She Since So Some The Their There These They This Those Thursday Monday Tuesday Wednesday Friday
    Saturday Sunday January February March April May June July August September October November
    December To Two Under We What When Where While Who With""".split()
)


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


@dataclass
class Hop:
    """A hop of the suggested source graph: an outlet the text cites, how, and the hops it drew on."""

    outlet: str
    line: int
    how: str
    drew_on: list[str] = field(default_factory=list)


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
    line_of = _line_index(text)
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
        unknown_names=_registered(
            _unknown_names(text, [*mentions, *outlet_mentions], line_of) + _unregistered_speakers(candidates, corpus),
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


def _line_index(text: str) -> list[int]:
    """Offsets where each line starts, for turning an offset into a line number."""
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _line(line_of: list[int], offset: int) -> int:
    low, high = 0, len(line_of) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if line_of[middle] <= offset:
            low = middle
        else:
            high = middle - 1
    return low + 1


def _group(mentions: Iterable[Mention], line_of: list[int], corpus: Corpus) -> list[Found]:
    names = {e.id: e.name for t in (corpus.parties, corpus.locations, corpus.outlets) for e in t.values()}
    grouped: dict[str, Found] = {}
    for mention in mentions:
        entry = grouped.setdefault(mention.entity, Found(mention.entity, names[mention.entity]))
        line = _line(line_of, mention.start)
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
                        line=_line(line_of, start),
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


# How a text cites an outlet, from the words around its name.
_CARRIED = re.compile(r"(?:,\s*|\s)(?:citing|quoting|via|from)\s+$")
_HOW = [
    (re.compile(r"\(\s*$"), "named in the dateline"),
    (re.compile(r"(?i)(?:source|via|credit|reporting by|copyright)\s*:?\s*$"), "credited as the source"),
    (
        re.compile(r"(?i)(?:according to|as reported by|reported by|told|cited by|quoted by)\s+(?:the\s+)?$"),
        "cited as reporting it",
    ),
    (re.compile(r"^\s*(?:reported|reports|said|says|wrote|writes|quoted|published)\b"), "cited as reporting it"),
]


def suggested_graph(text: str, outlet_mentions: list[Mention], line_of: list[int]) -> list[Hop]:
    """A source graph from the text's attribution phrases: each outlet it cites is an original of
    its own, unless the text says it carried another ("X, citing Y": X drew on Y)."""
    hops: dict[str, Hop] = {}
    for mention in outlet_mentions:
        before = text[max(0, mention.start - 40) : mention.start]
        after = text[mention.end : mention.end + 40]
        how = next(
            (label for pattern, label in _HOW if pattern.search(after if pattern.pattern.startswith("^") else before)),
            "named in the text",
        )
        hops.setdefault(mention.entity, Hop(mention.entity, _line(line_of, mention.start), how))
    for mention in outlet_mentions:
        if _CARRIED.search(text[max(0, mention.start - 20) : mention.start]):
            carrier = next(
                (
                    m
                    for m in reversed(outlet_mentions)
                    if m.end <= mention.start
                    and mention.start - m.end <= 80
                    and m.entity != mention.entity
                    and "\n" not in text[m.end : mention.start]
                ),
                None,
            )
            if carrier is not None and mention.entity not in hops[carrier.entity].drew_on:
                hops[carrier.entity].drew_on.append(mention.entity)
    ordered: list[Hop] = []

    def place(hop: Hop, seen: frozenset[str] = frozenset()) -> None:
        for source in hop.drew_on:
            if source not in seen and hops[source] not in ordered:
                place(hops[source], seen | {hop.outlet})
        if hop not in ordered:
            ordered.append(hop)

    for hop in hops.values():
        place(hop)
    return ordered


def _likely_kind(sentence: str, verb: str) -> str:
    lowered = sentence.lower()
    if re.search(r"\b(killed|wounded|injured|dead|died|casualt|lost (his|her|their) li)", lowered):
        return "casualty-report"
    if verb.startswith(("accus", "blam", "alleg")) or "provocation" in lowered or "violation" in lowered:
        return "accusation"
    if verb.startswith("deni"):
        return "denial"
    return "factual-report"


# Titles and roles before a name: the phrase is the known person, not a new name.
_TITLES = (
    r"(?:[A-Z][\w’'-]*\s+)?(?:President|Prime Minister|Minister|Foreign Minister|Defence Minister|Defense Minister|"
    r"General|Gen\.|Colonel|Col\.|Major|Maj\.|Lieutenant|Lt\.|Spokesman|Spokeswoman|Spokesperson|Ambassador|"
    r"Secretary|Chairman|Chief|Commander|Governor|Mayor|King|Queen|Prince|Senator|Dr\.?|Mr\.?|Ms\.?|Mrs\.?)"
)
_TIME_ZONES = frozenset("GMT UTC EST EDT CET CEST BST IST PST PDT AEDT AEST MSK ICT".split())


def _name_opening(word: str, lowercase: set[str], opening_words: Counter[str]) -> bool:
    """Whether a word that opens a sentence is a name: never written in lower case in the
    text, and opening two sentences or more ("Kyrgyzstan said …. Kyrgyzstan's …"), or not
    shaped like a common word ("Fighting", "Officials", "Reportedly")."""
    if word.lower() in lowercase or word in _OPENERS:
        return False
    return opening_words[word] >= 2 or not re.search(r"(?:ing|ed|ly|s)$", word)


# Words that open sentences and are no names (besides ``_COMMON_STARTERS``).
_OPENERS = frozenset(
    """Yesterday Today Tomorrow Earlier Later Meanwhile Separately Also Both All After Before During Despite
    Although Though Because Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Police Troops Residents
    Witnesses Sources Analysts Experts Authorities Fighting Clashes Tensions""".split()
)


def _unknown_names(text: str, known: list[Mention], line_of: list[int]) -> list[UnknownName]:
    """Capitalised phrases that no registry name covers, with the lines they occur on.

    Single words that start a sentence, weekdays and months, and adjectives of
    known names ("Armenian" beside "Armenia") are left out. A phrase that
    contains a known name but is longer ("Azerbaijan Army" around
    "Azerbaijan") is kept and says which name it contains."""
    known = sorted(known)
    known_starts = [m.start for m in known]
    longest = max((m.end - m.start for m in known), default=0)
    known_stems = {text[m.start : m.end][:5] for m in known}
    starts = {a for a, _ in sentence_spans(text)}
    lowercase = set(re.findall(r"\b[a-z][\w’'-]*", text))
    opening_words = Counter(re.sub(r"[’']s$", "", text[a : a + 40].split(" ", 1)[0]) for a in starts)
    found: dict[str, UnknownName] = {}
    for match in _CAPITALISED.finditer(text):
        raw = match.group().split()
        owner = max((i for i, w in enumerate(raw[:-1]) if re.search(r"[’']s$", w)), default=-1)
        words = [re.sub(r"[’']s$", "", w) for w in raw]
        start = match.start()
        if owner >= 0:  # "Russia's RIA": the name after the owner's
            start = text.index(words[owner + 1], start + len(" ".join(raw[: owner + 1])))
            words = words[owner + 1 :]
        while words and (words[0] in _COMMON_STARTERS or words[0] in ("of", "the", "de", "del", "al", "for")):
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else match.end()
            words = words[1:]
        titled = re.match(_TITLES + r"\s+(?=[A-Z])", " ".join(words))
        if titled and len(words) > len(titled.group().split()):  # "Kyrgyz President Sadyr Japarov": the name
            start = text.index(words[len(titled.group().split())], start)
            words = words[len(titled.group().split()) :]
        name = " ".join(words)
        end = match.end() - (2 if re.search(r"[’']s$", match.group()) else 0)
        nearby = known[bisect.bisect_left(known_starts, start - longest) : bisect.bisect_left(known_starts, end)]
        inside = [m for m in nearby if start < m.end and m.start < end]
        if not name or any(m.start <= start and end <= m.end for m in inside):
            continue  # wholly a known name
        if inside and inside[-1].end >= end and re.fullmatch(_TITLES, text[start : inside[-1].start].strip()):
            continue  # a title before a known name: "Kyrgyz President Sadyr Japarov"
        if len(words) == 1 and (
            (start in starts and not _name_opening(name, lowercase, opening_words))
            or name in _COMMON_STARTERS
            or name[:5] in known_stems
            or len(name) < 3
            or name in _TIME_ZONES
            or name in _OPENERS
        ):
            continue
        entry = found.setdefault(name, UnknownName(name, [], sorted({text[m.start : m.end] for m in inside})))
        line = _line(line_of, start)
        if line not in entry.lines:
            entry.lines.append(line)
    return sorted(_folded(found), key=lambda u: (u.lines[0], u.name))


def _registered(names: list[UnknownName], ids: set[str]) -> list[UnknownName]:
    """Each name with the entry whose id it would take, if there is one."""
    for unknown in names:
        suggested = slugify(unknown.name)
        unknown.registered = suggested if suggested in ids else None
    return sorted(names, key=lambda u: (u.lines[0], u.name))


def _folded(found: dict[str, UnknownName]) -> list[UnknownName]:
    """The names, each once: a surname folded into the full name ("Japarov" into "Sadyr
    Japarov"), an adjective into its country ("Tajik" into "Tajikistan"). Looked up by last
    word and by prefix, so that a text of many thousand names is folded in linear time."""
    kept = dict(found)
    ending: dict[str, str] = {}  # the last word of a name of several words → that name
    for name in found:
        if " " in name:
            ending.setdefault(name.split()[-1], name)
    singles = sorted(name for name in found if " " not in name)
    into: dict[str, str] = {}  # a name folded away → the name it went into
    for name in sorted(singles, key=len, reverse=True):  # the longest first: "Tajikistan" before "Tajik"
        whole = ending.get(name)
        if whole is None and len(name) >= 4:
            at = bisect.bisect_right(singles, name)  # the next name in order, if it extends this one
            whole = singles[at] if at < len(singles) and singles[at].startswith(name) else None
        while whole in into:
            whole = into[whole]
        if whole is not None and whole != name:
            into[name] = whole
            for line in kept.pop(name).lines:
                if line not in kept[whole].lines:
                    kept[whole].lines.append(line)
            kept[whole].lines.sort()
    return list(kept.values())


@dataclass
class UnknownName:
    """A capitalised phrase no registry knows, and the known names it contains."""

    name: str
    lines: list[int]
    contains: list[str]
    registered: str | None = None  # an entry whose id the name would take: the name is likely its alias
