"""The command line: validate and markdown. Most cases run the command line's main function in
this process; the first two start the real ``python -m generator`` and read its exit code."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from tests.conftest import MINI, copy_corpus, run_cli, run_command


def test_validate_passes_on_the_seed() -> None:
    result = run_command("validate")
    assert result.returncode == 0, result.stdout
    assert re.match(
        r"OK: \d+ documents, \d+ topics, \d+ parties, \d+ places, \d+ outlets, \d+ claims: "
        r"(no problems found|no errors)",
        result.stdout.splitlines()[-1],
    )


def test_validate_lists_every_problem_and_fails(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    parties = corpus / "parties.yaml"
    parties.write_text(parties.read_text(encoding="utf-8").replace("kind: state", "knd: state"), encoding="utf-8")
    result = run_command("validate", "--seeds", "seeds", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "seeds/parties.yaml:4:5: error: unknown field 'knd' (unknown-field)" in lines
    assert "seeds/parties.yaml:14:5: error: unknown field 'knd' (unknown-field)" in lines
    assert "    hint: did you mean 'kind'?" in lines
    assert lines[-1].startswith("4 errors found. Each rule in brackets is explained")


def test_github_format_prints_annotations(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    (corpus / "outlets.yaml").write_text("outlets:\n  - id: Wire\n", encoding="utf-8")
    result = run_cli("validate", "--seeds", "seeds", "--format", "github", cwd=tmp_path)
    assert result.returncode == 1
    assert "::error file=seeds/outlets.yaml,line=2,col=9,title=invalid-value::'id'" in result.stdout.splitlines()[-1]
    assert all(line.startswith("::error file=") for line in result.stdout.splitlines())


def test_missing_seed_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = run_cli("validate", "--seeds", "nowhere", cwd=tmp_path)
    assert result.returncode == 2
    assert "does not exist" in result.stderr


def test_markdown_writes_pages_and_removes_stale_ones(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    out = tmp_path / "out"
    assert run_cli("markdown", "--seeds", str(corpus), str(out)).returncode == 0
    assert (out / "documents" / "ridge-clash.md").is_file()
    assert (out / "claims" / "alpha-two-hurt.md").is_file()
    meta = corpus / "documents" / "ridge-clash.yaml"
    text = meta.read_text(encoding="utf-8")
    start = text.index("  - id: alpha-two-hurt")
    end = text.index("  - id: beta-self-defence")
    meta.write_text(text[:start] + text[end:], encoding="utf-8")
    result = run_cli("markdown", "--seeds", str(corpus), str(out))
    assert result.returncode == 0, result.stdout
    assert "removed 1 stale" in result.stdout
    assert not (out / "claims" / "alpha-two-hurt.md").exists()


def test_markdown_writes_nothing_on_bad_input(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    (corpus / "outlets.yaml").write_text("outlets: [", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("markdown", "--seeds", str(corpus), str(out))
    assert result.returncode == 1
    assert not out.exists()


def test_markdown_refuses_a_folder_it_cannot_or_must_not_write(tmp_path: Path) -> None:
    """Below a file, a folder of someone else's files, a folder it cannot write, a link
    inside it to elsewhere, a folder inside the seed folder (whose files would then be read as
    input): a clear error each time, and nothing written or overwritten."""
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine\n", encoding="utf-8")
    result = run_cli("markdown", "--seeds", str(corpus), str(a_file / "out"))
    assert result.returncode == 2 and "is a file, not a folder" in result.stderr and "Traceback" not in result.stderr
    own = tmp_path / "own"
    (own / "data").mkdir(parents=True)
    (own / "index.md").write_text("my page\n", encoding="utf-8")
    (own / "data" / "claims.csv").write_text("my,data\n", encoding="utf-8")
    result = run_cli("markdown", "--seeds", str(corpus), str(own))
    assert result.returncode == 2 and "already holds files this command did not write" in result.stderr
    assert (own / "index.md").read_text(encoding="utf-8") == "my page\n"
    assert (own / "data" / "claims.csv").read_text(encoding="utf-8") == "my,data\n"
    out = tmp_path / "out"
    assert run_cli("markdown", "--seeds", str(corpus), str(out)).returncode == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(out / "claims")
    (out / "claims").symlink_to(elsewhere, target_is_directory=True)
    result = run_cli("markdown", "--seeds", str(corpus), str(out))
    assert result.returncode == 2 and "symbolic link" in result.stderr and "Traceback" not in result.stderr
    assert list(elsewhere.iterdir()) == []
    before = sorted(corpus.rglob("*"))
    result = run_cli("markdown", "--seeds", str(corpus), str(corpus / "out"))
    assert result.returncode == 2 and "is inside the seed folder" in result.stderr
    assert sorted(corpus.rglob("*")) == before
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        result = run_cli("markdown", "--seeds", str(corpus), str(locked / "out"))
        assert result.returncode == 2 and "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_a_tampered_manifest_cannot_delete_files_outside_the_folder(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    out = tmp_path / "out"
    victim = tmp_path / "victim.md"
    victim.write_text("keep me", encoding="utf-8")
    out.mkdir()
    (out / ".generated-pages").write_text(f"{victim}\n../victim.md\nseeds/parties.yaml\n", encoding="utf-8")
    assert run_cli("markdown", "--seeds", str(corpus), str(out)).returncode == 0
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert (corpus / "parties.yaml").is_file()


def test_no_value_can_forge_a_line_of_output(tmp_path: Path) -> None:
    """A value holding a line break, a terminal escape and a workflow command is printed
    with those characters made visible, in the text and the GitHub formats alike."""
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    forged = "x\\n::error file=README.md,line=1::fake\\u001b[2J\\rOK: no problems found"
    outlets = corpus / "outlets.yaml"
    outlets.write_text(
        outlets.read_text(encoding="utf-8").replace("kind: wire-agency", f'kind: "{forged}"'), encoding="utf-8"
    )
    for output_format in ("text", "github"):
        result = run_cli("validate", "--seeds", "seeds", "--format", output_format, cwd=tmp_path)
        assert result.returncode == 1
        assert "\x1b" not in result.stdout and "\r" not in result.stdout
        lines = result.stdout.splitlines()
        assert not any(line.startswith(("::error file=README", "OK")) for line in lines)
        assert any("\\n::error file=README.md" in line and "\\x1b[2J" in line for line in lines)


def test_new_takes_a_text_not_metadata(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    stray = tmp_path / "notes.yaml"
    stray.write_text("Alpha said Beta fired.\n", encoding="utf-8")
    result = run_cli("new", str(stray), "--seeds", "seeds", cwd=tmp_path)
    assert result.returncode == 2 and "looks like metadata" in result.stderr
    assert not (corpus / "documents" / "notes.yaml").exists()
    text = tmp_path / "statement.md"
    text.write_text("Alpha said Beta fired.\n", encoding="utf-8")
    assert run_cli("new", str(text), "--seeds", "seeds", cwd=tmp_path).returncode == 0
    assert (corpus / "documents" / "statement.txt").read_bytes() == text.read_bytes()


def test_index_makes_the_search_bundle_in_parts(tmp_path: Path) -> None:
    """``index`` indexes a built site, in parts past --part-pages, and refuses what is not a
    built site or a part of no page."""
    site = tmp_path / "site"
    for number in range(5):
        page = site / f"page-{number}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(
            f"<html lang='en'><body><main data-pagefind-body><h1>Page {number}</h1>"
            f"<p>word{number} shared</p></main></body></html>",
            encoding="utf-8",
        )
    (site / "index.html").write_text("<html lang='en'><body><p>home</p></body></html>", encoding="utf-8")
    result = run_cli("index", str(site), "--part-pages", "2")
    assert result.returncode == 0, result.stderr
    assert "part 3:" in result.stdout and "part 4:" not in result.stdout
    assert (site / "pagefind" / "parts.json").read_text(encoding="utf-8") == '{"parts": ["part-2/", "part-3/"]}\n'
    assert all((site / "pagefind" / part / "pagefind-entry.json").is_file() for part in (".", "part-2", "part-3"))
    assert not list(site.glob(".index-*"))  # the folders of the indexing (the parts' links, the new bundle) are gone
    assert not list(site.glob("pagefind/**/pagefind-ui.js"))  # the UI of Pagefind's own search box is not used
    (site / "page-0" / "index.html").write_text(
        "<html lang='en'><body><main data-pagefind-body><h1>Changed</h1><p>other words</p></main></body></html>",
        encoding="utf-8",
    )
    assert run_cli("index", str(site)).returncode == 0  # in one run now: the parts' bundles are removed
    assert not (site / "pagefind" / "part-2").exists()
    assert (site / "pagefind" / "parts.json").read_text(encoding="utf-8") == '{"parts": []}\n'
    assert len(list((site / "pagefind").glob("*.pf_meta"))) == 1  # nothing of the earlier indexing stays
    assert len(list((site / "pagefind" / "fragment").iterdir())) == 5  # a fragment a searched page
    missing = run_cli("index", str(tmp_path / "nothing"))
    assert missing.returncode == 2 and "is not a built site" in missing.stderr
    zero = run_cli("index", str(site), "--part-pages", "0")
    assert zero.returncode == 2 and "--part-pages is 0" in zero.stderr
