"""Module 02, exercise 8 — do two agencies agree?:
`agreement_rate(left, right, key, column, left_codes=None, right_codes=None)`."""

import pandas as pd

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong

CODES = {1: "M", 2: "F"}


def made_up_left() -> pd.DataFrame:
    return pd.DataFrame({
        "key": ["k1", "k2", "k2", "k3", "k4", None, "k5", "k6", "k7"],
        "sex": ["F", "M", "F", "M", "F", "M", "F", "Q", "M"],
    })


def made_up_right() -> pd.DataFrame:
    return pd.DataFrame({
        "key": ["k2", "k1", "k3", "k3", "k4", "k5", "k9", "k6", None, "k5", "k7"],
        "sex": pd.array([1, 2, 1, 2, 2, None, 1, 1, 2, 2, 3], dtype="Int64"),
    })


def _translating(func):
    """A TypeError here usually means the codes were written into a column of numbers in place."""
    try:
        func(made_up_left(), made_up_right(), "key", "sex", None, dict(CODES))
    except (TypeError, ValueError) as error:
        raise Wrong(f"`agreement_rate` raised {type(error).__name__}: {error}. If you translated the codes by "
                    "replacing values in place: that tries to write letters into a column of numbers, and leaves "
                    "values that are not in the dict unchanged. Translating means looking each value up in the "
                    "dict, with a missing value where it has no entry.")


def _share(got):
    try:
        return float(got)
    except (TypeError, ValueError):
        raise Wrong(f"`agreement_rate` should return a number, not a {type(got).__name__}.")


def _direction(func):
    a = float(func(made_up_left(), made_up_right(), "key", "sex", None, dict(CODES)))
    b = float(func(made_up_right(), made_up_left(), "key", "sex", dict(CODES), None))
    if abs(a - b) > 1e-9:
        raise Wrong("Swapping the two tables (and their code maps) should give the same share on these made-up "
                    "tables: does your function use `left_codes` for the left table and `right_codes` for the right?")


exercise = Exercise(
    id="ex02_08",
    name="agreement_rate",
    title="Do two agencies agree?",
    names=("agreement_rate",),
    checks=[
        IsA("agreement_rate", "function"),
        Behaves("agreement_rate", _translating),
        Calls("agreement_rate", (made_up_left(), made_up_right(), "key", "sex", None, CODES), key="rate", transform=_share,
              message="On small made-up tables, this is not the share we expect. Follow the four steps in order.",
              mistakes={
                  "wrong-no-dedup": "on made-up tables where a key appears twice, each table should first keep only "
                                    "one row per key, its first.",
                  "wrong-keep-last": "on made-up tables where a key appears twice with different values, you keep the "
                                     "last row per key: the rule is the **first**.",
                  "wrong-missing-keys": "rows whose key is missing are matched: pandas matches a missing key on the "
                                        "left with a missing key on the right, as if they were the same person.",
                  "wrong-drop-values-first": "you leave out rows with a missing value before keeping the first row "
                                             "per key. The first row per key speaks for the person even when its "
                                             "value is missing; only rows whose *key* is missing go at step 1, and "
                                             "missing values are left out at step 4.",
                  "wrong-unmapped-as-disagreement": "values that have no code in the map, or are missing on either "
                                                    "side, should be left out of the share, not counted as disagreements.",
              }),
        Behaves("agreement_rate", _direction),
    ],
    hints=[
        "Reduce each table to the key and the column, so the merge does not drag other columns along, and make each key appear once.",
        "`dropna(subset=[key])` then `drop_duplicates(subset=key, keep='first')`; merge on the key with suffixes so both versions of the column survive.",
        "Map each side's values with `.map(codes)` when a map is given; keep rows where both sides are present (`notna()`), and the share is the mean of `left == right` over those rows.",
    ],
)
