"""JSON-LD on every page kind, and the dataset files."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from generator.render.dataset import _cell
from generator.site.linkcheck import page_of

# The schema.org types and properties the generator uses (each checked on schema.org).
TYPES = {
    "NewsArticle",
    "Claim",
    "Place",
    "GeoCoordinates",
    "Person",
    "Organization",
    "GovernmentOrganization",
    "Country",
    "NewsMediaOrganization",
    "CreativeWork",
}
PROPERTIES = {
    "@context",
    "@type",
    "name",
    "description",
    "headline",
    "inLanguage",
    "publisher",
    "author",
    "datePublished",
    "dateCreated",
    "temporalCoverage",
    "isBasedOn",
    "mentions",
    "url",
    "text",
    "appearance",
    "about",
    "geo",
    "latitude",
    "longitude",
    "containedInPlace",
    "sameAs",
    "alternateName",
    "affiliation",
    "parentOrganization",
    "jobTitle",
}
LD = re.compile(r'<script type="application/ld\+json">\n(.*?)\n</script>', re.S)


def _terms(value, found_types: set[str], found_properties: set[str]) -> None:
    if isinstance(value, dict):
        found_properties.update(value)
        if "@type" in value:
            found_types.add(value["@type"])
        for item in value.values():
            _terms(item, found_types, found_properties)
    elif isinstance(value, list):
        for item in value:
            _terms(item, found_types, found_properties)


def test_every_page_kind_embeds_valid_json_ld_with_schema_org_terms(snapshot_site: Path) -> None:
    expected = {
        "documents/2023-05-11-sotk-border-clash": "NewsArticle",
        "claims/armenia-four-wounded-2023-05-11": "Claim",
        "places/sotk": "Place",
        "parties/nikol-pashinyan": "Person",
        "parties/armenia-mod": "GovernmentOrganization",
        "outlets/reuters": "NewsMediaOrganization",
    }
    for page, kind in expected.items():
        blocks = LD.findall(page_of(snapshot_site, page).read_text(encoding="utf-8"))
        assert len(blocks) == 1, page
        data = json.loads(blocks[0])
        assert data["@context"] == "https://schema.org" and data["@type"] == kind
        types: set[str] = set()
        properties: set[str] = set()
        _terms(data, types, properties)
        assert types <= TYPES and properties <= PROPERTIES, (page, types - TYPES, properties - PROPERTIES)
    article = json.loads(LD.findall(page_of(snapshot_site, "documents/2023-05-11-sotk-border-clash").read_text())[0])
    assert [hop["publisher"]["name"] for hop in article["isBasedOn"]] == ["Reuters", "Hot News"]
    place = json.loads(LD.findall(page_of(snapshot_site, "places/baku").read_text())[0])
    assert place["geo"]["latitude"] > 40 and place["sameAs"].startswith("https://www.wikidata.org/wiki/Q")
    claim = json.loads(LD.findall(page_of(snapshot_site, "claims/armenia-four-wounded-2023-05-11").read_text())[0])
    assert claim["author"]["name"] == "Ministry of Defence of Armenia"
    assert "four soldiers were wounded" in claim["appearance"]["text"]


def test_dataset_holds_the_whole_corpus(snapshot_site: Path, snapshot_model) -> None:
    def no_key_twice(pairs: list[tuple[str, object]]) -> dict[str, object]:
        keys = [key for key, _ in pairs]
        assert len(keys) == len(set(keys)), keys
        return dict(pairs)

    data = json.loads(
        (snapshot_site / "data" / "briefings.json").read_text(encoding="utf-8"), object_pairs_hook=no_key_twice
    )
    assert len(data["documents"]) == len(snapshot_model.corpus.documents)
    assert data["documents"][0]["text"] in {d.text for d in snapshot_model.corpus.documents.values()}
    counts = {
        "claims.csv": len(snapshot_model.claims),
        "parties.csv": len(snapshot_model.corpus.parties),
        "places.csv": len(snapshot_model.corpus.locations),
        "outlets.csv": len(snapshot_model.corpus.outlets),
        "documents.csv": len(snapshot_model.corpus.documents),
        "events.csv": len(snapshot_model.events),
        "chain_hops.csv": sum(len(d.meta.chain) for d in snapshot_model.corpus.documents.values()),
    }
    for name, count in counts.items():
        rows = list(csv.reader(io.StringIO((snapshot_site / "data" / name).read_text(encoding="utf-8"))))
        assert len(rows) == count + 1, name
    links = (page_of(snapshot_site, "data")).read_text(encoding="utf-8")
    assert 'href="briefings.json"' in links and 'href="claims.csv"' in links


def test_csv_cells_never_start_a_formula() -> None:
    assert _cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert _cell("-1+1") == "'-1+1"
    assert _cell(-3.5) == -3.5  # a number, written bare
    assert _cell(["a", "b"]) == "a; b"
    assert _cell(["a", "=b"]) == "a; '=b"  # a spreadsheet splitting on ';' would start a cell there
