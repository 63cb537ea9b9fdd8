"""The building blocks of the input model: checked value types (ids, dates, addresses,
text, Markdown prose) and the kinds each field may take."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from anyascii import anyascii
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from generator.text import writing

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG_RE = re.compile(SLUG_PATTERN)
_WIKIDATA_RE = re.compile(r"^Q[1-9][0-9]*$")
_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def slugify(text: str) -> str:
    """A slug suggestion for ``text`` in any script: transliterated to ASCII by anyascii
    (``Əliyev`` → ``eliyev``, ``Փաշինյան`` → ``pashinyan``, ``王毅`` → ``wang-yi``),
    lowercase words joined by hyphens."""
    return "-".join(re.findall(r"[a-z0-9]+", _ascii(text).lower().replace("'", ""))) or "item"


_SYLLABIC = ("CJK", "HANGUL")  # scripts whose one sign spells a syllable


def _ascii(text: str) -> str:
    """``text`` in ASCII. A syllable written as one sign (a Chinese character, a Korean
    block) comes out capitalised and run on to the next (``WangYi``): each is kept apart."""
    if text.isascii():
        return text
    out = []
    for char in text:
        spelled = anyascii(char)
        if unicodedata.name(char, "").startswith(_SYLLABIC):
            spelled = f" {spelled} "
        out.append(spelled)
    return "".join(out)


# Ids become file names: these would collide with a section's index page, or
# cannot be files on Windows.
RESERVED_IDS = frozenset(
    ["index", "con", "prn", "aux", "nul"] + [f"com{n}" for n in range(10)] + [f"lpt{n}" for n in range(10)]
)


def is_slug(value: Any) -> bool:
    """Whether ``value`` is an id's form (a reserved name is still refused as an id)."""
    # fullmatch: '$' alone would accept an id that ends in a line break
    return isinstance(value, str) and len(value) <= 80 and bool(_SLUG_RE.fullmatch(value))


def check_id(value: str) -> str:
    """``value`` if it may be an id (a slug of at most 80 characters, not a reserved name); else
    a ValueError saying what to write instead. Validation and ``new`` both ask this."""
    if not is_slug(value):
        suggestion = slugify(value)[:80].rstrip("-")
        raise ValueError(
            f"'{value}' is not a valid id: use at most 80 lowercase letters, digits and single hyphens"
            f" (for example '{suggestion}')"
        )
    if value in RESERVED_IDS:
        raise ValueError(f"'{value}' is a reserved name and cannot be an id (for example '{value}-1')")
    return value


def _check_url(value: str) -> str:
    """An http(s) address; a scheme in capitals (``HTTPS://``) is written in lowercase."""
    if value != value.strip() or any(ch.isspace() or ord(ch) < 32 for ch in value):
        raise ValueError("a URL must not contain spaces or control characters")
    if len(value) > 2000:
        raise ValueError(f"this URL is {len(value)} characters long; addresses of more than 2000 are refused")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"'{value}' is not an http(s) URL: only http:// and https:// links are allowed")
    return parts.scheme + value[len(parts.scheme) :]


def _parse_date(value: Any) -> Any:
    """Accept a YAML date or an ISO ``YYYY-MM-DD`` string; refuse numbers and times."""
    if isinstance(value, dt.datetime):
        raise ValueError("give a date without a time, as YYYY-MM-DD")
    if isinstance(value, dt.date):
        return _plausible(value)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"'{value}' is not a real calendar date") from None
        return _plausible(day)
    raise ValueError(f"{value!r} is not a date: write it as YYYY-MM-DD, for example 2023-05-11")


# Characters with no business in metadata text: control characters (a line break and a
# tab are allowed) and the marks that embed, override or isolate text direction, which
# would reverse whatever follows them on a page or in a terminal.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Characters that show nothing: spaces of every width, joiners and the blank fillers.
_INVISIBLE = re.compile("[\\s\u00ad\u034f\u115f\u1160\u180e\u200b-\u200f\u2060-\u2064\u2800\u3164\ufeff\uffa0]+")
MAX_TEXT = 20_000
MAX_PROSE = 100_000
MAX_NAME = 300


FIRST_YEAR, LAST_YEAR = 1000, 2100  # the years a date may have: outside them it is a slip


def _plausible(day: dt.date) -> dt.date:
    if day.year < FIRST_YEAR:
        raise ValueError(
            f"{day.isoformat()} is before the year {FIRST_YEAR} | hint: check the year, written with four digits"
        )
    if day.year > LAST_YEAR:
        raise ValueError(f"{day.isoformat()} is after the year {LAST_YEAR} | hint: check the year")
    return day


def _check_text(value: str, limit: int = MAX_TEXT) -> str:
    if not _INVISIBLE.sub("", value):
        raise ValueError("this text is empty or shows nothing (only spaces or invisible characters)")
    if len(value) > limit:
        raise ValueError(f"this text is {len(value):,} characters long; at most {limit:,} are accepted here")
    bad = _FORBIDDEN.search(value)
    if bad:
        raise ValueError(
            f"the character U+{ord(bad[0]):04X} at position {bad.start() + 1} is a control "
            "character or a direction override, which is not allowed in metadata | hint: "
            "delete it (copying from some pages brings it along invisibly)"
        )
    return value


def _check_name(value: str) -> str:
    _check_text(value, MAX_NAME)
    if "\n" in value.strip() or "\r" in value:
        raise ValueError("a name or title is one line | hint: write it on one line, or quote it")
    _check_look_alikes(value)
    return value


_TAGS = re.compile("[\U000e0000-\U000e007f]")  # invisible "tag" characters
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN")


def _check_look_alikes(value: str) -> None:
    """A name that looks like another but is other characters would name a second entity
    unseen: invisible tag characters, letters written decomposed (NFD: e + a combining
    accent), or a word mixing Latin, Cyrillic, Greek or Armenian letters (a Cyrillic 'а' in 'Bаku')."""
    tag = _TAGS.search(value)
    if tag:
        raise ValueError(
            f"the invisible character U+{ord(tag[0]):04X} at position {tag.start() + 1} is not allowed in a name "
            "| hint: delete it (it shows nothing, but makes the name another one)"
        )
    if unicodedata.normalize("NFC", value) != value:
        raise ValueError(
            "this name is written with letters and accents apart (Unicode NFD), so it differs from the "
            "same name typed as one letter each | hint: retype the accented letters, or write it as "
            + repr(unicodedata.normalize("NFC", value))
        )
    for word in re.findall(r"\w+", value):
        scripts: dict[str, str] = {}
        for character in word:
            script = next((s for s in _SCRIPTS if unicodedata.name(character, "").startswith(s)), None)
            if script:
                scripts.setdefault(script, character)
        if len(scripts) > 1:
            named = ", ".join(f"'{c}' ({unicodedata.name(c).title()})" for c in scripts.values())
            raise ValueError(
                f"the word '{word}' mixes the letters of {' and '.join(s.title() for s in scripts)}: {named} "
                "| hint: retype the word in one alphabet; a look-alike letter makes it another name"
            )


# Link targets: inline ``](target``, autolinks ``<scheme:...>``, and reference definitions
# ``[label]: target`` (in a blockquote too, the target perhaps on the next line). Every
# part is anchored or bounded, so that the scan is linear in the length of the text.
_MARKDOWN_LINK = re.compile(
    r"\]\(\s*<?([^)\s>]*(?:[ \t]+(?![\"'(])[^)\s>]+)*)|<([A-Za-z][A-Za-z0-9+.-]*:[^<>\s]*)>"
    r"|^[ \t>]*\[[^\]\n]+\]:[ \t]*\n?[ \t>]*<?([^\s>]+)",
    re.M,
)
_EMAIL_AUTOLINK = re.compile(r"<[^<> !]+@[^@<> ]+>")  # what Python-Markdown makes a mailto: link
# The structure at the start of a line: indentation, blockquote marks and list markers.
_LINE_STRUCTURE = re.compile(r"^(?:[ \t>]|[*+-][ \t]|\d{1,9}[.)][ \t])*", re.M)
MAX_NESTING = 100  # characters of structure before a line's text: some 25 levels
# A paragraph or list item: the unit the Markdown converter reads inline markup in, in time
# that grows faster than its length (a run of backslashes, brackets or emphasis marks).
# Capped, the time of a field is linear in its length; the longest real one is some 800.
MAX_PARAGRAPH = 5_000
_PARAGRAPH_BREAK = re.compile(r"\n[ \t>]*\n|\n(?=[ \t>]*(?:[*+-]|\d{1,9}[.)])[ \t])")


def _check_prose(value: str) -> str:
    """Markdown prose: every link and image must point to an http(s) address."""
    _check_text(value, MAX_PROSE)
    if "![" in value:
        raise ValueError("images are not allowed in prose: link to the picture with [text](https://...) instead")
    deepest = max((len(m[0].expandtabs(4)) for m in _LINE_STRUCTURE.finditer(value)), default=0)
    if deepest > MAX_NESTING:
        raise ValueError(
            f"lists or quotes are nested too deep ({deepest} characters of indentation and markers "
            f"before a line's text; at most {MAX_NESTING}) | hint: flatten the list"
        )
    longest = max(map(len, _PARAGRAPH_BREAK.split(value)))
    if longest > MAX_PARAGRAPH:
        raise ValueError(
            f"a paragraph of {longest:,} characters; write at most {MAX_PARAGRAPH:,} between blank lines "
            "| hint: break it into paragraphs with a blank line"
        )
    if _EMAIL_AUTOLINK.search(value):
        raise ValueError(
            "an e-mail address in <...> is not a link the site shows | hint: "
            "write the address without the angle brackets, or link to an https:// page"
        )
    bad = [
        target
        for match in _MARKDOWN_LINK.finditer(value)
        if not re.match(r"^https?://[^/\s]\S*$", target := next(g for g in match.groups() if g is not None), re.I)
    ]
    spaced = [target for target in bad if re.match(r"^https?://\S+\s", target, re.I)]
    if spaced:
        raise ValueError(f"the link address '{spaced[0]}' contains a space | hint: write a space in an address as %20")
    if bad:
        listed = ", ".join(f"'{target}'" for target in bad)
        raise ValueError(f"link target(s) {listed} not http(s): link only to full https:// addresses")
    return value


def check_file_name(value: str) -> str:
    if len(value) > 200:
        raise ValueError(
            f"this file name is {len(value)} characters long; use at most 200 (file systems refuse longer names)"
        )
    if (not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", value)) or ".." in value:
        raise ValueError(
            f"'{value}' is not a plain file name: name a file in the same folder, "
            "using letters, digits, '.', '_' and '-' (for example 'statement.txt')"
        )
    return value


def _check_wikidata(value: str) -> str:
    if not _WIKIDATA_RE.fullmatch(value):
        raise ValueError(f"'{value}' is not a Wikidata item id such as Q399")
    return value


def is_language_code(value: str) -> bool:
    """Whether ``value`` is a BCP 47 code of a language the Unicode CLDR knows (``th``, ``km``, ``zh-Hant``)."""
    return bool(_LANGUAGE_RE.fullmatch(value)) and writing.is_known_language(value)


def _check_language(value: str) -> str:
    if not is_language_code(value):
        raise ValueError(
            f"'{value}' is not a language code such as 'en', 'th', 'km' or 'hy' | hint: give the BCP 47 code "
            "of the language (ISO 639-1 where it has one: 'th' for Thai, 'km' for Khmer)"
        )
    return value


Slug = Annotated[str, AfterValidator(check_id), Field(json_schema_extra={"pattern": SLUG_PATTERN})]


def _refers_to(*kinds: str) -> Any:
    """The schema of an id of an entry of one of ``kinds``. The schemas say which (``x-refers-to``),
    so that the editor schemas written for a seed can offer the ids that exist (see ``schema``)."""
    return Field(json_schema_extra={"pattern": SLUG_PATTERN, "x-refers-to": list(kinds)})


PartyId = Annotated[str, AfterValidator(check_id), _refers_to("party")]
LocationId = Annotated[str, AfterValidator(check_id), _refers_to("location")]
OutletId = Annotated[str, AfterValidator(check_id), _refers_to("outlet")]
GiverId = Annotated[str, AfterValidator(check_id), _refers_to("party", "outlet")]
SubjectId = Annotated[str, AfterValidator(check_id), _refers_to("party", "location")]
TopicId = Annotated[str, AfterValidator(check_id), _refers_to("topic")]
QuestionId = Annotated[str, AfterValidator(check_id), _refers_to("question")]
ClaimId = Annotated[str, AfterValidator(check_id), _refers_to("claim")]
DocumentId = Annotated[str, AfterValidator(check_id), _refers_to("document")]
Url = Annotated[str, AfterValidator(_check_url), Field(json_schema_extra={"pattern": "^https?://"})]
Date = Annotated[dt.date, BeforeValidator(_parse_date)]


def _check_unique(values: list[str]) -> list[str]:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"'{value}' is named twice in this list | hint: name it once")
        seen.add(value)
    return values


Text = Annotated[str, AfterValidator(_check_text)]
Name = Annotated[str, AfterValidator(_check_name)]
Ids = Annotated[list[Slug], AfterValidator(_check_unique)]
PartyIds = Annotated[list[PartyId], AfterValidator(_check_unique)]
LocationIds = Annotated[list[LocationId], AfterValidator(_check_unique)]
OutletIds = Annotated[list[OutletId], AfterValidator(_check_unique)]
SubjectIds = Annotated[list[SubjectId], AfterValidator(_check_unique)]
ClaimIds = Annotated[list[ClaimId], AfterValidator(_check_unique)]
FileName = Annotated[str, AfterValidator(check_file_name)]
Prose = Annotated[str, AfterValidator(_check_prose)]
WikidataId = Annotated[str, AfterValidator(_check_wikidata), Field(json_schema_extra={"pattern": _WIKIDATA_RE.pattern})]
Language = Annotated[str, AfterValidator(_check_language), Field(json_schema_extra={"pattern": _LANGUAGE_RE.pattern})]


class Strict(BaseModel):
    """Base of every input class: unknown fields are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


PartyKind = Literal[
    "state",
    "government",
    "government-body",
    "armed-forces",
    "person",
    "alliance",
    "international-organisation",
    "de-facto-authority",
    "armed-group",
    "media",
    "other",
]
LocationKind = Literal[
    "country",
    "region",
    "city",
    "village",
    "corridor",
    "border-area",
    "site",
    "other",
]
OutletKind = Literal[
    "wire-agency",
    "newspaper",
    "broadcaster",
    "news-website",
    "aggregator",
    "official-body",
    "blog",
    "other",
]
HopRole = Literal["original-reporting", "wire", "own-reporting", "republisher", "aggregator", "translation"]
# Roles of a hop that may draw on nothing: the originals a claim is traced to.
ORIGINAL_ROLES = frozenset({"original-reporting", "wire"})
ClaimKind = Literal[
    "casualty-report",
    "accusation",
    "denial",
    "statement-of-intent",
    "diplomatic-statement",
    "assessment",
    "factual-report",
    "territorial-claim",
]
ClaimStatus = Literal["unverified", "disputed", "corroborated", "false", "outdated"]
BoilerplateKind = Literal["byline", "dateline", "author-bio", "source-line", "headline", "related-link", "other"]
DocumentKind = Literal["news-article", "official-statement", "wire-report", "report", "transcript", "other"]
PartialCopy = Literal["opening", "excerpt"]
GeometryType = Literal["LineString", "MultiLineString", "Polygon", "MultiPolygon"]


# What the input reference calls each checked type.
VALIDATOR_NAMES: dict[object, str] = {
    check_id: "id",
    _check_url: "http(s) URL",
    _parse_date: "date (YYYY-MM-DD)",
    _check_text: "text",
    _check_name: "text (one line)",
    check_file_name: "file name",
    _check_prose: "Markdown text",
    _check_wikidata: "Wikidata id",
    _check_language: "language code",
}
