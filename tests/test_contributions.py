"""A valid contribution keeps CI green: the live seed with a whole new topic added
(its documents, parties, places and outlets), or with a document taken away,
validates, builds with ``mkdocs build --strict`` and has no broken link.

The new topic is the ``sourcing`` fixture corpus, merged into a copy of ``seeds/``
the way a contributor would: its registry entries appended to the seed's
registries, its topic and documents added as files.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.build.pipeline import check
from generator.site.linkcheck import broken_links
from tests.conftest import SEEDS, built_site, copy_corpus

NEW_TOPIC = Path(__file__).parent / "fixtures" / "sourcing"
REGISTRIES = ("parties.yaml", "locations.yaml", "outlets.yaml")


def _add_topic(corpus: Path) -> None:
    for registry in REGISTRIES:
        entries = (NEW_TOPIC / registry).read_text(encoding="utf-8").split("\n", 1)[1]  # without the top key
        seed = corpus / registry
        seed.write_text(seed.read_text(encoding="utf-8").rstrip("\n") + "\n" + entries, encoding="utf-8")
    for folder in ("topics", "documents"):
        for file in (NEW_TOPIC / folder).iterdir():
            shutil.copyfile(file, corpus / folder / file.name)


def _remove_document(corpus: Path) -> str | None:
    """Take away a document as CONTRIBUTING says (its files, and each ``- document: <id>``
    source that cites it): the one cited by the fewest files among those whose claims no
    other file names (a claim disputed elsewhere would leave that file pointing at nothing).
    None when every document's claims are named elsewhere."""
    texts = {path: path.read_text(encoding="utf-8") for path in corpus.rglob("*.yaml")}
    documents = sorted((corpus / "documents").glob("*.yaml"))
    cited = {path.stem: re.compile(rf"^\s*- document: {re.escape(path.stem)}\s*\n", re.M) for path in documents}
    claims = {path.stem: re.findall(r"^  - id: (\S+)", texts[path], re.M) for path in documents}

    def named_elsewhere(document: str) -> bool:
        return any(
            re.search(rf"\b{re.escape(claim)}\b", text)
            for path, text in texts.items()
            if path.stem != document
            for claim in claims[document]
        )

    free = [d for d in cited if not named_elsewhere(d)]
    if not free:
        return None
    removed = min(free, key=lambda d: (sum(len(cited[d].findall(t)) for t in texts.values()), d))
    metadata = corpus / "documents" / f"{removed}.yaml"
    # its text and its translations' (``text:`` at the top level and under ``translations:``)
    text_files = re.findall(r"^(?:text|  - text|    text): (\S+)", texts[metadata], re.M)
    metadata.unlink()
    for text_file in text_files:
        (corpus / "documents" / text_file).unlink()
    for path, text in texts.items():
        if path != metadata and cited[removed].search(text):
            path.write_text(cited[removed].sub("", text), encoding="utf-8")
    return removed


def _assert_publishable(corpus: Path, workdir: Path) -> None:
    problems = check(corpus, corpus).problems
    assert problems == [], "\n".join(p.format_text() for p in problems)
    site = built_site(corpus, workdir)
    assert broken_links(site) == []


@pytest.mark.slow  # the whole seed, grown by a topic, built for real (pyproject.toml)
def test_the_seed_with_a_new_topic_validates_builds_and_links(tmp_path: Path) -> None:
    corpus = copy_corpus(SEEDS, tmp_path / "seeds")
    _add_topic(corpus)
    _assert_publishable(corpus, tmp_path)
    topic = next((NEW_TOPIC / "topics").glob("*.yaml")).stem
    assert (tmp_path / "site" / "topics" / topic / "index.html").is_file()
    for document in (NEW_TOPIC / "documents").glob("*.yaml"):
        assert (tmp_path / "site" / "documents" / document.stem / "index.html").is_file()


@pytest.mark.slow  # the whole seed, less a document, built for real (pyproject.toml)
def test_the_seed_without_one_document_validates_builds_and_links(tmp_path: Path) -> None:
    corpus = copy_corpus(SEEDS, tmp_path / "seeds")
    removed = _remove_document(corpus)
    if removed is None:
        pytest.skip("every document's claims are named by another file")
    _assert_publishable(corpus, tmp_path)
    assert not (tmp_path / "site" / "documents" / removed).exists()
