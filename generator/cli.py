"""Command line: ``python -m generator validate`` and ``python -m generator markdown``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.pipeline import build_pages, check
from generator.problems import format_report


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    return int(args.run(args))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check every metadata file and text; list every problem")
    _add_seeds_option(validate)
    validate.add_argument("--format", choices=("text", "github"), default="text",
                          help="'github' prints workflow annotations for pull requests (default: text)")
    validate.set_defaults(run=_validate)

    markdown = commands.add_parser(
        "markdown", help="validate, then write every generated page as Markdown into a folder")
    _add_seeds_option(markdown)
    markdown.add_argument("out", type=Path, help="folder to write into; generated pages in it are replaced")
    markdown.set_defaults(run=_markdown)
    return parser


def _seeds_exist(seeds: Path) -> bool:
    if seeds.is_dir():
        return True
    print(f"error: the seed folder '{seeds}' does not exist (give another with --seeds)", file=sys.stderr)
    return False


def _add_seeds_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seeds", type=Path, default=Path("seeds"),
                        help="folder with the registries, topics/ and documents/ (default: seeds)")


def _validate(args: argparse.Namespace) -> int:
    if not _seeds_exist(args.seeds):
        return 2
    checked = check(args.seeds, Path.cwd())
    if checked.problems:
        print(format_report(checked.problems, args.format))
        return 1
    corpus = checked.corpus
    print(f"OK: {len(corpus.documents)} documents, {len(corpus.topics)} topics, "
          f"{len(corpus.parties)} parties, {len(corpus.locations)} places, {len(corpus.outlets)} outlets, "
          f"{sum(len(d.meta.claims) for d in corpus.documents.values())} claims: no problems found.")
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
        print(f"error: '{out}' exists and is not a folder", file=sys.stderr)
        return 2
    stale = _previous_output(out)
    for page in built.pages:
        target = out / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
        stale.discard(target)
    for path in sorted(stale):
        path.unlink()
    (out / _MANIFEST).write_text("\n".join(p.path for p in built.pages) + "\n", encoding="utf-8")
    print(f"Wrote {len(built.pages)} pages to {out}" + (f", removed {len(stale)} stale" if stale else "") + ".")
    return 0


_MANIFEST = ".generated-pages"


def _previous_output(out: Path) -> set[Path]:
    """Pages this command wrote last time, so that removed ones are deleted."""
    manifest = out / _MANIFEST
    if not manifest.is_file():
        return set()
    return {out / line for line in manifest.read_text(encoding="utf-8").splitlines()
            if line and ".." not in line.split("/") and (out / line).is_file()}
