"""Every rule the validator applies: its id, what it checks, a wrong and a right
example, and the fix, written in ``rules.yaml`` beside this module, by group.
The checks report problems under these ids (reporting an id that is not here
fails at once), and the site's rules page and ``python -m generator rules`` are
written from this table, so the documentation cannot drift from the checks.

A rule is an error unless its entry says ``level: warning``: a run with any error
publishes nothing; a warning is reported beside the errors and publishes all the same
(a date read in a quote's sentence can be a date of something else the sentence says).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Rule:
    id: str
    group: str
    checks: str  # what the rule checks, one sentence
    wrong: str  # YAML (or a file listing) that breaks the rule
    right: str  # the same, fixed
    fix: str
    level: str = "error"  # or "warning": reported, but the site is built

    def as_text(self) -> str:
        """The rule for a terminal."""

        def block(example: str) -> str:
            return "".join(f"\n      {line}" for line in example.split("\n"))

        level = ", a warning" if self.level == "warning" else ""
        return (
            f"{self.id} ({self.group}{level})\n  {self.checks}\n  wrong:{block(self.wrong)}"
            f"\n  right:{block(self.right)}\n  fix: {self.fix}"
        )


def _read(path: Path) -> dict[str, Rule]:
    """The rules of ``path``, in its order; an id written twice is a mistake in the table."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    groups = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    rules = [Rule(group=group, **item) for group, items in groups.items() for item in items]
    table = {rule.id: rule for rule in rules}
    odd = [rule.id for rule in rules if rule.level not in ("error", "warning")]
    if odd:
        raise ValueError(f"{path}: the rule '{odd[0]}' has a level other than error or warning")
    if len(table) != len(rules):
        raise ValueError(f"{path}: a rule id is written twice")
    return table


RULES: dict[str, Rule] = _read(Path(__file__).with_name("rules.yaml"))
GROUPS: tuple[str, ...] = tuple(dict.fromkeys(rule.group for rule in RULES.values()))
