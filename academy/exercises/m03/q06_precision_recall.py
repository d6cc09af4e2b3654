"""Module 03, exercise 6 — precision and recall on a labelled sample: `precision_recall(links, truth)`."""

import math

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m03.cases import case_links, case_truth
from academy.exercises.running import call_on_made_up


def as_pair(value):
    return [float(v) for v in value]


def _runs(func):
    """Runs on the made-up tables (a KeyError names their columns)."""
    call_on_made_up(func, "precision_recall", case_links(), case_truth())


def _no_link_test(func):
    links, truth = case_links(), case_truth()
    for shown, none_kept in [("no links at all", links.iloc[:0]), ("only links of unlabelled learners", links[links["left_id"] == "s9"])]:
        got = call_on_made_up(func, "precision_recall", none_kept, truth)
        if got is None:
            raise Wrong("`precision_recall` returned None. Did you forget `return`?")
        precision, recall = as_pair(got)
        if not math.isnan(precision):
            raise Wrong(f"With {shown}, precision is 0 ÷ 0, which is undefined: return NaN for it, as the prompt says "
                        "(0 would claim that every link is wrong).")
        if recall != 0:
            raise Wrong(f"With {shown}, nothing in `truth` is found: recall should be 0.")


exercise = Exercise(
    id="ex03_06",
    name="precision_recall",
    title="Precision and recall on a labelled sample",
    names=("precision_recall",),
    checks=[
        IsA("precision_recall", "function"),
        Behaves("precision_recall", _runs),
        Calls("precision_recall", (case_links(), case_truth()), key="visible_case", transform=as_pair,
              message="Keep only labelled learners, count each pair once, and return (precision, recall) in that order.",
              mistakes={"wrong-swapped-pair-first-key-and-linked-ghosts": "the two numbers are the wrong way round.",
                        "wrong-unlabelled-links-and-summed-blocks": "precision counts links of learners who are not in "
                                                                    "`truth`: we cannot judge those, so leave them out.",
                        "wrong-one-way-similarity-and-duplicate-pairs": "a pair that appears twice is counted twice: "
                                                                        "count each (left_id, right_id) pair once."}),
        Behaves("precision_recall", _no_link_test),
    ],
    hints=[
        "Turn both tables into sets of (left_id, right_id) pairs; the right links are the intersection.",
        "Keep links whose left_id is in truth first. Precision divides the right links by the links kept, recall by the true pairs.",
        "`set(zip(frame['left_id'], frame['right_id']))` makes a set of pairs; `&` intersects two sets.",
    ],
)
