"""Exercises graded alone: while a check runs `weight_to_flip` or `indispensable`, the earlier
answers they use (`score_use_cases`, `smallest_cover`) mean correct stand-ins, so a slip in
exercise 1 or 10 costs points there only. The hidden tests do the same with their own copies.

A learner's function finds an earlier answer by name in the notebook's namespace when it is
called, so the stand-in is bound there (``func.__globals__``) for the length of the check and the
learner's own definition is put back afterwards, also after a time-out.
"""

from __future__ import annotations

import contextlib
import itertools

import numpy as np
import pandas as pd


def scores_stand_in(candidates, weights):
    """score_use_cases as exercise 1's prompt spells out its two rules (weighted mean; ties share the smaller rank)."""
    criteria = list(weights)
    w = np.array([float(weights[c]) for c in criteria])
    values = candidates[criteria].to_numpy(dtype=float) @ w / w.sum()
    ranks = pd.Series(values).rank(method="min", ascending=False).to_numpy(dtype=int)
    table = pd.DataFrame({"use_case": candidates["use_case"].to_numpy(), "score": values, "rank": ranks})
    return table.sort_values("rank", kind="stable").reset_index(drop=True)


def cover_stand_in(needed, holdings):
    """smallest_cover as exercise 10's prompt spells out the search (sizes 0, 1, …; sorted names)."""
    names, needed = sorted(holdings), set(needed)
    sizes = range(len(names) + 1)
    for group in itertools.chain.from_iterable(itertools.combinations(names, k) for k in sizes):
        if needed <= set().union(*(set(holdings[a]) for a in group)):
            return set(group)
    return None


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
    """One check, run (and observed by `academy fingerprints`) with earlier answers inside the
    learner's function ``name`` replaced by ``stand_ins``; every other attribute is the wrapped check's."""

    def __init__(self, name: str, stand_ins: dict, check):
        self.name, self.stand_ins, self.check = name, stand_ins, check

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
