"""Names in a new text that no registry knows: runs of capitalised words that are not the
opening of a sentence, a title or a time zone, each with the lines it is on."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from generator.inputs import slugify
from generator.scaffold.lines import line_at
from generator.text.mentions import Mention
from generator.text.sentences import sentence_spans

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


def unknown_names(text: str, known: list[Mention], line_of: list[int]) -> list[UnknownName]:
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
        line = line_at(line_of, start)
        if line not in entry.lines:
            entry.lines.append(line)
    return sorted(_folded(found), key=lambda u: (u.lines[0], u.name))


def registered(names: list[UnknownName], ids: set[str]) -> list[UnknownName]:
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
