"""Finding verbatim passages in a source text.

Matching is exact except for what a contributor cannot see or type
reliably: runs of whitespace, line endings, non-breaking spaces, straight
versus curly quotation marks and apostrophes, and a letter and its accent
written as one character or apart (Unicode NFC or NFD: "ğ" or "g" + "̆").
A match is returned as the exact span of the original text, so the
highlight covers it verbatim.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import heapq
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from generator.text import writing

_EQUIVALENT = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00a0": " ",
        "\u202f": " ",
        "\u2007": " ",
    }
)
_SPACE_RUN = re.compile(r"\s+")
# Characters no one can see in an editor: zero-width spaces and joiners, word
# joiner, byte-order mark, soft hyphen. They are ignored when matching.
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = frozenset(_INVISIBLE_CHARS)
# A run of whitespace (with any invisible characters in it) folds to one space;
# invisible characters on their own are dropped. A single plain space is already
# folded, so only other runs are matched (far fewer matches on ordinary text).
_RUN = f"[\\s{_INVISIBLE_CHARS}]"
_FOLDED = re.compile(f"[^\\S ]{_RUN}*|[{_INVISIBLE_CHARS}]{_RUN}*| {_RUN}+")


@dataclass(frozen=True)
class NormalizedText:
    """A text folded for matching, and how to map its positions back to the original.

    The folded text is a series of segments, each copied from one place of the
    original: ``segment_starts`` are where they start in the folded text,
    ``origins`` where they start in the original and ``ends`` where they end
    there. A segment as long as its original is a copy, character by character;
    any other (a letter and its accents written apart, composed into one) maps
    as a whole to its original."""

    text: str
    segment_starts: tuple[int, ...]
    origins: tuple[int, ...]
    ends: tuple[int, ...]
    original_length: int

    @functools.cached_property
    def word_index(self) -> tuple[list[int], dict[str, list[int]]]:
        """Where each word of the folded text starts, and each word's places in that list."""
        starts: list[int] = []
        index: dict[str, list[int]] = {}
        for number, (start, word) in enumerate(writing.words(self.text)):
            starts.append(start)
            index.setdefault(word, []).append(number)
        return starts, index

    @classmethod
    def of(cls, original: str) -> NormalizedText:
        folded = original if original.isascii() else original.translate(_EQUIVALENT)
        chunks: list[str] = []
        starts: list[int] = []
        origins: list[int] = []
        length = 0
        position = 0
        for match in _FOLDED.finditer(folded):
            if match.start() > position:
                starts.append(length)
                origins.append(position)
                chunks.append(folded[position : match.start()])
                length += match.start() - position
            run = match.group()
            first_space = next((i for i, c in enumerate(run) if c not in _INVISIBLE), None)
            if first_space is not None:  # whitespace, perhaps with invisible characters: one space
                starts.append(length)
                origins.append(match.start() + first_space)
                chunks.append(" ")
                length += 1
            position = match.end()  # invisible characters alone are dropped
        if position < len(folded):
            starts.append(length)
            origins.append(position)
            chunks.append(folded[position:])
        text = "".join(chunks)
        ends = [origin + len(chunk) for origin, chunk in zip(origins, chunks, strict=True)]
        if not text.isascii() and not unicodedata.is_normalized("NFC", text):
            return cls(*_composed(text, starts, origins), len(original))
        return cls(text, tuple(starts), tuple(origins), tuple(ends), len(original))

    def _segment(self, index: int) -> tuple[int, bool]:
        """The segment holding the folded text's ``index``, and whether it is a copy."""
        segment = bisect.bisect_right(self.segment_starts, index) - 1
        following = segment + 1
        end = self.segment_starts[following] if following < len(self.segment_starts) else len(self.text)
        return segment, self.ends[segment] - self.origins[segment] == end - self.segment_starts[segment]

    def _original(self, index: int) -> int:
        """Where the character at ``index`` starts in the original."""
        if index >= len(self.text):
            return self.original_length
        segment, copy = self._segment(index)
        return self.origins[segment] + (index - self.segment_starts[segment] if copy else 0)

    def _original_end(self, index: int) -> int:
        """Where the character at ``index`` ends in the original."""
        segment, copy = self._segment(index)
        return self.origins[segment] + index - self.segment_starts[segment] + 1 if copy else self.ends[segment]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the folded text back to the original text."""
        last = self._original_end(end - 1) if end > start else self._original(start)
        return self._original(start), last


# What NFC may change: a character outside ASCII with the one before it (its letter), or
# a run of them. No whitespace and no two ASCII characters compose.
_UNCOMMON = re.compile(r"[^\s]?[^\x00-\x7f\s]+")
# A cluster of more marks than this (Unicode's stream-safe limit is 30) is composed in
# parts: a letter with a million accents costs no more than a million letters.
_CLUSTER_MAX = 32


def _composed(
    text: str, starts: list[int], origins: list[int]
) -> tuple[str, tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """The folded text in NFC, and its segments: a letter and its accents written apart
    (NFD) become the one character NFC writes, a segment mapped to all of them. Only
    the runs of characters outside ASCII that are not in NFC already are looked at."""
    chunks: list[str] = []
    new_starts: list[int] = []
    new_origins: list[int] = []
    new_ends: list[int] = []
    length = 0
    ends = [*starts[1:], len(text)]  # where each segment ends in the folded text
    segment = 0  # the segment holding ``position``
    position = 0  # how far the folded text is copied
    for run in _UNCOMMON.finditer(text):
        if unicodedata.is_normalized("NFC", run[0]):
            continue
        offset, letters = run.start(), run[0]
        # one letter and its marks (by far the most common), or else each of its letters apart
        one = len(letters) == 2 and unicodedata.combining(letters[1])
        for a, b in ((0, 2),) if one else _clusters(letters):
            cluster = letters[a:b]
            nfc = unicodedata.normalize("NFC", cluster)
            if nfc == cluster:
                continue
            a, b = a + offset, b + offset
            while position < a:  # copy the folded text up to the cluster, segment by segment
                while ends[segment] <= position:
                    segment += 1
                stop = min(a, ends[segment])
                at = origins[segment] + position - starts[segment]
                chunks.append(text[position:stop])
                new_starts.append(length)
                new_origins.append(at)
                new_ends.append(at + stop - position)
                length += stop - position
                position = stop
            while ends[segment] <= a:
                segment += 1
            chunks.append(nfc)
            new_starts.append(length)
            new_origins.append(origins[segment] + a - starts[segment])
            while ends[segment] < b:
                segment += 1
            new_ends.append(origins[segment] + b - starts[segment])
            length += len(nfc)
            position = b
    while position < len(text):
        while ends[segment] <= position:
            segment += 1
        at = origins[segment] + position - starts[segment]
        chunks.append(text[position : ends[segment]])
        new_starts.append(length)
        new_origins.append(at)
        new_ends.append(at + ends[segment] - position)
        length += ends[segment] - position
        position = ends[segment]
    return "".join(chunks), tuple(new_starts), tuple(new_origins), tuple(new_ends)


def _clusters(run: str) -> Iterator[tuple[int, int]]:
    """The spans of a run's letters, each with the marks that NFC composes with it or
    reorders: a character joins the one before unless it is a letter NFC leaves apart from it."""
    start = 0
    for index in range(1, len(run)):
        character = run[index]
        if index - start < _CLUSTER_MAX and (
            unicodedata.combining(character)
            or (
                not character.isascii()
                and unicodedata.normalize("NFC", run[start : index + 1])
                != unicodedata.normalize("NFC", run[start:index]) + unicodedata.normalize("NFC", character)
            )
        ):
            continue
        yield start, index
        start = index
    yield start, len(run)


def fold(passage: str) -> str:
    """A passage folded the same way, trimmed."""
    visible = "".join(c for c in passage.translate(_EQUIVALENT) if c not in _INVISIBLE)
    return unicodedata.normalize("NFC", _SPACE_RUN.sub(" ", visible).strip())


def find_all(haystack: NormalizedText, passage: str) -> list[tuple[int, int]]:
    """Every non-overlapping occurrence of ``passage``, as original spans."""
    needle = fold(passage)
    if not needle:
        return []
    spans = []
    start = haystack.text.find(needle)
    while start != -1:
        spans.append(haystack.original_span(start, start + len(needle)))
        start = haystack.text.find(needle, start + len(needle))
    return spans


CANDIDATES = 8  # windows compared character by character
MAX_COMPARED = 2000  # characters; a longer passage is placed by its words alone
COMMON = 1000  # occurrences of a word in a text past which it places a passage only if nothing rarer does


def closest_passage(haystack: NormalizedText, passage: str) -> str:
    """The part of the text most like ``passage``, to show next to a failed match.

    The text's words are indexed once (``NormalizedText.word_index``; in a script written
    without spaces, every two letters in a row stand for words: see ``writing.words``); a passage then costs
    the occurrences of its own words, not the text's length, so that many wrong quotes in a
    long text cost in proportion to the quotes. Windows the passage's length in words start
    at each occurrence of one of its words (a word found more than ``COMMON`` times counts
    only where no rarer word is shared), and those that share the most words with it are
    compared character by character (only a short passage)."""
    needle = fold(passage)
    text = haystack.text
    wanted = Counter(word for _, word in writing.words(needle))
    starts, index = haystack.word_index
    if not wanted or not starts:
        return ""
    found = {word: index[word] for word in wanted if word in index}
    rare = {word: at for word, at in found.items() if len(at) <= COMMON} or {
        word: at[:COMMON] for word, at in found.items()
    }
    occurrences = sorted((at, word) for word, ats in rare.items() for at in ats) or [(0, "")]
    size = sum(wanted.values())
    window: Counter[str] = Counter()
    shared = 0
    last = 0  # the first occurrence past the current window
    scored: list[tuple[int, int]] = []  # (words shared, -index of the window's first word)
    for at, word in occurrences:
        while last < len(occurrences) and occurrences[last][0] < at + size:
            added = occurrences[last][1]
            window[added] += 1
            shared += window[added] <= wanted[added]
            last += 1
        scored.append((shared, -at))
        shared -= window[word] <= wanted[word]
        window[word] -= 1
    candidates = [starts[-at] for _, at in heapq.nlargest(CANDIDATES, scored)]
    best_start = candidates[0]
    width = len(needle)
    if width <= MAX_COMPARED:
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(needle)
        best_ratio = -1.0
        for start in candidates:
            matcher.set_seq1(text[start : start + width])
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best_ratio, best_start = ratio, start
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(needle[:MAX_COMPARED])
    # a little longer than the passage: the text may say it in more letters (and, in a script
    # written without spaces, no word boundary completes a passage cut short)
    window_text = text[best_start : best_start + min(width + width // 4 + 4, MAX_COMPARED)]
    matcher.set_seq1(window_text)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return window_text.strip()
    start = best_start + blocks[0].a
    end = best_start + blocks[-1].a + blocks[-1].size
    while start > 0 and _inside_word(text[start - 1]):
        start -= 1  # whole words only (a script without spaces has no word to complete)
    while end < len(text) and _inside_word(text[end]):
        end += 1
    return text[start:end].strip()


def _inside_word(char: str) -> bool:
    return char.isalnum() and not writing.is_unspaced(char)
