"""Module 09, exercise 3 — a Bayesian-network (chain) synthesizer: `chain_synthesizer(df, parents, n, rng)`."""

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m09.tables import chain, shares, table_of

PARENTS = {"a": None, "b": "a", "c": "b", "d": None}


def _conditional_gap(real, syn, parent, child):
    p = pd.crosstab(np.asarray(real[parent]), np.asarray(real[child]), normalize="index")
    q = pd.crosstab(np.asarray(syn[parent]), np.asarray(syn[child]), normalize="index").reindex_like(p).fillna(0)
    return float((p - q).abs().to_numpy().max())


def _behaves(func):
    real = chain()
    syn = table_of(func(real.copy(), dict(PARENTS), 4000, np.random.default_rng(4)), "chain_synthesizer")
    if len(syn) != 4000 or sorted(map(str, syn.columns)) != ["a", "b", "c", "d"]:
        raise Wrong("Return `n` rows with one column per key of `parents`.")
    for column in ("a", "d"):
        if not (shares(syn[column]) - shares(real[column])).abs().max() < 0.04:
            raise Wrong("A column without a parent does not keep its distribution: draw it from its values in `df`.")
    for parent, child in (("a", "b"), ("b", "c")):
        if not _conditional_gap(real, syn, parent, child) < 0.06:
            raise Wrong(f"Column `{child}` does not follow its parent `{parent}`: for each synthetic row, draw "
                        f"`{child}` only from real rows with the same value of `{parent}`.")
    again = func(real.copy(), dict(PARENTS), 4000, np.random.default_rng(4))
    if not pd.DataFrame(again)[list(syn.columns)].reset_index(drop=True).astype(str).equals(
            pd.DataFrame(syn).reset_index(drop=True).astype(str)):
        raise Wrong("Two generators made from the same seed give different tables: draw with the `rng` you are given.")


exercise = Exercise(
    id="ex09_03",
    name="chain_synthesizer",
    title="A chain synthesizer",
    names=("chain_synthesizer",),
    checks=[IsA("chain_synthesizer", "function"), Behaves("chain_synthesizer", _behaves)],
    hints=[
        "Fill the synthetic table one column at a time, in the order of `parents`: a child's parent is then already drawn.",
        "`df.groupby(parent)[column]` gives, for each parent value, the real values of the child to draw from.",
        "For each parent value, select the synthetic rows with that value and fill them with `rng.choice(group, size=...)`.",
    ],
)
