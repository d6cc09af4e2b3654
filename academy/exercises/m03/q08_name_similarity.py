"""Module 03, exercise 8 — fuzzy comparison of names: `name_similarity(a, b)`.

The prompt demands a symmetric similarity; difflib's ratio is not symmetric, so symmetry is tested
on pairs where that ratio changes with the order (ADERSON/HRARISON, DIET/TIDE)."""

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, IsA
from academy.exercises.core import Exercise, Wrong


def _similarity_test(func):
    def shown(v):
        return "pd.NA" if v is pd.NA else repr(v)

    def sim(a, b):
        try:
            value = func(a, b)
        except NotImplementedError:
            raise
        except Exception as error:
            missing = any(v is None or v is pd.NA for v in (a, b))
            why = (" A missing name (None or pd.NA) should give 0.0 before anything else is done with it." if missing else "")
            raise Wrong(f"`name_similarity` raised {type(error).__name__} for the names {shown(a)} and {shown(b)}: {error}.{why}")
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
            raise Wrong(f"`name_similarity` should return a number, not a {type(value).__name__}.")
        value = float(value)
        if not 0 <= value <= 1:
            raise Wrong(f"`name_similarity` gives {value:.3f} for {a!r} and {b!r}: a similarity lies between 0 and 1.")
        return value

    if sim("Nguyen ", " NGUYEN") != 1:
        raise Wrong("The same name with different case or end spaces should score 1: case and end spaces must not count.")
    if sim(None, "REID") != 0 or sim("REID", pd.NA) != 0:
        raise Wrong("A missing name (None or pd.NA) should score 0.0, whatever the other name is.")
    for a, b in [("MACKENZIE", "MACKENZE"), ("GALLAGHER", "GALAGHER"), ("PATTERSON", "PATERSON"), ("FITZGERALD", "FITZGERALT")]:
        if sim(a, b) < 0.8:
            raise Wrong(f"`name_similarity` is below 0.8 for {a!r} and {b!r}, but the names differ by one slip.")
        if abs(sim(a, b) - sim(b, a)) > 1e-9:
            raise Wrong(f"`name_similarity` gives {a!r} and {b!r} another value when they swap places: a similarity should be symmetric.")
    for a, b in [("HRARISON", "ADERSON"), ("ADERSON", "MENSAH"), ("DIET", "TIDE")]:
        if abs(sim(a, b) - sim(b, a)) > 1e-9:
            raise Wrong(f"`name_similarity` gives {a!r} and {b!r} another value when they swap places: the prompt asks for the same "
                        "value in both orders. Some similarity measures read their two texts differently; make the result "
                        "not depend on which name comes first.")
    for a, b in [("SMITH", "PATEL"), ("BROWN", "OKAFOR"), ("HILL", "MURPHY")]:
        if sim(a, b) >= 0.5:
            raise Wrong(f"`name_similarity` is 0.5 or more for the unrelated names {a!r} and {b!r}.")


exercise = Exercise(
    id="ex03_08",
    name="name_similarity",
    title="Comparing names fuzzily",
    names=("name_similarity",),
    checks=[IsA("name_similarity", "function"), Behaves("name_similarity", _similarity_test)],
    hints=[
        "First deal with missing names, then normalise both names, then measure how much of them they share, in a way "
        "that gives the same value whichever name comes first.",
        "`difflib.SequenceMatcher(None, a, b).ratio()` is a ready-made similarity between 0 and 1, but it can change when "
        "the two names swap places: compute it both ways and combine the two values so that the order no longer matters "
        "(an edit distance scaled by the longer name is symmetric already).",
        "Return 0.0 if `pd.isna(a)` or `pd.isna(b)` (test None too); otherwise strip and upper-case both, compute the ratio "
        "in both orders and return the larger (or the mean) of the two.",
    ],
)
