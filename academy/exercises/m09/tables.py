"""Small tables the checks of module 09 build (no reference code): a dependent pair and a chain."""

import numpy as np
import pandas as pd


def dependent_pair(seed=11, n=3000) -> pd.DataFrame:
    """Columns ``a`` (three letters) and ``b`` (a function of ``a``): Cramér's V is 1."""
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame({"a": rng.choice(list("xyz"), n, p=[0.5, 0.3, 0.2])})
    frame["b"] = frame["a"].map({"x": 10, "y": 20, "z": 30})
    return frame


def chain(seed=12, n=4000) -> pd.DataFrame:
    """``a`` → ``b`` (80% determined by ``a``) → ``c`` (determined by ``b``), and ``d`` independent."""
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame({"a": rng.choice(list("xyz"), n), "d": rng.choice(list("uv"), n)})
    frame["b"] = np.where(rng.random(n) < 0.8, frame["a"].map({"x": "p", "y": "q", "z": "r"}), "s")
    frame["c"] = frame["b"].map({"p": 1, "q": 2, "r": 1, "s": 3})
    return frame


def shares(series) -> pd.Series:
    return pd.Series(np.asarray(series)).value_counts(normalize=True)


def table_of(value, what) -> pd.DataFrame:
    """Refuse anything that is not a DataFrame, with feedback naming the function."""
    from academy.exercises.core import Wrong
    if value is None:
        raise Wrong(f"`{what}` returned None. Did you forget `return`?")
    if not isinstance(value, pd.DataFrame):
        raise Wrong(f"`{what}` should return a DataFrame, not a {type(value).__name__}.")
    return value
