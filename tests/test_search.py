"""Site search: every party, place, outlet, claim and document is found by its name
or text; lists of links to other pages and diagram sources stay out of the index."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SNAPSHOT


def _index(site: Path) -> list[dict[str, str]]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_every_entity_and_document_is_searchable(seed_site: Path, seed_model) -> None:
    entries = _index(seed_site)
    pages = {entry["location"].split("#")[0] for entry in entries}
    corpus = seed_model.corpus
    expected = ([f"parties/{i}/" for i in corpus.parties] + [f"places/{i}/" for i in corpus.locations]
                + [f"outlets/{i}/" for i in corpus.outlets] + [f"documents/{i}/" for i in corpus.documents]
                + [f"claims/{i}/" for i in seed_model.claims])
    assert not [page for page in expected if page not in pages]
    titles = {entry["title"] for entry in entries}
    assert {party.name for party in corpus.parties.values()} <= titles
    assert {place.name for place in corpus.locations.values()} <= titles
    text = " ".join(" ".join(entry["text"].split()) for entry in entries)
    for document in corpus.documents.values():  # the verbatim text of every document is in the index
        longest = max(document.text.splitlines(), key=len)
        assert " ".join(longest.split())[:80] in text, document.meta.id


def test_link_lists_and_diagram_sources_are_left_out(snapshot_site: Path) -> None:
    entries = _index(snapshot_site)
    text = " ".join(entry["text"] for entry in entries)
    assert "flowchart LR" not in text  # Mermaid source
    sotk = " ".join(e["text"] for e in entries if e["location"].startswith("documents/2023-05-11-sotk-border-clash/"))
    # The related documents list links to the other document; its title is not indexed on this page.
    other = (SNAPSHOT / "documents" / "2023-05-11-azerbaijan-mod-zod.yaml").read_text(encoding="utf-8")
    other_title = next(line.split(":", 1)[1].strip() for line in other.splitlines() if line.startswith("title:"))
    assert other_title.strip("'\"") not in sotk
    assert "Sotk" in sotk
