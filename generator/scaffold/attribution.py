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

from generator.scaffold.reporting import (
    EMPTY_STANCE,
    FOLLOW_ON,
    ISSUED_RE,
    NOUN_BEFORE,
    OTHER_CLAUSE,
    STANCE_RE,
    VERB,
    clause_start,
    content_start,
    speaker_like,
    trim,
)
from generator.text.sentences import (
    Span,
    dateline_end,
    first_outside,
    inside,
    inside_any,
    quotations,
    sentences,
    unquote,
)

# A headline ending in who says it: "20 soldiers killed: Army", "Army clashes with RSF — reports".
_CREDITED = re.compile(
    r"^(?P<what>[^:.!?]{12,}[^:.!?\s])(?::|\s+[—–-])\s+"
    r"(?P<who>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}|(?:reports?|sources|officials|witnesses|media))\s*$"
)
_LABEL = re.compile(r"(?P<label>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4}):\s+(?=\S)")
_QUESTION_LABELS = frozenset({"q", "question", "reporter", "journalist", "interviewer", "host", "moderator"})
_GREETING = re.compile(r"^(?:good (?:morning|afternoon|evening)|thank you|thanks|hello)\b[^.!?]*[.!?]?$", re.IGNORECASE)


@dataclass(frozen=True)
class Attribution:
    """Words attributed to a speaker: the quote's span, the speaker phrase's span (None when
    the speaker is the one before, or a transcript label gives it), and the verb."""

    quote: Span
    speaker: Span | None
    verb: str
    continues: bool = False  # a quotation that goes on with the last speaker's words


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
        for sentence in sentences(text, start, line.end()):
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


def _turn(text: str, start: int, end: int, speaker: Span) -> Iterator[Attribution]:
    """A transcript turn: each sentence is the speaker's."""
    for a, b in sentences(text, start, end):
        words = trim(text, a, b)
        if words[0] < words[1] and not _GREETING.match(text[a:b].strip()):
            yield Attribution(words, speaker, "label")


def _sentence(text: str, start: int, end: int) -> Iterator[Attribution]:
    sentence = text[start:end]
    quotes = quotations(text, start, end)
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
            yield Attribution(inside(text, q_start, q_end), speaker, verb.group())
            after = tail_start + verb.end()
            follow = FOLLOW_ON.match(text, after) if verb.start() > 0 else None
            if follow is not None:  # "…," Hom Sam Ol said, adding that it stopped at …
                said = VERB.search(text, follow.start(), follow.end())
                stance = said is not None and STANCE_RE.match(said.group())
                content = said.start() if said and stance else content_start(text, follow.end(), end)
                yield Attribution(trim(text, content, end, quotes), speaker, said.group() if said else verb.group())
            return
        if q_end >= body_end - 1:  # a quotation standing alone goes on with the last speaker's words
            yield Attribution(inside(text, q_start, q_end), None, "", continues=True)
            return
    found = list(_reported(text, start, end, quotes))
    yield from found or _unattributed(text, start, end, quotes)


# What a text reports without saying who says it: "… was reportedly …", "There were reports
# that …". Its claimant is left for a person to find (an empty speaker phrase resolves to none).
_HEARSAY = re.compile(r"\b(?:reportedly|allegedly|purportedly)\b")
_REPORTS_THAT = re.compile(
    r"There (?:were|are|have been|had been) (?:\w+ )?(?:reports|claims|rumou?rs)\b[^.;]*?\bthat\s+"
)


def _unattributed(text: str, start: int, end: int, quotes: list[Span]) -> Iterator[Attribution]:
    reports = _REPORTS_THAT.match(text, start, end)
    if reports is not None:
        yield Attribution(trim(text, reports.end(), end, quotes), (start, start), "reports")
    elif first_outside(_HEARSAY, text, start, end, quotes) is not None:
        yield Attribution(trim(text, start, end, quotes), (start, start), "reportedly")


def _after_verb(text: str, start: int, end: int) -> Span:
    """The speaker of an inverted attribution: ``said the ministry's spokesman, Colonel …``."""
    phrase = re.match(r"\s*(?P<who>[^.;]+?)(?:,\s+(?:in|on|at|during|after|before|when)\b.*)?[.!?]?$", text[start:end])
    if phrase is None:
        return (start, start)
    return (start + phrase.start("who"), start + phrase.end("who"))


# "traded fire with each other": no claim; "accused each other of …": a claim of each side.
_RECIPROCAL = re.compile(r"\s+(?:each other|one another)\b")


# Clauses of one sentence read one after another ("…, while X said …, and Y said …"): a run-on
# "sentence" of a thousand clauses would otherwise go a thousand calls deep.
_CLAUSES_PER_SENTENCE = 24


def _reported(text: str, start: int, end: int, quotes: list[Span], clause: int = 0) -> Iterator[Attribution]:
    """Indirect speech and ``according to``."""
    if clause >= _CLAUSES_PER_SENTENCE:
        return
    sentence = text[start : min(end, start + _SENTENCE_READ)]
    according = re.match(
        r"(?i)(?:according to|citing|quoting)\s+(?P<who>[^,]+(?:,\s+(?:citing|quoting) [^,]+)?)"
        r"(?:,\s+which [^,]+)?,\s+",
        sentence,
    )
    if according:
        who = (start + according.start("who"), start + according.end("who"))
        other = first_outside(OTHER_CLAUSE, text, start + according.end(), end, quotes)
        yield Attribution(
            unquote(text, trim(text, start + according.end(), other.start() if other else end, quotes)),
            who,
            "according to",
        )
        if other:
            yield from _reported(text, other.end(), end, [q for q in quotes if q[0] >= other.end()], clause + 1)
        return
    called = re.search(
        r"\bwhat (?P<who>[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,5}?) (?P<verb>called|calls|described as|"
        r"termed|terms)\s+",
        sentence,
    )
    if called:
        who = (start + called.start("who"), start + called.end("who"))
        yield Attribution(trim(text, start + called.end(), end, quotes), who, called["verb"])
    for verb in itertools.islice(VERB.finditer(text, start, end), _VERBS_PER_SENTENCE):
        if (
            inside_any(verb.start(), quotes)
            or verb.group() in ("read", "reads")
            or NOUN_BEFORE.search(text, start, verb.start())
            or (_RECIPROCAL.match(text, verb.end(), end) and not STANCE_RE.match(verb.group()))
            or (re.match(r"respon|repl", verb.group()) and re.match(r"\s+(?:by|with|to)\b", text[verb.end() : end]))
        ):
            continue
        before = text[start : verb.start()]
        inverted = _inverted(text, start, verb, end, quotes)
        if inverted is not None:
            yield inverted
            return
        phrase_start = clause_start(text, start, verb.start())
        before = text[phrase_start : verb.start()]
        aside = re.match(r"^[^,]+,\s+[^,]+,\s*$", before) if len(before.split()) <= 12 else None
        if (aside or re.search(r",\s*$", before) is None) and before.strip() and speaker_like(before):
            speaker = (phrase_start, verb.start())
            content = content_start(text, verb.end(), end)
            if ISSUED_RE.match(verb.group()):  # "released a statement …, saying …": what it said follows
                follow = first_outside(FOLLOW_ON, text, verb.end(), end, quotes)
                if follow is None:
                    return
                content = content_start(text, follow.end(), end)
            quote_start = verb.start() if STANCE_RE.match(verb.group()) else content
            other = first_outside(OTHER_CLAUSE, text, quote_start, end, quotes)
            for found in _with_follow_ons(
                text,
                Attribution(
                    unquote(text, trim(text, quote_start, other.start() if other else end, quotes)),
                    speaker,
                    verb.group(),
                ),
                other.start() if other else end,
                quotes,
            ):
                if not EMPTY_STANCE.match(text[found.quote[0] : found.quote[1]]):
                    yield found
            if other:  # "…, while Valdoria's foreign ministry said …": another speaker
                later = [q for q in quotes if q[0] >= other.end()]
                yield from _reported(text, other.end(), end, later, clause + 1)
            return
    trailing = re.search(r",\s+according to\s+(?P<who>[^,.]+)", sentence)
    if trailing:
        who = (start + trailing.start("who"), start + trailing.end("who"))
        yield Attribution(trim(text, start, start + trailing.start(), quotes), who, "according to")


# A sentence is read for its first few reporting verbs: who speaks is named near its start,
# and a run-on "sentence" of thousands of verbs must not cost quadratic time.
_VERBS_PER_SENTENCE = 12
_SENTENCE_READ = 20_000  # characters of a sentence searched for "according to" and "what X called"


def _inverted(text: str, start: int, verb: re.Match[str], end: int, quotes: list[Span]) -> Attribution | None:
    """``…, one of the officials said.``: the content first, then who said it, then at most an
    addressee, a time and an aside."""
    before = text[start : verb.start()]
    comma = before.rfind(", ")
    if comma < 0 or len(before[:comma].split()) < 6 or inside_any(start + comma, quotes):
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
    opening = _OPENING_TIME.match(text, start, start + comma)  # "Earlier in the day, …": when, not what
    first = opening.end() if opening else start
    return Attribution(trim(text, first, start + comma, quotes), (who_start, verb.start()), verb.group())


_OPENING_TIME = re.compile(
    r"(?:Earlier|Later)(?:\s+(?:in the day|on \w+|this \w+|that \w+|today))?,\s+|(?:On|Last|This)\s+\w+day,\s+"
)


def _with_follow_ons(
    text: str, first: Attribution, end: int, quotes: list[Span], clause: int = 0
) -> Iterator[Attribution]:
    """A reported clause, and the claims that follow it in the same sentence: ``…, warning that …``,
    ``…, and says …``, ``…, calling it "…"`` (the first ``_CLAUSES_PER_SENTENCE`` of them)."""
    a, b = first.quote
    if clause >= _CLAUSES_PER_SENTENCE:
        yield first
        return
    follow = first_outside(FOLLOW_ON, text, a, b, quotes)
    if follow is None:
        yield first
        return
    yield Attribution(trim(text, a, follow.start(), quotes), first.speaker, first.verb)
    verb = VERB.search(text, follow.start(), follow.end()) or re.search(r"calling", text[follow.start() : follow.end()])
    rest = follow.end()
    said = verb.group() if verb is not None else first.verb
    if verb is not None and verb.group() == "calling":
        quoted = next((q for q in quotes if q[0] >= rest), None)
        if quoted:
            yield Attribution(inside(text, *quoted), first.speaker, "calling")
            return
        named = re.match(r"\s+(?:it|them|this|that|him|her)\s+", text[rest:end])  # "calling it retaliation"
        rest += named.end() if named else 0
    content = verb.start() if verb is not None and STANCE_RE.match(verb.group()) else content_start(text, rest, end)
    following = Attribution(trim(text, content, end, quotes), first.speaker, said)
    yield from _with_follow_ons(text, following, end, quotes, clause + 1)
