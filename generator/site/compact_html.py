"""A written page without the template's indentation and blank lines.

The theme's templates indent every line and leave a blank line for each of their
own tags, which is about a fifth of a page's bytes. A browser shows a run of white
space in text as one space (or as nothing, between blocks), so a line break and all
the white space after it (indentation, blank lines) become that one line break: the
page reads the same, character for character, and its source is still one element
per line.

Nothing else changes. Inside ``pre``, ``textarea``, ``script`` and ``style`` and
inside comments, where white space is the content, nothing is touched; spaces
within a line are kept; entities are not decoded, so what is escaped stays escaped.
Attribute values written by the generator hold no line break (``inline.attr``
joins their words with single spaces), so no value changes either.
"""

from __future__ import annotations

import re

# Split on the elements whose white space is content: the odd parts are kept whole.
_KEPT = re.compile(
    r"(<(?:pre|textarea|script|style)\b.*?</(?:pre|textarea|script|style)\s*>|<!--.*?-->)",
    re.DOTALL | re.IGNORECASE,
)
_BREAK = re.compile(r"\n[ \t\r\n\f]*")


def compact(page: str) -> str:
    """The page with each line break's following white space taken out."""
    parts = _KEPT.split(page)
    parts[::2] = [_BREAK.sub("\n", part) for part in parts[::2]]
    return "".join(parts).lstrip()
