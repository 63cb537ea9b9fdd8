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


def collect_less_often() -> None:
    """For a process that rebuilds again and again (the preview): the cycle collector
    looks at young objects after 50,000 new ones instead of Python's 700; the older
    generations keep their thresholds. With Python's, it walked what each rebuild had
    just made several times: 0.03 s of every rebuild at 1,000 documents, measured with
    ``scripts/measure_preview.py``. The preview holds about 10 MB more, and no more
    from one rebuild to the next."""
    gc.set_threshold(50_000, 10, 10)


def set_aside_from_collection() -> None:
    """For a single build: what exists now (the validated corpus, the model, the rendered
    pages) is left out of the cycle collector's walks for the rest of the process
    (``gc.freeze``). The theme's rendering of every page then walks only what it makes:
    its full collections walked the whole corpus again and again, growing faster than the
    corpus (41 s at 100,000 documents, 3.7 s at 10,000), measured with ``gc.callbacks``.
    Memory is still freed by reference counting; ``return_to_collection`` ends it once
    the pages are written. A preview, which lets go of each rebuild's model, does not use it."""
    gc.freeze()


def return_to_collection() -> None:
    """What ``set_aside_from_collection`` left out is walked again (as old objects)."""
    gc.unfreeze()
