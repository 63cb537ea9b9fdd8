"""Figures over time as charts drawn when the site is built: one small SVG chart per thing
counted, one step line per giver (two givers never share a line), each dated count a dot,
each line's latest count labelled; beneath it a table of every count, for screen readers and
for copying. Like a map, a chart is drawn for a wide and a narrow box (its type stays at
12 px or more), and takes its colours from the stylesheet."""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass

from generator.entries import FigurePoint, FigureSeries
from generator.model import Site
from generator.render import markup as mk
from generator.render import paths
from generator.render.common import citations, entity_link, number

DOTS = 12  # counts of a series drawn each as a dot; a longer series is its line
LINES = 6  # colours and dash patterns of the stylesheet (.chart-line-0 … -5); more givers reuse them


@dataclass(frozen=True)
class ChartLayout:
    name: str
    width: int
    height: int
    font: float


WIDE = ChartLayout("wide", 640, 240, 14.5)  # the same three widths of box as a map's (cartography.LAYOUTS)
MEDIUM = ChartLayout("medium", 480, 230, 15.2)
NARROW = ChartLayout("narrow", 320, 220, 13.8)


def giver_name(site: Site, series: FigureSeries) -> str:
    if series.giver is not None:
        return site.entity_name(series.giver)
    return f"{series.giver_words} (unnamed)" if series.giver_words else "not attributed"


FIGURES_SHOWN = 20  # series on a topic's or a question's page: those with the most counts first
FIGURE_POINTS_SHOWN = 6  # counts of one series in its table there: the first and the newest (the chart has all)


def capped_figures(site: Site, series: list[FigureSeries], here: str, elsewhere: str) -> str:
    """Charts of at most ``FIGURES_SHOWN`` series, those with the most counts first, then the
    others in their order, their tables of at most ``FIGURE_POINTS_SHOWN`` counts each; a note
    says what is left out and where it is (``elsewhere``)."""
    revised = sorted((s for s in series if len(s.points) > 1), key=lambda s: -len(s.points))
    others = [s for s in series if len(s.points) == 1]
    shown = [*revised, *others][:FIGURES_SHOWN]
    drawn = figure_charts(site, shown, here)
    said = []
    if len(series) > len(shown):
        said.append(f"{len(shown)} of {len(series)} series, those with the most counts first")
    if any(len(s.points) > FIGURE_POINTS_SHOWN for s in shown):
        said.append("a long series' table shows its first and newest counts, its chart all of them")
    if said:
        drawn += mk.note("; ".join(said).capitalize() + f"; {elsewhere}.")
    return drawn


def figure_charts(site: Site, series: Sequence[FigureSeries], here: str) -> str:
    """A chart and table for each thing counted, in the order of ``series`` (the first
    series of a thing counted places it)."""
    units: dict[str, list[FigureSeries]] = {}
    for one in series:
        units.setdefault(one.unit, []).append(one)
    return "".join(_figure(site, unit, group, here) for unit, group in units.items())


def _dated(one: FigureSeries) -> list[FigurePoint]:
    return [p for p in one.points if p.as_of is not None]


def _figure(site: Site, unit: str, group: list[FigureSeries], here: str) -> str:
    title = unit[:1].upper() + unit[1:]
    drawn = sum(len(_dated(one)) for one in group) >= 2
    chart = "".join(_drawing(site, group, layout) for layout in (WIDE, MEDIUM, NARROW)) if drawn else ""
    key = ""
    if drawn:
        key = "".join(
            f'<li><svg class="chart-swatch" viewBox="0 0 24 10" aria-hidden="true" focusable="false">'
            f'<path class="chart-line chart-line-{i % LINES}" d="M1 5H23"/></svg>{mk.text(giver_name(site, one))}</li>'
            for i, one in enumerate(group)
            if _dated(one)
        )
        key = f'<ul class="chart-key" aria-hidden="true">{key}</ul>'
        if any(p.as_of is None for one in group for p in one.points):
            chart_note = '<p class="chart-note">Undated counts are in the table, not on the chart.</p>'
            key += chart_note
    return (
        f'<figure class="figure-chart"><figcaption>{mk.text(title)}, by who gave each count</figcaption>'
        f"{key}{chart}{_table(site, group, here)}</figure>"
    )


def _table(site: Site, group: list[FigureSeries], here: str) -> str:
    """Every count, grouped by who gave it, oldest first: the chart's data, to read and copy."""
    rows = []
    for one in group:
        giver = entity_link(site, one.giver, here) if one.giver is not None else mk.text(giver_name(site, one))
        points = one.points
        if len(points) > FIGURE_POINTS_SHOWN:
            points = (points[0], *points[-(FIGURE_POINTS_SHOWN - 1) :])
        for index, point in enumerate(points):
            when = mk.date_text(point.as_of) if point.as_of else "undated"
            if point.revision is None:
                source = mk.link("the claim", here, paths.claim(point.claim.id))
            else:
                note = f"{mk.text(point.revision.note.rstrip('.'))}; " if point.revision.note else ""
                source = note + citations(site, [point.revision.source], here)
            if index == 0:
                rows.append(f'<tr><th colspan="3" scope="colgroup">Given by {giver}</th></tr>')
            rows.append(f'<tr><td class="figure-count">{number(point.value)}</td><td>{when}</td><td>{source}</td></tr>')
    head = "<thead><tr><th>Count</th><th>As of</th><th>Source</th></tr></thead>"
    return f'<div class="figure-table"><table>{head}<tbody>{"".join(rows)}</tbody></table></div>'


def _nice(top: float) -> tuple[float, list[float]]:
    """A round top for the axis and its ticks: 0, 200,000, 400,000, 600,000 for 636,600."""
    if top <= 0:
        return 1.0, [0.0, 1.0]
    step = 10 ** math.floor(math.log10(top / 4))
    for factor in (1, 2, 2.5, 5, 10):
        if top / (step * factor) <= 4:
            step *= factor
            break
    count = math.ceil(top / step)
    return step * count, [step * i for i in range(count + 1)]


def _date_ticks(first: int, last: int) -> list[tuple[int, str]]:
    """Dates to mark on the time axis (ordinals and their words): years, months or days."""
    start, end = datetime.date.fromordinal(first), datetime.date.fromordinal(last)
    span = last - first
    if span > 3 * 365:
        return [(datetime.date(y, 1, 1).toordinal(), str(y)) for y in range(start.year + 1, end.year + 1)]
    if span > 75:
        months = []
        y, m = start.year, start.month
        while True:
            m, y = (1, y + 1) if m == 12 else (m + 1, y)
            day = datetime.date(y, m, 1)
            if day > end:
                break
            months.append((day.toordinal(), day.strftime("%b %Y")))
        every = max(1, math.ceil(len(months) / 5))
        return months[::every]
    every = max(1, math.ceil(span / 5))
    days = [datetime.date.fromordinal(d) for d in range(first, last + 1, every)]
    return [
        (d.toordinal(), f"{d.day} {d.strftime('%b')}" + (f" {d.year}" if i == 0 else "")) for i, d in enumerate(days)
    ]


def _drawing(site: Site, group: list[FigureSeries], layout: ChartLayout) -> str:
    font = layout.font
    lines = [(i, one, _dated(one)) for i, one in enumerate(group) if _dated(one)]
    days = [p.as_of.toordinal() for _, _, points in lines for p in points]
    first, last = min(days), max(days)
    if first == last:
        first, last = first - 7, last + 7
    top, ticks = _nice(max(p.value for _, _, points in lines for p in points))
    left = max(len(number(t)) for t in ticks) * font * 0.62 + 10
    right = max(len(number(points[-1].value)) for _, _, points in lines) * font * 0.62 + 14
    plot_top, plot_bottom = font, layout.height - font * 2.2
    plot_right = layout.width - right

    def x(day: int) -> float:
        return left + (day - first) / (last - first) * (plot_right - left)

    def y(value: float) -> float:
        return plot_bottom - value / top * (plot_bottom - plot_top)

    body = []
    for tick in ticks:
        body.append(f'<path class="chart-grid" d="M{left:.1f} {y(tick):.1f}H{plot_right:.1f}"/>')
        body.append(
            f'<text class="chart-tick" x="{left - 6:.1f}" y="{y(tick) + font * 0.35:.1f}" '
            f'text-anchor="end">{number(tick)}</text>'
        )
    taken: list[tuple[float, float]] = []
    for day, words in _date_ticks(first, last):
        mark = x(day)
        half = len(words) * font * 0.31
        at = min(max(mark, left + half), layout.width - half - 2)  # a label at an edge moved in, not cut
        if any(a - 4 < at + half and at - half < b + 4 for a, b in taken):
            continue
        taken.append((at - half, at + half))
        body.append(f'<path class="chart-grid" d="M{mark:.1f} {plot_bottom:.1f}v4"/>')
        body.append(
            f'<text class="chart-tick" x="{at:.1f}" y="{plot_bottom + font * 1.3:.1f}" '
            f'text-anchor="middle">{mk.text(words)}</text>'
        )
    ends: list[tuple[float, float, str, str]] = []
    for index, one, points in lines:
        style = f"chart-line-{index % LINES}"
        steps = [f"M{x(points[0].as_of.toordinal()):.1f} {y(points[0].value):.1f}"]
        for point in points[1:]:
            steps.append(f"H{x(point.as_of.toordinal()):.1f}V{y(point.value):.1f}")
        name = mk.text(giver_name(site, one))
        body.append(
            f'<g class="chart-series"><title>{name}</title><path class="chart-line {style}" d="{"".join(steps)}"/>'
        )
        for point in points if len(points) <= DOTS else points[-1:]:  # a long series: its line, and its latest dot
            body.append(
                f'<circle class="chart-dot {style}" cx="{x(point.as_of.toordinal()):.1f}" '
                f'cy="{y(point.value):.1f}" r="3.2"/>'
            )
        body.append("</g>")
        ends.append(
            (y(points[-1].value) + font * 0.35, x(points[-1].as_of.toordinal()), number(points[-1].value), style)
        )
    ends.sort()
    below = -math.inf
    for baseline, at, words, style in ends:  # latest counts never overlap: each a line below the one above
        baseline = below = max(baseline, below + font * 1.15)
        body.append(
            f'<text class="chart-end {style}" x="{at + 7:.1f}" '
            f'y="{min(baseline, layout.height - 2):.1f}">{words}</text>'
        )
    return (
        f'<div class="drawing-layout drawing-layout--{layout.name}">'
        f'<svg class="chart-drawing" viewBox="0 0 {layout.width} '
        f'{layout.height}" aria-hidden="true" focusable="false" font-size="{font}">{"".join(body)}</svg></div>'
    )
