"""Module 03, exercise 14 — double claims: `find_double_claims(claims, links)`."""

import pandas as pd

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m03.cases import case_claims
from academy.exercises.running import call_on_made_up


def _shape_test(func):
    got = call_on_made_up(func, "find_double_claims", *case_claims())
    if not isinstance(got, pd.DataFrame):
        raise Wrong(f"`find_double_claims` should return a DataFrame, not a {type(got).__name__}.")
    if "person" not in map(str, got.columns):
        raise Wrong("`find_double_claims` should add a column `person` (the linked right_id).")
    if not {"claim_id", "learner_ref", "provider_id", "month", "amount"} <= set(map(str, got.columns)):
        raise Wrong("`find_double_claims` should keep the columns of `claims`.")
    if got["person"].isna().any():
        raise Wrong("Some flagged claims have no `person`: they belong to learners without a link. An unlinked learner is "
                    "nobody we can compare, so all unlinked learners must not be lumped together as one 'person': only "
                    "claims of linked learners can be part of a double claim.")


def flagged(got):
    """Each flagged claim with its person, and how many rows came back (each claim once)."""
    return {f"{c}|{p}" for c, p in zip(got["claim_id"], got["person"])} | {f"rows={len(got)}"}


exercise = Exercise(
    id="ex03_14",
    name="find_double_claims",
    title="Double claims",
    names=("find_double_claims",),
    checks=[
        IsA("find_double_claims", "function"),
        Behaves("find_double_claims", _shape_test),
        Calls("find_double_claims", case_claims(), key="visible_case", transform=flagged,
              message="A double claim is the same person, the same month, two or more **different** providers; "
                      "every claim involved, each once.",
              mistakes={"wrong-double-claims-count":
                        "claims or learners were counted, not providers: two claims from the same provider in a month "
                        "(even for two learner records of one person) are not a double claim here. What has to be two "
                        "or more is the number of **different** providers.",
                        "wrong-swapped-pair-first-key-and-linked-ghosts":
                        "the claims were grouped by person only: two providers claiming for one person in *different* "
                        "months is not a double claim. A double claim is within one person **and** one month."}),
    ],
    hints=[
        "Give every claim its person first (via `links`), then look at each person and month.",
        "Merge `claims` with `links` (learner_ref = left_id, right_id renamed to person); group by person and month and count distinct providers.",
        "`groupby(['person', 'month'])['provider_id'].transform('nunique')` gives each claim the number of providers in its group; keep those with 2 or more.",
    ],
)
