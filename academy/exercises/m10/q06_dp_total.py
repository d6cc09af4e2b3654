"""Module 10, exercise 6 — a DP total with clipping: `dp_total(values, upper, epsilon, accountant, rng)`."""

import numpy as np

from academy.exercises.checks import Behaves, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m10.recorder import Recorder, Refused

VALUES = np.array([10.0] * 50 + [40.0] * 30 + [5_000.0])  # one person far above the cap
UPPER, EPSILON = 50.0, 0.5
CLIPPED = 10.0 * 50 + 40.0 * 30 + UPPER


def _same_twice(func) -> bool:
    """The same seed twice gives the same total (the noise comes from the `rng` argument)."""
    first, second = (float(func(VALUES.copy(), UPPER, EPSILON, Recorder(), np.random.default_rng(7))) for _ in range(2))
    return first == second


def _behaves(func):
    draws = []
    for seed in range(400):
        acc = Recorder()
        got = func(VALUES.copy(), UPPER, EPSILON, acc, np.random.default_rng(seed))
        try:
            draws.append(float(got))
        except (TypeError, ValueError):
            raise Wrong("`dp_total` should return one number.")
        if len(acc.charges) != 1 or abs(acc.charges[0] - EPSILON) > 1e-12:
            raise Wrong("Each release should charge the accountant once, with the ε it is released at.")
    draws = np.array(draws)
    if not _same_twice(func):
        raise Wrong("Two releases with generators seeded alike gave different totals: draw the noise from the `rng` "
                    "passed in, not from another source of randomness, so that a release can be reproduced and audited.")
    scale = UPPER / EPSILON
    # The spread is measured about the draws' own median first, so that too much noise is named as such
    # and not mistaken for a total off centre.
    spread = np.mean(np.abs(draws - np.median(draws)))
    if spread < 0.8 * scale:
        raise Wrong("The noise is too small for this ε. One person can change the clipped total by as much as "
                    "`upper`, so the sensitivity is `upper`; the Laplace scale is the sensitivity divided by ε.")
    if spread > 1.2 * scale:
        raise Wrong("The noise is too large for this ε: the total needs one Laplace draw whose scale is set by "
                    "the clipped total's sensitivity, not by the largest value, nor one draw per value.")
    if abs(np.median(draws) - CLIPPED) > 0.25 * scale:
        raise Wrong("The total is off centre: one person far above `upper` counts in full. Clip every value to "
                    "the range 0 to `upper` before adding up.")
    try:
        func(VALUES.copy(), UPPER, EPSILON, Recorder(refuse=True), np.random.default_rng(0))
    except Refused:
        pass
    else:
        raise Wrong("When the accountant refuses the charge, `dp_total` returned instead of letting the refusal "
                    "through. Charge first, and let the accountant's exception reach the caller: otherwise the "
                    "caller cannot tell a refused release from a released one.")


exercise = Exercise(
    id="ex10_06",
    name="dp_total",
    title="A noisy total, clipped, charged to the budget",
    names=("dp_total",),
    checks=[IsA("dp_total", "function"), Behaves("dp_total", _behaves)],
    hints=[
        "How much can one person change the total? Without a cap, without limit; with values capped at `upper`, by `upper`.",
        "`np.clip(values, 0, upper)` caps every value; the Laplace scale is the sensitivity divided by ε.",
        "Charge with `accountant.spend(epsilon, ...)`, then return the clipped sum plus `rng.laplace(0, upper / epsilon)`.",
    ],
)
