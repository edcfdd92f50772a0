"""A timeline of events: lanes (one per city or per kind) along a time axis.

`lay_out` works in dates only; `render_text` turns the layout into terminal
lines of a given width, and `render_svg` into an SVG image. One-day events are
marks, spans are bars, and dates known only to the month (or vaguer) are
shaded, so that imprecision is visible rather than hidden.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from .render import clean

if TYPE_CHECKING:
    from rich.text import Text

    from .dataset import Chronology
    from .models import Event

__all__ = ["Timeline", "lay_out", "render_svg", "render_text"]

MAX_LANES = 24
PALETTE = ["#c0392b", "#2471a3", "#1e8449", "#b9770e", "#7d3c98", "#117a65", "#a04000", "#2e4053"]
TERMINAL_COLOURS = ["red", "blue", "green", "yellow", "magenta", "cyan", "bright_red", "bright_blue"]
# Each symbol with a long and a short meaning, for narrow terminals.
LEGEND = [
    ("●", "a day", "day"),
    ("○", "an uncertain day", "uncertain"),
    ("━", "a span", "span"),
    ("░", "known only to the month, or vaguer", "month or vaguer"),
]


@dataclass(frozen=True)
class Mark:
    first: date
    last: date
    shape: str  # "day", "span" or "vague"
    uncertain: bool
    title: str


@dataclass
class Lane:
    label: str
    marks: list[Mark] = field(default_factory=list)


@dataclass
class Timeline:
    first: date
    last: date
    lanes: list[Lane]
    hidden_lanes: int = 0

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def _shape(event: Event) -> str:
    if not event.date.exact_days:
        return "vague"
    return "day" if event.start == event.end else "span"


def lay_out(
    chronology: Chronology,
    events: Sequence[Event],
    by: str = "city",
    first: date | None = None,
    last: date | None = None,
) -> Timeline:
    """Group events into lanes, in order of their first event, between the given or the events' bounds."""

    def lane_of(event: Event) -> str:
        return chronology.places[event.place].name if by == "city" else event.kind

    bounded = [e for e in events if e.date.bounded]
    first = first or min((e.start for e in bounded), default=date(1870, 7, 19))
    last = last or max((e.end for e in bounded), default=first)
    lanes: dict[str, Lane] = {}
    for event in sorted(events, key=lambda e: e.start):
        start, end = max(event.start, first), min(event.end, last)
        if start > end:
            continue
        lane = lanes.setdefault(lane_of(event), Lane(lane_of(event)))
        uncertain = event.date.uncertain or event.date.approximate
        lane.marks.append(Mark(start, end, _shape(event), uncertain, f"{event.date}  {event.title}"))
    ordered = list(lanes.values())
    return Timeline(first, last, ordered[:MAX_LANES], max(0, len(ordered) - MAX_LANES))


# The time axis ---------------------------------------------------------------


def _add_months(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 + months
    return date(month_index // 12, month_index % 12 + 1, 1)


def ticks(first: date, last: date, most: int) -> list[tuple[date, str]]:
    """Tick dates and labels between first and last: days, weeks, months or years, at most `most` of them."""
    most = max(most, 2)
    span = (last - first).days + 1
    for step_days in (1, 2, 7, 14):
        if span / step_days <= most:
            start = first if step_days < 7 else first + timedelta(days=(7 - first.weekday()) % 7)  # Mondays
            days = [start + timedelta(days=n) for n in range(0, span, step_days) if start + timedelta(days=n) <= last]
            return [(d, f"{d.day} {calendar.month_abbr[d.month]}") for d in days]
    for step_months in (1, 2, 3, 6):
        if span / (30.4 * step_months) <= most:
            tick = _add_months(first, 1) if first.day > 1 else first
            while (tick.month - 1) % step_months:
                tick = _add_months(tick, 1)
            found = []
            while tick <= last:
                label = calendar.month_abbr[tick.month] + (f" {tick.year}" if tick.month == 1 or not found else "")
                found.append((tick, label))
                tick = _add_months(tick, step_months)
            return found
    step_years = next((step for step in (1, 2, 5, 10, 20, 50) if span / (365.25 * step) <= most), 100)
    years = range(first.year + (first > date(first.year, 1, 1)), last.year + 1)
    return [(date(y, 1, 1), str(y)) for y in years if y % step_years == 0]


# Text ------------------------------------------------------------------------


def _column(timeline: Timeline, day: date, width: int) -> int:
    return min(width - 1, (day - timeline.first).days * width // timeline.days)


def render_text(timeline: Timeline, width: int, colour: bool = True) -> list[Text]:
    """The timeline as lines of at most `width` characters."""
    from rich.text import Text

    label_width = min(18, max([len(lane.label) for lane in timeline.lanes] + [4]))
    plot = max(10, width - label_width - 1)
    lines = []
    for index, lane in enumerate(timeline.lanes):
        cells = [" "] * plot
        for layer in ("vague", "span", "day"):
            for mark in lane.marks:
                if mark.shape != layer:
                    continue
                a, b = _column(timeline, mark.first, plot), _column(timeline, mark.last, plot)
                if layer == "day":
                    cells[a] = "○" if mark.uncertain else "●"
                else:
                    for column in range(a, b + 1):
                        cells[column] = "░" if layer == "vague" else "━"
        label = clean(lane.label)
        label = label if len(label) <= label_width else label[: label_width - 1] + "…"
        line = Text(label.ljust(label_width) + " ")
        line.append("".join(cells), style=TERMINAL_COLOURS[index % len(TERMINAL_COLOURS)] if colour else None)
        lines.append(line)

    axis, labels = [" "] * plot, [" "] * plot
    for day, text in ticks(timeline.first, timeline.last, plot // 9):
        column = _column(timeline, day, plot)
        axis[column] = "┬"
        if all(c == " " for c in labels[max(0, column - 1) : column + len(text) + 1]) and column + len(text) <= plot:
            labels[column : column + len(text)] = text
    pad = " " * (label_width + 1)
    lines.append(Text(pad + "".join(a if a != " " else "─" for a in axis), style="dim" if colour else None))
    lines.append(Text(pad + "".join(labels).rstrip()))
    if timeline.hidden_lanes:
        lines.append(Text(f"(+{timeline.hidden_lanes} more lanes: narrow the selection with filters)"))
    legend = "  ".join(f"{symbol} {meaning}" for symbol, meaning, _ in LEGEND)
    if len(legend) > width:
        legend = " ".join(f"{symbol} {short}" for symbol, _, short in LEGEND)
    lines.append(Text(legend))
    return lines


# SVG -------------------------------------------------------------------------


def _xml(text: str) -> str:
    """Text from the data, safe inside an XML element: escaped, control characters shown as escapes."""
    return escape(clean(text))


def render_svg(timeline: Timeline, width: int = 1000, title: str = "") -> str:
    """The same picture as an SVG document."""
    lane_height, top, label_width, right = 26, 56 if title else 34, 150, 20
    plot = width - label_width - right
    height = top + lane_height * len(timeline.lanes) + 70

    def x(day: date) -> float:
        return label_width + (day - timeline.first).days * plot / timeline.days

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        '<defs><pattern id="vague" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="3" height="6" fill="#888" fill-opacity="0.45"/></pattern></defs>',
        f'<rect width="{width}" height="{height}" fill="white"/>',
    ]
    if title:
        out.append(f'<text x="{label_width}" y="22" font-size="15" font-weight="bold">{_xml(title)}</text>')
    axis_y = top + lane_height * len(timeline.lanes)
    for day, text in ticks(timeline.first, timeline.last, plot // 70):
        out.append(f'<line x1="{x(day):.1f}" y1="{top - 6}" x2="{x(day):.1f}" y2="{axis_y}" stroke="#ddd"/>')
        out.append(f'<text x="{x(day):.1f}" y="{axis_y + 16}" text-anchor="middle" fill="#444">{escape(text)}</text>')
    for index, lane in enumerate(timeline.lanes):
        y = top + index * lane_height + lane_height / 2
        colour = PALETTE[index % len(PALETTE)]
        out.append(f'<text x="{label_width - 8}" y="{y + 4:.1f}" text-anchor="end">{_xml(lane.label)}</text>')
        out.append(f'<line x1="{label_width}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#f0f0f0"/>')
        for layer in ("vague", "span", "day"):
            for mark in (m for m in lane.marks if m.shape == layer):
                tip = f"<title>{_xml(mark.title)}</title>"
                x1, x2 = x(mark.first), x(mark.last + timedelta(days=1))
                if layer == "day":
                    fill = "white" if mark.uncertain else colour
                    out.append(f'<circle cx="{(x1 + x2) / 2:.1f}" cy="{y:.1f}" r="4.5" fill="{fill}" '
                               f'stroke="{colour}" stroke-width="1.5">{tip}</circle>')  # fmt: skip
                else:
                    fill = "url(#vague)" if layer == "vague" else colour
                    dash = ' stroke-dasharray="3 2"' if mark.uncertain or layer == "vague" else ""
                    out.append(f'<rect x="{x1:.1f}" y="{y - 5:.1f}" width="{max(x2 - x1, 2):.1f}" height="10" rx="2" '
                               f'fill="{fill}" stroke="{colour}"{dash}>{tip}</rect>')  # fmt: skip
    out.append(f'<line x1="{label_width}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}" stroke="#444"/>')
    legend_y = axis_y + 44
    legend = [
        f'<circle cx="{label_width + 6}" cy="{legend_y - 4}" r="4.5" fill="#444"/>',
        f'<text x="{label_width + 16}" y="{legend_y}">a day</text>',
        f'<circle cx="{label_width + 76}" cy="{legend_y - 4}" r="4.5" fill="white" stroke="#444" stroke-width="1.5"/>',
        f'<text x="{label_width + 86}" y="{legend_y}">an uncertain day</text>',
        f'<rect x="{label_width + 200}" y="{legend_y - 9}" width="24" height="10" rx="2" fill="#444"/>',
        f'<text x="{label_width + 230}" y="{legend_y}">a span</text>',
        f'<rect x="{label_width + 290}" y="{legend_y - 9}" width="24" height="10" rx="2" fill="url(#vague)" '
        f'stroke="#444" stroke-dasharray="3 2"/>',
        f'<text x="{label_width + 320}" y="{legend_y}">known only to the month, or vaguer</text>',
    ]
    out += legend
    if timeline.hidden_lanes:
        out.append(f'<text x="{label_width}" y="{legend_y + 20}">+{timeline.hidden_lanes} more lanes</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
