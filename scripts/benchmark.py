"""Benchmark: synthetic corpora of N documents through every stage and a full MkDocs build.

For each N it reports the generator's stages separately (load, validate,
model, render), the full ``mkdocs build`` (which runs them again inside it)
without the search index and its peak memory, then the search index on its own
(Pagefind's time and peak memory, and the parts of a large site), pages,
milliseconds per page, total site size, its size per 1,000 documents and the most documents
that fit GitHub Pages' 1 GB at that rate, the largest page (and the largest
that is not a list or index page), the search bundle's size, and what a
reader's browser fetches for a first search and for a second one (Chromium,
through the header's search box), and what a page of each kind costs a reader: KB
sent gzipped, and seconds on slow 4G until its map, graph or chart is drawn.
Figures go to standard output as a
Markdown table. Then
it times the live preview on the 1,000-document corpus: from saving one
metadata file to the rebuilt page being served, with ``mkdocs serve`` and
with ``mkdocs serve --dirty`` (``scripts/measure_preview.py``). Then it times
validation of the worst hostile inputs the tests use. Last, it checks that time grows
linearly with the input: every free-text field given each Markdown-significant pattern at
25,000 and 100,000 characters (validated and rendered), and ``new`` on a text of 1 and 4 MB
written on one line and one sentence per line; it prints each ratio and exits 1 if a
ratio shows time growing faster than the input.

    python scripts/benchmark.py [--sizes 100 1000 10000] [--seed 1] [--work DIR] [--repeat 2]
                                [--part-pages 40000] [--preview-size 1000] [--preview-runs 5]
                                [--inputs-only]

Each stage and each build runs ``--repeat`` times and the fastest run is
reported (the highest peak memory): timings on a shared machine vary by
10 to 20% from run to run, and the fastest is the one least disturbed.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import math
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from synthetic_corpus import build as build_corpus  # noqa: E402

from generator.base.problems import Problems  # noqa: E402
from generator.build.gc_pause import gc_paused  # noqa: E402
from generator.load.folder import load_corpus  # noqa: E402
from generator.model.indexing import build_site  # noqa: E402
from generator.render import render_site  # noqa: E402
from generator.site import search_index  # noqa: E402
from generator.validate.validation import validate  # noqa: E402
from tests.conftest import mkdocs_config  # noqa: E402

INDEX_PARTS = ("index.html",)


def stages(seeds: Path) -> dict[str, float]:
    """Each stage's time, run as the build runs them (see ``pipeline``)."""
    with gc_paused():
        return _stages(seeds)


def _stages(seeds: Path) -> dict[str, float]:
    problems = Problems(seeds)
    times = {}
    start = time.perf_counter()
    raw = load_corpus(seeds, problems)
    times["load"] = time.perf_counter() - start
    start = time.perf_counter()
    corpus = validate(raw, problems)
    times["validate"] = time.perf_counter() - start
    if problems:
        raise SystemExit(f"the synthetic corpus has problems: {problems.sorted()[:3]}")
    start = time.perf_counter()
    site = build_site(corpus)
    times["model"] = time.perf_counter() - start
    start = time.perf_counter()
    render_site(site)
    times["render"] = time.perf_counter() - start
    return times


def mkdocs_build(seeds: Path, work: Path) -> tuple[float, int]:
    """Wall seconds and peak resident memory (MB) of a real ``mkdocs build``, without the
    search index (timed on its own, by ``search_index_run``)."""
    config = mkdocs_config(seeds, work, search_index=False)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return _timed(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config)],
        env,
        f"mkdocs build failed for {seeds}",
    )


def search_index_run(site: Path, part_pages: int) -> tuple[float, int]:
    """Wall seconds and peak resident memory (MB, the largest of the command and its Pagefind
    runs) of indexing the built site as the build's last step does (``generator/site/search_index.py``),
    in parts of at most ``part_pages`` pages."""
    command = [sys.executable, "-m", "generator", "index", str(site), "--part-pages", str(part_pages)]
    return _timed(command, dict(os.environ), f"Pagefind failed on {site}")


def other_commands(seeds: Path, site: Path, work: Path) -> dict[str, float]:
    """Wall seconds of the other commands on the corpus: ``validate``, ``markdown`` (every
    page as Markdown) and ``check-links`` on the built site."""
    out = work / "markdown"
    commands = {
        "validate": ["validate", "--seeds", str(seeds)],
        "markdown": ["markdown", str(out), "--seeds", str(seeds)],
        "check-links": ["check-links", str(site)],
    }
    return {
        name: _timed([sys.executable, "-m", "generator", *arguments], dict(os.environ), f"{name} failed on {seeds}")[0]
        for name, arguments in commands.items()
    }


# A process started by a large one carries that one's resident size in its own peak (the
# kernel keeps the high-water mark of the memory it replaced when it starts the command),
# and this benchmark holds gigabytes after timing the stages of a large corpus. So each
# command is started by a small Python process of its own, which reports the command's
# time and peak on its standard output.
_LAUNCHER = """
import os, subprocess, sys, time
start = time.perf_counter()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(process.pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def _timed(command: list[str], env: dict[str, str], failure: str) -> tuple[float, int]:
    """Wall seconds and peak resident memory (MB) of ``command`` and the processes it waits for."""
    launched = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, *command], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    elapsed, peak_kb, status = launched.stdout.split()
    if int(status) != 0:
        raise SystemExit(f"{failure}:\n{launched.stderr}")
    return float(elapsed), int(peak_kb) // 1024


def site_figures(site: Path) -> dict[str, object]:
    pages = list(site.rglob("*.html"))
    sizes = {page: page.stat().st_size for page in pages}
    largest = max(sizes, key=sizes.get)
    entity_pages = {
        p: s
        for p, s in sizes.items()
        if p.relative_to(site).parts[0] in ("documents", "claims", "parties", "places", "outlets", "questions")
        and p.parent.parent != site
    }
    largest_entity = max(entity_pages, key=entity_pages.get) if entity_pages else largest
    total = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    return {
        "pages": len(pages),
        "site_mb": total / 1e6,
        "largest": (largest.parent.relative_to(site).as_posix(), sizes[largest] / 1e3),
        "largest_entity": (
            largest_entity.parent.relative_to(site).as_posix(),
            entity_pages.get(largest_entity, 0) / 1e3,
        ),
        "search_mb": sum(f.stat().st_size for f in (site / search_index.BUNDLE).rglob("*") if f.is_file()) / 1e6,
    }


# What a host that compresses text (GitHub Pages does) sends: Pagefind's index files and
# WebAssembly are compressed already and sent as they are.
_TEXT = (".js", ".css", ".json", ".html")


def search_cost(site: Path, queries: tuple[str, str]) -> list[tuple[float, float]]:
    """KB a reader's browser fetches for a first search and then a second one, typed into the
    header's search box: (as stored, as a compressing host sends it) for each."""
    import gzip

    from playwright.sync_api import sync_playwright

    from tests.browsing import CHROMIUM, served

    fetched: list[tuple[str, bytes]] = []
    costs = []
    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page()
        page.goto(base)
        page.wait_for_load_state("networkidle")  # the page's own requests (its icon) are not the search's
        page.on("requestfinished", lambda request: fetched.append((request.url, request.response().body())))
        page.locator(".briefing-search__open").click()  # the first search counts what opening it fetches
        box = page.locator("#briefing-search input.briefing-search__input")
        for query in queries:
            box.fill(query)
            page.locator(".briefing-search__status", has_text=query).wait_for(timeout=60_000)
            page.locator(".briefing-search__result-link").first.wait_for(timeout=60_000)
            page.wait_for_load_state("networkidle")
            stored = sum(len(body) for _, body in fetched)
            sent = sum(
                len(gzip.compress(body)) if url.split("?")[0].endswith(_TEXT) else len(body) for url, body in fetched
            )
            costs.append((stored / 1e3, sent / 1e3))
            fetched.clear()
        browser.close()
    return costs


# A slow 4G connection, as browsers' developer tools emulate it: 150 ms round trip, 1.6 Mbit/s down.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}
# A page of each kind whose cost the performance page reports, and what on it is its picture.
PICTURES = ".briefing-map svg, .source-graph, .figure-chart svg"


def page_kinds_of(site: Path) -> dict[str, str]:
    """One page of each kind, from the built site: the first of its section (by address)."""

    def first(section: str) -> str:
        found = sorted(p.parent.relative_to(site).as_posix() for p in (site / section).glob("*/index.html"))
        return found[0] + "/" if found else ""

    kinds = {
        "home": "",
        "topic": first("topics"),
        "document": first("documents"),
        "claim": first("claims"),
        "place": first("places"),
        "places": "places/",
        "sources": "sources/",
    }
    return {kind: path for kind, path in kinds.items() if path or kind == "home"}


def page_cost(site: Path) -> dict[str, tuple[float, float]]:
    """For one page of each kind: KB a compressing host sends for it (the page and every file
    it loads, gzipped), and seconds on slow 4G until its picture (map, source graph, chart),
    or the page where it has none, is drawn. Chromium, with no cache."""
    import gzip

    from playwright.sync_api import sync_playwright

    from tests.browsing import CHROMIUM, served

    costs = {}
    with served(site, compressed=True) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        for kind, path in page_kinds_of(site).items():
            page = browser.new_page()
            cdp = page.context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            cdp.send("Network.emulateNetworkConditions", SLOW_4G)
            fetched: list[tuple[str, bytes]] = []

            def keep(request, fetched=fetched) -> None:
                fetched.append((request.url, request.response().body()))

            page.on("requestfinished", keep)
            page.goto(base + path, wait_until="commit")
            page.wait_for_load_state("domcontentloaded")
            if page.locator(PICTURES).count():
                page.wait_for_function(
                    "s => [...document.querySelectorAll(s)].some(e => e.getBoundingClientRect().width > 0)",
                    arg=PICTURES,
                    timeout=120_000,
                )
            else:
                page.wait_for_load_state("load")
            drawn = page.evaluate("performance.now()") / 1000
            page.wait_for_load_state("networkidle")
            sent = sum(
                len(gzip.compress(body)) if url.split("?")[0].endswith(_TEXT) or url.endswith("/") else len(body)
                for url, body in fetched
            )
            costs[kind] = (sent / 1e3, drawn)
            page.remove_listener("requestfinished", keep)
            page.close()
        browser.close()
    return costs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--work",
        type=Path,
        default=Path("/tmp/briefing-benchmark"),
        help="folder for the corpora and the built sites; a RAM disk (/dev/shm) keeps the "
        "disk's speed, which varies from run to run, out of the build times",
    )
    parser.add_argument(
        "--preview-size", type=int, default=1000, help="corpus on which to time the live preview (0: skip)"
    )
    parser.add_argument("--preview-runs", type=int, default=5)
    parser.add_argument(
        "--repeat",
        type=int,
        default=2,
        help="runs of each measurement; the fastest is kept (timings on a shared machine vary); "
        "corpora above 10,000 documents are measured once",
    )
    parser.add_argument(
        "--part-pages",
        type=int,
        default=search_index.PART_PAGES,
        help="pages indexed for search in one Pagefind run; a larger site is indexed in parts "
        f"(default: {search_index.PART_PAGES})",
    )
    parser.add_argument(
        "--inputs-only",
        action="store_true",
        help="only the hostile inputs and the linear-time check (no corpora, builds or preview)",
    )
    parser.add_argument(
        "--linear-scale",
        type=float,
        default=1.0,
        help="scale of the linear-time check's inputs (1: 25,000 and 100,000 characters, 1 and 4 MB)",
    )
    parser.add_argument(
        "--linear-patterns",
        type=int,
        default=len(PATTERNS),
        help="how many of the Markdown patterns the linear-time check tries",
    )
    args = parser.parse_args()
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    if args.inputs_only:
        hostile(args.work / "hostile")
        return 0 if linear_time(args.work / "linear", args.linear_scale, args.linear_patterns) else 1
    rows = []
    for size in args.sizes:
        seeds = args.work / f"seeds-{size}"
        counts = build_corpus(seeds, size, args.seed)
        repeat = args.repeat if size <= 10000 else 1
        runs = [stages(seeds) for _ in range(repeat)]
        times = {stage: min(run[stage] for run in runs) for stage in runs[0]}
        builds = [mkdocs_build(seeds, args.work / f"build-{size}") for _ in range(repeat)]
        build_seconds = min(seconds for seconds, _ in builds)
        peak_mb = max(peak for _, peak in builds)
        site = args.work / f"build-{size}" / "site"
        index_runs = [search_index_run(site, args.part_pages) for _ in range(repeat)]
        figures = site_figures(site)
        commands = other_commands(seeds, site, args.work / f"build-{size}")
        first, second = search_cost(site, _queries(seeds))
        pages_cost = page_cost(site)
        generator = sum(times.values())
        per_thousand = figures["site_mb"] * 1000 / size
        index_seconds = min(seconds for seconds, _ in index_runs)
        row = {
            "N": size,
            "claims": counts["claims"],
            **{k: f"{v:.2f}" for k, v in times.items()},
            "generator share": f"{100 * generator / build_seconds:.1f}%",
            "mkdocs build s": f"{build_seconds:.1f}",
            "peak MB": peak_mb,
            "pages": figures["pages"],
            "ms/page": f"{1000 * build_seconds / figures['pages']:.1f}",
            "search index s": f"{index_seconds:.1f}",
            "search index peak MB": max(peak for _, peak in index_runs),
            "search index parts": 1 + len(_parts(site)),
            **{f"{name} s": f"{seconds:.1f}" for name, seconds in commands.items()},
            "site MB": f"{figures['site_mb']:.0f}",
            "site MB per 1,000 docs": f"{per_thousand:.0f}",
            "docs that fit 1 GB": f"{int(1000 * 1000 / per_thousand):,}",
            "largest page KB": f"{figures['largest'][1]:.0f} ({figures['largest'][0]})",
            "largest entity page KB": f"{figures['largest_entity'][1]:.0f} ({figures['largest_entity'][0]})",
            "search bundle MB": f"{figures['search_mb']:.1f}",
            "first search KB (sent)": f"{first[0]:.0f} ({first[1]:.0f})",
            "second search KB (sent)": f"{second[0]:.0f} ({second[1]:.0f})",
            **{
                f"{kind} page KB sent (s on slow 4G)": f"{kb:.0f} ({seconds:.1f})"
                for kind, (kb, seconds) in pages_cost.items()
            },
        }
        rows.append(row)
        print(" · ".join(f"{k}: {v}" for k, v in row.items()), flush=True)
    header = list(rows[0])
    print()
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(str(row[key]) for key in header) + " |")
    for first, last in itertools.pairwise(rows):
        ratio = float(last["mkdocs build s"]) / float(first["mkdocs build s"])
        with_index = (float(last["mkdocs build s"]) + float(last["search index s"])) / (
            float(first["mkdocs build s"]) + float(first["search index s"])
        )
        print(
            f"\nbuild time from N={first['N']} to N={last['N']}: ×{ratio:.1f} "
            f"(with the search index: ×{with_index:.1f})"
        )
    if args.preview_size:
        preview(args.work / f"seeds-{args.preview_size}", args.preview_size, args.seed, args.preview_runs)
    hostile(args.work / "hostile")
    return 0 if linear_time(args.work / "linear", args.linear_scale, args.linear_patterns) else 1


# Markdown-significant patterns, each repeated to fill a field: links and autolinks left open,
# reference definitions, nested quotes and lists, emphasis and code runs, escapes, entities.
PATTERNS = (
    "<a:",
    "](",
    "[a]: ",
    "<x@",
    "> ",
    "- ",
    "1. ",
    "![",
    "[",
    "<",
    "`",
    "*a",
    "_",
    "\\",
    "&#",
    "#",
    "|",
    "{: ",
    "!!! ",
    "<!--",
    "word ",
    "\n",
    "](<",
    "[x][",
    "***",
    "  \n",
)
SIZES = (25_000, 100_000)
NEW_SIZES = (1_000_000, 4_000_000)  # characters of a text given to new
GROWTH = 8.0  # the most a 4 times larger input may cost: 4 for linear time, 16 for quadratic
NOTICEABLE = 0.25  # seconds: below it, a ratio is the machine's noise


def linear_time(work: Path, scale: float = 1.0, patterns: int = len(PATTERNS)) -> bool:
    """Time of every free-text field (``tests/properties.py``'s ``inject`` writes one value
    into all of them) given each pattern at each of ``SIZES`` characters, validated and
    rendered; of ``new`` on 1 and 4 MB of text (``NEW_SIZES``); and of a place's page whose map holds 1,000
    and 4,000 places within it, all at one point or on a grid. Prints each ratio; False if
    one shows time growing faster than the input."""
    import shutil

    from generator.build.pipeline import build_pages
    from generator.inputs.fields import MAX_PARAGRAPH
    from generator.render.prose import prose
    from tests.conftest import MINI
    from tests.properties import inject

    def fields(pattern: str, size: int) -> float:
        corpus = work / "fields"
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.copytree(MINI, corpus)
        inject(corpus, (pattern * (size // len(pattern) + 1))[:size])
        start = time.perf_counter()
        build_pages(corpus, corpus)
        return time.perf_counter() - start

    def new(size: int, piece: str) -> float:
        text = piece * (size // len(piece))
        folder = work / "new"
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(MINI, folder / "seeds")
        source = work / "statement.txt"
        source.write_text(text, encoding="utf-8")
        command = [sys.executable, "-m", "generator", "new", str(source), "--seeds", str(folder / "seeds")]
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
        return time.perf_counter() - start

    def rendered(pattern: str, size: int) -> float:
        """A Markdown field as validation lets it through: paragraphs under the cap."""
        paragraph = (pattern * (MAX_PARAGRAPH // len(pattern)))[: min(MAX_PARAGRAPH - 1000, size)]
        value = "\n\n".join([paragraph] * max(1, size // len(paragraph)))
        start = time.perf_counter()
        prose(value)
        return time.perf_counter() - start

    def place_map(spread: bool, count: int) -> float:
        """A place's page with ``count`` places within it, at its point or on a grid 0.02° apart."""
        from generator.build.pipeline import check
        from generator.model.indexing import build_site
        from generator.render.entity_pages import render_location

        corpus = work / "places"
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.copytree(MINI, corpus)
        side = math.ceil(math.sqrt(count))
        with (corpus / "locations.yaml").open("a", encoding="utf-8") as registry:
            for i in range(count):
                lat, lon = (40.0 + i // side * 0.02, 45.0 + i % side * 0.02) if spread else (40.5, 45.25)
                registry.write(
                    f"  - {{id: v-{i}, name: Village {i}, kind: village, coordinates: "
                    f"{{lat: {lat:.2f}, lon: {lon:.2f}}}, parents: [alphaville], description: x}}\n"
                )
        site = build_site(check(corpus, corpus).corpus)
        start = time.perf_counter()
        render_location(site, site.corpus.locations["alphaville"])
        return time.perf_counter() - start

    tried = PATTERNS[:patterns]
    cases = {f"every field validated, {pattern!r} ×N": functools.partial(fields, pattern) for pattern in tried}
    cases |= {f"Markdown rendered, {pattern!r} ×N": functools.partial(rendered, pattern) for pattern in tried}
    sentence = "The ministry said that two soldiers were wounded near the border on 2 March 2024. "
    for layout, piece in (("on one line", sentence), ("a sentence per line", sentence.rstrip() + "\n")):
        cases[f"new, a text {layout}"] = functools.partial(new, piece=piece)
    cases["a place's map, N places at one point"] = functools.partial(place_map, False)
    cases["a place's map, N places on a grid"] = functools.partial(place_map, True)
    linear = True
    for name, run in cases.items():
        on_map = name.startswith("a place's map")
        unit, sizes = (
            ("characters", NEW_SIZES)
            if name.startswith("new")
            else ("places", (1_000, 4_000))
            if on_map
            else ("characters", SIZES)
        )
        small, large = (max(10, int(size * scale)) for size in sizes)
        seconds = [min(run(small) for _ in range(2)), min(run(large) for _ in range(2))]
        ratio = seconds[1] / max(seconds[0], 1e-3)
        slow = ratio > GROWTH and seconds[1] > NOTICEABLE
        linear &= not slow
        print(
            f"linear time ({name}): {small:,} {unit} {seconds[0]:.2f} s, {large:,} {unit} {seconds[1]:.2f} s, "
            f"×{ratio:.1f}{'  GROWS FASTER THAN THE INPUT' if slow else ''}",
            flush=True,
        )
    return linear


def _parts(site: Path) -> list[str]:
    """The search index's parts after the first (``generator/site/search_index.py``)."""
    import json

    manifest = site / search_index.BUNDLE / search_index.PARTS
    return json.loads(manifest.read_text(encoding="utf-8"))["parts"]


def _queries(seeds: Path) -> tuple[str, str]:
    """A first search for the corpus's first state (on many pages) and a second for a
    person's surname (on few)."""
    import yaml

    parties = yaml.safe_load((seeds / "parties.yaml").read_text(encoding="utf-8"))["parties"]
    state = next(p["name"] for p in parties if p["kind"] == "state")
    person = next(p["name"] for p in parties if p["kind"] == "person")
    return state, person.split()[-1]


def hostile(work: Path) -> None:
    """Validation time of the worst inputs the tests feed (``tests/test_hostile_inputs.py``):
    a megabyte in every scanned field, a wrong quote in a text of a megabyte, and a source
    graph of a thousand hops and half a million edges. Each must finish in seconds."""
    import shutil

    import yaml

    from generator.build.pipeline import check
    from tests.conftest import MINI
    from tests.test_hostile_inputs import _long_chain

    def timed(name: str, prepare) -> None:
        corpus = work / name
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.copytree(MINI, corpus)
        prepare(corpus)
        start = time.perf_counter()
        problems = check(corpus, corpus).problems
        print(
            f"hostile input ({name}): validated in {time.perf_counter() - start:.2f} s, {len(problems)} problem(s)",
            flush=True,
        )

    megabyte = ("word " * 20 + "\n") * 10_000

    def every_field(corpus: Path) -> None:
        document = corpus / "documents" / "ridge-clash.yaml"
        data = yaml.safe_load(document.read_text(encoding="utf-8"))
        data.update(note=megabyte, summary=megabyte)
        data["claims"][0]["quote"] = megabyte
        data["claims"][1]["note"] = megabyte
        document.write_text(yaml.safe_dump(data), encoding="utf-8")

    def wrong_quote(corpus: Path) -> None:
        with (corpus / "documents" / "ridge-clash.txt").open("a", encoding="utf-8") as text:
            text.write(megabyte)
        document = corpus / "documents" / "ridge-clash.yaml"
        document.write_text(
            document.read_text(encoding="utf-8").replace(
                "quote: two soldiers were hurt", "quote: " + "a wrong quote of some length " * 10
            ),
            encoding="utf-8",
        )

    def wrong_quotes(corpus: Path) -> None:
        wrong_quote(corpus)
        document = corpus / "documents" / "ridge-clash.yaml"
        data = yaml.safe_load(document.read_text(encoding="utf-8"))
        data["claims"] += [
            {**data["claims"][0], "id": f"wrong-{n}", "quote": f"word {n} of a wrong quote {n}"} for n in range(100)
        ]
        document.write_text(yaml.safe_dump(data), encoding="utf-8")

    timed("a megabyte in every scanned field", every_field)
    timed("a wrong quote in a 1 MB text", wrong_quote)
    timed("101 wrong quotes in a 1 MB text", wrong_quotes)
    timed("1,000 hops, 500,000 edges", lambda corpus: _long_chain(corpus, 1000, "all"))


def preview(seeds: Path, size: int, seed: int, runs: int) -> None:
    """Live preview on the corpus: save one metadata file, time until the rebuilt
    page is served, with ``mkdocs serve --dirty`` (the documented preview) and with plain
    ``mkdocs serve``."""
    build_corpus(seeds, size, seed)
    for mode in ([], ["--plain"]):
        command = [
            sys.executable,
            str(ROOT / "scripts" / "measure_preview.py"),
            "--seeds",
            str(seeds),
            "--runs",
            str(runs),
            *mode,
        ]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        label = f"mkdocs serve{'' if mode else ' --dirty'}, {size} documents"
        for line in result.stdout.splitlines():
            if line.startswith(("first build", "save →")):
                print(f"live preview ({label}): {line}", flush=True)
        if result.returncode != 0:
            print(f"live preview ({label}) failed:\n{result.stdout}{result.stderr}", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
