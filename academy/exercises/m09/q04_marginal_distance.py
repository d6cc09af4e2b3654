"""Module 09, exercise 4 — utility of one column: `marginal_distance(real, synthetic, column)`."""

import pandas as pd

from academy.exercises.checks import Calls, IsA
from academy.exercises.core import Exercise

REAL = pd.DataFrame({"band": ["a"] * 5 + ["b"] * 3 + ["c"] * 2})
SYNTHETIC = pd.DataFrame({"band": ["a"] * 2 + ["b"] * 4 + ["d"] * 2})

exercise = Exercise(
    id="ex09_04",
    name="marginal_distance",
    title="Marginal distance",
    names=("marginal_distance",),
    checks=[
        IsA("marginal_distance", "function"),
        Calls("marginal_distance", (REAL, SYNTHETIC, "band"), key="visible_case", step=0.001, transform=float,
              message="Not the total variation distance: compare shares (not counts), include categories found in only "
                      "one table, and halve the sum of absolute differences.",
              mistakes={"wrong-distance-counts-and-risk-difference":
                        "the tables have different numbers of rows: compare the share of each category, not its count."}),
    ],
    hints=[
        "Turn each column into the share of rows in each category; the two tables may have different sizes.",
        "`value_counts(normalize=True)` gives shares; `p.align(q, fill_value=0)` puts both on the same categories.",
        "Return half the sum of the absolute differences of the aligned shares.",
    ],
)
