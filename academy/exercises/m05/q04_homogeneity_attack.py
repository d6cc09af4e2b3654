"""Module 05, exercise 4 — the homogeneity attack: `homogeneity_attack(frame, qis, sensitive)` (a number of rows)."""

import pandas as pd

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m05.made_up import is_number, run

# Nine people in three groups: one all-yes, one mixed, one all-no.
RELEASE = pd.DataFrame({
    "region": ["North"] * 4 + ["South"] * 3 + ["East"] * 2,
    "birth_year": [1990] * 4 + [1985] * 3 + [1970] * 2,
    "disability": [True, True, True, True, False, True, False, False, False],
})
_ARGS = (RELEASE, ["region", "birth_year"], "disability")


def _a_count(func):
    got = run(func, "homogeneity_attack", RELEASE.copy(), list(_ARGS[1]), _ARGS[2],
              case="a small test table of 9 people in three groups")
    if not is_number(got):
        raise Wrong(f"`homogeneity_attack` should return a number of rows (an integer), not a {type(got).__name__}.")
    if not float(got).is_integer():
        raise Wrong("`homogeneity_attack` returned a fraction. Return a number of rows (an integer), not a share.")


exercise = Exercise(
    id="ex05_04",
    name="homogeneity_attack",
    title="The homogeneity attack",
    names=("homogeneity_attack",),
    checks=[
        IsA("homogeneity_attack", "function"),
        Behaves("homogeneity_attack", _a_count),
        Calls("homogeneity_attack", _ARGS, key="rows", step=0.5,
              message="Count the rows (people) in groups where everyone has the same value of the sensitive column.",
              mistakes={"wrong-combinations-and-groups":
                        "this counts groups. The attack reveals people: count the rows in those groups.",
                        "wrong-all-yes-masked-counts-and-fpr-gap":
                        "this counts only groups where everyone has the sensitive value. A group where no one in it "
                        "has it gives the value away just as surely: count every group with a single distinct value."}),
    ],
    hints=[
        "For each group, how many different values of the sensitive column does it hold?",
        "`frame.groupby(qis)[sensitive].transform('nunique')` gives every row the number of distinct values in its group.",
        "Count the rows where that number is 1 — rows, not groups.",
    ],
)
