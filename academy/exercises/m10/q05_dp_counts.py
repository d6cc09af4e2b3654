"""Module 10, exercise 5 — a DP count table charged to the budget: `dp_counts(df, column, domain, epsilon, accountant, rng)`."""

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m10.recorder import Recorder, Refused

PEOPLE = pd.DataFrame({"area": ["n"] * 300 + ["s"] * 500 + ["e"] * 200})
DOMAIN = ["e", "n", "s", "w"]  # "w": a public category nobody in the table has


def _same_twice(func) -> bool:
    """The same seed twice gives the same table (the noise comes from the `rng` argument)."""
    first, second = (func(PEOPLE.copy(), "area", list(DOMAIN), 0.5, Recorder(), np.random.default_rng(7))
                     for _ in range(2))
    return np.allclose(pd.Series(first).astype(float).to_numpy(), pd.Series(second).astype(float).to_numpy())


def _behaves(func):
    runs = []
    for seed in range(300):
        acc = Recorder()
        got = func(PEOPLE.copy(), "area", list(DOMAIN), 0.5, acc, np.random.default_rng(seed))
        if not isinstance(got, pd.Series):
            raise Wrong("`dp_counts` should return a pandas Series, one noisy count per category.")
        if len(got) == len(DOMAIN) and set(map(str, got.index)) != set(DOMAIN):
            raise Wrong("The table has a count for each category but does not say which is which: label each "
                        "count with its category (the Series' index), so that a reader can look a category up.")
        if set(map(str, got.index)) != set(DOMAIN) or len(got) != len(DOMAIN):
            raise Wrong("The table should have one count per category of `domain`, including categories nobody in "
                        "`df` has: leaving one out reveals that it is empty.")
        if len(acc.charges) != 1 or abs(acc.charges[0] - 0.5) > 1e-12:
            raise Wrong("Each release should charge the accountant once, with the ε it is released at.")
        runs.append(got.astype(float).reindex(DOMAIN).to_numpy())
    runs = np.array(runs)
    if np.allclose(runs, runs[0]):
        raise Wrong("Every run gives the same table: draw the noise from `rng`.")
    if not _same_twice(func):
        raise Wrong("Two releases with generators seeded alike gave different tables: draw the noise from the `rng` "
                    "passed in, not from another source of randomness, so that a release can be reproduced and audited.")
    noise = runs - np.array([200, 300, 500, 0])
    if np.allclose(noise, noise[:, :1]):
        raise Wrong("Every category got the same noise in a run: one draw added to the whole table leaves the "
                    "differences between counts exact. Each count needs its own independent draw.")
    if np.allclose(runs, np.round(runs)):
        raise Wrong("Every published count is a whole number: the counts were rounded. The prompt asks for the "
                    "noisy counts as drawn; rounding is a presentation step for later, not part of this function.")
    if np.all(runs[:, 3] >= 0):
        raise Wrong("The count of an empty category never came out below 0 in many runs: the noisy counts were "
                    "clipped. The prompt asks for them unclipped.")
    spread = np.mean(np.abs(noise), axis=0)
    if not np.all((spread > 1.6) & (spread < 2.45)):
        raise Wrong("The noise has the wrong size for this ε. One person changes one count by 1: what Laplace scale "
                    "gives ε-differential privacy for a sensitivity of 1?")
    try:
        func(PEOPLE.copy(), "area", list(DOMAIN), 0.5, Recorder(refuse=True), np.random.default_rng(0))
    except Refused:
        pass
    else:
        raise Wrong("When the accountant refuses the charge, `dp_counts` returned instead of letting the refusal "
                    "through. Charge first, and let the accountant's exception reach the caller: otherwise the "
                    "caller cannot tell a refused release from a released one.")


exercise = Exercise(
    id="ex10_05",
    name="dp_counts",
    title="A noisy count table, charged to the budget",
    names=("dp_counts",),
    checks=[IsA("dp_counts", "function"), Behaves("dp_counts", _behaves)],
    hints=[
        "Three steps in this order: charge the accountant, count every category of the domain, add noise.",
        "`df[column].value_counts().reindex(domain, fill_value=0)` counts every category, empty ones too.",
        "Add `rng.laplace(0, 1 / epsilon, size=len(domain))` to the counts after `accountant.spend(epsilon, ...)`.",
    ],
)
