"""Each private detail of the engine (MkDocs 1.6, or ProperDocs) that the adapter relies on,
checked on its own (``generator/adapter/mkdocs_internals.py`` names them): a release that changes one
fails the test named after it, instead of the preview or the build misbehaving."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from watchdog.observers import Observer

from generator.adapter.mkdocs_internals import use_observer, watched_paths, wrap_injection
from generator.adapter.mkdocs_pages import GeneratedFile

SERVER = inspect.getsource(LiveReloadServer)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveReloadServer]:
    made = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    yield made
    made.server_close()


def test_the_server_keeps_the_paths_it_watches_in_watched_paths(server: LiveReloadServer, tmp_path: Path) -> None:
    server.watch(str(tmp_path))
    assert watched_paths(server) == [str(tmp_path)]


def test_the_server_starts_the_observer_it_holds_with_its_build_delay(server: LiveReloadServer, tmp_path: Path) -> None:
    server.watch(str(tmp_path))
    observer = Observer()  # not started: the server starts it when it serves
    use_observer(server, observer, build_delay=0.03)
    assert server.observer is observer and server.build_delay == 0.03
    assert watched_paths(server) == [str(tmp_path)]
    # started when the server serves, after the on_serve event has given it
    assert "self.observer.start()" in SERVER and "self.build_delay" in SERVER


def test_the_server_adds_its_script_to_each_page_through_inject_js_into_html(server: LiveReloadServer) -> None:
    page = b"<html><body><p>x</p></body></html>"
    assert b"livereload" in server._inject_js_into_html(page, 1)
    wrap_injection(server, lambda content, epoch, inject: inject(content.replace(b"x", b"y"), epoch))
    served = server._inject_js_into_html(page, 1)
    assert b"<p>y</p>" in served and b"livereload" in served
    assert "self._inject_js_into_html(" in SERVER  # the way each HTML file it serves goes


def _config(tmp_path: Path) -> MkDocsConfig:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins: []\n", encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    config.plugins._current_plugin = "briefing"  # as MkDocs sets it while a plugin's event runs
    return config


def test_a_file_made_in_memory_keeps_its_text_in_content(tmp_path: Path) -> None:
    made = File.generated(_config(tmp_path), "a.md", content="# A")
    assert made.generated_by == "briefing"
    assert made._content == "# A" and made.content_string == "# A"
    generated = GeneratedFile.generated(_config(tmp_path), "b.md", content="# B")
    assert isinstance(generated, GeneratedFile) and generated.content_string == "# B"
    generated.content_string = "# C"  # another plugin replacing the text
    assert generated._content == "# C" and generated.content_bytes == b"# C"


def test_a_rendered_page_sets_its_content_outline_title_and_anchors(tmp_path: Path) -> None:
    config = _config(tmp_path)
    file = File.generated(config, "a.md", content="# A title\n\n## Part\n")
    page = Page(None, file, config)
    page.read_source(config)
    page.render(config, Files([file]))
    assert page.content is not None and 'id="part"' in page.content
    assert page._title_from_render == "A title"
    assert page.present_anchor_ids == {"a-title", "part"}
    assert page.links_to_anchors == {}
    assert [item.id for item in page.toc] == ["a-title"]
