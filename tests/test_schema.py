"""The committed JSON Schemas match the input model, and the seed files use them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from generator.load import parse_yaml
from generator.problems import Problems
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


def _schema_for(path: Path) -> dict:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    return json.loads((path.parent / first.split("=", 1)[1]).read_text(encoding="utf-8"))


def _load(path: Path):
    """A metadata file as the validator reads it (dates stay text, as in JSON)."""
    problems = Problems(ROOT)
    loaded = parse_yaml(path, path.read_text(encoding="utf-8"), problems)
    assert loaded is not None and not problems
    return loaded.data


def test_editor_schemas_accept_every_seed_file_and_reject_mistakes() -> None:
    files = [*ROOT.glob("seeds/*.yaml"), *ROOT.glob("seeds/*/*.yaml")]
    assert len(files) >= 6
    for path in files:
        jsonschema.validate(_load(path), _schema_for(path))
    document = ROOT / "seeds" / "documents" / "2023-05-11-sotk-border-clash.yaml"
    data = _load(document)
    data["claims"][0]["quotee"] = "x"
    data["event_date"] = "11 May 2023"
    messages = [error.message for error in jsonschema.Draft202012Validator(_schema_for(document)).iter_errors(data)]
    assert any("quotee" in message for message in messages)
