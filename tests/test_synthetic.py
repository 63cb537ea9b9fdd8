"""The synthetic corpus used by the benchmark is valid, and the same for the same seed."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.build.pipeline import check
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from synthetic_corpus import build


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_synthetic_corpus_validates_and_is_deterministic(tmp_path: Path) -> None:
    counts = build(tmp_path / "a", 60, seed=3)
    assert counts["documents"] == 60 and counts["claims"] > 60
    checked = check(tmp_path / "a", tmp_path / "a")
    assert checked.problems == []
    assert any(c.disputes for d in checked.corpus.documents.values() for c in d.meta.claims)
    build(tmp_path / "b", 60, seed=3)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
