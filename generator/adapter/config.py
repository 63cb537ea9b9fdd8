"""The plugin's options in mkdocs.yml, and the one form of ``site_url`` it accepts."""

from __future__ import annotations

import re

from mkdocs.config import base
from mkdocs.config import config_options as c

from generator.site.search_index import PART_PAGES

# An http(s) address: a host, then path characters only (no quote, angle bracket, space or backslash).
SITE_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~!$&()*+,;=:@%/-]*)?")


class BriefingConfig(base.Config):
    seeds = c.Type(str, default="seeds")
    """The seed folder, relative to mkdocs.yml."""
    search_index = c.Type(bool, default=True)
    """Index the built site for search with Pagefind; ``false`` leaves the index out (the
    benchmark builds a corpus too large for Pagefind to index in one run so)."""
    search_part_pages = c.Type(int, default=PART_PAGES)
    """Pages Pagefind indexes in one run: a larger site is indexed in parts, merged in the
    reader's browser (Pagefind holds a part in memory, about 100 KB a page)."""
    file_events = c.Type(bool, default=True)
    """Under serve, see a save through the system's file events; ``false`` keeps MkDocs' own
    polling every half second (for a file system that does not report changes, as some
    network drives and containers do not)."""
    compact_html = c.Type(bool, default=True)
    """Write pages without the theme's indentation and blank lines (``compact_html``);
    ``false`` writes the templates' output as it is."""
