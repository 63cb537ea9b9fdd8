"""Finding mentions of parties and places in a text by their names and aliases."""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from generator.text import writing
from generator.text.quotes import NormalizedText, fold


@dataclass(frozen=True, order=True)
class Mention:
    """A name of an entity found in a text, as a span of the original text."""

    start: int
    end: int
    entity: str


_WORD = re.compile(r"\w+")


class MentionFinder:
    """Finds every surface form (name or alias) of a set of entities.

    Longer forms win over shorter ones that they contain ("government in
    Baku" over "Baku"); matches are whole words and case-sensitive, except in a
    script written without spaces (Thai, Khmer), where a name is found wherever
    it begins. Forms are
    looked up by their first word at each word of the text, and then by their
    length (the text's passage of that length is looked up among the forms of that
    length), so the cost does not grow with the number of names: many share a first
    word ("Ministry of Defence of ..."), and trying each of them in turn at every
    such word had made finding mentions quadratic (51 s at 100,000 documents).
    """

    def __init__(self, forms: dict[str, str]) -> None:
        self._entity_by_form = {fold(form): entity for form, entity in forms.items() if fold(form)}
        by_length: dict[str, dict[int, set[str]]] = {}
        odd = []  # forms that do not start with a word character
        unspaced = []  # forms in a script written without spaces: found anywhere in a word
        for form in sorted(self._entity_by_form, key=lambda f: (-len(f), f)):
            first = _WORD.match(form)
            if writing.is_unspaced(form[0]):
                unspaced.append(form)
            elif first:
                by_length.setdefault(first.group(), {}).setdefault(len(form), set()).add(form)
            else:
                odd.append(form)
        # first word -> (length, the forms of that length), longest first
        self._by_first_word: dict[str, list[tuple[int, frozenset[str]]]] = {
            word: [(length, frozenset(forms)) for length, forms in lengths.items()]  # inserted longest first
            for word, lengths in by_length.items()
        }
        # Only words that some form starts with are looked at; most words are not.
        starts = sorted({first[0] for first in by_length})
        self._candidates = re.compile(r"(?<!\w)[" + "".join(map(re.escape, starts)) + r"]\w*") if starts else None
        self._odd = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, odd)) + r")(?!\w)") if odd else None
        # by their first two letters, then by length, longest first: at each place of a run of
        # such a script, the longest form found there wins (a regex of every form had cost
        # the number of forms at every letter: 2.2 s for 300,000 letters and 2,000 names)
        by_start: dict[str, dict[int, set[str]]] = {}
        for form in unspaced:
            by_start.setdefault(form[:2], {}).setdefault(len(form), set()).add(form)
        self._unspaced: dict[str, list[tuple[int, frozenset[str]]]] = {
            start: sorted(((length, frozenset(forms)) for length, forms in lengths.items()), reverse=True)
            for start, lengths in by_start.items()
        }
        self.digest = hashlib.sha256(repr(sorted(self._entity_by_form.items())).encode()).hexdigest()
        """Every name this finder finds, and whose it is, as one value."""

    def find(self, text: NormalizedText) -> list[Mention]:
        """The mentions in ``text``, in order."""
        folded = text.text
        addresses = _addresses(folded)
        found: list[tuple[int, int, str]] = []
        taken_until = 0
        for word in self._candidates.finditer(folded) if self._candidates else ():
            start = word.start()
            if start < taken_until:
                continue
            for length, forms in self._by_first_word.get(word.group(), ()):
                end = start + length
                passage = folded[start:end]
                if passage in forms and not (end < len(folded) and _is_word(folded[end])):
                    if not _in_address(folded, start, end, addresses):
                        found.append((start, end, self._entity_by_form[passage]))
                    taken_until = end
                    break
        if self._odd is not None:
            taken = [(a, b) for a, b, _ in found]
            for match in self._odd.finditer(folded):
                if not any(a < match.end() and match.start() < b for a, b in taken) and not _in_address(
                    folded, match.start(), match.end(), addresses
                ):
                    found.append((match.start(), match.end(), self._entity_by_form[match.group()]))
        if self._unspaced:
            found += self._find_unspaced(folded, sorted((a, b) for a, b, _ in found))
        mentions = []
        for start, end, entity in sorted(found):
            original_start, original_end = text.original_span(start, end)
            mentions.append(Mention(original_start, original_end, entity))
        return mentions

    def _find_unspaced(self, folded: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        """The forms in a script written without spaces, wherever they begin in a run of it
        (a form may go on past the run: "กองทัพภาคที่ 1"), outside the spans ``taken``."""
        found = []
        forms_at = self._unspaced
        at = 0  # the first place a form may begin: past the last one found
        for start in self._unspaced_starts(folded):
            if start < at:
                continue
            for size, forms in (*forms_at.get(folded[start : start + 2], ()), *forms_at.get(folded[start], ())):
                if folded[start : start + size] in forms:
                    before = bisect.bisect_left(taken, (start + size, start + size))
                    if not (before and taken[before - 1][1] > start):
                        found.append((start, start + size, self._entity_by_form[folded[start : start + size]]))
                        at = start + size
                    break
        return found

    def _unspaced_starts(self, folded: str) -> Iterator[int]:
        """The places where a form in a script without spaces may begin, in order: found by
        searching the text for each form's first two letters where the forms are few, else
        every letter of every run of such a script."""
        if len(self._unspaced) > FEW_STARTS:
            for run in writing.UNSPACED_RUN.finditer(folded):
                yield from range(run.start(), run.end())
            return
        starts = []
        for key in self._unspaced:
            at = folded.find(key)
            while at != -1:
                starts.append(at)
                at = folded.find(key, at + 1)
        yield from sorted(set(starts))


FEW_STARTS = 100  # forms' first two letters past which every letter is looked at instead


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_" or unicodedata.combining(char) != 0


# A word of a text that is a web or e-mail address: "https://…", "www.…", "press@….org".
_ADDRESS_MARKS = ("://", "www.", "@")
_TOKEN = re.compile(r"\S+")
_EMAIL = re.compile(r"@[\w-]+\.\w")


def _addresses(folded: str) -> list[tuple[int, int]]:
    """The spans of the text's web and e-mail addresses, in order (none looked for in a
    text that has no address mark)."""
    if not any(mark in folded for mark in _ADDRESS_MARKS):
        return []
    return [
        token.span()
        for token in _TOKEN.finditer(folded)
        if "://" in token[0] or "www." in token[0] or _EMAIL.search(token[0])
    ]


def _in_address(folded: str, start: int, end: int, addresses: list[tuple[int, int]]) -> bool:
    """Whether a name found at ``start:end`` is part of a longer name: of a domain
    ("reuters" in "www.reuters.com", "reuters.com"), or of a web or e-mail address.
    Such a name names another thing, more exactly, so it is not a mention."""
    if start >= 2 and folded[start - 1] == "." and _is_word(folded[start - 2]):
        return True
    if end + 1 < len(folded) and folded[end] == "." and _is_word(folded[end + 1]):
        return True
    at = bisect.bisect_right(addresses, (start, len(folded))) - 1
    return at >= 0 and addresses[at][1] >= end


def surface_forms(entities: Iterable[tuple[str, str, list[str]]]) -> dict[str, str]:
    """Map every name and alias to its entity id, from ``(id, name, aliases)`` triples."""
    forms: dict[str, str] = {}
    for entity_id, name, aliases in entities:
        for form in (name, *aliases):
            forms.setdefault(form, entity_id)
    return forms
