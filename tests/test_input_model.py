"""The input model documents itself: every field has a meaning and a working example."""

from __future__ import annotations

from typing import Annotated

from pydantic import TypeAdapter, ValidationError

from generator.render.reference_page import MODELS, render_reference

FIELDS = [(model, name, info) for model, _ in MODELS for name, info in model.model_fields.items()]


def test_every_field_is_documented_with_a_valid_example() -> None:
    """One test, listing every field that lacks a meaning or a working example."""
    missing = []
    for model, name, info in FIELDS:
        where = f"{model.__name__}.{name}"
        if not info.description:
            missing.append(f"{where}: no description")
        if not info.examples:
            missing.append(f"{where}: no example")
            continue
        field_type = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
        try:
            TypeAdapter(field_type).validate_python(info.examples[0])
        except ValidationError as error:
            missing.append(f"{where}: its example {info.examples[0]!r} is not valid ({error.errors()[0]['msg']})")
    assert len(FIELDS) > 50
    assert missing == []


def test_reference_page_lists_every_field() -> None:
    page = render_reference()
    for model, name, _ in FIELDS:
        assert f'<td data-label="Field"><code>{name}</code></td>' in page.body, (
            f"{model.__name__}.{name} missing from the reference"
        )


def test_an_id_is_suggested_from_a_name_in_any_script() -> None:
    """Names are transliterated, never stripped of the letters ASCII lacks; the suggestion
    is a valid id, and it is what an invalid id's error proposes."""
    import pytest

    from generator.inputs.fields import is_slug, slugify

    names = {
        "Əliyev": "eliyev",  # Azerbaijani Latin
        "Ильхам Алиев": "ilkham-aliev",  # Cyrillic
        "Փաշինյան": "pashinyan",  # Armenian
        "王毅": "wang-yi",  # one syllable a sign: the syllables kept apart
        "김정은": "gim-jeong-eun",
        "Hun Manet": "hun-manet",
    }
    for name, expected in names.items():
        assert slugify(name) == expected, name
    for name in ("ตาเมือนธม", "ប្រាសាទតាមាន់ធំ", "नरेंद्र मोदी", "Ta Muen Thom (ตาเมือนธม)"):
        suggested = slugify(name)
        assert is_slug(suggested) and len(suggested) >= 6, (name, suggested)  # letters kept, not "item"
    from generator.inputs import Party

    with pytest.raises(ValidationError, match="for example 'eliyev'"):
        Party.model_validate({"id": "Əliyev", "name": "Əliyev", "kind": "person"})
