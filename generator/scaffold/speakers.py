"""Who a speaker phrase names, among the registries' parties and outlets.

A phrase such as "Valdoria's defence ministry", "two senior Valdorian
officials", "the ministry's spokesman, Colonel Piet Aran", "Reyl", "he" or
"The VST report, citing the Ministry of Defence of Valdoria" is resolved in
this order:

1. a source it cites ("…, citing X") that is a party;
2. a person of the registries named in it (by name, alias or surname);
3. a party or outlet named in it, not inside a prepositional phrase ("to the
   Council"), except after a role ("a spokesperson for the Council"); after a
   possessive ("Valdoria's …") or as a demonym ("Valdorian …"), the party
   under it whose name holds the words that follow ("defence ministry" →
   Ministry of Defence of Valdoria), or else that party;
4. words that refer back: "he", "it", "the statement", "one of the officials"
   (the last speaker), and descriptions such as "the ministry" or "Defence
   Minister Aron Beck" (the nearest entity named before whose name holds the
   words: ministry, defence);
5. otherwise nobody: the scaffold leaves the claimant to a person.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.text.mentions import Mention

_STOP = frozenset(
    """a an the of for to in on at and or its his her their our this that these those two three several
    some many senior top one other also who which""".split()
)
_ROLES = frozenset(
    """spokesman spokesperson spokeswoman spokespeople official officials representative
    representatives source sources member members head chief envoy mission delegation staff""".split()
)
_PEOPLE = frozenset(
    """residents witnesses villagers locals teacher doctor farmer soldier soldiers people man woman
    families analysts experts observers diplomat diplomats""".split()
)
_REFER_BACK = re.compile(
    r"^(?:he|she|they|it|we|the (?:statement|letter|report|release|post|note|document|"
    r"communiqué|communique|text|message|group|movement|militia|organi[sz]ation)|one of (?:the|them)\b.*)$",
    re.IGNORECASE,
)
_DOCUMENTS = frozenset("""statement letter report release post communiqué communique note message video""".split())
_PREPOSITIONS = frozenset("""to in at from with against by over near into across toward towards about""".split())
_POSSESSIVE = re.compile(r"^\s*['’]s?\b")


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str  # a party's kind ("person", "state", …) or "outlet"
    parent: str | None  # the party it belongs to (affiliation)
    description: str = ""

    @property
    def words(self) -> set[str]:
        """Stems of its names; a person's description too ("Prime Minister of Marenia")."""
        forms = (self.name, *self.aliases, *((self.description,) if self.kind == "person" else ()))
        return {_stem(w) for form in forms for w in re.findall(r"[A-Za-z]+", form)}


def _stem(word: str) -> str:
    word = word.lower().replace("defense", "defence")
    return word[:5]


# Adjectives of countries not formed from the country's name.
_IRREGULAR = {
    "French": "France",
    "Dutch": "Netherlands",
    "British": "Britain",
    "Swiss": "Switzerland",
    "Welsh": "Wales",
    "Greek": "Greece",
    "Thai": "Thailand",
    "Filipino": "Philippines",
}


def demonym_of(word: str, name: str) -> bool:
    """Whether ``word`` is the adjective of the country ``name``: ``Armenian`` of Armenia,
    ``Chinese`` of China, ``Kyrgyz`` of Kyrgyzstan, ``Thai`` of Thailand, ``French`` of France."""
    if word == name or (len(word) < 4 and _IRREGULAR.get(word) != name):
        return False
    if _IRREGULAR.get(word) == name or (word.startswith(name[:-1]) and len(word) <= len(name) + 3):
        return True
    return name.startswith(word) and name[len(word) :] in ("stan", "istan", "land")


class Speakers:
    """Resolves speaker phrases of one text, in order, remembering the last speaker."""

    def __init__(self, text: str, entities: dict[str, Entity], mentions: list[Mention]) -> None:
        self.text = text
        self.entities = entities
        self.mentions = sorted(m for m in mentions if m.entity in entities)
        self._starts = [m.start for m in self.mentions]
        self._words = {entity.id: entity.words for entity in entities.values()}
        self._known_stems = set().union(*self._words.values()) if self._words else set()
        self.last: str | None = None
        self.spoken: list[tuple[int, str]] = []  # (position, entity) of resolved speakers
        self._states = [e for e in entities.values() if e.kind != "outlet" and " " not in e.name]
        self._surnames: dict[str, str] = {}
        for entity in entities.values():
            if entity.kind == "person":
                self._surnames.setdefault(entity.name.split()[-1].lower(), entity.id)

    def resolve(self, span: tuple[int, int] | None, position: int) -> str | None:
        """The entity a speaker phrase at ``span`` names (None: the last speaker's words go on)."""
        found = self.last if span is None else self._phrase(span[0], span[1], position)
        if found is not None:
            self.last = found
            self.spoken.append((position, found))
        return found

    def resolve_each(self, span: tuple[int, int] | None, position: int) -> list[str | None]:
        """The entities a speaker phrase names: two where it joins two speakers of their own
        (``Indian and Chinese officials``, ``a Pakistani spokesman, …, and the Afghan
        interior ministry``), each of whom makes the claim; else the one ``resolve`` gives."""
        if span is not None:
            joined = re.match(r"(?P<a>.+?),?\s+and\s+(?P<b>.+?)[\s,]*$", self.text[span[0] : span[1]])
            if joined and not re.search(r"(?i)\b(?:each other|one another|its|their|his|her)\b", joined[0]):
                first = self._phrase(span[0] + joined.start("a"), span[0] + joined.end("a"), position)
                second = self._phrase(span[0] + joined.start("b"), span[0] + joined.end("b"), position)
                if first is not None and second is not None and first != second:
                    self.last = second
                    self.spoken += [(position, first), (position, second)]
                    return [first, second]
        return [self.resolve(span, position)]

    def _phrase(self, start: int, end: int, position: int) -> str | None:
        phrase = self.text[start:end].strip(" ,")
        citing = re.search(r"(?:,\s*|\s)citing\s+(?P<cited>[^,]+)", phrase)
        if citing:
            offset = start + self.text[start:end].index(phrase)
            cited = self._phrase(offset + citing.start("cited"), offset + citing.end("cited"), position)
            if cited is not None and self.entities[cited].kind != "outlet":
                return cited
            end = offset + citing.start()
            phrase = self.text[start:end].strip(" ,")
        if re.match(r"(?i)^(?:he|she)$", phrase):
            return self._nearest(set(), position, people=True) or self.last
        if _REFER_BACK.match(phrase):
            return self.last if self.last is not None else self._nearest(set(), position, organisations=True)
        inside = [
            m
            for m in self.mentions[bisect.bisect_left(self._starts, start) : bisect.bisect_left(self._starts, end)]
            if m.end <= end
        ]
        inside = [
            m
            for m in inside
            if not any(
                o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
                for o in inside
            )
        ]
        people = [m for m in inside if self.entities[m.entity].kind == "person"]
        if people:
            return people[-1].entity
        surname = next(
            (
                self._surnames[w.lower()]
                for w in re.findall(r"[A-Za-z-]+", phrase)  # "Japarov’s office": the surname
                if w.lower() in self._surnames and w[0].isupper()
            ),
            None,
        )
        if surname is not None:
            return surname
        heads = [m for m in inside if not self._after_preposition(m, start)]
        for mention in reversed(heads):
            rest = self.text[mention.end : end]
            if _POSSESSIVE.match(rest):
                return self._below(mention.entity, rest) or mention.entity
            return mention.entity
        demonym = self._demonym(start, end)
        if demonym is not None:
            return demonym
        words = self._content_words(phrase)
        if words:
            return (
                self._nearest(words, position)
                or self._nearest(words, position, after=True)
                or self._only_one(words)
                or self._of_first_state(phrase, position)
            )
        return None

    def _only_one(self, words: set[str]) -> str | None:
        """The one entry of the registries whose name holds two words or more of a description
        ("the mayor's office in the city of Isfara"), though the text names it otherwise."""
        if len(words) < 2:
            return None
        shared = {entity: len(words & own) for entity, own in self._words.items()}
        best = max(shared.values(), default=0)
        holding = [entity for entity, count in shared.items() if count == best]
        return holding[0] if best >= 2 and len(holding) == 1 else None

    @functools.cached_property
    def _first_state_named(self) -> tuple[float, str]:
        """Where the text first names a state, and which (``inf``: nowhere)."""
        named = ((m.start, m.entity) for m in self.mentions if self.entities[m.entity].kind == "state")
        return next(named, (math.inf, ""))

    @functools.cached_property
    def _first_state_adjective(self) -> tuple[float, str]:
        """Where the text first names a state by its adjective (``Thai``), and which: found
        once for the text, not again for each phrase (a phrase late in a long text would
        read all of it)."""
        for word in re.finditer(r"\b[A-Z][a-z]+\b", self.text):
            state = next((s for s in self._states if demonym_of(word[0], s.name)), None)
            if state is not None:
                return word.start(), state.id
        return math.inf, ""

    def _of_first_state(self, phrase: str, position: int) -> str | None:
        """ "the army", where no army is named: the one of the state the text names first (a
        report is told from its first-named side), if the registries have it."""
        first = self._first_state_named if self._first_state_named[0] < position else None
        by_adjective = self._first_state_adjective
        if by_adjective[0] < (first[0] if first else position):
            first = by_adjective
        if first is None:
            return None
        return self._below(first[1], "'s " + re.sub(r"(?i)^(?:the|its|their)\s+", "", phrase))

    def _after_preposition(self, mention: Mention, start: int) -> bool:
        before = self.text[start : mention.start].split()
        if not before:
            return False
        word = (
            before[-1].lower()
            if before[-1].lower() not in ("the", "a", "an") or len(before) < 2
            else before[-2].lower()
        )
        if word in ("for", "of"):
            return False  # "a spokesperson for the Council": the Council speaks
        if word in ("from", "by", "in") and len(before) >= 2 and before[-2].lower() in _DOCUMENTS | _ROLES:
            return False  # "a statement from SAF's 6th Infantry Division", "a report in Hindustan Times"
        return word in _PREPOSITIONS

    def _below(self, root: str, rest: str) -> str | None:
        """The party under ``root`` whose name holds the words of ``rest`` ("'s defence ministry")."""
        words = self._content_words(_POSSESSIVE.sub("", rest, count=1).split(",")[0])
        if not words:
            return None
        matches = [
            e
            for e in self.entities.values()
            if e.kind != "outlet"
            and words <= self._words[e.id]
            and self._under(e.id, root)  # words first: walking up is dearer
        ]
        return min(matches, key=lambda e: (e.kind == "person", len(e.name.split()), e.id)).id if matches else None

    def _under(self, entity: str, root: str) -> bool:
        seen: set[str] = set()
        current: str | None = entity
        while current is not None and current not in seen:
            if current == root:
                return True
            seen.add(current)
            current = self.entities[current].parent if current in self.entities else None
        return False

    def _demonym(self, start: int, end: int) -> str | None:
        """ "Valdorian officials": the state, or the party under it the words that follow name."""
        for word in re.finditer(r"\b[A-Z][a-z]+\b", self.text[start:end]):
            for state in self._states:
                if demonym_of(word[0], state.name):
                    rest = self.text[start + word.end() : end]
                    return self._below(state.id, "'s " + rest) or state.id
        return None

    def _content_words(self, phrase: str) -> set[str]:
        """The words of a description that can name an entity: no stop words, roles or unknown names."""
        words = set()
        for word in re.findall(r"[A-Za-z]{2,}", phrase):
            lower = word.lower()
            if lower in _STOP or lower in _ROLES:
                continue
            if lower in _PEOPLE:
                return set()  # "residents", "a teacher": nobody of the registries
            if word[0].isupper() and _stem(word) not in self._known_stems:
                continue  # an unknown name ("Colonel Piet Aran")
            words.add(_stem(word))
        return words

    def _nearest(
        self, words: set[str], position: int, organisations: bool = False, people: bool = False, after: bool = False
    ) -> str | None:
        """The entity named or speaking closest before ``position`` whose words hold ``words``
        (with ``after``: the first named after it, for a headline that names its source in brief)."""
        if after:
            cut = bisect.bisect_right(self._starts, position)
            order: Iterable[tuple[int, str]] = ((m.start, m.entity) for m in self.mentions[cut:])
        else:
            cut = bisect.bisect_left(self._starts, position)
            named = ((m.start, m.entity) for m in reversed(self.mentions[:cut]))
            order = heapq.merge(named, reversed(self.spoken), key=lambda item: -item[0])
        for _, entity in order:
            candidate = self.entities[entity]
            if (organisations and candidate.kind in ("person", "outlet")) or (people and candidate.kind != "person"):
                continue
            if words <= self._words[entity]:
                return entity
        return None
