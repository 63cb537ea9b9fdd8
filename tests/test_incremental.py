"""Under ``mkdocs serve``, a rebuild parses only the metadata files that changed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import load
from generator.pipeline import check
from tests.conftest import MINI, copy_corpus


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the files the YAML parser is given."""
    names: list[str] = []
    real = load.parse_yaml

    def counting(path: Path, text: str, problems: load.Problems) -> load.YamlFile | None:
        names.append(path.name)
        return real(path, text, problems)

    monkeypatch.setattr(load, "parse_yaml", counting)
    yield names


def test_a_rebuild_parses_only_the_edited_file(tmp_path: Path, parsed: list[str]) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    load.keep_parsed_files(True)
    try:
        assert check(corpus, corpus).ok
        assert "parties.yaml" in parsed and len(parsed) > 3
        parsed.clear()
        assert check(corpus, corpus).ok
        assert parsed == []  # nothing changed, nothing parsed

        parties = corpus / "parties.yaml"
        parties.write_text(parties.read_text(encoding="utf-8").replace("A small state in the fixture corpus.", "A small, edited state."),
                           encoding="utf-8")
        checked = check(corpus, corpus)
        assert checked.ok and parsed == ["parties.yaml"]
        assert checked.corpus.parties["alpha"].description == "A small, edited state."
    finally:
        load.keep_parsed_files(False)


def test_a_single_build_keeps_nothing(tmp_path: Path, parsed: list[str]) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    assert check(corpus, corpus).ok
    assert check(corpus, corpus).ok
    assert parsed.count("parties.yaml") == 2
    assert load._PARSED == {}


def test_a_dirty_rebuild_stops_serving_a_deleted_document(tmp_path: Path) -> None:
    """``mkdocs serve --dirty`` does not clean the site folder; the page of a document
    deleted between two builds must go all the same (the real MkDocs build, twice)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator import mkdocs_plugin
    from tests.conftest import mkdocs_config

    corpus = copy_corpus(MINI, tmp_path / "seeds")
    extra = corpus / "documents" / "second.yaml"
    extra.write_text((corpus / "documents" / "ridge-clash.yaml").read_text(encoding="utf-8")
                     .replace("id: ridge-clash", "id: second-clash").replace("id: alpha-", "id: second-alpha-")
                     .replace("id: beta-self-defence", "id: second-beta").replace("disputes: [beta-self-defence]", ""),
                     encoding="utf-8")
    config_file = mkdocs_config(corpus, tmp_path / "work")
    page = tmp_path / "work" / "site" / "documents" / "second-clash" / "index.html"
    mkdocs_plugin._LAST_BUILT.clear()
    try:
        for dirty in (False, True):
            config = load_config(config_file=str(config_file))
            config.plugins["briefing"].serving = True  # as under mkdocs serve
            config.strict = False  # MkDocs warns of every dirty build
            build(config, dirty=dirty)
            if not dirty:
                assert page.is_file()
                extra.unlink()
        assert not page.exists()
        assert (tmp_path / "work" / "site" / "documents" / "ridge-clash" / "index.html").is_file()
    finally:
        mkdocs_plugin._LAST_BUILT.clear()
