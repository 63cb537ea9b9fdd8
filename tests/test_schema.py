"""The committed JSON Schemas match the input model, and the seed files use them."""

from __future__ import annotations

import json
from pathlib import Path

from generator.schema import FILE_KINDS, outdated_schemas, rendered_schemas
from tests.conftest import ROOT


def test_committed_schemas_are_up_to_date() -> None:
    assert outdated_schemas(ROOT) == [], "run 'python -m generator schema' and commit the result"


def test_schemas_forbid_unknown_fields_and_require_fields() -> None:
    document = json.loads(rendered_schemas()["document.schema.json"])
    assert document["additionalProperties"] is False
    assert {"id", "title", "topic", "text", "chain"} <= set(document["required"])
    claim = document["$defs"]["Claim"]
    assert claim["properties"]["status"]["enum"] == ["unverified", "disputed", "corroborated", "false", "outdated"]
    assert claim["properties"]["id"]["pattern"] == "^[a-z0-9]+(?:-[a-z0-9]+)*$"


def test_editor_settings_map_every_file_kind() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = settings["yaml.schemas"]
    for kind, (_, glob) in FILE_KINDS.items():
        assert mapped[f"./docs/schemas/{kind}.schema.json"] == glob


def test_seed_files_carry_the_schema_modeline() -> None:
    for path in [*ROOT.glob("seeds/*.yaml"), *ROOT.glob("seeds/*/*.yaml")]:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.is_file(), path
