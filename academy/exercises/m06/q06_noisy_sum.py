"""Module 06, exercise 6 — a noisy sum of clipped incomes: `noisy_sum(values, upper, epsilon, rng)`."""

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m06.noise import draws, noise_size, same_draws, seeded


def _noisy_sum_test(func):
    # incomes in pounds (whole numbers), two far above `upper` and one below 0 (a loss)
    values = np.append(seeded(6).integers(0, 20_000, 50), [180_000, 600_000, -80_000]).astype(float)
    upper = 100_000
    clipped = np.clip(values, 0, upper).sum()
    given = values.copy()
    same_draws(func, lambda rng: (given, upper, 1.0, rng), "noisy_sum")
    if not np.array_equal(given, values):
        raise Wrong("`noisy_sum` changed the array it was given (it clipped the values in place). Leave `values` "
                    "as it was and clip a copy: a function should not change its input.")
    got = float(func(pd.Series(values.astype(int), dtype="Int64"), upper, 1.0, seeded(3)))
    if not np.isfinite(got):
        raise Wrong("`noisy_sum` does not return a finite number for a pandas Series of whole numbers (Int64).")
    epsilon = 0.5
    scale = upper / epsilon
    # 2,000 draws: a correct answer written with pandas takes about 4 ms a call, and the whole
    # check must stay well inside the exercise's time limit
    dev = draws(func, 2_000, values.copy(), upper, epsilon, seeded(99)) - clipped
    if np.all(dev == np.round(dev)):
        raise Wrong("`noisy_sum` rounds its result; return the noisy value as a float, unrounded.")
    # the noise must not grow with the number of values: one draw for the total, not one per value
    many = draws(func, 200, np.full(400, 50.0), 100, 1.0, seeded(12))
    if np.mean(np.abs(many - np.median(many))) > 3 * 100:
        raise Wrong("The noise grows with the number of values. Add one noise draw to the total, not one per "
                    "value: the sensitivity of the clipped sum already covers any one person.")
    top_gap = np.clip(values, 0, None).sum() - clipped
    if abs(np.median(dev) - top_gap) < 0.1 * scale or abs(np.median(dev) - (values.sum() - clipped)) < 0.1 * scale:
        raise Wrong("Values above `upper` are not clipped: one very large income could then move the sum without limit.")
    bottom_gap = np.clip(values, None, upper).sum() - clipped
    if abs(np.median(dev) - bottom_gap) < 0.1 * scale:
        raise Wrong("Values below 0 are not raised to 0: the clipping range [0, `upper`] has two ends, and a "
                    "loss must not lower the sum below what the range allows.")
    if abs(np.median(dev)) > 0.1 * scale:
        raise Wrong("The noisy sum is not centred on the sum of the clipped values.")
    noise_size(np.mean(np.abs(dev)), scale, "noisy_sum", [
        (1 / epsilon, "The noise is sized for a count. A clipped sum has a larger sensitivity: how much can one "
                      "person add to it?"),
        (epsilon / upper, "The noise scale is ε/Δ, upside down: a smaller ε must give more noise, not less."),
        (epsilon * upper, "The noise scale multiplies Δ by ε; a smaller ε must give more noise, not less."),
    ], tolerance=0.1)


exercise = Exercise(
    id="ex06_06",
    name="noisy_sum",
    title="A noisy sum of clipped incomes",
    names=("noisy_sum",),
    checks=[IsA("noisy_sum", "function"), Behaves("noisy_sum", _noisy_sum_test)],
    hints=[
        "Three steps: clip, add up, add noise. Which sensitivity does a sum of values in [0, upper] have?",
        "`np.clip(np.asarray(values, dtype=float), 0, upper)` clips; the noise scale is the sum's sensitivity divided by ε.",
        "Add `rng.laplace(0, b)` to the clipped total, with b = (sensitivity of a clipped sum) / ε, and return it as a float.",
    ],
)
