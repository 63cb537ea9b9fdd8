"""Figures over time, as the pages show them: every count exactly as written, every chart
drawn inside its box whatever the counts (negative, tiny, large, all equal, many givers,
many on one day, dated centuries apart), and one series per giver, an unnamed source a
giver only within its own document.

The drawings are read from the Markdown pages the generator writes for a changed copy
of the fixture corpus, or from the chart renderer given series built from its claim."""

from __future__ import annotations

import datetime
import itertools
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from generator.build.pipeline import build_pages
from generator.model.entries import FigurePoint, FigureSeries
from generator.model.site import Site
from generator.render import charts, paths
from generator.render.common import number
from tests.conftest import MINI, checked_model, copy_corpus

FIGURE = "    figure: {value: 2, unit: soldiers hurt, as_of: 2024-03-02}\n"


def _corpus(tmp_path: Path, figure: str) -> Path:
    """The fixture corpus with ``figure`` (YAML lines) as the claim ``alpha-two-hurt``'s figure."""
    corpus = copy_corpus(MINI, tmp_path / "seeds")
    document = corpus / "documents" / "ridge-clash.yaml"
    text = document.read_text(encoding="utf-8")
    assert FIGURE in text
    document.write_text(text.replace(FIGURE, figure), encoding="utf-8")
    return corpus


def _pages(corpus: Path) -> dict[str, str]:
    built = build_pages(corpus, corpus)
    assert built.problems == []
    return {page.path: page.content.body for page in built.pages if page.path.endswith(".md")}


def _revised(first: str, *revisions: tuple[str, str]) -> str:
    """A figure of ``first`` on 2 March 2024, revised by the same giver (value, date)."""
    lines = "".join(
        f'        - {{value: {value}, as_of: {day}, by: alpha-government, source: {{url: "https://example.org/{n}"}}}}\n'
        for n, (value, day) in enumerate(revisions)
    )
    return (
        f"    figure:\n      value: {first}\n      unit: soldiers hurt\n      as_of: 2024-03-02\n"
        f"      revisions:\n{lines}"
    )


def _drawings(html: str) -> list[Tag]:
    drawings = BeautifulSoup(html, "html.parser").find_all("svg", class_="chart-drawing")
    assert drawings, "no chart drawn"
    return drawings


def _path_points(d: str) -> list[tuple[float, float]]:
    """Every point an SVG path of a chart passes through (its commands M, H, V and v)."""
    points, x, y = [], 0.0, 0.0
    for command, numbers in re.findall(r"([MHVv])([-0-9. ]+)", d):
        values = [float(n) for n in numbers.split()]
        if command == "M":
            x, y = values
        elif command == "H":
            x = values[0]
        elif command == "V":
            y = values[0]
        else:
            y += values[0]
        points.append((x, y))
    return points


def _outside(drawing: Tag) -> list[str]:
    """What a drawing draws outside its box: a path's point, a dot, or a label (its width
    reckoned as the renderer reckons it, its height from the type's size)."""
    _, _, width, height = (float(n) for n in drawing["viewbox"].split())  # names in small letters, as parsed
    font = float(drawing["font-size"])
    out = []
    for path in drawing.find_all("path"):
        out += [f"path {x},{y}" for x, y in _path_points(path["d"]) if not (0 <= x <= width and 0 <= y <= height)]
    for dot in drawing.find_all("circle"):
        cx, cy, r = float(dot["cx"]), float(dot["cy"]), float(dot["r"])
        if not (r <= cx <= width - r and r <= cy <= height - r):
            out.append(f"dot {cx},{cy}")
    for label in drawing.find_all("text"):
        x, y, words = float(label["x"]), float(label["y"]), label.get_text()
        wide = len(words) * font * 0.62
        start = {"end": x - wide, "middle": x - wide / 2}.get(label.get("text-anchor", "start"), x)
        if not (start >= 0 and start + wide <= width and y - font * 0.75 >= 0 and y <= height):
            out.append(f"label {words!r} at {x},{y}")
    return out


def _end_labels(drawing: Tag) -> list[tuple[float, str]]:
    return sorted((float(t["y"]), t.get_text()) for t in drawing.find_all("text", class_="chart-end"))


def _ticks(drawing: Tag, anchor: str) -> list[str]:
    return [t.get_text() for t in drawing.find_all("text", class_="chart-tick") if t["text-anchor"] == anchor]


# -- counts as written ---------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (1234567, "1,234,567"),
        (35000.0, "35,000"),
        (2.5, "2.5"),
        (0.0000001, "0.0000001"),
        (0.000000000000001, "0.000000000000001"),
        (999999999999999, "999,999,999,999,999"),
        (12345678.1234567, "12,345,678.1234567"),
        (-20, "-20"),
        (-0.0, "0"),
    ],
)
def test_a_count_is_shown_exactly_as_written(value: float, shown: str) -> None:
    assert number(value) == shown


def test_tiny_counts_are_shown_as_written_on_the_page_and_in_the_chart(tmp_path: Path) -> None:
    """0.0000001 and 0.0000004 were "0" in the table, the label and every tick."""
    pages = _pages(_corpus(tmp_path, _revised("0.0000001", ("0.0000004", "2024-03-05"))))
    topic = pages["topics/ridge.md"]
    counts = [td.get_text() for td in BeautifulSoup(topic, "html.parser").find_all("td", class_="figure-count")]
    assert counts == ["0.0000001", "0.0000004"]
    assert "<strong>0.0000001</strong>" in pages["claims/alpha-two-hurt.md"]
    for drawing in _drawings(topic):
        assert _ticks(drawing, "end") == ["0", "0.0000001", "0.0000002", "0.0000003", "0.0000004"]
        assert [words for _, words in _end_labels(drawing)] == ["0.0000004"]
        assert _outside(drawing) == []


# -- every chart inside its box ------------------------------------------------


@pytest.fixture(scope="module")
def site() -> Site:
    return checked_model(MINI, MINI)


def _series(site: Site, counts: list[tuple[float, str]], giver: str = "alpha-government") -> FigureSeries:
    entry = site.claims["alpha-two-hurt"]
    points = [
        FigurePoint(value, datetime.date.fromisoformat(day), entry) for day, value in sorted((d, v) for v, d in counts)
    ]
    return FigureSeries(giver, None, "soldiers hurt", tuple(points))


BOXED = {
    "negative": [(-5, "2024-03-02"), (-20, "2024-03-05")],
    "negative and positive": [(-5, "2024-03-02"), (12, "2024-03-05"), (-0.5, "2024-03-09")],
    "all equal": [(7, "2024-03-02"), (7, "2024-03-05"), (7, "2024-04-01")],
    "all zero": [(0, "2024-03-02"), (0, "2024-03-05")],
    "tiny": [(0.000000000000001, "2024-03-02"), (0.000000000000004, "2024-03-05")],
    "tiny and negative": [(-0.000000000000001, "2024-03-02"), (0.000000000000003, "2024-03-05")],
    "largest": [(999999999999999, "2024-03-02"), (-999999999999999, "2024-03-05")],
    "fifteen digits": [(12345678.1234567, "2024-03-02"), (0.00000123456789012345, "2024-03-05")],
    "one day": [(3, "2024-03-02"), (4, "2024-03-02")],
    "a thousand years": [(1, "1000-01-01"), (2, "2100-12-31")],
}


@pytest.mark.parametrize("name", BOXED)
def test_a_chart_draws_every_count_inside_its_box(site: Site, name: str) -> None:
    """Negative counts (once at cy=4080 in a box 240 high, the axis 0 to 1), tiny ones, the
    largest a figure may be, counts all equal: every line, dot and label inside the box, and
    the axis from 0 or below the lowest count to 0 or above the highest."""
    series = _series(site, BOXED[name])
    for drawing in _drawings(charts.figure_charts(site, [series], paths.topic("ridge"))):
        assert _outside(drawing) == [], name
        ticks = [float(t.replace(",", "")) for t in _ticks(drawing, "end")]
        values = [p.value for p in series.points]
        assert ticks[0] <= min(0, *values) and max(0, *values) <= ticks[-1]
        assert 0 in ticks


def test_counts_dated_centuries_apart_get_ticks_at_round_years(site: Site) -> None:
    """Counts of 1000 and 2100: the years marked were 1001, 1107, 1181, …"""
    series = _series(site, BOXED["a thousand years"])
    for drawing in _drawings(charts.figure_charts(site, [series], paths.topic("ridge"))):
        years = [int(words) for words in _ticks(drawing, "middle")]
        assert len(years) >= 2
        step = years[1] - years[0]
        assert step in (100, 200, 250, 500) and all(y % step == 0 for y in years), years
        assert years == list(range(years[0], years[-1] + 1, step))


def test_months_and_days_are_marked_at_round_steps(site: Site) -> None:
    months = _series(site, [(1, "2023-02-15"), (2, "2024-11-20")])
    for drawing in _drawings(charts.figure_charts(site, [months], paths.topic("ridge"))):
        marked = [words.split()[0] for words in _ticks(drawing, "middle")]
        assert len(marked) >= 2
        assert {"Jan", "Apr", "Jul", "Oct"} >= set(marked) or {"Jan", "Jul"} >= set(marked), marked
        assert _outside(drawing) == []


# -- many givers, many counts of one day -----------------------------------------


def test_three_hundred_givers_latest_counts_never_overlap(tmp_path: Path) -> None:
    """300 givers: about ten latest counts were pushed onto the box's last line, over each
    other; and the note sent readers to "each question's page" for a claim with no question."""
    revisions = "".join(
        f'        - {{value: {i}, as_of: 2024-03-{3 + i % 20:02d}, by: giver-{i}, source: {{url: "https://example.org/{i}"}}}}\n'
        for i in range(300)
    )
    figure = "    figure:\n      value: 2\n      unit: soldiers hurt\n      as_of: 2024-03-02\n      revisions:\n"
    corpus = _corpus(tmp_path, figure + revisions)
    givers = "".join(
        f"  - id: giver-{i}\n    name: Giver {i}\n    kind: government\n    description: A giver.\n" for i in range(300)
    )
    with (corpus / "parties.yaml").open("a", encoding="utf-8") as registry:
        registry.write(givers)
    topic = _pages(corpus)["topics/ridge.md"]
    for drawing in _drawings(topic):  # 20 lines: their latest counts cannot all be a line apart, so none is labelled
        assert len(drawing.find_all("g", class_="chart-series")) == 20
        assert _outside(drawing) == [] and _end_labels(drawing) == []
    note = next(em.get_text() for em in BeautifulSoup(topic, "html.parser").find_all("em") if "series" in em.get_text())
    assert "20 of 301 series" in note
    assert "question" not in note and "every count is on its claim's page" in note


def test_latest_counts_of_close_lines_are_labelled_a_line_apart_inside_the_box(site: Site) -> None:
    givers = ["alpha", "beta", "alpha-government", "wire-one", "site-two"] * 2
    group = [_series(site, [(i, "2024-03-02"), (i + 1, "2024-03-09")], giver) for i, giver in enumerate(givers)]
    for drawing in _drawings(charts.figure_charts(site, group, paths.topic("ridge"))):
        labels = _end_labels(drawing)
        assert [words for _, words in labels] == [str(n) for n in range(10, 0, -1)]
        gaps = [b - a for (a, _), (b, _) in itertools.pairwise(labels)]
        assert min(gaps) >= float(drawing["font-size"]) * 1.15 - 0.1
        assert _outside(drawing) == []


def test_counts_of_one_day_are_not_labelled_as_one_latest_count(tmp_path: Path) -> None:
    """1,000 counts given on one day: the label "latest" was the largest of them (999)."""
    figure = _revised("2", *((str(i), "2024-03-05") for i in range(1000)))
    topic = _pages(_corpus(tmp_path, figure))["topics/ridge.md"]
    for drawing in _drawings(topic):
        assert _outside(drawing) == []
        assert [words for _, words in _end_labels(drawing)] == ["0 to 999"]
    two = _revised("2", ("4", "2024-03-05"), ("5", "2024-03-05"))
    for drawing in _drawings(_pages(_corpus(tmp_path / "two", two))["topics/ridge.md"]):
        assert [words for _, words in _end_labels(drawing)] == ["4 and 5"]


# -- one series per giver ------------------------------------------------------------


def test_an_unnamed_source_is_a_giver_only_within_its_document(tmp_path: Path) -> None:
    """An official in two documents: once joined into one line, "an official (unnamed)",
    2 then 5, as if one person had revised the count."""
    corpus = _corpus(tmp_path, FIGURE)
    document = corpus / "documents" / "ridge-clash.yaml"
    text = document.read_text(encoding="utf-8")
    claim = "  - id: alpha-two-hurt\n    claimant: alpha-government\n"
    document.write_text(text.replace(claim, "  - id: alpha-two-hurt\n    unnamed_source: an official\n"))
    (corpus / "documents" / "other.txt").write_text("An official said five soldiers were hurt.\n", encoding="utf-8")
    (corpus / "documents" / "other.yaml").write_text(
        "id: other\ntitle: Five hurt, an official says\ntopic: ridge\ntext: other.txt\nlanguage: en\n"
        "kind: news-article\nsummary: An official said five soldiers were hurt.\nevent_date: 2024-03-04\n"
        "outlet: site-two\nchain:\n  - outlet: site-two\n    role: original-reporting\n"
        "claims:\n  - id: official-five-hurt\n    unnamed_source: an official\n    claimant: alpha-government\n"
        "    kind: casualty-report\n    paraphrase: An official says five soldiers were hurt.\n"
        "    quote: five soldiers were hurt\n    status: unverified\n"
        "    figure: {value: 5, unit: soldiers hurt, as_of: 2024-03-04}\n",
        encoding="utf-8",
    )
    pages = _pages(corpus)
    topic = pages["topics/ridge.md"]
    for drawing in _drawings(topic):
        names = sorted(g.title.get_text() for g in drawing.find_all("g", class_="chart-series"))
        assert names == [
            "an official (unnamed, in “Alpha and Beta trade fire on North Ridge”)",
            "an official (unnamed, speaking for Government of Alpha, in “Five hurt, an official says”)",
        ]
        assert all(len(g.find_all("circle")) == 1 for g in drawing.find_all("g", class_="chart-series"))
    groups = [th.get_text() for th in BeautifulSoup(topic, "html.parser").select(".figure-table th[scope]")]
    assert groups == [
        "Given by an official (unnamed, in Alpha and Beta trade fire on North Ridge)",
        "Given by an official (unnamed, speaking for Government of Alpha, in Five hurt, an official says)",
    ]
    claim = BeautifulSoup(pages["claims/official-five-hurt.md"], "html.parser").get_text()
    assert "given by An official (for Government of Alpha)" in claim
