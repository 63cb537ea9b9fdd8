"""The preview's session reuses results only where a clean build would make the same ones.

A long random sequence of edits, generated (not a hand-picked list), of every kind of
input file (the three registries, a topic, a document's metadata, its text, a
translation), valid and invalid: values swapped for other values of the corpus or
changed, list items removed or repeated, syntax broken, texts cut or lengthened,
documents added and deleted, files put back. After every edit, the preview's rebuild
(one ``Session`` throughout) gives what a clean build of the same files gives: the same
problems, or the same pages byte for byte.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.build.pipeline import Built, build_pages
from generator.build.session import Session
from tests.conftest import MINI, copy_corpus

LANGUAGES = MINI.parent / "languages"
EDITS = int(os.environ.get("PREVIEW_EDITS", "25"))  # the nightly job asks for 600


def _outcome(built: Built) -> tuple[list[str], dict[str, str]]:
    return [str(problem) for problem in built.problems], {page.path: page.text for page in built.pages}


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _save(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")


def _leaves(node: Any, at: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    """Every scalar of a YAML tree, with its path."""
    if isinstance(node, dict):
        return [leaf for key, value in node.items() for leaf in _leaves(value, (*at, key))]
    if isinstance(node, list):
        return [leaf for index, value in enumerate(node) for leaf in _leaves(value, (*at, index))]
    return [(at, node)]


def _lists(node: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every non-empty list of a YAML tree."""
    found = []
    if isinstance(node, dict):
        found = [path for key, value in node.items() for path in _lists(value, (*at, key))]
    elif isinstance(node, list):
        found = ([at] if node else []) + [p for index, value in enumerate(node) for p in _lists(value, (*at, index))]
    return found


def _get(node: Any, at: tuple[Any, ...]) -> Any:
    for key in at:
        node = node[key]
    return node


def _files(corpus: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(corpus.rglob("*")) if path.is_file()}


def _put(corpus: Path, files: dict[Path, bytes]) -> None:
    for path in sorted(corpus.rglob("*")):
        if path.is_file() and path not in files:
            path.unlink()
    for path, content in files.items():
        if not path.is_file() or path.read_bytes() != content:
            path.write_bytes(content)


class Editor:
    """Random edits of a corpus, drawn from ``rng``; each returns what it did."""

    def __init__(self, corpus: Path, rng: random.Random) -> None:
        self.corpus, self.rng = corpus, rng
        self.originals = {path: path.read_bytes() for path in corpus.rglob("*") if path.is_file()}
        self.added: list[Path] = []

    def yaml_files(self) -> list[Path]:
        return sorted(self.corpus.glob("*.yaml")) + sorted(self.corpus.glob("*/*.yaml"))

    def text_files(self) -> list[Path]:
        return sorted(self.corpus.glob("documents/*.txt"))

    def values(self) -> list[Any]:
        """Every scalar of the corpus's metadata: ids, names, dates and words to swap in."""
        found = []
        for path in self.yaml_files():
            try:
                found += [value for _, value in _leaves(_load(path) or {})]
            except yaml.YAMLError:
                continue  # broken by an earlier edit
        return found or ["x"]

    def edit(self) -> str:
        kinds: list[Callable[[], str]] = [
            self.swap_value,
            self.swap_value,
            self.change_words,
            self.drop_item,
            self.repeat_item,
            self.break_syntax,
            self.edit_text,
            self.edit_text,
            self.add_document,
            self.delete_file,
            self.put_back,
            self.put_back,
            self.put_back,
        ]
        return self.rng.choice(kinds)()

    def _some_yaml(self) -> tuple[Path, Any]:
        """A metadata file that parses (put back first if an earlier edit broke it)."""
        for path in self.rng.sample(self.yaml_files(), len(self.yaml_files())):
            try:
                return path, _load(path)
            except yaml.YAMLError:
                continue
        path = self.rng.choice(sorted(self.originals))
        self.restore(path)
        return self._some_yaml()

    def swap_value(self) -> str:
        path, data = self._some_yaml()
        leaves = _leaves(data)
        at, old = self.rng.choice(leaves)
        new = self.rng.choice(self.values())
        if not at:
            return self.put_back()
        _get(data, at[:-1])[at[-1]] = new
        _save(path, data)
        return f"{path.name} {'/'.join(map(str, at))}: {old!r} -> {new!r}"

    def change_words(self) -> str:
        path, data = self._some_yaml()
        strings = [(at, value) for at, value in _leaves(data) if isinstance(value, str) and at]
        if not strings:
            return self.put_back()
        at, old = self.rng.choice(strings)
        new = self.rng.choice([old + " and more", old[: len(old) // 2], old.upper(), "TODO", "", old + "\nsecond line"])
        _get(data, at[:-1])[at[-1]] = new
        _save(path, data)
        return f"{path.name} {'/'.join(map(str, at))}: {old!r} -> {new!r}"

    def drop_item(self) -> str:
        return self._edit_list(lambda items: f"removed {str(items.pop(self.rng.randrange(len(items))))[:60]}")

    def repeat_item(self) -> str:
        return self._edit_list(lambda items: items.append(items[self.rng.randrange(len(items))]) or "an item repeated")

    def _edit_list(self, change: Callable[[list[Any]], str]) -> str:
        """One list of a metadata file changed by ``change`` (which says what it did)."""
        path, data = self._some_yaml()
        lists = _lists(data)
        if not lists:
            return self.put_back()
        at = self.rng.choice(lists)
        done = change(_get(data, at))
        _save(path, data)
        return f"{path.name} {'/'.join(map(str, at))}: {done}"

    def break_syntax(self) -> str:
        path = self.rng.choice(self.yaml_files())
        text = path.read_text(encoding="utf-8")
        at = self.rng.randrange(len(text) + 1)
        path.write_text(text[:at] + self.rng.choice(["\n: [", "\t", '"', "\n- - {"]) + text[at:], encoding="utf-8")
        return f"{path.name}: syntax broken at {at}"

    def edit_text(self) -> str:
        if not self.text_files():
            return self.put_back()
        path = self.rng.choice(self.text_files())
        text = path.read_text(encoding="utf-8")
        start = self.rng.randrange(len(text) + 1)
        end = min(len(text), start + self.rng.randrange(40))
        new = self.rng.choice(["", " Alpha said more.", "\n\nA new paragraph.\n", text[start:end].upper()])
        path.write_text(text[:start] + new + text[end:], encoding="utf-8")
        return f"{path.name}: {text[start:end]!r} -> {new!r}"

    def add_document(self) -> str:
        documents = sorted(self.corpus.glob("documents/*.yaml"))
        if not documents:
            return self.put_back()
        source = self.rng.choice(documents)
        try:
            data = _load(source)
        except yaml.YAMLError:
            return self.put_back()
        if not isinstance(data, dict):
            return self.put_back()
        number = len(self.added)
        suffix = f"-copy{number}"
        data["id"] = f"{data.get('id')}{suffix}"
        for claim in data.get("claims") or []:
            if isinstance(claim, dict):
                claim["id"] = f"{claim.get('id')}{suffix}"
                claim.pop("disputes", None)
                claim.pop("supports", None)
        target = source.with_name(f"{source.stem}{suffix}.yaml")
        _save(target, data)
        self.added.append(target)
        return f"{target.name}: a copy of {source.name}"

    def delete_file(self) -> str:
        path = self.rng.choice(self.yaml_files() + self.text_files())
        path.unlink()
        return f"{path.name}: deleted"

    def restore(self, path: Path) -> None:
        if path in self.originals:
            path.write_bytes(self.originals[path])
        elif path.exists():
            path.unlink()

    def put_back(self) -> str:
        """A file as it was (or, for an added one, gone): valid states recur."""
        changed = [
            path
            for path in sorted({*self.originals, *self.added})
            if not path.exists() or path not in self.originals or path.read_bytes() != self.originals[path]
        ]
        if not changed:
            return "nothing to put back"
        path = self.rng.choice(changed)
        self.restore(path)
        return f"{path.name}: put back"


@pytest.mark.parametrize("fixture", [MINI, LANGUAGES], ids=["mini", "languages"])
def test_the_preview_builds_what_a_clean_build_builds_after_random_edits(tmp_path: Path, fixture: Path) -> None:
    seed = int(os.environ.get("PREVIEW_SEED", "0")) or random.SystemRandom().randrange(1, 1 << 30)
    rng = random.Random(seed)
    corpus = copy_corpus(fixture, tmp_path / "seeds")
    editor = Editor(corpus, rng)
    session = Session()
    assert _outcome(build_pages(corpus, corpus, session)) == _outcome(build_pages(corpus, corpus))
    done: list[str] = []
    valid, last_valid = 0, _files(corpus)
    for _ in range(EDITS):
        if _files(corpus) != last_valid and rng.random() < 0.6:
            _put(corpus, last_valid)  # undone, as a contributor undoes a mistake: valid edits pile up
            done.append("undone")
        else:
            done.append(editor.edit())
        preview = _outcome(build_pages(corpus, corpus, session))
        clean = _outcome(build_pages(corpus, corpus))
        assert preview[0] == clean[0], f"PREVIEW_SEED={seed}, problems differ after: {done}"
        wrong = sorted(
            path for path in clean[1].keys() | preview[1].keys() if clean[1].get(path) != preview[1].get(path)
        )
        assert wrong == [], f"PREVIEW_SEED={seed}, pages differ after: {done}: {wrong[:5]}"
        if not clean[0]:
            valid, last_valid = valid + 1, _files(corpus)
    assert valid >= EDITS // 10, f"PREVIEW_SEED={seed}: only {valid} of {EDITS} edits left a valid corpus"


def test_the_check_itself_catches_a_step_that_reads_more_than_its_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document check that read a party's name (not in its key) would serve a stale
    result: the comparison with a clean build tells (the test can fail)."""
    from generator.validate import validation as validate

    corpus = copy_corpus(MINI, tmp_path / "seeds")
    real = validate.check_document_file

    def reads_a_name(file, texts, context):  # type: ignore[no-untyped-def]
        document, problems = real(file, texts, context)
        name = (corpus / "parties.yaml").read_text(encoding="utf-8").split("name: ", 1)[1].split("\n", 1)[0]
        if document is not None:
            document = type(document)(**{**document.__dict__, "text": document.text + name})
        return document, problems

    monkeypatch.setattr("generator.build.pipeline.check_document_file", reads_a_name)
    monkeypatch.setattr("generator.validate.validation.check_document_file", reads_a_name)
    session = Session()
    assert _outcome(build_pages(corpus, corpus, session)) == _outcome(build_pages(corpus, corpus))
    parties = corpus / "parties.yaml"
    parties.write_text(parties.read_text(encoding="utf-8").replace("name: ", "name: Renamed ", 1), encoding="utf-8")
    preview, clean = _outcome(build_pages(corpus, corpus, session)), _outcome(build_pages(corpus, corpus))
    assert preview != clean
