"""Module 09, exercise 2 — association of two categorical columns: `cramers_v(x, y)`."""

import pandas as pd

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong

X = pd.Series(list("aabbbccccdd") * 6)
Y = pd.Series(list("pqpqrrrpqpr") * 6)


def _range(func):
    value = func(X, Y)
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise Wrong("`cramers_v` should return one number.")
    if not 0 <= value <= 1:
        raise Wrong("Cramér's V lies between 0 and 1: check the formula's denominator and the square root.")
    if abs(float(func(Y, X)) - value) > 1e-9:
        raise Wrong("Cramér's V should not depend on which column comes first.")


exercise = Exercise(
    id="ex09_02",
    name="cramers_v",
    title="Cramér's V",
    names=("cramers_v",),
    checks=[
        IsA("cramers_v", "function"),
        Behaves("cramers_v", _range),
        Calls("cramers_v", (X, Y), key="visible_case", step=0.0005, transform=float,
              message="Cramér's V is not right: check χ² (without continuity correction), n, and min(r, c) − 1.",
              mistakes={"wrong-cramers-max-and-mean-distance":
                        "the denominator uses the larger side of the table; Cramér's V uses the smaller one."}),
    ],
    hints=[
        "Build the table of counts of the two columns first; χ² compares it with the counts independence would give.",
        "`chi2_contingency(table, correction=False)[0]` is χ²; n is the table's total; r and c its shape.",
        "Return the square root of χ² divided by n times (the smaller of r and c, minus one).",
    ],
)
