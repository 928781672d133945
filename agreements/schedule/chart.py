"""The implementation timeline as a chart: one lane per track, milestones at their day, action-for-action arrows.

matplotlib is imported inside the functions, so importing this module stays cheap. The same timeline gives
the same bytes: matplotlib's defaults and its bundled DejaVu Sans font, no dates or versions in the files.
"""

from __future__ import annotations

import functools
import io
import textwrap
import unicodedata
from dataclasses import dataclass

from clauses.errors import OutputError
from agreements.schedule.timeline import Entry, Timeline

LANE_NAMES = {
    "denuclearization": "Denuclearization",
    "peace_regime": "Peace regime",
    "military": "Military / DMZ",
    "un_command": "UN Command",
    "border": "Border",
    "relations": "Relations",
}
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
TOP, YEARS_TOP, BOTTOM, NOTE_LINE = 0.75, 0.22, 0.62, 0.17  # inches: YEARS_TOP more when a years axis is drawn
YEARS_FROM = 365  # days: the axis spanning a year or more gets a years scale along the top
ROW = 0.23  # inches per row of milestones
LANE_PAD = 0.45  # rows of space above and below a lane's milestones
DPI = 150
MAX_HEIGHT = 400  # inches: 60,000 pixels, within what the Agg renderer can draw
LABEL_SIZE, LABEL_CHARS = 6.5, 60
GAP_PT = 5.0  # points between a milestone and its label
RC = {
    "font.family": "DejaVu Sans",
    "svg.hashsalt": "peacedraft-timeline",
    "svg.fonttype": "path",
    "axes.unicode_minus": False,
}
ASCII_FOR = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                           "\u2014": "-", "\u2192": "->", "\u2026": "...", "\u00a0": " "})


@dataclass(frozen=True)
class Milestone:
    """Where one milestone is drawn: its row, the start of its window, and its label and where that is anchored."""

    entry: Entry
    y: float
    start: int
    text: str
    anchor: float

    @property
    def left(self) -> bool:
        """Return whether the label is anchored by its right end (it sits left of the milestone)."""
        return self.anchor < self.entry.day


def chart_png(timeline: Timeline) -> bytes:
    """Return the timeline chart as PNG bytes (the same bytes for the same timeline)."""
    return _render(timeline, "png", {"Software": None})


def chart_svg(timeline: Timeline) -> bytes:
    """Return the timeline chart as SVG bytes (the same bytes for the same timeline)."""
    return _render(timeline, "svg", {"Date": None, "Creator": None})


def _render(timeline: Timeline, image_format: str, metadata: dict) -> bytes:
    """Return the chart drawn with matplotlib's defaults, saved in one format."""
    import matplotlib

    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        matplotlib.rcParams.update(RC)
        figure = _figure(timeline)
        buffer = io.BytesIO()
        figure.savefig(buffer, format=image_format, dpi=DPI, metadata=metadata)
    return buffer.getvalue()


def safe_text(text: str) -> str:
    """Return text in ASCII: typographic marks as their plain forms, accents dropped, any other character '?'."""
    return "".join(_ascii(char) for char in text.translate(ASCII_FOR))


def _ascii(char: str) -> str:
    """Return one character in printable ASCII: itself, its letter without accents, or '?'."""
    plain = "".join(part for part in unicodedata.normalize("NFKD", char) if not unicodedata.combining(part))
    return plain if plain and all(" " <= part <= "~" for part in plain) else "?"


def _figure(timeline: Timeline):
    """Return the matplotlib Figure of the timeline."""
    from matplotlib.figure import Figure

    lanes = [lane for lane in timeline.lanes if any(entry.track == lane for entry in timeline.scheduled)]
    note = _note_lines(timeline)
    if not lanes:
        figure = Figure(figsize=(WIDTH, 1.2 + NOTE_LINE * len(note)), dpi=DPI)
        _title(figure, timeline)
        figure.text(LEFT / WIDTH, (0.3 + NOTE_LINE * len(note)) / figure.get_figheight(), "No item has a fixed day.",
                    fontsize=9, color=INK)
        _note(figure, note, 1.2 + NOTE_LINE * len(note))
        return figure
    span = _span(timeline)
    days_per_point = (span[1] - span[0]) / ((WIDTH - LEFT - RIGHT) * 72)
    placed, bands = _place(timeline, lanes, days_per_point, span)
    rows = bands[-1][2]
    height = TOP + YEARS_TOP * (span[1] >= YEARS_FROM) + rows * ROW + BOTTOM + NOTE_LINE * len(note)
    if height > MAX_HEIGHT:
        raise OutputError(f"the timeline needs {rows:.0f} rows, too many to chart (at most {MAX_HEIGHT} inches tall)", "PD-E046")
    figure = Figure(figsize=(WIDTH, height), dpi=DPI)
    axes = figure.add_axes((LEFT / WIDTH, (BOTTOM + NOTE_LINE * len(note)) / height,
                            (WIDTH - LEFT - RIGHT) / WIDTH, rows * ROW / height))
    _axes(axes, span, rows)
    _lanes(axes, bands)
    _links(axes, timeline, placed, days_per_point)
    _milestones(axes, placed, {lane: _shade(index) for index, (lane, _, _) in enumerate(bands)})
    _title(figure, timeline)
    _legend(figure, height)
    _note(figure, note, height)
    return figure


def _span(timeline: Timeline) -> tuple[float, float]:
    """Return the days the x axis covers: a little before entry into force to a little after the last day."""
    last = max(max(entry.day for entry in timeline.scheduled), 30)
    return -0.045 * last, 1.03 * last


def _short(entry: Entry) -> str:
    """Return a milestone's label on the chart: its label, cut to fit, and its day."""
    label = safe_text(entry.label)
    if len(label) > LABEL_CHARS:
        label = label[: LABEL_CHARS - 3].rstrip(" ,;:-") + "..."
    return f"{label} (day {entry.day})"


def _text_points(text: str) -> float:
    """Return the width of a label in points, in the chart's font and size."""
    measure, font = _measure()
    return measure.get_text_width_height_descent(text, font, ismath=False)[0]


@functools.cache
def _measure():
    """Return matplotlib's text measurer and the labels' font."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    return TextToPath(), FontProperties(family="DejaVu Sans", size=LABEL_SIZE)


def _place(timeline: Timeline, lanes: list[str], days_per_point: float, span: tuple[float, float]):
    """Return the placed milestones and each lane's band (lane, first row, end row), rows packed without overlap."""
    days = {entry.id: entry.day for entry in timeline.entries}
    placed: dict[str, Milestone] = {}
    bands = []
    top = 0.0
    for lane in lanes:
        spans = [_extent(entry, days, days_per_point, span) for entry in timeline.scheduled if entry.track == lane]
        rows = _pack(sorted(spans, key=lambda item: (item[0], item[2].day, item[2].id)))
        for (_, _, entry, start, text, anchor), row in rows:
            placed[entry.id] = Milestone(entry, top + LANE_PAD + row + 0.5, start, text, anchor)
        bottom = top + 2 * LANE_PAD + 1 + max(row for _, row in rows)
        bands.append((lane, top, bottom))
        top = bottom
    return placed, bands


def _extent(entry: Entry, days: dict, days_per_point: float, span: tuple[float, float]):
    """Return what a milestone covers on its row (from, to, in days) with its window start, text and label x.

    The label sits right of the due day; where it would run past the end of the axis, left of the window,
    or left of the due day when the window leaves no room.
    """
    start = days.get(entry.after, 0) if entry.after else entry.day
    start = entry.day if start is None or start > entry.day else start
    text = _short(entry)
    gap = GAP_PT * days_per_point
    width = _text_points(text) * days_per_point + gap
    if entry.day + width <= span[1]:
        low, high, anchor = start, entry.day + width, entry.day + gap
    else:
        anchor = start if start - width >= span[0] else entry.day
        low, high, anchor = min(start, anchor - width), entry.day, anchor - gap
    margin = 4 * days_per_point
    return low - margin, high + margin, entry, start, text, anchor


def _pack(spans: list) -> list:
    """Return each span with the first row where it overlaps nothing (spans sorted by where they begin)."""
    ends: list[float] = []
    result = []
    for span in spans:
        row = next((index for index, end in enumerate(ends) if end <= span[0]), len(ends))
        if row == len(ends):
            ends.append(span[1])
        else:
            ends[row] = span[1]
        result.append((span, row))
    return result


def _axes(axes, span: tuple[float, float], rows: float) -> None:
    """Set the axes: days along the bottom, years along the top (a year or more), rows downwards, one spine."""
    from matplotlib.ticker import MaxNLocator

    axes.set_xlim(*span)
    axes.set_ylim(rows, 0)
    axes.set_yticks([])
    axes.xaxis.set_major_locator(MaxNLocator(nbins=12, steps=[1, 2, 3, 5, 10], integer=True))
    axes.set_xlabel("days after entry into force", fontsize=8, color=INK)
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
    years.set_xlabel("years", fontsize=7, color="#666666", labelpad=2)
    years.spines["top"].set_visible(False)


def _shade(index: int) -> str:
    """Return the background of the lane at an index: every other lane is shaded."""
    return "#F4F4F4" if index % 2 == 0 else "#FFFFFF"


def _lanes(axes, bands: list) -> None:
    """Shade every other lane, rule them off and name them on the left."""
    for index, (lane, top, bottom) in enumerate(bands):
        axes.axhspan(top, bottom, color=_shade(index), zorder=0, linewidth=0)
        if index:
            axes.axhline(top, color="#CCCCCC", linewidth=0.6, zorder=0.5)
        name = axes.text(-0.012, (top + bottom) / 2, LANE_NAMES.get(lane, safe_text(lane)), ha="right", va="center",
                         fontsize=8.5, fontweight="bold", color=INK,
                         transform=axes.get_yaxis_transform(), parse_math=False)
        name.set_gid(f"lane-{lane}")
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
                  markeredgewidth=0.6, zorder=4, linestyle="none", gid=f"item-{item.entry.id}")
        axes.text(item.anchor, item.y, item.text,
                  ha="right" if item.left else "left", va="center", fontsize=LABEL_SIZE, color=INK, zorder=5,
                  parse_math=False, bbox={"boxstyle": "square,pad=0.08", "facecolor": shades[item.entry.track],
                                          "edgecolor": "none", "alpha": 0.85})


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
        bend = _bend(source, target, days_per_point)
        arrow = FancyArrowPatch(
            (source.entry.day, source.y), (target.entry.day, target.y),
            arrowstyle="-|>", mutation_scale=7 if action else 5, shrinkA=3.5, shrinkB=3.5,
            connectionstyle=f"arc3,rad={bend}", color=ACTION_COLOUR if action else REQUIRES_COLOUR,
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


def _title(figure, timeline: Timeline) -> None:
    """Write the title: the agreement and its version."""
    height = figure.get_figheight()
    figure.text(LEFT / WIDTH, 1 - 0.22 / height, safe_text(f"Implementation timeline: {timeline.title}"),
                fontsize=11, fontweight="bold", color=INK, va="top", parse_math=False)
    figure.text(LEFT / WIDTH, 1 - 0.45 / height, safe_text(f"Version {timeline.version}"),
                fontsize=8, color="#555555", va="top", parse_math=False)


def _legend(figure, height: float) -> None:
    """Explain the marks: milestone, window, action-for-action arrow and precondition arrow."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = [
        Line2D([], [], marker="D", markersize=5, color="#777777", linestyle="none", label="due day"),
        Patch(facecolor="#777777", alpha=0.28, label="from the event it counts from"),
        Line2D([], [], color=ACTION_COLOUR, linewidth=1.1, label="action for action"),
        Line2D([], [], color=REQUIRES_COLOUR, linewidth=0.6, linestyle=(0, (3, 2)), label="requires"),
    ]
    figure.legend(handles=handles, loc="upper right", bbox_to_anchor=(1 - RIGHT / WIDTH, 1 - 0.36 / height),
                  ncol=4, fontsize=7, frameon=False, handlelength=2.2, columnspacing=1.4)


def _note_lines(timeline: Timeline) -> list[str]:
    """Return the note listing the items with no fixed day, wrapped."""
    if not timeline.unscheduled:
        return []
    items = ", ".join(f"{entry.id} ({LANE_NAMES.get(entry.track, entry.track)})" for entry in timeline.unscheduled)
    return textwrap.wrap(safe_text(f"No fixed day, not drawn: {items}."), 150)


def _note(figure, lines: list[str], height: float) -> None:
    """Write the note on unscheduled items at the foot of the figure."""
    for index, line in enumerate(lines):
        figure.text(LEFT / WIDTH, (0.12 + NOTE_LINE * (len(lines) - 1 - index)) / height, line, fontsize=7,
                    color="#555555", va="bottom", parse_math=False)
