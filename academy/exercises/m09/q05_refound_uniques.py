"""Module 09, exercise 5 — rare people re-found in synthetic data: `refound_uniques(synthetic, real, quasi)`."""

import pandas as pd

from academy.exercises.checks import Calls, CallsOn, IsA
from academy.exercises.core import Exercise

REAL = pd.DataFrame({"area": ["A", "A", "B", "C", "D", "D"], "age": [30, 30, 40, 50, 60, 61],
                     "secret": ["x", "y", "x", "y", "x", "x"]})
SYNTHETIC = pd.DataFrame({"area": ["A", "B", "C", "D", "B"], "age": [30, 40, 50, 61, 40],
                          "secret": ["x", "x", "x", "x", "x"]})
UNIQUE = "Count only people unique in `real` on the quasi-identifiers, and only when their whole record is in `synthetic`."

exercise = Exercise(
    id="ex09_05",
    name="refound_uniques",
    title="Rare people re-found",
    names=("refound_uniques", "syn_memo", "train", "QUASI"),
    checks=[
        IsA("refound_uniques", "function"),
        Calls("refound_uniques", (SYNTHETIC, REAL, ["area", "age"]), key="visible_case", step=0.5, transform=int,
              message=UNIQUE),
        CallsOn("refound_uniques", ["syn_memo", "train", "QUASI"], key="memorising", step=0.5, transform=int,
                message=UNIQUE),
    ],
    hints=[
        "Two steps: which real people are alone in their combination of quasi-identifiers, and which of them appear whole in the synthetic data?",
        "`groupby(quasi)[...].transform('size')` counts each person's combination; a merge on every column finds whole records.",
        "Keep the rows whose combination count is 1, drop duplicate synthetic rows, and count the inner merge on all columns.",
    ],
)
