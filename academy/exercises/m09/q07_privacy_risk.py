"""Module 09, exercise 7 — Giomi et al.'s risk from two success rates: `privacy_risk(rate_train, rate_control)`."""

from academy.exercises.checks import Calls, IsA
from academy.exercises.core import Exercise

RISK = ("The risk is the attacker's gain on training targets over control targets, as a share of the most they "
        "could still gain over the control rate.")

exercise = Exercise(
    id="ex09_07",
    name="privacy_risk",
    title="The privacy risk",
    names=("privacy_risk",),
    checks=[
        IsA("privacy_risk", "function"),
        Calls("privacy_risk", (0.4, 0.2), key="visible_case", step=0.0005, transform=float, message=RISK,
              mistakes={"wrong-distance-counts-and-risk-difference":
                        "the difference of the two rates is the gain, but the risk divides it by what the attacker "
                        "could still gain beyond the control rate."}),
        Calls("privacy_risk", (0.7, 1.0), key="saturated", step=0.0005, transform=float,
              message="When the control rate is 1, the attack learns nothing about the training set: return 0."),
    ],
    hints=[
        "The control rate is what an attacker achieves without the training data; what share of the rest does the synthetic data add?",
        "R = (r_train − r_control) / (1 − r_control), from Giomi et al. (2022).",
        "Return that quotient, and 0.0 when `rate_control` is 1 (the division is then undefined).",
    ],
)
