"""Module 09, exercise 1 — synthesis from independent marginals: `independent_marginals(df, n, rng)`."""

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m09.tables import dependent_pair, shares, table_of


def _behaves(func):
    real = dependent_pair()
    given = real.copy()
    syn = table_of(func(given, 5000, np.random.default_rng(3)), "independent_marginals")
    if not given.equals(real):
        raise Wrong("`independent_marginals` changed the DataFrame it was given; draw from it without changing it.")
    if len(syn) != 5000 or sorted(map(str, syn.columns)) != ["a", "b"]:
        raise Wrong("Return `n` rows with the same columns as `df`.")
    for column in ("a", "b"):
        gap = (shares(syn[column]) - shares(real[column])).abs().max()
        if not gap < 0.04:
            raise Wrong(f"Column `{column}` does not keep its distribution: draw each column from its own values in `df`.")
    together = pd.crosstab(np.asarray(syn["a"]), np.asarray(syn["b"]), normalize=True).to_numpy().max()
    if together > 0.35:
        raise Wrong("Two columns that are linked in `df` are still linked in your synthetic data: you drew whole rows "
                    "(real people), which copies records. Draw each column on its own.")
    again = func(real.copy(), 5000, np.random.default_rng(3))
    if not pd.DataFrame(again).reset_index(drop=True).equals(pd.DataFrame(syn).reset_index(drop=True)):
        raise Wrong("Two generators made from the same seed give different tables: draw with the `rng` you are given.")


exercise = Exercise(
    id="ex09_01",
    name="independent_marginals",
    title="Synthesis from independent marginals",
    names=("independent_marginals",),
    checks=[IsA("independent_marginals", "function"), Behaves("independent_marginals", _behaves)],
    hints=[
        "Treat each column as a bag of values and draw from each bag separately.",
        "`rng.choice(values, size=n)` draws n values with replacement from an array.",
        "Build a dict column → `rng.choice(df[column].to_numpy(), size=n)` and turn it into a DataFrame.",
    ],
)
