"""The contributors' reference of the input model, generated from ``inputs``."""

from __future__ import annotations

import functools
import types
import typing
from typing import Any

import yaml
from markupsafe import Markup
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator import inputs
from generator.render import markup as mk

# The files a contributor writes, then the parts they are made of.
MODELS: list[tuple[type[BaseModel], str]] = [
    (inputs.PartyRegistry, "seeds/parties.yaml"),
    (inputs.Party, "A party (an entry of parties.yaml)"),
    (inputs.LocationRegistry, "seeds/locations.yaml"),
    (inputs.Location, "A place (an entry of locations.yaml)"),
    (inputs.Coordinates, "Coordinates (of a place)"),
    (inputs.LocationPart, "A part of a split place (of a place)"),
    (inputs.Geometry, "A line or an area (of a place)"),
    (inputs.OutletRegistry, "seeds/outlets.yaml"),
    (inputs.Outlet, "An outlet (an entry of outlets.yaml)"),
    (inputs.Topic, "seeds/topics/<id>.yaml"),
    (inputs.Section, "A background section (of a topic)"),
    (inputs.KeyFact, "A key fact (of a topic)"),
    (inputs.Question, "A question (of a topic)"),
    (inputs.Event, "A timeline event (of a topic)"),
    (inputs.Document, "seeds/documents/<name>.yaml"),
    (inputs.Boilerplate, "A boilerplate passage (of a document)"),
    (inputs.Hop, "A hop of the source graph (of a document)"),
    (inputs.Claim, "A claim (of a document)"),
    (inputs.Figure, "A figure (of a claim)"),
    (inputs.FigureRevision, "A revision of a figure"),
    (inputs.Citation, "A source (wherever 'sources' is allowed)"),
]


@functools.cache  # the same for every corpus: made once per process
def render_reference() -> mk.Page:
    head = mk.front_matter(
        "Input model", "Every metadata field: meaning, type, whether it is required, an example.", kind="Guide"
    )
    blocks: list[mk.Block] = [
        mk.heading(1, "Input model reference"),
        mk.ours(
            "Every field of every metadata file, generated from the same definitions the validator uses. "
            "Ids are lowercase slugs (`a-z`, `0-9`, single hyphens). Dates are written `YYYY-MM-DD`. "
            "Only `http://` and `https://` addresses are accepted. Unknown fields are errors. "
            "The files under `seeds/` are complete, working examples of every file."
        ),
    ]
    for model, title in MODELS:
        blocks.append(mk.heading(2, title, model.__name__.lower()))
        blocks.append(mk.ours(_doc(model)))
        headers = ("Field", "Type", "Required", "Meaning", "Example")
        table = mk.ours(_markdown_table(headers, [_row(name, info) for name, info in model.model_fields.items()]))
        blocks.append(mk.html('<div class="stack reference">{}</div>', _labelled(table, headers)))
    return mk.page(head, *blocks)


def _labelled(table: Markup, headers: tuple[str, ...]) -> Markup:
    """Each cell labelled with its column, as ``markup.table`` does: cards on a phone."""
    rows = table.split("<tr>")  # pieces of Markup, cut between its tags
    for index, row in enumerate(rows[1:], start=1):
        cells = row.split("<td>")
        rows[index] = cells[0] + mk.join(
            "",
            (
                mk.html('<td data-label="{}">{}', mk.attr(headers[i] if i < len(headers) else ""), cell)
                for i, cell in enumerate(cells[1:])
            ),
        )
    return mk.join("<tr>", rows)


def _markdown_table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """A Markdown table of text written in this package (descriptions, types, examples)."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell.replace("\n", " ") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _flow_yaml(value: Any) -> str:
    """A value as one line of YAML, the way a contributor could write it."""
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=100000, sort_keys=False)
    return dumped.strip().removesuffix("...").strip()  # a bare scalar ends with YAML's document-end mark


def _doc(model: type[BaseModel]) -> str:
    return " ".join((model.__doc__ or "").split())


def _row(name: str, info: FieldInfo) -> tuple[str, ...]:
    required = "yes" if info.is_required() else "no"
    kind = mk.text(_name_from_metadata(info.metadata)) or type_name(info.annotation)
    # Descriptions and examples are written in generator/inputs/, not by contributors:
    # they may use Markdown.
    example = info.examples[0] if info.examples else None
    shown = "" if example is None else f"`{example if isinstance(example, str) else _flow_yaml(example)}`"
    return (f"`{name}`", kind, required, (info.description or "").replace("|", "\\|"), shown)


def _name_from_metadata(metadata: Any) -> str:
    for item in metadata:
        name = inputs.VALIDATOR_NAMES.get(getattr(item, "func", None))
        if name:
            return name
    return ""


def type_name(annotation: Any) -> str:
    """A readable Markdown name for a field type: ``list of [Party](#party)``, ``one of: `a`, `b` ``."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return mk.text(_name_from_metadata(args[1:])) or type_name(args[0])
    if origin in (typing.Union, types.UnionType):
        return " or ".join(type_name(a) for a in args if a is not type(None))
    if origin is list:
        return f"list of {type_name(args[0])}"
    if origin is typing.Literal:
        return "one of: " + ", ".join(f"`{a}`" for a in args)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    if annotation is typing.Any:
        return "nested lists of [longitude, latitude]"  # the one such field: GeoJSON coordinates
    return {str: "text", float: "number", int: "whole number", bool: "true/false"}.get(annotation, str(annotation))
