"""Module 03, exercise 12 — choose a threshold: `lowest_threshold(pr, min_precision)`.

Graded on made-up tables, not on the notebook's `pr` (which needs exercises 6 and 11 and Splink)."""

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.running import call_on_made_up


def case_pr():
    # rows not sorted; one precision missing (no links); one exactly at 0.99
    return pd.DataFrame({"threshold": [0.95, 0.5, 0.99, 0.7, 0.8, 0.9],
                         "precision": [0.999, 0.93, np.nan, 0.96, 0.99, 0.995],
                         "recall": [0.6, 0.99, 0.0, 0.95, 0.9, 0.8]})


def _lowest_test(func):
    got = call_on_made_up(func, "lowest_threshold", case_pr(), 0.99)
    if got is None:
        raise Wrong("`lowest_threshold` returned None although some thresholds of a made-up table reach the precision.")
    if isinstance(got, (bool, np.bool_)) or not isinstance(got, (int, float, np.integer, np.floating)):
        raise Wrong(f"`lowest_threshold` should return a number, not a {type(got).__name__}.")
    if call_on_made_up(func, "lowest_threshold", case_pr(), 0.9999) is not None:
        raise Wrong("When no threshold reaches `min_precision`, return None.")


exercise = Exercise(
    id="ex03_12",
    name="lowest_threshold",
    title="Choose a threshold",
    names=("lowest_threshold",),
    checks=[
        IsA("lowest_threshold", "function"),
        Behaves("lowest_threshold", _lowest_test),
        Calls("lowest_threshold", (case_pr(), 0.99), key="visible_case", transform=float,
              message="On a made-up table whose rows are not sorted, this is not the lowest threshold whose precision "
                      "reaches `min_precision`.",
              mistakes={"wrong-unlabelled-links-and-summed-blocks":
                        "a precision exactly equal to `min_precision` reaches it: the rule says **at least**."}),
    ],
    hints=[
        "Which rows of the table meet the precision rule? Among them, which threshold gives the most recall?",
        "Select the rows whose precision is at least `min_precision`, then take the smallest threshold among them.",
        "If no row is selected, return None; otherwise return the minimum of the selected thresholds as a plain float. "
        "A NaN precision is never at least anything, so it drops out by itself.",
    ],
)
