"""Exercises graded alone: while a check runs a learner's function, the earlier answers it uses
(`count_from_share`, `wilson_interval`) mean correct stand-ins, so a slip in exercise 1 or 2 costs
points there only. The hidden tests do the same with their own copies.

A learner's function finds an earlier answer by name in the notebook's namespace when it is
called, so the stand-ins are bound there (``func.__globals__``) for the length of the check and
the learner's own definitions are put back afterwards, also after a time-out.
"""

from __future__ import annotations

import contextlib
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


@contextlib.contextmanager
def replaced(func, stand_ins: dict):
    """While the block runs, the names in ``stand_ins`` mean the stand-ins inside ``func``."""
    namespace = getattr(func, "__globals__", None)
    if not isinstance(namespace, dict):
        yield
        return
    missing = object()
    saved = {name: namespace.get(name, missing) for name in stand_ins}
    namespace.update(stand_ins)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is missing:
                namespace.pop(name, None)
            else:
                namespace[name] = value


class Alone:
    """One check, run (and observed by `academy fingerprints`) with the earlier answers inside the
    learner's function ``name`` replaced; every other attribute is the wrapped check's."""

    def __init__(self, name: str, check, stand_ins: dict | None = None):
        self.name, self.check, self.stand_ins = name, check, STAND_INS if stand_ins is None else stand_ins

    def __call__(self, values, salt=None):
        with replaced(values[self.name], self.stand_ins):
            return self.check(values, salt)

    def observe(self, values):
        with replaced(values[self.name], self.stand_ins):
            return self.check.observe(values)

    def __getattr__(self, attr):
        if attr == "check":
            raise AttributeError(attr)
        return getattr(self.check, attr)
