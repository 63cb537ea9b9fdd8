"""Under the preview, an edit re-renders only the pages it can change, and the pages come
out exactly as a clean build makes them (``generator/build/incremental.py``).

The edits are made to a copy of the frozen seed, through its YAML, the way a
contributor makes them: a rename, a new quote, a status, a retitled and redated
document, a place, an outlet, a topic's text, a document added and removed.
"""

from __future__ import annotations

import copy
import datetime
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from generator.build.incremental import KeptPages
from generator.build.pipeline import build_pages, check
from generator.build.session import Session
from generator.model.indexing import build_site
from generator.render import RenderedPage
from tests.conftest import SNAPSHOT, copy_corpus

ENTITY_FOLDERS = ("documents/", "claims/", "questions/", "parties/", "places/", "outlets/")


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _save(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")


def _edit(path: Path, change: Callable[[dict], None]) -> None:
    data = _load(path)
    change(data)
    _save(path, data)


def _documents(corpus: Path) -> list[Path]:
    return sorted((corpus / "documents").glob("*.yaml"))


def _quoted_claim(corpus: Path) -> tuple[Path, dict]:
    """The first claim whose quote has words enough to lose its last one."""
    for path in _documents(corpus):
        for claim in _load(path).get("claims", []):
            if len(claim["quote"].split()) >= 5:
                return path, claim
    raise AssertionError("no claim with a quote of five words")


def rename_party(corpus: Path) -> str:
    party = _load(corpus / "parties.yaml")["parties"][0]
    _edit(corpus / "parties.yaml", lambda d: d["parties"][0].update(name=party["name"] + " (renamed)"))
    return party["id"]


def shorten_quote(corpus: Path) -> str:
    path, claim = _quoted_claim(corpus)
    shorter = claim["quote"].rsplit(None, 1)[0]

    def change(data: dict) -> None:
        next(c for c in data["claims"] if c["id"] == claim["id"]).update(quote=shorter)

    _edit(path, change)
    return str(claim["id"])


def restate(corpus: Path) -> str:
    path, claim = _quoted_claim(corpus)

    def change(data: dict) -> None:
        edited = next(c for c in data["claims"] if c["id"] == claim["id"])
        edited.update(paraphrase=edited["paraphrase"] + " (restated)", status="unverified")

    _edit(path, change)
    return str(claim["id"])


def retitle_and_redate(corpus: Path) -> str:
    path = _documents(corpus)[-1]

    def change(data: dict) -> None:
        data["title"] += " (retitled)"
        data["event_date"] = data["event_date"] - datetime.timedelta(days=400)

    _edit(path, change)
    return str(_load(path)["id"])


def rename_place(corpus: Path) -> str:
    _edit(
        corpus / "locations.yaml", lambda d: d["locations"][-1].update(name=d["locations"][-1]["name"] + " (renamed)")
    )
    return str(_load(corpus / "locations.yaml")["locations"][-1]["id"])


def rename_outlet(corpus: Path) -> str:
    _edit(corpus / "outlets.yaml", lambda d: d["outlets"][0].update(name=d["outlets"][0]["name"] + " (renamed)"))
    return str(_load(corpus / "outlets.yaml")["outlets"][0]["id"])


def rewrite_topic(corpus: Path) -> str:
    path = sorted((corpus / "topics").glob("*.yaml"))[0]

    def change(data: dict) -> None:
        data["summary"] += " Rewritten."
        if data.get("questions"):
            data["questions"][0]["text"] = data["questions"][0]["text"].rstrip("?") + ", as rewritten?"

    _edit(path, change)
    return str(_load(path)["id"])


def add_document(corpus: Path) -> str:
    """A copy of the first document under a new id, its claims renamed and relating to nothing."""
    source = _documents(corpus)[0]
    data = _load(source)
    data["id"] = "added-copy"
    data["title"] += " (a copy)"
    data["text"] = "added-copy.txt"
    for claim in data.get("claims", []):
        claim["id"] = "added-" + claim["id"]
        claim.pop("disputes", None)
        claim.pop("supports", None)
    shutil.copy(source.with_suffix(".txt"), corpus / "documents" / "added-copy.txt")
    _save(corpus / "documents" / "added-copy.yaml", data)
    return "added-copy"


def remove_document(corpus: Path) -> str:
    (corpus / "documents" / "added-copy.yaml").unlink()
    (corpus / "documents" / "added-copy.txt").unlink()
    return "added-copy"


EDITS = [
    rename_party,
    shorten_quote,
    restate,
    retitle_and_redate,
    rename_place,
    rename_outlet,
    rewrite_topic,
    add_document,
    remove_document,
]


def _site(corpus: Path):
    checked = check(corpus, corpus)
    assert checked.problems == [], checked.problems[:3]
    return build_site(checked.corpus)


def _texts(pages: list[RenderedPage]) -> dict[str, str]:
    return {page.path: page.text for page in pages}


@pytest.mark.slow  # a clean build of the seed copy after each of its edits (pyproject.toml)
def test_an_incremental_rebuild_is_byte_identical_to_a_clean_one(tmp_path: Path) -> None:
    corpus = copy_corpus(SNAPSHOT, tmp_path / "seeds")
    session = Session()
    build_pages(corpus, corpus, session)
    every_job = len(session.pages.rendered)
    for edit in EDITS:
        edit(corpus)
        incremental = _texts(build_pages(corpus, corpus, session).pages)
        clean = _texts(build_pages(corpus, corpus).pages)
        assert incremental.keys() == clean.keys(), edit.__name__
        wrong = [path for path in clean if incremental[path] != clean[path]]
        assert wrong == [], f"{edit.__name__}: pages that differ from a clean build: {wrong[:5]}"
        rendered = len(session.pages.rendered)
        assert 0 < rendered < every_job, f"{edit.__name__} rendered {rendered} of {every_job}"
    build_pages(corpus, corpus, session)
    assert session.pages.rendered == []  # nothing changed, nothing rendered


@dataclass(frozen=True)
class Rendered:
    """The seed copy in ``corpus``, rendered once: the kept pages and the pages' texts."""

    corpus: Path
    kept: KeptPages
    texts: dict[str, str]


@pytest.fixture(scope="module")
def rendered_once(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The unedited seed copy rendered once for this module's tests (in each process): each
    test edits a fresh copy in the same folder (the model knows each file by its path) and
    renders again from a copy of these kept pages."""
    corpus = copy_corpus(SNAPSHOT, tmp_path_factory.mktemp("kept") / "seeds")
    kept = KeptPages()
    return Rendered(corpus, kept, _texts(kept.render(_site(corpus))))


def _rerendered(once: Rendered, edit: Callable[[Path], str]) -> tuple[str, set[str], set[str], dict[str, str]]:
    """What ``edit`` names, the pages rendered again, the pages whose text changed, and the
    pages before and after (both); ``once.corpus`` holds the edited copy."""
    corpus = once.corpus
    shutil.rmtree(corpus)
    copy_corpus(SNAPSHOT, corpus)
    kept, before = copy.deepcopy(once.kept), once.texts
    edited = edit(corpus)
    after = _texts(kept.render(_site(corpus)))
    changed = {path for path in after if before.get(path) != after[path]}
    return edited, set(kept.fresh), changed, {path: before.get(path, "") + after[path] for path in after}


def _entity_pages(paths: set[str]) -> set[str]:
    """The pages of one document, claim, question, party, place or outlet (not the lists)."""
    return {path for path in paths if path.startswith(ENTITY_FOLDERS) and not path.endswith("/index.md")}


def test_a_party_rename_re_renders_every_page_that_shows_it_and_no_other(rendered_once: Rendered) -> None:
    corpus = rendered_once.corpus
    party, rendered, changed, both = _rerendered(rendered_once, rename_party)
    assert changed <= rendered  # every page that changed was rendered again
    name = _load(corpus / "parties.yaml")["parties"][0]["name"]
    shows = re.compile(rf"[/\"]{re.escape(party)}/|{re.escape(name)}")  # a link to it, or its name
    showing = {path for path in _entity_pages(set(both)) if shows.search(both[path])}
    assert _entity_pages(rendered) <= showing, "an entity page was rendered again that does not show the party"
    assert _entity_pages(changed) == showing  # and every page that shows it changed


def test_a_new_quote_re_renders_its_document_claim_question_and_party(rendered_once: Rendered) -> None:
    corpus = rendered_once.corpus
    claim_id, rendered, changed, both = _rerendered(rendered_once, shorten_quote)
    assert changed <= rendered
    site = _site(corpus)
    claim = site.claims[claim_id]
    own = {f"claims/{claim_id}.md", f"documents/{claim.document.meta.id}.md", f"parties/{claim.claim.claimant}.md"}
    if claim.claim.question:
        own.add(f"questions/{claim.claim.question}.md")
    assert own <= rendered
    # The quote is part of its document: a page that shows the document or any of its claims
    # may show it (and is rendered again); no other page is.
    document = [claim.document.meta.id, *(c.id for c in claim.document.meta.claims)]
    shows = re.compile(rf"[/\"]({'|'.join(map(re.escape, document))})/")  # a link to one of them
    unrelated = {path for path in _entity_pages(rendered) - own if not shows.search(both[path])}
    assert unrelated == set(), "pages rendered again that show neither the document nor any of its claims"


@pytest.mark.parametrize("edit", EDITS[:7], ids=lambda edit: edit.__name__)
def test_every_page_an_edit_changes_is_rendered_again(rendered_once: Rendered, edit: Callable[[Path], str]) -> None:
    _, rendered, changed, _ = _rerendered(rendered_once, edit)
    assert changed and changed <= rendered
