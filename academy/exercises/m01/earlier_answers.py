"""Module 01's stand-ins for the earlier answers (`count_from_share`, `wilson_interval`) that
exercises 3–7 call: with them (``academy.exercises.standins``) each of those exercises is graded
alone, so a slip in exercise 1 or 2 costs points there only. The hidden tests bind their own copies.
"""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=None)
def _alpha(z: float) -> float:
    from scipy.stats import norm

    return 2 * (1 - norm.cdf(z))


def wilson_stand_in(successes, n, z=1.96):
    """Wilson's interval (low, high) from a library, so the package never spells out the formula."""
    from statsmodels.stats.proportion import proportion_confint

    low, high = proportion_confint(successes, n, alpha=_alpha(z), method="wilson")
    return float(low), float(high)


def count_stand_in(percent, n):
    """The count a percentage of n stands for, rounded as Python's round() does."""
    share = percent / 100
    return round(share * n)


STAND_INS = {"count_from_share": count_stand_in, "wilson_interval": wilson_stand_in}
