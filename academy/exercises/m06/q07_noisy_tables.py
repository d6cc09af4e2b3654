"""Module 06, exercise 7 — protect the published tables: `noisy_tables(tables, epsilon, rng)`.

Section 6 treats the three tables as one release: adding or removing one person changes it by
at most 3 (summed over all cells), so every count gets noise of scale 3/ε.
"""

import itertools

import numpy as np

from academy.exercises.checks import Behaves, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m06.noise import noise_size, seeded
from academy.exercises.m06.q03_reconstruct import BANDS, SEXES


def _base():
    return {
        "people": {(b, s): 300 + 40 * i for i, (b, s) in enumerate(itertools.product(BANDS, SEXES))},
        "benefit_by_sex": {"F": 90, "M": 80},
        "benefit_by_band": {"0-17": 20, "18-64": 100, "65+": 50},
    }


def _shape(func, base):
    snapshot = repr(base)
    out = func(base, 0.5, seeded(1))
    if repr(base) != snapshot:
        raise Wrong("`noisy_tables` changed the tables it was given. Build and return a new dict instead.")
    if not isinstance(out, dict) or set(out) != set(base):
        raise Wrong("`noisy_tables` should return a dict with the same table names as its input.")
    for name, table in base.items():
        if not isinstance(out[name], dict) or set(out[name]) != set(table):
            raise Wrong(f"The table `{name}` in your result does not have the same keys as in the input.")
        for value in out[name].values():
            if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
                raise Wrong("Every noisy count should be a whole number of type int, as a published count is.")


def _zeros(func, base):
    small = {name: {k: 0 for k in table} for name, table in base.items()}
    zeros = np.array([v for i in range(60) for t in func(small, 0.5, seeded(i)).values() for v in t.values()], dtype=float)
    if np.any(zeros < 0):
        raise Wrong("Some noisy counts are negative: a published count cannot be, so raise negatives to 0.")
    if not np.any(zeros > 0):
        raise Wrong("A true count of 0 is always published as 0, which tells everyone which cells are empty. "
                    "Every count needs noise, zeros included; only afterwards are negative results raised to 0.")
    if np.mean(zeros == 0) < 0.3:
        raise Wrong("True counts of 0 are published as 0 too rarely: negative noisy counts seem to be turned "
                    "positive (mirrored) rather than raised to 0.")


def _independent(func, base):
    if func(base, 1.0, seeded(5)) != func(base, 1.0, seeded(5)):
        raise Wrong("Draw the noise from the generator `rng` you are given, so that the same seed gives the same release.")
    rng = seeded(17)
    gaps = {name: set() for name in base}
    firsts = {name: set() for name in base}
    for _ in range(30):
        noisy = func(base, 0.5, rng)
        for name, table in base.items():
            k1, k2 = list(table)[:2]
            gaps[name].add(noisy[name][k1] - noisy[name][k2])
            firsts[name].add(noisy[name][k1])
    if any(len(gaps[name]) == 1 and len(firsts[name]) > 1 for name in base):
        raise Wrong("The differences between the cells of a table are the same in every release: all cells share "
                    "one noise draw. Then the differences are published exactly, which is not differentially "
                    "private. Every count needs a draw of its own.")


def _size(func, base):
    epsilon = 0.5
    rng = seeded(31)
    dev = []
    for _ in range(400):
        noisy = func(base, epsilon, rng)
        dev += [noisy[t][k] - base[t][k] for t in base for k in base[t]]
    dev = np.array(dev, dtype=float)
    if abs(np.median(dev)) > 1:
        raise Wrong("The noisy counts are not centred on the true counts.")
    if np.mean(np.abs(dev)) < 0.25 * 3 / epsilon:
        raise Wrong("After rounding, the counts carry almost no noise: the noise scale is far too small. A smaller "
                    "ε must give more noise, not less.")
    noise_size(np.mean(np.abs(dev)), 3 / epsilon, "noisy_tables", [
        (1 / epsilon, "The noise is sized for a single count, but the three tables are one release: count in how "
                      "many cells of the release one person can appear, as section 6 does."),
        (epsilon / 3, "The noise scale is ε/Δ, upside down: a smaller ε must give more noise, not less."),
    ])
    # rounding to the nearest whole number keeps the noise centred; cutting the decimals off
    # rounds a positive count down: on average half a person too few
    rng = seeded(43)
    dev = []
    for _ in range(200):
        noisy = func(base, 3.0, rng)
        dev += [noisy[t][k] - base[t][k] for t in base for k in base[t]]
    if np.mean(dev) < -0.25:
        raise Wrong("The noisy counts are rounded down on average rather than to the nearest whole number: "
                    "cutting the decimals off is not rounding.")


def _noisy_tables_test(func):
    for part in (_shape, _zeros, _independent, _size):
        part(func, _base())


exercise = Exercise(
    id="ex06_07",
    name="noisy_tables",
    title="Protect the published tables",
    names=("noisy_tables",),
    checks=[IsA("noisy_tables", "function"), Behaves("noisy_tables", _noisy_tables_test)],
    hints=[
        "Go through every table and every count in it, and build a new dict as you go.",
        "Build a new dict with the same table names; inside each, a new dict with the same keys and a noisy, rounded, non-negative count. Two nested loops (or comprehensions) over `.items()` do it.",
        "For each count, zeros included: add its own Laplace draw of scale 3/ε, round to the nearest whole number, make it an `int`, and raise negatives to 0 with `max`.",
    ],
)
