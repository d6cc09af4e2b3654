"""Module 07, exercise 7 — the attacker's advantage: `membership_advantage(member_losses, nonmember_losses)`."""

import numpy as np

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong

_draws = np.random.default_rng(7007)  # named apart from a hidden-test line of module 06 (the wheel is scanned)
MEMBERS = np.round(_draws.exponential(0.6, 40), 3)
OTHERS = np.round(_draws.exponential(1.0, 55), 3)


def _never_below_zero(func):
    got = func(np.array([5.0, 6.0]), np.array([1.0, 2.0]))
    if got is None:
        raise Wrong("`membership_advantage` returned None. Did you forget `return`?")
    if np.ndim(got) != 0:
        raise Wrong("`membership_advantage` should return one number, the largest TPR − FPR.")
    if float(got) < 0:
        raise Wrong("The advantage came out negative. A threshold below every loss calls nobody a member, "
                    "which scores 0 − 0: the best threshold can never do worse than that.")
    if float(func(np.array([1.0, 2.0]), np.array([5.0, 6.0]))) < 0.99:
        raise Wrong("When every member's loss is below every non-member's, some threshold separates them "
                    "perfectly, so the advantage is 1. Are all thresholds tried, and is 'member' a loss at most t?")


exercise = Exercise(
    id="ex07_07",
    name="membership_advantage",
    title="The attacker's advantage",
    names=("membership_advantage",),
    checks=[
        IsA("membership_advantage", "function"),
        Calls("membership_advantage", (MEMBERS, OTHERS), key="visible_case", step=1e-6, transform=float,
              message="On a small case the largest TPR − FPR is not right. Try every observed loss as the "
                      "threshold, count a loss equal to the threshold as 'member', and keep the best.",
              mistakes={"wrong-loss-and-threshold":
                        "one threshold is not the attacker's best: try every observed loss as the threshold and "
                        "keep the largest TPR − FPR."}),
        Behaves("membership_advantage", _never_below_zero),
    ],
    hints=[
        "For one threshold t: TPR is the share of member losses ≤ t, FPR the share of non-member losses ≤ t.",
        "Loop over every loss in both lists as t, compute TPR − FPR for each, and keep the largest (and at least 0).",
        "`(np.asarray(member_losses) <= t).mean()` is the TPR at t; do the same for the non-members.",
    ],
)
