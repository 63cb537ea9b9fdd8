"""What a YAML syntax error means, in the words of the mistake a contributor made.

A parser reports where it noticed a problem, which is often lines after the
mistake: an unclosed ``[`` on line 6 is noticed on line 8. PyYAML's errors
carry both marks (the construct it was reading and where it gave up); this
module reads both, and the text around them, to name the usual mistakes
(an unquoted colon, a tab, an unclosed bracket or quote, a list item at the
wrong depth) at the place where they were made, with the other place in the
message. Both of PyYAML's parsers (libyaml and the pure-Python one) word
their errors differently, so the diagnosis reads positions and text, not the
parser's words.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import yaml

_CLOSERS = {"[": "]", "{": "}"}
_KEY_VALUE = re.compile(r"^(?P<indent>[ \t]*(?:-[ \t]+)?)(?P<key>[^\s:#'\"][^:#]*?):[ \t]+(?P<value>\S.*)$")


@dataclass(frozen=True)
class Diagnosis:
    """Where the mistake is (1-based), what it is, and how to fix it."""

    line: int
    column: int
    message: str
    hint: str


def diagnose(error: yaml.MarkedYAMLError, text: str) -> Diagnosis:
    lines = text.split("\n")
    problem, context = error.problem_mark, error.context_mark
    where = problem or context
    line, column = (where.line, where.column) if where else (0, 0)
    noticed = f"the parser stopped at line {line + 1}, column {column + 1}"
    for diagnosis in (
        _tab(lines, line),
        _unclosed(error, lines, noticed),
        _list_depth(lines, line, column),
        _colon_in_value(error, lines, line),
        _key_depth(lines, line),
    ):
        if diagnosis:
            return diagnosis
    message = " ".join(part for part in (error.problem, error.context) if part)
    if context and problem and context.line != problem.line:
        message += f" (at line {context.line + 1}, column {context.column + 1})"
    return Diagnosis(
        line + 1,
        column + 1,
        f"YAML syntax error: {message}",
        "check the indentation, colons and quotes between these two places"
        if context and problem and context.line != problem.line
        else "check the indentation, colons and quotes around this position",
    )


def _line(lines: list[str], index: int) -> str:
    return lines[index] if 0 <= index < len(lines) else ""


def _tab(lines: list[str], line: int) -> Diagnosis | None:
    text = _line(lines, line)
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    if "\t" not in indent:
        return None
    return Diagnosis(
        line + 1,
        indent.index("\t") + 1,
        "YAML syntax error: a tab in the indentation",
        "indent with spaces only (YAML does not allow tabs there); set your editor to insert spaces",
    )


def _unclosed(error: yaml.MarkedYAMLError, lines: list[str], noticed: str) -> Diagnosis | None:
    """An unclosed ``[``, ``{`` or quote: the mistake is where it opens."""
    mark = error.context_mark
    context = error.context or ""
    if mark is None or not ("flow" in context or "quoted scalar" in context):
        return None
    opener = _line(lines, mark.line)[mark.column : mark.column + 1]
    position = (mark.line + 1, mark.column + 1)
    if opener in _CLOSERS:
        closer = _CLOSERS[opener]
        what = "list" if opener == "[" else "mapping"
        return Diagnosis(
            *position,
            f"YAML syntax error: the '{opener}' that opens this {what} is never closed ({noticed})",
            f"end the {what} with '{closer}' on the same line, for example "
            + ("`subjects: [alpha, beta]`" if opener == "[" else "`figure: {value: 2, unit: dead}`")
            + ", or check for a missing ',' between items",
        )
    if opener in "\"'":
        other = "'" if opener == '"' else '"'
        return Diagnosis(
            *position,
            f"YAML syntax error: the quote {opener} that starts this value is never closed ({noticed})",
            f"end the value with {opener} on the same line; to write a {opener} inside it, quote the "
            f"value with {other} instead" + (' or write \\"' if opener == '"' else " or write ''"),
        )
    return None


def _list_depth(lines: list[str], line: int, column: int) -> Diagnosis | None:
    """A ``- item`` indented differently from the items of its list."""
    text = _line(lines, line)
    if not text[column:].startswith("-"):
        return None
    for index in range(line - 1, -1, -1):
        before = _line(lines, index)
        stripped = before.lstrip(" ")
        dash = len(before) - len(stripped)
        if stripped.startswith("- ") and dash != column:
            return Diagnosis(
                line + 1,
                column + 1,
                "YAML syntax error: a list item at a different depth from the items before it",
                f"start its '-' at column {dash + 1}, like the item on line {index + 1} (items of one list line up)",
            )
    return None


def _colon_in_value(error: yaml.MarkedYAMLError, lines: list[str], line: int) -> Diagnosis | None:
    """``title: Galwan: a clash``: a value with ``: `` in it reads as another key."""
    match = _KEY_VALUE.match(_line(lines, line))
    if (
        "mapping values" not in (error.problem or "")
        or match is None
        or not (": " in match["value"] or match["value"].rstrip().endswith(":"))
    ):
        return None
    key, value = match["key"].strip(), match["value"].rstrip()
    quoted = json.dumps(value, ensure_ascii=False) if "'" in value else f"'{value}'"
    return Diagnosis(
        line + 1,
        match.start("value") + 1,
        f"YAML syntax error: the value of '{key}' contains ': ', which YAML reads as the start of another key",
        f"put the value in quotes: {key}: {quoted}",
    )


def _key_depth(lines: list[str], line: int) -> Diagnosis | None:
    """A ``key:`` indented differently from the key on the line above it."""
    column = _key_column(_line(lines, line))
    above = next((index for index in range(line - 1, -1, -1) if _line(lines, index).strip()), None)
    if column is None or above is None:
        return None
    expected = _key_column(_line(lines, above))
    if expected is None or expected == column or _line(lines, above).rstrip().endswith(":"):
        return None
    return Diagnosis(
        line + 1,
        column + 1,
        f"YAML syntax error: this key starts at column {column + 1}, but the key above it "
        f"(line {above + 1}) at column {expected + 1}",
        f"start it at column {expected + 1} if it belongs to the same entry",
    )


def _key_column(text: str) -> int | None:
    """Where the key of a ``key: value`` or ``- key: value`` line starts."""
    match = _KEY_VALUE.match(text) or re.match(r"^(?P<indent>\s*(?:-\s+)?)[^\s:#'\"][^:#]*:\s*$", text)
    return len(match["indent"]) if match else None
