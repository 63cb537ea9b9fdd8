"""The MkDocs plugin (the adapter, ``generator/adapter/``, is the only package that imports mkdocs).

On every build (and every rebuild of ``mkdocs serve``) it runs the pipeline
on the seed folder and adds the generated pages to the build in memory;
nothing is written into ``docs/``. Any problem in the input fails the build
with every problem listed.

A generated page's body is already HTML: ``mkdocs_pages`` hands it to MkDocs
as it is (a measured speed trick, explained there). Everything after that
(theme, tags, other plugins' events) runs as for any page. Once the site is
written, Pagefind indexes it for search (``search_index``). ``mkdocs build``
writes the whole site apart and then puts it in the site folder's place in one step
(``site_folder``): a build that fails or is killed leaves the last site. Under ``mkdocs
serve`` a rebuild renders only the pages an edit can change (``incremental``),
is served at once, and is indexed in the background once the preview is idle.
"""

from __future__ import annotations

import functools
import logging
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, cast
from urllib.parse import urlsplit

import jinja2
import jinja2.bccache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from generator.adapter.config import SITE_URL, BriefingConfig
from generator.adapter.mkdocs_internals import Injector, use_observer, wrap_injection
from generator.adapter.mkdocs_pages import GeneratedFile, PrebuiltPage
from generator.adapter.serving import EditsOnly, not_the_dirty_build_warning, stop_as_on_ctrl_c
from generator.adapter.theme import CompiledTemplates, list_theme_without_hidden_folders
from generator.base.problems import format_report, problems_overlay, visible
from generator.build.gc_pause import collect_less_often, return_to_collection, set_aside_from_collection
from generator.build.pipeline import build_pages, hidden_pages
from generator.build.session import Session
from generator.inputs.schema import id_schemas, write_id_schema_texts
from generator.render import RenderedPage, markup, paths
from generator.render.markup import in_language
from generator.render.source_text import SITE_LANGUAGE
from generator.site.compact_html import compact
from generator.site.search_index import IndexWhenIdle, SearchIndexError, index_site
from generator.site.site_folder import Staged, discard, publish, stage

log = get_plugin_logger(__name__)


class BriefingPlugin(BasePlugin[BriefingConfig]):
    def __init__(self) -> None:
        self.pages: list[RenderedPage] = []
        self.serving = False
        self.last_good: list[RenderedPage] = []  # under serve: shown, with the problems over them
        self.overlay = b""  # under serve: the problems as the server adds them to each page it serves
        self.active_section: Page | None = None  # a page outside the navigation shows its section as current
        self.listed: list[GeneratedFile] = []  # generated pages of the navigation, between on_files and on_nav
        self.made: dict[str, GeneratedFile] = {}  # under serve: the last rebuild's files of generated pages
        # Under serve (MkDocs keeps a plugin with on_startup from one rebuild to the next): what
        # a rebuild keeps for the next (``generator.build.session``); a plain build keeps nothing.
        self.session: Session | None = None
        self.compiled = CompiledTemplates()
        self.indexer: IndexWhenIdle | None = None  # the first build is indexed before it is served
        self.ended = False  # under serve: whether every changed page of the last build was written
        self.apart = False  # a whole build (not serve, not --dirty): the site is written apart
        self.staged: tuple[Staged, MkDocsConfig] | None = None  # the site being written apart
        self.indexed = False  # whether the site written apart is complete, search bundle included

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"
        self.apart = not self.serving and not dirty
        # MkDocs calls this once as it starts serving, and keeps the plugin for every rebuild
        self.session = (self.session or Session()) if self.serving else None
        if self.serving:
            collect_less_often()
        if self.serving and dirty:
            # MkDocs warns at every --dirty build that other pages' navigation may be stale; it
            # cannot be here, where the navigation is mkdocs.yml's (a restart takes an edit of
            # it) and a generated page changes whenever what it shows does. Under strict, the
            # warning would fail every rebuild.
            logging.getLogger("mkdocs.commands.build").addFilter(not_the_dirty_build_warning)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        """An invalid save's problems are shown as each page is served (``_overlay_as_served``).
        A save is seen at once: the operating system's file events (watchdog's native
        observer, told only of writes, not of the build's reads) instead of MkDocs' polling
        every half second, and a shorter wait for a save to settle (the server's details it
        relies on are in ``mkdocs_internals``)."""
        self._overlay_as_served(server)
        stop_as_on_ctrl_c()
        if not self.config.file_events:
            return server
        use_observer(server, EditsOnly(), build_delay=0.03)
        return server

    def _overlay_as_served(self, server: LiveReloadServer) -> None:
        """The problems of an invalid save are added to each page as the server serves it, as
        MkDocs' server adds its reload script: the pages stay the last good ones, unwritten,
        and the problems show (and go) within a rebuild's time, where writing them into every
        page had taken 5 s at 1,000 documents (the server's script injection is reached
        through ``mkdocs_internals``)."""

        def add_problems_and_script(content: bytes, epoch: int, add_script: Injector) -> bytes:
            if self.overlay:
                content = re.sub(rb"(<body[^>]*>)", lambda m: m[1] + self.overlay, content, count=1)
            return add_script(content, epoch)

        wrap_injection(server, add_problems_and_script)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.search_part_pages < 1:
            raise PluginError(
                f"briefing: 'search_part_pages' is {self.config.search_part_pages}; give the number of pages "
                "to index in one run, 1 or more (default: 40000)"
            )
        if not config.use_directory_urls:
            raise PluginError(
                "briefing: generated pages link to directory URLs; remove 'use_directory_urls: false' from mkdocs.yml"
            )
        if config.site_url and not SITE_URL.fullmatch(config.site_url):
            # The theme writes site_url into every page unescaped (canonical links): a quote or an
            # angle bracket there would be markup in every page.
            raise PluginError(
                f"briefing: site_url {config.site_url!r} is not a plain http(s) address; write it as "
                "https://host/path/ (no quotes, spaces or angle brackets), or leave SITE_URL unset"
            )
        list_theme_without_hidden_folders(config)
        if self.apart:  # the site is written beside the site folder, and takes its place once whole
            staged = stage(Path(config.site_dir))
            self.staged, self.indexed = (staged, config), False
            config.site_dir = str(staged.folder)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Validate and render before MkDocs cleans the site folder: bad input
        fails the build with every problem listed, and the last good site stays."""
        project = Path(config.config_file_path).resolve().parent
        seeds = project / self.config.seeds
        if not seeds.is_dir():
            raise PluginError(f"briefing: the seed folder '{seeds}' does not exist (plugin option 'seeds')")
        built = build_pages(seeds, project, self.session)
        self._write_id_schemas(project, built.checked.known_ids())
        self.overlay = b""
        if built.problems and self.serving and self.last_good:
            # Under serve, the maintainer sees the problems over the page they are looking at (the
            # last good one), at once, like Hugo's and Vite's dev servers; the next good save clears them.
            log.info(
                "the seed metadata has problems; the pages show them until they are fixed:\n%s",
                format_report(built.problems),
            )
            self.pages = self.last_good
            served = urlsplit(config.site_url or "/").path.rstrip("/")  # the site's path on the server
            rules = f"{served}/{markup.relative_url(paths.HOME, paths.RULES)}"
            self.overlay = problems_overlay(built.problems, rules).encode("utf-8")
            return
        if built.problems:
            raise PluginError(
                "briefing: the seed metadata has problems; nothing was built.\n" + format_report(built.problems)
            )
        hidden = hidden_pages(Path(config.docs_dir), built.pages)
        if hidden:  # MkDocs cleans the site folder after this: fail now, and the last good site stays
            raise PluginError(
                "briefing: hand-written pages would hide generated ones; nothing was built.\n"
                + "\n".join(
                    f"docs/{visible(doc)} has the address of the generated page {page}; rename or remove it"
                    for doc, page in hidden
                )
            )
        if built.checked.warnings:  # information, not a failure of --strict: the site is right as recorded
            log.info("the seed metadata has warnings:\n%s", format_report(built.checked.warnings))
        self.pages = built.pages
        if self.serving:
            self.last_good = built.pages
        else:
            set_aside_from_collection()
        log.info("generated %d pages from %s", len(built.pages), self.config.seeds)

    def _write_id_schemas(self, project: Path, ids: dict[str, list[str]]) -> None:
        """Refresh the editor's completion of ids; under serve, the schemas are made again
        only when an id comes or goes (most saves change none)."""
        known = tuple((kind, frozenset(values)) for kind, values in sorted(ids.items()))
        if self.session is None:
            texts = id_schemas(dict(known))
        else:
            texts = self.session.reuse("id schemas", known, lambda: id_schemas(dict(known)))
        write_id_schema_texts(project, texts)

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        """Under serve, the theme's templates are compiled once, not at every rebuild (MkDocs
        makes a new template environment each time; a changed template is compiled again)."""
        if self.serving:
            env.bytecode_cache = self.compiled
        return env

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Add the generated pages to the build, in memory. Under serve, a page the edit did
        not change keeps its file and page from the last rebuild (``_file``)."""
        if self.serving:
            self._remove_gone(config)
        self.listed = []
        docs_dir = Path(config.docs_dir).resolve()

        @functools.cache  # a document's file is the source of several pages
        def edit_uri(source: Path) -> str:
            return Path(os.path.relpath(source, docs_dir)).as_posix()

        made: dict[str, GeneratedFile] = {}
        for page in self.pages:
            if page.path in files.src_uris:
                raise PluginError(f"briefing: docs/{page.path} would hide a generated page; rename or remove it")
            generated = made[page.path] = self._file(page, config, edit_uri)
            files.append(generated)
        self.pages = []  # the files hold the pages now
        self.made = made if self.serving else {}
        self.ended = False  # this build writes its pages now (on_post_build: they are written)
        return files

    def _file(self, page: RenderedPage, config: MkDocsConfig, edit_uri: Callable[[Path], str]) -> GeneratedFile:
        """The file of a generated page, with its MkDocs page (one of the navigation's is made
        with the navigation). Making them is a measured part of a preview's rebuild: the file
        of a page the last rebuild made from the very same rendering is taken again."""
        last = self.made.get(page.path) if self.serving else None
        if last is not None and last.made_from is page and not page.listed:
            last.again(page.content, written=self.ended)
            return last
        inclusion = InclusionLevel.UNDEFINED if page.listed else InclusionLevel.NOT_IN_NAV
        generated = cast(GeneratedFile, GeneratedFile.generated(config, page.path, content="", inclusion=inclusion))
        generated.take(page.content)
        generated.made_from = page
        if generated.rendered is not None:
            if page.listed:
                self.listed.append(generated)
            else:
                PrebuiltPage(None, generated, config)  # MkDocs makes a page only for a file that has none
        if self.serving:
            generated.changed = self._changed(page)
        if page.source is not None:
            generated.edit_uri = edit_uri(page.source)
        return generated

    def _changed(self, page: RenderedPage) -> bool:
        """Whether a page differs from the one the last build wrote: only a page rendered
        again (or new) can."""
        assert self.session is not None
        written = self.session.written
        if page.path not in self.session.pages.fresh and page.path in written:
            return False
        changed = written.get(page.path) != page.content  # compared packed: unpacking cost more
        written[page.path] = page.content
        return changed

    def _remove_gone(self, config: MkDocsConfig) -> None:
        """Under ``mkdocs serve --dirty`` the site folder is not cleaned: the output of a page
        the last build generated and this one does not (a deleted document) is removed, so
        that it is no longer served."""
        assert self.session is not None
        now = {page.path for page in self.pages}
        site = Path(config.site_dir).resolve()
        for path in sorted(set(self.session.written) - now):
            del self.session.written[path]
            output = Path(File(path, config.docs_dir, config.site_dir, config.use_directory_urls).abs_dest_path)
            if output.is_file() and output.resolve().is_relative_to(site):
                output.unlink()

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Generated pages take their prebuilt HTML instead of converting Markdown: the pages
        outside the navigation are made so (``on_files``), those in it are made by MkDocs."""
        for file in self.listed:
            if file.page is not None and file.rendered is not None:
                file.page.__class__ = PrebuiltPage
        self.listed = []
        return nav

    @event_priority(-100)  # after every other plugin's
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page's body waits packed until the page is written (``set_aside``)."""
        return page.set_aside(html) if isinstance(page, PrebuiltPage) else html

    @event_priority(100)  # before every other plugin's
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """A page outside the navigation (a party, a claim) shows its section as the current one.
        A generated page's body is unpacked for the page to be written."""
        if isinstance(page, PrebuiltPage):
            page.take_back()
        section = paths.section(page.file.src_uri)
        self.active_section = next((p for p in nav.pages if p.file.src_uri == section), None) if section else None
        if self.active_section is not None:
            self.active_section.active = True
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Index the written site for search. Under ``mkdocs serve`` the first build is indexed
        before it is served; a rebuild is served at once, and indexed in the background once
        the preview has been idle a moment (the whole site folder, which under ``--dirty``
        holds the pages kept from earlier builds)."""
        self.ended = True
        return_to_collection()
        site = Path(config.site_dir)
        if self.indexer is not None:
            self.indexer.schedule()
        elif not self.config.search_index:
            log.info("search index: not made (search_index: false)")
        else:
            try:
                log.info("search index: %s", index_site(site, part_pages=self.config.search_part_pages))
            except SearchIndexError as error:
                raise PluginError(f"briefing: {error}") from error
            if self.serving:
                self.indexer = IndexWhenIdle(site, log.info, log.warning, part_pages=self.config.search_part_pages)
        self.indexed = True

    def on_build_error(self, *, error: Exception) -> None:
        """A build that fails returns what its stages set aside to the cycle collector, and
        the site it was writing apart goes: the site folder keeps the last site."""
        return_to_collection()
        self._put_in_place(False)

    def on_shutdown(self) -> None:
        """A whole build ends: its site, complete, takes the site folder's place (MkDocs' strict
        check runs after ``on_post_build``, and a failure there reaches ``on_build_error``). The
        preview stops: so does its background indexing (the site folder goes with it)."""
        self._put_in_place(self.indexed)
        if self.indexer is not None:
            self.indexer.stop()

    def _put_in_place(self, complete: bool) -> None:
        if self.staged is None:
            return
        staged, config = self.staged
        self.staged = None
        config.site_dir = str(staged.target)  # where gh-deploy, after the build, reads the site
        if complete:
            publish(staged)
            log.info("site written to %s", staged.target)
        else:
            discard(staged)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if self.active_section is not None:
            self.active_section.active = False
            self.active_section = None
        if isinstance(page, PrebuiltPage):
            page.release()
        language = page.meta.get("language")
        if isinstance(language, str):  # a text in its own language (render.paths.original)
            output = in_language(output, language, SITE_LANGUAGE)
        return compact(output) if self.config.compact_html else output

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        """The theme's own pages (404.html) are written compact too."""
        if self.config.compact_html and template_name.endswith(".html"):
            return compact(output_content)
        return output_content
