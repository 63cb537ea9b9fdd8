"""Site search (Pagefind, indexed after the build): every party, place, outlet, claim and
document is found by its name or text, under its kind and topic; lists of links to other
pages, diagram sources and permalink marks stay out of the index; MkDocs' own search
index is not written. The index is read as Pagefind wrote it: one compressed fragment
per page, holding the page's address, title, indexed text and filters."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from tests.conftest import SNAPSHOT

_SIGNATURE = b"pagefind_dcd"  # how Pagefind starts a decompressed fragment


def fragments(site: Path) -> dict[str, dict]:
    """Every indexed page, by its address relative to the site (``parties/x/``)."""
    pages = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(_SIGNATURE), path
        fragment = json.loads(data[len(_SIGNATURE) :])
        pages[fragment["url"].lstrip("/")] = fragment
    return pages


def test_link_lists_diagram_sources_and_permalinks_are_left_out(snapshot_site: Path) -> None:
    pages = fragments(snapshot_site)
    text = " ".join(page["content"] for page in pages.values())
    assert "flowchart" not in text  # Mermaid source
    assert "¶" not in text and not any("¶" in page["meta"]["title"] for page in pages.values())
    assert "Skip to content" not in text  # only each page's content is indexed, not the theme around it
    sotk = pages["documents/2023-05-11-sotk-border-clash/"]["content"]
    # The related documents list links to the other document; its title is not indexed on this page.
    other = (SNAPSHOT / "documents" / "2023-05-11-azerbaijan-mod-zod.yaml").read_text(encoding="utf-8")
    other_title = next(line.split(":", 1)[1].strip() for line in other.splitlines() if line.startswith("title:"))
    assert other_title.strip("'\"") not in sotk
    assert "Sotk" in sotk


def test_mkdocs_own_search_index_is_not_written(snapshot_site: Path) -> None:
    assert not (snapshot_site / "search").exists()
    assert (snapshot_site / "pagefind" / "pagefind.js").is_file()


def test_a_missing_pagefind_binary_fails_the_build_saying_how_to_fix_it(monkeypatch, tmp_path: Path) -> None:
    from generator.site import search_index

    def missing():
        raise FileNotFoundError("no pagefind in site-packages")

    monkeypatch.setattr(search_index, "get_executable", missing)
    try:
        search_index.index_site(tmp_path)
    except search_index.SearchIndexError as error:
        assert "pip install -e ." in str(error)
    else:
        raise AssertionError("indexing without Pagefind's binary did not fail")
