"""Pausing Python's cycle collector while the stages run: a measured speed trick.

The stages build large trees of objects without reference cycles (parsed YAML,
validated models, indexes, pages). The cycle collector would walk them again and
again as they grow: about a fifth of the generator's time on a large synthetic
corpus, measured with ``scripts/benchmark.py`` (the site's *Performance at scale*
page). Reference counting still frees memory as soon as it is unused; only the
search for cycles waits until the stages are done.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """The cycle collector off for the block, back as it was after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
