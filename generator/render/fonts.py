"""Which of the site's font stylesheets a page needs for the scripts its text shows.

The site serves its own fonts for scripts a reader's system may lack (Thai, Khmer,
Arabic, ...), one stylesheet a script under ``docs/assets/fonts/`` (written by
``scripts/vendor.sh``). Every stylesheet declares the same family with a unicode-range
of its own, so a page links those its text needs and the browser downloads a font only
for the characters it shows; a page of Latin text links none.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterable
from pathlib import Path

FONTS = Path(__file__).resolve().parents[2] / "docs" / "assets" / "fonts"
SITE_FOLDER = "assets/fonts"  # where FONTS lands in the built site, relative to docs/
LAST_LATIN = 0x036F  # Latin, IPA and combining accents: always the system's fonts

_RANGE = re.compile(r"unicode-range:\s*([^;]+);")
_SPAN = re.compile(r"U\+([0-9A-Fa-f]{1,6})(?:-([0-9A-Fa-f]{1,6}))?")


def stylesheets_for(texts: Iterable[str], folder: Path = FONTS) -> tuple[str, ...]:
    """The font stylesheets (``assets/fonts/thai.css``, ...) a page of these texts needs, sorted.

    Each distinct character above U+036F is looked up once, by bisection among the spans.
    """
    starts, spans = _spans(folder)
    found: set[str] = set()
    for text in texts:
        if text.isascii():
            continue
        for character in set(text):
            point = ord(character)
            if point > LAST_LATIN:
                at = bisect_right(starts, point) - 1
                if at >= 0 and point <= spans[at][1]:
                    found.add(spans[at][2])
    return tuple(sorted(found))


@functools.cache
def _spans(folder: Path) -> tuple[tuple[int, ...], tuple[tuple[int, int, str], ...]]:
    """Every span of the stylesheets' unicode-ranges as (first, last, stylesheet), by first code point.

    Read once per folder: the files are the site's own and change only with ``scripts/vendor.sh``.
    """
    spans = sorted(
        {
            (int(first, 16), int(last or first, 16), f"{SITE_FOLDER}/{css.name}")
            for css in folder.glob("*.css")
            for declared in _RANGE.findall(css.read_text(encoding="utf-8"))
            for first, last in _SPAN.findall(declared)
        }
    )
    return tuple(first for first, _, _ in spans), tuple(spans)
