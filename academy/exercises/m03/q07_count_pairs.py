"""Module 03, exercise 7 — the cost of blocking: `count_pairs(left, right, keys)`."""

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.running import call_on_made_up


def case_blocks():
    left = pd.DataFrame({"record_id": list("abcdefg"), "sex": ["F", "F", "M", None, "F", "M", "M"]})
    right = pd.DataFrame({"record_id": list("tuvwxyz"), "sex": ["F", "M", "M", "M", None, None, "F"]})
    return left, right, ["sex"]


def case_blocks_two():
    left = pd.DataFrame({"record_id": list("abcdefg"), "sex": ["F", "F", "M", "M", "F", None, "M"],
                         "year": [1990, 1991, 1990, 1990, None, 1990, 1992]})
    right = pd.DataFrame({"record_id": list("tuvwxyz"), "sex": ["F", "F", "M", "M", "F", "M", None],
                          "year": [1990, 1990, 1990, 1991, 1991, None, 1990]})
    return left, right, ["sex", "year"]


def _count_type_test(func):
    got = call_on_made_up(func, "count_pairs", *case_blocks())
    if isinstance(got, (bool, np.bool_)) or not isinstance(got, (int, np.integer)):
        raise Wrong(f"`count_pairs` returned a {type(got).__name__}; the prompt asks for an `int` (a count of pairs is a whole "
                    "number), not a float or another kind of number.")


exercise = Exercise(
    id="ex03_07",
    name="count_pairs",
    title="How many pairs does blocking create?",
    names=("count_pairs",),
    checks=[
        IsA("count_pairs", "function"),
        Behaves("count_pairs", _count_type_test),
        Calls("count_pairs", case_blocks(), key="one_key", step=0.5, transform=float,
              message="Per key value, multiply the number of left records by the number of right records, and add up.",
              mistakes={"wrong-missing-key-block-and-total-weight":
                        "records with a missing key were counted as one block of their own: a missing key agrees with "
                        "nothing, so those records make no pairs.",
                        "wrong-unlabelled-links-and-summed-blocks":
                        "the left and right counts were added: a block of a left and b right records makes a × b pairs."}),
        Calls("count_pairs", case_blocks_two(), key="two_keys", step=0.5, transform=float,
              message="On two keys (sex and year) a pair must agree on **every** key, and a record missing either key is left out.",
              mistakes={"wrong-swapped-pair-first-key-and-linked-ghosts":
                        "on two keys you blocked on the first key only: a block is one value of **all** the columns in `keys`."}),
    ],
    hints=[
        "Within one block every left record meets every right record.",
        "Count the records per key value on each side (`groupby(keys).size()`), line the two counts up by key value, multiply, add up.",
        "Line the two size Series up on their index (a join or `pd.concat` with `axis=1`), keep the key values both sides have, "
        "multiply, add up, and convert the total with `int(...)`.",
    ],
)
