"""Reading one YAML file into plain data, fast, and finding where each key and value is
written when a problem needs it.

Speed: the file is read from the parser's event stream (libyaml's when PyYAML has it)
into plain dicts and lists, without composing PyYAML's node tree, and positions are
found only for files with a problem. The load stage's time is measured by
``scripts/benchmark.py`` (the site's *Performance at scale* page). Everything the safe
loader refuses is refused here too (tags, aliases, a depth past ``MAX_DEPTH``), and a
key given twice is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.base.problems import Problems
from generator.load import yaml_syntax

Loc = tuple[str | int, ...]
Position = tuple[int, int]
MAX_DEPTH = 32  # nesting levels of YAML collections; the model needs fewer than 8


@dataclass
class YamlSource:
    """A YAML file's path and text, and where each key and value is written in it
    (found only when first asked, by reading the text again)."""

    path: Path
    text: str = field(repr=False)
    _positions: tuple[dict[Loc, Position], dict[Loc, Position]] | None = field(default=None, repr=False)

    def position(self, loc: Loc, prefer_key: bool = False) -> Position:
        """Where ``loc`` is written, or where its nearest written parent is."""
        if self._positions is None:
            self._positions = _positions(self.text)
        keys, values = self._positions
        first, second = (keys, values) if prefer_key else (values, keys)
        for end in range(len(loc), -1, -1):
            prefix = loc[:end]
            if prefix in first:
                return first[prefix]
            if prefix in second:
                return second[prefix]
        return (1, 1)


@dataclass
class YamlFile:
    """A parsed YAML file: its data, and its source for positions. What is read
    from it keeps only the source, so the data can go once it is validated."""

    source: YamlSource
    data: Any

    @property
    def path(self) -> Path:
        return self.source.path

    def position(self, loc: Loc, prefer_key: bool = False) -> Position:
        return self.source.position(loc, prefer_key)


# The event parser: libyaml's when PyYAML has it (ten times faster), else PyYAML's own.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
_STR = "tag:yaml.org,2002:str"
_PLAIN_TAGS = {_STR, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map", "!"}
_SCALAR_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("int", "float", "bool", "null")}


class _Resolver(yaml.resolver.Resolver):
    """YAML 1.1's implicit types (numbers, booleans, null), but dates stay text,
    so that the validator reports a bad one at its position."""


_Resolver.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
_RESOLVER = _Resolver()
_IMPLICIT_FIRST = frozenset(_Resolver.yaml_implicit_resolvers)  # "" is an empty value: null
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_SURROGATE = re.compile("[\ud800-\udfff]")


# The events and marks of libyaml's parser and of PyYAML's own: the same attributes, other
# classes (``yaml._yaml.Mark`` is not ``yaml.Mark``), so they are typed by what is read of them.
_Event = Any
_Mark = Any


class _Builder:
    """Plain Python data straight from the parser's event stream, in one pass.

    Refused while reading, before anything grows: aliases (never needed in
    metadata, and a few nested ones expand into billions of nodes), nesting
    deeper than ``MAX_DEPTH`` and tags. Keys that are not plain words and keys
    given twice are noted (the first value is kept). With ``keys`` and
    ``values`` it also records where every key and value is written."""

    def __init__(
        self, text: str, keys: dict[Loc, Position] | None = None, values: dict[Loc, Position] | None = None
    ) -> None:
        self.events: Any = yaml.parse(text, Loader=_FAST_LOADER or yaml.SafeLoader)
        self.keys = keys
        self.values = values
        self.key_problems: list[tuple[_Mark, str, str, str]] = []

    def document(self) -> Any:
        events = self.events
        next(events)  # the stream's start
        start = next(events)
        if isinstance(start, yaml.StreamEndEvent):
            return None
        data = self.node(next(events), (), 0)
        next(events)  # the document's end
        extra = next(events)
        if not isinstance(extra, yaml.StreamEndEvent):
            raise yaml.composer.ComposerError(
                "expected a single document in the stream",
                start.start_mark,
                "but found another document",
                extra.start_mark,
            )
        return data

    def node(self, event: _Event, loc: Loc, depth: int) -> Any:
        if self.values is not None:
            self.values[loc] = _mark(event.start_mark)
        kind = type(event)
        if kind is yaml.ScalarEvent:
            return self.scalar(event)
        if kind is yaml.AliasEvent:
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not supported in metadata", event.start_mark
            )
        if depth >= MAX_DEPTH:
            raise yaml.composer.ComposerError(
                None, None, f"the data is nested more than {MAX_DEPTH} levels deep", event.start_mark
            )
        self.check_tag(event)
        if kind is yaml.SequenceStartEvent:
            return self.sequence(loc, depth + 1)
        return self.mapping(loc, depth + 1)

    def sequence(self, loc: Loc, depth: int) -> list[Any]:
        items: list[Any] = []
        recording = self.keys is not None
        for event in self.events:
            kind = type(event)
            if kind is yaml.SequenceEndEvent:
                return items
            if recording:
                where = (*loc, len(items))
                self.keys[where] = _mark(event.start_mark)  # type: ignore[index]
                items.append(self.node(event, where, depth))
            elif kind is yaml.ScalarEvent:
                items.append(self.scalar(event))
            else:
                items.append(self.node(event, loc, depth))
        raise AssertionError("the parser ended inside a sequence")

    def mapping(self, loc: Loc, depth: int) -> dict[Any, Any]:
        mapping: dict[Any, Any] = {}
        first_marks: dict[Any, _Mark] = {}
        recording = self.keys is not None
        events = self.events
        scalar = self.scalar
        for event in events:
            kind = type(event)
            if kind is yaml.MappingEndEvent:
                return mapping
            key = scalar(event) if kind is yaml.ScalarEvent else self.node(event, loc, depth)
            value_event = next(events)
            if (
                kind is not yaml.ScalarEvent
                or not isinstance(key, str)
                or key in mapping
                or (key == "<<" and event.tag is None and not event.style)
            ):
                self.key_problem(event, key, first_marks)
                self.node(value_event, loc, depth)  # read past it
                continue
            first_marks[key] = event.start_mark
            if recording:
                where = (*loc, key)
                self.keys[where] = _mark(event.start_mark)  # type: ignore[index]
                mapping[key] = self.node(value_event, where, depth)
            elif type(value_event) is yaml.ScalarEvent:
                mapping[key] = scalar(value_event)
            else:
                mapping[key] = self.node(value_event, loc, depth)
        raise AssertionError("the parser ended inside a mapping")

    def key_problem(self, event: _Event, key: Any, first_marks: dict[Any, _Mark]) -> None:
        if type(event) is not yaml.ScalarEvent or isinstance(key, (list, dict)):
            problem = ("yaml-key", "a mapping key must be a plain word", "write keys as simple names such as 'name:'")
        elif not isinstance(key, str):  # 1, true, null: and 1 and true would even be one key
            problem = (
                "yaml-key",
                f"the key '{event.value}' is read as a number, true/false or null, not a name",
                "write keys as simple names such as 'name:'",
            )
        elif key in first_marks:
            problem = (
                "duplicate-key",
                f"the key '{event.value}' is given twice in this mapping (first on line {first_marks[key].line + 1})",
                "YAML keeps only the last value; merge the two entries into one",
            )
        else:
            problem = ("yaml-key", "merge keys (<<) are not supported in metadata", "write the keys out in full")
        self.key_problems.append((event.start_mark, *problem))

    @staticmethod
    def scalar(event: _Event) -> Any:
        tag = event.tag
        if event.style == '"' and _SURROGATE.search(event.value):  # only an escape can write one
            raise _EscapeError(None, None, "a surrogate escape (such as \\ud800) is not a character", event.start_mark)
        if tag is None:
            if event.style or not event.implicit[0] or event.value[:1] not in _IMPLICIT_FIRST:
                return event.value  # quoted or block text, or plain text that no implicit type starts like
            tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
        else:
            _Builder.check_tag(event)
        construct = _CONSTRUCTOR.yaml_constructors.get(tag) if tag in _SCALAR_TAGS else None
        if construct is None:  # text, and the odd plain '<<' or '=', which stay text
            return event.value
        try:
            return construct(_CONSTRUCTOR, yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark))
        except (KeyError, ValueError, TypeError, OverflowError):  # '!!bool maybe', '!!int abc'
            kind = tag.rsplit(":", 1)[-1]
            raise yaml.constructor.ConstructorError(
                None, None, f"'{event.value}' is not a valid value for the tag '!!{kind}'", event.start_mark
            ) from None

    @staticmethod
    def check_tag(event: _Event) -> None:
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in _PLAIN_TAGS and tag not in _SCALAR_TAGS:
            raise yaml.constructor.ConstructorError(
                None, None, f"could not determine a constructor for the tag '{tag}'", event.start_mark
            )


class _EscapeError(yaml.constructor.ConstructorError):
    """A double-quoted value whose escape writes no character (PyYAML's own parser lets
    ``"\\ud800"`` through; libyaml refuses it)."""


def _mark(mark: _Mark) -> Position:
    return (mark.line + 1, mark.column + 1)


def parse_yaml(path: Path, text: str, problems: Problems) -> YamlFile | None:
    """Parse YAML text; on any error record one problem at its position and return ``None``."""
    builder = _Builder(text)
    try:
        data = builder.document()
    except yaml.reader.ReaderError as error:
        line, column = _line_column(text, error.position)
        problems.add(
            path,
            line,
            column,
            "yaml-syntax",
            f"the character U+{error.character:04X} is not allowed in YAML",
            _syntax_hint("special characters"),
        )
        return None
    except _EscapeError as error:
        mark: _Mark = error.problem_mark  # always set: the value's opening quote
        found = yaml_syntax.invalid_escape(text.split("\n"), mark.line, mark.column) or yaml_syntax.Diagnosis(
            *_mark(mark), f"YAML error: {error.problem}", "write the character itself"
        )
        problems.add(path, found.line, found.column, "yaml-syntax", found.message, found.hint)
        return None
    except (yaml.composer.ComposerError, yaml.constructor.ConstructorError) as error:
        # What the reader refuses (aliases, tags, depth), not a mistake of syntax.
        line, column = _mark(error.problem_mark) if error.problem_mark else (1, 1)
        message = " ".join(part for part in (error.context, error.problem) if part)
        problems.add(path, line, column, "yaml-syntax", f"YAML error: {message}", _syntax_hint(message))
        return None
    except yaml.MarkedYAMLError as error:
        found = yaml_syntax.diagnose(error, text)
        problems.add(path, found.line, found.column, "yaml-syntax", found.message, found.hint)
        return None
    except yaml.YAMLError as error:
        problems.add(path, 1, 1, "yaml-syntax", f"YAML error: {error}", "check that the file is plain YAML")
        return None
    except ValueError as error:  # PyYAML's own parser, on an escape past U+10FFFF ("\U00110000")
        found = yaml_syntax.escape_past_unicode(text.split("\n")) or yaml_syntax.Diagnosis(
            1, 1, f"YAML error: {error}", "check that the file is plain YAML"
        )
        problems.add(path, found.line, found.column, "yaml-syntax", found.message, found.hint)
        return None
    finally:
        builder.events.close()
    for mark, rule, message, hint in builder.key_problems:
        problems.add(path, *_mark(mark), rule, message, hint)
    return YamlFile(YamlSource(path, text), data)


def _line_column(text: str, offset: int) -> Position:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _syntax_hint(message: str) -> str:
    if "aliases" in message:
        return "write the values out in full instead of referring to an &anchor"
    if "tag" in message:
        return "remove the '!tag': metadata is plain YAML, without tags"
    if "nested" in message:
        return "metadata needs only a few levels of nesting; check the indentation"
    if "special characters" in message:
        return "remove the control character at this position"
    return "check indentation, colons and quotes around this position"


def _positions(text: str) -> tuple[dict[Loc, Position], dict[Loc, Position]]:
    """Where every key and value of a file that parsed once already is written."""
    keys: dict[Loc, Position] = {}
    values: dict[Loc, Position] = {}
    builder = _Builder(text, keys, values)
    try:
        builder.document()
    finally:
        builder.events.close()
    return keys, values
