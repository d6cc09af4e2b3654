"""Module 09, exercise 10 — a differentially private table: `noisy_table(df, parent, child, domain, epsilon, rng)`."""

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m06.noise import noise_size

DOMAIN = {"p": ["a", "b", "c", "z"], "q": ["u", "v", "w", "x"]}


def _frame():
    """Every cell with parent a, b or c holds 200 people (noise never reaches 0); parent z is empty."""
    return pd.DataFrame({"p": np.repeat(["a", "b", "c"], 800), "q": np.tile(np.repeat(["u", "v", "w", "x"], 200), 3)})


def _behaves(func):
    first = func(_frame(), "p", "q", DOMAIN, 1.0, np.random.default_rng(9))
    if first is None:
        raise Wrong("`noisy_table` returned None. Did you forget `return`?")
    table = np.asarray(pd.DataFrame(first), dtype=float)
    if table.shape != (4, 4):
        raise Wrong("The table should have one row per category of the parent and one column per category of the child "
                    "in `domain` — including categories nobody in `df` has: leaving an empty cell out reveals it is empty.")
    if (table < 0).any():
        raise Wrong("Some noisy counts are negative: set them to 0, as a count cannot be negative.")
    again = np.asarray(pd.DataFrame(func(_frame(), "p", "q", DOMAIN, 1.0, np.random.default_rng(9))), dtype=float)
    if not np.array_equal(table, again):
        raise Wrong("Two generators made from the same seed give different tables: draw the noise from `rng`.")
    for epsilon in (0.5, 2.0):
        draws = np.array([np.asarray(pd.DataFrame(func(_frame(), "p", "q", DOMAIN, epsilon, np.random.default_rng(i))),
                                     dtype=float) for i in range(60)])
        big = (draws[:, :3, :] - 200).ravel()  # 720 noise draws on cells far from 0: clipping never bites
        noise_size(np.mean(np.abs(big)), 1 / epsilon, "noisy_table", [
            (epsilon, "The noise scale is ε/Δ, upside down: a smaller ε must give more noise, not less."),
            (6 / epsilon, "The noise is sized for the whole synthesizer's six tables: this function is given the ε of "
                          "one table already: size the noise by one table's sensitivity."),
        ], tolerance=0.12)
        if abs(np.median(big)) > 0.15 / epsilon:
            raise Wrong("The noisy counts are not centred on the true counts (or the table's cells are misplaced).")
        if np.mean(draws[:, 3, :] == 0) < 0.3:
            raise Wrong("Empty cells do not get noise (or are not clipped at 0): every cell of the domain is published "
                        "with noise, then negative results are set to 0.")


exercise = Exercise(
    id="ex09_10",
    name="noisy_table",
    title="A noisy table",
    names=("noisy_table",),
    checks=[IsA("noisy_table", "function"), Behaves("noisy_table", _behaves)],
    hints=[
        "Three steps: count every (parent, child) cell of the public domain, add Laplace noise to each cell, clip at 0.",
        "`pd.crosstab(...).reindex(index=..., columns=..., fill_value=0)` puts the counts on the whole domain.",
        "Add `rng.laplace(0, 1 / epsilon, size=shape)` to the counts and `np.clip` the result at 0.",
    ],
)
