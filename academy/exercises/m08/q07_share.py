"""Module 08, exercise 7 — additive secret sharing: `share(secret, rng)` and `reconstruct(shares)`."""

import numpy as np

from academy.exercises.checks import Behaves, IsA, call_learner
from academy.exercises.core import Exercise, Wrong

MODULUS = 2**61 - 1  # as in the notebook


def _shares(func, secret, seed):
    got = call_learner(func, "share", secret, np.random.default_rng(seed))
    if not isinstance(got, (list, tuple)) or len(got) != 3:
        raise Wrong("`share` should return a list of three shares.")
    try:
        return [int(s) for s in got]
    except (TypeError, ValueError):
        raise Wrong("Each share should be a whole number.")


def _share_test(func):
    for secret in (0, 41, 123_456_789, MODULUS - 1):
        shares = _shares(func, secret, 7)
        if any(not 0 <= s < MODULUS for s in shares):
            raise Wrong("A share lies outside 0 … MODULUS − 1. Every share, the last one too, is taken modulo "
                        "MODULUS, so that it looks like any other number of that range.")
        if sum(shares) % MODULUS != secret:
            raise Wrong("The three shares do not add up to the secret modulo MODULUS.")
    if _shares(func, 5, 1) == _shares(func, 5, 2):
        raise Wrong("`share` gives the same shares with two different generators: draw the random shares from `rng`.")
    # Any two shares must look like random numbers whatever the secret: each share's mean near MODULUS/2.
    for secret in (0, 10**15):
        draws = np.array([_shares(func, secret, seed) for seed in range(400)], dtype=float) / MODULUS
        if np.any(np.abs(draws.mean(axis=0) - 0.5) > 0.08) or np.any(draws.std(axis=0) < 0.2):
            raise Wrong("Some shares are not spread over the whole range 0 … MODULUS − 1, so two shares can "
                        "give the secret away. Draw the random shares uniformly from the whole range.")


def _reconstruct_test(func):
    for shares, secret in (([MODULUS - 1, 5, 3], 7), ([10, 20, 30], 60), ([0, 0, MODULUS - 1], MODULUS - 1)):
        got = call_learner(func, "reconstruct", list(shares))
        if int(got) != secret:
            raise Wrong("`reconstruct` does not give the secret back: add the shares and reduce modulo MODULUS.")


exercise = Exercise(
    id="ex08_07",
    name="share",
    title="Additive secret sharing by hand",
    names=("share", "reconstruct"),
    checks=[IsA("share", "function"), IsA("reconstruct", "function"),
            Behaves("reconstruct", _reconstruct_test), Behaves("share", _share_test)],
    hints=[
        "Two of the shares are pure chance; the third is whatever makes the three add up to the secret.",
        "Draw two numbers uniformly from 0 … MODULUS − 1 with `rng.integers`; the third is the secret minus both, "
        "modulo MODULUS.",
        "Use Python integers (`int(...)`) for the arithmetic so that nothing overflows, and `% MODULUS` on the last share "
        "and on the sum in `reconstruct`.",
    ],
)
