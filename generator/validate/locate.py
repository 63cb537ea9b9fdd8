"""A passage found once, word for word, in a text: the one place quotes, evidence and
boilerplate are looked up."""

from __future__ import annotations

from generator.load.folder import Loc
from generator.load.yaml_reader import YamlFile, YamlSource
from generator.text.quotes import NormalizedText, closest_passage, find_all
from generator.validate.checker import Checked, finding, is_placeholder


def locate(
    haystack: NormalizedText,
    passage: str,
    occurrence: int | None,
    where: tuple[YamlFile | YamlSource, Loc],
    text_name: str,
) -> Checked:
    """The span of ``passage`` in the text (the file ``text_name``), or ``None`` with its
    problem found."""
    file, loc = where
    if is_placeholder(passage):
        return None
    spans = find_all(haystack, passage)
    if not spans:
        closest = closest_passage(haystack, passage)
        yield finding(
            file,
            loc,
            "quote-not-found",
            f"this passage does not occur in {text_name}",
            f'copy it exactly from {text_name}; the closest passage is: "{closest}"',
        )
        return None
    if occurrence is None and len(spans) > 1:
        pick = ", or add 'occurrence: N' to pick one" if loc[-1] == "quote" and "claims" in loc else ""
        yield finding(
            file,
            loc,
            "quote-ambiguous",
            f"this passage occurs {len(spans)} times in {text_name}",
            f"lengthen the passage so it occurs once{pick}",
        )
        return None
    index = (occurrence or 1) - 1
    if index >= len(spans):
        yield finding(
            file,
            loc,
            "quote-ambiguous",
            f"'occurrence: {occurrence}' is asked for, but the passage occurs {len(spans)} time(s)",
            f"use a number from 1 to {len(spans)}",
        )
        return None
    return spans[index]
