"""Checks of a claim's dates and of the question it is filed under, read against its text: the
dates its quote's sentence names, and the days and places the question is about. Each finding
is a warning (a sentence may name the date of something else): the site is built all the same."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping

from generator import inputs
from generator.facts.sourcegraph import reachable
from generator.facts.when_said import said_of
from generator.inputs.fields import FIRST_YEAR, LAST_YEAR
from generator.text import writing
from generator.text.sentences import Sentences
from generator.text.text_dates import NamedDate, days_not_in_calendar, named_dates
from generator.validate.checker import Findings, Index, finding
from generator.validate.corpus import Origin, SourceDocument, Span

QUESTION_REACH = dt.timedelta(days=7)  # events this far from a question's are still its own (a day's reports)


def check_claim_timing(
    seed: Index,
    document: SourceDocument,
    claim: inputs.Claim,
    origin: Origin,
    span: Span | None,
    cut: Callable[[str], Sentences],
) -> Findings:
    """The claim's dates against its quote's sentence, and its question against both. Dates
    are read in English: in a text in another language, the sentence of the claim's passage
    in an English translation is read where there is one. ``cut`` gives a text's sentences
    (cut once for all of a document's claims)."""
    yield from check_status_note(claim, origin)
    published = document.meta.published
    text = document.text
    first = document.translations[0] if document.translations else None
    if (
        writing.primary(document.meta.language) != "en"
        and first is not None
        and writing.primary(first.meta.language) == "en"
        and claim.id in first.claim_spans
    ):
        text, span = first.text, first.claim_spans[claim.id]
    sentences = cut(text) if span is not None else None
    named = [] if sentences is None or span is None else sentences.dates(span, published)
    if named:
        yield from check_claim_dates(document, claim, origin, named)
    if sentences is not None and span is not None:
        yield from check_calendar_days(claim, origin, sentences.around(span), published)
        yield from check_paraphrase(document, claim, origin, sentences.around(span))
    if claim.question is not None and "topic" not in document.unchecked:
        # a sentence that names no date most often goes on from the one before ("A soldier was killed")
        context = named or ([] if sentences is None or span is None else sentences.dates_before(span, published))
        yield from check_question_fit(seed, document, claim, origin, context)


def check_claim_dates(
    document: SourceDocument, claim: inputs.Claim, origin: Origin, named: list[NamedDate]
) -> Findings:
    """The dates named in the sentence of the claim's quote agree with those the claim records."""
    meta = document.meta
    recorded = _recorded_days(claim)
    if recorded:
        disagree = [date for date in named if not any(date.covers(first, last) for first, last in recorded)]
        if disagree:
            yield finding(
                origin.file,
                (*origin.loc, "event_date" if claim.event_date is not None else "date"),
                "claim-date-unlike-text",
                f"the quote's sentence says {_listed(disagree)}; {_claim_dates_text(claim)}",
                "check each date against the text: `date` is the day the claim was made, `event_date` "
                "(and `event_end`) the days of the events it is about",
            )
        return
    yield finding(
        origin.file,
        (*origin.loc, "quote"),
        "claim-date-unlike-text",
        f"the quote's sentence says {_listed(named)}, but the claim records neither when it was made "
        "nor when its events happened",
        _dates_hint(named[0], meta.published),
    )


def check_calendar_days(claim: inputs.Claim, origin: Origin, sentence: str, published: dt.date | None) -> Findings:
    """A day the quote's sentence names is one of the calendar (``29 February`` read in a
    year that has one): one that is not is no date, and is said so rather than passed over."""
    for missing in days_not_in_calendar(sentence, published)[:LISTED]:
        if missing.written or published is None:
            read = f"{missing.year} has no such day"
        else:
            read = f"read against the copy's publication ({published.isoformat()}), it falls in {missing.year}, "
            read += "which has no such day"
        yield finding(
            origin.file,
            (*origin.loc, "quote"),
            "date-not-in-calendar",
            f"the quote's sentence names '{missing.words}', but {read}: it is read as no date",
            "check the copy's 'published' date (a year off?); if it is right, the text names a day that does not "
            "exist: give the claim's days from the record ('date', 'event_date'), or leave them out",
        )


def check_paraphrase(document: SourceDocument, claim: inputs.Claim, origin: Origin, sentence: str) -> Findings:
    """A paraphrase names no number and no day that the quote's ``sentence`` (or the claim's
    recorded dates) does not: a paraphrase says what the claimant says, no more."""
    meta = document.meta
    hop_days = [hop.date for hop in meta.chain if hop.date is not None]
    reference = meta.published or (max(hop_days) if hop_days else None) or claim.date or meta.event_date
    days = [(d.first, d.last) for d in named_dates(sentence, reference)] + _recorded_days(claim)
    added = [
        d.words
        for d in named_dates(claim.paraphrase, reference)
        if d.first == d.last and not any(d.covers(first, last) for first, last in days)
    ]
    counted = _counted(claim.paraphrase)
    if counted or any(ch.isdigit() for ch in claim.paraphrase):  # most paraphrases give no count
        bare = _DATES_OUT.sub(" ", claim.paraphrase)
        numbers = {n.replace(",", "") for n in _NUMBER.findall(_DATES_OUT.sub(" ", sentence))}
        numbers |= {str(value) for _word, value in _counted(sentence)}
        added += [n for n in _NUMBER.findall(bare) if n.replace(",", "") not in numbers]
        added += [word for word, value in counted if value > 1 and str(value) not in numbers]
    if added:
        listed = ", ".join(f"'{words}'" for words in dict.fromkeys(added))
        yield finding(
            origin.file,
            (*origin.loc, "paraphrase"),
            "paraphrase-adds",
            f"the paraphrase says {listed}, which the quote's sentence does not",
            "say no more than the claimant says in the text: take the number or the day out of the "
            "paraphrase, or quote the words that give it",
        )


def check_status_note(claim: inputs.Claim, origin: Origin) -> Findings:
    """A claim marked corroborated is not one whose own note says it is unchecked."""
    said = _UNCHECKED.search(claim.note or "")
    if claim.status == "corroborated" and said:
        yield finding(
            origin.file,
            (*origin.loc, "status"),
            "status-unlike-note",
            f"the claim is marked corroborated, but its note says '{said[0]}'",
            "corroborated means independent sources confirm the claim: if they do not, mark it "
            "'unverified' (or 'disputed'); if they do, say so in the note and cite them",
        )


def check_question_fit(
    seed: Index, document: SourceDocument, claim: inputs.Claim, origin: Origin, named: list[NamedDate]
) -> Findings:
    """A claim is filed under a question about its own days and places: the days it records,
    or, where it records none, those its sentence names."""
    question = seed.questions.get(claim.question or "")
    if question is None:
        return
    where = (*origin.loc, "question")
    far = _far_in_time(claim, document.meta, question, named)
    if far:
        yield finding(
            origin.file,
            where,
            "question-off-topic",
            f"the question '{question.id}' is about {_range_text(question.date, question.end)}, {far}",
            "file the claim under a question about its own events (or add one), or leave 'question' out; "
            "if the question's dates are wrong, fix its 'date' and 'end'",
        )
    places = [s for s in claim.subjects if s in seed.parents_of]
    if question.places and places and not any(_near(seed.parents_of, p, q) for p in places for q in question.places):
        yield finding(
            origin.file,
            where,
            "question-off-topic",
            f"the question '{question.id}' is about {', '.join(question.places)}, and the claim about "
            f"{', '.join(places)}, none of them within or around those places",
            "file the claim under a question about its own places (or add one), or leave 'question' out; "
            "if the question's places are wrong, fix its 'places'",
        )


def _near(parents_of: Mapping[str, list[str]], place: str, other: str) -> bool:
    """The same place, or one within the other."""
    if place == other:
        return True
    return other in reachable(parents_of, place) or place in reachable(parents_of, other)


_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?!\d)|(?<![\w.,])\d+(?:\.\d+)?(?![\w])")
# Days and times, whose digits are not counts: "24 July", "July 24, 2025", "2025", "8:20", "8.20 am".
_DATES_OUT = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b(?:19|20)\d\d\b|\b\d{1,2}[:.]\d\d\b|\b\d{1,2}\s*(?:a\.?m\b\.?|p\.?m\b\.?)",
    re.I,
)
_NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100}


def _counted(text: str) -> list[tuple[str, int]]:
    """The counts ``text`` writes as words (``six``, ``Thirteen``), with their values."""
    return [(m[0], _NUMBER_WORDS[m[0].lower()]) for m in _NUMBER_WORD.finditer(text)]


_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.I)


# What a note says of a claim that nothing has confirmed.
_UNCHECKED = re.compile(
    r"\b(?:not (?:been )?(?:checked|verified|confirmed|corroborated)|unchecked|unconfirmed|"
    r"could not be (?:checked|verified|confirmed)|no independent (?:source|count|confirmation)[a-z]*)\b",
    re.I,
)


def _shifted(day: dt.date, delta: dt.timedelta) -> dt.date:
    """``day`` moved by ``delta``, kept within the calendar (a date of 9999 moves no further)."""
    try:
        return day + delta
    except OverflowError:
        return dt.date.max if delta > dt.timedelta(0) else dt.date.min


def _recorded_days(claim: inputs.Claim) -> list[tuple[dt.date, dt.date]]:
    days = []
    if claim.date is not None:
        days.append((claim.date, claim.date))
    if claim.event_date is not None:
        days.append((claim.event_date, claim.event_end or claim.event_date))
    return days


LISTED = 3  # dates named in one message: a sentence may name hundreds


def _listed(dates: list[NamedDate]) -> str:
    listed = ", ".join(f"'{d.words}' ({d.days_text()})" for d in dates[:LISTED])
    return listed + (f" and {len(dates) - LISTED} more" if len(dates) > LISTED else "")


def _claim_dates_text(claim: inputs.Claim) -> str:
    said = f"made on {claim.date.isoformat()}" if claim.date else "of unknown date"
    if claim.event_date is None:
        return f"the claim is {said}, and records no date of its events"
    return f"the claim is {said}, about events of {_range_text(claim.event_date, claim.event_end)}"


def _range_text(first: dt.date | None, last: dt.date | None) -> str:
    if first is None:
        return "no one time"
    return first.isoformat() if last is None or last == first else f"{first.isoformat()} to {last.isoformat()}"


def _dates_hint(date: NamedDate, published: dt.date | None) -> str:
    first, last = date.first.isoformat(), date.last.isoformat()
    if not (date.first.year >= FIRST_YEAR and date.last.year <= LAST_YEAR):
        read = f" against the copy's publication ({published.isoformat()})" if published else ""
        return (
            f"'{date.words}', read{read}, falls outside the years a date may have ({FIRST_YEAR} to {LAST_YEAR}), "
            "so no claim can record it: check 'published'; if it is right, leave the claim's dates out, or give "
            "them from the record"
        )
    if date.first == date.last:
        hint = f"add `event_date: {first}` if the events happened then, or `date: {first}` if the claim was made then"
    else:
        hint = f"add `event_date: {first}` and `event_end: {last}`, or the exact days if the record gives them"
    return hint + (
        f" (the sentence is read against the copy's publication, {published.isoformat()})" if published else ""
    )


def _far_in_time(claim: inputs.Claim, meta: inputs.Document, question: inputs.Question, named: list[NamedDate]) -> str:
    """What puts the claim's events far from the question's, in words; empty when nothing does."""
    if question.date is None:
        return ""
    start, end = question.date, question.end or question.date
    reach_first, reach_last = _shifted(start, -QUESTION_REACH), _shifted(end, QUESTION_REACH)
    if claim.event_date is not None:
        first, last = claim.event_date, claim.event_end or claim.event_date
        if last < reach_first or first > reach_last:
            return f"and the claim about events of {_range_text(claim.event_date, claim.event_end)}"
        return ""
    if named and claim.date is None and not any(date.covers(reach_first, reach_last) for date in named):
        return f"and the quote's sentence says {_listed(named)}"
    said = said_of(claim, meta)
    latest = said.on or said.by
    if latest is not None and latest < _shifted(start, -dt.timedelta(days=1)):
        return f"and the claim was made by {latest.isoformat()}, before those events"
    return ""
