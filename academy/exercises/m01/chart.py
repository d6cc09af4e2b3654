"""What a bar chart of shares with error bars shows, read from its matplotlib Axes (exercise 7).

`chart_problems` and `chart_intervals` are public: the hidden test of exercise 7 uses them too.
"""

from __future__ import annotations

import numpy as np


def _bars(ax):
    from matplotlib.patches import Rectangle

    return [p for p in ax.patches if isinstance(p, Rectangle) and p.get_height() != 0 and p.get_width() > 0]


def _vertical_segments(ax):
    from matplotlib.collections import LineCollection

    segments = []
    for collection in ax.collections:
        if isinstance(collection, LineCollection):
            for seg in collection.get_segments():
                seg = np.asarray(seg, dtype=float)
                if len(seg) == 2 and abs(seg[0, 0] - seg[1, 0]) < 1e-9:
                    segments.append((seg[0, 0], min(seg[:, 1]), max(seg[:, 1])))
    return segments


def _horizontal(ax, bars) -> bool:
    """True when the bars were drawn with barh (they grow along x from a shared left edge)."""
    from matplotlib.container import BarContainer

    kinds = {getattr(c, "orientation", None) for c in ax.containers if isinstance(c, BarContainer)}
    if kinds - {None}:
        return "horizontal" in kinds and "vertical" not in kinds
    lefts = {round(b.get_x(), 9) for b in bars}
    bottoms = {round(b.get_y(), 9) for b in bars}
    return len(bars) > 1 and lefts == {0.0} and len(bottoms) > 1


def chart_problems(ax, n_rows: int) -> list[str]:
    """What keeps a bar chart of shares with intervals from being read correctly (empty: none)."""
    from matplotlib.axes import Axes

    from academy import plotting

    if not isinstance(ax, Axes):
        return [f"the function should return the matplotlib Axes it drew on, not a {type(ax).__name__}"]
    palette = "some colours are not from the colour-blind-safe palette"
    problems = [
        (palette + ": the course colours are the defaults after `academy.setup()`, and the palette the prompt names"
         if problem == palette else problem)
        for problem in plotting.is_accessible(ax)
    ]
    bars = _bars(ax)
    if bars and _horizontal(ax, bars):
        # barh swaps the axes, so every y-axis rule below would misfire: one plain message instead.
        problems.append("the bars are horizontal; the prompt asks for vertical bars, so that the y axis carries the percentages")
        return problems
    if len(bars) != n_rows:
        problems.append(f"the chart should have one vertical bar per row of the table ({len(bars)} bars found)")
    bottom, top = ax.get_ylim()
    if abs(bottom) > 1e-9:
        problems.append("the y axis does not start at 0, so the bars exaggerate the differences")
    if top < 100 - 1e-9:
        problems.append("the y axis should reach 100 (percent), so every bar is read against the whole scale")
    segments = _vertical_segments(ax)
    centres = [b.get_x() + b.get_width() / 2 for b in bars]
    if not segments or any(not any(abs(s[0] - c) < 1e-6 for s in segments) for c in centres):
        problems.append("every bar needs an error bar showing its 95% interval")
    return problems


def chart_intervals(ax) -> list[tuple[float, float, float]]:
    """(height, low, high) of every bar with its error bar, in the chart's units, sorted."""
    segments = _vertical_segments(ax)
    found = []
    for bar in _bars(ax):
        centre = bar.get_x() + bar.get_width() / 2
        ends = [s for s in segments if abs(s[0] - centre) < 1e-6]
        if ends:
            found.append((round(bar.get_height(), 6), ends[0][1], ends[0][2]))
    return sorted(found)
