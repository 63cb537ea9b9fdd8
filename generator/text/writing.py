"""Writing systems: scripts written without spaces between words, a text's direction,
and a language's name.

Thai, Lao, Khmer, Myanmar, Chinese and Japanese run their words together: a name or a
quoted passage can begin anywhere in a line, so matching there cannot wait for a space
or a word boundary (``quotes``, ``mentions``). Arabic, Persian and Hebrew run right to
left: pages give each text the direction of its own first letter. Language names come
from the Unicode CLDR data that Babel carries, and from ISO 639 (pycountry) for the
languages CLDR leaves out.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import pycountry
from babel import Locale, UnknownLocaleError

# Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer (and its
# symbols), Japanese kana, CJK ideographs (and their extensions and compatibility forms).
UNSPACED_RANGES = (
    ("\u0e00", "\u0eff"),
    ("\u1000", "\u109f"),
    ("\u1780", "\u17ff"),
    ("\u19e0", "\u19ff"),
    ("\u3040", "\u30ff"),
    ("\u3400", "\u4dbf"),
    ("\u4e00", "\u9fff"),
    ("\uf900", "\ufaff"),
    ("\U00020000", "\U0003134f"),
)
UNSPACED = "".join(f"{low}-{high}" for low, high in UNSPACED_RANGES)  # for a regex character class
_UNSPACED_CHAR = re.compile(f"[{UNSPACED}]")
UNSPACED_RUN = re.compile(f"[{UNSPACED}]+")


def is_unspaced(char: str) -> bool:
    """Whether ``char`` belongs to a script written without spaces between words."""
    return _UNSPACED_CHAR.match(char) is not None


def has_unspaced(text: str) -> bool:
    return _UNSPACED_CHAR.search(text) is not None


def words(text: str) -> list[tuple[int, str]]:
    """The words of ``text`` for comparing passages, each with where it starts: runs of
    non-space characters, and, in a script written without spaces, every two letters in a
    row (``กองทัพ`` → ``กอ``, ``อง``, ``งท``, …), which find a passage wherever it begins
    without a dictionary of the language."""
    found: list[tuple[int, str]] = []
    for token in re.finditer(r"\S+", text):
        word, start = token[0], token.start()
        if not has_unspaced(word):
            found.append((start, word))
            continue
        at = 0
        for run in UNSPACED_RUN.finditer(word):
            if run.start() > at:
                found.append((start + at, word[at : run.start()]))
            letters = run[0]
            pairs = [letters[i : i + 2] for i in range(max(len(letters) - 1, 1))]
            found += [(start + run.start() + i, pair) for i, pair in enumerate(pairs)]
            at = run.end()
        if at < len(word):
            found.append((start + at, word[at:]))
    return found


def direction(text: str) -> str:
    """``rtl`` if the first letter of ``text`` that has a direction runs right to left
    (Arabic, Hebrew, Syriac, Thaana…), else ``ltr``."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def primary(code: str) -> str:
    """The language of a BCP 47 code, without its script or region: ``zh-Hant`` → ``zh``, ``EN-gb`` → ``en``."""
    return code.split("-")[0].casefold()


@functools.cache
def language_name(code: str) -> str:
    """The English name of a BCP 47 language code (``th`` → ``Thai``, ``km`` → ``Khmer``,
    ``zh-Hant`` → ``Chinese (Traditional)``), from CLDR, else from ISO 639 (``prs`` → ``Dari``);
    the code itself where neither has one."""
    try:
        name = Locale.parse(code, sep="-").get_display_name("en")
    except (ValueError, TypeError, UnknownLocaleError):
        name = None
    if name:
        return str(name)
    listed = _iso_639(primary(code))
    return listed or code


@functools.cache
def is_known_language(code: str) -> bool:
    """Whether the language of a BCP 47 code (its first part) is one CLDR or ISO 639 knows."""
    first = primary(code)
    try:
        Locale.parse(first)
    except (ValueError, TypeError, UnknownLocaleError):
        return _iso_639(first) is not None
    return True


def _iso_639(code: str) -> str | None:
    """The ISO 639 name of a two- or three-letter language code, if it has one."""
    key = "alpha_2" if len(code) == 2 else "alpha_3"
    found = pycountry.languages.get(**{key: code.lower()})
    return None if found is None else str(found.name)
