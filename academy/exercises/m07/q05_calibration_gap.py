"""Module 07, exercise 5 — the calibration gap: `calibration_gap(w, X, y)`."""

from academy.exercises.checks import Calls, IsA
from academy.exercises.core import Exercise
from academy.exercises.m07.cases import W, X_SMALL, Y_SMALL

exercise = Exercise(
    id="ex07_05",
    name="calibration_gap",
    title="The calibration gap",
    names=("calibration_gap",),
    checks=[
        IsA("calibration_gap", "function"),
        Calls("calibration_gap", (W, X_SMALL, Y_SMALL), key="visible_case", step=1e-6, transform=float,
              message="Compare two shares: the average predicted probability, and the share of rows readmitted.",
              mistakes={"wrong-no-clip-and-signs":
                        "the sign is the wrong way round: the gap is what the model predicts minus what happened, "
                        "so a model that over-predicts has a positive gap."}),
    ],
    hints=[
        "Two numbers: how many readmissions the model expects on average, and how many happened.",
        "`predict_proba(w, X)` gives one probability per row; its mean is the expected share.",
        "Return the mean of the predicted probabilities minus the mean of `y`.",
    ],
)
