"""Quote matching and mention finding on small inputs."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from generator.text.mentions import MentionFinder
from generator.text.quotes import NormalizedText, closest_passage, find_all
from tests.conftest import MINI, checked_model, copy_corpus

TEXT = "The  government in Baku said:\n“we were attacked”\u00a0today. Baku denied it."


def test_quote_matching_tolerates_only_invisible_differences() -> None:
    haystack = NormalizedText.of(TEXT)
    [(start, end)] = find_all(haystack, 'said: "we were attacked" today')
    assert TEXT[start:end] == "said:\n“we were attacked”\u00a0today"
    assert find_all(haystack, "said: we were attacked") == []
    assert find_all(haystack, "SAID:") == []


def test_every_occurrence_is_found() -> None:
    assert len(find_all(NormalizedText.of(TEXT), "Baku")) == 2


def test_closest_passage_points_at_the_near_miss() -> None:
    closest = closest_passage(NormalizedText.of(TEXT), "the government of Baku said")
    assert closest.startswith("government in Baku said") or "government in Baku" in closest


def test_closest_passage_is_found_among_thousands_of_common_words() -> None:
    """A passage is placed by its rarer words (the text's words are indexed once, so many
    wrong quotes in a long text cost in proportion to the quotes): a word found thousands
    of times, such as "the", does not hide the near miss, and a passage of common words
    alone is still placed."""
    filler = " ".join(f"the report {n} of the day" for n in range(3000))
    text = f"{filler} The ministry said two soldiers were wounded near the border. {filler}"
    haystack = NormalizedText.of(text)
    closest = closest_passage(haystack, "the ministry said three soldiers were wounded near the border")
    assert "ministry said two soldiers were wounded near the border" in closest
    assert "the" in closest_passage(haystack, "the the of the")


def test_longest_name_wins_and_words_are_whole() -> None:
    finder = MentionFinder({"Baku": "baku", "government in Baku": "az-gov", "Bak": "bak"})
    mentions = finder.find(NormalizedText.of(TEXT))
    found = [(TEXT[m.start : m.end], m.entity) for m in mentions]
    assert found == [("government in Baku", "az-gov"), ("Baku", "baku")]


def test_unicode_names_are_matched() -> None:
    finder = MentionFinder({"Əliyev": "aliyev"})
    text = "Prezident Əliyev dedi. Əliyevin"
    assert [(m.start, m.end) for m in finder.find(NormalizedText.of(text))] == [(10, 16)]


def test_invisible_characters_are_ignored_but_the_span_is_exact() -> None:
    text = "The mini\u00adstry said: \u201cwe\u200b acted\u201d."
    [(start, end)] = find_all(NormalizedText.of(text), 'ministry said: "we acted"')
    assert text[start:end] == "mini\u00adstry said: \u201cwe\u200b acted\u201d"


def test_armenian_and_azerbaijani_spellings_find_their_mentions() -> None:
    finder = MentionFinder({"Լեռնային Ղարաբաղ": "nk", "Dağlıq Qarabağ": "nk", "Əliyev": "aliyev"})
    text = "Լեռնային Ղարաբաղի — Dağlıq Qarabağ, dedi Əliyev."
    found = [text[m.start : m.end] for m in finder.find(NormalizedText.of(text))]
    assert found == ["Dağlıq Qarabağ", "Əliyev"]  # "Ղարաբաղի" is another word form, not a whole-word match


def test_a_name_inside_a_web_address_is_not_a_mention() -> None:
    finder = MentionFinder({"reuters": "reuters-mirror", "Reuters": "reuters", "U.S.": "united-states"})
    text = (
        "Reuters said. See www.reuters.com, reuters.com/world, https://example.org/reuters/1 "
        "and press@reuters.org. The U.S. and reuters agreed (Reuters)."
    )
    found = [(text[m.start : m.end], m.entity) for m in finder.find(NormalizedText.of(text))]
    assert found == [
        ("Reuters", "reuters"),
        ("U.S.", "united-states"),
        ("reuters", "reuters-mirror"),
        ("Reuters", "reuters"),
    ]


def test_a_text_in_nfd_finds_names_and_quotes_written_in_nfc_with_exact_spans() -> None:
    # The text is decomposed (a letter, then its accent), the names and the quote composed.
    text = unicodedata.normalize("NFD", "Prezident Əliyev dedi: “Dağlıq Qarabağ  sakitdir”. Ağdam\u200b\u0306 sakit.")
    assert "g\u0306" in text
    haystack = NormalizedText.of(text)
    finder = MentionFinder({"Dağlıq Qarabağ": "nk", "Əliyev": "aliyev", "Ağdam": "agdam"})
    found = [(text[m.start : m.end], m.entity) for m in finder.find(haystack)]
    # each span holds the letters with their accents, exactly as written; "Ağdam" + a breve is another word
    assert found == [("Əliyev", "aliyev"), (unicodedata.normalize("NFD", "Dağlıq Qarabağ"), "nk")]
    [(start, end)] = find_all(haystack, 'dedi: "Dağlıq Qarabağ sakitdir"')
    assert text[start:end] == unicodedata.normalize("NFD", "dedi: “Dağlıq Qarabağ  sakitdir”")
    [(start, end)] = find_all(haystack, "Qarabağ")  # ending on a composed letter: its accent is inside
    assert text[end - 1] == "\u0306"


def test_a_quote_in_nfd_is_found_in_a_text_in_nfc() -> None:
    text = "Dağlıq Qarabağ dedi."
    [(start, end)] = find_all(NormalizedText.of(text), unicodedata.normalize("NFD", "Qarabağ dedi"))
    assert text[start:end] == "Qarabağ dedi"


def test_a_decomposed_text_is_read_whole_in_the_built_model(tmp_path: Path) -> None:
    """The mini corpus with its text in NFD and one place and one quote with accents in NFC:
    no problem, and the mention and the claim's highlight are the exact decomposed spans."""
    seeds = copy_corpus(MINI, tmp_path / "seeds")
    text_file = seeds / "documents" / "ridge-clash.txt"
    text = text_file.read_text(encoding="utf-8").replace("North Ridge", "Dağlıq Ridge")
    text = text.replace("self-defence", "self-défence")
    text_file.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    for name, old, new in (
        ("locations.yaml", "name: North Ridge", "name: Dağlıq Ridge"),
        (
            "documents/ridge-clash.yaml",
            "quote: Beta said its troops acted in self-defence",
            "quote: Beta said its troops acted in self-défence",
        ),
    ):
        path = seeds / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    site = checked_model(seeds, tmp_path)
    decomposed = unicodedata.normalize("NFD", text)
    places = [decomposed[m.start : m.end] for m in site.mentions["ridge-clash"] if m.entity == "north-ridge"]
    assert places == [unicodedata.normalize("NFD", "Dağlıq Ridge")]
    start, end = site.claims["beta-self-defence"].span
    assert decomposed[start:end] == unicodedata.normalize("NFD", "Beta said its troops acted in self-défence")
