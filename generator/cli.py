"""Command line: ``python -m generator`` and its commands (``validate``, ``markdown``, ``new``,
``schema``, ``rules``, ``check-links``, ``index``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.base.problems import format_report, visible
from generator.base.rules import RULES
from generator.build.pipeline import build_pages, check
from generator.inputs.schema import SCHEMA_DIR, outdated_schemas, write_id_schemas, write_schemas
from generator.render import markup
from generator.scaffold.new_document import Translating, new_document
from generator.site.linkcheck import broken_links
from generator.site.search_index import PART_PAGES, SearchIndexError, index_site


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
    new.add_argument(
        "--language", default="en", help="BCP 47 code of the text's language, such as th, km or ar (default: en)"
    )
    new.add_argument(
        "--translation",
        type=Path,
        help="a translation of the text (.txt, UTF-8), copied beside it; claim candidates are then read in it",
    )
    new.add_argument(
        "--translation-language", default="en", help="BCP 47 code of the translation's language (default: en)"
    )
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

    index = commands.add_parser(
        "index", help="index a built site for search (mkdocs build does it itself, unless 'search_index: false')"
    )
    index.add_argument("site", type=Path, nargs="?", default=Path("site"), help="the built site (default: site)")
    index.add_argument(
        "--part-pages",
        type=int,
        default=PART_PAGES,
        help=f"pages Pagefind indexes in one run; a larger site is indexed in parts (default: {PART_PAGES})",
    )
    index.set_defaults(run=_index)
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
        print(format_report(sorted(checked.problems + checked.warnings), args.format))
        for note in checked.notes:
            print(f"note: {note}")
        return 1
    if checked.warnings:
        print(format_report(checked.warnings, args.format))
    corpus = checked.corpus
    found = "no problems found" if not checked.warnings else "no errors; the warnings above are worth a look"
    print(
        f"OK: {len(corpus.documents)} documents, {len(corpus.topics)} topics, "
        f"{len(corpus.parties)} parties, {len(corpus.locations)} places, {len(corpus.outlets)} outlets, "
        f"{sum(len(d.meta.claims) for d in corpus.documents.values())} claims: {found}."
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
    refused = _unfit_output(out, args.seeds)
    if refused:
        print(f"error: {refused}", file=sys.stderr)
        print("Nothing was written.", file=sys.stderr)
        return 2
    stale = _previous_output(out)
    try:
        for page in built.pages:
            target = out / page.path
            if _through_a_link(out, target):
                raise OSError(
                    f"'{visible(str(target))}' is reached through a symbolic link; nothing is written through one"
                )
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(page.content, markup.Data):  # a piece at a time: whole, a data file is the corpus's size
                with target.open("wb") as output:
                    output.writelines(page.content.unpacked())
            else:
                target.write_text(page.text, encoding="utf-8")
            stale.discard(target)
        for path in sorted(stale):
            path.unlink()
        (out / _MANIFEST).write_text("\n".join(p.path for p in built.pages) + "\n", encoding="utf-8")
    except OSError as error:
        print(f"error: cannot write the pages into '{visible(str(out))}': {error.strerror or error}", file=sys.stderr)
        return 2
    print(
        f"Wrote {len(built.pages)} pages to {visible(str(out))}"
        + (f", removed {len(stale)} stale" if stale else "")
        + "."
    )
    return 0


_MANIFEST = ".generated-pages"


def _unfit_output(out: Path, seeds: Path) -> str:
    """Why ``out`` cannot take the pages, or "": it must be a folder (or not exist yet, under
    folders), and one this command wrote before or an empty one, so that no file of the
    user's (an index.md, a data/claims.csv of their own) is overwritten; and outside the seed
    folder, where every file is read as input."""
    if out.resolve().is_relative_to(seeds.resolve()):
        return (
            f"'{visible(str(out))}' is inside the seed folder '{visible(str(seeds))}', where every file is read as "
            "input: give a folder outside it"
        )
    for folder in (out, *out.parents):
        if folder.is_symlink() and folder == out:
            return f"'{visible(str(out))}' is a symbolic link: give the folder itself"
        if folder.exists() and not folder.is_dir():
            return f"'{visible(str(folder))}' is a file, not a folder: give a folder for the pages"
    if out.is_dir() and any(out.iterdir()) and not (out / _MANIFEST).is_file():
        return (
            f"'{visible(str(out))}' already holds files this command did not write: give a new or empty folder "
            f"(the command replaces only what it wrote before, listed in {_MANIFEST})"
        )
    return ""


def _through_a_link(out: Path, target: Path) -> bool:
    """Whether ``target``, or a folder between ``out`` and it, is a symbolic link."""
    current = target
    while current != out and current != current.parent:
        if current.is_symlink():
            return True
        current = current.parent
    return False


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
    return new_document(
        args.text,
        args.seeds,
        args.topic,
        args.document_id,
        Translating(args.language, args.translation, args.translation_language),
    )


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


def _built_site(site: Path) -> bool:
    if (site / "index.html").is_file():
        return True
    message = f"error: '{visible(str(site))}' is not a built site (no index.html); run 'mkdocs build' first"
    print(message, file=sys.stderr)
    return False


def _check_links(args: argparse.Namespace) -> int:
    if not _built_site(args.site):
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


def _index(args: argparse.Namespace) -> int:
    if not _built_site(args.site):
        return 2
    if args.part_pages < 1:
        print(f"error: --part-pages is {args.part_pages}; give 1 or more", file=sys.stderr)
        return 2
    try:
        print(f"search index: {index_site(args.site, part_pages=args.part_pages)}")
    except SearchIndexError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0
