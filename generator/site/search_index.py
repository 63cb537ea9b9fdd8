"""Site search: the built site indexed with Pagefind, after the build.

Pagefind reads the built HTML and writes a search bundle into ``pagefind/`` of
the site: the index cut into small chunks, one fragment per page, and its
engine's scripts, which the site's search dialog (``docs/javascripts/search.js``)
uses. A reader's browser fetches only the chunks a query needs, so a first
search costs kilobytes, not the whole index (``scripts/benchmark.py`` measures
it).

What is indexed is marked in the pages themselves (``docs/overrides/main.html``):
a searched page's content carries ``data-pagefind-body`` and its filters (the
kind of page and its topic); lists of links to pages that are searched
themselves carry ``data-pagefind-ignore``. The binary comes with the
``pagefind-bin-extended`` package (nothing is downloaded at build time): its extended build
cuts the words of languages written without spaces (Thai, Chinese, Japanese).

Pages are indexed by their language (their ``<html lang>``): the site's pages in English,
and the page of each text in another language (``render.paths.original``) in that
language, so that its words are cut and matched as that language's. The search dialog
searches every language's index at once.

Pagefind holds what it indexes in memory, about 100 KB a page, until it writes
the bundle. A site of more than ``PART_PAGES`` pages is indexed in parts, one
after the other, each into a bundle of its own (``pagefind/`` and then
``pagefind/part-2/``…), which the search dialog merges in the reader's browser
(Pagefind's ``mergeIndex``); ``pagefind/parts.json`` lists them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from pagefind_bin_extended import get_executable

BUNDLE = "pagefind"  # the bundle's folder in the site
PARTS = "parts.json"  # in it: the folders of the other parts, relative to it
PART_PAGES = 40_000  # pages in one part: about 4 GB of Pagefind's memory
_WORK = ".index-"  # the folders of an indexing in the site, gone once it is done:
_PART_FOLDER = f"{_WORK}part-"  # a part's pages while Pagefind reads them (hard links)
_FRESH, _STALE = f"{_WORK}new", f"{_WORK}old"  # the bundle being written, and the one it replaces
# What Pagefind writes for other sites' search boxes: the site's dialog uses its engine alone.
_UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site."""


def command(site: Path, output: Path | None = None) -> list[str]:
    """The Pagefind command that indexes the pages under ``site`` into ``output`` (by
    default, the bundle's folder in ``site``)."""
    try:
        binary = get_executable()
    except FileNotFoundError as error:
        raise SearchIndexError(
            f"Pagefind's binary is missing ({error}); reinstall the project with pip install -e . "
            "(the pagefind-bin-extended package brings it)"
        ) from error
    return [
        str(binary),
        *("--site", str(site), "--output-path", str(output or site / BUNDLE)),
        *("--exclude-selectors", ".headerlink"),  # the ¶ of each heading's permanent link
    ]


def index_site(
    site: Path,
    background: bool = False,
    started: Callable[[subprocess.Popen[str]], None] | None = None,
    part_pages: int = PART_PAGES,
    in_place: bool = False,
) -> str:
    """Index ``site``, in parts of at most ``part_pages`` pages; returns Pagefind's summary
    (pages and words indexed). In the ``background``, Pagefind runs at a low priority,
    behind the preview's rebuilds; ``started`` is given each of its processes (to stop it if
    the preview stops first).

    The new bundle is written apart and then takes the old one's place: nothing of an
    earlier indexing stays in it (Pagefind leaves the files of its earlier runs). ``in_place``
    (the preview's indexing again after a save) writes into the bundle as it is: Pagefind
    leaves alone the files it would write the same (1.9 s at 1,000 documents, where writing
    them all takes 4 to 5 s), and the earlier runs' files stay in the preview's folder."""
    bundle, fresh, stale = site / BUNDLE, site / _FRESH, site / _STALE
    for leftover in (fresh, stale):  # of an indexing that was stopped
        shutil.rmtree(leftover, ignore_errors=True)
    target = bundle if in_place else fresh
    if in_place:  # a new bundle has no parts yet; this one may have a larger site's
        for old in sorted(bundle.glob("part-*")):
            shutil.rmtree(old, ignore_errors=True)
    pages = sorted(
        page.relative_to(site)
        for page in site.rglob("*.html")
        if not page.is_relative_to(bundle) and not page.relative_to(site).parts[0].startswith(_WORK)
    )
    parts = [pages[start : start + part_pages] for start in range(0, len(pages), part_pages)]
    if len(parts) <= 1:
        summaries = [_run(command(site, target), site, background, started)]
    else:
        summaries = [
            f"part {number}: " + _index_part(site, part, target / _part_folder(number), background, started)
            for number, part in enumerate(parts, 1)
        ]
    target.mkdir(exist_ok=True)
    for number in range(1, len(parts) + 1):
        for name in _UNUSED:
            (target / _part_folder(number) / name).unlink(missing_ok=True)
    others = [f"{_part_folder(number)}/" for number in range(2, len(parts) + 1)]
    (target / PARTS).write_text(json.dumps({"parts": others}) + "\n", encoding="utf-8")
    if not in_place:
        if bundle.exists():
            bundle.rename(stale)
        fresh.rename(bundle)
        shutil.rmtree(stale, ignore_errors=True)
    return "; ".join(summaries)


def _part_folder(number: int) -> str:
    """The folder of a part's bundle, in the first part's (``.`` for the first)."""
    return "." if number == 1 else f"part-{number}"


def _index_part(
    site: Path,
    pages: Sequence[Path],
    output: Path,
    background: bool,
    started: Callable[[subprocess.Popen[str]], None] | None,
) -> str:
    """Index ``pages`` of ``site`` into ``output``: Pagefind reads a folder that holds only
    them, at the same paths (hard links, or copies where links cannot be made), so that
    their addresses are the site's."""
    with tempfile.TemporaryDirectory(prefix=_PART_FOLDER, dir=site) as folder:
        root = Path(folder)
        for page in pages:
            target = root / page
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(site / page, target)
            except OSError:
                shutil.copyfile(site / page, target)
        return _run(command(root, output.resolve()), site, background, started)


def _run(
    arguments: list[str], site: Path, background: bool, started: Callable[[subprocess.Popen[str]], None] | None
) -> str:
    lower = (lambda: os.nice(10)) if background and hasattr(os, "nice") else None
    pipe = subprocess.PIPE
    with subprocess.Popen(arguments, stdout=pipe, stderr=pipe, text=True, preexec_fn=lower) as process:
        if started is not None:
            started(process)
        out, err = process.communicate()
    if process.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index {site}:\n{out}{err}".rstrip())
    return _summary(out)


def _summary(output: str) -> str:
    """The lines of Pagefind's report that say what it indexed."""
    lines = (line.strip() for line in output.splitlines())
    return ", ".join(
        line.removeprefix("Indexed ")
        for line in lines
        if line.startswith("Indexed") and line.endswith(("pages", "words", "filters"))
    )


class IndexWhenIdle:
    """The preview's search index, brought up to date once the preview has been quiet
    for ``delay`` seconds, in the background and at a low priority: a rebuild never
    waits for it, and a run of quick saves is indexed once. One indexing runs at a time;
    a save during it has the site indexed again after it. Each outcome is told to
    ``done`` (Pagefind's summary) or ``failed`` (why), and the preview goes on."""

    def __init__(
        self,
        site: Path,
        done: Callable[[str], None],
        failed: Callable[[str], None],
        delay: float = 1.0,
        part_pages: int = PART_PAGES,
    ) -> None:
        self.site, self.done, self.failed, self.delay, self.part_pages = site, done, failed, delay, part_pages
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._running = False
        self._again = False
        self._process: subprocess.Popen[str] | None = None
        self._stopped = False

    def schedule(self) -> None:
        """Index a moment after the last call (each call starts the wait again)."""
        with self._lock:
            if self._stopped:
                return
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.delay, self._run)
            self._timer.daemon = True
            self._timer.start()

    def _run(self) -> None:
        with self._lock:
            if self._stopped:
                return
            if self._running:
                self._again = True
                return
            self._running = True
        try:
            summary = index_site(
                self.site, background=True, started=self._started, part_pages=self.part_pages, in_place=True
            )
            self.done(f"search index: {summary}")
        except SearchIndexError as error:
            self.failed(str(error))
        finally:
            with self._lock:
                self._running, again, self._again = False, self._again, False
            if again:
                self.schedule()

    def _started(self, process: subprocess.Popen[str]) -> None:
        with self._lock:
            self._process = process
            if self._stopped:  # stopped between two parts of the index
                process.terminate()

    def stop(self) -> None:
        """The preview stops: no more indexing, and Pagefind, if it runs, is stopped."""
        with self._lock:
            self._stopped = True
            if self._timer is not None:
                self._timer.cancel()
            if self._process is not None and self._process.poll() is None:
                self._process.terminate()
