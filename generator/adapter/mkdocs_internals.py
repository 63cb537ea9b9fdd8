"""The private details of MkDocs 1.6 (and of ProperDocs, its continuation) the adapter relies
on, in one place: each is named here, and ``tests/test_engine_internals.py`` checks each one,
so that a change in the engine fails one named test instead of the preview misbehaving.

The live preview's server (``mkdocs.livereload.LiveReloadServer``):

- ``_watched_paths``: what it was told to watch before it starts;
- ``observer``: the file watcher it starts after the ``on_serve`` event;
- ``build_delay``: how long it waits for a save to settle;
- ``_inject_js_into_html(content, epoch)``: how it adds its reload script to each page served.

The generated pages (``generator.adapter.mkdocs_pages``) subclass ``File`` and ``Page``: what they
override and set is listed there, and checked by the same tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mkdocs.livereload import LiveReloadServer

Injector = Callable[[bytes, int], bytes]


def watched_paths(server: LiveReloadServer) -> list[str]:
    """The paths the server was told to watch."""
    return list(server._watched_paths)


def use_observer(server: LiveReloadServer, observer: Any, build_delay: float) -> None:
    """Watch the same paths with ``observer`` instead of the server's own, and wait
    ``build_delay`` seconds for a save to settle. Before the server starts."""
    watched = watched_paths(server)
    for path in watched:
        server.unwatch(path)
    server.observer = observer
    for path in watched:
        server.watch(path)
    server.build_delay = build_delay


def wrap_injection(server: LiveReloadServer, wrap: Callable[[bytes, int, Injector], bytes]) -> None:
    """Pass each HTML page the server serves through ``wrap(content, epoch, inject)``, where
    ``inject`` is the server's own script injection."""
    inject: Injector = server._inject_js_into_html

    def wrapped(content: bytes, epoch: int) -> bytes:
        return wrap(content, epoch, inject)

    server._inject_js_into_html = wrapped  # type: ignore[method-assign]
