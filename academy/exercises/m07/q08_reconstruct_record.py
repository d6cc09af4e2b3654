"""Module 07, exercise 8 — rebuild a record from a one-record update: `reconstruct_record(before, after)`."""

import numpy as np

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong

_g = np.random.default_rng(8008)
BEFORE = np.round(_g.normal(scale=0.3, size=6), 4)
# what a hospital returns after one step on one record (a readmitted patient, learning rate 0.1)
_x = np.array([0.61, 0.3, 1.0, 0.0, 1.0])
_p = 1 / (1 + np.exp(-(_x @ BEFORE[:-1] + BEFORE[-1])))
AFTER = BEFORE - 0.1 * (_p - 1) * np.append(_x, 1.0)


def _pair(value):
    x, label = value
    return [float(v) for v in np.asarray(x, dtype=float)] + [float(label)]


def _returns_a_pair(func):
    got = func(BEFORE.copy(), AFTER.copy())
    if got is None:
        raise Wrong("`reconstruct_record` returned None. Did you forget `return`?")
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        raise Wrong("`reconstruct_record` should return a pair: the features, then the label.")
    if np.shape(got[0]) != (5,):
        raise Wrong("The features should have one entry per weight — every entry of the vector except the "
                    "last one, which is the intercept.")


exercise = Exercise(
    id="ex07_08",
    name="reconstruct_record",
    title="Rebuild the record",
    names=("reconstruct_record",),
    checks=[
        IsA("reconstruct_record", "function"),
        Behaves("reconstruct_record", _returns_a_pair),
        Calls("reconstruct_record", (BEFORE, AFTER), key="visible_case", step=1e-6, transform=_pair,
              message="On a small update the rebuilt record is not right. The weights moved by the same number "
                      "times x as the intercept moved times 1: what does dividing one by the other give?",
              mistakes={"wrong-no-clip-and-signs":
                        "the features are right but the label is the wrong way round. For a readmitted patient "
                        "y − p is positive: which way does the intercept move?"}),
    ],
    hints=[
        "Subtract `before` from `after`: that is the change the step made.",
        "The change in the weights is a number times x; the change in the intercept is the same number times 1.",
        "Divide the weight changes by the intercept change to get x; the sign of the intercept change gives the label.",
    ],
)
