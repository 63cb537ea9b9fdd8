"""Build the site with Zensical from the generated Markdown, and check it has every page.

Writes every generated page with ``python -m generator markdown`` and lays it beside the
hand-written pages of ``docs/`` in ``OUT/docs``; writes ``OUT/mkdocs.yml``, the project's
own without what Zensical cannot use (the ``briefing`` plugin, ``watch``) and with its
paths fitted to ``OUT``; runs ``zensical build`` into ``OUT/site``; then indexes the site
for search (``python -m generator index``). Fails if a step fails or if a page of
``OUT/docs`` has no page in the built site. ``--check-links`` also fails on a broken
link (``python -m generator check-links``): today most are, as Zensical reads a relative
link, in raw HTML too, as relative to the Markdown file, and the generated pages write
them relative to the page's address, which MkDocs leaves as written. Needs Zensical in
the same environment (``pip install zensical``); the CI job ``zensical`` runs this with
the newest release that installs. The architecture page lists what differs from the site
``mkdocs build`` makes.

    python scripts/zensical_site.py [OUT] [--seeds DIR] [--check-links]

``OUT`` (default ``build/zensical``) must be new, empty or a folder this script wrote
before; it is emptied first.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
MARK = ".zensical-site"  # the file that tells a folder this script wrote apart
MANIFEST = ".generated-pages"  # written by `python -m generator markdown`: one generated file a line
LEFT_OUT = ("plugins", "watch")  # the briefing plugin (Zensical runs no MkDocs plugin); the seeds, outside docs/


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "build" / "zensical", help="folder to build in")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="seed folder (default: seeds/)")
    parser.add_argument("--check-links", action="store_true", help="fail on a broken link of the built site too")
    args = parser.parse_args()
    out: Path = args.out.resolve()
    zensical = shutil.which("zensical", path=str(Path(sys.executable).parent)) or shutil.which("zensical")
    if zensical is None:
        sys.exit("error: zensical is not installed here: pip install zensical")
    _empty(out)
    generator = [sys.executable, "-m", "generator"]
    _run("generate the Markdown", [*generator, "markdown", str(out / "generated"), "--seeds", str(args.seeds)])
    generated = (out / "generated" / MANIFEST).read_text(encoding="utf-8").splitlines()
    hidden = _lay_out_docs(out / "generated", generated, out / "docs")
    if hidden:
        sys.exit(f"error: docs/ has the address of generated pages: {', '.join(hidden)}")
    (out / "mkdocs.yml").write_text(_zensical_config(), encoding="utf-8")
    _run("build with Zensical", [zensical, "build", "--clean", "--config-file", str(out / "mkdocs.yml")], cwd=out)
    missing = missing_pages(out / "docs", out / "site")
    if missing:
        sys.exit(f"error: Zensical built no page for {len(missing)} files:\n" + "\n".join(f"  {m}" for m in missing))
    _run("index for search", [*generator, "index", str(out / "site")])
    if args.check_links:
        _run("check every link", [*generator, "check-links", str(out / "site")])
    pages = sum(1 for path in generated if path.endswith(".md"))
    print(f"OK: {pages} generated pages and {len(generated) - pages} data files, all in {out / 'site'}.")
    return 0


def _empty(out: Path) -> None:
    """Make ``out`` an empty folder marked as this script's; one holding files of anyone
    else's is left alone."""
    if out.exists() and any(out.iterdir()) and not (out / MARK).is_file():
        sys.exit(f"error: {out} holds files this script did not write; give a new or empty folder")
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    (out / MARK).write_text("Written by scripts/zensical_site.py; emptied at each run.\n", encoding="utf-8")


def _run(what: str, command: list[str], cwd: Path = ROOT) -> None:
    started = time.perf_counter()
    print(f"$ {' '.join(command)}", flush=True)
    result = subprocess.run(command, cwd=cwd)
    if result.returncode != 0:
        sys.exit(f"error: {what} failed (exit {result.returncode})")
    print(f"{what}: {time.perf_counter() - started:.1f} s", flush=True)


def _lay_out_docs(markdown: Path, generated: list[str], docs: Path) -> list[str]:
    """Copy ``docs/`` and the generated files into ``docs``; the generated paths that a
    hand-written file already has (none is copied over one)."""
    shutil.copytree(ROOT / "docs", docs)
    hidden = [path for path in generated if (docs / path).exists()]
    for path in generated:
        if path not in hidden:
            (docs / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(markdown / path, docs / path)
    return hidden


def _zensical_config() -> str:
    """The project's mkdocs.yml as Zensical reads it from ``OUT``: without what it cannot
    use, the theme's overrides from the copy of docs/, and the snippets (CONTRIBUTING.md)
    read from the project."""
    config: dict[str, Any] = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    for key in LEFT_OUT:
        config.pop(key, None)
    config["docs_dir"], config["site_dir"] = "docs", "site"
    config["theme"]["custom_dir"] = "docs/overrides"
    config["theme"]["variant"] = "classic"  # Material for MkDocs' look, which the stylesheet is written for
    for extension in config["markdown_extensions"]:
        if isinstance(extension, dict) and "pymdownx.snippets" in extension:
            extension["pymdownx.snippets"]["base_path"] = [str(ROOT)]
    header = "# Written by scripts/zensical_site.py from the project's mkdocs.yml; edits here are lost.\n"
    return header + yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


class _Loader(yaml.SafeLoader):
    """YAML as MkDocs reads mkdocs.yml: ``!ENV [NAME, default]`` is the variable's value."""


def _environment(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else [*names, None]
    return next((os.environ[name] for name in variables if name in os.environ), default)


_Loader.add_constructor("!ENV", _environment)


def missing_pages(docs: Path, site: Path) -> list[str]:
    """The pages (``x.md``, ``x/index.md``) and other files of ``docs`` that ``site`` lacks
    (directory URLs: ``x.md`` is ``x/index.html``); the theme's overrides are no page."""
    missing = []
    for source in sorted(docs.rglob("*")):
        path = source.relative_to(docs).as_posix()
        if not source.is_file() or path.startswith("overrides/"):
            continue
        if path.endswith(".md"):
            stem = path.removesuffix(".md")
            folder = stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else f"{stem}/"
            path = f"{folder}index.html"
        if not (site / path).is_file():
            missing.append(path)
    return missing


if __name__ == "__main__":
    sys.exit(main())
