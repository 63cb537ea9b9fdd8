"""Property-based, every generated page: a thousand arbitrary strings (twenty on every run,
all of them in the full profile: ``tests/properties.py``) in every free-text field of the
fixture corpus, through the generator's own stages
in-process (validation, model, every renderer). No element or attribute may
come from the data, every link must be relative or http(s), and the string
must be shown as text. (``test_properties`` runs the real MkDocs build.)"""

from __future__ import annotations

import shutil

import pytest
from hypothesis import HealthCheck, example, given, settings

from generator.build.pipeline import build_pages
from generator.render import markup
from tests.conftest import MINI
from tests.properties import FREE_TEXT, Page, examples, inject

# Bodies already parsed and found clean: the pages no field reaches come out the same every time.
_CLEAN: set[str] = set()


@settings(max_examples=examples(1000), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(s=FREE_TEXT)
@example(s="0. ")  # found by this test: a numbered list in a prose field, numbered from 0
def test_arbitrary_text_in_every_field_renders_as_text(tmp_path_factory: pytest.TempPathFactory, s: str) -> None:
    """The same promise for every generated page, a thousand strings in every field: the
    generator's own stages in-process (validation, model, every renderer), without MkDocs' theme."""
    work = tmp_path_factory.mktemp("fast")
    corpus = work / "seeds"
    shutil.copytree(MINI, corpus)
    inject(corpus, s)

    built = build_pages(corpus, corpus)

    assert built.problems == [], [p.format_text() for p in built.problems]
    for page in built.pages:
        if isinstance(page.content, markup.Data):
            continue  # data files: JSON and CSV, written by their serialisers
        if page.content.body in _CLEAN:
            continue  # a page the data do not reach (the rules, the input reference), checked once
        parsed = Page()
        parsed.feed(page.content.body)
        assert parsed.bad == [], (page.path, parsed.bad)
        if len(_CLEAN) < 100:
            _CLEAN.add(page.content.body)
        assert all("<" not in str(value) and ">" not in str(value) for value in page.content.meta.values())
    party = next(page for page in built.pages if page.path == "parties/beta.md")
    shown = Page()
    shown.feed(party.content.body)  # type: ignore[union-attr]
    assert f"{' '.join(s.split())} P2" in " ".join("".join(shown.text).split())
