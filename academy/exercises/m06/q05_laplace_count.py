"""Module 06, exercise 5 — a noisy count: `laplace_count(true_count, epsilon, rng)`."""

import numpy as np

from academy.exercises.checks import Behaves, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m06.noise import draws, noise_size, same_draws, seeded


def _laplace_count_test(func):
    same_draws(func, lambda rng: (10, 1.0, rng), "laplace_count")
    for epsilon in (0.25, 2.0):
        dev = draws(func, 20_000, 120, epsilon, seeded(20260611)) - 120
        if not np.all(np.isfinite(dev)):
            raise Wrong("`laplace_count` returned a value that is not a finite number.")
        if np.all(dev == np.round(dev)):
            raise Wrong("`laplace_count` rounds its result; return the noisy value as a float, unrounded.")
        if abs(np.median(dev)) > 0.1 / epsilon:
            raise Wrong("The noisy counts are not centred on the true count: the noise should have mean 0.")
        mad = np.mean(np.abs(dev))
        if mad / dev.std() > 0.75:
            raise Wrong("The noise does not have the shape of a Laplace distribution (it looks like normal or "
                        "uniform noise). Which distribution does the Laplace mechanism draw from?")
        noise_size(mad, 1 / epsilon, "laplace_count", [
            (epsilon, "The noise scale is ε/Δ, upside down: a smaller ε must give more noise, not less."),
            (1.0, "The noise does not depend on ε: the scale must grow as ε shrinks."),
        ])


exercise = Exercise(
    id="ex06_05",
    name="laplace_count",
    title="A noisy count with the Laplace mechanism",
    names=("laplace_count",),
    checks=[IsA("laplace_count", "function"), Behaves("laplace_count", _laplace_count_test)],
    hints=[
        "What is the sensitivity of a count, and what noise scale b follows from it and ε?",
        "`rng.laplace(loc, scale)` draws one Laplace number; loc is the centre (0), scale is b = Δ/ε.",
        "Add `rng.laplace(0, b)` to the true count, with b computed from the sensitivity of a count and ε.",
    ],
)
