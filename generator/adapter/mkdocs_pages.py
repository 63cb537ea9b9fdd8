"""Generated pages handed to MkDocs already rendered: a measured speed trick.

A generated page's body is already HTML (``generator.render.markup``). Converting
it again as Markdown was the costliest step of a large build; instead, once
MkDocs has made its pages, the adapter swaps the class of each generated one to
``PrebuiltPage``, which takes the renderer's head, body and outline of headings
as they are. The build's time per page is measured by ``scripts/benchmark.py``
(the site's *Performance at scale* page).

This relies on MkDocs 1.6's internals: ``File.generated`` (files made in memory),
``File.content_string`` and ``content_bytes`` (read by other plugins), ``File.copy_file``,
``Page.read_source`` and ``Page.render`` (replaced here), and the attributes
``render`` sets (``content``, ``toc``, ``_title_from_render``,
``present_anchor_ids``, ``links_to_anchors``). The project pins ``mkdocs<2``.
"""

from __future__ import annotations

import os
from typing import Any

from markdown.extensions.toc import nest_toc_tokens
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.render import RenderedPage, markup


class GeneratedFile(File):
    """A generated file that tells ``mkdocs serve --dirty`` whether it changed since
    the last build of this process, so that only changed pages are rebuilt."""

    changed = True
    output_found: bool | None = None  # whether the last build's output is there, once looked at
    rendered: markup.Page | None = None
    data: markup.Data | None = None  # a JSON or CSV file, copied as it is
    made_from: RenderedPage | None = None  # the rendering it was made from (under serve, see ``again``)

    @property
    def src_path(self) -> str:  # MkDocs' own getter: a property is overridden whole
        return os.path.normpath(self.src_uri)

    @src_path.setter
    def src_path(self, value: str) -> None:
        """A generated path is a URI already ('documents/x.md'): MkDocs' own setter makes a
        PurePath of each, a measured part of every rebuild under the preview."""
        self.src_uri = value

    def take(self, content: markup.Page | markup.Data) -> None:
        if isinstance(content, markup.Data):
            self.data = content
        else:
            self.rendered = content

    def again(self, content: markup.Page | markup.Data, *, written: bool) -> None:
        """In the next rebuild of ``mkdocs serve``, from the same rendering: its content is
        taken again (the written page let it go). If the last build ran to its end
        (``written``), it wrote every changed page, and this one is not written again nor
        looked for on disk (looking cost 0.015 s a rebuild at 1,000 documents); if that
        build failed on the way, the page may not have been written, and is. Its MkDocs
        page is the same too; it is read again only when written."""
        self.take(content)
        self.changed, self.output_found = (False, True) if written else (True, None)

    def is_modified(self) -> bool:
        """Changed, or its output is gone (looked at once: MkDocs asks twice a build)."""
        if self.changed:
            return True
        if self.output_found is None:
            self.output_found = os.path.isfile(self.abs_dest_path)
        return not self.output_found

    def copy_file(self, dirty: bool = False) -> None:
        """A data file is written from its packed text (MkDocs writes ``_content``)."""
        if self.data is None:
            return super().copy_file(dirty)
        if not dirty or self.is_modified():
            os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
            with open(self.abs_dest_path, "wb") as output:
                output.writelines(self.data.unpacked())

    @property
    def content_string(self) -> str:
        """A page's Markdown or a data file's text, made only if something asks for it."""
        if self.rendered is not None:
            return self.rendered.markdown
        if self.data is not None:
            return self.data.text
        return super().content_string

    @content_string.setter
    def content_string(self, value: str) -> None:
        """Another plugin replacing the text: the page is then built from it like any other."""
        self.rendered = self.data = None
        self._content = value

    @property
    def content_bytes(self) -> bytes:
        if self.data is not None:
            return self.data.encoded
        return self.content_string.encode("utf-8")

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.content_string = value.decode("utf-8")


class PrebuiltPage(Page):
    """A generated page: its head and HTML body come from the renderer as they are."""

    file: GeneratedFile
    as_read: str | None = None  # the body as read, while it is the page's Markdown and content
    aside = False  # the body waits packed (``set_aside``)

    def read_source(self, config: MkDocsConfig) -> None:
        rendered = self.file.rendered
        if rendered is None:  # its text was replaced by another plugin
            return super().read_source(config)
        self.meta = rendered.meta
        self.markdown = self.as_read = rendered.body  # HTML blocks are Markdown too, for plugins that read it

    def render(self, config: MkDocsConfig, files: Files) -> None:
        rendered = self.file.rendered
        if rendered is None:
            return super().render(config, files)
        assert self.markdown is not None
        self.content = self.markdown
        self._outline(rendered)
        self._title_from_render = rendered.head.title
        self.links_to_anchors = {}

    def _outline(self, rendered: markup.Page) -> None:
        headings, anchors = rendered.outline()
        tokens: list[Any] = [{"level": h.level, "id": h.id, "name": h.name} for h in headings]
        self.toc = get_toc(nest_toc_tokens(tokens))
        self.present_anchor_ids = set(anchors)

    def set_aside(self, content: str) -> str:
        """After the page is read: MkDocs reads every page before it writes the first, and
        keeping each body, outline and front matter in between was most of a large build's memory.
        They stay packed in the rendered page until ``take_back``; this returns what the page's
        content is meanwhile. Content another plugin changed is kept as it is."""
        if self.file.rendered is None or not (content is self.markdown is self.as_read):
            return content
        self.markdown, self.as_read, self.aside = "", None, True  # "": MkDocs' title reads None as "not read yet"
        self.toc, self.present_anchor_ids, self.meta = get_toc([]), None, {}  # its title is kept apart
        return ""

    def take_back(self) -> None:
        """Before the page is written: its body again, as content (and as Markdown), its outline
        and its front matter."""
        rendered = self.file.rendered
        if rendered is not None and self.aside:
            self.meta = rendered.meta
            self.markdown = self.content = rendered.body
            self._outline(rendered)
            self.aside = False

    def release(self) -> None:
        """Let go of the body once the page is written: on a large site, the
        bodies of the pages already written need not wait for the last one."""
        self.markdown = self.content = ""
        self.toc = get_toc([])  # its ids stay, for MkDocs' check of links to anchors after the last page
        self.file.rendered = None
