"""The committed JSON Schemas match the input model, and the seed files use them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from generator.base.problems import Problems
from generator.build.pipeline import check
from generator.inputs.schema import FILE_KINDS, outdated_schemas, rendered_schemas, write_id_schemas
from generator.load.folder import parse_yaml
from tests.conftest import ROOT, SEEDS


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
        assert mapped[f"./.briefing/schemas/{kind}.schema.json"] == glob


def test_seed_files_carry_the_schema_modeline() -> None:
    write_id_schemas(ROOT, check(SEEDS, ROOT).known_ids())  # the editor schemas with the seed's ids
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
    write_id_schemas(ROOT, check(SEEDS, ROOT).known_ids())
    files = [*ROOT.glob("seeds/*.yaml"), *ROOT.glob("seeds/*/*.yaml")]
    kinds = {path.read_text(encoding="utf-8").splitlines()[0].rsplit("/", 1)[-1] for path in files}
    assert kinds >= {f"{kind}.schema.json" for kind in ("parties", "locations", "outlets")}, kinds
    for path in files:
        jsonschema.validate(_load(path), _schema_for(path))
    document = next(path for path in sorted(ROOT.glob("seeds/documents/*.yaml")) if _load(path).get("claims"))
    data = _load(document)
    data["claims"][0]["quotee"] = "x"
    data["event_date"] = "11 May 2023"
    messages = [error.message for error in jsonschema.Draft202012Validator(_schema_for(document)).iter_errors(data)]
    assert any("quotee" in message for message in messages)


def test_editor_schemas_offer_the_ids_that_exist(tmp_path: Path) -> None:
    """Every id field lists the ids of its kind, refreshed when a contributor adds one."""
    import shutil

    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    checked = check(corpus, tmp_path)
    write_id_schemas(tmp_path, checked.known_ids())
    document = json.loads((tmp_path / ".briefing" / "schemas" / "document.schema.json").read_text(encoding="utf-8"))
    claim = document["$defs"]["Claim"]["properties"]
    claimants = next(option for option in claim["claimant"]["anyOf"] if option.get("type") == "string")["enum"]
    assert set(checked.corpus.parties) | set(checked.corpus.outlets) == set(claimants)
    assert set(claim["subjects"]["items"]["enum"]) == set(checked.corpus.parties) | set(checked.corpus.locations)
    assert document["properties"]["topic"]["enum"] == sorted(checked.corpus.topics)
    parties = corpus / "parties.yaml"
    parties.write_text(
        parties.read_text(encoding="utf-8") + "  - id: a-new-party\n    name: A new party\n"
        "    kind: other\n    description: Added by a contributor.\n",
        encoding="utf-8",
    )
    write_id_schemas(tmp_path, check(corpus, tmp_path).known_ids())
    topic = json.loads((tmp_path / ".briefing" / "schemas" / "topic.schema.json").read_text(encoding="utf-8"))
    assert "a-new-party" in topic["$defs"]["Event"]["properties"]["parties"]["items"]["enum"]
