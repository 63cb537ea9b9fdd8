"""Command line: ``python -m generator validate`` and ``python -m generator markdown``."""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
from pathlib import Path

from generator.inputs import check_file_name, slugify
from generator.linkcheck import broken_links
from generator.pipeline import build_pages, check
from generator.problems import format_report, visible
from generator.rules import RULES
from generator.scaffold_yaml import scaffold_document
from generator.schema import SCHEMA_DIR, outdated_schemas, write_id_schemas, write_schemas


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    return int(args.run(args))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check every metadata file and text; list every problem")
    _add_seeds_option(validate)
    validate.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="'github' prints workflow annotations for pull requests (default: text)",
    )
    validate.set_defaults(run=_validate)

    markdown = commands.add_parser(
        "markdown", help="validate, then write every generated page as Markdown into a folder"
    )
    _add_seeds_option(markdown)
    markdown.add_argument("out", type=Path, help="folder to write into; generated pages in it are replaced")
    markdown.set_defaults(run=_markdown)

    new = commands.add_parser("new", help="write a first metadata file for a new source text (overwrites nothing)")
    new.add_argument(
        "text", type=Path, help="the verbatim text (.txt, UTF-8); copied into SEEDS/documents/ if it is elsewhere"
    )
    new.add_argument("--topic", help="id of the topic the document belongs to")
    new.add_argument("--id", dest="document_id", help="id of the new document (default: from the file name)")
    _add_seeds_option(new)
    new.set_defaults(run=_new)

    schema = commands.add_parser(
        "schema", help="write the JSON Schemas of the metadata files into docs/schemas/ (editor autocompletion)"
    )
    schema.add_argument("--check", action="store_true", help="only check that the committed schemas are up to date")
    schema.set_defaults(run=_schema)

    rules = commands.add_parser("rules", help="explain the validator's rules, with a wrong and a right example")
    rules.add_argument(
        "rule", nargs="*", help="the rules to explain, as named in brackets after a problem (default: every rule)"
    )
    rules.set_defaults(run=_rules)

    links = commands.add_parser(
        "check-links", help="check that every internal link and anchor of a built site resolves"
    )
    links.add_argument("site", type=Path, nargs="?", default=Path("site"), help="the built site (default: site)")
    links.set_defaults(run=_check_links)
    return parser


def _rules(args: argparse.Namespace) -> int:
    unknown = [name for name in args.rule if name not in RULES]
    if unknown:
        print(
            f"error: no rule is called {', '.join(repr(visible(n)) for n in unknown)}; the rules are: "
            + ", ".join(RULES),
            file=sys.stderr,
        )
        return 2
    print("\n\n".join(RULES[name].as_text() for name in args.rule or RULES))
    return 0


def _seeds_exist(seeds: Path) -> bool:
    if seeds.is_dir():
        return True
    print(f"error: the seed folder '{visible(str(seeds))}' does not exist (give another with --seeds)", file=sys.stderr)
    return False


def _add_seeds_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--seeds",
        type=Path,
        default=Path("seeds"),
        help="folder with the registries, topics/ and documents/ (default: seeds)",
    )


def _validate(args: argparse.Namespace) -> int:
    if not _seeds_exist(args.seeds):
        return 2
    checked = check(args.seeds, Path.cwd())
    write_id_schemas(Path.cwd(), checked.known_ids())
    if checked.problems:
        print(format_report(checked.problems, args.format))
        for note in checked.notes:
            print(f"note: {note}")
        return 1
    corpus = checked.corpus
    print(
        f"OK: {len(corpus.documents)} documents, {len(corpus.topics)} topics, "
        f"{len(corpus.parties)} parties, {len(corpus.locations)} places, {len(corpus.outlets)} outlets, "
        f"{sum(len(d.meta.claims) for d in corpus.documents.values())} claims: no problems found."
    )
    return 0


def _markdown(args: argparse.Namespace) -> int:
    if not _seeds_exist(args.seeds):
        return 2
    built = build_pages(args.seeds, Path.cwd())
    if built.problems:
        print(format_report(built.problems))
        print("Nothing was written.", file=sys.stderr)
        return 1
    out: Path = args.out
    if out.exists() and not out.is_dir():
        print(f"error: '{visible(str(out))}' exists and is not a folder", file=sys.stderr)
        return 2
    stale = _previous_output(out)
    for page in built.pages:
        target = out / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.text, encoding="utf-8")
        stale.discard(target)
    for path in sorted(stale):
        path.unlink()
    (out / _MANIFEST).write_text("\n".join(p.path for p in built.pages) + "\n", encoding="utf-8")
    print(
        f"Wrote {len(built.pages)} pages to {visible(str(out))}"
        + (f", removed {len(stale)} stale" if stale else "")
        + "."
    )
    return 0


_MANIFEST = ".generated-pages"


def _previous_output(out: Path) -> set[Path]:
    """Pages this command wrote last time, so that removed ones are deleted."""
    manifest = out / _MANIFEST
    if not manifest.is_file():
        return set()
    root = out.resolve()
    stale = set()
    for line in manifest.read_text(encoding="utf-8").splitlines():
        candidate = out / line
        # Only plain relative paths of generated pages, inside the folder: a
        # tampered manifest must not delete anything else.
        if (
            line.endswith(".md")
            and not line.startswith("/")
            and ".." not in line.split("/")
            and candidate.is_file()
            and not candidate.is_symlink()
            and candidate.resolve().is_relative_to(root)
        ):
            stale.add(candidate)
    return stale


def _new(args: argparse.Namespace) -> int:
    if not _seeds_exist(args.seeds):
        return 2
    source: Path = args.text
    if not source.is_file():
        print(f"error: '{visible(str(source))}' is not a file", file=sys.stderr)
        return 2
    try:
        source.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        print(f"error: '{visible(str(source))}' is not UTF-8 text; save it as UTF-8 first", file=sys.stderr)
        return 2
    if args.document_id is not None and slugify(args.document_id) != args.document_id:
        print(
            f"error: '{visible(args.document_id)}' is not an id: use lowercase letters, digits and single "
            f"hyphens, for example '{slugify(args.document_id) or '2024-03-02-ridge-clash'}'",
            file=sys.stderr,
        )
        return 2
    checked = check(args.seeds, Path.cwd())
    write_id_schemas(Path.cwd(), checked.known_ids())
    if args.topic is not None and args.topic not in checked.corpus.topics:
        known = ", ".join(sorted(checked.corpus.topics)) or "none yet"
        print(
            f"error: no topic has the id '{visible(args.topic)}' (the topics are: {known}); write "
            f"seeds/topics/<id>.yaml first (see CONTRIBUTING.md, 'Add a topic'), or leave --topic out "
            "and fill it in later",
            file=sys.stderr,
        )
        return 2
    problems = [
        p
        for p in checked.problems  # the text being scaffolded has no metadata yet, of course
        if not (p.rule == "orphan-text" and Path(p.path).resolve() == source.resolve())
    ]
    if problems:
        print(
            f"note: the seed folder has {len(problems)} problem(s), listed below; the scaffold uses "
            "the registry entries that are valid\n" + format_report(problems),
            file=sys.stderr,
        )
    documents = args.seeds / "documents"
    text_path = _text_in_documents(source, documents, args.document_id)
    if text_path is None:
        return 2
    metadata, content = scaffold_document(
        text_path, args.seeds, Path.cwd(), checked.corpus, args.topic, args.document_id, dt.date.today()
    )
    if metadata.exists():
        print(f"error: {visible(str(metadata))} already exists; nothing was overwritten", file=sys.stderr)
        return 2
    metadata.write_text(content, encoding="utf-8")
    drafts = content.count("\n    draft: true")
    todos = content.count(": TODO  #")
    print(
        f"Wrote {visible(str(metadata))}: {drafts} claim candidate(s) marked draft, {todos} TODO(s) to fill.\n"
        f"Next: fill in the TODOs, check each draft claim, then run 'python -m generator validate'."
    )
    return 0


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


def _schema(args: argparse.Namespace) -> int:
    project = Path.cwd()
    if args.check:
        outdated = outdated_schemas(project)
        if outdated:
            print(f"error: out of date in {SCHEMA_DIR}: {', '.join(outdated)}; run 'python -m generator schema'")
            return 1
        print(f"OK: the schemas in {SCHEMA_DIR} match the input model.")
        return 0
    for path in write_schemas(project):
        print(f"Wrote {visible(str(path.relative_to(project)))}")
    return 0


def _check_links(args: argparse.Namespace) -> int:
    if not (args.site / "index.html").is_file():
        print(
            f"error: '{visible(str(args.site))}' is not a built site (no index.html); run 'mkdocs build' first",
            file=sys.stderr,
        )
        return 2
    broken = broken_links(args.site)
    for line in broken:
        print(visible(line))
    pages = sum(1 for _ in args.site.rglob("*.html"))
    if broken:
        print(f"{len(broken)} broken link(s) in {pages} pages.")
        return 1
    print(f"OK: every internal link and anchor of {pages} pages resolves.")
    return 0
