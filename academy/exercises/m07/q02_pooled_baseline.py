"""Module 07, exercise 2 — the pooled model: `pooled_auc` (a Series) and `pooled_model` (a vector)."""

import numpy as np

from academy.exercises.checks import Has, IsA, Matches
from academy.exercises.core import Exercise
from academy.exercises.m07.cases import HOSPITALS

exercise = Exercise(
    id="ex07_02",
    name="pooled_baseline",
    title="The pooled model nobody may build",
    names=("pooled_auc", "pooled_model"),
    checks=[
        IsA("pooled_auc", "series"),
        Has("pooled_auc", lambda s: set(map(str, s.index)) == set(HOSPITALS),
            "`pooled_auc` should have one value per hospital, indexed by the names in `HOSPITALS`."),
        Has("pooled_model", lambda w: np.ndim(w) == 1 and len(w) == 973,
            "`pooled_model` should be one parameter vector of 973 numbers, as `local_update` returns."),
        Matches("pooled_auc", key="value", step=1e-4, transform=lambda s: [float(s[h]) for h in HOSPITALS],
                message="Some AUCs differ from those of one model trained on all three training sets and scored "
                        "on each hospital's own test data. Check the order of the stacked hospitals, the epochs "
                        "and the seed."),
    ],
    hints=[
        "One model, trained once, on every training record of the three hospitals together.",
        "`np.vstack` stacks feature arrays; `np.concatenate` joins label arrays — keep the same hospital order in both.",
        "Train with `local_update(START, X, y, epochs=20, seed=0)`, then score that one model on each hospital's test data.",
    ],
)
