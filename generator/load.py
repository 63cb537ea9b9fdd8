"""Stage 1: read the seed folder into plain data that remembers positions.

YAML is parsed with PyYAML's safe loader (libyaml when present). A key given
twice in one mapping is reported instead of silently overwritten. The line
and column of every key and value are found only when a problem needs them,
by parsing that one file again: most files have none.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator import yaml_syntax
from generator.problems import Problem, Problems

Loc = tuple[str | int, ...]
Position = tuple[int, int]

REGISTRY_FILES = ("parties.yaml", "locations.yaml", "outlets.yaml")
TOPICS_DIR = "topics"
DOCUMENTS_DIR = "documents"
# Larger files are refused before they are read: metadata this big is a mistake
# or an attack, and parsing it would take minutes and gigabytes.
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 32  # nesting levels of YAML collections; the model needs fewer than 8
_BOM = "\ufeff"


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


@dataclass
class TextFile:
    """A verbatim source text, exactly as stored."""

    path: Path
    text: str


@dataclass
class RawCorpus:
    """Everything read from the seed folder, before validation."""

    root: Path
    registries: dict[str, YamlFile]
    topics: list[YamlFile]
    documents: list[YamlFile]
    texts: dict[Path, TextFile]
    unreadable: set[str] = field(default_factory=set)  # kinds of file that failed to parse
    # Their text as far as it could be read, by kind (None: nothing could be read): a
    # reference to an id written in them is not reported, any other reference is.
    unparsed: dict[str, list[str] | None] = field(default_factory=dict)


def load_corpus(root: Path, problems: Problems) -> RawCorpus:
    """Read every metadata file and every text file it names under ``root``."""
    registries: dict[str, YamlFile] = {}
    unreadable: set[str] = set()
    for name in REGISTRY_FILES:
        path = root / name
        if not path.exists() and not path.is_symlink():
            problems.add(
                path,
                1,
                1,
                "missing-file",
                f"the registry file {name} is missing",
                f"create {name} with a top-level '{name.removesuffix('.yaml')}:' list",
            )
            unreadable.add(name.removesuffix(".yaml"))  # references to its ids are not reported
            continue
        loaded = load_yaml_file(path, problems)
        if loaded is None:
            unreadable.add(name.removesuffix(".yaml"))
        else:
            registries[name.removesuffix(".yaml")] = loaded
    topics = _load_folder(root / TOPICS_DIR, problems, unreadable)
    documents = _load_folder(root / DOCUMENTS_DIR, problems, unreadable)
    texts = _load_texts(documents, problems)
    named = {
        meta.path.parent / meta.data["text"]
        for meta in documents
        if isinstance(meta.data, dict) and isinstance(meta.data.get("text"), str)
    }
    named |= _named_by_unparsed(root / DOCUMENTS_DIR, {meta.path for meta in documents})
    _report_stray_files(root, named, problems)
    _forget_unused()
    unparsed = {
        name: _unparsed_texts(root, name, {f.path for f in [*registries.values(), *topics, *documents]})
        for name in unreadable
    }
    return RawCorpus(root, registries, topics, documents, texts, unreadable, unparsed)


def _unparsed_texts(root: Path, name: str, parsed: set[Path]) -> list[str] | None:
    """The raw text of the files of ``name`` (a registry or a folder) that did not parse."""
    paths = [root / f"{name}.yaml"] if f"{name}.yaml" in REGISTRY_FILES else sorted((root / name).glob("*.y*ml"))
    if (root / name).is_symlink() or not all(
        path.is_file() and not path.is_symlink() and path.stat().st_size <= MAX_FILE_BYTES
        for path in paths
        if path not in parsed
    ):
        return None  # refused unread: anything may be declared in it
    return [path.read_text(encoding="utf-8", errors="replace") for path in paths if path not in parsed]


def _load_folder(folder: Path, problems: Problems, unreadable: set[str]) -> list[YamlFile]:
    if folder.is_symlink():  # its files could be anywhere on the machine
        problems.add(
            folder,
            1,
            1,
            "unsafe-path",
            f"'{folder.name}' is a symbolic link, and links are not followed",
            f"make {folder.name}/ a real folder inside the seed folder",
        )
        unreadable.add(folder.name)
        return []
    # Only plain files and links (refused when read); a folder named like a file is reported as unexpected.
    files = sorted(
        (
            path
            for path in folder.glob("*")
            if path.suffix in (".yaml", ".yml") and (path.is_symlink() or path.is_file())
        ),
        key=_name,
    )
    loaded = [load_yaml_file(path, problems) for path in files]
    if None in loaded:
        unreadable.add(folder.name)
    return [item for item in loaded if item is not None]


def _load_texts(documents: list[YamlFile], problems: Problems) -> dict[Path, TextFile]:
    """Read the text file each document names (``text:``), resolved next to it."""
    texts: dict[Path, TextFile] = {}
    for meta in documents:
        name = meta.data.get("text") if isinstance(meta.data, dict) else None
        if not isinstance(name, str) or not _is_plain_file_name(name):
            continue  # validation reports the bad or missing field
        path = meta.path.parent / name
        if not path.exists() and not path.is_symlink():
            line, column = meta.position(("text",))
            problems.add(
                meta.path,
                line,
                column,
                "missing-text",
                f"the text file '{name}' does not exist next to this metadata file",
                f"put the verbatim text at {problems.display_path(path)}",
            )
            continue
        text = read_text(path, problems)
        if text is not None:
            texts[path] = TextFile(path, text)
    return texts


def _named_by_unparsed(folder: Path, parsed: set[Path]) -> set[Path]:
    """Texts that a metadata file which failed to parse seems to name: they are not
    reported as orphans (the syntax error is the one to fix)."""
    if not folder.is_dir() or folder.is_symlink():
        return set()
    unparsed = {
        path.stem: path.read_text(encoding="utf-8", errors="replace")
        for path in folder.glob("*.y*ml")
        if path not in parsed and path.is_file() and not path.is_symlink() and path.stat().st_size <= MAX_FILE_BYTES
    }
    if not unparsed:
        return set()
    return {
        text
        for text in folder.glob("*.txt")
        if text.stem in unparsed or any(text.name in source for source in unparsed.values())
    }


def _report_stray_files(root: Path, named: set[Path], problems: Problems) -> None:
    """Files the generator would ignore: a text no metadata names, a misnamed registry.
    Ignoring them silently would lose a contributor's work."""
    expected_root = {*REGISTRY_FILES, TOPICS_DIR, DOCUMENTS_DIR}
    for path in sorted(root.iterdir(), key=_name):
        if path.name.startswith(".") or path.name in expected_root or path.name.lower().startswith("readme"):
            continue
        close = difflib.get_close_matches(path.name, sorted(expected_root), n=1)
        problems.add(
            path,
            1,
            1,
            "unexpected-file",
            f"'{path.name}' is not a file the generator reads",
            f"did you mean '{close[0]}'?"
            if close
            else "registries are parties.yaml, locations.yaml and outlets.yaml; "
            "topics go in topics/, documents in documents/",
        )
    for folder, allowed in ((root / TOPICS_DIR, (".yaml", ".yml")), (root / DOCUMENTS_DIR, (".yaml", ".yml", ".txt"))):
        if not folder.is_dir() or folder.is_symlink():
            continue
        _report_case_collisions(folder, problems)
        for path in sorted(folder.iterdir(), key=_name):
            if path.name.startswith(".") or path in named:  # a named text is reported when read
                continue
            if path.suffix not in allowed or not (path.is_file() or path.is_symlink()):
                kind = "file" if path.is_file() or path.is_symlink() else "regular file"
                problems.add(
                    path,
                    1,
                    1,
                    "unexpected-file",
                    f"'{path.name}' is not a {kind} the generator reads",
                    f"only {', '.join(allowed)} files belong in {folder.name}/",
                )
            elif path.suffix == ".txt" and path not in named:
                problems.add(
                    path,
                    1,
                    1,
                    "orphan-text",
                    "no metadata file names this text, so it would not be published",
                    f"run 'python -m generator new {problems.display_path(path)}', "
                    "or name it in a document's 'text:' field",
                )


def _report_case_collisions(folder: Path, problems: Problems) -> None:
    """Names that differ only in case are one file on Windows and macOS."""
    seen: dict[str, Path] = {}
    for path in sorted(folder.iterdir(), key=_name):
        first = seen.setdefault(path.name.casefold(), path)
        if first is not path:
            problems.add(
                path,
                1,
                1,
                "case-collision",
                f"'{path.name}' differs from '{first.name}' only in upper and lower case",
                "on Windows and macOS they are the same file: rename one of them",
            )


def _name(path: Path) -> str:
    """Paths of one folder sort by name (far quicker than comparing paths)."""
    return path.name


def _is_plain_file_name(name: str) -> bool:
    """Only a name in the same folder is read; validation reports anything else."""
    return len(name) <= 200 and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name) is not None and ".." not in name


def read_text(path: Path, problems: Problems) -> str | None:
    """A file decoded as UTF-8 (a leading byte-order mark is dropped), or ``None``
    with a problem recorded. Symbolic links and oversized files are refused."""
    if path.is_symlink():
        problems.add(
            path, 1, 1, "unsafe-path", "symbolic links are not followed", "replace the link by the file itself"
        )
        return None
    if not path.is_file():  # a folder, a pipe or a device: reading it could block forever
        problems.add(
            path,
            1,
            1,
            "unexpected-file",
            f"'{path.name}' is not a regular file",
            "metadata and texts are plain files; remove or rename this entry",
        )
        return None
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.add(
            path,
            1,
            1,
            "file-too-large",
            f"the file is {size / 1024 / 1024:.1f} MB; files over {MAX_FILE_BYTES // 1024 // 1024} MB are refused",
            "split it, or check that it is the file you meant",
        )
        return None
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        problems.add(
            path,
            line,
            column,
            "encoding",
            f"the file is not valid UTF-8 (byte 0x{data[error.start]:02x})",
            "save the file as UTF-8",
        )
        return None
    return text.removeprefix(_BOM)


# Parsed files by path and content hash, so that a rebuild under ``mkdocs serve``
# parses only what changed. Entries a run did not use are dropped after it.
# Off unless asked for: a single build would only hold memory with it.
_PARSED: dict[tuple[Path, Path, str], tuple[YamlFile | None, list[Problem]]] = {}
_USED: set[tuple[Path, Path, str]] = set()
_CACHING = False


def keep_parsed_files(enabled: bool = True) -> None:
    """Keep parsed files between runs of this process (for a live preview)."""
    global _CACHING
    _CACHING = enabled
    if not enabled:
        _PARSED.clear()


def load_yaml_file(path: Path, problems: Problems) -> YamlFile | None:
    """Parse one YAML file; on a syntax error record it and return ``None``."""
    text = read_text(path, problems)
    if text is None:
        return None
    if not _CACHING:
        return parse_yaml(path, text, problems)
    key = (problems.root, path, hashlib.sha256(text.encode("utf-8")).hexdigest())
    _USED.add(key)
    if key not in _PARSED:
        local = Problems(problems.root)
        _PARSED[key] = (parse_yaml(path, text, local), local.items())
    parsed, found = _PARSED[key]
    problems.extend(found)
    return parsed


def _forget_unused() -> None:
    for key in set(_PARSED) - _USED:
        del _PARSED[key]
    _USED.clear()


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
            raise yaml.constructor.ConstructorError(
                None, None, "a lone surrogate escape (such as \\ud800) is not a character", event.start_mark
            )
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
