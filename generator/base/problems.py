"""Problems found in the input: small sortable values with a position.

Every stage appends problems instead of raising, so that one run reports
everything a contributor has to fix. Output formats live here too.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from pathlib import Path

from generator.base.rules import RULES


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, at a 1-based line and column."""

    path: str
    line: int
    column: int
    rule: str
    message: str
    hint: str = ""
    level: str = "error"  # or "warning", as the rule is registered

    @property
    def is_error(self) -> bool:
        return self.level == "error"

    def format_text(self) -> str:
        """``path:line:col: message (rule)`` and the hint on the next line."""
        head = f"{self.path}:{self.line}:{self.column}: {self.level}: {self.message} ({self.rule})"
        return f"{head}\n    hint: {self.hint}" if self.hint else head

    def format_github(self) -> str:
        """A GitHub workflow command that annotates the line in a pull request."""
        text = f"{self.message} ({self.rule})"
        if self.hint:
            text += f"\n{self.hint}"
        text += f"\nRule: python -m generator rules {self.rule}"
        return (
            f"::{self.level} file={_escape_property(self.path)},line={self.line},"
            f"col={self.column},title={_escape_property(self.rule)}::{_escape_data(text)}"
        )


# Characters that would act on a terminal or a CI log instead of being read: control
# characters (a line break ends a line early and can start a workflow command; ESC
# starts a terminal escape), line separators and the marks that reverse text direction.
_ACTING = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2060\ufeff\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """``text`` with every character that would act rather than be read written as an escape
    (``\\n``, ``\\x1b``, ``\\u202e``): the one rule for any value printed to a terminal or log."""
    return _ACTING.sub(
        lambda m: _NAMED.get(m[0]) or (f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}"), text
    )


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


class Problems:
    """An append-only collection of problems, reported once at the end."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._items: list[Problem] = []

    def add(self, path: Path, line: int, column: int, rule: str, message: str, hint: str = "") -> None:
        if rule not in RULES:
            raise KeyError(f"'{rule}' is not a rule of generator/base/rules.py: register it there, with its docs")
        self._items.append(
            Problem(
                visible(self.display_path(path)),
                line,
                column,
                rule,
                visible(message),
                visible(hint),
                RULES[rule].level,
            )
        )

    def display_path(self, path: Path) -> str:
        """The path as a contributor types it: relative to the project when possible."""
        try:  # absolute, but symbolic links not followed: the path as written
            return Path(os.path.abspath(path)).relative_to(os.path.abspath(self.root)).as_posix()
        except ValueError:
            return path.as_posix()

    def extend(self, problems: list[Problem]) -> None:
        self._items.extend(problems)

    def items(self) -> list[Problem]:
        return list(self._items)

    def since(self, count: int) -> list[Problem]:
        """The problems added after the first ``count``."""
        return self._items[count:]

    def sorted(self) -> list[Problem]:
        return sorted(set(self._items))

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)


def format_report(problems: list[Problem], output_format: str = "text") -> str:
    """All problems in one block, followed by a count in the text format."""
    if output_format == "github":
        return "\n".join(p.format_github() for p in problems)
    lines = [p.format_text() for p in problems]
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    counted = [f"{errors} error{'s' if errors != 1 else ''}"] if errors or not warnings else []
    if warnings:
        counted.append(f"{warnings} warning{'s' if warnings != 1 else ''} (the site is built all the same)")
    lines.append(
        f"{' and '.join(counted)} found. Each rule in brackets is explained, with a "
        "wrong and a right example, by 'python -m generator rules <rule>' and on the site's "
        "Validation rules page."
    )
    return "\n".join(lines)


def problems_overlay(problems: list[Problem], rules_url: str) -> str:
    """The problems as a panel over the page, for ``mkdocs serve``: every value escaped,
    each rule linked to its entry on the rules page at ``rules_url``."""
    items = "".join(
        f"<li><code>{html.escape(f'{p.path}:{p.line}:{p.column}')}</code> {html.escape(p.message)} "
        f'<small>(<a href="{html.escape(rules_url)}#{html.escape(p.rule)}">{html.escape(p.rule)}</a>)</small>'
        + (f"<br><em>{html.escape(p.hint)}</em>" if p.hint else "")
        + "</li>"
        for p in problems
    )
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    return (
        f'<div class="briefing-build-error" role="alert"><p><strong>The seed metadata has {count}</strong>; '
        "the pages below are from the last good build. Fix and save: this page reloads.</p>"
        f"<ol>{items}</ol></div>"
    )
