"""Module 01, exercise 7 — a chart a minister reads correctly: `honest_chart(top)` returns the Axes.

Graded alone: `count_from_share` and `wilson_interval` mean correct stand-ins while it runs.
"""

import pandas as pd

from academy.exercises.checks import Behaves, CallsOn, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m01.chart import chart_intervals, chart_problems
from academy.exercises.m01.earlier_answers import STAND_INS, count_stand_in, wilson_stand_in
from academy.exercises.standins import Alone

NONE = "`honest_chart` returned None: it should hand back the Axes it drew on."

# A small made-up table: a chart that ignores `top` and draws `top_benefits` fails on it.
MADE_UP = pd.DataFrame({
    "group": ["west", "centre", "islands"], "item": ["x", "y", "z"],
    "percent": [60.0, 85.0, 30.0], "base_n": pd.array([25, 140, 80], dtype="Int64"),
})


def _close(ax):
    import matplotlib.pyplot as plt

    figure = getattr(ax, "figure", None)
    if figure is not None:
        plt.close(figure)


def _error_bars(ax):
    """The chart of `top_benefits`, read: its problems as feedback, else the error bars' ends in percent."""
    try:
        if ax is None:
            raise Wrong(NONE)
        problems = chart_problems(ax, 5)
        if problems:
            raise Wrong("Your chart is not yet one a minister reads correctly: " + "; ".join(problems) + ".")
        if max(h for h, _, _ in chart_intervals(ax)) <= 1:
            raise Wrong("The bars are shares (0–1): plot percentages (0–100), and the error bars in percent too.")
        return [v for _, low, high in chart_intervals(ax) for v in (low, high)]
    finally:
        _close(ax)


def _made_up_chart(func):
    table = MADE_UP
    try:
        ax = func(table.copy())
    except Exception as error:
        raise Wrong(f"`honest_chart` raised {type(error).__name__}: {error} when given a small made-up table with the "
                    "same columns: does it use its `top` argument, and only those columns?")
    try:
        if ax is None:
            raise Wrong(NONE)
        bars = chart_intervals(ax)
        want = []
        for percent, n in zip(table["percent"], table["base_n"]):
            low, high = wilson_stand_in(count_stand_in(percent, int(n)), int(n))
            want.append((percent, 100 * low, 100 * high))
        if len(bars) != len(want) or any(
            abs(h - wh) > 1e-6 or abs(lo - wl) > 0.05 or abs(hi - wu) > 0.05
            for (h, lo, hi), (wh, wl, wu) in zip(bars, sorted(want))
        ):
            raise Wrong("Given a small made-up table, the bars or error bars of `honest_chart` do not show that "
                        "table's percentages and 95% Wilson intervals: does every number come from `top`, the table "
                        "it is given, rather than from `top_benefits`?")
    finally:
        _close(ax)


exercise = Exercise(
    id="ex01_07",
    name="honest_chart",
    title="A chart a minister reads correctly",
    names=("honest_chart", "top_benefits"),
    checks=[
        IsA("honest_chart", "function"),
        Alone("honest_chart", STAND_INS, CallsOn(
            "honest_chart", ["top_benefits"], key="error_bars", step=0.01, transform=_error_bars,
            message="The error bars do not show the 95% Wilson intervals (in percent) of the figures.",
            mistakes={"wrong-chart-and-causal-claim": "the error bars reach the interval's ends measured from the bar "
                                                      "top: `yerr` takes distances below and above the top of each "
                                                      "bar, not the ends themselves."})),
        Alone("honest_chart", STAND_INS, Behaves("honest_chart", _made_up_chart)),
    ],
    hints=[
        "Start from the misleading chart above and fix what misleads: start the y axis at 0, add error bars, and show each bar's base (n).",
        "For each row: successes = count_from_share(percent, base_n), (low, high) = wilson_interval(successes, base_n). Error bars are distances: percent − 100·low below, 100·high − percent above.",
        "`fig, ax = plt.subplots()`, then `ax.bar(labels, percents, yerr=[below, above], capsize=4)`, `ax.set_ylim(0, 100)`, `plotting.finish(ax, title, xlabel, ylabel)`, `return ax`. Labels such as f\"{group}\\n(n={n})\" put each base on its own line, so they do not overlap.",
    ],
)
