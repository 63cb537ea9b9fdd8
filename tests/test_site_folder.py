"""The site folder is never left half-made: two builds into one folder at once, or a build
killed at any moment (SIGKILL included), leave either the last site or the new one, whole,
its search bundle complete and every link resolving (``generator/site/site_folder.py``)."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from generator.site import site_folder
from generator.site.linkcheck import broken_links
from tests.conftest import MINI, ROOT, mkdocs_config


def _command(config: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--config-file", str(config)]


def _start(config: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(_command(config), cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _files(site: Path) -> list[str]:
    """The site's files; the search bundle's by kind and count (its chunks' names are
    hashes, which differ from build to build)."""
    files = sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
    bundle = [name for name in files if name.startswith("pagefind/")]
    kinds = Counter(re.sub(r"_[0-9a-f]{7,}\.", "_*.", name) for name in bundle)
    return [name for name in files if name not in bundle] + [f"{kind} ×{n}" for kind, n in sorted(kinds.items())]


def _assert_whole(site: Path, expected: list[str]) -> None:
    """Every file of a complete build is there (pages and search bundle alike), nothing
    else; the bundle's entry names its index, which holds every page; every internal link
    and anchor resolves."""
    assert _files(site) == expected
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        assert (site / "pagefind" / f"pagefind.{language['hash']}.pf_meta").is_file()
        assert language["page_count"] == len(list((site / "pagefind" / "fragment").iterdir()))
    assert broken_links(site) == []


def _first_build(tmp_path: Path) -> tuple[Path, list[str], float]:
    config = mkdocs_config(MINI, tmp_path)
    started = time.monotonic()
    build = _start(config)
    output = build.communicate()[0].decode()
    assert build.returncode == 0, output
    site = tmp_path / "site"
    files = _files(site)
    assert "pagefind/pagefind.js ×1" in files and "pagefind/parts.json ×1" in files
    return config, files, time.monotonic() - started


@pytest.mark.slow  # three real builds, two of them at once (pyproject.toml)
def test_two_builds_into_one_folder_at_once_leave_one_whole_site(tmp_path: Path) -> None:
    config, expected, _ = _first_build(tmp_path)
    builds = [_start(config) for _ in range(2)]
    outputs = [build.communicate(timeout=600)[0].decode() for build in builds]
    assert [build.returncode for build in builds] == [0, 0], outputs
    _assert_whole(tmp_path / "site", expected)
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(".site")) == []


@pytest.mark.slow  # six real builds, four of them killed (pyproject.toml)
def test_a_build_killed_at_any_moment_leaves_the_last_site(tmp_path: Path) -> None:
    """Killed while it validates, renders, writes or indexes: the last site stays whole; what
    the killed builds left beside it is removed by the next build, which then replaces it."""
    config, expected, seconds = _first_build(tmp_path)
    moments = sorted(random.Random(7).uniform(0.1, 1.1) * seconds for _ in range(4))
    for moment in moments:
        build = _start(config)
        time.sleep(moment)
        build.send_signal(signal.SIGKILL)
        build.wait()
        _assert_whole(tmp_path / "site", expected)
    build = _start(config)
    assert build.wait(timeout=600) == 0
    _assert_whole(tmp_path / "site", expected)
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".site")] == []


def test_a_failed_build_removes_what_it_wrote_apart(tmp_path: Path) -> None:
    """A build that stops on bad input leaves no staged folder behind, and the last site."""
    from tests.conftest import copy_corpus

    seeds = copy_corpus(MINI, tmp_path / "seeds")
    config = mkdocs_config(seeds, tmp_path / "build")
    assert _start(config).wait(timeout=600) == 0
    expected = _files(tmp_path / "build" / "site")
    (seeds / "outlets.yaml").write_text("outlets: [", encoding="utf-8")
    assert _start(config).wait(timeout=600) == 1
    _assert_whole(tmp_path / "build" / "site", expected)
    assert [path.name for path in (tmp_path / "build").iterdir() if path.name.startswith(".site")] == []


def test_without_an_exchange_call_the_site_is_still_replaced_whole(tmp_path: Path, monkeypatch) -> None:
    """Where the system cannot swap two folders in one step, two renames do it; a build killed
    between them leaves the old site aside, and the next build puts it back first."""
    monkeypatch.setattr(site_folder, "_exchange", lambda a, b: False)
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.html").write_text("old", encoding="utf-8")
    staged = site_folder.stage(target)
    (staged.folder / "new.html").write_text("new", encoding="utf-8")
    site_folder.publish(staged)
    assert _files(target) == ["new.html"] and sorted(p.name for p in tmp_path.iterdir()) == ["site"]

    killed = site_folder.stage(target)  # as if killed after moving the old site aside
    target.rename(killed.folder.with_name(killed.folder.name + "-old"))
    killed.lock.close()  # the process is gone: so is its lock
    site_folder.discard(site_folder.stage(target))
    assert _files(target) == ["new.html"] and sorted(p.name for p in tmp_path.iterdir()) == ["site"]
