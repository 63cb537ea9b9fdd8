"""Under ``mkdocs serve``, a rebuild parses only the metadata files that changed, and folds
and searches for names only the texts that changed (``generator/build/session.py``)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest

from generator.build.pipeline import build_pages, check
from generator.build.session import Session
from generator.load import folder as load
from generator.text import mentions, quotes
from tests.conftest import MINI, SNAPSHOT, copy_corpus


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
    session = Session()
    assert build_pages(corpus, corpus, session).problems == []
    assert "parties.yaml" in parsed and len(parsed) > 3
    parsed.clear()
    assert build_pages(corpus, corpus, session).problems == []
    assert parsed == []  # nothing changed, nothing parsed

    parties = corpus / "parties.yaml"
    parties.write_text(
        parties.read_text(encoding="utf-8").replace("A small state in the fixture corpus.", "A small, edited state."),
        encoding="utf-8",
    )
    checked = build_pages(corpus, corpus, session).checked
    assert checked.ok and parsed == ["parties.yaml"]
    assert checked.corpus.parties["alpha"].description == "A small, edited state."


def test_a_single_build_keeps_nothing(tmp_path: Path, parsed: list[str]) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    assert check(corpus, corpus).ok
    assert check(corpus, corpus).ok
    assert parsed.count("parties.yaml") == 2


def test_invalid_saves_do_not_grow_the_session(tmp_path: Path) -> None:
    """After each rebuild the session holds only what that rebuild used: saves that do not
    validate, one after another, leave it no larger than the valid rebuild before them."""
    corpus = copy_corpus(SNAPSHOT, tmp_path / "seeds")
    time.sleep(2.1)  # the copied files settle: a rebuild then keeps each one's text by its status
    session = Session()
    assert build_pages(corpus, corpus, session).problems == []
    valid = len(session)
    metadata = sorted((corpus / "documents").glob("*.yaml"))
    for number in range(30):
        path = metadata[number % len(metadata)]
        original = path.read_text(encoding="utf-8")
        path.write_text(original.replace("\ntitle: ", f"\ntitle: [unclosed {number}\n", 1), encoding="utf-8")
        assert build_pages(corpus, corpus, session).problems != []
        assert len(session) <= valid, f"after {number + 1} invalid saves"
        path.write_text(original, encoding="utf-8")
    assert build_pages(corpus, corpus, session).problems == []
    assert len(session) <= valid  # less by the files just put back, not yet settled


def test_a_rebuild_checks_folds_and_searches_only_the_edited_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The texts folded for quotes and searched for names, and the files' data checked
    against the input model, are kept between rebuilds (``generator/build/session.py``): a rebuild
    does that work again for the edited file alone, and searches every text again once a
    name changes."""
    corpus = copy_corpus(SNAPSHOT, tmp_path / "seeds")
    folded: list[str] = []
    searched: list[str] = []
    fold, find = quotes.NormalizedText.of, mentions.MentionFinder.find
    monkeypatch.setattr(quotes.NormalizedText, "of", lambda text: folded.append(text) or fold(text))
    monkeypatch.setattr(
        mentions.MentionFinder, "find", lambda self, text: searched.append(text.text) or find(self, text)
    )
    texts = sorted((corpus / "documents").glob("*.txt"))
    session = Session()
    first = build_pages(corpus, corpus, session)
    assert first.problems == []
    assert len(folded) >= len(texts) and len(searched) == len(texts)
    folded.clear(), searched.clear()
    again = build_pages(corpus, corpus, session)
    assert again.problems == []
    assert folded == searched == []  # nothing changed, nothing done again
    claims = {c.id: c for d in first.checked.corpus.documents.values() for c in d.meta.claims}
    assert all(claims[c.id] is c for d in again.checked.corpus.documents.values() for c in d.meta.claims)

    edited = texts[0].read_text(encoding="utf-8") + "\nA sentence added.\n"
    texts[0].write_text(edited, encoding="utf-8")
    assert build_pages(corpus, corpus, session).problems == []
    assert set(folded) == {edited} and len(searched) == 1 and "A sentence added." in searched[0]

    meta = sorted((corpus / "documents").glob("*.yaml"))[0]
    meta.write_text(
        re.sub(r"^title: ", "title: Retitled ", meta.read_text(encoding="utf-8"), count=1, flags=re.M),
        encoding="utf-8",
    )
    retitled = build_pages(corpus, corpus, session).checked.corpus
    new = [c.id for d in retitled.documents.values() for c in d.meta.claims if claims[c.id] is not c]
    assert new == [c.id for c in retitled.documents[_id_of(meta)].meta.claims]  # checked again: its file alone

    folded.clear(), searched.clear()
    parties = corpus / "parties.yaml"
    parties.write_text(
        re.sub(r"^(\s*name: .+)$", r"\1 (renamed)", parties.read_text(encoding="utf-8"), count=1, flags=re.M),
        encoding="utf-8",
    )
    assert build_pages(corpus, corpus, session).problems == []
    assert folded == [] and len(searched) == len(texts)  # the names to find changed, not the texts


def test_kept_document_checks_report_what_a_fresh_check_reports(tmp_path: Path) -> None:
    """A document's checks are kept while its files and what they read of the rest of the
    seed are the same: after each edit, the problems of a check that keeps results are those
    of a check of the same files that starts afresh, whichever file the edit touched."""
    corpus = copy_corpus(SNAPSHOT, tmp_path / "seeds")
    metadata = sorted((corpus / "documents").glob("*.yaml"))[0]
    text = metadata.with_suffix(".txt")
    claimant = re.search(r"^\s+claimant: (\S+)$", metadata.read_text(encoding="utf-8"), re.M)
    quote = re.search(r'^\s*- quote: ".*"$', metadata.read_text(encoding="utf-8"), re.M)  # a one-line quote
    assert claimant and quote
    registry = next(
        path for path in corpus.glob("*.yaml") if f"- id: {claimant[1]}\n" in path.read_text(encoding="utf-8")
    )

    def edit(path: Path, old: str, new: str) -> None:
        content = path.read_text(encoding="utf-8")
        assert old in content, (path, old)
        path.write_text(content.replace(old, new, 1), encoding="utf-8")

    topic = sorted((corpus / "topics").glob("*.yaml"))[0]
    steps = [
        (
            "an id the document refers to is renamed",
            lambda: edit(registry, f"- id: {claimant[1]}\n", f"- id: {claimant[1]}-x\n"),
        ),
        ("and named again", lambda: edit(registry, f"- id: {claimant[1]}-x\n", f"- id: {claimant[1]}\n")),
        (
            "a quote is changed",
            lambda: edit(metadata, quote[0], quote[0].split("quote:")[0] + 'quote: "Not in the text yet"'),
        ),
        (
            "the text is changed to hold it",
            lambda: text.write_text(text.read_text(encoding="utf-8") + "\nNot in the text yet\n", encoding="utf-8"),
        ),
        (
            "a topic file does not parse",
            lambda: topic.write_text(topic.read_text(encoding="utf-8") + "\n: [\n", encoding="utf-8"),
        ),
    ]
    session = Session()
    assert build_pages(corpus, corpus, session).problems == []
    reported = []
    for number, (step, change) in enumerate(steps):
        change()
        fresh = copy_corpus(corpus, tmp_path / f"fresh-{number}")  # other paths: nothing kept is theirs
        expected = check(fresh, fresh).problems
        assert build_pages(corpus, corpus, session).problems == expected, step
        reported.append(bool(expected))
    assert reported == [True, False, True, False, True]  # each edit is one a check can tell


def _id_of(metadata: Path) -> str:
    found = re.search(r"^id: (\S+)$", metadata.read_text(encoding="utf-8"), re.M)
    assert found is not None
    return found[1]


def test_a_dirty_rebuild_stops_serving_a_deleted_document(tmp_path: Path) -> None:
    """``mkdocs serve --dirty`` does not clean the site folder; the page of a document
    deleted between two builds must go all the same (the real MkDocs build, twice)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from tests.conftest import mkdocs_config

    corpus = copy_corpus(MINI, tmp_path / "seeds")
    extra = corpus / "documents" / "second.yaml"
    extra.write_text(
        (corpus / "documents" / "ridge-clash.yaml")
        .read_text(encoding="utf-8")
        .replace("id: ridge-clash", "id: second-clash")
        .replace("id: alpha-", "id: second-alpha-")
        .replace("id: beta-self-defence", "id: second-beta")
        .replace("disputes: [beta-self-defence]", ""),
        encoding="utf-8",
    )
    config_file = mkdocs_config(corpus, tmp_path / "work")
    page = tmp_path / "work" / "site" / "documents" / "second-clash" / "index.html"
    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command="serve", dirty=False)  # as under mkdocs serve
    for dirty in (False, True):
        config = load_config(config_file=str(config_file))  # a rebuild reads its configuration again
        config.strict = False  # MkDocs warns of every dirty build
        build(config, dirty=dirty)
        if not dirty:
            assert page.is_file()
            extra.unlink()
    assert not page.exists()
    assert (tmp_path / "work" / "site" / "documents" / "ridge-clash" / "index.html").is_file()


@pytest.mark.slow  # twelve real builds of the seed copy (pyproject.toml)
def test_dirty_rebuilds_write_the_site_a_clean_build_writes(tmp_path: Path) -> None:
    """The real MkDocs build as ``mkdocs serve --dirty`` runs it, after edits of every kind:
    the site folder holds what a clean ``mkdocs build`` writes, file for file, though a
    rebuild writes only the pages an edit changed (and keeps the others' files and pages)."""
    import subprocess
    import sys

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from tests.conftest import mkdocs_config
    from tests.test_kept_pages import add_document, remove_document, rename_party, retitle_and_redate, shorten_quote

    corpus = copy_corpus(SNAPSHOT, tmp_path / "seeds")
    served = mkdocs_config(corpus, tmp_path / "served", search_index=False)
    clean = mkdocs_config(corpus, tmp_path / "clean", search_index=False)

    def files(site: Path) -> dict[str, bytes]:
        return {
            path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()
        }

    for edit in (None, rename_party, shorten_quote, retitle_and_redate, add_document, remove_document):
        name = "first build" if edit is None else edit(corpus)
        config = load_config(config_file=str(served))
        config.plugins.on_startup(command="serve", dirty=True)
        config.strict = False  # MkDocs warns of every dirty build
        written_before = {p: p.stat().st_mtime_ns for p in (tmp_path / "served" / "site").rglob("*.html")}
        build(config, dirty=edit is not None)
        if edit is not None:
            rewritten = [p for p, t in written_before.items() if p.exists() and p.stat().st_mtime_ns != t]
            assert 0 < len(rewritten) < len(written_before) / 2, f"{name}: {len(rewritten)} pages written again"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(clean)],
            check=True,
            env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        want, got = files(tmp_path / "clean" / "site"), files(tmp_path / "served" / "site")
        assert got.keys() == want.keys(), f"{name}: {sorted(got.keys() ^ want.keys())[:5]}"
        wrong = [path for path in want if got[path] != want[path]]
        assert wrong == [], f"{name}: files that differ from a clean build: {wrong[:5]}"


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _poll(url: str, wanted, limit: float) -> float | None:
    """Seconds until the page at ``url`` satisfies ``wanted``, or None."""
    import time
    import urllib.request

    start = time.monotonic()
    while time.monotonic() - start < limit:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if wanted(response.read().decode("utf-8")):
                    return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.1)
    return None


@pytest.mark.parametrize(
    ("mode", "options"),
    [
        pytest.param(["--dirty"], {}, id="dirty"),
        # a full rebuild at each save, and a server that polls: slow (pyproject.toml)
        pytest.param([], {}, id="plain", marks=pytest.mark.slow),
        pytest.param(["--dirty"], {"file_events": False}, id="dirty-polling", marks=pytest.mark.slow),
    ],
)
def test_under_serve_an_edit_is_served_and_an_invalid_one_shows_its_problems(
    tmp_path: Path, mode: list[str], options: dict[str, object]
) -> None:
    """The real ``mkdocs serve --dirty`` (the documented preview, strict as mkdocs.yml asks) and
    plain ``mkdocs serve``: a save is served; an invalid save puts the problem list
    (file:line:col, message, hint) over the page being served; the fix takes it away. The
    times are measured by scripts/measure_preview.py; here a generous limit only keeps a
    broken server from hanging the suite."""
    import os
    import subprocess
    import sys

    from tests.conftest import mkdocs_config

    corpus = copy_corpus(MINI, tmp_path / "seeds")
    config = mkdocs_config(corpus, tmp_path / "work", **options)
    port = _free_port()
    temporary = tmp_path / "tmp"  # where the server makes its site folder
    temporary.mkdir()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *mode, "-a", f"127.0.0.1:{port}", "-f", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temporary)},
    )
    url = f"http://127.0.0.1:{port}/documents/ridge-clash/"
    try:
        assert _poll(url, lambda html: "<h1" in html, 60) is not None
        meta = corpus / "documents" / "ridge-clash.yaml"
        good = meta.read_text(encoding="utf-8")
        meta.write_text(good.replace("title: ", "title: Retitled ", 1), encoding="utf-8")
        assert _poll(url, lambda html: "Retitled" in html, 60) is not None  # a rebuild, strict, is served
        meta.write_text(good.replace("kind: news-article", "kind: hearsay"), encoding="utf-8")
        shown = _poll(url, lambda html: "briefing-build-error" in html and "hearsay" in html, 60)
        assert shown is not None
        with __import__("urllib.request").request.urlopen(url) as response:
            page = response.read().decode("utf-8")
        assert "ridge-clash.yaml:6:7</code>" in page and "is not allowed for" in page and "use one of" in page
        rule = re.search(r'<a href="([^"]+)">invalid-value</a>', page)  # the rule, explained
        assert rule and urljoin(url, rule[1]) == f"http://127.0.0.1:{port}/contributing/rules/#invalid-value"
        meta.write_text(good, encoding="utf-8")
        assert _poll(url, lambda html: "briefing-build-error" not in html and "<h1" in html, 60) is not None
        assert any(temporary.iterdir())
        server.terminate()  # SIGTERM, as an editor or a process manager stops it: the same as Ctrl+C
        assert server.wait(timeout=20) == 0
        assert list(temporary.iterdir()) == []  # the site folder went with it
    finally:
        server.kill()
        server.wait(timeout=10)
