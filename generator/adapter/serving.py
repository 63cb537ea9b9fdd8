"""What the preview's process needs of its own: it stops as on Ctrl+C when told to by a
signal, sees saves through the system's file events (writes only), and keeps quiet about
the dirty build it does on purpose."""

from __future__ import annotations

import logging
import signal
import threading
from typing import Any, ClassVar

import watchdog.events
import watchdog.observers


def stop_as_on_ctrl_c() -> None:
    """A preview told to stop by SIGTERM (an editor's stop button, a process manager,
    ``kill``) or SIGHUP (its terminal closed) stops as on Ctrl+C: MkDocs then runs
    ``on_shutdown``, which stops the background indexing, and removes its temporary site
    folder. Python's default for these signals ended the process at once, and left both
    behind: a copy of the whole site in the system's temporary folder at every stop
    (124 MB at 1,000 documents), and at times a Pagefind process. A second signal ends
    the process at once. A handler set by someone else is left as it is."""
    if threading.current_thread() is not threading.main_thread():
        return  # only the main thread may set handlers (and MkDocs serves from it)
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)  # Windows has no SIGHUP
        if number is not None and signal.getsignal(number) is signal.SIG_DFL:
            signal.signal(number, _interrupt)


def _interrupt(number: int, frame: object) -> None:
    signal.signal(number, signal.SIG_DFL)
    raise KeyboardInterrupt


def not_the_dirty_build_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


class EditsOnly(watchdog.observers.Observer):  # type: ignore[misc,valid-type]  # the platform's own observer
    """An observer told of files written, created, moved and deleted, not of files read."""

    EDITS: ClassVar[list[type[watchdog.events.FileSystemEvent]]] = [
        watchdog.events.FileCreatedEvent,
        watchdog.events.FileModifiedEvent,
        watchdog.events.FileClosedEvent,
        watchdog.events.FileMovedEvent,
        watchdog.events.FileDeletedEvent,
    ]

    def schedule(self, handler: Any, path: Any, *, recursive: bool = False, **options: Any) -> Any:
        return super().schedule(handler, path, recursive=recursive, event_filter=self.EDITS, **options)
