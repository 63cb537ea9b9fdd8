"""The site builds the same on both engines: MkDocs 1.6 and ProperDocs, its maintained
continuation (README.md says which to install). Every file of the two sites is compared byte
for byte, but for the tag that names the engine; the search bundle is compared by the pages
it indexes."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINI, ROOT, mkdocs_config

_ENGINE_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')
LANGUAGES = Path(__file__).resolve().parent / "fixtures" / "languages"


def _build(engine: str, seeds: Path, work: Path) -> Path:
    config = mkdocs_config(seeds, work)
    result = subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "--config-file", str(config)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return work / "site"


def _files(site: Path) -> set[Path]:
    return {p.relative_to(site) for p in site.rglob("*") if p.is_file() and "pagefind" not in p.parts}


def _indexed(site: Path) -> list[str]:
    pages = []
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        pages.append(json.loads(data[data.index(b"{") :])["url"])
    return sorted(pages)


@pytest.mark.slow  # four real builds; CI's slow job runs it on every push (pyproject.toml)
@pytest.mark.parametrize("seeds", [MINI, LANGUAGES], ids=["mini", "languages"])
def test_mkdocs_and_properdocs_build_the_same_site(seeds: Path, tmp_path: Path) -> None:
    mkdocs = _build("mkdocs", seeds, tmp_path / "mkdocs")
    properdocs = _build("properdocs", seeds, tmp_path / "properdocs")
    files = {p.relative_to(mkdocs) for p in mkdocs.rglob("*") if p.is_file() and "pagefind" not in p.parts}
    assert files == {
        p.relative_to(properdocs) for p in properdocs.rglob("*") if p.is_file() and "pagefind" not in p.parts
    }
    differ = [
        str(name)
        for name in sorted(files)
        if _ENGINE_TAG.sub(b"", (mkdocs / name).read_bytes()) != _ENGINE_TAG.sub(b"", (properdocs / name).read_bytes())
    ]
    assert differ == []
    assert b"ProperDocs" in (properdocs / "index.html").read_bytes()  # the second build was ProperDocs'
    assert _indexed(mkdocs) == _indexed(properdocs)
