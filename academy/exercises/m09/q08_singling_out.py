"""Module 09, exercise 8 — singling out: `singling_out_rate(predicates, targets)`."""

import pandas as pd

from academy.exercises.checks import Calls, IsA
from academy.exercises.core import Exercise

TARGETS = pd.DataFrame({"area": ["A", "A", "B", "C", "C"], "sex": ["F", "M", "F", "F", "F"], "age": [30, 30, 40, 50, 51]})
PREDICATES = [{"area": "A"}, {"area": "A", "sex": "M"}, {"area": "B"}, {"sex": "F", "age": 50}, {"area": "Z"},
              {"area": "C", "sex": "F"}]

exercise = Exercise(
    id="ex09_08",
    name="singling_out",
    title="Singling out",
    names=("singling_out_rate",),
    checks=[
        IsA("singling_out_rate", "function"),
        Calls("singling_out_rate", (PREDICATES, TARGETS), key="visible_case", step=0.001, transform=float,
              message="A predicate singles out when exactly one row satisfies every condition in it — not when at "
                      "least one does, and not when none does."),
    ],
    hints=[
        "For each predicate, count the rows that satisfy all its conditions at once.",
        "Start from a mask of all True and combine `targets[column] == value` for each condition with `&`.",
        "Count a success when the mask has exactly one True, and divide by the number of predicates.",
    ],
)
