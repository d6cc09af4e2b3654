"""Module 06, exercise 1 — the differencing attack: `reveal_income(mean_all, n_all, mean_rest, n_rest)`."""

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong


def _not_negative(func):
    got = func(31250.0, 8, 30000.0, 7)
    try:
        negative = float(got) < 0
    except (TypeError, ValueError):
        return  # the Calls check below says what is wrong with the value
    if negative:
        raise Wrong("Your result is negative: the person who is in the first group but not in the second "
                    "adds to the first group's total, so that total is the larger one.")


exercise = Exercise(
    id="ex06_01",
    name="reveal_income",
    title="The differencing attack",
    names=("reveal_income",),
    checks=[
        IsA("reveal_income", "function"),
        Behaves("reveal_income", _not_negative),
        Calls(
            "reveal_income", (31250.0, 8, 30000.0, 7), key="visible_case", step=0.001,
            message="Turn each mean back into a total first.",
            mistakes={"wrong-difference-of-means":
                      "the difference of two means is not one person's income: a mean times its number of "
                      "people is a total."},
        ),
    ],
    hints=[
        "If you know the total income of 8 people and of 7 of them, what do you know about the eighth?",
        "A mean is a total divided by a number of people, so a total is a mean times a number of people.",
        "Return (total of the first group) minus (total of the second group), each total computed from its mean and size.",
    ],
)
