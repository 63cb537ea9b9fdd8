"""How a news text is cut for reading: datelines, sentences and quotations.

A sentence ends at ``.``, ``!`` or ``?`` followed by a space and a capital, a
digit or an opening mark, outside quotations and after no abbreviation
(``Gen.``, ``U.N.``); it never crosses a line. A straight double quote opens a
quotation where it follows a space or starts the text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from generator.text.text_dates import NamedDate, named_dates

Span = tuple[int, int]
QUOTE_PAIRS = {"“": "”", '"': '"', "«": "»"}
_DATELINE = re.compile(
    r"\([A-Z][^()]{1,40}\)\s+(?=[A-Z])"  # (MENAFN) alone
    r"|(?:\([^()]*(?:\([^()]*\)[^()]*)*\)\s*)?"  # (MENAFN- Kuwait News Agency (KUNA))
    r"[A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+)*"  # KUALA LUMPUR
    r"(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"  # , Marenia
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"  # , March 3
    r"\s*(?:\([^()]+\))?\s*(?:-{1,2}|–|—)\s+"
)  # (Global Wire) -


def dateline_end(text: str, start: int) -> int:
    """Where a dateline (``DORVAN, March 3 (Global Wire) -``) at ``start`` ends (``match`` anchors the
    pattern at ``start``; ``^`` would only match at the start of the whole text)."""
    match = _DATELINE.match(text, start)
    return match.end() if match else start


def sentence_spans(text: str) -> list[Span]:
    """Every sentence of ``text``: its lines, cut after sentence-ending punctuation outside quotations."""
    return [span for line in re.finditer(r"[^\n]+", text) for span in sentences(text, line.start(), line.end())]


_MARKS = re.compile(r"[.!?\"“”«»]")  # the only characters that open, close or end anything
_NEXT_STARTS = re.compile(r" +[“\"‘(A-Z0-9*•]")  # what follows the end of a sentence


def sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentences of one line, never cut inside a quotation. Only the marks are looked at
    (every other character leaves the state as it is): a character-by-character walk
    made cutting every text of a large corpus take minutes."""
    spans, position, depth_close = [], start, None
    for mark in _MARKS.finditer(text, start, end):
        index = mark.start()
        char = mark[0]
        if depth_close is None and char in QUOTE_PAIRS and (char != '"' or _opens(text, index)):
            depth_close = QUOTE_PAIRS[char]
        elif depth_close is not None and char == depth_close:
            depth_close = None
        elif (
            depth_close is None
            and char in ".!?"
            and index + 1 < end
            and text[index + 1] == " "
            and _NEXT_STARTS.match(text, index + 1, end)
            and not _abbreviation(text, index)
        ):
            spans.append((position, index + 1))
            position = index + 2
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


def quotations(text: str, start: int, end: int) -> list[Span]:
    """Spans of the quotations in a sentence, marks included."""
    found, index = [], start
    while index < end:
        char = text[index]
        if char in QUOTE_PAIRS and (char != '"' or _opens(text, index)):
            close = text.find(QUOTE_PAIRS[char], index + 1, end + 1)
            if close == -1:
                break
            found.append((index, close + 1))
            index = close + 1
        else:
            index += 1
    return found


def inside(text: str, start: int, end: int) -> Span:
    """A quotation's content, without its marks and the punctuation before the closing mark."""
    a, b = start + 1, end - 1
    while b > a and text[b - 1] in ",.;:":
        b -= 1
    return (a, b)


def unquote(text: str, span: Span) -> Span:
    """A span that is one whole quotation, without its marks."""
    a, b = span
    if (
        b - a > 2
        and text[a] in QUOTE_PAIRS
        and text[b - 1] == QUOTE_PAIRS[text[a]]
        and QUOTE_PAIRS[text[a]] not in text[a + 1 : b - 1]
    ):
        return inside(text, a, b)
    return span


def inside_any(position: int, spans: list[Span]) -> bool:
    return any(a <= position < b for a, b in spans)


def first_outside(
    pattern: re.Pattern[str], text: str, start: int, end: int, quotes: list[Span]
) -> re.Match[str] | None:
    """The first match of ``pattern`` in ``text[start:end]`` that does not start inside a quotation."""
    return next((m for m in pattern.finditer(text, start, end) if not inside_any(m.start(), quotes)), None)


CONTEXT = 400  # characters of a sentence read on each side of a quote: a "sentence" can be a whole long line


class Sentences:
    """The sentences of one text around its quotes, each line cut once when a quote first
    needs it, and found by bisection: a text of one long line and many claims is neither cut
    nor scanned again for every claim, and no more than ``CONTEXT`` characters on each side
    of a quote are read."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: dict[int, tuple[list[Span], list[int]]] = {}

    def _line(self, position: int) -> tuple[int, list[Span], list[int]]:
        """The start of the line at ``position``, its sentences and their starts."""
        start = self.text.rfind("\n", 0, position) + 1
        if start not in self._lines:
            end = self.text.find("\n", start)
            spans = sentences(self.text, start, len(self.text) if end < 0 else end)
            self._lines[start] = (spans, [a for a, _ in spans])
        spans, starts = self._lines[start]
        return start, spans, starts

    def _overlapping(self, span: Span) -> list[Span]:
        """The sentences the quote at ``span`` stands in (on its first line and any it runs onto)."""
        found: list[Span] = []
        position = span[0]
        while True:
            _start, spans, starts = self._line(position)
            index = max(bisect.bisect_right(starts, span[0]) - 1, 0)
            while index < len(spans) and spans[index][0] < span[1]:
                if span[0] < spans[index][1]:
                    found.append(spans[index])
                index += 1
            end = self.text.find("\n", position)
            if end < 0 or end >= span[1]:
                return found
            position = end + 1

    def at(self, position: int) -> Span | None:
        """The sentence ``position`` stands in, if any."""
        _start, spans, starts = self._line(position)
        index = bisect.bisect_right(starts, position) - 1
        return spans[index] if index >= 0 and position < spans[index][1] else None

    def around(self, span: Span) -> str:
        """The sentences the quote at ``span`` stands in, as one string, at most ``CONTEXT``
        characters on each side of the quote."""
        first, last = span[0] - CONTEXT, span[1] + CONTEXT
        return " ".join(self.text[max(a, first) : min(b, last)] for a, b in self._overlapping(span))

    def dates(self, span: Span, reference: dt.date | None) -> list[NamedDate]:
        """The dates named in the sentences the quote at ``span`` stands in."""
        return named_dates(self.around(span), reference)

    def dates_before(self, span: Span, reference: dt.date | None) -> list[NamedDate]:
        """The dates named at the end of the sentence before the quote's (the last of the
        paragraph before, at a paragraph's start)."""
        start, spans, starts = self._line(span[0])
        index = bisect.bisect_right(starts, span[0]) - 1  # the quote's sentence
        while index >= 0 and spans[index][1] > span[0]:
            index -= 1
        if index >= 0:
            return self._dates_in(spans[index], reference)
        while start > 0:  # the nearest line before with a sentence (blank lines have none)
            start, spans, _starts = self._line(start - 1)
            if spans:
                return self._dates_in(spans[-1], reference)
        return []

    def _dates_in(self, sentence: Span, reference: dt.date | None) -> list[NamedDate]:
        return named_dates(self.text[max(sentence[0], sentence[1] - CONTEXT) : sentence[1]], reference)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Each non-blank line of ``text`` is a paragraph: where it starts and ends, without its
    surrounding whitespace. A text and its translation are cut the same way."""
    spans = []
    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = position + line.index(stripped[0])
            spans.append((start, start + len(stripped)))
        position += len(line)
    return spans
