"""JSON Schemas of the metadata files, generated from the input model.

Editors that read ``yaml-language-server`` schemas (VS Code's YAML extension
and others) use them to complete fields and flag mistakes while typing. The
files are committed under ``docs/schemas/`` (and so published with the site);
``python -m generator schema`` rewrites them and ``--check`` fails when they
are out of date.

A second layer, written for the seed at hand into ``.briefing/schemas/`` (not
committed), adds to every id field (``x-refers-to`` in the committed schemas)
the ids that exist, so that the editor offers them as completions. Every
command that reads the seed (validate, new, build, serve) refreshes it, and the
seed files' modelines point at it.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator import inputs

SCHEMA_DIR = Path("docs") / "schemas"
ID_SCHEMA_DIR = Path(".briefing") / "schemas"  # git-ignored: the schemas with the seed's ids

# One schema per kind of file, and the files it applies to (globs from the project root).
FILE_KINDS: dict[str, tuple[type[BaseModel], str]] = {
    **{registry.file: (registry.model, f"seeds/{registry.file}.yaml") for registry in inputs.REGISTRIES},
    "topic": (inputs.Topic, "seeds/topics/*.yaml"),
    "document": (inputs.Document, "seeds/documents/*.yaml"),
}


def schema_file_name(kind: str) -> str:
    return f"{kind}.schema.json"


@functools.cache  # the input model is fixed: each schema is made once (serve refreshes the id layer often)
def json_schema(kind: str) -> dict[str, object]:
    model, applies_to = FILE_KINDS[kind]
    schema = model.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": f"Generated from generator/inputs/ by 'python -m generator schema'; applies to {applies_to}.",
        **schema,
    }


def rendered_schemas() -> dict[str, str]:
    """File name → JSON text of every schema, stable byte for byte."""
    return {
        schema_file_name(kind): json.dumps(json_schema(kind), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        for kind in FILE_KINDS
    }


def outdated_schemas(project: Path) -> list[str]:
    """Names of committed schema files that differ from the model (or are missing)."""
    folder = project / SCHEMA_DIR
    return [
        name
        for name, text in rendered_schemas().items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text
    ]


def write_schemas(project: Path) -> list[Path]:
    folder = project / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in rendered_schemas().items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written


def id_schemas(ids: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """File name → JSON text of every schema with ``ids`` (kind → the ids of that kind)
    offered wherever an id of that kind is expected."""
    known = {kind: sorted(values) for kind, values in ids.items()}

    def offer(node: Any) -> Any:
        if isinstance(node, dict):
            node = {key: offer(value) for key, value in node.items()}
            kinds = node.get("x-refers-to")
            if kinds:
                node["enum"] = sorted({value for kind in kinds for value in known.get(kind, ())})
            return node
        if isinstance(node, list):
            return [offer(item) for item in node]
        return node

    return {
        schema_file_name(kind): json.dumps(offer(json_schema(kind)), indent=1, sort_keys=True, ensure_ascii=False)
        + "\n"
        for kind in FILE_KINDS
    }


def write_id_schemas(project: Path, ids: Mapping[str, Iterable[str]]) -> None:
    """Refresh the editor schemas of ``project`` with ``ids`` (kind → the ids of that kind)."""
    write_id_schema_texts(project, id_schemas(ids))


def write_id_schema_texts(project: Path, texts: Mapping[str, str]) -> None:
    """Write the editor schemas (``id_schemas``) into ``project``; files whose text is
    unchanged are left alone."""
    folder = project / ID_SCHEMA_DIR
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in texts.items():
            target = folder / name
            if not target.is_file() or target.read_text(encoding="utf-8") != text:
                target.write_text(text, encoding="utf-8")
    except OSError:
        pass  # a read-only checkout: completion of ids is a convenience, never a reason to fail


def modeline(kind: str, metadata_file: Path, project: Path) -> str:
    """The comment that points yaml-language-server at the schema of a file: the one with the seed's ids."""
    target = project / ID_SCHEMA_DIR / schema_file_name(kind)
    relative = Path(os.path.relpath(target, metadata_file.parent)).as_posix()
    return f"# yaml-language-server: $schema={relative}"
