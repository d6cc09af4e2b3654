"""Module 01, exercise 3 — an interval for every figure that has a base: `add_intervals(table)`.

Graded alone: `count_from_share` and `wilson_interval` mean correct stand-ins while it runs.
"""

import pandas as pd

from academy.exercises.checks import Behaves, CallsOn, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m01.earlier_answers import STAND_INS
from academy.exercises.standins import Alone

COLUMNS = ["figure_id", "percent", "base_n", "low", "high"]

# Figure ids that are not in `figures`: a function that reads `figures` instead of its argument fails.
MADE_UP = pd.DataFrame({
    "figure_id": ["made_up.a", "made_up.b", "made_up.c", "made_up.d"],
    "topic": "made_up", "group": "all", "item": ["a", "b", "c", "d"],
    "percent": [12.0, 97.0, 50.0, 61.0],
    "base_n": pd.array([40, 33, pd.NA, 7], dtype="Int64"),
    "base": "made up for this check",
}, index=[4, 9, 2, 7])


def _table(got) -> pd.DataFrame:
    """The learner's table, refused with feedback when its shape is not what the prompt asks for."""
    if not isinstance(got, pd.DataFrame):
        raise Wrong(f"`add_intervals` should return a DataFrame, not a {type(got).__name__}.")
    cols = [str(c) for c in got.columns]
    if sorted(cols) != sorted(COLUMNS):
        raise Wrong(f"`add_intervals` should return exactly the columns {COLUMNS}; it returned {cols}.")
    ends = got[["low", "high"]].astype(float)
    if ends.isna().any().any():
        raise Wrong("`low` and `high` have missing values.")
    if float(ends["high"].max()) > 1.5:
        raise Wrong("`low` and `high` should be shares between 0 and 1, as `wilson_interval` returns them, not percentages.")
    if ((ends < -1e-9) | (ends > 1 + 1e-9)).any().any():
        raise Wrong("Some intervals reach below 0 or above 1, which Wilson's interval never does.")
    share = got["percent"].astype(float) / 100
    if not ((ends["low"] <= share + 1e-9) & (share <= ends["high"] + 1e-9)).all():
        raise Wrong("In some rows the printed share (percent / 100) is not between `low` and `high`: are `low` and `high` swapped?")
    return got


def _ids(got):
    return sorted(str(i) for i in _table(got)["figure_id"])


def _ends(got):
    table = _table(got).reset_index(drop=True).sort_values("figure_id")
    return [float(v) for row in table[["low", "high"]].itertuples(index=False) for v in row]


def _uses_its_table(func):
    got = func(MADE_UP.copy())
    if not isinstance(got, pd.DataFrame) or "figure_id" not in got.columns:
        raise Wrong("Given a small made-up table, `add_intervals` does not return a table with a `figure_id` column.")
    if set(got["figure_id"]) != {"made_up.a", "made_up.b", "made_up.d"}:
        raise Wrong("Given a small made-up table, `add_intervals` does not return one row for each of its figures "
                    "that has a base: does it work on the `table` it is given, rather than on `figures`?")


exercise = Exercise(
    id="ex01_03",
    name="add_intervals",
    title="An interval for every figure that has a base",
    names=("add_intervals", "figures"),
    checks=[
        IsA("add_intervals", "function"),
        Alone("add_intervals", STAND_INS, CallsOn("add_intervals", ["figures"], key="figure_ids", transform=_ids,
                                       message="The rows are not the figures that have a base: keep exactly the "
                                               "rows of `table` whose `base_n` is not missing, each once.")),
        Alone("add_intervals", STAND_INS, CallsOn("add_intervals", ["figures"], key="ends", step=0.0001, transform=_ends,
                                       message="Some intervals are not the ones we expect. Work one row out by "
                                               "hand: which successes and which base go into its interval?",
                                       mistakes={"wrong-unrounded-successes":
                                                 "close, but the successes here are not whole respondents: the "
                                                 "prompt counts them with `count_from_share`, in whole people."})),
        Alone("add_intervals", STAND_INS, Behaves("add_intervals", _uses_its_table)),
    ],
    hints=[
        "Two steps: keep the rows of `table` that have a base, then compute an interval for each of them.",
        "`table[table['base_n'].notna()]` keeps the rows with a base. For each row, successes = count_from_share(percent, base_n).",
        "Loop over the rows (or use `.apply(..., axis=1)`), call `wilson_interval(successes, base_n)`, and store the two ends in new columns `low` and `high`; finally keep only the five columns asked for, and return the table.",
    ],
)
