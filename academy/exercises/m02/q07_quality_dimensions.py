"""Module 02, exercise 7 — quality by dimension:
`quality_dimensions(frame, key, required, rules, date_column=None, deadline=None)`."""

import math

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong

DIMENSIONS = ["completeness", "validity", "uniqueness", "timeliness"]
FEEDBACK = {
    "completeness": "completeness should be non-missing cells ÷ all cells over the `required` columns.",
    "validity": "validity should pool the rule columns: values passing ÷ non-missing values checked (missing values are not checked).",
    "uniqueness": "uniqueness should be distinct non-missing keys ÷ rows that have a key.",
    "timeliness": "timeliness should be the share of rows with a date on or before the deadline (the deadline day counts), among rows with a date.",
}


def made_up_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "id": ["a", "b", "b", None, "c", "d", "d", "d"],
        "amount": [10.0, -1.0, np.nan, 4.0, 5.0, np.nan, 7.0, 8.0],
        "code": ["X1", "X2", "bad", None, "X3", "X4", "X5", "X6"],
        "filed": pd.to_datetime(["2023-01-31", "2023-02-01", "2023-01-15", None, "2023-03-01", "2022-12-01", "2023-01-31", "2023-02-28"]),
    })


def _amount_rule(s):
    return s >= 0


def _code_rule(s):
    return s.str.match(r"^X\d$")


ARGS = ("id", ["id", "amount", "code"], {"amount": _amount_rule, "code": _code_rule}, "filed", "2023-01-31")


def _shape(func):
    got = func(made_up_frame(), *ARGS)
    if not isinstance(got, (dict, pd.Series)):
        raise Wrong(f"`quality_dimensions` should return a dict, not a {type(got).__name__}.")
    missing = [d for d in DIMENSIONS if d not in got]
    if missing:
        raise Wrong(f"The dict has no {missing[0]!r} key.")
    none = func(made_up_frame(), *ARGS[:3])
    value = none["timeliness"] if isinstance(none, (dict, pd.Series)) and "timeliness" in none else None
    if not (isinstance(value, (float, np.floating)) and math.isnan(float(value))):
        raise Wrong("When `date_column` is None, timeliness should be the float nan.")


def _dimension(dim):
    return Calls("quality_dimensions", (made_up_frame(), *ARGS), key=dim, transform=lambda got: float(got[dim]),
                 message=f"On a small made-up extract, {FEEDBACK[dim]}")


exercise = Exercise(
    id="ex02_07",
    name="quality_dimensions",
    title="Quality by dimension",
    names=("quality_dimensions",),
    checks=[IsA("quality_dimensions", "function"), Behaves("quality_dimensions", _shape),
            *[_dimension(dim) for dim in DIMENSIONS]],
    hints=[
        "Work out one dimension at a time on a tiny frame you can check by hand; each is a share between 0 and 1.",
        "Completeness: `notna()` over the required columns, averaged over all their cells. Validity: for each rule column, drop missing values, apply the rule, and keep running totals of passes and values checked.",
        "Uniqueness: `nunique()` of the key (missing dropped) over the number of non-missing keys. Timeliness: compare the non-missing dates with `pd.Timestamp(deadline)` using `<=` and take the mean.",
    ],
)
