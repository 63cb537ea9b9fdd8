"""Stage 1: read the seed folder into plain data that remembers positions.

Each YAML file is read by ``yaml_reader`` (plain data, positions found only when
a problem needs them); this module finds the files, refuses what is unsafe or
too large, reads the texts, and reports files the generator would ignore.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from generator.base.problems import Problem, Problems
from generator.load.files import decode_file, read_text
from generator.load.layout import DOCUMENTS_DIR, REGISTRY_FILES, REGISTRY_NAMES, TOPICS_DIR, Failed
from generator.load.stray_files import named_by_unparsed, report_stray_files
from generator.load.yaml_reader import MAX_DEPTH, Loc, Position, YamlFile, YamlSource, parse_yaml

__all__ = ["MAX_DEPTH", "Loc", "Position", "YamlFile", "YamlSource", "load_corpus", "parse_yaml"]


@dataclass
class TextFile:
    """A verbatim source text, exactly as stored."""

    path: Path
    text: str


@dataclass
class RawCorpus:
    """Everything read from the seed folder, before validation."""

    root: Path
    registries: dict[str, YamlFile]
    topics: list[YamlFile]
    documents: list[YamlFile]
    texts: dict[Path, TextFile]
    unreadable: set[str] = field(default_factory=set)  # kinds of file that failed to parse
    # Their text as far as it could be read, by kind (None: nothing could be read): a
    # reference to an id written in them is not reported, any other reference is.
    unparsed: dict[str, list[str] | None] = field(default_factory=dict)


def parse_file(path: Path, text: str, root: Path) -> tuple[YamlFile | None, list[Problem]]:
    """One YAML file's text parsed, with the problems its parsing found."""
    found = Problems(root)
    return parse_yaml(path, text, found), found.items()


@dataclass(frozen=True)
class Steps:
    """The steps the loader takes per file: ``read`` a regular file of a size it accepts
    (its path and status give its text, None if it is not UTF-8, and the problems), and
    ``parse`` a metadata file's text (the parse, None if it failed, and the problems). The
    preview's session reuses each for an unchanged file."""

    read: Callable[[Path, os.stat_result], tuple[str | None, list[Problem]]]
    parse: Callable[[Path, str], tuple[YamlFile | None, list[Problem]]]

    @classmethod
    def plain(cls, root: Path) -> Steps:
        return cls(functools.partial(decode_file, root=root), functools.partial(parse_file, root=root))


def load_corpus(root: Path, problems: Problems, steps: Steps | None = None) -> RawCorpus:
    """Read every metadata file and every text file it names under ``root``, with the
    loader's ``steps`` (``Steps.plain`` if none are given)."""
    if steps is None:
        steps = Steps.plain(problems.root)
    registries: dict[str, YamlFile] = {}
    unreadable: set[str] = set()
    failed: Failed = {}
    if root.is_symlink():  # its files could be anywhere on the machine (seeds -> /)
        problems.add(
            root,
            1,
            1,
            "unsafe-path",
            f"the seed folder '{root.name}' is a symbolic link, and links are not followed",
            "give the real folder (its path, or move it here), not a link to it",
        )
        return RawCorpus(root, {}, [], [], {})
    for name in REGISTRY_FILES:
        path = root / name
        if not path.exists() and not path.is_symlink():
            problems.add(
                path,
                1,
                1,
                "missing-file",
                f"the registry file {name} is missing",
                f"create {name} with a top-level '{name.removesuffix('.yaml')}:' list",
            )
            unreadable.add(name.removesuffix(".yaml"))  # references to its ids are not reported
            continue
        loaded = load_yaml_file(path, problems, steps, failed)
        if loaded is None:
            unreadable.add(name.removesuffix(".yaml"))
        else:
            registries[name.removesuffix(".yaml")] = loaded
    folders = {name: _entries(root / name) for name in (TOPICS_DIR, DOCUMENTS_DIR)}
    topics = _load_folder(root / TOPICS_DIR, folders[TOPICS_DIR], problems, steps, unreadable, failed)
    documents = _load_folder(root / DOCUMENTS_DIR, folders[DOCUMENTS_DIR], problems, steps, unreadable, failed)
    texts = _load_texts(documents, folders[DOCUMENTS_DIR], problems, steps)
    named = {_in_folder(name) for meta in documents for name, _ in named_files(meta)}
    named |= named_by_unparsed(root / DOCUMENTS_DIR, folders[DOCUMENTS_DIR], failed)
    report_stray_files(root, folders, named, problems)
    unparsed = {name: _unparsed_texts(root, name, failed) for name in unreadable}
    return RawCorpus(root, registries, topics, documents, texts, unreadable, unparsed)


def _unparsed_texts(root: Path, name: str, failed: Failed) -> list[str] | None:
    """The text of the files of ``name`` (a registry or a folder) that did not parse; None
    when one could not even be read (missing, too large, not UTF-8, a link)."""
    if name in REGISTRY_NAMES:
        sources = [text for path, text in failed.items() if path == root / f"{name}.yaml"]
    else:
        sources = [text for path, text in failed.items() if path.parent == root / name]
    if not sources or any(text is None for text in sources):
        return None
    return [text for text in sources if text is not None]


def _entries(folder: Path) -> dict[str, os.DirEntry[str]] | None:
    """A folder's entries by name, read once (each knows, without another look at the disk,
    whether it is a link or a plain file: a preview lists the folders at every save); None
    for a folder that is a link (its files could be anywhere on the machine) or is missing."""
    if folder.is_symlink():
        return None
    try:
        with os.scandir(folder) as found:
            return {entry.name: entry for entry in found}
    except OSError:
        return None


def _load_folder(
    folder: Path,
    entries: dict[str, os.DirEntry[str]] | None,
    problems: Problems,
    steps: Steps,
    unreadable: set[str],
    failed: Failed,
) -> list[YamlFile]:
    if folder.is_symlink():  # its files could be anywhere on the machine
        problems.add(
            folder,
            1,
            1,
            "unsafe-path",
            f"'{folder.name}' is a symbolic link, and links are not followed",
            f"make {folder.name}/ a real folder inside the seed folder",
        )
        unreadable.add(folder.name)
        return []
    # Only plain files and links (refused when read); a folder named like a file is reported as unexpected.
    names = sorted(
        name
        for name, entry in (entries or {}).items()
        if name.endswith((".yaml", ".yml")) and (entry.is_symlink() or entry.is_file())
    )
    loaded = [load_yaml_file(folder / name, problems, steps, failed) for name in names]
    if None in loaded:
        unreadable.add(folder.name)
    return [item for item in loaded if item is not None]


def _load_texts(
    documents: list[YamlFile], entries: dict[str, os.DirEntry[str]] | None, problems: Problems, steps: Steps
) -> dict[Path, TextFile]:
    """Read the text files each document names (its text and its translations), resolved next
    to it (among ``entries``)."""
    texts: dict[Path, TextFile] = {}
    for meta, name, loc in ((file, name, loc) for file in documents for name, loc in named_files(file)):
        if not _is_plain_file_name(name):
            continue  # validation reports the bad field
        path = meta.path.parent / name
        if path in texts:
            continue
        if name not in (entries or {}):
            line, column = meta.position(loc)
            problems.add(
                meta.path,
                line,
                column,
                "missing-text",
                f"the text file '{name}' does not exist next to this metadata file",
                f"put the verbatim text at {problems.display_path(path)}",
            )
            continue
        text = read_text(path, problems, steps.read)
        if text is not None:
            texts[path] = TextFile(path, text)
    return texts


def named_files(meta: YamlFile) -> list[tuple[str, Loc]]:
    """The file names a document's metadata gives, each with where: its text (``text:``) and
    its translations' (``translations: - text:``); fields of another type are left to validation."""
    data = meta.data if isinstance(meta.data, dict) else {}
    found: list[tuple[str, Loc]] = [(data["text"], ("text",))] if isinstance(data.get("text"), str) else []
    translations = data.get("translations")
    for index, translation in enumerate(translations if isinstance(translations, list) else []):
        if isinstance(translation, dict) and isinstance(translation.get("text"), str):
            found.append((translation["text"], ("translations", index, "text")))
    return found


def _in_folder(name: str) -> str:
    """The name of the file ``name`` leads to in the folder it is written in ('' if it leads out)."""
    if _is_plain_file_name(name):
        return name
    parts = PurePath(name).parts  # './a.txt' is 'a.txt'
    return parts[0] if len(parts) == 1 else ""


def _is_plain_file_name(name: str) -> bool:
    """Only a name in the same folder is read; validation reports anything else."""
    return len(name) <= 200 and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name) is not None and ".." not in name


def load_yaml_file(path: Path, problems: Problems, steps: Steps, failed: Failed | None = None) -> YamlFile | None:
    """Parse one YAML file; on a problem record it and return ``None``, noting the file in
    ``failed`` with the text it could not parse (None: it could not even be read)."""
    text = read_text(path, problems, steps.read)
    parsed = None
    if text is not None:
        parsed, found = steps.parse(path, text)
        problems.extend(found)
    if parsed is None and failed is not None:
        failed[path] = text
    return parsed
