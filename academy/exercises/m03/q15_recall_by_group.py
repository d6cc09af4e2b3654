"""Module 03, exercise 15 — whom the linkage misses: `recall_by_group(links, truth, groups)`."""

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m03.cases import case_links, case_truth
from academy.exercises.running import call_on_made_up


def case_groups():
    # not in the order of case_truth, and with a learner (s7) who is not in truth
    return pd.Series({"s5": "same", "s3": "changed", "s1": "same", "s7": "other", "s4": "changed", "s2": "same"})


def recalls(got):
    keep = pd.Series(got).dropna()
    return [float(keep.get("changed", np.nan)), float(keep.get("same", np.nan)), float(len(keep))]


def _missed(value):
    """Feedback when the recalls are not right; a third group with a recall can only be 'other'."""
    if value[2] > 2:
        return ("A recall is given to the group 'other', which has no learner in `truth` (its recall is 0 ÷ 0): "
                "leave groups without a labelled learner out.")
    return "For each group, the recall is the share of that group's rows of `truth` whose pair is among the links."


def _shape_test(func):
    got = call_on_made_up(func, "recall_by_group", case_links(), case_truth(), case_groups())
    if not isinstance(got, pd.Series):
        raise Wrong(f"`recall_by_group` should return a pandas Series, not a {type(got).__name__}.")


exercise = Exercise(
    id="ex03_15",
    name="recall_by_group",
    title="Recall by group",
    names=("recall_by_group",),
    checks=[
        IsA("recall_by_group", "function"),
        Behaves("recall_by_group", _shape_test),
        Calls("recall_by_group", (case_links(), case_truth(), case_groups()), key="visible_case", transform=recalls,
              message=_missed,
              mistakes={"wrong-strict-threshold-and-overall-recall":
                        "each group's recall is divided by all true pairs, not by the true pairs of that group.",
                        "wrong-unlabelled-links-and-summed-blocks":
                        "a link that appears twice in `links` was counted twice (a merge repeats a truth row for every "
                        "matching link): count each pair once, as in exercise 6.",
                        "wrong-groups-by-position-and-unlinked-person":
                        "the groups were matched to the rows of `truth` by position. `groups` is indexed by left_id and "
                        "need not be in the order of `truth`: each learner's group has to be found by its left_id."}),
    ],
    hints=[
        "Mark each row of `truth` as found or not, then average that mark within each group.",
        "A row of truth is found when its (left_id, right_id) pair is among the links; look up its group in `groups` by left_id, "
        "never by position.",
        "Put the found/not-found marks and the looked-up groups side by side, one row per row of truth; group by the label "
        "and take the mean of the marks (True counts as 1).",
    ],
)
