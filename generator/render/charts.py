"""Figures over time as charts drawn when the site is built: one small SVG chart per thing
counted, one step line per giver (two givers never share a line), each dated count a dot,
each line's latest count labelled where all fit a line apart; beneath it a table of every
count, for screen readers and for copying. Every count is shown as written and drawn inside
the box: the axis takes in negative counts and 0. Like a map, a chart is drawn for a wide and
a narrow box (its type stays at 12 px or more), and takes its colours from the stylesheet."""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup

from generator.model.entries import FigurePoint, FigureSeries
from generator.model.site import Site
from generator.render import markup as mk
from generator.render import paths
from generator.render.common import citations, document_link, entity_link, number

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
    """Who gave a series' counts, as plain text: a party's or outlet's name; an unnamed source,
    or no one, with the document that records the counts (``an official (unnamed, in “…”)``)."""
    if series.giver is not None:
        return site.entity_name(series.giver)
    where = f"in “{site.corpus.documents[series.document].meta.title}”" if series.document else ""
    if series.giver_words:
        speaks_for = f"speaking for {site.entity_name(series.speaks_for)}" if series.speaks_for else ""
        return f"{series.giver_words} ({', '.join(w for w in ('unnamed', speaks_for, where) if w)})"
    return f"not attributed ({where})" if where else "not attributed"


def _giver_html(site: Site, series: FigureSeries, here: str) -> Markup:
    """Who gave a series' counts, linked: the party or outlet, or the document that records them."""
    if series.giver is not None:
        return entity_link(site, series.giver, here)
    said: list[Markup] = []
    if series.giver_words:
        said.append(Markup("unnamed"))
        if series.speaks_for:
            said.append(mk.html("speaking for {}", entity_link(site, series.speaks_for, here)))
    if series.document:
        said.append(mk.html("in {}", document_link(site.corpus.documents[series.document], here)))
    words = mk.text(series.giver_words) if series.giver_words else Markup("not attributed")
    return mk.html("{} <small>({})</small>", words, mk.join(", ", said)) if said else words


FIGURES_SHOWN = 20  # series on a topic's or a question's page: those with the most counts first
FIGURE_POINTS_SHOWN = 6  # counts of one series in its table there: the first and the newest (the chart has all)


def capped_figures(site: Site, series: list[FigureSeries], here: str, elsewhere: str) -> Markup:
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
        drawn += mk.note(mk.text("; ".join(said).capitalize() + f"; {elsewhere}."))
    return drawn


def figure_charts(site: Site, series: Sequence[FigureSeries], here: str) -> Markup:
    """A chart and table for each thing counted, in the order of ``series`` (the first
    series of a thing counted places it)."""
    units: dict[str, list[FigureSeries]] = {}
    for one in series:
        units.setdefault(one.unit, []).append(one)
    return mk.join("", (_figure(site, unit, group, here) for unit, group in units.items()))


def _dated(one: FigureSeries) -> list[FigurePoint]:
    return [p for p in one.points if p.as_of is not None]


def _figure(site: Site, unit: str, group: list[FigureSeries], here: str) -> Markup:
    title = unit[:1].upper() + unit[1:]
    drawn = sum(len(_dated(one)) for one in group) >= 2
    chart = mk.join("", (_drawing(site, group, layout) for layout in (WIDE, MEDIUM, NARROW))) if drawn else Markup()
    key = Markup()
    if drawn:
        key = mk.join(
            "",
            (
                mk.html(
                    '<li><svg class="chart-swatch" viewBox="0 0 24 10" aria-hidden="true" focusable="false"><path '
                    'class="chart-line chart-line-{}" d="M1 5H23"/></svg>{}</li>',
                    i % LINES,
                    mk.text(giver_name(site, one)),
                )
                for i, one in enumerate(group)
                if _dated(one)
            ),
        )
        key = mk.html('<ul class="chart-key" aria-hidden="true">{}</ul>', key)
        if any(p.as_of is None for one in group for p in one.points):
            chart_note = Markup('<p class="chart-note">Undated counts are in the table, not on the chart.</p>')
            key += chart_note
    return mk.html(
        '<figure class="figure-chart"><figcaption>{}, by who gave each count</figcaption>{}{}{}</figure>',
        mk.text(title),
        key,
        chart,
        _table(site, group, here),
    )


def _table(site: Site, group: list[FigureSeries], here: str) -> Markup:
    """Every count, grouped by who gave it, oldest first: the chart's data, to read and copy."""
    rows = []
    for one in group:
        giver = _giver_html(site, one, here)
        points = one.points
        if len(points) > FIGURE_POINTS_SHOWN:
            points = (points[0], *points[-(FIGURE_POINTS_SHOWN - 1) :])
        for index, point in enumerate(points):
            when = mk.date_text(point.as_of) if point.as_of else "undated"
            if point.revision is None:
                source = mk.link("the claim", here, paths.claim(point.claim.id))
            else:
                note = mk.html("{}; ", mk.text(point.revision.note.rstrip("."))) if point.revision.note else Markup()
                source = note + citations(site, [point.revision.source], here)
            if index == 0:
                rows.append(mk.html('<tr><th colspan="3" scope="colgroup">Given by {}</th></tr>', giver))
            rows.append(
                mk.html(
                    '<tr><td class="figure-count">{}</td><td>{}</td><td>{}</td></tr>', number(point.value), when, source
                )
            )
    head = Markup("<thead><tr><th>Count</th><th>As of</th><th>Source</th></tr></thead>")
    return mk.html('<div class="figure-table"><table>{}<tbody>{}</tbody></table></div>', head, mk.join("", rows))


_STEPS = tuple(Decimal(factor) for factor in ("1", "2", "2.5", "5", "10", "20", "25", "50"))


def _axis(lowest: float, highest: float) -> list[Decimal]:
    """Round ticks, at most four steps, from 0 (or below the lowest count) to 0 (or above the
    highest): 0, 200,000 … 800,000 for 636,600; -20, -10, 0 for -5 and -20; 0, 0.0000001 …
    0.0000004 for 0.0000004. Worked out in decimals, so that a tick is a round number however
    small or large."""
    low, high = min(Decimal(repr(lowest)), Decimal(0)), max(Decimal(repr(highest)), Decimal(0))
    if low == high:  # every count is 0
        return [Decimal(0), Decimal(1)]
    unit = Decimal(1).scaleb(((high - low) / 4).adjusted())  # the power of ten below a quarter of the span
    for factor in _STEPS:
        step = unit * factor
        below, above = math.floor(low / step), math.ceil(high / step)
        if above - below <= 4:
            break
    return [step * i for i in range(below, above + 1)]


_YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
_MONTH_STEPS = (1, 2, 3, 6, 12)
_DAY_STEPS = (1, 2, 7, 14, 28)


def _date_ticks(first: int, last: int) -> list[list[tuple[int, str]]]:
    """Dates to mark on the time axis (ordinals and their words), at round steps, from the
    densest to the sparsest: every year, 2, 5, 10 … years (at years divisible by the step);
    every month, 2, 3, 6 or 12 months (from January); every day, 2 days, a week … (from the
    first day). The drawing takes the densest whose words fit."""
    start, end = datetime.date.fromordinal(first), datetime.date.fromordinal(last)
    span = last - first
    if span > 3 * 365:
        years = range(start.year + 1, end.year + 1)
        return [[(datetime.date(y, 1, 1).toordinal(), str(y)) for y in years if y % step == 0] for step in _YEAR_STEPS]
    if span > 75:
        months = []
        y, m = start.year, start.month
        while True:
            m, y = (1, y + 1) if m == 12 else (m + 1, y)
            day = datetime.date(y, m, 1)
            if day > end:
                break
            months.append(day)
        return [
            [(d.toordinal(), d.strftime("%b %Y")) for d in months if (d.month - 1) % step == 0] for step in _MONTH_STEPS
        ]
    ticks = []
    for step in _DAY_STEPS:
        days = [datetime.date.fromordinal(d) for d in range(first, last + 1, step)]
        ticks.append(
            [
                (d.toordinal(), f"{d.day} {d.strftime('%b')}" + (f" {d.year}" if i == 0 else ""))
                for i, d in enumerate(days)
            ]
        )
    return ticks


def _width(words: str, font: float) -> float:
    """The width of a label, roughly (digits are some 0.6 of the type's size)."""
    return len(words) * font * 0.62


def _latest(points: list[FigurePoint]) -> str:
    """The label of a series' latest count; where its latest day has several, all of them:
    ``4 and 5``, ``2 to 999`` (which came last that day is not known)."""
    day = points[-1].as_of
    counts = sorted({p.value for p in points if p.as_of == day})
    if len(counts) == 1:
        return number(counts[0])
    return f"{number(counts[0])} {'and' if len(counts) == 2 else 'to'} {number(counts[-1])}"


def _stacked(wanted: list[float], gap: float, low: float, high: float) -> list[float] | None:
    """Baselines as near ``wanted`` (in order) as they can be, each at least ``gap`` below the one
    above, all from ``low`` to ``high``; None when they cannot all be placed so."""
    if (len(wanted) - 1) * gap > high - low:
        return None
    placed: list[float] = []
    for baseline in wanted:
        placed.append(max(baseline, low, placed[-1] + gap if placed else low))
    limit = high
    for i in range(len(placed) - 1, -1, -1):  # those pushed past the bottom move up
        placed[i] = min(placed[i], limit)
        limit = placed[i] - gap
    return placed


def _drawing(site: Site, group: list[FigureSeries], layout: ChartLayout) -> Markup:
    font = layout.font
    lines = [(i, one, _dated(one)) for i, one in enumerate(group) if _dated(one)]
    days = [p.as_of.toordinal() for _, _, points in lines for p in points]
    first, last = min(days), max(days)
    if first == last:
        first, last = first - 7, last + 7
    values = [p.value for _, _, points in lines for p in points]
    ticks = _axis(min(values), max(values))
    bottom, top = float(ticks[0]), float(ticks[-1])
    left = max(_width(number(t), font) for t in ticks) + 10
    latest = [_latest(points) for _, _, points in lines]
    right = max(_width(words, font) for words in latest) + 14
    labelled = right <= (layout.width - left) / 2  # else the latest counts would squeeze the chart: the table has them
    if not labelled:
        right = 10
    plot_top, plot_bottom = font, layout.height - font * 2.2
    plot_right = layout.width - right

    def x(day: int) -> float:
        return left + (day - first) / (last - first) * (plot_right - left)

    def y(value: float) -> float:
        return plot_bottom - (value - bottom) / (top - bottom) * (plot_bottom - plot_top)

    body: list[Markup] = []
    for tick in ticks:
        body.append(mk.html('<path class="chart-grid" d="M{:.1f} {:.1f}H{:.1f}"/>', left, y(float(tick)), plot_right))
        body.append(
            mk.html(
                '<text class="chart-tick" x="{:.1f}" y="{:.1f}" text-anchor="end">{}</text>',
                left - 6,
                y(float(tick)) + font * 0.35,
                number(tick),
            )
        )
    body.extend(_time_axis(first, last, x, left, plot_bottom, layout))
    ends: list[tuple[float, float, str, str]] = []
    for (index, one, points), words in zip(lines, latest, strict=True):
        style = f"chart-line-{index % LINES}"
        steps = [f"M{x(points[0].as_of.toordinal()):.1f} {y(points[0].value):.1f}"]
        for point in points[1:]:
            steps.append(f"H{x(point.as_of.toordinal()):.1f}V{y(point.value):.1f}")
        name = mk.text(giver_name(site, one))
        body.append(
            mk.html(
                '<g class="chart-series"><title>{}</title><path class="chart-line {}" d="{}"/>',
                name,
                style,
                "".join(steps),  # an SVG path: numbers and letters
            )
        )
        for point in points if len(points) <= DOTS else points[-1:]:  # a long series: its line, and its latest dot
            body.append(
                mk.html(
                    '<circle class="chart-dot {}" cx="{:.1f}" cy="{:.1f}" r="3.2"/>',
                    style,
                    x(point.as_of.toordinal()),
                    y(point.value),
                )
            )
        body.append(Markup("</g>"))
        ends.append((y(points[-1].value) + font * 0.35, x(points[-1].as_of.toordinal()), words, style))
    ends.sort()
    # The latest counts a line apart, beside the chart above the dates; none where they cannot all be.
    baselines = _stacked([end[0] for end in ends], font * 1.15, font, plot_bottom + font * 0.35) if labelled else None
    for baseline, (_, at, words, style) in zip(baselines or [], ends, strict=False):
        body.append(
            mk.html('<text class="chart-end {}" x="{:.1f}" y="{:.1f}">{}</text>', style, at + 7, baseline, words)
        )
    return mk.html(
        '<div class="drawing-layout drawing-layout--{}"><svg class="chart-drawing" viewBox="0 0 {} {}" '
        'aria-hidden="true" focusable="false" font-size="{}">{}</svg></div>',
        layout.name,
        layout.width,
        layout.height,
        font,
        mk.join("", body),
    )


def _time_axis(
    first: int, last: int, x: Callable[[int], float], left: float, plot_bottom: float, layout: ChartLayout
) -> list[Markup]:
    """The dates under the chart: the densest round steps of at least two dates whose words do
    not overlap (a word at an edge moved in, not cut); else the sparsest."""
    candidates = _date_ticks(first, last)
    for ticks in candidates:
        marks = _date_marks(ticks, x, left, plot_bottom, layout)
        if marks is not None and len(ticks) >= 2:
            return marks
    return _date_marks(candidates[-1][:1], x, left, plot_bottom, layout) or []


def _date_marks(
    ticks: list[tuple[int, str]], x: Callable[[int], float], left: float, plot_bottom: float, layout: ChartLayout
) -> list[Markup] | None:
    """A mark and words under the chart for each date, or None when two would overlap."""
    font = layout.font
    marks: list[Markup] = []
    taken: list[tuple[float, float]] = []
    for day, words in ticks:
        mark = x(day)
        half = _width(words, font) / 2
        at = min(max(mark, left + half), layout.width - half - 2)
        if any(a - 4 < at + half and at - half < b + 4 for a, b in taken):
            return None
        taken.append((at - half, at + half))
        marks.append(mk.html('<path class="chart-grid" d="M{:.1f} {:.1f}v4"/>', mark, plot_bottom))
        marks.append(
            mk.html(
                '<text class="chart-tick" x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>',
                at,
                plot_bottom + font * 1.3,
                mk.text(words),
            )
        )
    return marks
