"""The MkDocs adapter: the only module that imports mkdocs.

On every build (and every rebuild of ``mkdocs serve``) it runs the pipeline
on the seed folder and adds the generated pages to the build in memory;
nothing is written into ``docs/``. Any problem in the input fails the build
with every problem listed.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.pipeline import build_pages
from generator.render import RenderedPage
from generator.problems import format_report

log = get_plugin_logger(__name__)


class _GeneratedFile(File):
    """A generated file that tells ``mkdocs serve --dirty`` whether it changed since
    the last build of this process, so that only changed pages are rebuilt."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed or not os.path.isfile(self.abs_dest_path)


# Content hashes of the files the last build of this process generated.
_LAST_BUILT: dict[str, str] = {}


class BriefingConfig(base.Config):
    seeds = c.Type(str, default="seeds")
    """The seed folder, relative to mkdocs.yml."""


class BriefingPlugin(BasePlugin[BriefingConfig]):
    def __init__(self) -> None:
        self.pages: list[RenderedPage] = []

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Validate and render before MkDocs cleans the site folder: bad input
        fails the build with every problem listed, and the last good site stays."""
        project = Path(config.config_file_path).resolve().parent
        seeds = project / self.config.seeds
        if not seeds.is_dir():
            raise PluginError(f"briefing: the seed folder '{seeds}' does not exist (plugin option 'seeds')")
        built = build_pages(seeds, project)
        if built.problems:
            raise PluginError(
                "briefing: the seed metadata has problems; nothing was built.\n"
                + format_report(built.problems)
            )
        self.pages = built.pages
        log.info("generated %d pages from %s", len(built.pages), self.config.seeds)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Add the generated pages to the build, in memory."""
        docs_dir = Path(config.docs_dir).resolve()
        for page in self.pages:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(f"briefing: docs/{page.path} would hide a generated page; rename or remove it")
            inclusion = InclusionLevel.UNDEFINED if page.listed else InclusionLevel.NOT_IN_NAV
            generated = _GeneratedFile.generated(config, page.path, content=page.markdown, inclusion=inclusion)
            digest = hashlib.sha256(page.markdown.encode("utf-8")).hexdigest()
            generated.changed = _LAST_BUILT.get(page.path) != digest
            _LAST_BUILT[page.path] = digest
            if page.source is not None:
                generated.edit_uri = Path(os.path.relpath(page.source, docs_dir)).as_posix()
            files.append(generated)
        return files
