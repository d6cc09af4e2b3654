"""Module 05, exercise 9 — a score without the proxy: `proxy_weights` (dict), `fair_score` and `fair_flag` (Series)."""

import numpy as np
import pandas as pd

from academy.exercises.checks import Has, IsA, Matches
from academy.exercises.core import Exercise, Wrong

PROXIES = ("second_nationality", "interpreter")


def _finite(score):
    values = np.asarray(score, dtype=float)
    return not pd.isna(values).any() and bool(np.isfinite(values).all())


def _score_stats(score):
    values = np.asarray(score, dtype=float)
    return [float(np.mean(values)), float(np.std(values))]


def _is_flag(s):
    return isinstance(s, pd.Series) and (s.dtype == bool or str(s.dtype) == "boolean")


def _from_the_top(values, salt=None):
    """The flagged claims are the highest-scoring ones (any tie-break at the threshold is accepted)."""
    score, flag = values["fair_score"], values["fair_flag"]
    if len(flag) != len(score):
        raise Wrong("`fair_flag` needs one value per claim, like `fair_score`.")
    flag, score = np.asarray(flag, dtype=bool), np.asarray(score, dtype=float)
    if flag.any() and (~flag).any() and score[flag].min() < score[~flag].max():
        raise Wrong("Some unflagged claims have a higher `fair_score` than some flagged ones: the flags should take "
                    "claims from the top of `fair_score` down.")


exercise = Exercise(
    id="ex05_09",
    name="proxy_removal",
    title="A score without the proxy",
    names=("proxy_weights", "fair_score", "fair_flag"),
    checks=[
        IsA("proxy_weights", "dict"),
        Has("proxy_weights", lambda d: set(PROXIES) <= set(d),
            "`proxy_weights` needs the keys 'second_nationality' and 'interpreter'."),
        Matches("proxy_weights", key="weights", step=0.005, transform=lambda d: [float(d[p]) for p in PROXIES],
                message="`proxy_weights` does not hold the coefficients of a least-squares fit (with intercept) of "
                        "the log score on all six columns of `features`.",
                mistakes={"wrong-combinations-and-groups":
                          "These are the coefficients of a regression on the score itself. The model multiplies, "
                          "so its weights add up on a log scale: which scale does the prompt fit on?",
                          "wrong-partial-weights-and-proxies-alone":
                          "These coefficients come from a regression on the proxies alone. With the other features "
                          "left out, each coefficient also carries their effect; the prompt fits all six columns."}),
        IsA("fair_score", "series"),
        Has("fair_score", _finite, "`fair_score` has missing or infinite values: it should have a number for every claim."),
        Matches("fair_score", key="score", step=0.001, transform=_score_stats,
                message="`fair_score` is not the log score minus each proxy's coefficient times its 0/1 column "
                        "(one value per claim, aligned with `claims`).",
                mistakes={"wrong-log-score-and-strict-count":
                          "`fair_score` is still the agency's log score: the proxies' contribution has not been "
                          "taken out of it.",
                          "wrong-score-scale-and-whole-register":
                          "`fair_score` is back on the score's own scale. The coefficients were fitted to the log "
                          "score, so the fair score stays on that scale (the order of the claims, and so the flags, "
                          "would be the same)."}),
        IsA("fair_flag", "series"),
        Has("fair_flag", _is_flag, "`fair_flag` should be a Series of True/False (compare `fair_score` with a quantile)."),
        _from_the_top,
        Matches("fair_flag", key="count", step=10, transform=lambda f: int(np.asarray(f, dtype=bool).sum()),
                message="`fair_flag` does not flag about the agency's share of claims. Check which quantile you "
                        "compare with, and what your comparison does with the many claims whose score equals the "
                        "threshold exactly: the prompt flags those too."),
    ],
    hints=[
        "`LinearRegression().fit(features, np.log(claims['risk_score']))`; the coefficients are in `.coef_`, in the order of `features.columns`.",
        "The fair score starts from the log score and subtracts, for each proxy, its coefficient times the 0/1 column.",
        "Compare `fair_score` with its quantile at 1 minus AGENCY_SHARE (`.quantile(...)`); claims at or above it are flagged.",
    ],
)
