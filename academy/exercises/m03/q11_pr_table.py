"""Module 03, exercise 11 — precision and recall at each threshold: `pr_table(scored, truth, thresholds, measure)`.

The check passes a measure of its own (links and learners counted, divided by 10), so the values
show which pairs reached the measure, and the exercise does not depend on exercise 6."""

import pandas as pd

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m03.cases import case_truth
from academy.exercises.running import call_on_made_up

THRESHOLDS = [0.9, 0.5, 0.96]


def case_scored():
    return pd.DataFrame({"left_id": ["s1", "s1", "s2", "s3", "s4", "s9"],
                         "right_id": ["KT1", "KT8", "KT2", "KT6", "KT4", "KT9"],
                         "match_probability": [0.97, 0.55, 0.9, 0.95, 0.5, 0.999]})


def counting_measure(links, truth):
    """A stand-in for precision_recall: (links / 10, distinct learners / 10)."""
    return len(links) / 10, len(set(links["left_id"])) / 10


def pr_values(frame):
    frame = pd.DataFrame(frame).reset_index(drop=True)
    return [float(v) for v in frame["precision"]] + [float(v) for v in frame["recall"]]


def _shape_test(func):
    calls = []

    def measure(links, truth):
        calls.append(len(links))
        return counting_measure(links, truth)

    got = call_on_made_up(func, "pr_table", case_scored(), case_truth(), list(THRESHOLDS), measure)
    if not isinstance(got, pd.DataFrame):
        raise Wrong(f"`pr_table` should return a DataFrame, not a {type(got).__name__}.")
    if sorted(map(str, got.columns)) != ["precision", "recall", "threshold"]:
        raise Wrong(f"`pr_table` should have the columns threshold, precision and recall; it has {list(map(str, got.columns))}.")
    if [float(t) for t in got["threshold"]] != THRESHOLDS:
        raise Wrong("`pr_table` should have one row per threshold, in the order given.")
    if not calls:
        raise Wrong("`pr_table` never calls the `measure` it is given. The check passes a measure of its own: "
                    "get each row's precision and recall from `measure`.")


exercise = Exercise(
    id="ex03_11",
    name="pr_table",
    title="Precision and recall at each threshold",
    names=("pr_table",),
    checks=[
        IsA("pr_table", "function"),
        Behaves("pr_table", _shape_test),
        Calls("pr_table", (case_scored(), case_truth(), list(THRESHOLDS), counting_measure), key="counted",
              transform=pr_values,
              message="With a measure of the check's own, each row should hold what `measure` returns for the pairs at "
                      "or above that row's threshold, precision first.",
              mistakes={"wrong-strict-threshold-and-overall-recall":
                        "a pair whose probability equals the threshold is left out; the prompt says **at least** the threshold."}),
    ],
    hints=[
        "For one threshold: which pairs would you accept, and how good are they?",
        "Loop over the thresholds; keep the rows of `scored` with `match_probability >= threshold`; call `measure` on them and the truth.",
        "Collect one dict per threshold with the keys threshold, precision, recall, and build a DataFrame from the list.",
    ],
)
