"""Module 01, exercise 5 — can we tell two figures apart?: `compare(table, figure_a, figure_b)`.

Graded alone: `count_from_share` and `wilson_interval` mean correct stand-ins while it runs.
"""

import pandas as pd

from academy.exercises.checks import Behaves, Calls, CallsOn, IsA
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m01.earlier_answers import STAND_INS
from academy.exercises.standins import Alone

TAX = "benefits_realised.tax_and_customs.compliance"
ALL = "benefits_realised.improved_decision_making"
AUSTRALIA = "deployed_or_deploying_by_country.australia.deployed_or_deploying"
GERMANY = "deployed_or_deploying_by_country.germany.deployed_or_deploying"
VERDICTS = {"apart", "overlap", "no base"}

# A small made-up table: a function that ignores `table` and reads `figures` cannot find these rows.
MADE_UP = pd.DataFrame({
    "figure_id": ["made_up.higher", "made_up.lower", "made_up.no_base"],
    "topic": "made_up", "group": "all", "item": ["higher", "lower", "no_base"],
    "percent": [97.0, 76.0, 50.0],
    "base_n": pd.array([300, 300, pd.NA], dtype="Int64"),
    "base": "made up for this check",
})


def _verdict(got):
    if not isinstance(got, str):
        raise Wrong(f"`compare` should return a string, but it returned a {type(got).__name__}.")
    if got.strip().lower() not in VERDICTS:
        raise Wrong(f"`compare` returned {got!r}; the prompt asks for one of 'apart', 'overlap' or 'no base'.")
    return got.strip().lower()


def _missing_bases(func):
    """A missing base must be noticed before it is used: name that, rather than a bare TypeError."""
    table = MADE_UP.copy()
    try:
        func(table, "made_up.no_base", "made_up.lower")
    except (TypeError, ValueError) as error:
        raise Wrong(f"`compare` raised {type(error).__name__}: {error}. Is one of the bases missing? A missing base "
                    "(<NA>) cannot take part in arithmetic or a comparison: find out whether a base is missing "
                    "before you use it.")
    except KeyError as error:
        raise Wrong(f"`compare` raised KeyError: {error} on a made-up table whose figure ids are not in `figures`: "
                    "does your function look the figures up in its `table` argument, rather than in `figures`?")


def _case(args, key, message):
    return Alone("compare", STAND_INS, CallsOn("compare", ["figures"], fixed=args, key=key, transform=_verdict, message=message,
                                    shown=f"compare(figures, {args[0]!r}, {args[1]!r})"))


exercise = Exercise(
    id="ex01_05",
    name="compare",
    title="Can we tell two figures apart?",
    names=("compare", "figures"),
    checks=[
        IsA("compare", "function"),
        Alone("compare", STAND_INS, Behaves("compare", _missing_bases)),
        _case((TAX, ALL), "tax_vs_all", "Compute both intervals and ask whether one lies wholly above the other."),
        _case((ALL, TAX), "all_vs_tax", "The same two figures in the other order: does your test work whichever "
                                        "figure comes first? Two intervals are apart when either lies wholly above the other."),
        _case(("barriers.technology", "barriers.culture"), "barriers",
              "Compute both intervals and ask whether they share any values."),
        _case((AUSTRALIA, GERMANY), "countries", "What does the table say about how many respondents these figures rest on?"),
        _case((ALL, AUSTRALIA), "second_without_base", "Here the first figure has a base but the second does not: check both bases."),
        Alone("compare", STAND_INS, Calls("compare", (MADE_UP, "made_up.lower", "made_up.higher"), key="made_up", transform=_verdict,
                               message="This table is made up, so its figures are not in `figures`: does your function "
                                       "use its `table` argument, and test both orders?")),
    ],
    hints=[
        "First find the two rows by `figure_id`. If either has no base (`pd.isna(base_n)`), you cannot compute an interval.",
        "With both bases, compute both Wilson intervals (successes from count_from_share). Two intervals are apart when one's low end is above the other's high end.",
        "Look each figure up with `table.set_index('figure_id').loc[figure_id]`. If `pd.isna(...)` is true for either base, return 'no base'. Otherwise compute both intervals: they are apart when `low_a > high_b`, or when `low_b > high_a`; in every other case they overlap.",
    ],
)
