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

import subprocess
from pathlib import Path

from pagefind_bin import get_executable

BUNDLE = "pagefind"  # the bundle's folder in the site


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site."""


def index_site(site: Path) -> str:
    """Index ``site`` in place; returns Pagefind's summary (pages and words indexed)."""
    try:
        binary = get_executable()
    except FileNotFoundError as error:
        raise SearchIndexError(
            f"Pagefind's binary is missing ({error}); reinstall the project with pip install -e . "
            "(the pagefind[bin] package brings it)"
        ) from error
    command = [str(binary), "--site", str(site), "--output-subdir", BUNDLE, "--force-language", "en"]
    command += ["--exclude-selectors", ".headerlink"]  # the ¶ of each heading's permanent link
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index {site}:\n{done.stdout}{done.stderr}".rstrip())
    return _summary(done.stdout)


def _summary(output: str) -> str:
    """The lines of Pagefind's report that say what it indexed."""
    lines = (line.strip() for line in output.splitlines())
    return ", ".join(
        line.removeprefix("Indexed ")
        for line in lines
        if line.startswith("Indexed") and line.endswith(("pages", "words", "filters"))
    )
