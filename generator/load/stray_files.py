"""Files the generator would ignore, reported: a text no metadata names, a misnamed
registry, a file of another kind, two names that differ only in case."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from generator.base.problems import Problems
from generator.load.layout import DOCUMENTS_DIR, REGISTRY_FILES, TOPICS_DIR, Failed


def named_by_unparsed(folder: Path, entries: dict[str, os.DirEntry[str]] | None, failed: Failed) -> set[str]:
    """Texts that a metadata file which failed to parse seems to name: they are not
    reported as orphans (the syntax error is the one to fix)."""
    unparsed = {path.stem: text for path, text in failed.items() if path.parent == folder and text is not None}
    if not unparsed:
        return set()
    return {
        name
        for name in entries or {}
        if name.endswith(".txt")
        and (name.removesuffix(".txt") in unparsed or any(name in source for source in unparsed.values()))
    }


def report_stray_files(
    root: Path, folders: dict[str, dict[str, os.DirEntry[str]] | None], named: set[str], problems: Problems
) -> None:
    """Files the generator would ignore: a text no metadata names (``named``: the names of
    the documents folder's texts that are), a misnamed registry. Ignoring them silently
    would lose a contributor's work."""
    expected_root = {*REGISTRY_FILES, TOPICS_DIR, DOCUMENTS_DIR}
    for path in sorted(root.iterdir(), key=lambda path: path.name):
        if path.name.startswith(".") or path.name in expected_root or path.name.lower().startswith("readme"):
            continue
        close = difflib.get_close_matches(path.name, sorted(expected_root), n=1)
        problems.add(
            path,
            1,
            1,
            "unexpected-file",
            f"'{path.name}' is not a file the generator reads",
            f"did you mean '{close[0]}'?"
            if close
            else "registries are parties.yaml, locations.yaml and outlets.yaml; "
            "topics go in topics/, documents in documents/",
        )
    for name, allowed in ((TOPICS_DIR, (".yaml", ".yml")), (DOCUMENTS_DIR, (".yaml", ".yml", ".txt"))):
        entries = folders[name]
        if entries is None:
            continue
        folder = root / name
        _report_case_collisions(folder, sorted(entries), problems)
        for entry_name, entry in sorted(entries.items()):
            if entry_name.startswith(".") or (name == DOCUMENTS_DIR and entry_name in named):
                continue  # a named text is reported when read
            path = folder / entry_name
            is_file = entry.is_symlink() or entry.is_file()
            if path.suffix not in allowed or not is_file:
                kind = "file" if is_file else "regular file"
                problems.add(
                    path,
                    1,
                    1,
                    "unexpected-file",
                    f"'{path.name}' is not a {kind} the generator reads",
                    f"only {', '.join(allowed)} files belong in {folder.name}/",
                )
            elif path.suffix == ".txt":
                problems.add(
                    path,
                    1,
                    1,
                    "orphan-text",
                    "no metadata file names this text, so it would not be published",
                    f"run 'python -m generator new {problems.display_path(path)}', "
                    "or name it in a document's 'text:' field",
                )


def _report_case_collisions(folder: Path, names: list[str], problems: Problems) -> None:
    """Names that differ only in case are one file on Windows and macOS."""
    seen: dict[str, str] = {}
    for name in names:
        first = seen.setdefault(name.casefold(), name)
        if first is not name:
            path = folder / name
            problems.add(
                path,
                1,
                1,
                "case-collision",
                f"'{name}' differs from '{first}' only in upper and lower case",
                "on Windows and macOS they are the same file: rename one of them",
            )
