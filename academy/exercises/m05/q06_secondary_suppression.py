"""Module 05, exercise 6 — secondary suppression: `secondary_mask(table, mask)` (a True/False DataFrame).

Checked by its properties, since other correct strategies than the prompt's are accepted: every
primary cell stays hidden, no row or column has exactly one hidden cell, not far more is hidden.
"""

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m05.made_up import run
from academy.exercises.m05.q05_primary_suppression import TABLE, as_mask


def _properties(func, table, primary, where=""):
    before = primary.copy()
    got = as_mask(run(func, "secondary_mask", table.copy(), primary), table, "secondary_mask")
    if not primary.equals(before):
        raise Wrong("`secondary_mask` changed the mask it was given. The prompt asks for a new mask and leaves "
                    "`mask` as it was.")
    if bool((primary & ~got).any().any()):
        raise Wrong("A cell that was suppressed in `mask` is no longer suppressed: keep every primary suppression." + where)
    rows, cols = got.sum(axis=1), got.sum(axis=0)
    if (rows == 1).any() or (cols == 1).any():
        line = "row" if (rows == 1).any() else "column"
        raise Wrong(f"A {line} still has exactly one suppressed cell, so it can be recovered from the {line} total. "
                    "Keep going until no row and no column has exactly one." + where)
    if int(got.sum().sum()) > int(primary.sum().sum()) + len(table.index) + len(table.columns):
        raise Wrong("`secondary_mask` suppresses far more cells than needed: add one cell at a time, the smallest "
                    "in the line." + where)


def _secondary_test(func):
    _properties(func, TABLE, (TABLE > 0) & (TABLE < 10))
    rng = np.random.default_rng(7)
    for _ in range(5):
        table = pd.DataFrame(rng.integers(0, 30, (4, 5)), index=list("abcd"), columns=list("vwxyz"))
        _properties(func, table, (table > 0) & (table < 6), " (on a made-up table)")


exercise = Exercise(
    id="ex05_06",
    name="secondary_suppression",
    title="Secondary suppression",
    names=("secondary_mask",),
    checks=[IsA("secondary_mask", "function"), Behaves("secondary_mask", _secondary_test)],
    hints=[
        "Work on `hidden = mask.copy()`. Which rows have exactly one True? Which columns?",
        "`hidden.sum(axis=1)` counts suppressed cells per row, `hidden.sum(axis=0)` per column. For such a line, "
        "look at the table's values where `hidden` is False and take the label of the smallest (`idxmin`).",
        "Repeat in a `while` loop: after each added cell, look at all rows and columns again; stop when none has exactly one.",
    ],
)
