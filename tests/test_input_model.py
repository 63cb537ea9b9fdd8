"""The input model documents itself: every field has a meaning and a working example."""

from __future__ import annotations

from typing import Annotated

import pytest
from pydantic import TypeAdapter

from generator.render.reference_page import MODELS, render_reference

FIELDS = [(model, name, info) for model, _ in MODELS for name, info in model.model_fields.items()]


@pytest.mark.parametrize(("model", "name", "info"), FIELDS, ids=[f"{m.__name__}.{n}" for m, n, _ in FIELDS])
def test_field_is_documented_with_a_valid_example(model, name, info) -> None:
    assert info.description, f"{model.__name__}.{name} has no description"
    assert info.examples, f"{model.__name__}.{name} has no example"
    field_type = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    TypeAdapter(field_type).validate_python(info.examples[0])


def test_reference_page_lists_every_field() -> None:
    page = render_reference()
    for model, name, _ in FIELDS:
        assert f"<td data-label=\"Field\"><code>{name}</code></td>" in page.body, f"{model.__name__}.{name} missing from the reference"
