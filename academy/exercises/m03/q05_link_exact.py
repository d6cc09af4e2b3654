"""Module 03, exercise 5 — deterministic linkage: `link_exact(left, right, keys)`."""

import pandas as pd

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.running import call_on_made_up


def case_link():
    # a1/a2 and b1/b2 share a surname and birth date; a3/b3 lack a surname, a4/b4 a birth date
    left = pd.DataFrame({"record_id": ["a1", "a2", "a3", "a4"],
                         "family_name": ["OKAFOR", "OKAFOR", None, "BELL"],
                         "birth_date": pd.to_datetime(["1999-03-04", "1999-03-04", "2000-01-01", None]),
                         "sex": ["F", "M", "M", "F"]})
    right = pd.DataFrame({"record_id": ["b1", "b2", "b3", "b4"],
                          "family_name": ["OKAFOR", "OKAFOR", None, "BELL"],
                          "birth_date": pd.to_datetime(["1999-03-04", "1999-04-03", "2000-01-01", None]),
                          "sex": ["F", "M", "M", "F"]})
    return left, right, ["family_name", "birth_date"]


def pair_set(frame):
    return {f"{l}|{r}" for l, r in zip(frame["left_id"], frame["right_id"])}


def _link_exact_test(func):
    got = call_on_made_up(func, "link_exact", *case_link())
    if not isinstance(got, pd.DataFrame):
        raise Wrong(f"`link_exact` should return a DataFrame, not a {type(got).__name__}.")
    if sorted(map(str, got.columns)) != ["left_id", "right_id"]:
        raise Wrong(f"`link_exact` should return exactly the columns left_id and right_id; it returned {list(map(str, got.columns))}.")
    pairs = pair_set(got)
    if len(pairs) != len(got):
        raise Wrong("`link_exact` returns the same pair more than once: each pair should appear once.")
    if any(p.startswith(("a3|", "a4|")) for p in pairs):
        raise Wrong("Records with a missing key were linked to each other. In pandas a missing value joins to a missing value, "
                    "but two unknown surnames say nothing about two people: a record with a missing key must not take part.")


exercise = Exercise(
    id="ex03_05",
    name="link_exact",
    title="Deterministic linkage",
    names=("link_exact",),
    checks=[
        IsA("link_exact", "function"),
        Behaves("link_exact", _link_exact_test),
        Calls("link_exact", case_link(), key="visible_case", transform=pair_set,
              message="On a made-up case the pairs are not right: every key must agree exactly."),
    ],
    hints=[
        "A merge on the key columns is an exact-agreement rule. What does pandas do with missing keys?",
        "Drop the rows with a missing key on each side (`dropna(subset=keys)`), merge on the keys, then keep the two ids.",
        "Rename `record_id` to `left_id` / `right_id` before the merge, merge `on=keys`, select the two columns and `drop_duplicates()`.",
    ],
)
