"""Module 01, exercise 2 — Wilson's interval for a share: `wilson_interval(successes, n, z=1.96)`."""

import math

from academy.exercises.checks import Behaves, Calls, IsA
from academy.exercises.core import Exercise, Wrong

EDGE = ("For {k} out of {n} your interval has no width at all. That is the normal (Wald) interval failing at "
        "the edge; Wilson's interval still has a width there.")


def _pair(value):
    try:
        low, high = (float(v) for v in value)
    except (TypeError, ValueError):
        raise Wrong("`wilson_interval` should return two numbers, (low, high).")
    if not (math.isfinite(low) and math.isfinite(high)):
        raise Wrong("`wilson_interval` should return two finite numbers, (low, high).")
    return low, high


def _contains(k, n, low, high):
    if low - 1e-9 <= k / n <= high + 1e-9:
        return
    message = f"The interval for {k} out of {n} does not contain the observed share {k}/{n}."
    if k in (0, n):
        message += (" Here p(1−p)/n is 0, so inside the square root only the term z²/(4n²) keeps the interval open "
                    "up to the edge: check how you wrote that term (its brackets), and the z/(1 + z²/n) in front "
                    "of the root.")
    else:
        message += " Check the formula term by term: the centre, and the half-width."
    raise Wrong(message)


def _wilson_properties(func):
    for k, n in [(3, 10), (27, 100), (270, 1000), (33, 33), (0, 40)]:
        low, high = _pair(func(k, n))
        if low > high + 1e-9:
            raise Wrong(f"For wilson_interval({k}, {n}) your first value is larger than your second: the low end "
                        "comes first — not (high, low), nor (centre, half-width).")
        if high > 1.5 and low > -1e-9:
            raise Wrong("`wilson_interval` should return shares between 0 and 1 (as 0.27, not 27). Are you working "
                        "in percent instead of shares?")
        if not (-1e-9 <= low and high <= 1 + 1e-9):
            raise Wrong(f"For wilson_interval({k}, {n}) your interval reaches below 0 or above 1, which Wilson's "
                        "interval never does. Check the formula term by term: the centre, and the half-width.")
        _contains(k, n, low, high)
    for k in (0, 40):
        low, high = _pair(func(k, 40))
        if high - low < 1e-6:
            raise Wrong(EDGE.format(k=k, n=40))
    narrow, wide = _pair(func(27, 100, z=1.645)), _pair(func(27, 100, z=2.576))
    if not wide[1] - wide[0] > narrow[1] - narrow[0] + 1e-6:
        raise Wrong("Your function seems to ignore `z`: a larger z must give a wider interval.")
    small, large = _pair(func(27, 100)), _pair(func(270, 1000))
    if not large[1] - large[0] < small[1] - small[0]:
        raise Wrong("The same share from ten times more respondents should give a narrower interval.")


exercise = Exercise(
    id="ex01_02",
    name="wilson_interval",
    title="Wilson's interval for a share",
    names=("wilson_interval",),
    checks=[
        IsA("wilson_interval", "function"),
        Behaves("wilson_interval", _wilson_properties),
        Calls("wilson_interval", (270, 1000), key="visible_case", step=0.0001,
              message="Check the formula term by term: the centre, and the half-width.",
              mistakes={"wrong-ninety-percent": "this is a 90% interval (z = 1.645), although no z was given: the "
                                                "interval should use the z it is called with, and 1.96 (95%) when "
                                                "none is given."}),
    ],
    hints=[
        "Start from the observed share p = successes / n. The interval is a centre plus and minus a half-width.",
        "Wilson's centre is (p + z²/(2n)) / (1 + z²/n); the half-width is z/(1 + z²/n) times √(p(1−p)/n + z²/(4n²)).",
        "Compute p, then `centre` and `half` with the two formulas in hint 2 (`math.sqrt` for the root), and return `(centre - half, centre + half)`.",
    ],
)
