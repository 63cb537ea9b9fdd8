"""The site folder, replaced whole: a build writes its site (pages and search bundle)
into a folder of its own beside the site folder, and only a complete site takes the site
folder's place, in one step.

So the site folder holds, at every moment, either the last site or the new one, each
complete. A build killed at any moment (SIGKILL included) leaves the last site; two builds
into one folder at once each write apart, neither waits for the other, and the one that
ends last is the site. What a killed build leaves beside the site folder (a hidden
``.site.building-*`` folder) is removed by the next build, once no process holds its
lock.

The two folders change places with one call (Linux's ``renameat2`` with
``RENAME_EXCHANGE``). Where the system has no such call, the old folder is moved aside
and the new one moved in: two renames, between which the site folder is briefly absent
but never half-made.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # Windows: a killed build's folder stays until removed by hand
    fcntl = None  # type: ignore[assignment]

_BUILDING = ".building-"  # a staged site: .<site name>.building-<random>
_LOCK = ".lock"  # beside it, held by the build that writes it
_OLD = "-old"  # where the old site waits while the new one moves in, without renameat2
_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


@dataclass
class Staged:
    """A site being written apart, for ``target``, and the lock its build holds."""

    target: Path
    folder: Path
    lock: IO[bytes]

    @property
    def lock_path(self) -> Path:
        return self.folder.with_name(self.folder.name + _LOCK)


def stage(target: Path) -> Staged:
    """A new, empty folder beside ``target`` to write the site into, locked by this
    process; the folders that killed builds left beside it are removed first."""
    target = target.resolve() if target.is_symlink() else target.absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(target)
    # The lock first, then its folder: a folder is never without a lock its build holds.
    handle, name = tempfile.mkstemp(prefix=f".{target.name}{_BUILDING}", suffix=_LOCK, dir=target.parent)
    lock = os.fdopen(handle, "wb")
    if fcntl is not None:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    folder = Path(name.removesuffix(_LOCK))
    folder.mkdir()
    return Staged(target, folder, lock)


def publish(staged: Staged) -> None:
    """The staged site takes the site folder's place; the old site is removed after."""
    try:
        _replace(staged.folder, staged.target)
        shutil.rmtree(staged.folder, ignore_errors=True)  # now the old site, if there was one
    finally:
        _release(staged)


def discard(staged: Staged) -> None:
    """The build failed: its staged site goes, and the site folder stays as it was."""
    shutil.rmtree(staged.folder, ignore_errors=True)
    _release(staged)


def _release(staged: Staged) -> None:
    staged.lock_path.unlink(missing_ok=True)
    staged.lock.close()


def _replace(new: Path, target: Path) -> None:
    """Put ``new`` at ``target``; whatever was at ``target`` is then at ``new``."""
    if not target.exists():
        try:
            new.rename(target)
            new.mkdir()  # so that the caller removes an empty folder, as after an exchange
            return
        except OSError as error:  # another build's site arrived first: exchange with it
            if error.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                raise
    if _exchange(new, target):
        return
    aside = new.with_name(new.name + _OLD)
    target.rename(aside)
    new.rename(target)
    aside.rename(new)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step; False where the system cannot."""
    rename = getattr(_libc(), "renameat2", None)
    if rename is None:
        return False
    if rename(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    number = ctypes.get_errno()
    if number in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EXDEV):  # an old kernel or file system
        return False
    raise OSError(number, os.strerror(number), str(b))


def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name, use_errno=True) if name else None
    except OSError:
        return None


def _remove_abandoned(target: Path) -> None:
    """Remove the staged sites of builds that were killed (their lock no process holds); a
    build killed between its two renames left no site folder, and its old site returns."""
    if fcntl is None:
        return
    for lock_path in sorted(target.parent.glob(f".{target.name}{_BUILDING}*{_LOCK}")):
        with open(lock_path, "ab") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # a build is writing it
            folder = lock_path.with_name(lock_path.name.removesuffix(_LOCK))
            old = folder.with_name(folder.name + _OLD)
            if old.is_dir() and not target.exists():
                old.rename(target)
            for leftover in (folder, old):
                shutil.rmtree(leftover, ignore_errors=True)
            lock_path.unlink(missing_ok=True)
