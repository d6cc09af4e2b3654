"""Module 05, exercise 7 — rates by group: `group_rates(y_true, y_pred, group, weight)` (one row per group).

``as_rate_table`` turns any accepted result (MetricFrame.by_group, a frame with a `group` column)
into one shape; the notebook's hidden tests use it too.
"""

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m05.made_up import run

# Twelve claims in two groups, with unequal weights: weighted and unweighted rates differ.
CASE = (
    np.array([1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0], bool),
    np.array([1, 1, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0], bool),
    np.array(["A"] * 6 + ["B"] * 6),
    np.array([1, 3, 2, 1, 4, 2, 1, 1, 5, 2, 1, 3], float),
)
RATES = ["selection_rate", "false_positive_rate", "true_positive_rate"]


def as_rate_table(result) -> pd.DataFrame:
    """A learner's per-group rates as a float frame indexed by group name (str).

    Accepts a MetricFrame, its ``by_group``, a Series or a frame with a `group` column; raises
    (ValueError, TypeError) when the values are not numbers.
    """
    if hasattr(result, "by_group") and not isinstance(result, pd.DataFrame):
        result = result.by_group
    if isinstance(result, pd.Series):
        result = result.to_frame()
    frame = pd.DataFrame(result).copy()
    if "group" in frame.columns:
        frame = frame.set_index("group")
    if isinstance(frame.index, pd.MultiIndex) and frame.index.nlevels == 1:
        frame.index = frame.index.get_level_values(0)
    frame.index = [str(i) for i in frame.index]
    return frame.astype(float)


def _table(got):
    try:
        table = as_rate_table(got)
    except Exception:
        raise Wrong("`group_rates` should return a DataFrame with one row per group.")
    missing = [c for c in RATES if c not in table.columns]
    if missing and set(RATES) <= set(table.index):
        # A Series of the three rates over all rows (MetricFrame's overall): the groups were merged.
        raise Wrong("`group_rates` returned each rate once, for all rows together. The audit compares groups: "
                    "return one row per group, with a column for each rate.")
    if missing:
        raise Wrong(f"`group_rates` is missing the column(s) {missing}.")
    if sorted(table.index) != ["A", "B"]:
        raise Wrong("`group_rates` should have one row per group, with the group names as the index.")
    if not ((table[RATES] >= 0) & (table[RATES] <= 1)).all().all():
        raise Wrong("Every rate is a share between 0 and 1.")
    return table


def _shape(func):
    _table(run(func, "group_rates", *CASE))


def _flat(got):
    table = _table(got)
    return [float(table.loc[g, c]) for g in ("A", "B") for c in RATES]


exercise = Exercise(
    id="ex05_07",
    name="group_rates",
    title="Rates by group",
    names=("group_rates",),
    checks=[
        IsA("group_rates", "function"),
        Behaves("group_rates", _shape),
        Calls("group_rates", CASE, key="rates", step=1e-6, transform=_flat,
              message="Some rates are wrong. Selection rate: weighted share flagged. False positive rate: weighted "
                      "share flagged among rows that are not irregular. True positive rate: among rows that are.",
              mistakes={"wrong-unweighted-audit":
                        "the rates ignore the weights: every row counts once. A row should count as much as its "
                        "weight says (a randomly reviewed claim stands for many unflagged claims).",
                        "wrong-partial-weights-and-proxies-alone":
                        "the selection rates are weighted but the false and true positive rates are not: each of "
                        "the three rates needs the weights, not only the first."}),
    ],
    hints=[
        "Each rate is a (weighted) share: of all rows, of the rows with y_true False, of the rows with y_true True.",
        "With MetricFrame, give a dict of three metrics and `sample_params={name: {'sample_weight': weight} for name in metrics}`.",
        "Return `MetricFrame(...).by_group`: one row per group, one column per metric.",
    ],
)
