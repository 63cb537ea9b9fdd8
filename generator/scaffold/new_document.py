"""``python -m generator new``: a new text placed in ``seeds/documents/`` (copied byte
for byte, or renamed after its id) and its metadata scaffold written beside it.
Nothing is ever overwritten; every refusal says why and what to do."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.base.problems import format_report, visible
from generator.build.pipeline import check
from generator.inputs import check_file_name, check_id, is_language_code, slugify
from generator.inputs.schema import write_id_schemas
from generator.load.files import MAX_FILE_BYTES
from generator.scaffold.scaffold_yaml import scaffold_document, unknown_line


@dataclass(frozen=True)
class Translating:
    """The text's language, and a translation to place beside it (its file and language)."""

    language: str = "en"
    translation: Path | None = None
    translation_language: str = "en"


def new_document(
    source: Path,
    seeds: Path,
    topic: str | None,
    document_id: str | None,
    translating: Translating = Translating(),
) -> int:
    """Place the text (and its translation) under ``seeds/documents/`` and write its metadata
    scaffold beside it, overwriting nothing; the exit status of ``python -m generator new``."""
    for what, code in (
        ("--language", translating.language),
        ("--translation-language", translating.translation_language),
    ):
        if not is_language_code(code):
            print(f"error: {what} '{visible(code)}' is not a language code such as 'th', 'km' or 'en'", file=sys.stderr)
            return 2
    for given in (source, *([translating.translation] if translating.translation else [])):
        if not _readable_text(given):
            return 2
    try:  # the id validation will ask for: given, or made from the file name
        check_id(slugify(source.stem)[:190] if document_id is None else document_id)
    except ValueError as error:
        made = (
            "; give another with --id" if document_id is not None else " (made from the file name); give one with --id"
        )
        print(f"error: {visible(str(error))}{made}", file=sys.stderr)
        return 2
    checked = check(seeds, Path.cwd())
    write_id_schemas(Path.cwd(), checked.known_ids())
    if topic is not None and topic not in checked.corpus.topics:
        known = ", ".join(sorted(checked.corpus.topics)) or "none yet"
        print(
            f"error: no topic has the id '{visible(topic)}' (the topics are: {known}); write "
            f"seeds/topics/<id>.yaml first (see CONTRIBUTING.md, 'Add a topic'), or leave --topic out "
            "and fill it in later",
            file=sys.stderr,
        )
        return 2
    text = source.read_bytes()
    others = [
        p
        for p in checked.problems  # the text being scaffolded (or its copy) has no metadata yet, of course
        if not (p.rule == "orphan-text" and _same_text(Path(p.path), source, text))
    ]
    # The registries' problems bear on the scaffold (an entry it cannot use): listed. Those of
    # other documents and topics do not: counted, so that each new text does not reprint them.
    registries = [p for p in others if Path(p.path).parent.resolve() == seeds.resolve()]
    elsewhere = [p for p in others if p not in registries]
    if registries:
        print(
            f"note: the registries have {len(registries)} problem(s), listed below; the scaffold uses the "
            "entries that are valid\n" + format_report(registries),
            file=sys.stderr,
        )
    if elsewhere:
        files = len({p.path for p in elsewhere})
        print(
            f"note: {len(elsewhere)} problem(s) in {files} other document or topic file(s), not listed here: "
            "'python -m generator validate' lists them",
            file=sys.stderr,
        )
    documents = seeds / "documents"
    text_path = _text_in_documents(source, documents, document_id)
    if text_path is None:
        return 2
    translation_path = None
    if translating.translation is not None:
        translation_path = _translation_in_documents(
            translating.translation, documents, f"{text_path.stem}.{translating.translation_language}.txt"
        )
        if translation_path is None:
            return 2
    metadata, content, unknown = scaffold_document(
        text_path,
        seeds,
        Path.cwd(),
        checked.corpus,
        topic,
        document_id,
        dt.date.today(),
        translating.language,
        translation_path,
        translating.translation_language,
    )
    if metadata.exists():
        print(f"error: {visible(str(metadata))} already exists; nothing was overwritten", file=sys.stderr)
        return 2
    metadata.write_text(content, encoding="utf-8")
    drafts = content.count("\n    draft: true")
    todos = content.count(": TODO  #")
    more = re.search(r"^# ([\d,]+) more claim candidates", content, re.M)
    unlisted = f" ({more[1]} more not listed: see the file)" if more else ""
    print(
        f"Wrote {visible(str(metadata))}: {drafts} claim candidate(s) marked draft{unlisted}, {todos} TODO(s) to fill."
    )
    if unknown:
        print(
            f"First, {len(unknown)} name(s) no registry knows (listed at the top of the file, with an id for each):\n"
            + "".join(f"  {unknown_line(name)}\n" for name in unknown)
            + "Register those that act or speak in seeds/parties.yaml or seeds/locations.yaml, then delete "
            f"{visible(metadata.name)} and run 'new' again: their claims then get their claimants."
        )
    print("Next: fill in the TODOs, check each draft claim, then run 'python -m generator validate'.")
    return 0


def _readable_text(source: Path) -> bool:
    """Whether ``source`` is a text ``new`` can take: a UTF-8 file no larger than validation allows
    (said why not, before anything is read whole or copied)."""
    if not source.is_file():
        print(f"error: '{visible(str(source))}' is not a file", file=sys.stderr)
        return False
    size = source.stat().st_size
    if size > MAX_FILE_BYTES:  # refused before it is read or copied: validation would refuse it
        print(
            f"error: '{visible(str(source))}' is {size / 1024 / 1024:.1f} MB; a text may be at most "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB (validation refuses larger files), so nothing was copied "
            "or written: split it into documents of their own, or check that it is the file you meant",
            file=sys.stderr,
        )
        return False
    try:
        source.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        print(f"error: '{visible(str(source))}' is not UTF-8 text; save it as UTF-8 first", file=sys.stderr)
        return False
    return True


def _translation_in_documents(source: Path, documents: Path, name: str) -> Path | None:
    """The translation under ``documents``, named after its text (``<text>.<language>.txt``),
    copied byte for byte; an existing file is never overwritten."""
    target = documents / name
    if source.resolve() == target.resolve():
        return target
    if target.exists():
        if target.read_bytes() == source.read_bytes():
            return target
        print(
            f"error: {visible(str(target))} already exists with other content; nothing was overwritten",
            file=sys.stderr,
        )
        return None
    shutil.copyfile(source, target)
    print(f"Copied the translation to {visible(str(target))} (byte for byte).")
    return target


def _same_text(path: Path, source: Path, text: bytes) -> bool:
    """Whether ``path`` is ``source`` or a copy of it (placed by an earlier run of ``new``)."""
    try:
        return path.resolve() == source.resolve() or path.read_bytes() == text
    except OSError:
        return False


def _text_in_documents(source: Path, documents: Path, document_id: str | None) -> Path | None:
    """The text inside the documents folder: copied there as a ``.txt`` file (never over
    another file) if needed, named after ``document_id`` when one is given."""
    if source.suffix.lower() in (".yaml", ".yml"):
        print(
            f"error: '{visible(str(source))}' looks like metadata; 'new' takes the verbatim text "
            "(a .txt file) and writes its metadata",
            file=sys.stderr,
        )
        return None
    if source.resolve().parent == documents.resolve():
        if document_id is not None and source.name != f"{document_id}.txt":
            return _rename(source, documents / f"{document_id}.txt")
        if source.suffix != ".txt":
            print(
                f"error: texts in {visible(str(documents))} end in .txt; rename '{visible(source.name)}'",
                file=sys.stderr,
            )
            return None
        try:
            check_file_name(source.name)
        except ValueError as error:
            print(f"error: {visible(str(error))}; rename the file", file=sys.stderr)
            return None
        return source
    name = f"{document_id}.txt" if document_id is not None else source.stem + ".txt"
    try:
        check_file_name(name)
    except ValueError:
        name = slugify(source.stem)[:190] + ".txt"
    target = documents / name
    if target.exists():
        if target.read_bytes() == source.read_bytes():
            return target
        print(
            f"error: {visible(str(target))} already exists with other content; nothing was overwritten "
            "(rename your file)",
            file=sys.stderr,
        )
        return None
    documents.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    print(f"Copied the text to {visible(str(target))} (byte for byte).")
    return target


def _rename(source: Path, target: Path) -> Path | None:
    """A text already in the documents folder, renamed after its document (never over another file)."""
    if target.exists():
        print(f"error: {visible(str(target))} already exists; nothing was renamed or written", file=sys.stderr)
        return None
    source.rename(target)
    print(f"Renamed the text to {visible(str(target))} (its bytes unchanged).")
    return target
