"""A corpus grown past the seed: any seed folder plus a synthetic extension that takes it
past every limit a page has (a tag of more than 60 entries, a copy resting on six
originals, two more topics, 200 more documents), for the seed-health checks to run on.

The extension names nothing of the seed, so the seed can change and grow underneath it."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from synthetic_corpus import build as synthetic

DOCUMENTS = 200
PERSONS = 64  # more than a tag's list shows: its overflow goes to numbered parts
ORIGINALS = 6
REGISTRIES = {"parties.yaml": "parties", "locations.yaml": "locations", "outlets.yaml": "outlets"}


def grow(seeds: Path, out: Path) -> Path:
    """``seeds`` copied to ``out`` with the synthetic extension added; returns ``out``."""
    shutil.copytree(seeds, out)
    extension = out.parent / f"{out.name}-extension"
    synthetic(extension, DOCUMENTS, seed=11)
    added = {key: _entries(extension / name, key) for name, key in REGISTRIES.items()}
    added["parties"] += [
        {
            "id": f"grown-person-{n}",
            "name": f"Grown Person {n}",
            "kind": "person",
            "description": "A person of the grown corpus, under the tag of persons with the seed's.",
        }
        for n in range(PERSONS)
    ]
    document, text = _fan_in(added["outlets"][:ORIGINALS], added["outlets"][ORIGINALS], added["parties"][0])
    for name, key in REGISTRIES.items():
        _dump(out / name, {key: _entries(out / name, key) + added[key]})
    for topic in sorted((extension / "topics").glob("*.yaml")):
        shutil.copy(topic, out / "topics" / f"grown-{topic.name}")
    for path in sorted((extension / "documents").iterdir()):
        shutil.copy(path, out / "documents" / f"grown-{path.name}")
    for path in sorted((out / "documents").glob("grown-*.yaml")):  # file names and ids stay in step
        meta = yaml.safe_load(path.read_text(encoding="utf-8"))
        meta["id"], meta["text"] = f"grown-{meta['id']}", f"grown-{meta['text']}"
        for claim in meta["claims"]:
            claim["id"] = f"grown-{claim['id']}"
            claim["disputes"] = [f"grown-{other}" for other in claim.get("disputes", [])]
        _dump(path, meta)
    document["topic"] = yaml.safe_load((extension / "topics" / "topic-0.yaml").read_text(encoding="utf-8"))["id"]
    _dump(out / "documents" / "grown-six-originals.yaml", document)
    (out / "documents" / "grown-six-originals.txt").write_text(text, encoding="utf-8")
    shutil.rmtree(extension)
    return out


def _fan_in(originals: list[dict], copy: dict, state: dict) -> tuple[dict, str]:
    """A copy resting on six originals side by side, each credited in the text and
    carrying one claim of its own."""
    lines = [f"{state['name']} was the subject of reports by six outlets on Monday."]
    chain: list[dict] = []
    claims: list[dict] = []
    for n, outlet in enumerate(originals):
        quote = f"{state['name']} moved {n + 2} battalions to the border"
        lines.append(f"{outlet['name']} reported: “{quote}.”")  # a quote that opens on a quotation mark
        chain.append({"outlet": outlet["id"], "role": "original-reporting", "evidence": f"{outlet['name']} reported"})
        claims.append(
            {
                "id": f"grown-six-originals-claim-{n}",
                "claimant": outlet["id"],
                "via": [outlet["id"]],
                "kind": "factual-report",
                "paraphrase": f"{state['name']} moved {n + 2} battalions.",
                "quote": quote,
                "status": "unverified",
            }
        )
    lines.append(f"Source: {copy['name']}")
    chain.append({"outlet": copy["id"], "role": "aggregator", "drew_on": [o["id"] for o in originals]})
    document = {
        "id": "grown-six-originals",
        "title": "Six outlets report troop movements",
        "text": "grown-six-originals.txt",
        "language": "en",
        "kind": "news-article",
        "summary": "A digest of six outlets' reports of troop movements.",
        "event_date": "2021-03-01",
        "outlet": copy["id"],
        "chain": chain,
        "claims": claims,
        "boilerplate": [{"quote": f"Source: {copy['name']}", "kind": "source-line"}],
    }
    return document, "\n".join(lines) + "\n"


def _entries(path: Path, key: str) -> list[dict]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))[key])


def _dump(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
