"""Who says what in a news text, read the way news is written.

An attribution is a speaker and the words attributed to them. News writes
them in a few shapes, all handled here:

- a quotation, then who said it: ``"We did not start this," Varga said.`` or
  ``"…," said the ministry's spokesman`` or ``"…," it read.``
- who, then a quotation: ``The minister stated: "…"``
- indirect speech: ``Marenia's defence ministry said three soldiers were
  killed``, ``warned that``, ``claimed that``, ``accused X of``, ``denied
  that``; and after the content: ``…, one of the officials said.``
- ``according to X, …`` and ``…, according to X``
- a quotation continuing the last speaker's words, in the next sentence;
- transcripts, where a line starts with its speaker: ``Dana Holm: …``.

The words attributed are the quotation's content, or the reported clause
without the attribution phrase, a dateline or a trailing source credit; they
are never cut inside a quotation. Speakers are resolved to the registries by
``Speakers``: names and aliases, a person's surname, possessives and
demonyms ("Valdoria's defence ministry", "Marenian officials"), roles
("a spokesperson for X", "X, citing Y"), and words that refer back ("the
ministry", "he", "it").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

Span = tuple[int, int]

# Reporting verbs, in the forms news uses them. "Stance" verbs carry their claim in
# their object ("accused Kessin of …", "denied that …"): the quote starts at the verb.
_SAY = (
    r"said|says|say|saying|told|tells|telling|stated|states|stating|added|adds|adding|"
    r"warned|warns|warning|claimed|claims|claiming|insisted|insists|insisting|stressed|stresses|"
    r"stressing|reported|reports|reporting|announced|announces|confirmed|confirms|alleged|alleges|"
    r"argued|argues|noted|notes|wrote|writes|explained|explains|concluded|concludes|declared|declares|"
    r"maintained|maintains|asserted|asserts|acknowledged|acknowledges|read|reads|countered|counters|"
    r"responded|responds|replied|replies|retorted|contended|contends|admitted|admits|estimated|estimates|"
    r"revealed|reveals|indicated|indicates|predicted|promised|promises|pledged|pledges|charged|charges|"
    r"complained|complains|emphasi[sz]ed|emphasi[sz]es|highlighted|underlined|reiterated|reiterates|"
    r"affirmed|affirms|observed|commented|remarked|conceded|concedes|cautioned|cautions|posted|tweeted|"
    r"assured|assures|informed|recounted|described|describes|suggested|suggests|quoted|quotes|"
    r"alleging|asserting|arguing|noting|explaining|insisted|threatened|threatens|pointed out|points out|"
    r"continued|went on|made clear|makes clear|specified|detailed|disclosed"
)
_STANCE = (
    r"accused|accuses|accusing|denied|denies|denying|blamed|blames|blaming|condemned|condemns|alleging|"
    r"condemning|rejected|rejects|calls on|called on|urged|urges|demanded|demands|vowed|vows"
)
_ISSUED = (
    r"(?:released|issued|published|put out|posted)\s+(?:a|an)\s+(?:\w+\s+)?"
    r"(?:statement|communiqu[eé]|press release|video)"
)
VERB = re.compile(rf"\b(?:{_ISSUED}|{_SAY}|{_STANCE})\b")
_ISSUED_RE = re.compile(_ISSUED)
_STANCE_RE = re.compile(rf"^(?:{_STANCE})$")
_QUOTE_PAIRS = {"“": "”", '"': '"', "«": "»"}
_DATELINE = re.compile(
    r"\([A-Z][^()]{1,40}\)\s+(?=[A-Z])"  # (MENAFN) alone
    r"|(?:\([^()]*(?:\([^()]*\)[^()]*)*\)\s*)?"  # (MENAFN- Kuwait News Agency (KUNA))
    r"[A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+)*"  # KUALA LUMPUR
    r"(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"  # , Marenia
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"  # , March 3
    r"\s*(?:\([^()]+\))?\s*(?:-{1,2}|–|—)\s+"
)  # (Global Wire) -
_CREDITED = re.compile(r"^(?P<what>[^:.!?]{12,}[^:.!?\s]):\s+(?P<who>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})\s*$")
_LABEL = re.compile(r"(?P<label>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4}):\s+(?=\S)")
_QUESTION_LABELS = frozenset({"q", "question", "reporter", "journalist", "interviewer", "host", "moderator"})
_GREETING = re.compile(r"^(?:good (?:morning|afternoon|evening)|thank you|thanks|hello)\b[^.!?]*[.!?]?$", re.IGNORECASE)
# Credits and asides after the content: not part of what the speaker said.
_TRAILING = re.compile(
    r",[”\"]?\s+(?:a day|hours|days|a week|weeks|months) (?:after|before)\b.*$"
    r"|,\s+(?:as reported by|according to|citing|speaking on condition|speaking to|who spoke|in a "
    r"(?:statement|post|televised|video|letter|briefing)|on condition)\b.*$"
    r"|,\s+[^,]{1,60}\s(?:reported|said|says|told [^,]+)\.?$"
)
# Participial clauses that carry another claim of the same speaker.
_FOLLOW_ON = re.compile(
    r"(?:,\s+(?:and\s+)?|\s+and\s+)(?:saying|warning|claiming|adding|stressing|insisting|"
    r"calling|accusing|denying|says|said|warned|added)\b"
)


@dataclass(frozen=True)
class Attribution:
    """Words attributed to a speaker: the quote's span, the speaker phrase's span (None when
    the speaker is the one before, or a transcript label gives it), and the verb."""

    quote: Span
    speaker: Span | None
    verb: str
    continues: bool = False  # a quotation that goes on with the last speaker's words


def dateline_end(text: str, start: int) -> int:
    """Where a dateline (``DORVAN, March 3 (Global Wire) -``) at ``start`` ends (``match`` anchors the
    pattern at ``start``; ``^`` would only match at the start of the whole text)."""
    match = _DATELINE.match(text, start)
    return match.end() if match else start


def attributions(text: str) -> Iterator[Attribution]:
    """Every attribution of ``text``, in order."""
    speakers = _transcript_speakers(text)
    for line in re.finditer(r"[^\n]+", text):
        start = dateline_end(text, line.start())
        bullet = re.match(r"[*•·–-]\s+", text[start : line.end()])
        start += bullet.end() if bullet else 0
        credited = _CREDITED.match(text[start : line.end()])
        if credited:  # a headline ending in who says it: "20 soldiers killed: Army"
            yield Attribution(
                (start, start + credited.end("what")),
                (start + credited.start("who"), start + credited.end("who")),
                "headline",
            )
            continue
        label = _LABEL.match(text, start, line.end())
        if label and label["label"] in speakers:
            if not speakers[label["label"]]:
                continue  # a question
            yield from _turn(text, label.end(), line.end(), (label.start(), label.start() + len(label["label"])))
            continue
        for sentence in _sentences(text, start, line.end()):
            yield from _sentence(text, *sentence)


def _transcript_speakers(text: str) -> dict[str, bool]:
    """The labels that start the lines of a transcript (``Dana Holm:``), each with whether it
    answers (True) or asks (a label such as ``Question:``, or one whose turns mostly end in
    a question mark). A label must start two lines or more, or be a question label."""
    turns: dict[str, list[str]] = {}
    for line in re.finditer(r"(?m)^(?P<label>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4}):\s+(?P<turn>\S.*)$", text):
        if not VERB.search(line["label"]):
            turns.setdefault(line["label"], []).append(line["turn"].rstrip())
    return {
        label: not (
            label.lower().rstrip(".") in _QUESTION_LABELS or 2 * sum(turn.endswith("?") for turn in said) >= len(said)
        )
        for label, said in turns.items()
        if len(said) > 1 or label.lower().rstrip(".") in _QUESTION_LABELS
    }


def sentence_spans(text: str) -> list[Span]:
    """Every sentence of ``text``: its lines, cut after sentence-ending punctuation outside quotations."""
    return [span for line in re.finditer(r"[^\n]+", text) for span in _sentences(text, line.start(), line.end())]


def _turn(text: str, start: int, end: int, speaker: Span) -> Iterator[Attribution]:
    """A transcript turn: each sentence is the speaker's."""
    for a, b in _sentences(text, start, end):
        words = _trim(text, a, b)
        if words[0] < words[1] and not _GREETING.match(text[a:b].strip()):
            yield Attribution(words, speaker, "label")


def _sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentences of one line, never cut inside a quotation."""
    spans, position, depth_close = [], start, None
    index = start
    while index < end:
        char = text[index]
        if depth_close is None and char in _QUOTE_PAIRS and (char != '"' or _opens(text, index)):
            depth_close = _QUOTE_PAIRS[char]
        elif depth_close is not None and char == depth_close:
            depth_close = None
        elif (
            depth_close is None
            and char in ".!?"
            and index + 1 < end
            and text[index + 1] == " "
            and re.match(r" +[“\"‘(A-Z0-9*•]", text[index + 1 : end])
            and not _abbreviation(text, index)
        ):
            spans.append((position, index + 1))
            position = index + 2
        index += 1
    spans.append((position, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _opens(text: str, index: int) -> bool:
    """Whether a straight double quote opens a quotation (it follows a space or starts)."""
    return index == 0 or (not text[index - 1].isalnum() and text[index - 1] not in ".,!?")


def _abbreviation(text: str, index: int) -> bool:
    word = re.search(r"([\w.]+)$", text[max(0, index - 12) : index])
    return word is not None and word[1] in {
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Gen",
        "Col",
        "Lt",
        "Sgt",
        "St",
        "No",
        "U.S",
        "U.N",
    }


def _quotations(text: str, start: int, end: int) -> list[Span]:
    """Spans of the quotations in a sentence, marks included."""
    found, index = [], start
    while index < end:
        char = text[index]
        if char in _QUOTE_PAIRS and (char != '"' or _opens(text, index)):
            close = text.find(_QUOTE_PAIRS[char], index + 1, end + 1)
            if close == -1:
                break
            found.append((index, close + 1))
            index = close + 1
        else:
            index += 1
    return found


def _sentence(text: str, start: int, end: int) -> Iterator[Attribution]:
    sentence = text[start:end]
    quotes = _quotations(text, start, end)
    body_end = start + len(sentence.rstrip(" .!?"))
    # A quotation, then who said it: "…," the ministry said.
    if quotes and quotes[0][0] == start:
        q_start, q_end = quotes[0]
        tail = re.match(r"\s*,?\s*(?P<tail>.*)$", text[q_end:end])
        tail_text = tail["tail"] if tail else ""
        verb = VERB.search(tail_text)
        if verb and tail_text[: verb.start()].count(" ") <= 6:
            tail_start = q_end + (tail.start("tail") if tail else 0)
            speaker = (
                (tail_start, tail_start + verb.start())
                if verb.start() > 0
                else _after_verb(text, tail_start + verb.end(), end)
            )
            yield Attribution(_inside(text, q_start, q_end), speaker, verb.group())
            return
        if q_end >= body_end - 1:  # a quotation standing alone goes on with the last speaker's words
            yield Attribution(_inside(text, q_start, q_end), None, "", continues=True)
            return
    yield from _reported(text, start, end, quotes)


def _after_verb(text: str, start: int, end: int) -> Span:
    """The speaker of an inverted attribution: ``said the ministry's spokesman, Colonel …``."""
    phrase = re.match(r"\s*(?P<who>[^.;]+?)(?:,\s+(?:in|on|at|during|after|before|when)\b.*)?[.!?]?$", text[start:end])
    if phrase is None:
        return (start, start)
    return (start + phrase.start("who"), start + phrase.end("who"))


def _inside(text: str, start: int, end: int) -> Span:
    """A quotation's content, without its marks and the punctuation before the closing mark."""
    a, b = start + 1, end - 1
    while b > a and text[b - 1] in ",.;:":
        b -= 1
    return (a, b)


def _reported(text: str, start: int, end: int, quotes: list[Span]) -> Iterator[Attribution]:
    """Indirect speech and ``according to``."""
    sentence = text[start:end]
    according = re.match(
        r"(?i)(?:according to|citing|quoting)\s+(?P<who>[^,]+(?:,\s+(?:citing|quoting) [^,]+)?)"
        r"(?:,\s+which [^,]+)?,\s+",
        sentence,
    )
    if according:
        who = (start + according.start("who"), start + according.end("who"))
        other = next(
            (
                m
                for m in _OTHER_CLAUSE.finditer(text, start + according.end(), end)
                if not _inside_any(m.start(), quotes)
            ),
            None,
        )
        yield Attribution(
            _unquote(text, _trim(text, start + according.end(), other.start() if other else end, quotes)),
            who,
            "according to",
        )
        if other:
            yield from _reported(text, other.end(), end, [q for q in quotes if q[0] >= other.end()])
        return
    called = re.search(
        r"\bwhat (?P<who>[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,5}?) (?P<verb>called|calls|described as|"
        r"termed|terms)\s+",
        sentence,
    )
    if called:
        who = (start + called.start("who"), start + called.end("who"))
        yield Attribution(_trim(text, start + called.end(), end, quotes), who, called["verb"])
    for verb in itertools.islice(VERB.finditer(text, start, end), _VERBS_PER_SENTENCE):
        if (
            _inside_any(verb.start(), quotes)
            or verb.group() in ("read", "reads")
            or _NOUN_BEFORE.search(text, start, verb.start())
            or re.match(r"\s+(?:each other|one another)\b", text[verb.end() : end])
            or (re.match(r"respon|repl", verb.group()) and re.match(r"\s+(?:by|with|to)\b", text[verb.end() : end]))
        ):
            continue
        before = text[start : verb.start()]
        inverted = _inverted(text, start, verb, end, quotes)
        if inverted is not None:
            yield inverted
            return
        clause_start = _clause_start(text, start, verb.start())
        before = text[clause_start : verb.start()]
        aside = re.match(r"^[^,]+,\s+[^,]+,\s*$", before) if len(before.split()) <= 12 else None
        if (aside or re.search(r",\s*$", before) is None) and before.strip() and _speaker_like(before):
            speaker = (clause_start, verb.start())
            content = _content_start(text, verb.end(), end)
            if _ISSUED_RE.match(verb.group()):  # "released a statement …, saying …": what it said follows
                follow = next(
                    (m for m in _FOLLOW_ON.finditer(text, verb.end(), end) if not _inside_any(m.start(), quotes)), None
                )
                if follow is None:
                    return
                content = _content_start(text, follow.end(), end)
            quote_start = verb.start() if _STANCE_RE.match(verb.group()) else content
            other = next(
                (m for m in _OTHER_CLAUSE.finditer(text, quote_start, end) if not _inside_any(m.start(), quotes)), None
            )
            for found in _with_follow_ons(
                text,
                Attribution(
                    _unquote(text, _trim(text, quote_start, other.start() if other else end, quotes)),
                    speaker,
                    verb.group(),
                ),
                other.start() if other else end,
                quotes,
            ):
                if not _EMPTY_STANCE.match(text[found.quote[0] : found.quote[1]]):
                    yield found
            if other:  # "…, while Valdoria's foreign ministry said …": another speaker
                yield from _reported(text, other.end(), end, [q for q in quotes if q[0] >= other.end()])
            return
    trailing = re.search(r",\s+according to\s+(?P<who>[^,.]+)", sentence)
    if trailing:
        who = (start + trailing.start("who"), start + trailing.end("who"))
        yield Attribution(_trim(text, start, start + trailing.start(), quotes), who, "according to")


# A sentence is read for its first few reporting verbs: who speaks is named near its start,
# and a run-on "sentence" of thousands of verbs must not cost quadratic time.
_VERBS_PER_SENTENCE = 12
# "comment on reports of …", "the statement": after these words a verb's form is a noun.
_NOUN_BEFORE = re.compile(
    r"\b(?:the|a|an|of|on|to|for|with|by|these|those|such|media|news|press|its|their|his|"
    r"her|our|new|latest|earlier|unconfirmed|conflicting)\s+$",
    re.IGNORECASE,
)
_OTHER_CLAUSE = re.compile(
    r",\s+(?:while|whereas)\s+|;\s+|\s(?:after|when|as|because)\s+(?=(?:the |a |an )?"
    r"[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,5}?\s+(?:said|says|told|reported|announced|claimed)\b)"
)
# "denied the accusation", "rejected the letter": a stance with no claim of its own.
_EMPTY_STANCE = re.compile(rf"^(?:{_STANCE})(?:\s+\S+){{0,2}}(?:\s+(?:on|last|this)\s+\w+)?$")


def _inverted(text: str, start: int, verb: re.Match[str], end: int, quotes: list[Span]) -> Attribution | None:
    """``…, one of the officials said.``: the content first, then who said it, then at most an
    addressee, a time and an aside."""
    before = text[start : verb.start()]
    comma = before.rfind(", ")
    if comma < 0 or len(before[:comma].split()) < 6 or _inside_any(start + comma, quotes):
        return None
    who = before[comma + 2 :]
    after = text[verb.end() : end]
    if re.match(r"\s*[,:]?\s*[“\"«]", after):
        return None  # "…, he said, “…”": the quotation that follows is what he said
    if not (
        0 < len(who.split()) <= 8
        and re.match(
            r"(?:\s+(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*|reporters|journalists))?"
            r"(?:\s+(?:on|last|this|late|early)\s+\w+)?\s*(?:,.*)?[.!?]?\s*$",
            after,
        )
    ):
        return None
    who_start = start + comma + 2
    return Attribution(_trim(text, start, start + comma, quotes), (who_start, verb.start()), verb.group())


def _with_follow_ons(text: str, first: Attribution, end: int, quotes: list[Span]) -> Iterator[Attribution]:
    """A reported clause, and the claims that follow it in the same sentence: ``…, warning that …``,
    ``…, and says …``, ``…, calling it "…"``."""
    a, b = first.quote
    follow = next((m for m in _FOLLOW_ON.finditer(text, a, b) if not _inside_any(m.start(), quotes)), None)
    if follow is None:
        yield first
        return
    yield Attribution(_trim(text, a, follow.start(), quotes), first.speaker, first.verb)
    verb = VERB.search(text, follow.start(), follow.end()) or re.search(r"calling", text[follow.start() :])
    rest = follow.end()
    said = verb.group() if verb is not None else first.verb
    if verb is not None and verb.group() == "calling":
        quoted = next((q for q in quotes if q[0] >= rest), None)
        if quoted:
            yield Attribution(_inside(text, *quoted), first.speaker, "calling")
            return
    content = verb.start() if verb is not None and _STANCE_RE.match(verb.group()) else _content_start(text, rest, end)
    yield from _with_follow_ons(text, Attribution(_trim(text, content, end, quotes), first.speaker, said), end, quotes)


def _content_start(text: str, after_verb: int, end: int) -> int:
    """Where the reported words start after the verb: past ``that``, an addressee
    (``told reporters in Kessin``), a time (``on Tuesday``) and a colon or comma."""
    rest = text[after_verb:end]
    told = re.search(r"(?:told|tells|telling|informed|assured|briefed)$", text[max(0, after_verb - 10) : after_verb])
    skip = re.match(
        r"(?:\s+(?:reporters|journalists|correspondents|"
        + (r"[A-Z]" if told else r"(?!)")
        + r"[\w’'-]*(?:\s+[A-Z][\w’'-]*)*)(?:\s+in\s+[A-Z]\w+)?"
        r"(?=\s+(?:that|on|in|the|a|an|its|his|her|their|it|they|he|she|we|[A-Z]|\d)))?"
        r"(?:\s+(?:(?:on|last|this|late|early)\s+)?(?:\w+day|yesterday|today|tonight|week|month|year|"
        r"night|morning|evening)(?:,?\s+(?:\w+day\s+)?(?:night|morning|evening))?,?)?"
        r"(?:\s+in\s+(?:a|an|its|his|her|their)\s+(?:\w+\s+)?(?:statement|interview|briefing|post|video|"
        r"letter|speech|address|message|report)\b(?:\s+(?:on|to)\s+[\w ]{1,30}?(?=\s+that\b|,))?)?"
        r"\s*[:,]?\s*(?:that\s+)?",
        rest,
    )
    return after_verb + (skip.end() if skip else 0)


def _clause_start(text: str, start: int, verb: int) -> int:
    """The start of the speaker phrase: after a joining word (``, and``, ``while``, ``when``,
    ``with``), after an opening phrase (``In a statement,``), or the sentence start."""
    before = text[start:verb]
    adverb = re.match(
        r"(?:Meanwhile|However|Separately|Earlier|Later|Also|Still|Moreover|Instead|In addition|"
        r"In response|On \w+day|Last \w+|This \w+),\s+",
        before,
    )
    if adverb:
        start, before = start + adverb.end(), before[adverb.end() :]
    joins = list(
        re.finditer(
            r"(?:,\s+|\s)(?:and|while|whereas|but|when|with|as|after|before|since|once|because)\s+"
            r"|;\s+",
            before,
        )
    )
    if joins and "," not in before[joins[-1].end() :] and len(before[joins[-1].end() :].split()) <= 8:
        return start + joins[-1].end()
    last = before.rfind(", ")
    if last > 0 and 0 < len(before[last + 2 :].split()) <= 6 and _WHO_STARTS.match(before[last + 2 :]):
        return start + last + 2
    opening = re.match(r"(?:[^,]{1,60}),\s+(?=(?:[^,]+)$)", before)
    if (
        opening and len(before[opening.end() :].split()) <= 6 and not re.search(r"\b[A-Z]", before[: opening.end()][1:])
    ) or (opening and re.match(r"(?:In|On|At|During|Meanwhile|However|Separately|Earlier|Later|Last)\b", before)):
        return start + opening.end()
    return start


# "has said", "also said", "had earlier said": what stands between who and the verb.
_AUXILIARY = re.compile(
    r"(?:\s+(?:has|have|had|also|later|earlier|again|previously|reportedly|further|first|"
    r"then|now|repeatedly))+\s*$"
)
_WHO_STARTS = re.compile(
    r"(?:[A-Z“\"]|(?:the|a|an|its|his|her|their|our|one|two|three|four|several|some|many|"
    r"officials|residents|sources|witnesses|he|she|they|it|we|i|both)\b)"
)


def _speaker_like(before: str) -> bool:
    """Whether the words before a verb can be who speaks (not a whole clause)."""
    before = _AUXILIARY.sub("", before)
    words = before.split()
    return (
        0 < len(words) <= 14
        and bool(_WHO_STARTS.match(before.strip()))
        and not re.search(
            r"(?i)"
            r"\b(?:who|which|when|after|because|if|is|are|was|were|has|have|had|will|would|can|could|may|might)\b",
            before.split(",")[0],
        )
    )


def _inside_any(position: int, spans: list[Span]) -> bool:
    return any(a <= position < b for a, b in spans)


def _unquote(text: str, span: Span) -> Span:
    """A span that is one whole quotation, without its marks."""
    a, b = span
    if (
        b - a > 2
        and text[a] in _QUOTE_PAIRS
        and text[b - 1] == _QUOTE_PAIRS[text[a]]
        and _QUOTE_PAIRS[text[a]] not in text[a + 1 : b - 1]
    ):
        return _inside(text, a, b)
    return span


def _trim(text: str, start: int, end: int, quotes: list[Span] | None = None) -> Span:
    """The attributed words of ``text[start:end]``: without a trailing credit or aside, outer
    spaces and closing punctuation; never ending inside a quotation."""
    segment = text[start:end]
    credit = _TRAILING.search(segment)
    if credit and not _inside_any(start + segment.index(" ", credit.start()), quotes or []):
        segment = segment[: credit.start()]
    stripped = segment.rstrip(" .,;:!?")
    a = start + len(segment) - len(segment.lstrip())
    b = start + len(stripped)
    for q_start, q_end in quotes or []:
        if q_start < b < q_end:
            b = q_end
    return (a, max(a, b))
