"""Which lines of the seed a contributor has changed, as git sees them.

Used only to blame the right entry when two share an id: the one just written,
not the one that was there before. Outside a git work tree, or when git is
missing or slow, nothing is known and callers fall back to file order.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

Changed = dict[Path, "set[int] | None"]  # file -> changed line numbers (1-based); None: the whole file is new

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


def changed_lines(folder: Path) -> Changed:
    """Lines changed under ``folder`` against the last commit (on a pull request in
    GitHub Actions, against the branch it targets, when that is fetched), and files
    git does not track yet."""
    top = _git(folder, "rev-parse", "--show-toplevel")
    if top is None:
        return {}
    root = Path(top.strip())
    base = os.environ.get("GITHUB_BASE_REF")
    against = (_git(folder, "merge-base", "HEAD", f"origin/{base}") or "").strip() if base else ""
    changed: Changed = {}
    diff = _git(folder, "diff", "-U0", "--no-color", "--no-ext-diff", against or "HEAD", "--", ".") or ""
    for part in diff.split("\ndiff --git "):
        name = re.search(r"^\+\+\+ b/(.+)$", part, re.MULTILINE)
        if name is None:
            continue
        lines: set[int] = set()
        for start, count in _HUNK.findall(part):
            lines.update(range(int(start), int(start) + int(count or 1)))
        changed[(root / name[1]).resolve()] = lines
    untracked = _git(folder, "ls-files", "--others", "--exclude-standard", "--full-name", "--", ".") or ""
    for new_file in untracked.splitlines():
        changed[(root / new_file).resolve()] = None
    return changed


def _git(folder: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None
