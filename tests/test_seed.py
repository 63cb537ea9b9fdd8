"""The first real seed document, as checked by hand: fully described.

Read from the frozen copy of the seed (``tests/fixtures/seed-snapshot``), so
that later edits of the live seed never break it."""

from __future__ import annotations

import pytest

from generator.model.site import document_entities
from tests.conftest import SNAPSHOT

SEED_TEXT = SNAPSHOT / "documents" / "2023-05-11-sotk-border-clash.txt"
SEED_DOCUMENT = "2023-05-11-sotk-border-clash"


@pytest.fixture(scope="module")
def site(snapshot_model):
    return snapshot_model


def test_seed_text_is_kept_byte_for_byte() -> None:
    data = SEED_TEXT.read_bytes()
    assert len(data) == 2750
    assert data.startswith(b"\nArmenia and Azerbaijan blamed each other on Thursday")
    assert data.endswith(b"talented and insightful writer.")


def test_every_party_and_place_the_text_names_is_registered(site) -> None:
    parties = set(site.corpus.parties)
    assert {
        "armenia",
        "azerbaijan",
        "armenia-government",
        "azerbaijan-government",
        "armenia-mod",
        "armenia-armed-forces",
        "azerbaijan-armed-forces",
        "nikol-pashinyan",
        "ilham-aliyev",
        "russia",
        "united-states",
        "european-union",
        "csto",
    } <= parties
    places = site.corpus.locations
    for place in (
        "sotk",
        "lachin-corridor",
        "nagorno-karabakh",
        "baku",
        "yerevan",
        "washington",
        "brussels",
        "armenia-azerbaijan-border",
    ):
        assert place in places
        assert -90 <= places[place].coordinates.lat <= 90
    assert {"reuters", "hot-news", "247-news-reel"} <= set(site.corpus.outlets)


def test_the_chain_runs_from_reuters_to_the_copy_held(site) -> None:
    document = site.corpus.documents[SEED_DOCUMENT]
    assert [hop.outlet for hop in document.meta.chain] == ["reuters", "hot-news", "247-news-reel"]
    assert document.meta.author == "James Springer"
    text = document.text
    evidence = {document.meta.chain[i].outlet: text[a:b] for i, (a, b) in document.hop_spans.items()}
    assert evidence["reuters"] == "Reuters reported"
    assert evidence["hot-news"] == "Source: Hot News"


def test_required_claims_are_pinned_to_their_exact_words(site) -> None:
    document = site.corpus.documents[SEED_DOCUMENT]
    quoted = {cid: document.text[a:b] for cid, (a, b) in document.claim_spans.items()}
    claimants = {c.id: c.claimant for c in document.meta.claims}
    expected = {
        "azerbaijan-soldier-killed-2023-05-11": ("azerbaijan-government", "one of its soldiers was killed"),
        "azerbaijan-deliberate-provocation": ("azerbaijan", "“deliberate provocation”"),
        "armenia-four-wounded-2023-05-11": ("armenia-mod", "four soldiers were wounded"),
        "armenia-self-defence-2023-05-11": ("armenia", "acting in self-defense"),
        "azerbaijan-self-defence-2023-05-11": ("azerbaijan", "acting in self-defense"),
        "pashinyan-attempt-to-derail-talks": ("nikol-pashinyan", "attempt by Azerbaijan to derail peace talks"),
        "armenia-lachin-gross-violation": ("armenia-government", "“gross violation”"),
        "armenia-advance-accusation-2022-09": ("armenia-government", "“advance”"),
        "armenian-soldiers-killed-2022-09": ("hot-news", "50 Armenian soldiers were killed"),
    }
    for claim_id, (claimant, words) in expected.items():
        assert claimants[claim_id] == claimant
        assert words in quoted[claim_id]
    assert "hot-news" in site.corpus.outlets  # an outlet can be a claimant


def test_contradicting_claims_are_linked_both_ways(site) -> None:
    assert "azerbaijan-self-defence-2023-05-11" in site.disputes["armenia-self-defence-2023-05-11"]
    assert "armenia-self-defence-2023-05-11" in site.disputes["azerbaijan-self-defence-2023-05-11"]
    assert "azerbaijan-deliberate-provocation" in site.disputes["armenia-azerbaijan-shelled-sotk"]


def test_the_revised_figure_is_flagged(site) -> None:
    claim = site.claims["armenian-soldiers-killed-2022-09"].claim
    assert claim.status == "outdated"
    assert claim.figure is not None and claim.figure.value == 50
    assert "105" in (claim.note or "") and claim.sources


def test_timeline_covers_the_required_events_with_citations(site) -> None:
    dates = {str(entry.event.date) for entry in site.events.values()}
    assert {"2020-09-27", "2020-11-09", "2022-09-13", "2023-04-23", "2023-05-01", "2023-05-11", "2023-05-14"} <= dates
    assert all(entry.event.sources for entry in site.events.values())


def test_the_document_involves_its_parties_and_places(site) -> None:
    parties, places = document_entities(site, site.corpus.documents[SEED_DOCUMENT])
    assert "nikol-pashinyan" in parties and "csto" in parties
    assert {"sotk", "lachin-corridor", "nagorno-karabakh", "brussels"} <= set(places)
