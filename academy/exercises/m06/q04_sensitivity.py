"""Module 06, exercise 4 — sensitivity: `sensitivity(query, upper, n=None)`.

Section 4 states the neighbouring datasets: counts and sums add or remove one person; the mean
(n public) replaces one person. The visible cases follow those definitions.
"""

from academy.exercises.checks import Calls, IsA
from academy.exercises.core import Exercise

MEAN = "A mean is a sum shared over its (public) number of people: how far can replacing one person move it?"

exercise = Exercise(
    id="ex06_04",
    name="sensitivity",
    title="Sensitivity",
    names=("sensitivity",),
    checks=[
        IsA("sensitivity", "function"),
        Calls("sensitivity", ("count", 50_000), key="count",
              message="How much can adding or removing one person change a count?"),
        Calls("sensitivity", ("sum", 50_000), key="sum",
              message="After clipping to [0, upper], how much can adding or removing one person change a sum?",
              mistakes={"wrong-sensitivity-sum-as-count":
                        "one person adds 1 to a count, but to a sum of clipped incomes they add their whole "
                        "income — how large can that be?"}),
        Calls("sensitivity", ("mean", 50_000, 400), key="mean", message=MEAN,
              mistakes={"wrong-sensitivity-mean-without-n":
                        "that is how far one person can move the sum; the mean shares that change over its "
                        "number of people."}),
        Calls("sensitivity", ("mean", 50_000, 300), key="mean_uneven", message=MEAN,
              mistakes={"wrong-sensitivity-floor-division":
                        "the result was rounded down to a whole number. A sensitivity need not be whole: "
                        "look at how your code divides."}),
    ],
    hints=[
        "Imagine the one person whose value changes the answer the most. How big is that change?",
        "A count moves by one; a clipped sum by at most the clipping bound; a mean by the sum's change shared over n people.",
        "Count: one extra person. Sum: the largest amount one clipped income can add. Mean: the sum's change shared over n people.",
    ],
)
