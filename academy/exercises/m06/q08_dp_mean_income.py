"""Module 06, exercise 8 — a private mean with diffprivlib: `dp_mean_income(incomes, upper, epsilon, random_state=None)`."""

import warnings

import numpy as np

from academy.exercises.checks import Behaves, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m06.noise import seeded


def _dp_mean_test(func):
    incomes = seeded(8).uniform(0, 40_000, 800)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first = func(incomes, 50_000, 1.0, random_state=4)
    if first is None:
        raise Wrong("`dp_mean_income` returned None. Did you forget `return`?")
    if any(w.category.__name__ == "PrivacyLeakWarning" for w in caught):
        raise Wrong("diffprivlib warned of a privacy leak: it took the bounds from the (private) data. It needs "
                    "the public clipping range instead.")
    if float(first) != float(func(incomes, 50_000, 1.0, random_state=4)):
        raise Wrong("The same `random_state` gives different results: diffprivlib never receives it.")
    with_outliers = np.append(incomes, [3e8, 9e8])
    outlier_runs = [float(func(with_outliers, 50_000, 2.0, random_state=s)) for s in range(40)]
    if abs(np.median(outlier_runs) - np.clip(with_outliers, 0, 50_000).mean()) > 50:
        raise Wrong("Incomes above `upper` are not clipped to it (or the bounds are not the range [0, upper]).")
    epsilon = 0.5
    errors = np.array([float(func(incomes, 50_000, epsilon, random_state=s)) for s in range(1_500)]) - incomes.mean()
    scale = 50_000 / incomes.size / epsilon
    mad = np.mean(np.abs(errors))
    if abs(mad / scale - 1) > 0.12:
        if mad < 0.01 * scale:
            raise Wrong("The result has (almost) no noise: the mean must come from diffprivlib's private mean at "
                        "the given ε.")
        raise Wrong("The noise has the wrong size: check which ε and which bounds diffprivlib receives. Bounds "
                    "taken from the (private) data are not safe, even with the warning silenced.")


exercise = Exercise(
    id="ex06_08",
    name="dp_mean_income",
    title="A private mean with diffprivlib",
    names=("dp_mean_income",),
    checks=[IsA("dp_mean_income", "function"), Behaves("dp_mean_income", _dp_mean_test)],
    hints=[
        "`diffprivlib.tools.mean` works like `np.mean`, with three more arguments.",
        "The arguments are `epsilon=...`, `bounds=(lower, upper)` and `random_state=...`; diffprivlib clips to the bounds for you.",
        "Call `dp.tools.mean` on the incomes with `epsilon=`, `bounds=` set to the clipping range, and `random_state=`; return what it gives.",
    ],
)
