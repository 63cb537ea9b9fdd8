"""What a YAML syntax error means, in the words of the mistake a contributor made.

A parser reports where it noticed a problem, which is often lines after the
mistake: an unclosed ``[`` on line 6 is noticed on line 8. PyYAML's errors
carry both marks (the construct it was reading and where it gave up); this
module reads both, and the text around them, to name the usual mistakes
(an unquoted colon, a tab, an unclosed bracket or quote, a backslash escape
YAML does not know, a list item at the wrong depth) at the place where they were made, with the other place in the
message. Both of PyYAML's parsers (libyaml and the pure-Python one) word
their errors differently, so the diagnosis reads positions and text, not the
parser's words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
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
        _escape(error, lines),
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


_DIGITS = {"x": 2, "u": 4, "U": 8}  # hexadecimal digits after \\x, \\u, \\U
_HEX = frozenset("0123456789abcdefABCDEF")


def _escape(error: yaml.MarkedYAMLError, lines: list[str]) -> Diagnosis | None:
    """A backslash escape the parser refused in a double-quoted value (``"C:\\data"``, ``"\\ud800"``):
    the parser stops inside the value, which reads like a quote never closed."""
    problem, opening, words = error.problem_mark, error.context_mark, error.problem or ""
    if problem is None or opening is None or not ("escape" in words or "hexdecimal" in words):
        return None
    stop = (problem.line, problem.column)
    found = None
    for escape in _escapes(lines, opening.line, opening.column):
        if (escape[0], escape[1]) > stop:
            break
        found = escape
    return describe_escape(lines, opening.line, opening.column, found) if found else None


def invalid_escape(lines: list[str], line: int, column: int) -> Diagnosis | None:
    """The first escape of the double-quoted value opening at ``line``, ``column`` (0-based) that
    writes no character: a surrogate (``\\ud800``) or a code past U+10FFFF."""
    for escape in _escapes(lines, line, column):
        code = _code(escape[2])
        if code is not None and (0xD800 <= code <= 0xDFFF or code > 0x10FFFF):
            return describe_escape(lines, line, column, escape)
    return None


def escape_past_unicode(lines: list[str]) -> Diagnosis | None:
    """The first ``\\U`` escape past U+10FFFF of a file (PyYAML's own parser stops on it without
    saying where)."""
    for line, text in enumerate(lines):
        for match in _LONG_ESCAPE.finditer(text):
            if len(match["backslashes"]) % 2 and int(match["digits"], 16) > 0x10FFFF:
                column = match.end("backslashes") - 1
                opening = text.rfind('"', 0, column)
                return describe_escape(lines, line, max(opening, 0), (line, column, text[column : match.end()]))
    return None


_LONG_ESCAPE = re.compile(r"(?P<backslashes>\\+)U(?P<digits>[0-9A-Fa-f]{8})")


def _escapes(lines: list[str], line: int, column: int) -> Iterator[tuple[int, int, str]]:
    """Each backslash escape (line, column, text) of the double-quoted value whose quote is at
    ``line``, ``column``, up to its closing quote."""
    column += 1
    while line < len(lines):
        text = lines[line]
        while column < len(text):
            char = text[column]
            if char == '"':
                return
            if char == "\\":
                kind = text[column + 1 : column + 2]
                length = 2 + _DIGITS.get(kind, 0)
                yield line, column, text[column : column + length]
                column += length
            else:
                column += 1
        line, column = line + 1, 0


def _code(escape: str) -> int | None:
    digits = escape[2:]
    if escape[1:2] not in _DIGITS or len(digits) != _DIGITS[escape[1]] or not _HEX.issuperset(digits):
        return None
    return int(digits, 16)


def describe_escape(lines: list[str], line: int, column: int, escape: tuple[int, int, str]) -> Diagnosis:
    """What is wrong with one escape of a double-quoted value, at the escape, with the fix."""
    at_line, at_column, written = escape
    written = written.split('"')[0]
    kind = written[1:2]
    code = _code(written)
    if kind in _DIGITS and code is None:
        why = f"\\{kind} takes {_DIGITS[kind]} hexadecimal digits"
    elif code is not None and 0xD800 <= code <= 0xDFFF:
        why = "it is half of a surrogate pair (\\ud800 to \\udfff), not a character"
    elif code is not None:
        why = "it is past the last Unicode character, U+10FFFF"
    else:
        why = "in double quotes a backslash starts an escape, such as \\n or \\\\"
    if kind in _DIGITS:
        hint = (
            "write the character itself (the file is UTF-8), or \\U and 8 hexadecimal digits for one past "
            "U+FFFF (U+1F600 is \\U0001F600); a backslash itself is written \\\\"
        )
    else:
        hint = "write a backslash as \\\\" + _as_written(lines, line, column)
    message = f"YAML syntax error: the escape '{written}' in this double-quoted value is invalid: {why}"
    return Diagnosis(at_line + 1, at_column + 1, message, hint)


# What may follow a backslash in double quotes, besides \x, \u and \U and their digits.
_KNOWN = frozenset('0abt\tnvfre "/\\N_LP')


def _as_written(lines: list[str], line: int, column: int) -> str:
    """The value of one line written right: its unknown escapes' backslashes doubled and, if it
    has no escape meant as one, in single quotes."""
    text = _line(lines, line)
    fixed, meant, end = [], False, column + 1
    while end < len(text) and text[end] != '"':
        if text[end] != "\\":
            fixed.append(text[end])
            end += 1
            continue
        kind = text[end + 1 : end + 2]
        length = 2 + _DIGITS.get(kind, 0)
        escape = text[end : end + length]
        code = _code(escape)
        known = kind in _KNOWN or (code is not None and not 0xD800 <= code <= 0xDFFF and code <= 0x10FFFF)
        meant = meant or known
        fixed.append(escape if known else "\\\\")
        end += length if known else 1
    if end >= len(text):  # a value of several lines
        return ", or put the value in single quotes, where a backslash is only a backslash"
    doubled = "".join(fixed)
    if meant:
        return f' ("{doubled}")'
    single = text[column + 1 : end].replace("'", "''")
    return f" (\"{doubled}\"), or put the value in single quotes, where a backslash is only a backslash: '{single}'"


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
