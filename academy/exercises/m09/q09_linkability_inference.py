"""Module 09, exercise 9 — linkability and inference through the nearest synthetic records.

`linkability_rate(synthetic, targets, cols_a, cols_b)` and `inference_rate(synthetic, targets, known, secret)`.
"""

import pandas as pd

from academy.exercises.checks import Calls, IsA
from academy.exercises.core import Exercise

SYNTHETIC = pd.DataFrame({"area": ["A", "A", "B", "C", "C"], "sex": ["F", "M", "M", "F", "F"],
                          "band": ["lo", "hi", "hi", "lo", "hi"]})
TARGETS = pd.DataFrame({"area": ["A", "B", "C", "D", "A"], "sex": ["M", "F", "F", "M", "F"],
                        "band": ["hi", "lo", "lo", "hi", "hi"]})

exercise = Exercise(
    id="ex09_09",
    name="linkability_inference",
    title="Linkability and inference",
    names=("linkability_rate", "inference_rate"),
    checks=[
        IsA("linkability_rate", "function"),
        Calls("linkability_rate", (SYNTHETIC, TARGETS, ["area"], ["sex"]), key="link_visible", step=0.001,
              transform=float,
              message="For each target, take all synthetic rows at the smallest distance on each half (not only exact "
                      "matches, and not one arbitrary row), and count the target as linked when the two sets meet.",
              mistakes={"wrong-link-exact-only-and-observed-cells":
                        "a target with no exact match on a half still has nearest records: use the smallest distance "
                        "found, whatever it is."}),
        IsA("inference_rate", "function"),
        Calls("inference_rate", (SYNTHETIC, TARGETS, ["area", "sex"], "band"), key="inference_visible", step=0.001,
              transform=float,
              message="Guess the secret most common among all nearest synthetic rows on the known columns (the smallest "
                      "value on a tie), and count the targets guessed right."),
    ],
    hints=[
        "Both attacks need one step: the rows of `synthetic` nearest to a target on some columns. Write it once as a helper.",
        "Count, for every synthetic row, the listed columns that differ from the target; the nearest rows are those at the minimum count.",
        "Linkability: `np.intersect1d` of the two index sets is non-empty. Inference: `value_counts()` of the secret among the nearest rows, ties broken with `sorted`.",
    ],
)
