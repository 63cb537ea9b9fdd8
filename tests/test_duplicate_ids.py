"""Two entries with one id: the entry a contributor has just written is the one
reported, and no other error follows from it."""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator.build.pipeline import check
from tests.conftest import MINI, copy_corpus

NEW_PARTY = """  - id: wire-one
    name: Wire One Holdings
    kind: other
    description: A company that shares its name with the wire agency.
"""


def _git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-C", str(folder), *args],
        check=True,
        capture_output=True,
    )


def _add_party(corpus: Path) -> None:
    parties = corpus / "parties.yaml"
    parties.write_text(parties.read_text(encoding="utf-8") + NEW_PARTY, encoding="utf-8")


def test_a_new_party_with_an_outlets_id_is_the_one_reported(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "seed")
    _add_party(corpus)
    problems = check(corpus, corpus).problems
    assert [(p.path, p.line, p.rule) for p in problems] == [("parties.yaml", 16, "duplicate-id")], problems
    assert "already the id of an outlet (outlets.yaml line 2)" in problems[0].message


def test_outside_git_the_later_entry_is_reported_and_references_stay_quiet(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    _add_party(corpus)  # parties.yaml is read before outlets.yaml: the outlet comes later
    problems = check(corpus, corpus).problems
    assert [(p.path, p.line, p.rule) for p in problems] == [("outlets.yaml", 2, "duplicate-id")], problems
    assert "already the id of a party (parties.yaml line 16)" in problems[0].message
