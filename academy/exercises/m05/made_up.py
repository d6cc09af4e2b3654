"""Made-up cases shared by several checks of module 05, and how a check calls learner code on them.

Checks test functions on small tables built here, not on Kestria's: a learner whose function
fixes Kestria's column names gets a KeyError, and ``run`` then says that the check's table differs
on purpose (the learner's own table may well have that column).
"""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd

from academy.exercises.checks import call_learner
from academy.exercises.core import NotAttempted, Wrong

# Eight people: postcode, birth year and sex give groups of 1, 2 and 3 rows.
PEOPLE = pd.DataFrame({
    "postcode": ["KT1 1AA", "KT1 1AA", "KT1 1AA", "KT2 4BB", "KT2 4BB", "KT3 9CC", "KT3 9CC", "KT3 9CC"],
    "birth_year": [1980, 1980, 1991, 1975, 1975, 1960, 1960, 1960],
    "sex": ["F", "F", "M", "F", "M", "M", "M", "F"],
})
PEOPLE_QI = ["postcode", "birth_year", "sex"]


def is_number(value) -> bool:
    return isinstance(value, (numbers.Number, np.number)) and not isinstance(value, (bool, np.bool_))


def made_up_note(error: Exception, args) -> str:
    """For a KeyError on a made-up table: name the table's columns and say it differs on purpose."""
    columns = sorted({str(c) for a in args if isinstance(a, pd.DataFrame) for c in a.columns})
    if not isinstance(error, KeyError) or not columns:
        return ""
    return (f" The check's table is made up and differs from Kestria's on purpose: its columns are {columns}. "
            "Does your function use the column names it is given, rather than fixed ones?")


def run(func, name: str, *args, case: str = "a made-up test case"):
    """``func(*args)``: the stub means not attempted; None or an exception becomes feedback.

    The arguments are passed as they are, so that a check can see whether the function changed them.
    """
    try:
        got = call_learner(func, name, *args)
    except (NotAttempted, Wrong):
        raise
    except Exception as error:
        raise Wrong(f"On {case}, `{name}` raised {type(error).__name__}: {error}." + made_up_note(error, args))
    if got is None:
        raise Wrong(f"`{name}` returned None. Did you forget `return`?")
    return got
