"""One file read: refused if it is a link, not a regular file or too large, decoded as
UTF-8 (a leading byte-order mark dropped)."""

from __future__ import annotations

import functools
import os
import stat
from collections.abc import Callable
from pathlib import Path

from generator.base.problems import Problem, Problems

# Larger files are refused before they are read: metadata this big is a mistake
# or an attack, and parsing it would take minutes and gigabytes.
MAX_FILE_BYTES = 10 * 1024 * 1024
_BOM = "\ufeff"
# The step that reads a regular file of a size the loader accepts: its path and status give
# its text (None if it is not UTF-8) and the problems (the preview's session reuses it).
Read = Callable[[Path, os.stat_result], "tuple[str | None, list[Problem]]"]


def decode_file(path: Path, status: os.stat_result, root: Path) -> tuple[str | None, list[Problem]]:
    """A regular file's text decoded (``status`` is the file's as it was found), with the
    problem of a text that is not UTF-8."""
    found = Problems(root)
    return _decoded(path, found), found.items()


def read_text(path: Path, problems: Problems, read: Read | None = None) -> str | None:
    """A file decoded as UTF-8 (a leading byte-order mark is dropped), or ``None``
    with a problem recorded. Symbolic links and oversized files are refused."""
    try:
        status = os.lstat(path)  # one look at the file, its link not followed: a preview reads every file
    except OSError:
        status = None
    if status is not None and stat.S_ISLNK(status.st_mode):
        problems.add(
            path, 1, 1, "unsafe-path", "symbolic links are not followed", "replace the link by the file itself"
        )
        return None
    if status is None or not stat.S_ISREG(status.st_mode):  # a folder, a pipe or a device: reading it could block
        problems.add(
            path,
            1,
            1,
            "unexpected-file",
            f"'{path.name}' is not a regular file",
            "metadata and texts are plain files; remove or rename this entry",
        )
        return None
    size = status.st_size
    if size > MAX_FILE_BYTES:
        problems.add(
            path,
            1,
            1,
            "file-too-large",
            f"the file is {size / 1024 / 1024:.1f} MB; files over {MAX_FILE_BYTES // 1024 // 1024} MB are refused",
            "split it, or check that it is the file you meant",
        )
        return None
    text, found = (read or functools.partial(decode_file, root=problems.root))(path, status)
    problems.extend(found)
    return text


def _decoded(path: Path, problems: Problems) -> str | None:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        problems.add(
            path,
            line,
            column,
            "encoding",
            f"the file is not valid UTF-8 (byte 0x{data[error.start]:02x})",
            "save the file as UTF-8",
        )
        return None
    return text.removeprefix(_BOM)
