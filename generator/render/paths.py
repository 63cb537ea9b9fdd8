"""Where each generated page lives in the site, and the anchors inside pages."""

from __future__ import annotations

from generator import inputs

HOME = "index.md"
TOPICS = "topics/index.md"
TOPICS_FOR_SEARCH = "topics/search.json"  # each topic's title, address and lead, for the site's search
DOCUMENTS = "documents/index.md"
CLAIMS = "claims/index.md"
PARTIES = "parties/index.md"
PLACES = "places/index.md"
OUTLETS = "outlets/index.md"
SOURCES = "sources/index.md"
TIMELINE = "timeline.md"
REFERENCE = "contributing/input-model.md"
RULES = "contributing/rules.md"
DATA = "data/index.md"
READING = "reading.md"
TAGS = "tags.md"

_FOLDERS = {registry.kind: registry.plural for registry in inputs.REGISTRIES}


def entity(kind: str, entity_id: str) -> str:
    """The page of a party, location or outlet."""
    return f"{_FOLDERS[kind]}/{entity_id}.md"


def document(document_id: str) -> str:
    return f"documents/{document_id}.md"


def original(document_id: str) -> str:
    """The page of a document's text alone, in its own language (for a text not in English):
    what site search finds by the words of that language."""
    return f"documents/{document_id}/original.md"


def claim(claim_id: str) -> str:
    return f"claims/{claim_id}.md"


def address(page: str) -> str:
    """The address MkDocs gives a page file, from the site's root: ``a/b.md`` and
    ``a/b/index.md`` are both ``a/b/``."""
    stem = page.removesuffix(".md")
    return "" if stem in ("index", "README") else stem.removesuffix("/index").removesuffix("/README") + "/"


def topic(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def question(question_id: str) -> str:
    """The page of a question: every claim that answers it, side by side."""
    return f"questions/{question_id}.md"


def listing(name: str) -> str:
    """A page of a long list cut into parts (by year, by letter, by number)."""
    return f"lists/{name}.md"


def quote_anchor(claim_id: str) -> str:
    """The anchor of a claim's highlighted quote on its document page."""
    return f"quote-{claim_id}"


def translated_quote_anchor(claim_id: str) -> str:
    """The anchor of a claim's highlighted passage in the translation beside the text."""
    return f"translated-{claim_id}"


def tag_anchor(tag: str) -> str:
    """The anchor of a tag on the tags page (a tag is a kind's words: ``armed group``)."""
    return "tag-" + "-".join(tag.split())


def event_anchor(event_id: str) -> str:
    return f"event-{event_id}"


def hop_anchor(index: int) -> str:
    return f"hop-{index + 1}"


_SECTION_OF_FOLDER = {
    "documents": DOCUMENTS,
    "claims": CLAIMS,
    "questions": CLAIMS,
    "parties": PARTIES,
    "places": PLACES,
    "outlets": OUTLETS,
    "topics": TOPICS,
    "data": DATA,
}
_SECTION_OF_LIST = {
    "documents-": DOCUMENTS,
    "parties-": PARTIES,
    "places-": PLACES,
    "outlets-": OUTLETS,
    "timeline-": TIMELINE,
}


def section(page: str) -> str | None:
    """The section index page a page belongs to (a party's page: the parties page), for the
    navigation to show where a reader is; None for a page of the navigation itself."""
    folder, _, name = page.partition("/")
    if folder == "lists":
        return next((index for prefix, index in _SECTION_OF_LIST.items() if name.startswith(prefix)), None)
    return _SECTION_OF_FOLDER.get(folder) if name and name != "index.md" else None
