"""How a news text is cut for reading: datelines, sentences and quotations.

A sentence ends at ``.``, ``!`` or ``?`` followed by a space and a capital, a
digit or an opening mark, outside quotations and after no abbreviation
(``Gen.``, ``U.N.``); it never crosses a line. A straight double quote opens a
quotation where it follows a space or starts the text.
"""

from __future__ import annotations

import re

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
