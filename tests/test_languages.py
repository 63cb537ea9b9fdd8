"""Texts in any language and script: the languages fixture (a Thai statement with its issuer's
English version, an Arabic statement with a machine translation, an English wire copy of the
Thai statement) built by the real MkDocs, read as a browser parses it, and searched in a real
browser with the real Pagefind bundle.

What a reader must get: each text in its own language and direction, beside its translation,
the claim's passage highlighted in both, who translated it, the fonts of its script from the
site itself, its own page in its language for search, and the dataset carrying all of it."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, expect

from tests.browsing import served, served_only_from
from tests.conftest import _built_once

LANGUAGES = Path(__file__).resolve().parent / "fixtures" / "languages"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _built_once("languages-build", LANGUAGES, tmp_path_factory)


def _soup(site: Path, address: str) -> BeautifulSoup:
    return BeautifulSoup((site / address / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_a_text_is_shown_in_its_language_beside_its_translation(site: Path) -> None:
    page = _soup(site, "documents/alpha-statement")
    original = page.select_one(".text-version--original .source-text")
    translation = page.select_one(".text-version--translation .source-text")
    assert (original["lang"], original["dir"]) == ("th", "ltr")
    assert (translation["lang"], translation["dir"]) == ("en", "ltr")
    raw = (LANGUAGES / "documents" / "alpha-statement.txt").read_text(encoding="utf-8")
    shown = BeautifulSoup(str(original), "html.parser")
    for tip in shown.select(".claim-tip"):
        tip.decompose()
    assert [p.get_text("") for p in shown.select("p")] == [line.strip() for line in raw.splitlines() if line.strip()]
    # the claim's passage is highlighted, and anchored, in both texts
    thai = original.select_one("mark.claim-alpha-statement-beta-shelled-ridge")
    english = translation.select_one("mark.claim-alpha-statement-beta-shelled-ridge")
    assert thai.get_text("", strip=True).startswith("ทหารเบตาได้ยิงปืนใหญ่เข้าใส่สันเขาเหนือ")
    assert english.find(string=True, recursive=True) is not None
    assert "Beta's troops fired artillery at North Ridge." in english.get_text("")
    assert page.select_one("#quote-alpha-statement-beta-shelled-ridge") is not None
    assert page.select_one("#translated-alpha-statement-beta-shelled-ridge") is not None
    # who translated it, and the names of the Thai text linked to their pages
    label = page.select_one(".text-version--translation .text-version__label").get_text("")
    assert label == "English version by its issuer, Government of Alpha, 2 March 2024, published version"
    about = next(a for a in page.select(".admonition") if "About the translation" in a.get_text())
    assert "Translated from: the statement as first published, at 08.00" in about.get_text()
    assert about.select_one("em").get_text() == "beside"  # the note is Markdown
    linked = {a.get_text(): a["href"] for a in original.select("a")}
    assert linked["สันเขาเหนือ"].endswith("places/north-ridge/")
    assert linked["รัฐบาลอัลฟา"].endswith("parties/alpha-government/")


def test_a_right_to_left_text_runs_right_to_left_with_its_machine_translation_named(site: Path) -> None:
    page = _soup(site, "documents/beta-statement")
    original = page.select_one(".text-version--original .source-text")
    assert (original["lang"], original["dir"]) == ("ar", "rtl")
    assert original.select_one("mark.claim-beta-statement-self-defence") is not None
    label = page.select_one(".text-version--translation .text-version__label").get_text("")
    assert label == "English machine translation (Example Translate 2.0), 3 March 2024"


def test_pages_link_the_fonts_of_the_scripts_they_show_and_no_others(site: Path) -> None:
    def fonts(address: str) -> list[str]:
        return [link["href"].rsplit("/", 1)[-1] for link in _soup(site, address).select('link[href*="assets/fonts/"]')]

    assert fonts("documents/alpha-statement") == ["thai.css"]
    assert fonts("documents/beta-statement") == ["arabic.css"]
    assert fonts("parties/beta") == ["arabic.css", "thai.css"]
    assert fonts("documents/ridge-clash") == []


def test_a_text_not_in_english_has_its_own_page_in_its_language(site: Path) -> None:
    page = _soup(site, "documents/alpha-statement/original")
    assert page.html["lang"] == "th"
    assert page.body["lang"] == "en"  # the site's own wording
    text = page.select_one(".source-text")
    assert text["lang"] == "th"
    assert text.select_one("mark.claim-alpha-statement-two-wounded") is not None
    assert not (site / "documents" / "ridge-clash" / "original").exists()  # an English text has none
    # the document's page keeps that text out of its own (English) index
    document = _soup(site, "documents/alpha-statement")
    assert document.select_one(".text-version--original").has_attr("data-pagefind-ignore")
    assert not document.select_one(".text-version--translation").has_attr("data-pagefind-ignore")
    # each language is indexed apart: Thai words cut as Thai
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"en", "th"}
    assert entry["languages"]["th"]["page_count"] == 1
    # an Arabic text is searched where it is shown: its own page is not indexed
    arabic = _soup(site, "documents/beta-statement/original")
    assert arabic.html["lang"] == "ar"
    assert arabic.select_one("[data-pagefind-body]") is None
    assert (
        not _soup(site, "documents/beta-statement")
        .select_one(".text-version--original")
        .has_attr("data-pagefind-ignore")
    )


def test_names_in_other_scripts_are_shown_with_their_language(site: Path) -> None:
    names = _soup(site, "places/north-ridge").select('span[lang="th"], span[lang="ar"]')
    assert {(n["lang"], n.get("dir"), n.get_text()) for n in names} >= {
        ("th", "ltr", "สันเขาเหนือ"),
        ("ar", "rtl", "الحافة الشمالية"),
    }


def test_a_claim_page_gives_the_quote_in_both_languages(site: Path) -> None:
    quote = _soup(site, "claims/alpha-statement-two-wounded").select_one("blockquote")
    paragraphs = quote.select("p")
    assert (paragraphs[0]["lang"], paragraphs[0].get_text()) == ("th", "มีทหารได้รับบาดเจ็บสองนาย")
    assert (paragraphs[2]["lang"], paragraphs[2].get_text()) == ("en", "Two soldiers were wounded.")
    assert "translated-alpha-statement-two-wounded" in paragraphs[3].select_one("a")["href"]


def test_the_chain_of_an_english_copy_says_the_statement_was_in_thai(site: Path) -> None:
    page = _soup(site, "documents/wire-alpha-statement")
    hops = [item.get_text(" ", strip=True) for item in page.select("ol > li") if item.select_one("strong > a")]
    assert hops[0].startswith("Press Office of the Government of Alpha · original reporting · in Thai"), hops
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    work = (
        data if data.get("@type") == "NewsArticle" else next(i for i in data["@graph"] if i["@type"] == "NewsArticle")
    )
    assert work["translationOfWork"][0]["inLanguage"] == "th"


def test_the_dataset_and_structured_data_carry_the_translations(site: Path) -> None:
    corpus = json.loads((site / "data" / "briefings.json").read_text(encoding="utf-8"))
    alpha = next(d for d in corpus["documents"] if d["id"] == "alpha-statement")
    assert alpha["language"] == "th"
    assert alpha["translations"][0]["translator"]["party"] == "alpha-government"
    assert alpha["translated_texts"] == [
        (LANGUAGES / "documents" / "alpha-statement.en.txt").read_text(encoding="utf-8")
    ]
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((site / "data" / "claims.csv").read_text("utf-8")))}
    assert rows["alpha-statement-two-wounded"]["quote"] == "มีทหารได้รับบาดเจ็บสองนาย"
    assert rows["alpha-statement-two-wounded"]["quote_translated"] == "Two soldiers were wounded."
    documents = {r["id"]: r for r in csv.DictReader(io.StringIO((site / "data" / "documents.csv").read_text("utf-8")))}
    assert documents["beta-statement"]["translators"] == "machine:Example Translate 2.0"
    page = _soup(site, "documents/beta-statement")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    work = (
        data if data.get("@type") == "NewsArticle" else next(i for i in data["@graph"] if i["@type"] == "NewsArticle")
    )
    assert work["inLanguage"] == "ar"
    assert work["workTranslation"] == [
        {
            "@type": "CreativeWork",
            "inLanguage": "en",
            "translator": {"@type": "SoftwareApplication", "name": "Example Translate 2.0"},
            "datePublished": "2024-03-03",
        }
    ]


# What a reader types, and the pages that must be among the results.
QUERIES = [
    ("ปืนใหญ่", {"documents/alpha-statement/original/"}),  # a Thai word inside a run of words
    ("สันเขาเหนือ", {"documents/alpha-statement/original/", "places/north-ridge/"}),  # and the place's Thai name
    ("artillery", {"documents/alpha-statement/", "documents/wire-alpha-statement/"}),  # the translation, the copy
    ("الشمالية", {"documents/beta-statement/"}),  # an Arabic word, of the text beside its translation
    ("self-defence", {"documents/alpha-statement/", "documents/beta-statement/"}),  # both translations
    ("เบตา", {"parties/beta/"}),  # a party's name in Thai
]


@dataclass(frozen=True)
class Searching:
    """The site's search opened in a real browser, and what the browser fetched from elsewhere."""

    page: Page
    elsewhere: list[str]


@pytest.fixture(scope="module")
def searching(site: Path, browser: Browser) -> Iterator[Searching]:
    """A reader's search box on a document page, opened once for every query below."""
    with served(site) as server:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        elsewhere = served_only_from(context, server)
        page = context.new_page()
        page.goto(server + "documents/ridge-clash/")
        page.locator(".briefing-search__open").click()
        expect(page.locator("#briefing-search input.briefing-search__input")).to_be_focused(timeout=15_000)
        yield Searching(page, elsewhere)
        context.close()


@pytest.mark.parametrize(("words", "wanted"), QUERIES, ids=[q for q, _ in QUERIES])
def test_search_finds_a_text_by_the_words_of_either_language(
    searching: Searching, words: str, wanted: set[str]
) -> None:
    page = searching.page
    box = page.locator("#briefing-search input.briefing-search__input")
    box.fill("")  # the last query's results cleared, so that those read below are of these words
    expect(page.locator(".briefing-search__result")).to_have_count(0, timeout=15_000)
    box.fill(words)
    expect(page.locator(".briefing-search__result").first).to_be_visible(timeout=15_000)
    found = page.evaluate(
        """() => [...document.querySelectorAll('#briefing-search .briefing-search__result-link')]
             .map(link => new URL(link.href).pathname)"""
    )
    assert searching.elsewhere == []
    assert {"/" + address for address in wanted} <= set(found), found
