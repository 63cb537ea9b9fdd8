"""Checks of the names and aliases that link mentions in texts: each stands for one entity,
is long and rare enough to find it, and is given once."""

from __future__ import annotations

from collections.abc import Iterator

from generator import inputs
from generator.load.folder import Loc
from generator.text.quotes import fold
from generator.validate.checker import Findings, finding
from generator.validate.corpus import Corpus, Origin
from generator.validate.registries import Registries

_COMMON_WORDS = frozenset(
    """a an and are as at be by for from has he her his in is it its
    of on or said says she that the their they this to was were who will with""".split()
)


def _too_common(folded: str) -> bool:
    """Fewer than two letters or digits, or one common word in small letters."""
    return sum(ch.isalnum() for ch in folded) < 2 or folded in _COMMON_WORDS


def check_surface_forms(seed: Registries) -> Findings:
    """A name or alias may stand for one entity only, or its mentions are ambiguous; it must be
    long and rare enough to find that entity; an entity needs each form once."""
    owners: dict[str, tuple[str, str]] = {}
    own: set[tuple[str, str]] = set()
    # Every id, its hyphens read as spaces too ('north-ridge', 'north ridge'), and then every
    # form, in small letters: a form may not take another entity's in other capitals.
    loose: dict[str, tuple[str, str | None]] = {}
    for entity_id, *_ in _mention_entities(seed.corpus):
        for key in (entity_id, entity_id.replace("-", " ")):
            loose.setdefault(key.casefold(), (entity_id, None))
    # Every name first, then the aliases: an alias that takes another entity's name is the one reported.
    found = [
        (entity_id, form, loc, origin)
        for entity_id, forms, origin in _mention_entities(seed.corpus)
        for form, loc in forms
    ]
    forms = [form for form in found if form[2] == ("name",)] + [form for form in found if form[2] != ("name",)]
    for entity_id, form, loc, origin in forms:
        folded = fold(form)  # texts are matched folded (quotes, dashes, spaces alike), so forms are too
        if _too_common(folded):
            yield finding(
                origin.file,
                origin.loc + loc,
                "alias-too-common",
                f"'{form}' is too short or too common a word to stand for one entity: "
                "every occurrence in every text would link to it",
                "use a longer form that only this entity goes by",
            )
            continue
        if (entity_id, folded) in own:
            yield finding(
                origin.file,
                origin.loc + loc,
                "ambiguous-alias",
                f"'{form}' repeats the name or another alias of this entity",
                "delete it",
            )
            continue
        own.add((entity_id, folded))
        owner, first_form = owners.setdefault(folded, (entity_id, form))
        if owner != entity_id:
            name = (
                f"'{form}'"
                if first_form == form
                else f"'{form}' matches the same words in a text as '{first_form}', which"
            )
            yield finding(
                origin.file,
                origin.loc + loc,
                "ambiguous-alias",
                f"{name} already names '{owner}', so mentions of it in texts would be ambiguous",
                "keep the name or alias on one entity only, or make it longer (for example 'government in Baku')",
            )
            continue
        # A form that differs from another entity's id, name or alias only in capitals
        # ('reuters' on 'reuters-mirror' while 'reuters' exists) links that other
        # entity's mentions, and its web address ('www.reuters.com'), to the wrong page.
        other, other_form = loose.setdefault(folded.casefold(), (entity_id, form))
        if other != entity_id:
            what = f"the id of '{other}'" if other_form is None else f"'{other_form}', a name of '{other}'"
            yield finding(
                origin.file,
                origin.loc + loc,
                "ambiguous-alias",
                f"'{form}' is {what}, capitals aside, so texts naming '{other}' would link to '{entity_id}'",
                f"remove it from '{entity_id}', or write a form that only '{entity_id}' goes by",
            )


def _mention_entities(corpus: Corpus) -> Iterator[tuple[str, list[tuple[str, Loc]], Origin]]:
    for table in (corpus.parties, corpus.locations, corpus.outlets):
        for entity in table.values():
            yield entity.id, inputs.surface_forms_of(entity), corpus.origins[entity.id]
