"""Module 01, exercise 1 — counts from percentages: `count_from_share(percent, n)`."""

import numpy as np

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong


def _whole_numbers(func):
    for percent, n in [(41, 274), (58, 1000), (79, 33)]:
        got = func(percent, n)
        if isinstance(got, (bool, np.bool_)) or not isinstance(got, (int, float, np.integer, np.floating)):
            raise Wrong(f"count_from_share({percent}, {n}) should return a number, not a {type(got).__name__}.")
        if not float(got).is_integer():
            raise Wrong("`count_from_share` should return a whole number of respondents: a respondent cannot be "
                        "split, so the count is the nearest whole number.")


exercise = Exercise(
    id="ex01_01",
    name="count_from_share",
    title="Counts from percentages",
    names=("count_from_share",),
    checks=[
        IsA("count_from_share", "function"),
        Calls("count_from_share", (84, 38), key="visible_case", step=0.5,
              message="Turn the percentage into a share of the base, then round.",
              mistakes={"wrong-percent-not-divided": "this is 100 times too large: a percentage counts per hundred, not per one.",
                        "wrong-truncating-round": "this cuts the decimals off (4.9 respondents would become 4): the "
                                                  "prompt asks for the nearest whole number."}),
        Behaves("count_from_share", _whole_numbers),
    ],
    hints=[
        "A percentage is 'per hundred'. How many people is 'per hundred' of n people?",
        "Divide the percentage by 100 to get a share, multiply by n, and round to a whole number.",
        "One line is enough: `return round(...)`, with the share times n inside the brackets.",
    ],
)
