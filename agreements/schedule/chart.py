"""The implementation timeline as a chart: one lane per track, milestones at their day, action-for-action arrows.

Every word on the chart is in the timeline's language (the language file's `timeline_…` phrases and `lanes`
terms), in that language's chart fonts (agreements/schedule/chart_text.py). Labels wrap and are never cut:
the chart grows to hold them. matplotlib is imported inside the functions, so importing this module stays
cheap. The same timeline gives the same bytes: matplotlib's defaults, no dates or versions in the files.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from agreements.schedule.chart_text import chart_fonts, fitted, text_points, wrap
from agreements.schedule.timeline import Entry, Timeline
from clauses.errors import OutputError
from clauses.languages import Language, language

LANE_COLOURS = {  # Okabe-Ito, distinguishable with colour blindness
    "denuclearization": "#D55E00",
    "peace_regime": "#0072B2",
    "military": "#009E73",
    "un_command": "#56B4E9",
    "border": "#E69F00",
    "relations": "#CC79A7",
}
ACTION_COLOUR, REQUIRES_COLOUR, INK = "#1A1A1A", "#8A8A8A", "#222222"
WIDTH, LEFT, RIGHT = 11.0, 1.55, 0.3  # inches
TITLE_TOP, TITLE_LINE, HEAD_BELOW = 0.16, 0.21, 0.34  # inches: the title's lines, then the subtitle and legend
YEARS_TOP, BOTTOM, NOTE_LINE = 0.22, 0.62, 0.17  # inches: YEARS_TOP more when a years axis is drawn
YEARS_FROM = 365  # days: the axis spanning a year or more gets a years scale along the top
ROW = 0.23  # inches per row of milestones
LABEL_LINE, LINE_SPACING = 0.125, 1.4  # inches per line of a milestone's label, and its spacing
LANE_PAD = 0.45  # rows of space above and below a lane's milestones
DPI = 150
MAX_HEIGHT = 400  # inches: 60,000 pixels, within what the Agg renderer can draw
LABEL_SIZE, LABEL_POINTS = 6.5, 320.0  # a milestone's label wraps at this width
TITLE_SIZE, LANE_SIZE, NOTE_SIZE = 11.0, 8.5, 7.0
GAP_PT = 5.0  # points between a milestone and its label
RC = {
    "svg.hashsalt": "peacedraft-timeline",
    "svg.fonttype": "path",
    "axes.unicode_minus": False,
}


@dataclass(frozen=True)
class Chart:
    """What the chart is drawn with: the timeline, its language and that language's fonts."""

    timeline: Timeline
    words: Language
    fonts: tuple[str, ...]

    def text(self, text: str) -> str:
        """Return a text as the chart's fonts can draw it."""
        return fitted(text, self.fonts)

    def lines(self, text: str, points: float, size: float, weight: str = "normal") -> list[str]:
        """Return a text drawable in the chart's fonts, wrapped at a width in points."""
        return wrap(self.text(text), points, self.fonts, size, weight)

    def lane(self, lane: str) -> str:
        """Return a lane's name in the chart's language."""
        return self.words.terms.get("lanes", {}).get(lane) or lane.replace("_", " ")

    @property
    def inner_points(self) -> float:
        """Return the width of the plotting area in points."""
        return (WIDTH - LEFT - RIGHT) * 72


@dataclass(frozen=True)
class Milestone:
    """Where one milestone is drawn: its row, the start of its window, its label's lines and where they are anchored."""

    entry: Entry
    y: float
    start: int
    lines: tuple[str, ...]
    anchor: float

    @property
    def left(self) -> bool:
        """Return whether the label is anchored by its right end (it sits left of the milestone)."""
        return self.anchor < self.entry.day


@dataclass(frozen=True)
class Span:
    """What a milestone covers on its rows (from, to, in days), how many rows, and how its label is set."""

    low: float
    high: float
    slots: int
    entry: Entry
    start: int
    lines: tuple[str, ...]
    anchor: float


def chart_png(timeline: Timeline) -> bytes:
    """Return the timeline chart as PNG bytes (the same bytes for the same timeline)."""
    return _render(timeline, "png", {"Software": None})


def chart_svg(timeline: Timeline) -> bytes:
    """Return the timeline chart as SVG bytes (the same bytes for the same timeline)."""
    return _render(timeline, "svg", {"Date": None, "Creator": None})


def _render(timeline: Timeline, image_format: str, metadata: dict) -> bytes:
    """Return the chart drawn with matplotlib's defaults in its language's fonts, saved in one format."""
    import matplotlib

    fonts = chart_fonts(language(timeline.lang))
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        matplotlib.rcParams.update({**RC, "font.family": list(fonts)})
        figure = _figure(timeline)
        buffer = io.BytesIO()
        figure.savefig(buffer, format=image_format, dpi=DPI, metadata=metadata)
    return buffer.getvalue()


def _figure(timeline: Timeline):
    """Return the matplotlib Figure of the timeline, its words in the timeline's language and fonts."""
    from matplotlib.figure import Figure

    words = language(timeline.lang)
    chart = Chart(timeline, words, chart_fonts(words))
    lanes = [lane for lane in timeline.lanes if any(entry.track == lane for entry in timeline.scheduled)]
    title = chart.lines(chart.words.phrase("timeline_title", title=timeline.title), chart.inner_points, TITLE_SIZE,
                        "bold")
    head = TITLE_TOP + TITLE_LINE * len(title) + HEAD_BELOW
    note = _note_lines(chart)
    if not lanes:
        height = head + 0.45 + NOTE_LINE * len(note)
        figure = Figure(figsize=(WIDTH, height), dpi=DPI)
        _title(figure, chart, title)
        figure.text(LEFT / WIDTH, (0.3 + NOTE_LINE * len(note)) / height,
                    chart.text(chart.words.phrase("timeline_nothing")), fontsize=9, color=INK, parse_math=False)
        _note(figure, note, height)
        return figure
    span = _span(timeline)
    days_per_point = (span[1] - span[0]) / chart.inner_points
    placed, bands = _place(chart, lanes, days_per_point, span)
    rows = bands[-1][2]
    height = head + YEARS_TOP * (span[1] >= YEARS_FROM) + rows * ROW + BOTTOM + NOTE_LINE * len(note)
    if height > MAX_HEIGHT:
        raise OutputError(f"the timeline needs {rows:.0f} rows, too many to chart (at most {MAX_HEIGHT} inches tall)",
                          "PD-E046")
    figure = Figure(figsize=(WIDTH, height), dpi=DPI)
    axes = figure.add_axes((LEFT / WIDTH, (BOTTOM + NOTE_LINE * len(note)) / height,
                            (WIDTH - LEFT - RIGHT) / WIDTH, rows * ROW / height))
    _axes(axes, chart, span, rows)
    _lanes(axes, chart, bands)
    _links(axes, timeline, placed, days_per_point)
    _milestones(axes, placed, {lane: _shade(index) for index, (lane, _, _) in enumerate(bands)})
    _title(figure, chart, title)
    _legend(figure, chart, head)
    _note(figure, note, height)
    return figure


def _span(timeline: Timeline) -> tuple[float, float]:
    """Return the days the x axis covers: a little before entry into force to a little after the last day."""
    last = max(max(entry.day for entry in timeline.scheduled), 30)
    return -0.045 * last, 1.03 * last


def _label_lines(chart: Chart, entry: Entry) -> tuple[str, ...]:
    """Return a milestone's label on the chart, with its day, wrapped."""
    text = chart.words.phrase("timeline_item", label=entry.label, day=entry.day)
    return tuple(chart.lines(text, LABEL_POINTS, LABEL_SIZE))


def _place(chart: Chart, lanes: list[str], days_per_point: float, span: tuple[float, float]):
    """Return the placed milestones by key and each lane's band (lane, first row, end row), packed without overlap."""
    days = {entry.key: entry.day for entry in chart.timeline.entries}
    placed: dict[str, Milestone] = {}
    bands = []
    top = 0.0
    for lane in lanes:
        spans = [_extent(chart, entry, days, days_per_point, span)
                 for entry in chart.timeline.scheduled if entry.track == lane]
        rows = _pack(sorted(spans, key=lambda item: (item.low, item.entry.day, item.entry.key)))
        for item, row in rows:
            y = top + LANE_PAD + row + item.slots / 2
            placed[item.entry.key] = Milestone(item.entry, y, item.start, item.lines, item.anchor)
        bottom = top + 2 * LANE_PAD + max(row + item.slots for item, row in rows)
        bands.append((lane, top, bottom))
        top = bottom
    return placed, bands


def _extent(chart: Chart, entry: Entry, days: dict, days_per_point: float, span: tuple[float, float]) -> Span:
    """Return what a milestone covers: its window, its label's lines and where they are anchored.

    The label sits right of the due day; where it would run past the end of the axis, left of the window,
    or left of the due day when the window leaves no room.
    """
    after = f"{entry.after}@{entry.option}" if f"{entry.after}@{entry.option}" in days else entry.after
    start = days.get(after, 0) if entry.after else entry.day
    start = entry.day if start is None or start > entry.day else start
    lines = _label_lines(chart, entry)
    gap = GAP_PT * days_per_point
    width = max(text_points(line, chart.fonts, LABEL_SIZE) for line in lines) * days_per_point + gap
    if entry.day + width <= span[1]:
        low, high, anchor = start, entry.day + width, entry.day + gap
    else:
        anchor = start if start - width >= span[0] else entry.day
        low, high, anchor = min(start, anchor - width), entry.day, anchor - gap
    margin = 6 * days_per_point
    slots = max(1, math.ceil((len(lines) * LABEL_LINE + 0.05) / ROW))
    return Span(low - margin, high + margin, slots, entry, start, lines, anchor)


def _pack(spans: list[Span]) -> list[tuple[Span, int]]:
    """Return each span with the first row from which its rows overlap nothing (spans sorted by where they begin)."""
    ends: list[float] = []
    result = []
    for span in spans:
        row = 0
        while any(end > span.low for end in ends[row : row + span.slots]):
            row += 1
        ends += [-math.inf] * (row + span.slots - len(ends))
        ends[row : row + span.slots] = [span.high] * span.slots
        result.append((span, row))
    return result


def _axes(axes, chart: Chart, span: tuple[float, float], rows: float) -> None:
    """Set the axes: days along the bottom, years along the top (a year or more), rows downwards, one spine."""
    from matplotlib.ticker import MaxNLocator

    axes.set_xlim(*span)
    axes.set_ylim(rows, 0)
    axes.set_yticks([])
    axes.xaxis.set_major_locator(MaxNLocator(nbins=12, steps=[1, 2, 3, 5, 10], integer=True))
    axes.set_xlabel(chart.text(chart.words.phrase("timeline_days")), fontsize=8, color=INK)
    axes.tick_params(axis="x", labelsize=7, colors=INK, length=3)
    axes.grid(axis="x", color="#DDDDDD", linewidth=0.6, zorder=0)
    axes.set_axisbelow(True)
    for side in ("left", "right", "top"):
        axes.spines[side].set_visible(False)
    if span[1] < YEARS_FROM:
        return
    years = axes.secondary_xaxis("top", functions=(lambda day: day / 365.25, lambda year: year * 365.25))
    years.xaxis.set_major_locator(MaxNLocator(nbins=12, steps=[1, 2, 5, 10], integer=True))
    years.tick_params(labelsize=7, colors="#666666", length=2)
    years.set_xlabel(chart.text(chart.words.phrase("timeline_years")), fontsize=7, color="#666666", labelpad=2)
    years.spines["top"].set_visible(False)


def _shade(index: int) -> str:
    """Return the background of the lane at an index: every other lane is shaded."""
    return "#F4F4F4" if index % 2 == 0 else "#FFFFFF"


def _lanes(axes, chart: Chart, bands: list) -> None:
    """Shade every other lane, rule them off and name them on the left."""
    for index, (lane, top, bottom) in enumerate(bands):
        axes.axhspan(top, bottom, color=_shade(index), zorder=0, linewidth=0)
        if index:
            axes.axhline(top, color="#CCCCCC", linewidth=0.6, zorder=0.5)
        name = "\n".join(chart.lines(chart.lane(lane), (LEFT - 0.15) * 72, LANE_SIZE, "bold"))
        label = axes.text(-0.012, (top + bottom) / 2, name, ha="right", va="center", multialignment="right",
                          fontsize=LANE_SIZE, fontweight="bold", color=INK, transform=axes.get_yaxis_transform(),
                          linespacing=LINE_SPACING, parse_math=False)
        label.set_gid(f"lane-{lane}")
        axes.plot([-0.006, -0.006], [top + 0.25, bottom - 0.25], transform=axes.get_yaxis_transform(),
                  color=LANE_COLOURS.get(lane, INK), linewidth=3, solid_capstyle="butt", clip_on=False)


def _milestones(axes, placed: dict[str, Milestone], shades: dict[str, str]) -> None:
    """Draw each item's window as a bar and its day as a diamond, labelled beside it."""
    for item in placed.values():
        colour = LANE_COLOURS.get(item.entry.track, INK)
        day = item.entry.day
        if item.start < day:
            axes.barh(item.y, day - item.start, left=item.start, height=0.34, color=colour, alpha=0.28,
                      linewidth=0, zorder=1)
        axes.plot([day], [item.y], marker="D", markersize=5, color=colour, markeredgecolor="white",
                  markeredgewidth=0.6, zorder=4, linestyle="none", gid=f"item-{item.entry.key}")
        side = "right" if item.left else "left"
        axes.text(item.anchor, item.y, "\n".join(item.lines), ha=side, multialignment=side, va="center",
                  fontsize=LABEL_SIZE, color=INK, zorder=5, linespacing=LINE_SPACING, parse_math=False,
                  bbox={"boxstyle": "square,pad=0.08", "facecolor": shades[item.entry.track], "edgecolor": "none",
                        "alpha": 0.85})


def _links(axes, timeline: Timeline, placed: dict[str, Milestone], days_per_point: float) -> None:
    """Draw action-for-action links as solid arrows and preconditions as dashed ones, between drawn items."""
    from matplotlib.patches import FancyArrowPatch

    actions = {(link.source, link.target) for link in timeline.links if link.kind == "action_for_action"}
    for link in timeline.links:
        if link.source not in placed or link.target not in placed:
            continue
        if link.kind == "requires" and (link.source, link.target) in actions:
            continue
        source, target = placed[link.source], placed[link.target]
        action = link.kind == "action_for_action"
        arrow = FancyArrowPatch(
            (source.entry.day, source.y), (target.entry.day, target.y),
            arrowstyle="-|>", mutation_scale=7 if action else 5, shrinkA=3.5, shrinkB=3.5,
            connectionstyle=f"arc3,rad={_bend(source, target, days_per_point)}",
            color=ACTION_COLOUR if action else REQUIRES_COLOUR,
            linewidth=1.1 if action else 0.6, linestyle="-" if action else (0, (3, 2)),
            alpha=0.9 if action else 0.8, zorder=3 if action else 2,
            gid=f"{link.kind}--{link.source}--{link.target}",
        )
        axes.add_patch(arrow)


def _bend(source: Milestone, target: Milestone, days_per_point: float) -> float:
    """Return an arrow's curvature: bowed towards earlier days (away from the labels), by about a sixth of an inch."""
    across = abs(target.entry.day - source.entry.day) / days_per_point / 72
    length = max((across**2 + ((target.y - source.y) * ROW) ** 2) ** 0.5, 0.01)
    return (1 if target.y > source.y else -1) * min(0.25, 0.35 / length)


def _title(figure, chart: Chart, title: list[str]) -> None:
    """Write the title (the agreement, wrapped) and below it the round, version and date."""
    height = figure.get_figheight()
    figure.text(LEFT / WIDTH, 1 - TITLE_TOP / height, "\n".join(title), fontsize=TITLE_SIZE, fontweight="bold",
                color=INK, va="top", linespacing=1.25, parse_math=False)
    below = TITLE_TOP + TITLE_LINE * len(title) + 0.04
    figure.text(LEFT / WIDTH, 1 - below / height, chart.text(chart.timeline.subtitle or chart.timeline.version),
                fontsize=8, color="#555555", va="top", parse_math=False)


def _legend(figure, chart: Chart, head: float) -> None:
    """Explain the marks: milestone, window, action-for-action arrow and precondition arrow."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    def said(key: str) -> str:
        return chart.text(chart.words.phrase(key))

    handles = [
        Line2D([], [], marker="D", markersize=5, color="#777777", linestyle="none", label=said("timeline_due")),
        Patch(facecolor="#777777", alpha=0.28, label=said("timeline_window")),
        Line2D([], [], color=ACTION_COLOUR, linewidth=1.1, label=said("timeline_action")),
        Line2D([], [], color=REQUIRES_COLOUR, linewidth=0.6, linestyle=(0, (3, 2)), label=said("timeline_requires")),
    ]
    height = figure.get_figheight()
    figure.legend(handles=handles, loc="upper right", bbox_to_anchor=(1 - RIGHT / WIDTH, 1 - (head - 0.32) / height),
                  ncol=4, fontsize=7, frameon=False, handlelength=2.2, columnspacing=1.4)


def _note_lines(chart: Chart) -> list[str]:
    """Return the note listing the items with no fixed day by their labels, wrapped."""
    timeline = chart.timeline
    if not timeline.unscheduled:
        return []
    words = chart.words
    items = words.phrase("list_separator").join(
        words.phrase("timeline_unscheduled_item", label=entry.label, lane=chart.lane(entry.track))
        for entry in timeline.unscheduled)
    return chart.lines(words.phrase("timeline_unscheduled", items=items), chart.inner_points, NOTE_SIZE)


def _note(figure, lines: list[str], height: float) -> None:
    """Write the note on unscheduled items at the foot of the figure."""
    for index, line in enumerate(lines):
        figure.text(LEFT / WIDTH, (0.12 + NOTE_LINE * (len(lines) - 1 - index)) / height, line, fontsize=NOTE_SIZE,
                    color="#555555", va="bottom", parse_math=False)
