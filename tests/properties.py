"""What the property tests share: arbitrary free text (``FREE_TEXT``), written into
every free-text field of the fixture corpus (``inject``), and a parser that lists
every tag or attribute of a page the generator and the theme do not write (``Page``)."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from hypothesis import strategies as st

from generator.inputs.fields import _INVISIBLE, _check_look_alikes

# How many arbitrary strings a property test tries: a sample on every run of the suite, all of
# them with HYPOTHESIS_PROFILE=full (the scheduled CI job, .github/workflows/ci.yml).
FULL = os.environ.get("HYPOTHESIS_PROFILE") == "full"


def examples(full: int) -> int:
    """``full`` examples in the full profile, a fiftieth (at least 5) on every run."""
    return full if FULL else max(5, full // 50)


# Every tag and attribute the theme and the generator write; anything else came from data.
ALLOWED_TAGS = {
    "a",
    "article",
    "blockquote",
    "body",
    "br",
    "button",
    "code",
    "dd",
    "dialog",
    "div",
    "dl",
    "dt",
    "em",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "input",
    "label",
    "li",
    "link",
    "main",
    "mark",
    "meta",
    "nav",
    "ol",
    "p",
    "path",
    "pre",
    "script",
    "small",
    "span",
    "strong",
    "style",
    "svg",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
    "figure",
    "figcaption",
    "g",
    "rect",
    "circle",
    "text",  # maps and charts, drawn as SVG when the site is built
    "section",  # a text and its translation, side by side
    "details",  # a further translation, folded
    "summary",
}
ALLOWED_ATTRIBUTES = {
    "aria-expanded",
    "aria-label",
    "aria-labelledby",
    "autocapitalize",
    "autocomplete",
    "autocorrect",
    "charset",
    "checked",
    "class",
    "content",
    "crossorigin",
    "d",
    "data-label",
    "data-lat",
    "data-lon",
    "data-points",
    "data-md-color-accent",
    "data-pagefind-ignore",
    "data-pagefind-body",
    "data-pagefind-filter",
    "data-bundle",
    "aria-haspopup",
    "aria-controls",
    "data-md-color-media",
    "data-md-color-primary",
    "data-md-color-scheme",
    "data-md-component",
    "data-md-level",
    "data-md-scrollfix",
    "data-md-toggle",
    "data-md-type",
    "dir",
    "for",
    "hidden",
    "href",
    "id",
    "lang",
    "name",
    "placeholder",
    "rel",
    "required",
    "role",
    "scope",
    "spellcheck",
    "src",
    "tabindex",
    "target",
    "title",
    "type",
    "viewbox",
    "xmlns",
    "start",  # a prose field is Markdown: "0. " there is a list numbered from 0 (<ol start="0">), digits only
    # maps and charts (SVG), a table's group heading, a numbered list item, a topic's weight in search
    "aria-hidden",
    "focusable",
    "font-size",
    "width",
    "height",
    "x",
    "y",
    "cx",
    "cy",
    "r",
    "text-anchor",
    "value",
    "colspan",
    "data-pagefind-weight",
}
MARKUP = [*"<>&\"'`*_[](){}#|!:-=~^$%@\\/\n\t", "<script>", "javascript:", "{{", "{%", "-->", "--8<--", "![x](y)"]
# Refused by validation on purpose (tests/cases/invalid/hostile-text.yaml): control characters,
# direction overrides and isolates, and text that shows nothing.
YAML_SAFE = st.characters(
    blacklist_categories=("Cs", "Cc"),
    blacklist_characters="\ufffe\uffff\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
)
# Words of scripts a text may come in: without spaces between words (Thai, Khmer, Chinese), right
# to left (Arabic, Persian, Hebrew), and others (Armenian, Georgian, Devanagari).
SCRIPTS = ["กองทัพบก", "ប្រាសាទតាមាន់ធំ", "王毅", "بيان", "وزارت", "שלום", "Փաշինյան", "საქართველო", "हिन्दी"]
# A value that is exactly TODO is the scaffold's placeholder; any other text, TODO at its start included, is real.
FREE_TEXT = (
    st.lists(
        st.one_of(st.text(YAML_SAFE, min_size=1, max_size=4), st.sampled_from([*MARKUP, *SCRIPTS, "TODO", "TODO:"])),
        min_size=1,
        max_size=12,
    )
    .map("".join)
    .filter(lambda s: len(_INVISIBLE.sub("", s)) > 1 and s.strip() != "TODO" and _one_name(s))
)


def _one_name(s: str) -> bool:
    """Whether ``s``, made a name, is refused as a look-alike of another (tests/cases/invalid/look-alike-names.yaml):
    accents written apart, letters of two alphabets in one word, invisible tag characters."""
    try:
        _check_look_alikes(" ".join(s.split()))
    except ValueError:
        return False
    return True


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.bad.append(f"tag <{tag}>")
        for name, value in attrs:
            if name not in ALLOWED_ATTRIBUTES:
                self.bad.append(f"attribute {name} on <{tag}>")
            if name in ("href", "src") and value:
                scheme = urlsplit(value.strip()).scheme
                if scheme not in ("", "http", "https") or value.strip().startswith("//"):
                    self.bad.append(f"{name}={value!r}")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _prose_safe(text: str) -> str:
    """Prose refuses images and non-http links at validation; keep only what it accepts."""
    text = text.replace("![", "! [").replace("](", "] (").replace("]:", "] :")
    text = re.sub(r"<(?=[^<> !]+@[^@<> ]+>)", "< ", text)  # e-mail autolinks are refused
    return re.sub(r"<([A-Za-z][A-Za-z0-9+.-]*:)", r"< \1", text)  # autolinks to other schemes are refused too


# libyaml when present: the same YAML, written five times faster (a thousand examples).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def inject(corpus: Path, s: str) -> None:
    line = " ".join(s.split())  # names and titles are one line

    def rewrite(name: str, change) -> None:
        path = corpus / name
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
        change(data)
        path.write_text(yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False), encoding="utf-8")

    def parties(data):
        for n, party in enumerate(data["parties"]):
            party.update(name=f"{line} P{n}", description=s, native_names=[{"name": f"{line} N{n}", "language": "th"}])
        data["parties"][0]["offices"] = [{"title": line, "as_of": "2024-03-02", "note": s}]
        data["parties"][1]["aliases"] = [f"{line} alias"]

    def locations(data):
        for n, place in enumerate(data["locations"]):
            place.update(name=f"{line} L{n}", description=s, aliases=[f"{line} place {n}"])

    def outlets(data):
        for n, outlet in enumerate(data["outlets"]):
            outlet.update(
                name=f"{line} O{n}", notes=s, owners=[{"owner": f"{line} owner", "as_of": "2024-03-02", "note": s}]
            )

    def topic(data):
        data.update(title=line, summary=s)
        data["background"][0].update(heading=line, body=_prose_safe(s))
        data["background"][0]["sources"][0].update(title=line, publisher=line)
        data["questions"][0]["text"] = s
        data["events"][0].update(title=line, description=s)
        data["key_facts"] = [{"text": s, "sources": [{"url": "https://example.org/", "title": line}]}]

    def document(data):
        data.update(title=line, summary=s, author=line)
        data["boilerplate"][0]["note"] = s
        data["chain"][0]["note"] = s
        for claim in data["claims"]:
            claim.update(paraphrase=s, note=_prose_safe(s))
        data["claims"][1]["figure"]["unit"] = line
        data["claims"][0]["quote"] = "QQ" + s
        data["claims"][0]["quote_translated"] = "TT" + s
        data["translations"] = [
            {
                "text": "ridge-clash.fr.txt",
                "language": "fr",
                "translator": {"person": line},
                "source_version": s,
                "note": _prose_safe(s),
            }
        ]

    rewrite("parties.yaml", parties)
    rewrite("locations.yaml", locations)
    rewrite("outlets.yaml", outlets)
    rewrite("topics/ridge.yaml", topic)
    rewrite("documents/ridge-clash.yaml", document)
    with (corpus / "documents" / "ridge-clash.txt").open("a", encoding="utf-8") as text:
        text.write(f"QQ{s}\n{s}\n")
    (corpus / "documents" / "ridge-clash.fr.txt").write_text(f"{s}\nTT{s}\n", encoding="utf-8")
