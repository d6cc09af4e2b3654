"""Module 06, exercise 2 — your neighbour's income: `neighbour_income` (a number, £).

Reusing exercise 1's `reveal_income` is the point of this exercise, and the prompt says so.
"""

from academy.exercises.checks import IsA, Matches
from academy.exercises.core import Exercise


def _otherwise(value) -> str:
    if float(value) < -1:
        return "An income cannot be negative: check which group's total comes first."
    return ("This is not your neighbour's income yet. Ask for the area once with all ages and once with every "
            "age except your neighbour's, and pass both answers to `reveal_income`.")


exercise = Exercise(
    id="ex06_02",
    name="neighbour_income",
    title="Your neighbour's income",
    names=("neighbour_income",),
    checks=[
        IsA("neighbour_income", "number"),
        Matches(
            "neighbour_income", key="value", step=1.0, message=_otherwise,
            mistakes={"wrong-difference-of-means":
                      "A difference of two means is not an income: give `reveal_income` each group's mean and "
                      "number of people, and let it turn them into totals."},
        ),
    ],
    hints=[
        "Which two groups differ by exactly your neighbour? Both must have at least 10 people.",
        "Your neighbour is the only person in KA0055 aged 90 or over: compare all ages with ages up to 89.",
        "Call `query` twice for that area: once with no age limit, once with `max_age` just below 90. Then give `reveal_income` the `mean_income` and `people` of both answers.",
    ],
)
