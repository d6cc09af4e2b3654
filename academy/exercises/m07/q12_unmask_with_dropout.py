"""Module 07, exercise 12 — a hospital drops out: `unmask_with_dropout(masked_sum, survivors, dropped, pair_seeds)`."""

import numpy as np

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m07.cases import MOD

SEEDS = {(0, 1): 11, (0, 2): 22, (1, 2): 33, (0, 3): 44, (1, 3): 55, (2, 3): 66}
MASKED_SUM = np.random.default_rng(1212).integers(0, MOD, size=6, dtype=np.int64)


def _nothing_dropped(func):
    got = func(MASKED_SUM.copy(), [0, 1, 2, 3], [], dict(SEEDS))
    if got is None:
        raise Wrong("`unmask_with_dropout` returned None. Did you forget `return`?")
    got = np.asarray(got, dtype=np.int64)
    if got.shape != (6,):
        raise Wrong("`unmask_with_dropout` should return one value per value of the masked sum.")
    if not np.array_equal(got % MOD, MASKED_SUM):
        raise Wrong("When nobody drops out the masks already cancel, so the masked sum is the answer; your function "
                    "changes it. Only pairs between a survivor and a dropped hospital need undoing.")


exercise = Exercise(
    id="ex07_12",
    name="unmask_with_dropout",
    title="A hospital drops out",
    names=("unmask_with_dropout",),
    checks=[
        IsA("unmask_with_dropout", "function"),
        Behaves("unmask_with_dropout", _nothing_dropped),
        Calls("unmask_with_dropout", (MASKED_SUM, [0, 1, 3], [2], SEEDS), key="one_dropped", step=0.5,
              transform=lambda v: [int(x) % MOD for x in np.asarray(v, dtype=np.int64)],
              message="The survivors' sum is not recovered. For each survivor and each dropped hospital, undo what "
                      "the survivor did with their pair's mask: take away what it added, add back what it took away.",
              mistakes={"wrong-mask-signs":
                        "every leftover mask is taken away, but a survivor with the larger number of its pair had "
                        "subtracted that mask: it must be added back."}),
        Calls("unmask_with_dropout", (MASKED_SUM, [1, 2], [0, 3], SEEDS), key="two_dropped", step=0.5,
              transform=lambda v: [int(x) % MOD for x in np.asarray(v, dtype=np.int64)],
              message="With two hospitals dropped out the survivors' sum is not recovered: every survivor has a "
                      "leftover mask with each dropped hospital."),
    ],
    hints=[
        "Which masks are left over in the survivors' sum? Those of pairs made of one survivor and one dropped hospital.",
        "For such a pair the survivor added the mask if its number is the smaller one, and subtracted it otherwise.",
        "Loop over survivors and dropped hospitals, fetch `pair_seeds[(min(i, j), max(i, j))]`, and undo each mask modulo MOD.",
    ],
)
