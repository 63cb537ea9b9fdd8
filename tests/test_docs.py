"""The documentation names only tests and cases that exist."""

from __future__ import annotations

import re

from tests.conftest import ROOT

TESTS = ROOT / "tests"


def test_security_table_names_real_tests() -> None:
    page = (ROOT / "docs" / "contributing" / "security.md").read_text(encoding="utf-8")
    for module, name in re.findall(r"`(test_\w+\.py)::(test_\w+)`", page):
        assert f"def {name}(" in (TESTS / module).read_text(encoding="utf-8"), f"{module}::{name}"
    for module in re.findall(r"`(test_\w+\.py)`", page):
        assert (TESTS / module).is_file(), module
    cases = re.findall(r"`cases/invalid/([\w-]+\.yaml)`", page) + re.findall(r", `([\w-]+\.yaml)`", page)
    assert cases
    for case in cases:
        assert (TESTS / "cases" / "invalid" / case).is_file(), case
