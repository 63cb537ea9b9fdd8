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


def test_every_command_is_documented_in_the_readme() -> None:
    from generator.cli import _parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = next(action for action in _parser()._actions if isinstance(action.choices, dict))
    assert len(commands.choices) >= 6  # type: ignore[arg-type]
    for name in commands.choices:  # type: ignore[union-attr]
        assert f"| `python -m generator {name}" in readme, name


def test_the_add_a_topic_example_is_a_valid_topic() -> None:
    import json
    import re

    import jsonschema
    import yaml

    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = guide.split("## Add a topic", 1)[1].split("\n## ", 1)[0]
    example = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert example is not None
    topic = yaml.safe_load(re.sub(r"(?m)^   ", "", example[1]))
    topic["events"][0]["date"] = str(topic["events"][0]["date"])  # as JSON has it
    schema = json.loads((ROOT / "docs" / "schemas" / "topic.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(topic, schema)
