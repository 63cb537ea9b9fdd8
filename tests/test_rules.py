"""The rules page and ``python -m generator rules`` are written from the one table of
rules the checks use; every rule is shown at work by a broken fixture."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

from generator.base.rules import RULES
from generator.site.linkcheck import page_of, parse
from tests.conftest import ROOT

CASES = sorted((Path(__file__).parent / "cases" / "invalid").glob("*.yaml"))
# Rules that a broken seed folder written as a case cannot show (a symbolic link, a 50 MB
# file, two names differing only in case, a stray file, a line of 5,001 positions): the tests
# that show them instead.
SHOWN_ELSEWHERE = {
    "unsafe-path": "test_hostile_inputs.py",
    "file-too-large": "test_hostile_inputs.py",
    "case-collision": "test_hostile_inputs.py",
    "unexpected-file": "test_hostile_inputs.py",
    "geometry-too-detailed": "test_maps.py",
}
KEBAB = re.compile(r"[a-z]+(?:-[a-z]+)+")


def test_every_rule_is_shown_at_work_by_a_test() -> None:
    expected = {
        line.split()[1] for case in CASES for line in yaml.safe_load(case.read_text(encoding="utf-8"))["expect"]
    }
    for rule, test_file in SHOWN_ELSEWHERE.items():
        assert f'"{rule}"' in (Path(__file__).parent / test_file).read_text(encoding="utf-8"), rule
    assert sorted(set(RULES) - expected - set(SHOWN_ELSEWHERE)) == []


def test_every_rule_the_code_reports_is_in_the_table() -> None:
    """Each rule id written in a check (a string passed to ``finding`` or ``add``, or the
    first item of a problem tuple) is a registered rule."""
    found: set[str] = set()
    for module in (ROOT / "generator").rglob("*.py"):
        if module.parent.name in ("render", "inputs"):
            continue  # pages and the input model report no problem
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            called = (
                getattr(node.func, "attr", "") or getattr(node.func, "id", "") if isinstance(node, ast.Call) else ""
            )
            if called in ("finding", "add"):
                found |= {
                    arg.value
                    for arg in node.args
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and KEBAB.fullmatch(arg.value)
                }
            elif (
                isinstance(node, ast.Tuple)
                and node.elts
                and isinstance(node.elts[0], ast.Constant)
                and isinstance(node.elts[0].value, str)
                and KEBAB.fullmatch(node.elts[0].value)
                and len(node.elts) == 3
            ):
                found.add(node.elts[0].value)
    assert len(found) > 20
    assert sorted(found - set(RULES)) == []


def test_the_rules_page_explains_every_rule(snapshot_site: Path) -> None:
    from bs4 import BeautifulSoup

    path = page_of(snapshot_site, "contributing/rules")
    assert set(RULES) <= parse(path).ids
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for rule in RULES.values():
        heading = page.find(id=rule.id)
        assert heading is not None and heading.name == "h3", rule.id
        explained = heading.find_next_sibling("p")
        assert explained is not None and explained.get_text() == rule.checks.replace("`", ""), rule.id
        examples = [pre.get_text() for pre in heading.find_next_sibling("div", class_="rule-examples").select("pre")]
        assert examples == [rule.wrong, rule.right], rule.id


def test_the_rules_command_explains_a_rule(capsys) -> None:
    from generator.cli import main

    assert main(["rules", "duplicate-id"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("duplicate-id") and RULES["duplicate-id"].fix in out
    assert main(["rules", "no-such-rule"]) == 2
