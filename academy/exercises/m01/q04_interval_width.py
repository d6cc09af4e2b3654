"""Module 01, exercise 4 — how wide is the uncertainty?: `interval_width(percent, n)`.

Graded alone: `count_from_share` and `wilson_interval` mean correct stand-ins while it runs.
"""

import numpy as np

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m01.earlier_answers import STAND_INS
from academy.exercises.standins import Alone

HALF = "this looks like half the width (the half-width); the width spans the whole interval, from low to high."
WHOLE = "count the successes, take their Wilson interval, and measure it from end to end."


def _width_properties(func):
    for percent, n in [(97, 33), (27, 1000), (50, 10)]:
        got = func(percent, n)
        if isinstance(got, (bool, np.bool_)) or not isinstance(got, (int, float, np.integer, np.floating)):
            raise Wrong(f"interval_width({percent}, {n}) should return a number, not a {type(got).__name__}.")
        if not 0 < float(got) < 1:
            raise Wrong(f"interval_width({percent}, {n}) is not a share between 0 and 1: the width is high − low "
                        "of an interval whose ends are shares.")
    if not func(50, 100) > func(50, 1000):
        raise Wrong("The same share from more respondents should give a narrower interval; yours does not.")


exercise = Exercise(
    id="ex01_04",
    name="interval_width",
    title="How wide is the uncertainty?",
    names=("interval_width",),
    checks=[
        IsA("interval_width", "function"),
        Alone("interval_width", STAND_INS, Behaves("interval_width", _width_properties)),
        Alone("interval_width", STAND_INS, Calls("interval_width", (97, 33), key="tax", step=0.0001,
                                      message="For 97% of 33 the width is not yet right: " + WHOLE,
                                      mistakes={"wrong-half-width": HALF})),
        Alone("interval_width", STAND_INS, Calls("interval_width", (27, 1000), key="all", step=0.0001,
                                      message="For 27% of 1,000 the width is not yet right: " + WHOLE,
                                      mistakes={"wrong-half-width": HALF})),
    ],
    hints=[
        "The width of an interval is its high end minus its low end.",
        "First the count with count_from_share(percent, n), then its Wilson interval with wilson_interval, then the width.",
        "Unpack the two ends returned by `wilson_interval(count_from_share(percent, n), n)` and return the high end minus the low end.",
    ],
)
