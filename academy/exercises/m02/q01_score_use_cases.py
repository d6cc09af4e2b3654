"""Module 02, exercise 1 — score and rank the use cases: `score_use_cases(candidates, weights)`."""

import pandas as pd

from academy.exercises.checks import Calls, IsA
from academy.exercises.core import Exercise, Wrong


def made_up_candidates() -> pd.DataFrame:
    return pd.DataFrame({
        "use_case": ["alpha", "beta", "gamma", "delta"],
        "reach": [3, 5, 2, 5], "cost": [4, 1, 5, 1], "risk": [2, 4, 3, 4], "extra": [9, 1, 9, 1],
    })


WEIGHTS = {"reach": 2, "cost": 1, "risk": 1}  # not adding up to 1; beta and delta tie


def _table(got) -> pd.DataFrame:
    if not isinstance(got, pd.DataFrame):
        raise Wrong(f"`score_use_cases` should return a DataFrame, not a {type(got).__name__}.")
    cols = sorted(str(c) for c in got.columns)
    if cols != ["rank", "score", "use_case"]:
        raise Wrong(f"`score_use_cases` should return exactly the columns use_case, score and rank; it returned {list(map(str, got.columns))}.")
    if len(got) != 4:
        raise Wrong("`score_use_cases` should return one row per use case.")
    table = got.reset_index(drop=True)[["use_case", "score", "rank"]].copy()
    table["score"] = table["score"].astype(float)
    table["rank"] = table["rank"].astype(float)
    return table


exercise = Exercise(
    id="ex02_01",
    name="score_use_cases",
    title="Score and rank the use cases",
    names=("score_use_cases",),
    checks=[
        IsA("score_use_cases", "function"),
        Calls("score_use_cases", (made_up_candidates(), WEIGHTS), key="scores", table_key=["use_case"],
              transform=lambda got: _table(got)[["use_case", "score"]],
              message="Score = Σ weight × criterion ÷ Σ weight, over the criteria named in `weights` only.",
              mistakes={"wrong-unnormalised-scores": "on this made-up table the weights do not add up to 1, and your "
                                                     "scores leave the 1–5 scale. A weighted average stays within the "
                                                     "range of the criteria, whatever the weights add up to.",
                        "wrong-all-columns": "your scores use a column that is not in `weights`: only the criteria "
                                             "named in the weights count."}),
        Calls("score_use_cases", (made_up_candidates(), WEIGHTS), key="table", table_key=["use_case"], transform=_table,
              message="The scores are right but the ranks are not. Two use cases with the same score share the smaller "
                      "rank (1, 1, 3, …): look at how your ranking treats the tie on this table.",
              mistakes={"wrong-upside-down-ranks": "your ranks are upside down: rank 1 should be the highest score."}),
    ],
    hints=[
        "For one use case the score is a weighted average of its criteria: each criterion times its weight, added up, divided by the total weight.",
        "Loop over `weights.items()`: add `candidates[criterion] * weight` into a running Series, then divide by `sum(weights.values())`. Criteria not in `weights` play no part.",
        "Build a DataFrame from `candidates['use_case']` and the score Series; the rank is the score column's `.rank(...)` with the highest score first and ties sharing the smaller rank (see the prompt).",
    ],
)
