"""The seed folder's layout: its registry files and its two folders."""

from __future__ import annotations

from pathlib import Path

from generator import inputs

REGISTRY_FILES = tuple(f"{registry.file}.yaml" for registry in inputs.REGISTRIES)
REGISTRY_NAMES = {registry.file for registry in inputs.REGISTRIES}
TOPICS_DIR = "topics"
DOCUMENTS_DIR = "documents"
# Files that returned no data, and the text that did not parse (None: it could not be read).
Failed = dict[Path, "str | None"]
