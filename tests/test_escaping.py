"""Text from YAML and from source texts reaches the built HTML as text, never as markup."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from tests.conftest import MINI, copy_corpus, mkdocs_build

HOSTILE = (
    '<script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3)) {: onclick=alert(4) } '
    '| `code` # &amp; {{ x }} {% y %} <!-- c --> --8<-- "CONTRIBUTING.md"'
)


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _inject(corpus: Path) -> None:
    def edit(name: str, old: str, new: str) -> None:
        path = corpus / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    quoted = HOSTILE.replace("'", "''")
    edit("parties.yaml", "description: Alpha's neighbour.", f"description: '{quoted}'")
    edit("parties.yaml", "name: Beta\n", f"name: 'Beta {quoted}'\n")
    edit("outlets.yaml", "name: Site Two", f"name: 'Site Two {quoted}'")
    edit(
        "documents/ridge-clash.yaml",
        "paraphrase: Beta says its troops acted in self-defence.",
        f"paraphrase: '{quoted}'",
    )
    edit(
        "documents/ridge-clash.yaml", "title: Alpha and Beta trade fire on North Ridge", f"title: 'Trade fire {quoted}'"
    )
    edit(
        "topics/ridge.yaml",
        "The ridge has been *disputed* since 1990.",
        "The ridge has been *disputed* since 1990. <script>alert(5)</script> {: onclick=alert(6) }",
    )
    with (corpus / "documents" / "ridge-clash.txt").open("a", encoding="utf-8") as text:
        text.write(HOSTILE + "\n")


def test_hostile_text_is_shown_literally(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    _inject(corpus)
    result = mkdocs_build(corpus, tmp_path / "build")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "build" / "site"
    pages = list(site.rglob("*.html"))
    for page in pages:
        parser = _Elements()
        parser.feed(page.read_text(encoding="utf-8"))
        for tag, attrs in parser.found:
            assert not any(name.startswith("on") for name in attrs), (page, tag, attrs)
            assert not (tag == "img" and attrs.get("src") == "x"), page
            assert not (tag == "script" and "alert" in str(attrs)), page
            for name in ("href", "src"):
                assert not attrs.get(name, "").strip().lower().startswith(("javascript:", "data:")), (page, attrs)
        raw = page.read_text(encoding="utf-8")
        assert "<script>alert" not in raw, page
    document = (site / "documents" / "ridge-clash" / "index.html").read_text(encoding="utf-8")
    parser = _Elements()
    parser.feed(document)
    text = "".join(parser.text)
    assert "<script>alert(1)</script>" in text  # shown to the reader, as text
    assert '{{ x }} {% y %} <!-- c --> --8<-- "CONTRIBUTING.md"' in text
    assert "Add a source document, end to end" not in text  # no file was included


def test_prose_keeps_prose_and_shows_the_rest_as_text() -> None:
    from generator.render.markup import prose

    out = prose(
        "*Fighting* resumed; see [the statement](https://example.org/s).\n\n"
        "`a<b` and <script>alert(1)</script> <!-- c --> {: .x }\n\n# Top\n\n### Sub\n\n"
        "| a | b |\n|---|---|\n\n<ftp://x.org> ![p](https://example.org/p.png)"
    )
    assert "<em>Fighting</em>" in out and '<a href="https://example.org/s">the statement</a>' in out
    assert "<code>a&lt;b</code>" in out  # code shows its characters once escaped, not twice
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out and "&lt;!-- c --&gt;" in out and "{: .x }" in out
    assert "<p># Top</p>" in out and "<h3>Sub</h3>" in out  # level 1 and 2 headings stay text
    assert "<table" not in out and "<img" not in out and 'href="ftp' not in out
    assert "\n\n" not in out  # one HTML block for any Markdown engine
