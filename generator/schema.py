"""JSON Schemas of the metadata files, generated from the input model.

Editors that read ``yaml-language-server`` schemas (VS Code's YAML extension
and others) use them to complete fields and flag mistakes while typing. The
files are committed under ``docs/schemas/`` (and so published with the site);
``python -m generator schema`` rewrites them and ``--check`` fails when they
are out of date.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import BaseModel

from generator import inputs

SCHEMA_DIR = Path("docs") / "schemas"

# One schema per kind of file, and the files it applies to (globs from the project root).
FILE_KINDS: dict[str, tuple[type[BaseModel], str]] = {
    "parties": (inputs.PartyRegistry, "seeds/parties.yaml"),
    "locations": (inputs.LocationRegistry, "seeds/locations.yaml"),
    "outlets": (inputs.OutletRegistry, "seeds/outlets.yaml"),
    "topic": (inputs.Topic, "seeds/topics/*.yaml"),
    "document": (inputs.Document, "seeds/documents/*.yaml"),
}


def schema_file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def json_schema(kind: str) -> dict[str, object]:
    model, applies_to = FILE_KINDS[kind]
    schema = model.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": f"Generated from generator/inputs.py by 'python -m generator schema'; applies to {applies_to}.",
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
        name for name, text in rendered_schemas().items()
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


def modeline(kind: str, metadata_file: Path, project: Path) -> str:
    """The comment that points yaml-language-server at the schema of a file."""
    target = project / SCHEMA_DIR / schema_file_name(kind)
    relative = Path(os.path.relpath(target, metadata_file.parent)).as_posix()
    return f"# yaml-language-server: $schema={relative}"
