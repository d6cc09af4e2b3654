"""Module 05, exercise 3 — k-anonymity: `k_of(frame, qis)` (an integer) and `k_anonymise(frame, qis, k)` (a DataFrame)."""

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m05.made_up import PEOPLE, PEOPLE_QI, is_number, run


def _k_is_a_count(func):
    got = run(func, "k_of", PEOPLE.copy(), list(PEOPLE_QI), case="a small test table of 8 people")
    if not is_number(got) or not float(got).is_integer():
        raise Wrong("`k_of` should return a whole number: the size of a group of rows.")


def _k_anonymise_test(func):
    rng = np.random.default_rng(35)
    frame = pd.DataFrame({"a": rng.integers(0, 3, 60), "b": rng.choice(list("xyz"), 60), "v": np.arange(60)})
    snapshot = frame.copy()
    sizes = frame.groupby(["a", "b"])["v"].transform("size")
    for k in (1, 4, 7):
        got = run(func, "k_anonymise", frame, ["a", "b"], k)
        if not frame.equals(snapshot):
            raise Wrong("`k_anonymise` changed the table it was given; return a new table instead.")
        if not isinstance(got, pd.DataFrame) or set(got.columns) != set(frame.columns):
            raise Wrong("`k_anonymise` should return a DataFrame with every column of the input.")
        if len(got) and int(got.groupby(["a", "b"]).size().min()) < k:
            raise Wrong(f"With k={k} the result still has a group smaller than k: those rows should be suppressed.")
        if sorted(got["v"]) != sorted(frame.loc[sizes >= k, "v"]):
            raise Wrong(f"With k={k} you removed rows whose group already had at least k rows. Decide on the group "
                        "sizes of the input, and keep every row of a large enough group.")


exercise = Exercise(
    id="ex05_03",
    name="k_anonymity",
    title="k-anonymity",
    names=("k_of", "k_anonymise"),
    checks=[
        IsA("k_of", "function"),
        Behaves("k_of", _k_is_a_count),
        Calls("k_of", (PEOPLE, PEOPLE_QI), key="three_columns", step=0.5,
              message="k is the size of the smallest group of rows that share their quasi-identifiers."),
        Calls("k_of", (PEOPLE, ["postcode"]), key="postcode", step=0.5,
              message="Grouped by postcode alone the groups have different sizes. k is the size of the *smallest* "
                      "group — not the largest group, the average group or the number of groups."),
        IsA("k_anonymise", "function"),
        Behaves("k_anonymise", _k_anonymise_test),
    ],
    hints=[
        "Group the rows by the quasi-identifiers and look at the group sizes.",
        "`frame.groupby(qis).size()` gives the size of every group; the smallest is k. For suppression you need each row's group size: `transform('size')`.",
        "`k_anonymise` keeps the rows whose group size is at least k: `frame[sizes >= k]`.",
    ],
)
