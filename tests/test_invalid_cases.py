"""Each file under cases/invalid/ is one broken variant of the fixture corpus.

A case names the files it replaces (``files``, or ``files_bytes`` for raw
bytes), the files it removes, and every problem the run must report, as
``path:line:column rule "part of the message or hint"``. The run must report
exactly those problems: none missing, none extra.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.build.pipeline import check
from generator.load import yaml_reader
from tests.conftest import MINI, copy_corpus

CASES = sorted((Path(__file__).parent / "cases" / "invalid").glob("*.yaml"))
_EXPECT = re.compile(r'^(?P<where>\S+:\d+:\d+) (?P<rule>[a-z-]+)(?: "(?P<text>.*)")?$')


def _apply(case: dict, corpus: Path) -> None:
    for name, content in (case.get("files") or {}).items():
        (corpus / name).write_text(content, encoding="utf-8")
    for name, content in (case.get("files_bytes") or {}).items():
        (corpus / name).write_bytes(content.encode("latin-1"))
    for name in case.get("remove") or []:
        (corpus / name).unlink()


@pytest.fixture(params=["libyaml", "pure-python"])
def yaml_parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every case runs with both YAML parsers: libyaml when present, the pure-Python one otherwise."""
    if request.param == "pure-python":
        monkeypatch.setattr(yaml_reader, "_FAST_LOADER", None)
    return request.param


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_invalid_case(case_file: Path, tmp_path: Path, yaml_parser: str) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    _apply(case, corpus)

    checked = check(corpus, corpus)
    problems = checked.problems + checked.warnings

    reported = {f"{p.path}:{p.line}:{p.column} {p.rule}": p for p in problems}
    expected = [_EXPECT.match(line) for line in case["expect"]]
    assert all(expected), f"malformed expectation in {case_file.name}"
    expected_keys = {f"{m['where']} {m['rule']}" for m in expected}
    listing = "\n".join(p.format_text() for p in problems)
    assert set(reported) == expected_keys, f"reported:\n{listing}"
    for match in expected:
        problem = reported[f"{match['where']} {match['rule']}"]
        if match["text"]:
            assert match["text"] in problem.message + " " + problem.hint, problem.format_text()
        assert problem.hint, f"every problem needs a hint: {problem.format_text()}"
