"""Module 07, exercise 14 — measure DP's cost and effect: `measure_dp(noise_multipliers)`.

`measure_dp` calls the learner's answers to exercises 6, 7 and 13 on purpose. So that a mistake
there is not counted twice, the check runs it with stand-ins of its own for those three functions
(simple rules, not correct answers) and compares the result with the reference run under the same
stand-ins.
"""

import numpy as np
import pandas as pd

from academy.exercises.checks import Calls, IsA, call_learner
from academy.exercises.core import Exercise, Wrong


def _stand_in_round(w, models, clip, noise_multiplier, rng):
    return np.mean(np.asarray(models, dtype=float), axis=0) + 1e-3 * clip * noise_multiplier * rng.normal(size=len(w))


def _stand_in_losses(w, X, y):
    return np.asarray(X, dtype=float) @ np.asarray(w, dtype=float)[:-1] + 0.1 * np.asarray(y, dtype=float)


def _stand_in_advantage(member_losses, nonmember_losses):
    return float(np.mean(member_losses) - np.mean(nonmember_losses) + 1e-3 * len(member_losses))


STAND_INS = {"dp_fedavg_round": _stand_in_round, "example_losses": _stand_in_losses,
             "membership_advantage": _stand_in_advantage}


class WithStandIns(Calls):
    """``measure_dp(*args)`` run with the check's stand-ins in place of the learner's earlier answers."""

    def _raw(self, values):
        func = values[self.name]
        namespace = getattr(func, "__globals__", {})
        saved = {k: namespace[k] for k in STAND_INS if k in namespace}
        namespace.update(STAND_INS)
        try:
            got = call_learner(func, self.name, *self.args, seconds=60,
                               too_slow="`measure_dp` took more than a minute for three noise levels.")
        finally:
            for k in STAND_INS:
                namespace.pop(k, None)
            namespace.update(saved)
        if not isinstance(got, pd.DataFrame):
            raise Wrong(f"`measure_dp` should return a DataFrame, not a {type(got).__name__}.")
        missing = {"noise_multiplier", "auc", "advantage"} - set(map(str, got.columns))
        if missing:
            raise Wrong(f"The table from `measure_dp` lacks the column(s) {sorted(missing)}.")
        if [float(v) for v in got["noise_multiplier"]] != [float(v) for v in self.args[0]]:
            raise Wrong("`measure_dp` should give one row per noise multiplier, in the order given.")
        return got


def _cells(frame):
    return [[float(r.noise_multiplier), float(r.auc), float(r.advantage)] for r in frame.itertuples()]


exercise = Exercise(
    id="ex07_14",
    name="measure_dp",
    title="Measure what DP costs and what it stops",
    names=("measure_dp",),
    checks=[
        IsA("measure_dp", "function"),
        # Two noisy levels: a generator made once, outside the loop, changes the second one's noise.
        WithStandIns("measure_dp", ([1.0, 0.0, 2.0],), key="stand_ins", step=1e-6, transform=_cells,
                     message="With the check's own stand-ins for your exercise 6, 7 and 13 functions, the table "
                             "differs from the recipe's. Check: a fresh generator seeded 2024 for each noise level, "
                             "`DP_ROUNDS` rounds starting from `START`, the round number as seed and 2 epochs, `CLIP`, the test "
                             "data of all hospitals for the AUC, and Hillside's data for the attack."),
    ],
    hints=[
        "One federation per noise multiplier: the same loop as exercise 4, with `dp_fedavg_round` in place of the averaging.",
        "Make the generator inside the loop over noise multipliers, so that every federation starts from the same random state.",
        "After the rounds, score `auc(w, X_test_all, y_test_all)` and the advantage from `example_losses` on Hillside's members and later patients.",
    ],
)
