"""Module 01, exercise 6 — how many respondents would it take?: `smallest_base_apart(percent_a, percent_b)`.

Graded alone: `count_from_share` and `wilson_interval` mean correct stand-ins while it runs.
"""

import numpy as np

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m01.earlier_answers import STAND_INS
from academy.exercises.standins import Alone

ONE_DIRECTION = ("Does your loop test both orders? Two intervals are apart when either one lies wholly above the "
                 "other, whichever figure comes first. With only one of the two tests, the loop never stops when the "
                 "smaller percentage comes first: try smallest_base_apart(14, 46) and smallest_base_apart(46, 14).")


def _whole_number(got) -> bool:
    return (not isinstance(got, (bool, np.bool_)) and isinstance(got, (int, np.integer, float, np.floating))
            and float(got).is_integer())


def _call_base(func, a, b):
    """Call the learner's function; None or a division by zero become feedback."""
    try:
        got = func(a, b)
    except ZeroDivisionError as error:
        raise Wrong(f"smallest_base_apart({a}, {b}) raised ZeroDivisionError: {error}. With n = 0 respondents "
                    "there is no share to divide: where does your count of respondents start?")
    if got is None:
        raise Wrong(f"smallest_base_apart({a}, {b}) returned None. Did you forget `return`, or does your loop stop "
                    "(for example at the end of a `range`) before it finds an n that works?")
    return got


def _base_properties(func):
    # The smaller percentage first: a loop that tests only one order never stops here, and the
    # exercise's time limit turns that into the too_slow feedback.
    got = _call_base(func, 14, 46)
    if not _whole_number(got):
        raise Wrong("`smallest_base_apart` should return a whole number of respondents.")
    mirrored = _call_base(func, 46, 14)
    if not _whole_number(mirrored) or float(mirrored) != float(got):
        raise Wrong("smallest_base_apart(14, 46) and smallest_base_apart(46, 14) differ, but the order of the two "
                    "percentages should not matter. " + ONE_DIRECTION)
    if not float(_call_base(func, 46, 30)) > float(got):
        raise Wrong("Two shares that are closer together need more respondents to tell apart; yours does not.")


exercise = Exercise(
    id="ex01_06",
    name="smallest_base_apart",
    title="How many respondents would it take?",
    names=("smallest_base_apart",),
    time_limit=5,
    too_slow=ONE_DIRECTION,
    checks=[
        IsA("smallest_base_apart", "function"),
        Alone("smallest_base_apart", STAND_INS, Behaves("smallest_base_apart", _base_properties)),
        Alone("smallest_base_apart", STAND_INS, Calls(
            "smallest_base_apart", (46, 14), key="visible_case", step=0.5,
            message="Start at n = 1 and go up one at a time; stop at the first n where the two intervals do not overlap.",
            mistakes={"wrong-missing-base": "you rounded the successes to whole respondents. Here the base is imagined, "
                                            "so the share stays exactly as printed and the successes need not be whole."})),
    ],
    hints=[
        "Try n = 1, 2, 3, ...: for each n, imagine both countries had n respondents each.",
        "For each n, compute wilson_interval(percent_a / 100 * n, n) and the same for b; stop when one interval lies wholly above the other, whichever of the two it is.",
        "Start with `n = 1` and loop with `while True:`; inside, compute both intervals, return n when `low_a > high_b` or `low_b > high_a`, and otherwise add 1 to n.",
    ],
)
