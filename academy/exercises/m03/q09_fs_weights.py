"""Module 03, exercise 9 — Fellegi–Sunter weights: `fs_weights(m, u)`."""

from academy.exercises.checks import Calls, IsA
from academy.exercises.core import Exercise


def as_pair(value):
    return [float(v) for v in value]


exercise = Exercise(
    id="ex03_09",
    name="fs_weights",
    title="Fellegi–Sunter weights",
    names=("fs_weights",),
    checks=[
        IsA("fs_weights", "function"),
        Calls("fs_weights", (0.95, 0.02), key="visible_case", transform=as_pair,
              message="Compare each weight with its formula in the prompt, and the order of the pair.",
              mistakes={"wrong-codes-and-natural-log": "these are natural logarithms. Weights here are in bits "
                                                       "(logarithms in base 2), so that one point of weight doubles the odds.",
                        "wrong-swapped-pair-first-key-and-linked-ghosts": "the ratios are upside down: agreement is "
                                                                          "evidence for a match, so its weight is positive when m > u."}),
    ],
    hints=[
        "Agreement is m/u times more likely for a match than for a non-match; disagreement (1−m)/(1−u) times.",
        "Take the logarithm in base 2 of each ratio (the `math` module has one).",
        "Return a tuple: the agreement weight first, the disagreement weight second.",
    ],
)
