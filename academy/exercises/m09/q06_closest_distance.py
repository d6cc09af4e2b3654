"""Module 09, exercise 6 — distance to closest record: `closest_distance(synthetic, real)`."""

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, Calls, IsA, call_learner
from academy.exercises.core import Exercise, Wrong

REAL = pd.DataFrame({"a": ["x", "y", "z", "x"], "b": [1, 2, 3, 3], "c": [True, False, True, False]})
SYNTHETIC = pd.DataFrame({"a": ["x", "q", "z", "y", "y"], "b": [1, 9, 2, 3, 2], "c": [False, True, True, True, False]})
SECONDS = 20.0


def _speed(func):
    rng = np.random.default_rng(6)
    big = pd.DataFrame({f"k{i}": rng.choice(list("abcde"), 5000) for i in range(7)})
    got = call_learner(func, "closest_distance", big.iloc[:2500], big, seconds=SECONDS,
                       too_slow=f"`closest_distance` took more than {SECONDS:g} seconds on 2,500 × 5,000 rows. Compare a "
                                "block of synthetic rows with all real rows at once (NumPy broadcasting), not pair by pair.")
    if np.asarray(got).shape != (2500,) or np.any(np.asarray(got) != 0):
        raise Wrong("Rows copied from `real` should be at distance 0 from it, with one distance per synthetic row.")


exercise = Exercise(
    id="ex09_06",
    name="closest_distance",
    title="Distance to closest record",
    names=("closest_distance",),
    checks=[
        IsA("closest_distance", "function"),
        Calls("closest_distance", (SYNTHETIC, REAL), key="visible_case", step=0.5,
              transform=lambda v: [int(x) for x in np.asarray(v).ravel()],
              message="Some distances are wrong: count the columns in which two rows differ, and keep the smallest count "
                      "over all real rows, one result per synthetic row."),
        Behaves("closest_distance", _speed),
    ],
    hints=[
        "For one synthetic row: compare it with every real row column by column, count the differences, take the minimum.",
        "Encode the values as codes, then `(block[:, None, :] != real[None, :, :]).sum(axis=2)` counts differences for a block.",
        "Process the synthetic rows in blocks of a few hundred and take `.min(axis=1)` of each block's count matrix.",
    ],
)
