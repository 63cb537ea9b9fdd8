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
``pagefind[bin]`` package: nothing is downloaded at build time.
"""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

from pagefind_bin import get_executable

BUNDLE = "pagefind"  # the bundle's folder in the site


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site."""


def command(site: Path) -> list[str]:
    """The Pagefind command that indexes ``site`` in place."""
    try:
        binary = get_executable()
    except FileNotFoundError as error:
        raise SearchIndexError(
            f"Pagefind's binary is missing ({error}); reinstall the project with pip install -e . "
            "(the pagefind[bin] package brings it)"
        ) from error
    return [
        str(binary),
        *("--site", str(site), "--output-subdir", BUNDLE, "--force-language", "en"),
        *("--exclude-selectors", ".headerlink"),  # the ¶ of each heading's permanent link
    ]


def index_site(
    site: Path, background: bool = False, started: Callable[[subprocess.Popen[str]], None] | None = None
) -> str:
    """Index ``site`` in place; returns Pagefind's summary (pages and words indexed).
    In the ``background``, Pagefind runs at a low priority, behind the preview's rebuilds;
    ``started`` is given its process (to stop it if the preview stops first)."""
    lower = (lambda: os.nice(10)) if background and hasattr(os, "nice") else None
    pipe = subprocess.PIPE
    with subprocess.Popen(command(site), stdout=pipe, stderr=pipe, text=True, preexec_fn=lower) as process:
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
        self, site: Path, done: Callable[[str], None], failed: Callable[[str], None], delay: float = 1.0
    ) -> None:
        self.site, self.done, self.failed, self.delay = site, done, failed, delay
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
            self.done(f"search index: {index_site(self.site, background=True, started=self._started)}")
        except SearchIndexError as error:
            self.failed(str(error))
        finally:
            with self._lock:
                self._running, again, self._again = False, self._again, False
            if again:
                self.schedule()

    def _started(self, process: subprocess.Popen[str]) -> None:
        self._process = process

    def stop(self) -> None:
        """The preview stops: no more indexing, and Pagefind, if it runs, is stopped."""
        with self._lock:
            self._stopped = True
            if self._timer is not None:
                self._timer.cancel()
            if self._process is not None and self._process.poll() is None:
                self._process.terminate()
