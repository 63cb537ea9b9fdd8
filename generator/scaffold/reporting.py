"""The grammar of reported speech: reporting verbs, and where a speaker phrase and
the words attributed to it start and end.

"Stance" verbs carry their claim in their object ("accused Kessin of …",
"denied that …"), so the words attributed start at the verb. The words
attributed never keep a trailing credit or aside (``…, according to X``,
``…, a day after …``), and never end inside a quotation.
"""

from __future__ import annotations

import re

from generator.text.sentences import Span, inside_any

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
    r"condemning|rejected|rejects|calls on|called on|urged|urges|demanded|demands|vowed|vows|"
    r"dismissed|dismisses|dismissing"
)
_ISSUED = (
    r"(?:released|issued|published|put out|posted)\s+(?:a|an)\s+(?:\w+\s+)?"
    r"(?:statement|communiqu[eé]|press release|video)"
)
VERB = re.compile(rf"\b(?:{_ISSUED}|{_SAY}|{_STANCE})\b")
ISSUED_RE = re.compile(_ISSUED)
STANCE_RE = re.compile(rf"^(?:{_STANCE})$")
# Credits and asides after the content: not part of what the speaker said.
_TRAILING = re.compile(
    r",[”\"]?\s+(?:a day|hours|days|a week|weeks|months) (?:after|before)\b.*$"
    r"|,\s+(?:as reported by|according to|citing|speaking on condition|speaking to|who spoke|in a "
    r"(?:statement|post|televised|video|letter|briefing)|on condition)\b.*$"
    r"|,\s+[^,]{1,60}\s(?:reported|said|says|told [^,]+)\.?$"
    r"|,\s+which came (?:after|amid)\b.*$"
    r"|,\s+(?:though|although)\s+it(?:’s|'s| is)\s+(?:still\s+)?(?:unclear|not clear|not known)\b.*$"
    r"|\s+\((?=[^()]*\d)[^()]*\)[.,;:!?]?$"  # a time or date in parentheses: "(8:40pm AEDT)", "(June 24)"
    r"|\s+\[?\(sic!?\)\]?[.,;:!?]?$"  # an editor's mark, not the speaker's words
)
# Participial clauses that carry another claim of the same speaker.
FOLLOW_ON = re.compile(
    r"(?:,\s+(?:and\s+)?|\s+and\s+)(?:saying|warning|claiming|adding|stressing|insisting|"
    r"calling|accusing|denying|says|said|warned|added|accused|denied)\b"
    r"|,\s+and\s+that\s+"  # "said X, and that Y": a second reported clause
)
# "comment on reports of …", "the statement": after these words a verb's form is a noun.
NOUN_BEFORE = re.compile(
    r"\b(?:the|a|an|of|on|to|for|with|by|these|those|such|media|news|press|its|their|his|"
    r"her|our|new|latest|earlier|unconfirmed|conflicting)\s+$",
    re.IGNORECASE,
)
OTHER_CLAUSE = re.compile(
    r",\s+(?:while|whereas)\s+|;\s+|(?:\s(?:after|when|as|because)|,\s+and)\s+(?=(?:the |a |an )?"
    r"[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,5}?\s+(?:said|says|told|reported|announced|claimed|insists|insisted)\b)"
    r"|,\s+(?:however|but)\s*,?\s+(?=(?:the |a |an )?[\w’'-]+(?:\s+[\w’'-]+){0,5}?\s+(?:said|says|reported)\b)"
)
# "denied the accusation", "rejected the letter": a stance with no claim of its own.
EMPTY_STANCE = re.compile(rf"^(?:{_STANCE})(?:\s+\S+){{0,2}}(?:\s+(?:on|last|this)\s+\w+)?$")


def content_start(text: str, after_verb: int, end: int) -> int:
    """Where the reported words start after the verb: past ``that``, an addressee
    (``told reporters in Kessin``), a time (``on Tuesday``) and a colon or comma."""
    rest = text[after_verb:end]
    told = re.search(r"(?:told|tells|telling|informed|assured|briefed)$", text[max(0, after_verb - 10) : after_verb])
    skip = re.match(
        r"(?:\s+(?:reporters|journalists|correspondents|"
        + (r"(?:the\s+)?[A-Z]" if told else r"(?!)")
        + r"[\w’'-]*(?:\s+[A-Z][\w’'-]*)*(?:\s+(?:news agency|newspaper|news channel|agency|daily|radio|television))?)"
        r"(?:\s+in\s+[A-Z]\w+)?"
        r"(?=\s+(?:that|on|in|the|a|an|its|his|her|their|it|they|he|she|we|[A-Z]|\d)))?"
        r"(?:\s+(?:(?:on|last|this|late|early)\s+)?(?:\w+day|yesterday|today|tonight|week|month|year|"
        r"night|morning|evening)(?:,?\s+(?:\w+day\s+)?(?:night|morning|evening))?,?)?"
        r"(?:\s+in\s+(?:a|an|its|his|her|their)\s+(?:\w+\s+)?(?:statement|interview|briefing|post|video|"
        r"letter|speech|address|message|report)\b(?:\s+(?:on|to)\s+[\w ]{1,30}?(?=\s+that\b|,))?)?"
        r"(?:\s+by\s+[^,.;]{1,60}?\s+as\s+(?:saying|stating|telling [^,.;]{1,40}?))?"  # quoted by X as saying
        r"\s*[:,]?\s*(?:that\s+)?"
        r"(?:(?:he|she|they|it|we|I)\s+(?:believed|believes|thought|thinks|expected|expects|hoped|hopes)"
        r"\s+(?:that\s+)?)?",
        rest,
    )
    return after_verb + (skip.end() if skip else 0)


def clause_start(text: str, start: int, verb: int) -> int:
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
        if not _joined_subject(before, joins[-1]):
            return start + joins[-1].end()
        but = re.match(r"(?:But|And|Yet)\s+", before)
        return start + (but.end() if but else 0)
    last = before.rfind(", ")
    if last > 0 and 0 < len(before[last + 2 :].split()) <= 6 and _WHO_STARTS.match(before[last + 2 :]):
        return start + last + 2
    opening = re.match(r"(?:[^,]{1,60}),\s+(?=(?:[^,]+)$)", before)
    if (
        opening and len(before[opening.end() :].split()) <= 6 and not re.search(r"\b[A-Z]", before[: opening.end()][1:])
    ) or (opening and re.match(r"(?:In|On|At|During|Meanwhile|However|Separately|Earlier|Later|Last)\b", before)):
        return start + opening.end()
    return start


def _joined_subject(before: str, join: re.Match[str]) -> bool:
    """Whether ``and`` joins two speakers of one verb (``Indian and Chinese officials``,
    ``a Pakistani spokesman, Major-General Waheed Arshad, and the Afghan interior
    ministry``) rather than two clauses: no verb before it, and who-like words on both sides."""
    if join.group().strip(" ,;") != "and":
        return False
    first = re.sub(r"^(?:But|And|Yet)\s+", "", before[: join.start()])
    second = before[join.end() :]
    return (
        0 < len(first.split()) <= 10
        and not VERB.search(first)
        and speaker_like(first)
        and speaker_like(second)
        and not re.search(r"\b(?:[a-z]+ed|is|are|was|were)\b", first.split(",")[0].lower().removeprefix("the "))
    )


# "has said", "also said", "had earlier said": what stands between who and the verb.
_AUXILIARY = re.compile(
    r"(?:\s+(?:has|have|had|also|later|earlier|again|previously|reportedly|further|first|"
    r"then|now|repeatedly|both|all))+\s*$"
)
_WHO_STARTS = re.compile(
    r"(?:[A-Z“\"]|(?:the|a|an|its|his|her|their|our|one|two|three|four|several|some|many|"
    r"officials|residents|sources|witnesses|he|she|they|it|we|i|both)\b)"
)


def speaker_like(before: str) -> bool:
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


def trim(text: str, start: int, end: int, quotes: list[Span] | None = None) -> Span:
    """The attributed words of ``text[start:end]``: without a trailing credit or aside, outer
    spaces and closing punctuation; never ending inside a quotation."""
    segment = text[start:end]
    credit = _TRAILING.search(segment)
    if credit and not inside_any(start + segment.index(" ", credit.start()), quotes or []):
        segment = segment[: credit.start()]
    stripped = segment.rstrip(" .,;:!?")
    a = start + len(segment) - len(segment.lstrip())
    b = start + len(stripped)
    for q_start, q_end in quotes or []:
        if q_start < b < q_end:
            b = q_end
    return (a, max(a, b))
