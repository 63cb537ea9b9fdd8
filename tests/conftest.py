"""Shared fixtures: the real seed folder, the small fixture corpus, and a real MkDocs build."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
# A frozen copy of the seed: tests that assert its hand-checked facts read this copy,
# so that no edit of the live seed (a new topic, a corrected claim) can break them.
SNAPSHOT = Path(__file__).resolve().parent / "fixtures" / "seed-snapshot"

# The browser tests' fixtures (a served site, chromium), shared by their modules.
pytest_plugins = ("tests.browsing",)


def copy_corpus(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def mkdocs_config(seeds: Path, workdir: Path, **options: object) -> Path:
    """A config that inherits the project's mkdocs.yml, building ``seeds`` into ``workdir/site``
    (with ``options`` for the briefing plugin)."""
    workdir.mkdir(parents=True, exist_ok=True)
    project = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    plugins = [
        {"briefing": {"seeds": str(seeds), **options}} if isinstance(p, dict) and "briefing" in p else p
        for p in project["plugins"]
    ]
    config = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "docs_dir": str(ROOT / "docs"),
        "theme": {**project["theme"], "custom_dir": str(ROOT / project["theme"]["custom_dir"])},
        "site_dir": str(workdir / "site"),
        "watch": [str(seeds)],
        "plugins": plugins,
    }
    config_file = workdir / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return config_file


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, leaving MkDocs' own tags (``!!python/name:``) unresolved."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


def mkdocs_build(seeds: Path, workdir: Path, **options: object) -> subprocess.CompletedProcess[str]:
    """Run the real ``mkdocs build --strict`` on ``seeds`` with the project's mkdocs.yml."""
    config_file = mkdocs_config(seeds, workdir, **options)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )


def built_site(seeds: Path, workdir: Path, **options: object) -> Path:
    """``seeds`` built by the real MkDocs into ``workdir``; the build must pass."""
    result = mkdocs_build(seeds, workdir, **options)
    assert result.returncode == 0, result.stdout + result.stderr
    return workdir / "site"


@dataclass(frozen=True)
class Ran:
    """What a command printed and the code it exited with."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, cwd: Path = ROOT) -> Ran:
    """``python -m generator ARGS`` run in this process, in ``cwd``: the command line's own main
    function, its output captured (``run_command`` starts the real entry point in a process)."""
    from generator.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exit:  # argparse's refusal of the arguments
            code = exit.code if isinstance(exit.code, int) else int(exit.code is not None)
    return Ran(code, out.getvalue(), err.getvalue())


def run_command(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``python -m generator ARGS`` run in a process of its own, in ``cwd``."""
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True)


def checked_model(seeds: Path, project: Path):
    """``seeds`` validated (without a problem) and indexed."""
    from generator.build.pipeline import check
    from generator.model.indexing import build_site

    checked = check(seeds, project)
    assert checked.problems == []
    return build_site(checked.corpus)


def _once(name: str, make: Callable[[Path], object], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder filled by ``make(folder)`` once per test run, even when pytest-xdist runs
    the suite in several processes: the first to ask fills it under a lock, the others
    reuse it."""
    import fcntl

    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        folder = tmp_path_factory.mktemp(name)
        make(folder)
        return folder
    shared = tmp_path_factory.getbasetemp().parent / name
    shared.mkdir(exist_ok=True)
    with open(shared / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (shared / ".made").exists():
            make(shared)
            (shared / ".made").touch()
    return shared


def _built_once(name: str, seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``seeds`` built by the real MkDocs once per test run."""
    return _once(name, lambda folder: built_site(seeds, folder), tmp_path_factory) / "site"


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed corpus built once by the real MkDocs."""
    return _built_once("seed-build", SEEDS, tmp_path_factory)


@pytest.fixture(scope="session")
def seed_model():
    """The seed corpus, validated and indexed."""
    return checked_model(SEEDS, ROOT)


@pytest.fixture(scope="session")
def snapshot_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The frozen copy of the seed, built once by the real MkDocs."""
    return _built_once("snapshot-build", SNAPSHOT, tmp_path_factory)


@pytest.fixture(scope="session")
def snapshot_model():
    """The frozen copy of the seed, validated and indexed."""
    return checked_model(SNAPSHOT, ROOT)


@pytest.fixture(scope="session")
def grown_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The live seed grown past every limit of a page (``tests/growth.py``), made once."""
    from tests.growth import grow

    return _once("grown-seeds", lambda folder: grow(SEEDS, folder / "seeds"), tmp_path_factory) / "seeds"


@pytest.fixture(scope="session")
def grown_site(grown_seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The grown seed, built once by the real MkDocs."""
    return _built_once("grown-build", grown_seeds, tmp_path_factory)


@pytest.fixture(scope="session")
def grown_model(grown_seeds: Path):
    """The grown seed, validated and indexed."""
    return checked_model(grown_seeds, ROOT)


# A synthetic corpus of 600 documents (``scripts/synthetic_corpus.py``), built with the limits of
# a question's claims a side and of the items on a page of a list lowered to these, so that its
# questions, tags and long months are cut into numbered parts (tests/test_page_size.py).
LONG_DOCUMENTS = 600
LOWERED_LIMIT = 10


@pytest.fixture(scope="session")
def long_pages(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The long synthetic corpus's pages, as ``{path: markup.Page}``, built once per process
    (tests/test_page_size.py reads their sizes, tests/test_page_blocks.py their blocks)."""
    from generator.build.pipeline import build_pages
    from generator.model import parts
    from generator.render import markup

    sys.path.insert(0, str(ROOT / "scripts"))
    from synthetic_corpus import build as synthetic

    seeds = tmp_path_factory.mktemp("long") / "seeds"
    synthetic(seeds, documents=LONG_DOCUMENTS, seed=3)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parts, "BACKLINK_LIMIT", LOWERED_LIMIT)
        patch.setattr(parts, "PART_LIMIT", LOWERED_LIMIT)
        built = build_pages(seeds, ROOT)
    assert built.problems == []
    return {p.path: p.content for p in built.pages if isinstance(p.content, markup.Page)}
