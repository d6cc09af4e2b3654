"""Module 05, exercise 11 — the benefit rule: `entitlement(earnings)` (a number, array or Series in; £ to the penny out)."""

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, Calls, IsA, call_learner
from academy.exercises.core import Exercise, NotAttempted, Wrong

EARNINGS = np.array([0.0, 100.0, 150.0, 250.0, 333.33, 700.0, 1000.0])


def _forms(func):
    try:
        one = call_learner(func, "entitlement", 350.0)
    except NotAttempted:
        raise
    except Exception as error:  # e.g. a Series method used on a plain number
        raise Wrong(f"`entitlement` raised {type(error).__name__} on the single number 350.0: {error}. It must "
                    "work on a single number as well as on a Series.")
    try:
        float(np.asarray(one, dtype=float).reshape(-1)[0])
    except Exception:
        raise Wrong("`entitlement` should return a number when it is given a single number.")
    try:
        series = call_learner(func, "entitlement", pd.Series(EARNINGS))
    except NotAttempted:
        raise
    except ValueError:
        raise Wrong("`entitlement` must work on a whole Series of earnings at once. An `if` asks about one number "
                    "and fails on a Series: the rule has to act on every value at once (the prompt names the kind "
                    "of function that does).")
    except Exception as error:
        raise Wrong(f"`entitlement` on a Series raised {type(error).__name__}: {error}.")
    try:
        values = np.asarray(series, dtype=float).reshape(-1)
    except Exception:
        raise Wrong("`entitlement` should accept a pandas Series and return one value per fortnight.")
    if values.size != EARNINGS.size:
        raise Wrong("`entitlement` on a Series should return one value per fortnight.")
    if (values < 0).any():
        raise Wrong("Some values are below zero, but the benefit is never below zero.")
    if np.any(np.abs(values * 100 - np.round(values * 100)) > 1e-6):
        raise Wrong("Round the entitlement to the penny (2 decimals).")


exercise = Exercise(
    id="ex05_11",
    name="entitlement",
    title="The benefit rule",
    names=("entitlement",),
    checks=[
        IsA("entitlement", "function"),
        Behaves("entitlement", _forms),
        Calls("entitlement", (EARNINGS,), key="values", step=0.005,
              transform=lambda v: [float(x) for x in np.asarray(v, dtype=float).reshape(-1)],
              message="Some values are wrong: £400, less half of any earnings above £150 (to the penny), never below 0."),
    ],
    hints=[
        "Only earnings above £150 count, and half of them is withdrawn: what is withdrawn for 250 earned? For 100? For 333.33?",
        "`np.clip(x, 0, None)` keeps x at 0 or above; use it twice, on the earnings above 150 and on the result.",
        "Turn the input into a float array first, compute 400 − 0.5 × (earnings above 150), clip at 0 and round to 2 decimals.",
    ],
)
