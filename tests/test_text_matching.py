"""Quote matching and mention finding on small inputs."""

from __future__ import annotations

from generator.mentions import MentionFinder
from generator.quotes import NormalizedText, closest_passage, find_all

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


def test_longest_name_wins_and_words_are_whole() -> None:
    finder = MentionFinder({"Baku": "baku", "government in Baku": "az-gov", "Bak": "bak"})
    mentions = finder.find(NormalizedText.of(TEXT))
    found = [(TEXT[m.start:m.end], m.entity) for m in mentions]
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
    found = [text[m.start:m.end] for m in finder.find(NormalizedText.of(text))]
    assert found == ["Dağlıq Qarabağ", "Əliyev"]  # "Ղարաբաղի" is another word form, not a whole-word match


def test_a_name_inside_a_web_address_is_not_a_mention() -> None:
    finder = MentionFinder({"reuters": "reuters-mirror", "Reuters": "reuters", "U.S.": "united-states"})
    text = (
        "Reuters said. See www.reuters.com, reuters.com/world, https://example.org/reuters/1 "
        "and press@reuters.org. The U.S. and reuters agreed (Reuters)."
    )
    found = [(text[m.start:m.end], m.entity) for m in finder.find(NormalizedText.of(text))]
    assert found == [
        ("Reuters", "reuters"),
        ("U.S.", "united-states"),
        ("reuters", "reuters-mirror"),
        ("Reuters", "reuters"),
    ]
