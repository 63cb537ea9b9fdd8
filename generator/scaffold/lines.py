"""Where a place in a text is: the line it is on (1-based)."""

from __future__ import annotations

import re


def line_index(text: str) -> list[int]:
    """Offsets where each line starts, for turning an offset into a line number."""
    return [0] + [m.end() for m in re.finditer("\n", text)]


def line_at(line_of: list[int], offset: int) -> int:
    """The line (1-based) the ``offset`` is on, given ``line_index`` of its text."""
    low, high = 0, len(line_of) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if line_of[middle] <= offset:
            low = middle
        else:
            high = middle - 1
    return low + 1
