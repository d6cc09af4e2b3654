"""Module 03, exercise 13 — ghost learners: `find_ghosts(learners, links)`.

The made-up learners table has every column of a skills_learners table, so an answer written for
the notebook's table runs on it; a KeyError names the columns it has."""

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m03.cases import case_claims
from academy.exercises.running import call_on_made_up


def case_ghosts():
    claims, links = case_claims()
    refs = ["x", "y", "z", "w", "v", "u", "t"]
    learners = pd.DataFrame({
        "learner_ref": refs, "provider_id": ["P1"] * 7, "uln": [str(100 + i) for i in range(7)],
        "given_name": ["Ann", "Ben", "Cai", "Dee", "Eli", "Fay", "Gus"], "family_name": ["Roe"] * 7,
        "birth_date": pd.to_datetime(["2000-01-01"] * 7), "sex": pd.array([2, 1, 1, 2, 1, 2, 1], dtype="Int64"),
        "postcode": ["KT1 1AA"] * 7, "tax_ref": [None] * 7, "account_id": ["A1"] * 7, "standard": ["ST0001"] * 7,
        "start_date": pd.to_datetime(["2022-09-01"] * 7), "planned_hours": pd.array([300] * 7, dtype="Int64")})
    return learners, links


def as_set(got):
    if isinstance(got, (pd.Series, pd.Index, np.ndarray, list, tuple, set, frozenset)):
        return set(got)
    raise Wrong(f"`find_ghosts` should return a set of learner_refs, not a {type(got).__name__}.")


def _runs(func):
    """Runs on the made-up tables (a KeyError names their columns) and returns a set-like value."""
    as_set(call_on_made_up(func, "find_ghosts", *case_ghosts()))


exercise = Exercise(
    id="ex03_13",
    name="find_ghosts",
    title="Ghost learners",
    names=("find_ghosts",),
    checks=[
        IsA("find_ghosts", "function"),
        Behaves("find_ghosts", _runs),
        Calls("find_ghosts", case_ghosts(), key="visible_case", transform=as_set,
              message="The ghosts are the learners whose learner_ref is not a left_id in `links`.",
              mistakes={"wrong-swapped-pair-first-key-and-linked-ghosts":
                        "these are the linked learners: a ghost is a learner with **no** link."}),
    ],
    hints=[
        "Who is in `learners` but not among the linked learners?",
        "A set difference: all learner_refs minus the left_ids of `links`.",
        "Make a set of each side's learner references and take what only `learners` has; return it as a set.",
    ],
)
