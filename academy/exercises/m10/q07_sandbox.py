"""Module 10, exercise 7 — the analysts' synthetic sandbox, measured: `sandbox` (a DataFrame)."""

import functools

import pandas as pd

from academy.exercises.checks import IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m10 import teaching

SHARE_GAP = 0.05  # each category's share within 5 percentage points of the training data's


@functools.lru_cache(maxsize=1)
def _split():
    return teaching.sandbox_split()


def _shape(values, salt):
    table = values["sandbox"]
    train, _ = _split()
    if sorted(map(str, table.columns)) != sorted(train.columns):
        raise Wrong("`sandbox` should have exactly the columns of `train`.")
    if len(table) != len(train):
        raise Wrong("`sandbox` should have as many rows as `train`.")
    public = teaching.domain()
    for column, categories in public.items():
        if not table[column].astype(str).isin([str(c) for c in categories]).all():
            raise Wrong(f"Column {column} of `sandbox` holds values outside the public categories of that column.")


def _useful(values, salt):
    table = values["sandbox"]
    train, _ = _split()
    for column in train.columns:
        real = train[column].astype(str).value_counts(normalize=True)
        fake = table[column].astype(str).value_counts(normalize=True)
        real, fake = real.align(fake, fill_value=0)
        if (real - fake).abs().max() > SHARE_GAP:
            raise Wrong(f"Column {column} of `sandbox` strays too far from the real shares of its categories: the "
                        "sandbox would mislead analysts.")


def _safe(values, salt):
    train, control = _split()
    risk = teaching.sandbox_risk(values["sandbox"], train, control)
    if not risk <= teaching.RISK_THRESHOLD:
        raise Wrong("The measured risk of `sandbox` is above the agreed threshold: it re-finds rare people of "
                    "`train` far more often than rare people it never saw. A synthesizer that copies records, or "
                    "keeps every detail of small groups, does this.")


exercise = Exercise(
    id="ex10_07",
    name="sandbox",
    title="The analysts' synthetic sandbox",
    names=("sandbox",),
    checks=[IsA("sandbox", "frame"), _shape, _useful, _safe],
    hints=[
        "Any synthesizer of module 09 that copies nobody will do; measure before you release.",
        "`ex.teaching.memorising_synthesizer(..., copied=0.0)` is module 09's chain synthesizer; independent marginals also pass.",
        "Draw `len(train)` rows, keep `train`'s columns, and compare `ex.teaching.sandbox_risk(...)` with `ex.teaching.RISK_THRESHOLD`.",
    ],
)
