"""Module 05, exercise 5 — primary suppression: `primary_mask(table, threshold)` (a True/False DataFrame)."""

import pandas as pd

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m05.made_up import run

# A count table like the notebook's, with small cells, zeros absent and one cell at 10.
TABLE = pd.DataFrame(
    {"owner": [19, 15, 7, 2], "private rent": [31, 24, 26, 5], "social rent": [51, 34, 21, 4], "with family": [24, 17, 6, 3]},
    index=["Capital", "Eastern Plains", "Southern Hills", "Western Isles"])


def as_mask(got, table, name):
    """A learner's mask as a bool DataFrame on ``table``'s labels.

    Raises Wrong when it is not a DataFrame (the cell after exercise 6 and `secondary_mask` use its
    labels), has the wrong shape, or holds anything but True/False (the counts with cells hidden).
    """
    if not isinstance(got, pd.DataFrame):
        raise Wrong(f"`{name}` returned a value of type {type(got).__name__}, not a DataFrame. Keep the table's "
                    "row and column labels: the next exercise and the cell after it look cells up by region and housing.")
    mask = got
    if mask.shape != table.shape:
        raise Wrong(f"`{name}` should return a table of True/False shaped like the count table.")
    if mask.isna().any().any() or not mask.isin([True, False]).all().all():
        raise Wrong(f"`{name}` returned counts (or blanks), not True/False. The mask does not hide anything itself: "
                    "for each cell it answers one question, is this cell suppressed?")
    mask.index, mask.columns = table.index, table.columns
    return mask.astype(bool)


def _cells(got):
    return as_mask(got, TABLE, "primary_mask").astype(int).rename_axis("region").reset_index()


def _edges(func):
    table = TABLE.copy()
    run(func, "primary_mask", table, 10)
    if not table.equals(TABLE):
        raise Wrong("`primary_mask` changed the table it was given.")
    edges = pd.DataFrame({"a": [0, 3], "b": [10, 9]})
    mask = as_mask(run(func, "primary_mask", edges, 10), edges, "primary_mask")
    if bool(mask.iloc[0, 0]):
        raise Wrong("Zero cells are marked as suppressed: the rule hides counts from 1 up to (not including) the threshold.")
    if bool(mask.iloc[0, 1]):
        raise Wrong("A count equal to the threshold is marked: only counts below the threshold are suppressed.")
    if not (bool(mask.iloc[1, 0]) and bool(mask.iloc[1, 1])):
        raise Wrong("Some small counts are not marked: mark counts of at least 1 and below the threshold.")
    # A second threshold: a rule that ignores `threshold` (a fixed 10) marks these wrongly.
    other = pd.DataFrame({"a": [4, 5, 0], "b": [6, 1, 9]})
    mask = as_mask(run(func, "primary_mask", other, 5), other, "primary_mask")
    if mask.values.tolist() != [[True, False], [False, True], [False, False]]:
        raise Wrong("With a threshold of 5 some cells are marked wrongly. Does your rule follow the `threshold` it is "
                    "given? Counts of at least 1 and below it are marked.")


exercise = Exercise(
    id="ex05_05",
    name="primary_suppression",
    title="Primary suppression",
    names=("primary_mask",),
    checks=[
        IsA("primary_mask", "function"),
        Behaves("primary_mask", _edges),
        Calls("primary_mask", (TABLE, 10), key="visible_table", step=0.5, transform=_cells, table_key=["region"],
              message="Some cells are marked wrongly: mark counts of at least 1 and below the threshold."),
    ],
    hints=[
        "Comparisons on a whole DataFrame give a DataFrame of True/False.",
        "Combine two comparisons with `&` (and put each in brackets).",
        "Mark a cell when it is greater than 0 and smaller than the threshold.",
    ],
)
