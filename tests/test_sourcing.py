"""Source graphs, carriers, unnamed sources, outlet aliases, places with several
parents and party roll-ups, on the fixture corpus under ``fixtures/sourcing``,
read from the real ``mkdocs build`` output as a reader's browser parses it.

Every expected figure below is what the fixture's metadata says; the fixture is
ours, so its counts may be written out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from generator.model.site import Site
from tests.conftest import built_site, checked_model

SOURCING = Path(__file__).parent / "fixtures" / "sourcing"


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_site(SOURCING, tmp_path_factory.mktemp("sourcing-build"))


@pytest.fixture(scope="module")
def model() -> Site:
    return checked_model(SOURCING, SOURCING)


def page(site_dir: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def fact(soup: BeautifulSoup, name: str) -> Tag:
    """The value cell of a row of a facts box."""
    header = soup.find("th", string=name)
    assert header is not None, f"no fact '{name}'"
    cell = header.find_next_sibling("td")
    assert isinstance(cell, Tag)
    return cell


def words(tag: Tag) -> str:
    """The text as read: blocks and line breaks as spaces, no space before punctuation."""
    text = " ".join(tag.get_text(" ").split())
    return re.sub(r"\( ", "(", re.sub(r" ([,.;:)])", r"\1", text))


def diagram_edges(soup: BeautifulSoup) -> set[tuple[str, str]]:
    """The edges of the page's source graph, as (from, to) outlet names: each box names
    the boxes it drew on."""
    graph = soup.find("div", class_="source-graph")
    assert graph is not None
    return {
        (source.get_text(), node.find(class_="source-graph__name").get_text())
        for node in graph.find_all("li", class_="source-graph__node")
        for source in node.find_all(class_="source-graph__from")
    }


# -- source graphs -----------------------------------------------------------


def test_a_copy_on_two_originals_counts_two_and_draws_both_edges(site_dir: Path) -> None:
    soup = page(site_dir, "documents/two-sources")
    assert words(fact(soup, "Independent sources")).startswith("2: Northern Wire, Harbour Radio")
    assert diagram_edges(soup) == {("Northern Wire", "Daily Ledger"), ("Harbour Radio", "Daily Ledger")}
    glance = words(soup.find("div", class_="abstract"))
    assert "2 independent sources (Northern Wire, Harbour Radio)" in glance


def test_a_copy_on_three_originals_counts_three(site_dir: Path) -> None:
    soup = page(site_dir, "documents/three-sources")
    assert words(fact(soup, "Independent sources")).startswith("3: Northern Wire, Harbour Radio, Evening Courier")
    assert diagram_edges(soup) == {(o, "Newsbin") for o in ("Northern Wire", "Harbour Radio", "Evening Courier")}


def test_a_claim_counts_the_originals_that_carried_it(site_dir: Path) -> None:
    both = page(site_dir, "claims/delta-army-gamma-shelled-first")
    assert words(fact(both, "Independent sources")).startswith("2: Harbour Radio, Northern Wire")
    assert words(fact(both, "Reported")) == "via Northern Wire and Harbour Radio"
    three = page(site_dir, "claims/delta-mod-twelve-killed")
    assert words(fact(three, "Independent sources")).startswith("3: ")
    two_of_three = page(site_dir, "claims/delta-withdrew-statement")
    assert words(fact(two_of_three, "Independent sources")).startswith("2: Evening Courier, Harbour Radio")
    one = page(site_dir, "claims/gamma-official-crossed-river")
    assert words(fact(one, "Independent sources")).startswith("1: Harbour Radio")


def test_a_claim_traced_only_to_the_republisher_is_not_credited_to_the_original(site_dir: Path) -> None:
    soup = page(site_dir, "claims/ledger-valley-quiet")
    independent = words(fact(soup, "Independent sources"))
    assert independent.startswith("1: Daily Ledger") and "not to an original" in independent
    assert "Northern Wire" not in independent
    assert words(fact(soup, "Reported")) == "in its own voice"
    traced = page(site_dir, "claims/delta-mod-posts-attacked")
    assert words(fact(traced, "Independent sources")).startswith("1: Northern Wire")


def test_the_funnel_draws_only_edges_that_exist(site_dir: Path, model: Site) -> None:
    soup = page(site_dir, "sources")
    drawn = diagram_edges(soup)
    real = {
        (model.entity_name(a), model.entity_name(b))
        for document in model.corpus.documents.values()
        for b, sources in model.graphs[document.meta.id].items()
        for a in sources
    }
    assert drawn == real
    assert ("Northern Wire", "Harbour Radio") not in drawn


def test_every_hop_names_what_it_drew_on(site_dir: Path) -> None:
    hops = [words(li) for li in page(site_dir, "documents/two-sources").select("li[id^=hop-]")]
    assert "An original" in hops[0] and "An original" in hops[1]
    assert "Drew on Northern Wire, Harbour Radio" in hops[2]
    assert "own story from others' reporting" in hops[2]


# -- claims ----------------------------------------------------------------


def test_an_unnamed_source_is_described_and_tied_to_its_party(site_dir: Path) -> None:
    soup = page(site_dir, "claims/gamma-official-crossed-river")
    claimant = fact(soup, "Claimant")
    assert words(claimant) == "A senior Gamma army official (unnamed, speaking for Army of Gamma)"
    assert claimant.find("a")["href"] == "../../parties/gamma-army/"
    question = page(site_dir, "questions/valley-clash")
    gamma_card = next(li for li in question.select(".grid.cards > ul > li") if "Gamma says" in words(li))
    assert "A senior Gamma army official" in words(gamma_card)
    untied = page(site_dir, "claims/diplomat-troops-massed")
    assert words(fact(untied, "Claimant")) == "A diplomat in the region (unnamed, party not known)"


def test_a_claim_is_dated_with_its_own_date_or_says_it_has_none(site_dir: Path) -> None:
    dated = page(site_dir, "claims/delta-army-gamma-shelled-first")
    assert words(fact(dated, "Said")) == "3 June 2024"
    undated = page(site_dir, "claims/gamma-official-crossed-river")
    assert words(fact(undated, "Said")).startswith("not stated; by 4 June 2024 at the latest (the day")
    assert words(fact(undated, "Events it is about")) == "not recorded"


def test_figures_keep_one_giver_per_series(site_dir: Path) -> None:
    """One chart per thing counted, one line per giver (never two givers on a line), and a
    table of every count beneath it, grouped by giver."""
    soup = page(site_dir, "topics/valley")
    charts = soup.find(id="figures").find_all_next("figure", class_="figure-chart")
    assert len(charts) == 1
    chart = charts[0]
    for drawing in chart.find_all("svg", class_="chart-drawing"):  # the wide and the narrow chart
        lines = drawing.find_all("g", class_="chart-series")
        assert sorted(g.title.string for g in lines) == ["Army of Gamma", "Defence Ministry of Delta"]
        delta = next(g for g in lines if g.title.string == "Defence Ministry of Delta")
        assert len(delta.find_all("circle")) == 2 and len(delta.find_all("path")) == 1
        assert sorted(t.string for t in drawing.find_all("text", class_="chart-end")) == ["15", "9"]  # latest counts
    groups, rows = {}, []
    for row in chart.find("table").find("tbody").find_all("tr"):
        if row.th:
            rows = groups.setdefault(words(row.th), [])
        else:
            rows.append([words(cell) for cell in row.find_all("td")][:2])
    assert groups == {
        "Given by Defence Ministry of Delta": [["12", "4 June 2024"], ["15", "5 June 2024"]],
        "Given by Army of Gamma": [["9", "4 June 2024"]],
    }


# -- outlets, documents and places -------------------------------------------


def test_an_outlet_is_found_by_its_aliases(site_dir: Path) -> None:
    text = page(site_dir, "documents/two-sources").find("div", class_="source-text")
    linked = {a.get_text(): a["href"] for a in text.find_all("a")}
    assert linked["NORTHERN WIRE"] == "../../outlets/northern-wire/"
    assert linked["Harbour Radio"] == "../../outlets/harbour-radio/"


def test_a_partial_copy_and_a_note_are_shown(site_dir: Path) -> None:
    soup = page(site_dir, "documents/three-sources")
    assert words(fact(soup, "Copy")) == "partial: only the opening of the page could be kept"
    assert "updated in place" in words(soup.find("div", class_="note"))


def test_a_place_with_two_parents_a_line_and_split_administration(site_dir: Path) -> None:
    soup = page(site_dir, "places/cedar-valley")
    assert words(fact(soup, "Part of")) == "North Province, South Province"
    assert words(fact(soup, "Drawn as")) == "a line"
    split = words(fact(soup, "Split between"))
    assert "the part north of the river: administered by Delta, as of 3 June 2024." in split
    assert "the part south of the river: administered by Gamma, as of 3 June 2024. (Since the ceasefire.)" in split
    figure = soup.find("figure", class_="briefing-map")
    for drawing in figure.find_all("svg", class_="map-drawing"):  # the wide and the narrow map
        valley = [a for a in drawing.find_all("a") if a.title and a.title.string == "Cedar Valley"]
        assert len(valley) == 1 and valley[0].find("path", class_="map-line--own"), drawing
        assert valley[0].find("path")["d"].count("l") == 1  # drawn as a line (simplified to the scale)
    legend = [a.string for a in figure.find("figcaption").find_all("a")]
    assert {"Cedar Valley", "North Province", "South Province"} <= set(legend)
    for province in ("north-province", "south-province"):
        within = page(site_dir, f"places/{province}")
        assert "Cedar Valley" in words(fact(within, "Places within"))


# -- roll-ups ----------------------------------------------------------------


def test_a_state_rolls_up_the_claims_of_the_parties_under_it(site_dir: Path, model: Site) -> None:
    under = [
        c
        for c in model.claims.values()
        if c.claim.claimant
        in {"delta-government", "delta-mod", "delta-army", "delta-foreign-ministry", "delta-spokesman"}
    ]
    soup = page(site_dir, "parties/delta")
    assert words(fact(soup, "Claims made")) == f"1 by Delta, {len(under)} by parties under it ({len(under) + 1} in all)"
    rows = soup.find(id="claims-under").find_next("table").find("tbody").find_all("tr")
    assert len(rows) == len(under)
    glance = words(page(site_dir, "documents/roll-up").find("div", class_="abstract"))
    assert "Delta (9 claims)" in glance  # its eight members' claims and its own, in this text
    matrix = page(site_dir, "topics/valley").find("div", class_="claim-matrix")
    header = [words(th) for th in matrix.find("thead").find_all("th")]
    assert "Delta" in header and "Defence Ministry of Delta" not in header and "Army of Delta" not in header


def test_the_dataset_carries_the_graph(site_dir: Path) -> None:
    hops = (site_dir / "data" / "chain_hops.csv").read_text(encoding="utf-8")
    assert '"two-sources",3,"daily-ledger","own-reporting","northern-wire; harbour-radio",' in hops
    documents = (site_dir / "data" / "documents.csv").read_text(encoding="utf-8")
    assert re.search(
        r'^"three-sources",.*,"opening",4,4,"northern-wire; harbour-radio; evening-courier",', documents, re.M
    )
