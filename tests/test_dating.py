"""The site says no more than its sources: a claim's two dates (never borrowed), the dates
a quote's sentence names, questions that hold only their own claims, facts that change over
time, roll-ups of parties under a state, and a dateline that is no place of the events. On
the fixture corpus under ``fixtures/dating``, read from the real ``mkdocs build`` output.

The fixture is ours, so its ids and dates are written out."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from generator.build.pipeline import check
from tests.conftest import built_site

DATING = Path(__file__).parent / "fixtures" / "dating"


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_site(DATING, tmp_path_factory.mktemp("dating-build"))


def page(site_dir: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def words(tag: Tag) -> str:
    text = " ".join(tag.get_text(" ").split())
    return re.sub(r"\( ", "(", re.sub(r" ([,.;:)])", r"\1", text))


def fact(soup: BeautifulSoup, name: str) -> str:
    header = soup.find("th", string=name)
    assert header is not None, f"no fact '{name}'"
    cell = header.find_next_sibling("td")
    assert isinstance(cell, Tag)
    return words(cell)


def claims_csv(site_dir: Path) -> dict[str, dict[str, str]]:
    with (site_dir / "data" / "claims.csv").open(encoding="utf-8") as rows:
        return {row["id"]: row for row in csv.DictReader(rows)}


def claim_json_ld(soup: BeautifulSoup) -> dict:
    scripts = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    return next(item for data in scripts for item in data.get("@graph", [data]) if item.get("@type") == "Claim")


# -- a claim's two dates ------------------------------------------------------


def test_an_undated_party_claim_says_only_by_when_it_was_made(site_dir: Path) -> None:
    soup = page(site_dir, "claims/north-defence-south-fired-first")
    assert fact(soup, "Said") == "not stated; by 4 August 2025 at the latest (the day Border Wire published it)"
    assert fact(soup, "Events it is about") == "not recorded"
    row = claims_csv(site_dir)["north-defence-south-fired-first"]
    assert (row["said_on"], row["said_by_at_the_latest"], row["events_from"]) == ("", "2025-08-04", "")
    data = claim_json_ld(soup)
    assert "dateCreated" not in data and "temporalCoverage" not in data


def test_an_undated_outlet_claim_is_dated_by_its_own_publication(site_dir: Path) -> None:
    soup = page(site_dir, "claims/daily-post-pass-changed-hands")
    assert fact(soup, "Said") == "5 August 2025 (the day Daily Post published its own words)"
    assert claims_csv(site_dir)["daily-post-pass-changed-hands"]["said_on"] == "2025-08-05"


def test_a_claim_about_earlier_events_carries_both_dates(site_dir: Path) -> None:
    soup = page(site_dir, "claims/north-health-three-wounded")
    assert fact(soup, "Said") == "4 August 2025"
    assert fact(soup, "Events it is about") == "1 August 2025"
    data = claim_json_ld(soup)
    assert (data["dateCreated"], data["temporalCoverage"]) == ("2025-08-04", "2025-08-01")
    weeks_before = page(site_dir, "claims/south-officer-first-since-june")
    assert fact(weeks_before, "Events it is about") == "12 June 2025"
    assert fact(weeks_before, "Said").startswith("not stated; by 4 August 2025")


def test_the_matrix_shows_both_dates_and_borrows_none(site_dir: Path) -> None:
    matrix = page(site_dir, "topics/pass").find("div", class_="claim-matrix")
    bylines = {words(small) for small in matrix.find_all("small")}
    assert "Defence Ministry of Northland, via Border Wire, said by 4 August 2025" in bylines  # no event date borrowed
    assert (
        "A Southland army officer (for Army of Southland), via Border Wire, said by 4 August 2025, about 12 June 2025"
        in bylines
    )


# -- what validate reads in the text -------------------------------------------


def test_validate_warns_where_a_sentence_names_other_days_and_builds_all_the_same() -> None:
    checked = check(DATING, DATING)
    assert checked.problems == []
    found = {(p.line, p.column, p.rule): p for p in checked.warnings}
    weekday = found[(51, 11, "claim-date-unlike-text")]  # the claim's 'date' key
    assert "'Friday' (1 August 2025)" in weekday.message and "made on 2025-08-02" in weekday.message
    assert "off-topic" in found[(36, 15, "question-off-topic")].rule
    assert "events of 2025-06-12" in found[(36, 15, "question-off-topic")].message
    assert len(found) == 2


# -- questions ---------------------------------------------------------------


def test_a_question_page_sets_the_disputing_parties_face_to_face(site_dir: Path) -> None:
    soup = page(site_dir, "questions/who-fired-2025-08-01")
    facing = soup.find("div", class_="face-to-face")
    assert facing is not None
    sides = [words(p) for p in facing.select("ul > li > p > strong")]
    assert sides == ["Northland says", "Southland says"]


# -- facts that change over time -----------------------------------------------


def test_a_place_shows_who_administers_it_now_with_a_date_and_who_did_before(site_dir: Path) -> None:
    administered = fact(page(site_dir, "places/pine-pass"), "Administered by")
    now, before = administered.split("Before:")
    assert now.strip() == "Southland, since 2 August 2025."
    assert before.strip() == "Northland, 1 January 1990 – 2 August 2025. Until Southland's army took the pass."


def test_a_party_administers_a_place_as_of_a_date_never_in_a_bare_present(site_dir: Path) -> None:
    assert fact(page(site_dir, "parties/south"), "Administers") == "Pine Pass (since 2 August 2025)"
    assert page(site_dir, "parties/north").find("th", string="Administers") is None  # its administration ended


def test_a_person_shows_the_office_held_now_and_the_earlier_one(site_dir: Path) -> None:
    offices = fact(page(site_dir, "parties/ada-north"), "Offices")
    assert offices == (
        "Prime Minister of Northland, since 1 September 2025. "
        "Before: Defence Minister of Northland, 10 January 2023 – 1 September 2025."
    )


def test_an_outlet_shows_its_owner_now_and_before(site_dir: Path) -> None:
    owners = fact(page(site_dir, "outlets/daily-post"), "Owned by")
    assert (
        owners
        == "Lake Media Group, since 1 January 2024. Before: Northland, until 31 December 2023. Sold by the state."
    )
    with (site_dir / "data" / "outlets.csv").open(encoding="utf-8") as rows:
        row = next(r for r in csv.DictReader(rows) if r["id"] == "daily-post")
    assert row["owners_now"] == "Lake Media Group (since 2024-01-01)"


def test_a_person_whose_offices_all_ended_belonged_to_a_government_in_the_past(site_dir: Path) -> None:
    soup = page(site_dir, "parties/old-minister")
    assert fact(soup, "Belonged to").startswith("Government of Northland → Northland (until 30 June 2024")
    assert soup.find("th", string="Belongs to") is None
    assert fact(page(site_dir, "parties/ada-north"), "Belongs to") == "Government of Northland → Northland"


# -- roll-ups -------------------------------------------------------------------


def test_a_state_rolls_up_the_events_and_documents_of_its_ministries(site_dir: Path) -> None:
    soup = page(site_dir, "parties/north")
    assert fact(soup, "Timeline events") == ("0 involving Northland, 2 more involving parties under it (2 in all)")
    events = soup.find(id="events-under").find_next("ul")
    assert [words(li) for li in events.find_all("li")] == [
        "10 June 2025: Talks on the pass",
        "1 August 2025: Clash at Pine Pass",
    ]
    assert "in all" in fact(soup, "Documents")


def test_a_place_rolls_up_the_documents_and_events_of_the_places_within_it(site_dir: Path) -> None:
    soup = page(site_dir, "places/border-hills")
    assert fact(soup, "Documents") == "0 at Border Hills, 1 more at places within it"
    assert fact(soup, "Timeline events") == "0 at Border Hills, 1 more at places within it"
    events = soup.find(id="events-within").find_next("ul")
    assert [words(li) for li in events.find_all("li")] == ["1 August 2025: Clash at Pine Pass"]
    documents = soup.find(id="documents-within").find_next("ul")
    assert words(documents).startswith("Northland and Southland trade blame")


# -- a dateline is not a place of the events -------------------------------------


def test_a_dateline_place_is_where_the_copy_was_filed_not_where_things_happened(site_dir: Path) -> None:
    document = page(site_dir, "documents/pass-report")
    assert fact(document, "Filed from") == "Far City (dateline only)"
    places = document.find(id="places").find_next("ul")
    assert "Far City" not in words(places)
    key_places = page(site_dir, "topics/pass").find(id="key-places").find_next("p")
    assert "Far City" not in words(key_places) and "Pine Pass" in words(key_places)


def test_the_topic_timeline_places_claims_by_the_date_of_their_events_only(site_dir: Path) -> None:
    heading = page(site_dir, "topics/pass").find(id="claims-by-date")
    placed = [words(li) for li in heading.find_next("ul").find_all("li")]
    assert [line.split(":")[0] for line in placed] == ["12 June 2025", "1 August 2025"]
    assert "3 claims without a recorded date of events, not placed" in words(heading.find_next("ul").find_next("p"))


def test_counts_are_written_as_readers_write_them() -> None:
    from generator.render.common import number

    assert [number(v) for v in (35000.0, 1234567.0, 2.5, 607980.0)] == ["35,000", "1,234,567", "2.5", "607,980"]


# -- dates on hostile input: the mini corpus, varied -----------------------------


def _mini_with(tmp_path: Path, edits: list[tuple[str, str, str]]) -> dict[str, str]:
    """The pages of the mini corpus with each ``(file, old, new)`` edit made once."""
    from generator.build.pipeline import build_pages
    from tests.conftest import MINI, ROOT, copy_corpus

    corpus = copy_corpus(MINI, tmp_path / "seeds")
    for name, old, new in edits:
        text = (corpus / name).read_text(encoding="utf-8")
        assert old in text, old
        (corpus / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    built = build_pages(corpus, ROOT)
    assert built.problems == [], [p.format_text() for p in built.problems]
    return {p.path: p.text for p in built.pages}


def _said(pages: dict[str, str], claim: str) -> str:
    cell = re.search(r'<th scope="row">Said</th>\s*<td>(.*?)</td>', pages[f"claims/{claim}.md"], re.S)
    assert cell is not None
    return re.sub(r"<[^>]+>", "", cell[1])


DOC = "documents/ridge-clash.yaml"
OWN_WORDS = (
    DOC,
    "  - id: beta-self-defence\n    claimant: beta\n",
    "  - id: beta-self-defence\n    claimant: site-two\n    via: [site-two]\n",
)


def test_the_copys_day_is_one_day_for_its_own_words_and_for_what_it_carried(tmp_path: Path) -> None:
    """Said in the copy's own words, and carried by it: both read the day the copy came out from
    one computation, whether the copy's ``published`` gives it or its hop's ``date``."""
    published = _mini_with(
        tmp_path / "a", [OWN_WORDS, (DOC, "outlet: site-two", "published: 2024-03-05\noutlet: site-two")]
    )
    assert _said(published, "beta-self-defence") == "5 March 2024 (the day Site Two published its own words)"
    assert (
        _said(published, "alpha-says-beta-fired")
        == "not stated; by 5 March 2024 at the latest (the day Site Two published it)"
    )
    hop = (DOC, "    role: republisher\n", "    role: republisher\n    date: 2024-03-03\n")
    dated_hop = _mini_with(tmp_path / "b", [OWN_WORDS, hop])
    assert _said(dated_hop, "beta-self-defence") == "3 March 2024 (the day Site Two published its own words)"
    assert (
        _said(dated_hop, "alpha-says-beta-fired")
        == "not stated; by 3 March 2024 at the latest (the day Site Two published it)"
    )


def test_an_outlets_claim_carried_by_an_earlier_hop_was_said_by_that_hops_day(tmp_path: Path) -> None:
    """Site Two's words that Wire One carried on 2 March were said by 2 March, not on the day
    Site Two's copy came out (5 March)."""
    pages = _mini_with(
        tmp_path,
        [
            (DOC, "outlet: site-two", "published: 2024-03-05\noutlet: site-two"),
            (DOC, "    role: original-reporting\n", "    role: original-reporting\n    date: 2024-03-02\n"),
            (
                DOC,
                "  - id: beta-self-defence\n    claimant: beta\n",
                "  - id: beta-self-defence\n    claimant: site-two\n    via: [wire-one]\n",
            ),
        ],
    )
    assert (
        _said(pages, "beta-self-defence") == "not stated; by 2 March 2024 at the latest (the day Wire One published it)"
    )


def test_an_end_still_to_come_holds_now_and_a_later_start_ends_a_day_known(tmp_path: Path) -> None:
    """``until`` after the build day is an end set, not one that came; of administrations (one at a
    time), one known only on a day (``as_of``) is followed by one begun later."""
    south = """  - id: south-ridge
    name: South Ridge
    kind: border-area
    coordinates: {lat: 40.9, lon: 45.5}
    administered_by:
      - {by: [alpha], as_of: 2020-05-01}
      - {by: [beta], since: 2021-01-01}
    description: A ridge to the south.
"""
    pages = _mini_with(
        tmp_path,
        [
            (
                "locations.yaml",
                "      - by: [alpha]\n        as_of: 2024-03-02\n",
                "      - {by: [alpha], since: 2000-01-01, until: 2020-01-01}\n"
                "      - {by: [alpha-government], since: 2020-01-01, until: 2099-12-31}\n",
            ),
            ("locations.yaml", "    description: A disputed ridge.\n", "    description: A disputed ridge.\n" + south),
        ],
    )
    north = re.sub(r"<[^>]+>", "", pages["places/north-ridge.md"])
    assert "Government of Alpha, since 1 January 2020, due to end 31 December 2099.Before:" in north
    assert "Alpha, 1 January 2000 &ndash; 1 January 2020." in north
    south_page = re.sub(r"<[^>]+>", "", pages["places/south-ridge.md"])
    assert "Administered by\nBeta, since 1 January 2021.Before:Alpha, as of 1 May 2020." in south_page
    assert "south-ridge" not in pages["parties/alpha.md"] and "south-ridge" in pages["parties/beta.md"]


def test_what_holds_is_read_against_the_build_day() -> None:
    import datetime as dt

    from generator import inputs
    from generator.facts.tenures import held_before, held_now, overlapping

    day = dt.date(2025, 6, 1)
    office = [
        inputs.Office(title="A", since=dt.date(2020, 1, 1), until=dt.date(2025, 6, 1)),
        inputs.Office(title="B", as_of=dt.date(2024, 1, 1)),
        inputs.Office(title="C", until=dt.date(2025, 5, 31)),
    ]
    assert [o.title for o in held_now(office, day)] == ["A", "B"]  # offices: several at once; its last day still holds
    assert [o.title for o in held_before(office, day)] == ["C"]
    held = [
        inputs.Administration(by=["a"], since=dt.date(2000, 1, 1), until=dt.date(2010, 1, 1)),
        inputs.Administration(by=["b"], since=dt.date(2010, 1, 1)),  # a handover on one day
        inputs.Administration(by=["a", "b"], since=dt.date(2030, 1, 1)),
    ]  # not begun: refused by validation
    assert [a.by for a in held_now(held, day)] == [["b"]]
    assert overlapping(held, day) == []
    held.append(inputs.Administration(by=["c"], as_of=dt.date(2015, 1, 1)))
    assert overlapping(held, day) == [(3, 1)]


def test_an_end_that_is_today_is_not_said_to_be_to_come(monkeypatch) -> None:
    """Handed over today: the entry that ends today is under 'Before', and reads as ended,
    never 'due to end' today."""
    import datetime as dt

    from generator import inputs
    from generator.render import common

    monkeypatch.setattr(common, "build_day", lambda: dt.date(2026, 12, 8))
    ends_today = inputs.Administration(by=["a"], since=dt.date(2000, 1, 1), until=dt.date(2026, 12, 8))
    ends_tomorrow = inputs.Administration(by=["a"], since=dt.date(2000, 1, 1), until=dt.date(2026, 12, 9))
    assert common.tenure_text(ends_today) == common.date_range(dt.date(2000, 1, 1), dt.date(2026, 12, 8))
    assert common.tenure_text(ends_tomorrow).endswith("due to end 9 December 2026")


def test_a_day_and_month_without_a_year_is_read_within_the_rule_or_said_to_be_no_day() -> None:
    import datetime as dt

    from generator.text.text_dates import days_not_in_calendar, named_dates

    assert [d.first for d in named_dates("on 5 January", dt.date(2024, 12, 20))] == [dt.date(2025, 1, 5)]  # ahead
    assert [d.first for d in named_dates("on 29 February", dt.date(2024, 12, 20))] == [dt.date(2024, 2, 29)]
    assert named_dates("on 29 February", dt.date(2025, 3, 5)) == []
    assert [(d.words, d.year) for d in days_not_in_calendar("on 29 February", dt.date(2025, 3, 5))] == [
        ("29 February", 2025)
    ]
    assert days_not_in_calendar("on 29 February, and 39 March", dt.date(2024, 3, 5)) == []
