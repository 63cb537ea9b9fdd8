"""The second real document, added with the contributor's guide and ``new`` alone.

The fixture keeps what that took: the scaffold ``new`` wrote, the verbatim
text, and the finished metadata, which is the seed document itself.
"""

from __future__ import annotations

from pathlib import Path

from generator.build.pipeline import check
from tests.conftest import SNAPSHOT, copy_corpus

FIXTURE = Path(__file__).parent / "fixtures" / "second-document"
NAME = "2023-05-11-azerbaijan-mod-zod"


def test_the_snapshot_holds_the_finished_metadata_and_the_same_text() -> None:
    assert (SNAPSHOT / "documents" / f"{NAME}.yaml").read_bytes() == (FIXTURE / "finished.yaml").read_bytes()
    assert (SNAPSHOT / "documents" / f"{NAME}.txt").read_bytes() == (FIXTURE / f"{NAME}.txt").read_bytes()


def test_the_scaffold_failed_only_on_what_a_person_had_to_fill(tmp_path: Path) -> None:
    corpus = copy_corpus(SNAPSHOT, tmp_path / "seeds")
    (corpus / "documents" / f"{NAME}.yaml").write_bytes((FIXTURE / "scaffold.yaml").read_bytes())
    topic = corpus / "topics" / "nagorno-karabakh.yaml"
    topic.write_text(
        topic.read_text(encoding="utf-8").replace(f"document: {NAME}", "url: https://mod.gov.az/"), encoding="utf-8"
    )
    problems = check(corpus, corpus).problems
    assert problems
    assert {p.rule for p in problems} <= {"unfinished", "draft-claim"}, [p.format_text() for p in problems]
    assert {p.path for p in problems} == {f"documents/{NAME}.yaml"}
