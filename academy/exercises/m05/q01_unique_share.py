"""Module 05, exercise 1 — how many are unique: `unique_share(frame, columns)` (a share of rows, 0 to 1)."""

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m05.made_up import PEOPLE, PEOPLE_QI, is_number, run

_CASES = ((PEOPLE, PEOPLE_QI), (PEOPLE, ["postcode"]))


def _a_share(func):
    for args in _CASES:
        got = run(func, "unique_share", *args, case="a small test table of 8 people")
        if not is_number(got):
            raise Wrong(f"`unique_share` should return a number (a share between 0 and 1), not a {type(got).__name__}.")
        if not 0 <= float(got) <= 1:
            raise Wrong("`unique_share` returned a number outside 0 to 1. Return a share of rows between 0 and 1 "
                        "(not a percentage and not a count).")


exercise = Exercise(
    id="ex05_01",
    name="unique_share",
    title="How many are unique?",
    names=("unique_share",),
    checks=[
        IsA("unique_share", "function"),
        Behaves("unique_share", _a_share),
        Calls("unique_share", _CASES[0], key="three_columns", step=1e-6,
              message="Count, for each row, how many rows share its values; a row is unique when that count is 1.",
              mistakes={"wrong-distinct-and-ambiguous":
                        "this is the share of distinct combinations, which counts a repeated combination once. The "
                        "prompt asks about rows whose combination appears in no other row.",
                        "wrong-combinations-and-groups":
                        "this is the share of *combinations* that occur once. The prompt asks for a share of "
                        "*rows*: think about what you divide by."}),
        Calls("unique_share", _CASES[1], key="one_column", step=1e-6,
              message="With one column the same idea holds: a row is unique when no other row has its value."),
    ],
    hints=[
        "A row is unique when its combination of values occurs once. How would you count how often each combination occurs?",
        "`frame.groupby(columns)[columns[0]].transform('size')` gives every row the size of its group "
        "(any one column works inside the brackets; the first of `columns` is always there).",
        "Return the share of rows whose group size is exactly 1 — a share of rows, not of combinations.",
    ],
)
