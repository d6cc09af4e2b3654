"""Module 07, exercise 11 — mask an update: `mask_update(i, encoded, pair_seeds)`."""

import numpy as np

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m07.cases import MOD

_g = np.random.default_rng(1111)
SEEDS = {(0, 1): 101, (0, 2): 202, (1, 2): 303, (0, 3): 404, (1, 3): 505, (2, 3): 606}
ENCODED = [_g.integers(0, MOD, size=7, dtype=np.int64) for _ in range(4)]


def _cancels(func):
    before = [e.copy() for e in ENCODED]
    masked = [func(i, ENCODED[i], dict(SEEDS)) for i in range(4)]
    if any(m is None for m in masked):
        raise Wrong("`mask_update` returned None. Did you forget `return`?")
    if any(not np.array_equal(a, b) for a, b in zip(ENCODED, before)):
        raise Wrong("`mask_update` changed the encoded update it was given; work on a copy.")
    masked = [np.asarray(m, dtype=np.int64) for m in masked]
    if any(m.shape != (7,) for m in masked):
        raise Wrong("`mask_update` should return one masked value per value of the update.")
    if any(((m < 0) | (m >= MOD)).any() for m in masked):
        raise Wrong("Some masked values lie outside [0, MOD): take the result modulo MOD.")
    if any(np.array_equal(m, e) for m, e in zip(masked, ENCODED)):
        raise Wrong("One hospital's update comes back unmasked: every pair that includes the hospital adds its mask.")
    if not np.array_equal(sum(masked) % MOD, sum(ENCODED) % MOD):
        raise Wrong("The masks do not cancel in the sum of all hospitals' masked updates. Each pair's mask must be "
                    "added by one member of the pair and subtracted by the other.")


exercise = Exercise(
    id="ex07_11",
    name="mask_update",
    title="Mask an update",
    names=("mask_update",),
    checks=[
        IsA("mask_update", "function"),
        Behaves("mask_update", _cancels),
        Calls("mask_update", (1, ENCODED[1], SEEDS), key="visible_case", step=0.5,
              transform=lambda v: [int(x) for x in np.asarray(v, dtype=np.int64)],
              message="The masks cancel, but hospital 1's masked update is not the one the prompt describes: "
                      "the smaller number of a pair adds the mask, the larger subtracts it.",
              mistakes={"wrong-mask-signs":
                        "every mask is added, so nothing cancels in the sum. One member of each pair must take "
                        "its mask away."}),
    ],
    hints=[
        "Go through the pairs in `pair_seeds`; only pairs that contain `i` matter for hospital `i`.",
        "Expand each relevant pair's mask with `pair_mask(seed, len(encoded))`; the sign depends on whether `i` is the pair's first number.",
        "Keep a running vector: start from a copy of `encoded`, add or subtract each mask, and take `% MOD` at the end.",
    ],
)
