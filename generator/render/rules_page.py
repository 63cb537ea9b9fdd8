"""The validator's rules for contributors, written from ``generator.base.rules``: what
each checks, a wrong and a right example, and the fix. Each problem the
validator reports names its rule, and the rule's id is its anchor here."""

from __future__ import annotations

import functools

from generator.base.rules import GROUPS, RULES, Rule
from generator.render import markup as mk


@functools.cache  # the same for every corpus: made once per process
def render_rules() -> mk.Page:
    head = mk.front_matter(
        "Validation rules",
        "Every rule the validator applies: what it checks, a wrong and a right example, and the fix.",
        kind="Guide",
    )
    blocks: list[mk.Block] = [
        mk.heading(1, "Validation rules"),
        mk.ours(
            "`python -m generator validate`, `mkdocs build` and `mkdocs serve` check the seed against these "
            "rules. Each problem is reported as `file:line:column: error: message (rule)` with a hint; every "
            "problem of a run is reported together, and a problem that only follows from another is not. "
            "Any problem stops the build, so nothing half-checked is published. "
            "`python -m generator rules <rule>` prints a rule in the terminal."
        ),
    ]
    for group in GROUPS:
        blocks.append(mk.heading(2, group))
        blocks += [_rule(rule) for rule in RULES.values() if rule.group == group]
    return mk.page(head, *blocks)


def _rule(rule: Rule) -> list[mk.Block]:
    return [
        mk.heading(3, rule.id, rule.id),
        mk.ours(rule.checks),
        mk.html(
            '<div class="rule-examples">\n<div><p><strong>Wrong</strong></p>{}</div>\n<div><p><strong>Right</strong>'
            "</p>{}</div>\n</div>",
            mk.code_block(rule.wrong),
            mk.code_block(rule.right),
        ),
        mk.ours(f"**Fix:** {rule.fix}"),
    ]
