"""Command line: ``python -m generator validate`` and ``python -m generator markdown``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.pipeline import check
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
    return parser


def _add_seeds_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seeds", type=Path, default=Path("seeds"),
                        help="folder with the registries, topics/ and documents/ (default: seeds)")


def _validate(args: argparse.Namespace) -> int:
    if not args.seeds.is_dir():
        print(f"error: the seed folder '{args.seeds}' does not exist", file=sys.stderr)
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
