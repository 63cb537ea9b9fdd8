"""The YAML reader gives the same data as PyYAML's safe loader (dates kept as text),
with either parser, for every real metadata file and for every kind of scalar."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.base.problems import Problems
from generator.load import folder as load
from generator.load import yaml_reader
from tests.conftest import MINI, SEEDS


class _PlainSafeLoader(yaml.SafeLoader):
    """PyYAML's own safe loader, with dates left as text as the generator leaves them."""


_PlainSafeLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

SCALARS = """\
empty:
tilde: ~
null_word: null
text: plain words
quoted: "12"
single: 'yes'
int: 12
negative: -3
octal: 0o17
hex: 0x1f
float: 40.2033
exponent: 1e3
infinity: .inf
bool_yes: yes
bool_true: True
bool_off: off
date: 2023-05-11
time_like: 12:30
colon_text: "a: b"
block: |
  two
  lines
folded: >
  one
  line
flow: [a, 1, 2.5, true, null, {k: v}]
nested:
  - id: x
    list: [[1, 2], [3]]
tagged_str: !!str 5
tagged_int: !!int "6"
unicode: Ağdam “quoted”
"""


@pytest.fixture(params=["libyaml", "pure-python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "pure-python":
        monkeypatch.setattr(yaml_reader, "_FAST_LOADER", None)
    return request.param


def _read(text: str) -> object:
    problems = Problems(Path("."))
    parsed = load.parse_yaml(Path("case.yaml"), text, problems)
    assert problems.items() == [] and parsed is not None
    return parsed.data


def test_every_kind_of_scalar(parser: str) -> None:
    assert _read(SCALARS) == yaml.load(SCALARS, Loader=_PlainSafeLoader)
    assert _read(SCALARS)["empty"] is None and _read(SCALARS)["date"] == "2023-05-11"


@pytest.mark.parametrize(
    "path",
    sorted([*SEEDS.rglob("*.yaml"), *MINI.rglob("*.yaml")]),
    ids=lambda p: p.relative_to(p.parents[2]).as_posix(),
)
def test_real_files(parser: str, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _read(text) == yaml.load(text, Loader=_PlainSafeLoader)


def test_positions_are_found_when_asked(parser: str) -> None:
    problems = Problems(Path("."))
    parsed = load.parse_yaml(Path("case.yaml"), "a:\n  b: [x, {c: 1}]\nd: text\n", problems)
    assert parsed is not None
    assert parsed.position(("a", "b", 1, "c")) == (2, 14)
    assert parsed.position(("a", "b", 1, "c"), prefer_key=True) == (2, 11)
    assert parsed.position(("d",), prefer_key=True) == (3, 1)
    assert parsed.position(("a", "missing", 3)) == (2, 3)  # the nearest written parent
