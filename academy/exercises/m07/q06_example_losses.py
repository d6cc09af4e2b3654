"""Module 07, exercise 6 — the loss of each record: `example_losses(w, X, y)`."""

import numpy as np

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m07.cases import W, X_SMALL, Y_SMALL, as_list


def _one_per_row(func):
    got = func(W, X_SMALL, Y_SMALL)
    if got is None:
        raise Wrong("`example_losses` returned None. Did you forget `return`?")
    if np.shape(got) != (len(Y_SMALL),):
        raise Wrong("`example_losses` should return one loss per row of `X`, not one number for all rows.")
    if np.any(np.asarray(got, dtype=float) < 0):
        raise Wrong("A log loss is never negative: −log of a probability is at least 0.")


exercise = Exercise(
    id="ex07_06",
    name="example_losses",
    title="The loss of each record",
    names=("example_losses",),
    checks=[
        IsA("example_losses", "function"),
        Behaves("example_losses", _one_per_row),
        Calls("example_losses", (W, X_SMALL, Y_SMALL), key="visible_case", step=1e-6, transform=as_list,
              message="Some losses are wrong. The loss depends on the label: a readmitted patient's loss uses "
                      "the probability of readmission, another patient's the probability of no readmission.",
              mistakes={"wrong-loss-and-threshold":
                        "every row gets −log p, but for a patient who was not readmitted the model's probability "
                        "of what happened is 1 − p."}),
    ],
    hints=[
        "The loss is small when the model gave a high probability to what actually happened.",
        "For y = 1 what happened has probability p; for y = 0 it has probability 1 − p.",
        "With NumPy arrays: combine `y * np.log(p)` and `(1 - y) * np.log(1 - p)`, then change the sign.",
    ],
)
