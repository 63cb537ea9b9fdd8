"""The real MkDocs build of the fixture corpora, inspected as HTML (the live seed's build
is checked by tests/test_seed_health.py)."""

from __future__ import annotations

import filecmp
import gzip
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from generator.model.site import document_entities
from generator.site.linkcheck import broken_links, internal_targets, page_of, parse
from tests.conftest import MINI, ROOT, SNAPSHOT, _built_once, copy_corpus, mkdocs_build, mkdocs_config

# Pages of the frozen seed copy, whose facts were checked by hand.
DOCUMENT_ID = "2023-05-11-sotk-border-clash"
DOCUMENT = f"documents/{DOCUMENT_ID}"


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture corpus built once by the real MkDocs: a test that builds over a good site
    starts from a copy of it (tests only read it)."""
    return _built_once("mini-build", MINI, tmp_path_factory)


def _good_site_in(workdir: Path, mini_site: Path) -> Path:
    """A copy of the fixture corpus's built site as ``workdir``'s site, as a good build left it."""
    site = workdir / "site"
    shutil.copytree(mini_site, site, symlinks=True)
    return site


def test_link_check_finds_a_broken_link(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<a href="../b/">b</a> <a href="#here">x</a> <a href="https://x.org/">', encoding="utf-8"
    )
    assert broken_links(tmp_path) == ["a/index.html: broken link → ../b/", "a/index.html: missing anchor → #here"]


def test_document_page_links_every_party_and_place(snapshot_site: Path, snapshot_model) -> None:
    page = parse(page_of(snapshot_site, DOCUMENT))
    targets = {target for _, target, _ in internal_targets(snapshot_site, page)}
    parties, places = document_entities(snapshot_model, snapshot_model.corpus.documents[DOCUMENT_ID])
    assert len(parties) >= 10 and len(places) >= 5
    for folder, ids in (("parties", parties), ("places", places)):
        for entity_id in ids:
            assert page_of(snapshot_site, f"{folder}/{entity_id}") in targets, (
                f"document page does not link {entity_id}"
            )


def test_every_claim_has_an_anchor_and_a_highlight(snapshot_site: Path, snapshot_model) -> None:
    page = parse(page_of(snapshot_site, DOCUMENT))
    claims = [claim.id for claim in snapshot_model.corpus.documents[DOCUMENT_ID].meta.claims]
    assert len(claims) >= 10
    highlighted = {cls for mark in page.marks for cls in mark.get("class", "").split()}
    for claim_id in claims:
        assert f"quote-{claim_id}" in page.ids
        assert f"claim-{claim_id}" in highlighted
        claim_page = parse(page_of(snapshot_site, f"claims/{claim_id}"))
        assert any(href.endswith(f"#quote-{claim_id}") for href in claim_page.links)


def test_verbatim_text_survives_rendering(snapshot_site: Path) -> None:
    text = "".join(parse(page_of(snapshot_site, DOCUMENT)).text)
    for line in (SNAPSHOT / "documents" / f"{DOCUMENT_ID}.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            assert line.strip() in text


def test_party_page_has_backlinks(snapshot_site: Path) -> None:
    page = parse(page_of(snapshot_site, "parties/armenia-mod"))
    hrefs = " ".join(page.links)
    assert "2023-05-11-sotk-border-clash" in hrefs
    assert "claims/armenia-four-wounded-2023-05-11" in hrefs


def test_two_builds_are_byte_identical_but_for_pagefinds_filter_order(mini_site: Path, tmp_path: Path) -> None:
    """What the security page says: every file is byte-identical but three kinds of Pagefind's,
    whose bytes come in another order from run to run (Pagefind keeps a filter's values in a hash
    map; Pagefind issue #638): each filter index and the metadata index, named after their
    content, and ``pagefind-entry.json``, which names the metadata index."""
    second = mkdocs_build(MINI, tmp_path / "two")
    assert second.returncode == 0, second.stderr
    one, two = mini_site, tmp_path / "two" / "site"
    differing = _differences(filecmp.dircmp(one, two), "")
    assert [name for name in differing if not _PAGEFIND_ORDER.fullmatch(name)] == []
    assert _unordered(one / "pagefind") == _unordered(two / "pagefind")
    for entry in sorted(one.rglob("pagefind-entry.json")):  # the same but for the metadata index's name
        again = two / entry.relative_to(one)
        assert _masked(entry.read_bytes()) == _masked(again.read_bytes())


# The files of a search bundle (or of one of its parts) whose bytes Pagefind writes in another order.
_PAGEFIND_ORDER = re.compile(
    r"pagefind/(?:part-\d+/)?(?:pagefind-entry\.json|pagefind\.en_[0-9a-f]+\.pf_meta|filter/en_[0-9a-f]+\.pf_filter)"
)


def _masked(data: bytes) -> bytes:
    """The names of Pagefind's index files (hashes of their content) masked."""
    return re.sub(rb"en_[0-9a-f]{7,10}", b"en_hash", data)


def _unordered(bundle: Path) -> list[bytes]:
    """Pagefind's filter and metadata indexes, each decompressed, the names of the filter
    indexes masked, and its bytes sorted."""
    files = sorted(bundle.rglob("*.pf_filter")) + sorted(bundle.rglob("*.pf_meta"))
    masked = (_masked(gzip.decompress(path.read_bytes())) for path in files)
    return sorted(bytes(sorted(data)) for data in masked)


def _differences(comparison: filecmp.dircmp, folder: str) -> list[str]:
    """The paths (from the site folder) of the files in one site and not the other, or different."""
    _, mismatch, errors = filecmp.cmpfiles(comparison.left, comparison.right, comparison.common_files, shallow=False)
    found = [folder + name for name in (*mismatch, *errors, *comparison.left_only, *comparison.right_only)]
    for name, sub in comparison.subdirs.items():
        found += _differences(sub, f"{folder}{name}/")
    return found


def test_bad_input_fails_the_build_listing_every_problem(mini_site: Path, tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    meta = corpus / "documents" / "ridge-clash.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8")
        .replace("claimant: beta", "claimant: gamma")
        .replace("status: unverified", "status: maybe"),
        encoding="utf-8",
    )
    site = _good_site_in(tmp_path / "build", mini_site)
    before = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}

    result = mkdocs_build(corpus, tmp_path / "build")

    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "no outlet or party has the id 'gamma'" in output
    assert "'maybe' is not allowed for 'status'" in output
    assert "Traceback" not in output
    after = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}
    assert after == before, "a failed build must leave the last good site untouched"


def test_removing_a_document_removes_its_pages_and_links(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    (corpus / "documents" / "ridge-clash.yaml").unlink()
    (corpus / "documents" / "ridge-clash.txt").unlink()
    topic = corpus / "topics" / "ridge.yaml"
    topic.write_text(
        topic.read_text(encoding="utf-8").replace("- document: ridge-clash", "- url: https://example.org/clash"),
        encoding="utf-8",
    )
    result = mkdocs_build(corpus, tmp_path / "build")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "build" / "site"
    assert not (site / "documents" / "ridge-clash").exists()
    assert not (site / "claims" / "alpha-two-hurt").exists()
    for path in site.rglob("*.html"):
        assert "documents/ridge-clash" not in " ".join(parse(path).links), path


def test_renaming_an_entity_removes_its_old_page_and_every_link(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    for path in [*corpus.glob("*.yaml"), *corpus.glob("*/*.yaml")]:
        text = path.read_text(encoding="utf-8")
        text = text.replace("id: beta\n", "id: beta-state\n").replace("claimant: beta\n", "claimant: beta-state\n")
        text = text.replace("[beta]", "[beta-state]").replace("[alpha, beta]", "[alpha, beta-state]")
        path.write_text(text, encoding="utf-8")
    result = mkdocs_build(corpus, tmp_path / "build")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "build" / "site"
    assert (site / "parties" / "beta-state" / "index.html").is_file()
    assert not (site / "parties" / "beta").exists()
    for path in site.rglob("*.html"):
        assert not any(href.rstrip("/").endswith("parties/beta") for href in parse(path).links), path


def test_another_plugin_can_replace_a_generated_page(tmp_path: Path) -> None:
    """A hook that rewrites a generated page's text gets a page built from that text."""
    hook = tmp_path / "hook.py"
    hook.write_text(
        "def on_files(files, config):\n"
        "    page = files.get_file_from_path('timeline.md')\n"
        "    page.content_string = '# Replaced timeline\\n\\nBuilt from *Markdown*.\\n'\n"
        "    return files\n",
        encoding="utf-8",
    )
    config = mkdocs_config(MINI, tmp_path / "build")
    text = config.read_text(encoding="utf-8")
    config.write_text(text + f"hooks:\n  - {hook}\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "build" / "site" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "Replaced timeline" in html and "<em>Markdown</em>" in html


def test_pages_wait_packed_between_mkdocs_passes(tmp_path: Path) -> None:
    """MkDocs reads every page before it writes the first: in between, no generated page
    holds its body unpacked (a large build's memory), each still has its title (the tags
    export reads it), and a page whose content another plugin changed keeps the change."""
    hook = tmp_path / "hook.py"
    hook.write_text(
        "from mkdocs.plugins import event_priority\n"
        "seen = {}\n"
        "@event_priority(50)\n"
        "def on_page_content(html, page, config, files):\n"
        "    return html + '<p>Added by a hook.</p>' if page.file.src_uri == 'timeline.md' else html\n"
        "def on_env(env, config, files):\n"
        "    for file in files.documentation_pages():\n"
        "        page = file.page\n"
        "        if type(page).__name__ == 'PrebuiltPage':\n"
        "            seen[file.src_uri] = (len(page.content or ''), page.title)\n"
        "def on_post_build(config):\n"
        "    import json, pathlib\n"
        "    pathlib.Path(config.site_dir, 'seen.json').write_text(json.dumps(seen))\n",
        encoding="utf-8",
    )
    config = mkdocs_config(MINI, tmp_path / "build", search_index=False)
    config.write_text(config.read_text(encoding="utf-8") + f"hooks:\n  - {hook}\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    site = tmp_path / "build" / "site"
    seen = json.loads((site / "seen.json").read_text(encoding="utf-8"))
    assert seen, "the hook saw no generated page"
    unpacked = {path: size for path, (size, _) in seen.items() if size and path != "timeline.md"}
    assert not unpacked, unpacked
    assert all(title for _, title in seen.values())
    assert seen["timeline.md"][0] > 0
    assert "Added by a hook." in (site / "timeline" / "index.html").read_text(encoding="utf-8")
    for path in seen:
        page = site / path.removesuffix(".md").removesuffix("index").strip("/") / "index.html"
        assert "<h1" in page.read_text(encoding="utf-8"), page


def test_the_site_has_every_file_mkdocs_copies_from_the_theme(snapshot_site: Path) -> None:
    """The adapter lists the theme's files without walking its hidden folders (a speed
    trick): the built site still holds every file MkDocs' own listing would copy."""
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))  # no plugin event has run: MkDocs' own listing
    theme_files = Files([])
    theme_files.add_files_from_theme(config.theme.get_env(), config)
    assert any(file.src_uri.endswith(".css") for file in theme_files)
    missing = [file.dest_uri for file in theme_files if not (snapshot_site / file.dest_uri).is_file()]
    assert not missing, missing


def test_a_failed_build_keeps_the_last_good_site(mini_site: Path, tmp_path: Path) -> None:
    """A hand-written page at a generated page's address fails the build before
    MkDocs cleans the site folder, naming both; the site built before stays whole."""
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    site = _good_site_in(tmp_path / "work", mini_site)
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "timeline.md").write_text("# My timeline\n", encoding="utf-8")
    config = mkdocs_config(corpus, tmp_path / "work")
    config.write_text(config.read_text(encoding="utf-8").replace(str(ROOT / "docs"), str(docs)), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode != 0
    assert "docs/timeline.md has the address of the generated page timeline.md" in result.stderr
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before


def test_a_renderers_failure_names_its_page_and_the_file_of_its_data(monkeypatch) -> None:
    import generator.render as render
    from generator.build.pipeline import build_pages
    from tests.conftest import MINI

    def broken(site, document):
        raise ValueError("a renderer's mistake")

    monkeypatch.setattr(render, "render_document", broken)
    try:
        build_pages(MINI, MINI)
    except render.RenderError as error:
        message = str(error)
    else:
        raise AssertionError("a failing renderer did not fail the build")
    assert message.startswith("the page documents/ridge-clash.md (its data is in ")
    assert "documents/ridge-clash.yaml) could not be rendered: ValueError: a renderer's mistake" in message
