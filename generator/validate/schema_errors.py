"""Schema problems (what the input model refuses) in a contributor's words: the field,
what is wrong with its value, the closest allowed field or value, an example."""

from __future__ import annotations

import difflib
import math
import re
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from generator.load.folder import Loc
from generator.validate.checker import Finding, finding
from generator.validate.corpus import Origin


def schema_finding(model: type[BaseModel], item: Any, origin: Origin) -> Finding:
    """What pydantic's ``item`` (one error of ``model`` at ``origin``) says, in a contributor's words."""
    loc = tuple(item["loc"])
    kind = item["type"]
    file = origin.file
    if kind == "missing":
        name = loc[-1]
        info = field_info(model, loc)
        example = _example_of(info)
        return finding(
            file,
            origin.loc + loc[:-1],
            "missing-field",
            f"missing required field '{name}'",
            f"add '{name}:' here"
            + (f", for example '{name}: {example}'" if example else "")
            + (f" ({info.description})" if info is not None and info.description else ""),
            prefer_key=True,
        )
    if kind == "extra_forbidden":
        name = str(loc[-1])
        allowed = _field_names(model, loc[:-1])
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.5)
        hint = f"did you mean '{close[0]}'?" if close else "allowed fields: " + ", ".join(allowed)
        hint = _RENAMED.get(name, hint)
        return finding(file, origin.loc + loc, "unknown-field", f"unknown field '{name}'", hint, prefer_key=True)
    if kind == "literal_error":
        expected = item["ctx"]["expected"]
        written = _written(item["input"])
        close = difflib.get_close_matches(written, re.findall(r"'([^']*)'", expected), n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"use one of {expected}"
        return finding(file, origin.loc + loc, "invalid-value", f"'{written}' is not allowed for '{loc[-1]}'", hint)
    message, hint = _describe(item)
    field = next((str(part) for part in reversed(loc) if isinstance(part, str)), "")
    if kind in ("model_type", "dict_type") and isinstance(item["input"], str) and field in _DATED_FORMS:
        hint = _DATED_FORMS[field]
    if not hint:
        info = field_info(model, loc) if loc and isinstance(loc[-1], str) else None
        hint = hint_for(info)
    return finding(file, origin.loc + loc, "invalid-value", message, hint)


# Facts that change over time are written with their dates; an entry in the older, undated
# form (a bare id, a 'role' line) is told what to write instead.
_DATED_FORMS = {
    "administered_by": "write each administration with its dates: '- by: [party-id]' and, on the next lines, "
    "'since: YYYY-MM-DD' (the day it began) or 'as_of: YYYY-MM-DD' (a day it is known to hold)",
    "offices": "write each office with its dates: '- title: Prime Minister of ...' and 'since: YYYY-MM-DD' "
    "or 'as_of: YYYY-MM-DD'",
    "owners": "write each owner with its dates: '- owner: ...' and 'since: YYYY-MM-DD' or 'as_of: YYYY-MM-DD'",
}
_RENAMED = {
    "role": "an office is dated now: write 'offices:' with '- title: <the office>' and 'since: YYYY-MM-DD' "
    "(or 'as_of: YYYY-MM-DD', a day it is known to hold)",
}


def _describe(item: Any) -> tuple[str, str]:
    """A message and a hint for a type or value error."""
    kind, loc, value = item["type"], item["loc"], item["input"]
    name = next((str(part) for part in reversed(loc) if isinstance(part, str)), "value")
    got = _kind_of(value)
    expectations = {
        "string_type": "text",
        "float_type": "a number",
        "float_parsing": "a number",
        "int_type": "a whole number",
        "int_parsing": "a whole number",
        "list_type": "a list",
        "dict_type": "a mapping of fields",
        "model_type": "a mapping of fields",
        "model_attributes_type": "a mapping of fields",
        "bool_type": "true or false",
        "finite_number": "a finite number",
        "int_from_float": "a whole number",
    }
    hints = {
        "string_type": "in YAML, put quotes around text that looks like a number, a date or yes/no",
        "list_type": "write a list, either [a, b] or one '- item' per line",
        "dict_type": "write the fields on indented lines below, as 'field: value'",
        "model_type": "write the fields on indented lines below, as 'field: value'",
    }
    if (
        kind in expectations
        and isinstance(value, int)
        and value.bit_length() > _NUMBER_BITS
        and "number" in expectations[kind]
    ):
        return f"'{name}' is {got}, too large to be read as a number", "check the value: a few digits are expected"
    if kind in _NUMBER_KINDS and isinstance(value, (str, bool)):
        shown = f"the text '{value}'" if isinstance(value, str) else got
        examples = f"'{name}: 2'" if kind.startswith("int") else f"'{name}: 1000' or '{name}: -2.5'"
        return (
            f"'{name}' must be {expectations[kind]} written as digits, not {shown}",
            f"write plain digits, without quotes, for example {examples} "
            "(YAML reads a quoted value, 1e3 or 1 000 as text)",
        )
    if kind in expectations:
        return f"'{name}' must be {expectations[kind]}, not {got}", hints.get(kind, "")
    if kind == "too_short":
        return (f"'{name}' needs at least {item['ctx'].get('min_length', 1)} item(s)", "add the missing items")
    message = item["msg"].removeprefix("Value error, ")
    problem, _, hint = message.partition(" | hint: ")
    if not any(isinstance(part, str) for part in loc):  # a rule across the fields of one entry
        return problem, hint
    return f"'{name}': {problem}", hint


# A text or a yes/no where a number is expected ("3", true) is never read as one: the page would
# show 3 or 1 for what the contributor may have meant otherwise.
_NUMBER_KINDS = frozenset({"float_type", "float_parsing", "int_type", "int_parsing"})


def hint_for(info: Any) -> str:
    """The field's own description and example, as a reminder of what it takes."""
    if info is None:
        return "see the input model reference for what this field takes"
    example = _example_of(info)
    text = info.description or "see the input model reference"
    return f"{text}" + (f" For example: {example}" if example else "")


_NUMBER_BITS = 200  # a number longer than this (some 60 digits) is described by its length, not shown


def _written(value: Any) -> str:
    """A value as text, a number of thousands of digits by its length."""
    if isinstance(value, int) and value.bit_length() > _NUMBER_BITS:
        return f"a number of some {int(value.bit_length() * math.log10(2)) + 1:,} digits"
    return str(value)


def _kind_of(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (YAML reads yes/no/true/false as a boolean)"
    if isinstance(value, int) and value.bit_length() > _NUMBER_BITS:  # written out, it could be megabytes
        return _written(value)
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"'{value}'" if isinstance(value, str) else type(value).__name__


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The input class that describes the mapping at ``loc`` inside ``model``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    """The model class inside ``list[X]``, ``X | None`` or ``Annotated[X, ...]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found is not None:
                return found
    return None


def _field_names(model: type[BaseModel], loc: Loc) -> list[str]:
    inner = _model_at(model, loc)
    return list(inner.model_fields) if inner else []


def field_info(model: type[BaseModel], loc: Loc) -> Any:
    inner = _model_at(model, loc[:-1])
    return inner.model_fields.get(str(loc[-1])) if inner else None


def _example_of(info: Any) -> str:
    if info is None or not info.examples:
        return ""
    example = info.examples[0]
    return example if isinstance(example, str) else str(example)


def walk(data: Any, loc: Loc) -> Iterator[tuple[Loc, Any]]:
    """Every scalar of a parsed YAML document with its path."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from walk(value, (*loc, index))
    else:
        yield loc, data


# Words too common to stand for one entity: each would link every "the" or "said" of every text.
